// The explorer in server mode: a graph too large to send whole, loaded a part at a time from `kg serve`'s API. Search,
// expansion and paths are the server's; what is loaded becomes the explorer's graph, so panels, evidence, filters,
// lenses and exports work on it unchanged.
//
// Guarantees:
// - at most `maxEntities` entities are loaded: beyond that the oldest expansions are let go, oldest first, but never
//   the selection, the shown path's entities or the expansion that just arrived;
// - entities already loaded keep their places; new ones are placed around the entity they were reached from;
// - a path answer is shown only for the query (and filters) it answers: a late answer to an older query is dropped.
import { untrack } from 'svelte';
import type { PathAnswer as ServerPathAnswer, SearchAnswer } from '../graph/answers.ts';
import type { Path, PathResult } from '../graph/paths/index.ts';
import type { GraphFragment, GraphSchema } from '../graph/source.ts';
import type { CompiledGraph, Entity, Position, Relation } from '../graph/types.ts';
import { PLACE_DEFAULTS, placeAround, placeBeside } from '../view/place-around.ts';
import type { Explorer, PathAnswer, RemoteGraph, RemoteHit } from './explorer.svelte.ts';
import { serverPathParams } from './server-path.ts';
import { parseHash } from './url-state.ts';

/** Reads one JSON answer of the API; rejects with the server's error message (or the HTTP status) otherwise. */
export type GetJson = (url: string) => Promise<unknown>;

export const SERVER_GRAPH_DEFAULTS = {
  /** Most entities loaded at once (the canvas stays responsive and readable). */
  maxEntities: 500,
  /** Most entities one expansion brings (the seed included). */
  expandLimit: 40,
  /** Neighbours brought with a path, beyond its own entities. */
  pathNeighbours: 40,
  /** Search results listed. */
  searchLimit: 8,
} as const;

export type ServerGraphOptions = Record<keyof typeof SERVER_GRAPH_DEFAULTS, number>;

/** What `/api/mode` says. */
interface ServerModeAnswer {
  partial: boolean;
  entities: number;
  relations: number;
}

/** The page's fetch, reading the API's `{error: {code, message}}` into the rejection. */
export const fetchJson: GetJson = async (url) => {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new Error(typeof error?.message === 'string' ? `${String(error.code)}: ${error.message}` : `HTTP ${response.status}`);
  }
  return body;
};

export class ServerGraph implements RemoteGraph {
  readonly base: string;
  /** Entities in the whole graph on the server. */
  readonly total: number;
  /** Entities loaded now. */
  loaded = $state(0);
  /** Requests under way (the indicator shows that the server is working). */
  busy = $state(0);
  /** Entities whose last expansion was cut at the limit: the server has more neighbours than were loaded. */
  cutShort: ReadonlySet<string> = $state.raw(new Set());
  /** The last request's failure, for the indicator; cleared by the next success. */
  error: string | undefined = $state(undefined);

  readonly #schema: GraphSchema;
  readonly #get: GetJson;
  readonly #options: ServerGraphOptions;
  #explorer: Explorer | undefined;
  readonly #entities = new Map<string, Entity>();
  readonly #relations = new Map<string, Relation>();
  readonly #positions = new Map<string, Position>();
  /** When each entity was last brought or asked for (a counter): the oldest are let go first. */
  readonly #touched = new Map<string, number>();
  #clock = 0;
  /** The parameters of the path query last sent, so each query is asked once. */
  #pathKey: string | undefined;

  private constructor(base: string, schema: GraphSchema, mode: ServerModeAnswer, get: GetJson, options: Partial<ServerGraphOptions>) {
    this.base = base;
    this.total = mode.entities;
    this.#schema = schema;
    this.#get = get;
    this.#options = { ...SERVER_GRAPH_DEFAULTS, ...options };
  }

  /** Reads the server's schema and size. */
  static async connect(base: string, get: GetJson = fetchJson, options: Partial<ServerGraphOptions> = {}): Promise<ServerGraph> {
    const [schema, mode] = await Promise.all([get(`${base}/schema`), get(`${base}/mode`)]);
    return new ServerGraph(base, schema as GraphSchema, mode as ServerModeAnswer, get, options);
  }

