// The view as a URL hash and back: pure, total parsing (never throws), keeps valid parts of a broken link.
import type { Modality } from '../graph/types.ts';
import { MODALITIES } from '../graph/types.ts';
import { DATE } from '../graph/text-checks.ts';
import { PATH_FLAGS } from '../graph/paths/path-flags.ts';
import type { LabelMode } from '../view/canvas-labels.ts';

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
  /** The same-origin API a graph served a part at a time comes from (`source=/api`, see server-graph.svelte.ts). */
  source?: string | undefined;
  /** Node size lens: one of the lens registry's SIZE_LENS_IDS (the explorer drops any other with a notice). */
  sizeLens?: string | undefined;
  /** Node colour: by entity type (default) or by Louvain community. */
  colourLens?: 'type' | 'louvain' | undefined;
  /** Show the graph as of this date. */
  asOf?: string | undefined;
  hideUndated?: boolean | undefined;
  /** Show only relations their source states (leave out inferred ones). */
  statedOnly?: boolean | undefined;
  /** Leave out relations the source denies. */
  hideNegated?: boolean | undefined;
  /** Which labels the canvas shows (`auto` when absent: placed without overlaps). */
  labels?: Exclude<LabelMode, 'auto'> | undefined;
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

/** An API base: a same-origin path of plain characters (`/api`). */
export const SOURCE = /^\/[A-Za-z0-9/_-]{0,100}$/;

/** A dataset name (a same-origin path or `file:name`): short and plain, since it is fetched or looked up by name. */
const DATASET = /^[^\u0000-\u001f<>"'`]{1,200}$/u;

/**
 * Entity, relation and type ids are data, never markup (nothing renders them as HTML), so any non-empty id is read
 * back as written: quotes, `< >`, commas, CJK and long ids round-trip. Whether the graph has them is checked later,
 * against the graph actually shown.
 */
const isId = (s: string): boolean => s !== '';

/**
 * A comma-separated list whose items were percent-encoded one by one (a comma inside an item is `%2C`), so it is
 * split before it is decoded. Undecodable or empty items are dropped.
 */
function idList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => safeDecode(item))
    .filter((s): s is string => s !== undefined && isId(s));
}

/** Keys whose values are lists of ids, read raw so that commas inside ids survive. */
const LIST_KEYS = new Set(['ht', 'hr']);

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
    const raw = eq === -1 ? '' : part.slice(eq + 1);
    const value = key !== undefined && LIST_KEYS.has(key) ? raw : safeDecode(raw);
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
        if (isId(value)) state.entity = value;
        else notices.push('Ignored an invalid entity in the link.');
        break;
      case 'r':
        if (isId(value)) state.relation = value;
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
      case 'basis':
        if (value === 'stated') state.statedOnly = true;
        else notices.push('Ignored an invalid basis filter in the link.');
        break;
      case 'neg':
        if (value === 'hide') state.hideNegated = true;
        else notices.push('Ignored an invalid filter for denied relations in the link.');
        break;
      case 'lb':
        if (value === 'all' || value === 'none') state.labels = value;
        else notices.push('Ignored an invalid label setting in the link.');
        break;
      case 'data':
        if (DATASET.test(value)) state.dataset = value;
        break;
      case 'source':
        if (SOURCE.test(value) && !value.includes('//')) state.source = value;
        else notices.push('Ignored an invalid graph source in the link (a same-origin path such as /api).');
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
  if (from !== undefined && to !== undefined && isId(from) && isId(to)) {
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

/**
 * Percent-encodes one value. A lone UTF-16 surrogate (which no text file can hold) becomes U+FFFD rather than making
 * encodeURIComponent throw.
 */
const enc = (s: string): string => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD'));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A list value: items encoded one by one (commas inside them become `%2C`), joined by commas. */
const encList = (items: readonly string[]): string => items.map(enc).join(',');

/**
 * Serialises a state to a hash (without `#`), omitting defaults so links stay short. Stable key order. Never longer
 * than parseHash accepts: a state that would be drops its type lists first, then the ids too long for a link (a 20 KB
 * id), so the URL still follows the rest of the view.
 */
export function toHash(state: UrlState): string {
  const full = serialise(state);
  if (full.length <= MAX_HASH_LENGTH) return full;
  const withoutTypes: UrlState = { ...state, hiddenEntityTypes: [], hiddenRelationTypes: [] };
  const shorter = serialise(withoutTypes);
  if (shorter.length <= MAX_HASH_LENGTH) return shorter;
  // What is left is bounded: a dataset name of at most 200 characters and a few short values.
  return serialise({ ...withoutTypes, entity: undefined, relation: undefined, path: undefined });
}

function serialise(state: UrlState): string {
  const parts: string[] = [];
  // SOURCE allows only characters a URL keeps as they are.
  if (state.source) parts.push(`source=${state.source}`);
  if (state.dataset) parts.push(`data=${enc(state.dataset)}`);
  if (state.entity) parts.push(`e=${enc(state.entity)}`);
  if (state.relation) parts.push(`r=${enc(state.relation)}`);
  if (state.depth > 0) parts.push(`d=${state.depth}`);
  if (state.hiddenEntityTypes.length) parts.push(`ht=${encList(state.hiddenEntityTypes)}`);
  if (state.hiddenRelationTypes.length) parts.push(`hr=${encList(state.hiddenRelationTypes)}`);
  if (state.modalities.length !== MODALITIES.length) parts.push(`m=${state.modalities.join(',')}`);
  if (state.lang !== 'en') parts.push(`lang=${state.lang}`);
  if (state.sizeLens) parts.push(`sz=${enc(state.sizeLens)}`);
  if (state.colourLens === 'louvain') parts.push('col=louvain');
  if (state.asOf) parts.push(`asof=${enc(state.asOf)}`);
  if (state.asOf && state.hideUndated) parts.push('undated=hide');
  if (state.statedOnly) parts.push('basis=stated');
  if (state.hideNegated) parts.push('neg=hide');
  if (state.labels) parts.push(`lb=${state.labels}`);
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
  return parts.join('&');
}
