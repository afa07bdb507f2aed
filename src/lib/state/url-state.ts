// The view as a URL hash and back: pure, total parsing (never throws), keeps valid parts of a broken link.
import type { Modality } from '../graph/types.ts';
import { MODALITIES } from '../graph/types.ts';
import { DATE } from '../graph/text-checks.ts';
import { PATH_FLAGS } from '../graph/paths/path-flags.ts';

export type Lang = 'en' | 'zh';

export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

export interface PathQuery {
  from: string;
  to: string;
  /** Extra path options as flat strings (mode, k, direction, ...), interpreted by the path engine. */
  options: Record<string, string>;
  /** Index of the highlighted result, or -1 for all. */
  selected: number;
}

export interface UrlState {
  /** Selected entity id. */
  entity?: string | undefined;
  /** Selected relation id. */
  relation?: string | undefined;
  /** Focus depth around the selected entity (0 = no focus). */
  depth: number;
  hiddenEntityTypes: string[];
  hiddenRelationTypes: string[];
  modalities: Modality[];
  lang: Lang;
  camera?: Camera | undefined;
  path?: PathQuery | undefined;
  /** Name of an imported dataset the view belongs to. */
  dataset?: string | undefined;
  /** Node size lens (degree, weighted-degree, pagerank, betweenness). */
  sizeLens?: string | undefined;
  /** Node colour: by entity type (default) or by Louvain community. */
  colourLens?: 'type' | 'louvain' | undefined;
  /** Show the graph as of this date. */
  asOf?: string | undefined;
  hideUndated?: boolean | undefined;
}

export const DEFAULT_STATE: UrlState = {
  depth: 0,
  hiddenEntityTypes: [],
  hiddenRelationTypes: [],
  modalities: [...MODALITIES],
  lang: 'en',
};

/** Hashes longer than this are ignored whole: no legitimate view needs 16 KB. */
export const MAX_HASH_LENGTH = 16_384;
const MAX_ID_LENGTH = 200;
/** Path options in links: the CLI's path flags, plus whether the query ignores the view's filters. */
const PATH_OPTION_KEYS = [...PATH_FLAGS, 'ignore-filters'] as const;

export interface ParseResult {
  state: UrlState;
  /** What was wrong with the link, for a non-blocking notice. Empty when it was clean. */
  notices: string[];
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const ID = /^[^\u0000-\u001f<>"'`]{1,200}$/u;

function idList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.length <= MAX_ID_LENGTH && ID.test(s));
}

/** Parses a location hash (with or without `#`). Unknown keys and invalid values are dropped with a notice. */
export function parseHash(hash: string): ParseResult {
  const notices: string[] = [];
  const state: UrlState = { ...DEFAULT_STATE, hiddenEntityTypes: [], hiddenRelationTypes: [], modalities: [...MODALITIES] };
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { state, notices };
  if (text.length > MAX_HASH_LENGTH) return { state, notices: [`The link was too long (${text.length} characters) and was ignored.`] };
  // A Map, not an object: keys such as __proto__ stay plain data.
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq === -1 ? part : part.slice(0, eq));
    const value = safeDecode(eq === -1 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) {
      notices.push(`Ignored a malformed part of the link: "${part.slice(0, 40)}"`);
      continue;
    }
    params.set(key, value);
  }
  const pathParts = new Map<string, string>();
  for (const [key, value] of params) {
    switch (key) {
      case 'e':
        if (ID.test(value)) state.entity = value;
        else notices.push('Ignored an invalid entity in the link.');
        break;
      case 'r':
        if (ID.test(value)) state.relation = value;
        else notices.push('Ignored an invalid relation in the link.');
        break;
      case 'd': {
        const d = Number(value);
        if (Number.isInteger(d) && d >= 0 && d <= 3) state.depth = d;
        else notices.push(`Ignored focus depth "${value.slice(0, 10)}" (allowed 0 to 3).`);
        break;
      }
      case 'ht':
        state.hiddenEntityTypes = idList(value);
        break;
      case 'hr':
        state.hiddenRelationTypes = idList(value);
        break;
      case 'm': {
        const ms = value.split(',').filter((m): m is Modality => (MODALITIES as readonly string[]).includes(m));
        if (ms.length) state.modalities = MODALITIES.filter((m) => ms.includes(m));
        else notices.push('Ignored an invalid modality filter in the link.');
        break;
      }
      case 'lang':
        if (value === 'en' || value === 'zh') state.lang = value;
        else notices.push(`Unknown language "${value.slice(0, 10)}"; using English.`);
        break;
      case 'cam': {
        const camera = readCamera(value);
        if (camera) state.camera = camera;
        else notices.push('Ignored an invalid camera position in the link.');
        break;
      }
      case 'sz':
        if (/^[a-z-]{1,30}$/.test(value)) state.sizeLens = value;
        else notices.push('Ignored an invalid size lens in the link.');
        break;
      case 'col':
        if (value === 'louvain' || value === 'type') state.colourLens = value;
        else notices.push('Ignored an invalid colour lens in the link.');
        break;
      case 'asof':
        if (DATE.test(value)) state.asOf = value;
        else notices.push(`Ignored the date "${value.slice(0, 20)}" in the link.`);
        break;
      case 'undated':
        state.hideUndated = value === 'hide';
        break;
      case 'data':
        if (ID.test(value)) state.dataset = value;
        break;
      case 'from':
      case 'to':
      case 'pr':
        pathParts.set(key, value);
        break;
      default:
        if (key.startsWith('p.') && (PATH_OPTION_KEYS as readonly string[]).includes(key.slice(2)))
          pathParts.set(key, value.slice(0, 2000));
        else notices.push(`Ignored unknown link parameter "${key.slice(0, 30)}".`);
    }
  }
  const from = pathParts.get('from');
  const to = pathParts.get('to');
  if (from !== undefined && to !== undefined && ID.test(from) && ID.test(to)) {
    const options: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of pathParts) if (k.startsWith('p.')) options[k.slice(2)] = v;
    const selected = Number(pathParts.get('pr') ?? '0');
    state.path = { from, to, options, selected: Number.isInteger(selected) && selected >= -1 && selected < 100 ? selected : 0 };
  } else if (from !== undefined || to !== undefined) notices.push('Ignored an incomplete path query in the link.');
  return { state, notices };
}

