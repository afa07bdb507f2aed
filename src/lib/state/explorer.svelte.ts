// App state as one rune class: the loaded graph, the view state that lives in the URL, and what derives from them.
import type { CompiledGraph, Entity, Modality, Relation } from '../graph/types.ts';
import { MODALITIES } from '../graph/types.ts';
import type { KnowledgeGraph } from '../graph/model.ts';
import { buildGraph } from '../graph/model.ts';
import type { SearchIndex } from '../graph/search.ts';
import { buildSearchIndex } from '../graph/search.ts';
import type { VisibleSet } from '../graph/view-filter.ts';
import { filterPredicates, typeCounts, visibleSet } from '../graph/view-filter.ts';
import type { ViewFilter } from '../graph/view-filter.ts';
import { neighbourhood } from '../graph/neighbourhood.ts';
import type { PathResult } from '../graph/paths/index.ts';
import { findPaths, pathOptionsFromFlags } from '../graph/paths/index.ts';
import { KgError } from '../graph/errors.ts';
import { SIZE_LENS_IDS } from '../graph/lenses/index.ts';
import type { Camera, Lang, PathQuery, UrlState } from './url-state.ts';
import { DEFAULT_STATE, parseHash, toHash } from './url-state.ts';
import type { SearchAnswer } from '../graph/answers.ts';
import { serverPathParams } from './server-path.ts';
import type { LabelMode } from '../view/canvas-labels.ts';

export type PathAnswer = { kind: 'ok'; result: PathResult } | { kind: 'error'; message: string };

/** One answer of a server's search: enough to list and pick an entity that is not loaded yet. */
export type RemoteHit = SearchAnswer['hits'][number];

/**
 * What the explorer asks of a graph served a part at a time (server-graph.svelte.ts): search and expansion go to the
 * server, and so do path queries (their answers arrive in `Explorer.remotePath`).
 */
export interface RemoteGraph {
  /** The API's same-origin base (`/api`), kept in the URL as `source=`. */
  readonly base: string;
  search(query: string): Promise<RemoteHit[]>;
  /** Loads an entity and its neighbours (by one relation type, or all) onto the canvas; resolves to the ids that came. */
  expand(id: string, relationType?: string): Promise<Set<string>>;
}

export class Explorer {
  /** The loaded graph in compiled form; replaced whole, never deep-proxied. */
  compiled: CompiledGraph = $state.raw(null as unknown as CompiledGraph);
  graph: KnowledgeGraph = $derived(buildGraph(this.compiled));
  index: SearchIndex = $derived(buildSearchIndex(this.compiled.entities));
  counts = $derived(typeCounts(this.graph));

  entity: string | undefined = $state(undefined);
  relation: string | undefined = $state(undefined);
  depth = $state(0);
  hiddenEntityTypes: string[] = $state([]);
  hiddenRelationTypes: string[] = $state([]);
  modalities: Modality[] = $state([...MODALITIES]);
  lang: Lang = $state('en');
  camera: Camera | undefined = $state.raw(undefined);
  path: PathQuery | undefined = $state.raw(undefined);
  dataset: string | undefined = $state(undefined);
  hover: string | undefined = $state(undefined);
  /** Size nodes by this lens (one of the registry's SIZE_LENS_IDS), or by nothing. */
  sizeLens: string | undefined = $state(undefined);
  colourLens: 'type' | 'louvain' = $state('type');
  /** Show the graph as of this date; undefined is "all time". */
  asOf: string | undefined = $state(undefined);
  hideUndated = $state(false);
  /** Show only relations their source states. */
  statedOnly = $state(false);
  /** Leave out relations the source denies (shown by default, in their own style). */
  hideNegated = $state(false);
  /** Which labels the canvas shows: placed without overlaps (auto), all, or only the selection's, a path's and the hovered. */
  labels: LabelMode = $state('auto');
  /** Counts user focus actions, so the canvas can fit the new neighbourhood (links with a camera are left alone). */
  focusRequests = $state(0);
  /** The path form being edited (not yet a query): endpoints and options as flags. */
  pathDraft: { from?: string | undefined; to?: string | undefined; options: Record<string, string> } = $state({ options: {} });
  notices: string[] = $state([]);
  /** Set when the graph is served a part at a time; undefined when the whole graph is loaded. */
  remote: RemoteGraph | undefined = $state.raw(undefined);
  /** The server's answer to a path query, keyed by the query's /api/path parameters (server mode only). */
  remotePath: { key: string; answer: PathAnswer } | undefined = $state.raw(undefined);
  /**
   * The path query's answer (or its error), recomputed when the query, the graph or the filters change. In server
   * mode it is the server's answer to exactly this query and these filters, and undefined while that is on its way.
   */
  pathAnswer: PathAnswer | undefined = $derived.by(() => {
    if (!this.path) return undefined;
    if (!this.remote) return this.#runPath(this.path);
    const key = serverPathParams(this.path, this.filter).toString();
    return this.remotePath?.key === key ? this.remotePath.answer : undefined;
  });