  /** The graph as loaded so far (nothing, before the first search). */
  compiled(): CompiledGraph {
    const { title, entityTypes, relationTypes, sources } = this.#schema;
    return {
      format: 'kg-compiled',
      version: 1,
      title,
      entityTypes,
      relationTypes,
      sources,
      entities: [...this.#entities.values()],
      relations: [...this.#relations.values()],
      positions: Object.fromEntries(this.#positions),
    };
  }

  /** Connects the explorer: it reads search and paths from here, and shows what is loaded. */
  attach(explorer: Explorer): void {
    this.#explorer = explorer;
    explorer.remote = this;
  }

  /** Loads what a link names (its entity, its path's ends) before the link is applied, so the view can be restored. */
  async restore(hash: string): Promise<void> {
    const { state } = parseHash(hash);
    const ids = [state.entity, state.path?.from, state.path?.to].filter((id): id is string => id !== undefined);
    if (ids.length === 0) return;
    await this.#load(`fragment?${new URLSearchParams(ids.map((id) => ['ids', id]))}`, ids, []);
    if (state.entity && this.#entities.has(state.entity)) await this.expand(state.entity);
  }

  /**
   * Asks the server for the current path query whenever the query or the filters change. Creates an effect: call it
   * while a component is set up.
   */
  track(): void {
    $effect(() => {
      const explorer = this.#explorer;
      // Read here so the effect follows the query and the filters; the request itself is not tracked.
      const key = explorer?.path ? serverPathParams(explorer.path, explorer.filter).toString() : undefined;
      untrack(() => void this.askPath(key));
    });
  }

  /**
   * Asks the server for the explorer's current path query, unless that exact query was asked last (what `track`
   * does on every change; resolves once the answer is in `Explorer.remotePath`).
   */
  async askPath(key = this.#currentPathKey()): Promise<void> {
    if (key === undefined) this.#pathKey = undefined;
    else if (key !== this.#pathKey) await this.#loadPath(key);
  }

  #currentPathKey(): string | undefined {
    const explorer = this.#explorer;
    return explorer?.path ? serverPathParams(explorer.path, explorer.filter).toString() : undefined;
  }

  async search(query: string): Promise<RemoteHit[]> {
    const q = query.trim();
    if (!q) return [];
    const answer = (await this.#request(`search?${new URLSearchParams({ q, limit: String(this.#options.searchLimit) })}`)) as SearchAnswer;
    return answer.hits;
  }

  async expand(id: string, relationType?: string): Promise<Set<string>> {
    const params = new URLSearchParams({ id, limit: String(this.#options.expandLimit) });
    if (relationType) params.set('type', relationType);
    const fragment = await this.#load(`expand?${params}`, [id], []);
    const cut = new Set(this.cutShort);
    if (fragment.truncated) cut.add(id);
    else if (!relationType) cut.delete(id);
    this.cutShort = cut;
    return new Set(fragment.entities.map((e) => e.id));
  }

  async #loadPath(key: string): Promise<void> {
    this.#pathKey = key;
    let answer: PathAnswer;
    try {
      const found = (await this.#request(`path?${key}`)) as ServerPathAnswer;
      if (this.#pathKey !== key) return;
      const ids = [...new Set(found.paths.flatMap((p) => p.nodes))];
      if (ids.length) {
        const params = new URLSearchParams([...ids.map((id) => ['id', id]), ['limit', String(ids.length + this.#options.pathNeighbours)]]);
        await this.#load(`expand?${params}`, ids, ids);
      }
      if (this.#pathKey !== key) return;
      answer = { kind: 'ok', result: this.#pathResult(found) };
    } catch (error) {
      if (this.#pathKey !== key) return;
      answer = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    if (this.#explorer) this.#explorer.remotePath = { key, answer };
  }

  /** The engine's path result from the server's answer; directions come from the loaded relations' types. */
  #pathResult(found: ServerPathAnswer): PathResult {
    const symmetric = new Set(this.#schema.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
    const paths: Path[] = found.paths.map((p) => ({
      length: p.length,
      nodes: p.nodes,
      edges: p.edges.map((e, i) => ({ ...e, forward: e.source === p.nodes[i], directed: !symmetric.has(e.type) })),
    }));
    return { paths, common: found.common, truncated: found.truncated, ...(found.reason ? { reason: found.reason } : {}) };
  }

  /** One GET of the API, counted in `busy`; a failure is kept in `error` and rethrown. */
  async #request(path: string): Promise<unknown> {
    this.busy++;
    try {
      const answer = await this.#get(`${this.base}/${path}`);
      this.error = undefined;
      return answer;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.busy--;
    }
  }

  /**
   * Loads a fragment: merges its records, places its new entities near what they relate to (`anchors` first, in a
   * chain), lets old expansions go beyond the limit (never `anchors` or this fragment), and shows the result.
   */
  async #load(path: string, anchors: readonly string[], keep: readonly string[]): Promise<GraphFragment> {
    const fragment = (await this.#request(path)) as GraphFragment;
    const tick = ++this.#clock;
    const fresh = fragment.entities.filter((e) => !this.#entities.has(e.id));
    for (const e of fragment.entities) {
      this.#entities.set(e.id, e);
      this.#touched.set(e.id, tick);
    }
    for (const r of fragment.relations) this.#relations.set(r.id, r);
    this.#place(
      fresh.map((e) => e.id),
      fragment.relations,
      anchors,
    );
    this.#evict(new Set([...fragment.entities.map((e) => e.id), ...keep]));
    this.#publish();
    return fragment;
  }

  #place(fresh: string[], relations: readonly Relation[], anchors: readonly string[]): void {
    const waiting = new Set(fresh);
    const taken = (): Position[] => [...this.#positions.values()];
    // Anchors not yet placed (a searched entity, a path's entities) go one after the other, each beside the last.
    let previous: Position | undefined;
    for (const id of anchors) {
      if (!waiting.has(id)) {
        previous = this.#positions.get(id) ?? previous;
        continue;
      }
      // Further apart than a ring's neighbours: a path's entities read along a line, each with its label.
      const [p] = previous ? placeAround(previous, 1, taken(), { radius: 2 * PLACE_DEFAULTS.radius }) : [placeBeside(taken())];
      this.#positions.set(id, p!);
      waiting.delete(id);
      previous = p;
    }
    // Everything else around the first placed entity it relates to.
    const groups = new Map<string, string[]>();
    for (const r of relations)
      for (const [a, b] of [
        [r.source, r.target],
        [r.target, r.source],
      ] as const)
        if (waiting.has(b) && this.#positions.has(a)) {
          groups.set(a, [...(groups.get(a) ?? []), b]);
          waiting.delete(b);
        }
    for (const [anchor, ids] of groups)
      placeAround(this.#positions.get(anchor)!, ids.length, taken()).forEach((p, i) => this.#positions.set(ids[i]!, p));
    const rest = [...waiting];
    if (rest.length) placeAround(placeBeside(taken()), rest.length, taken()).forEach((p, i) => this.#positions.set(rest[i]!, p));
  }

  /** Lets the oldest expansions go until at most `maxEntities` are loaded; never `keep`, the selection or a shown path. */
  #evict(keep: Set<string>): void {
    const over = this.#entities.size - this.#options.maxEntities;
    if (over <= 0) return;
    const explorer = this.#explorer;
    if (explorer?.entity) keep.add(explorer.entity);
    if (explorer?.relation) {
      const r = this.#relations.get(explorer.relation);
      if (r) keep.add(r.source).add(r.target);
    }
    for (const id of explorer?.pathSet ?? []) keep.add(id);
    const candidates = [...this.#touched]
      .filter(([id]) => !keep.has(id))
      .sort(([a, ta], [b, tb]) => ta - tb || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, over)
      .map(([id]) => id);
    const gone = new Set(candidates);
    for (const id of gone) {
      this.#entities.delete(id);
      this.#positions.delete(id);
      this.#touched.delete(id);
    }
    for (const [id, r] of this.#relations) if (gone.has(r.source) || gone.has(r.target)) this.#relations.delete(id);
  }

  #publish(): void {
    this.loaded = this.#entities.size;
    this.#explorer?.replaceGraph(this.compiled());
  }
}