/** Rounds a camera as links store it (zoom to 3 decimals, pan to 1; no -0), so parse and serialise agree. */
function roundCamera(zoom: number, x: number, y: number): Camera {
  const round = (n: number, digits: number): number => {
    const r = Number(n.toFixed(digits));
    return r === 0 ? 0 : r;
  };
  return { zoom: round(zoom, 3), x: round(x, 1), y: round(y, 1) };
}

function readCamera(value: string): Camera | undefined {
  const parts = value.split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return undefined;
  const [zoom, x, y] = parts.map(Number) as [number, number, number];
  if (![zoom, x, y].every(Number.isFinite)) return undefined;
  const camera = roundCamera(zoom, x, y);
  return camera.zoom > 0 && camera.zoom < 100 && Math.abs(camera.x) < 1e9 && Math.abs(camera.y) < 1e9 ? camera : undefined;
}

const enc = (s: string): string => encodeURIComponent(s).replace(/%2C/g, ',');

/** Serialises a state to a hash (without `#`), omitting defaults so links stay short. Stable key order. */
export function toHash(state: UrlState): string {
  const parts: string[] = [];
  if (state.dataset) parts.push(`data=${enc(state.dataset)}`);
  if (state.entity) parts.push(`e=${enc(state.entity)}`);
  if (state.relation) parts.push(`r=${enc(state.relation)}`);
  if (state.depth > 0) parts.push(`d=${state.depth}`);
  if (state.hiddenEntityTypes.length) parts.push(`ht=${state.hiddenEntityTypes.map(enc).join(',')}`);
  if (state.hiddenRelationTypes.length) parts.push(`hr=${state.hiddenRelationTypes.map(enc).join(',')}`);
  if (state.modalities.length !== MODALITIES.length) parts.push(`m=${state.modalities.join(',')}`);
  if (state.lang !== 'en') parts.push(`lang=${state.lang}`);
  if (state.sizeLens) parts.push(`sz=${enc(state.sizeLens)}`);
  if (state.colourLens === 'louvain') parts.push('col=louvain');
  if (state.asOf) parts.push(`asof=${enc(state.asOf)}`);
  if (state.asOf && state.hideUndated) parts.push('undated=hide');
  if (state.path) {
    parts.push(`from=${enc(state.path.from)}`, `to=${enc(state.path.to)}`);
    for (const key of PATH_OPTION_KEYS) {
      const v = state.path.options[key];
      if (v !== undefined && v !== '') parts.push(`p.${key}=${enc(v)}`);
    }
    if (state.path.selected !== 0) parts.push(`pr=${state.path.selected}`);
  }
  if (state.camera) {
    const camera = readCamera(`${state.camera.zoom},${state.camera.x},${state.camera.y}`);
    if (camera) parts.push(`cam=${camera.zoom},${camera.x},${camera.y}`);
  }
  const hash = parts.join('&');
  // Only the type lists are unbounded; a link that would be too long to read back drops them rather than everything.
  if (hash.length > MAX_HASH_LENGTH) return toHash({ ...state, hiddenEntityTypes: [], hiddenRelationTypes: [] });
  return hash;
}