  /** The highlighted path result(s): one result, or all when `selected` is -1. */
  highlightedPaths: PathResult['paths'] | undefined = $derived.by(() => {
    const answer = this.pathAnswer;
    if (!answer || answer.kind !== 'ok' || answer.result.paths.length === 0 || !this.path) return undefined;
    return this.path.selected === -1 ? answer.result.paths : [answer.result.paths[this.path.selected] ?? answer.result.paths[0]!];
  });

  /** Entity and relation ids of the highlighted path result(s). */
  pathSet: Set<string> | undefined = $derived(
    this.highlightedPaths && new Set(this.highlightedPaths.flatMap((p) => [...p.nodes, ...p.edges.map((e) => e.id)])),
  );

  /** The path layout: the highlighted paths laid out left to right, the rest of the graph hidden (view state only). */
  pathLayout = $state(false);

  /** The paths the canvas lays out (entity ids in reading order), while the path layout is on and a path is shown. */
  pathLayoutPaths: string[][] | undefined = $derived(
    this.pathLayout && this.highlightedPaths ? this.highlightedPaths.map((p) => [...p.nodes]) : undefined,
  );

  /** The filters (types, modality, time) without the focus: what paths, lenses and exports agree with. */
  filter: ViewFilter = $derived({
    hiddenEntityTypes: this.hiddenEntityTypes,
    hiddenRelationTypes: this.hiddenRelationTypes,
    modalities: this.modalities,
    asOf: this.asOf,
    hideUndated: this.hideUndated,
    statedOnly: this.statedOnly,
    hideNegated: this.hideNegated,
  });

  visible: VisibleSet = $derived(
    visibleSet(this.graph, {
      ...this.filter,
      focus: this.entity && this.depth > 0 && this.graph.hasNode(this.entity) ? { id: this.entity, depth: this.depth } : undefined,
    }),
  );

  /** What the canvas shows: the visible set, or only the highlighted paths while the path layout is on. */
  canvasVisible: VisibleSet = $derived.by(() => {
    const only = this.pathLayoutPaths && this.pathSet;
    if (!only) return this.visible;
    return {
      ...this.visible,
      nodes: new Set([...this.visible.nodes].filter((id) => only.has(id))),
      edges: new Set([...this.visible.edges].filter((id) => only.has(id))),
    };
  });

  /** Relations without a date, marked on the canvas while an "as of" date is set. */
  undated: Set<string> | undefined = $derived(this.asOf ? new Set(this.graph.filterEdges((_, r) => r.date === undefined)) : undefined);

  /** The hovered entity's neighbourhood (depth 1) within the visible set, for highlight-and-fade. */
  hoverSet: Set<string> | undefined = $derived.by(() => (this.hover ? this.#neighbours(this.hover) : undefined));

  /**
   * What the selection keeps emphasised until it is cleared: a selected relation and its two ends, or else the
   * selected entity's neighbourhood (depth 1) within the visible set. Undefined when nothing shown is selected.
   */
  selectionSet: Set<string> | undefined = $derived.by(() => {
    const relation = this.relation;
    if (relation !== undefined) {
      if (!this.visible.edges.has(relation)) return undefined;
      return new Set([relation, ...this.graph.extremities(relation)]);
    }
    return this.entity ? this.#neighbours(this.entity) : undefined;
  });

  /**
   * The selection's own relations, whose labels are shown whatever the graph's size: the selected relation, or the
   * shown relations of the selected entity (not those between its neighbours).
   */
  selectionRelations: Set<string> | undefined = $derived.by(() => {
    const set = this.selectionSet;
    if (!set) return undefined;
    const own = this.relation ?? this.entity;
    return new Set([...set].filter((id) => this.graph.hasEdge(id) && (id === own || this.graph.extremities(id).includes(own!))));
  });

  /** What the canvas emphasises (the rest fades): a path, else the hovered entity's neighbourhood, else the selection. */
  emphasis: Set<string> | undefined = $derived(this.pathSet ?? this.hoverSet ?? this.selectionSet);

  /** The graph the app ships with, for "back to the bundled graph". */
  readonly bundled: CompiledGraph;

  constructor(compiled: CompiledGraph) {
    this.compiled = compiled;
    this.bundled = compiled;
  }

  /** Shows another graph (an import), starting from a clean view of it. `dataset` names it in the URL. */
  loadGraph(compiled: CompiledGraph, dataset: string | undefined): void {
    this.compiled = compiled;
    this.dataset = dataset;
    this.entity = undefined;
    this.relation = undefined;
    this.depth = 0;
    this.hiddenEntityTypes = [];
    this.hiddenRelationTypes = [];
    this.modalities = [...MODALITIES];
    this.camera = undefined;
    this.path = undefined;
    this.pathDraft = { options: {} };
    this.pathLayout = false;
    this.hover = undefined;
    this.sizeLens = undefined;
    this.colourLens = 'type';
    this.asOf = undefined;
    this.hideUndated = false;
    this.statedOnly = false;
    this.hideNegated = false;
  }

  /**
   * Shows another part of the same graph (server mode: an expansion arrived or an old one was let go) and keeps the
   * view on it; a selection or hover whose entity is no longer loaded is cleared.
   */
  replaceGraph(compiled: CompiledGraph): void {
    this.compiled = compiled;
    const graph = this.graph;
    if (this.entity && !graph.hasNode(this.entity)) {
      this.entity = undefined;
      this.depth = 0;
    }
    if (this.relation && !graph.hasEdge(this.relation)) this.relation = undefined;
    if (this.hover && !graph.hasNode(this.hover)) this.hover = undefined;
  }

  backToBundled(): void {
    this.loadGraph(this.bundled, undefined);
  }

  #runPath(query: PathQuery): PathAnswer {
    try {
      const options = pathOptionsFromFlags(query.options);
      // With a filtered view, paths stay inside what the user sees unless they ask otherwise.
      const filtered = query.options['ignore-filters'] !== 'true';
      const result = findPaths(this.graph, query.from, query.to, {
        ...options,
        ...(filtered && !options.modalities ? { modalities: this.modalities } : {}),
        ...(filtered ? { view: this.#filterView() } : {}),
      });
      return { kind: 'ok', result };
    } catch (error) {
      if (error instanceof KgError)
        return { kind: 'error', message: error.problems.map((p) => p.message + (p.hint ? ` — ${p.hint}` : '')).join('; ') };
      throw error;
    }
  }

  /** The type, modality and time filters (not the focus) as predicates, so paths agree with what the filters show. */
  #filterView(): { nodeVisible(id: string): boolean; edgeVisible(id: string): boolean } {
    const { node, edge } = filterPredicates(this.graph, this.filter);
    return { nodeVisible: node, edgeVisible: edge };
  }

  /** Sets (or clears) the path query; results are derived. */
  setPath(query: PathQuery | undefined): void {
    this.path = query;
  }

  /**
   * An entity's neighbourhood (depth 1) within the visible set, itself included; undefined for an entity that is not
   * shown (nothing to emphasise, and fading everything else would blank the canvas).
   */
  #neighbours(id: string): Set<string> | undefined {
    const visible = this.visible;
    if (!visible.nodes.has(id)) return undefined;
    const { distances, relations } = neighbourhood(this.graph, id, 1, {
      edgeFilter: (e) => visible.edges.has(e),
      nodeFilter: (n) => visible.nodes.has(n),
    });
    return new Set([...distances.keys(), ...relations]);
  }

  entityById(id: string): Entity | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  relationById(id: string): Relation | undefined {
    return this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : undefined;
  }

  selectEntity(id: string | undefined): void {
    this.entity = id;
    this.relation = undefined;
  }

  selectRelation(id: string | undefined): void {
    this.relation = id;
  }

  /** Clears the selection (entity and relation), and with it the selection's emphasis. */
  clearSelection(): void {
    this.selectEntity(undefined);
  }

  /** Focus on an entity's neighbourhood to `depth` (0 clears the focus). */
  focus(id: string, depth: number): void {
    this.entity = id;
    this.relation = undefined;
    this.depth = Math.max(0, Math.min(3, depth));
    this.focusRequests++;
  }

  toggleEntityType(type: string): void {
    this.hiddenEntityTypes = this.hiddenEntityTypes.includes(type)
      ? this.hiddenEntityTypes.filter((t) => t !== type)
      : [...this.hiddenEntityTypes, type].sort();
  }

  toggleRelationType(type: string): void {
    this.hiddenRelationTypes = this.hiddenRelationTypes.includes(type)
      ? this.hiddenRelationTypes.filter((t) => t !== type)
      : [...this.hiddenRelationTypes, type].sort();
  }

  /** "Facts only" / "include opinions" / "include predictions" as a set of shown modalities. */
  setModalities(modalities: Modality[]): void {
    this.modalities = MODALITIES.filter((m) => modalities.includes(m));
  }

  /** The view state as it goes into the URL. */
  get urlState(): UrlState {
    return {
      entity: this.entity,
      relation: this.relation,
      depth: this.depth,
      hiddenEntityTypes: this.hiddenEntityTypes,
      hiddenRelationTypes: this.hiddenRelationTypes,
      modalities: this.modalities,
      lang: this.lang,
      camera: this.camera,
      path: this.path,
      dataset: this.dataset,
      source: this.remote?.base,
      sizeLens: this.sizeLens,
      colourLens: this.colourLens,
      asOf: this.asOf,
      hideUndated: this.hideUndated,
      statedOnly: this.statedOnly,
      hideNegated: this.hideNegated,
      labels: this.labels === 'auto' ? undefined : this.labels,
    };
  }

  /** Applies a URL hash. References to things this graph does not have are dropped with a notice. */
  applyHash(hash: string): void {
    const { state, notices } = parseHash(hash);
    const known = (id: string | undefined, has: (id: string) => boolean, what: string): string | undefined => {
      if (id === undefined || has(id)) return id;
      notices.push(`The link names ${what} "${id.slice(0, 60)}" that this graph does not have; it was ignored.`);
      return undefined;
    };
    this.entity = known(state.entity, (id) => this.graph.hasNode(id), 'an entity');
    this.relation = known(state.relation, (id) => this.graph.hasEdge(id), 'a relation');
    this.depth = this.entity ? state.depth : 0;
    const entityTypes = new Set(this.compiled.entityTypes.map((t) => t.id));
    const relationTypes = new Set(this.compiled.relationTypes.map((t) => t.id));
    this.hiddenEntityTypes = state.hiddenEntityTypes.filter((t) => entityTypes.has(t));
    this.hiddenRelationTypes = state.hiddenRelationTypes.filter((t) => relationTypes.has(t));
    this.modalities = state.modalities;
    this.lang = state.lang;
    this.camera = state.camera;
    this.path = state.path && this.graph.hasNode(state.path.from) && this.graph.hasNode(state.path.to) ? state.path : undefined;
    if (this.path) this.pathDraft = { from: this.path.from, to: this.path.to, options: { ...this.path.options } };
    if (state.path && !this.path) notices.push('The link’s path query names entities this graph does not have; it was ignored.');
    this.dataset = state.dataset;
    this.sizeLens = state.sizeLens && SIZE_LENS_IDS.some((id) => id === state.sizeLens) ? state.sizeLens : undefined;
    if (state.sizeLens && !this.sizeLens) notices.push(`Unknown lens "${state.sizeLens}" in the link; nodes keep their size.`);
    this.colourLens = state.colourLens ?? 'type';
    this.asOf = state.asOf;
    this.hideUndated = state.hideUndated ?? false;
    this.statedOnly = state.statedOnly ?? false;
    this.hideNegated = state.hideNegated ?? false;
    this.labels = state.labels ?? 'auto';
    this.notices = notices;
  }

  /** The default view of the graph shown (its dataset and the language stay). */
  resetView(): void {
    this.pathLayout = false;
    this.applyHash(toHash({ ...DEFAULT_STATE, lang: this.lang, dataset: this.dataset, source: this.remote?.base }));
  }

  get hash(): string {
    return toHash(this.urlState);
  }

  static defaults(): UrlState {
    return DEFAULT_STATE;
  }
}
