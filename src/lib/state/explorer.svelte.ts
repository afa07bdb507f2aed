// App state as one rune class: the loaded graph, the view state that lives in the URL, and what derives from them.
import type { CompiledGraph, Entity, Modality, Relation } from '../graph/types.ts';
import { MODALITIES } from '../graph/types.ts';
import type { KnowledgeGraph } from '../graph/model.ts';
import { buildGraph } from '../graph/model.ts';
import type { SearchIndex } from '../graph/search.ts';
import { buildSearchIndex } from '../graph/search.ts';
import type { VisibleSet } from '../graph/view-filter.ts';
import { typeCounts, visibleSet } from '../graph/view-filter.ts';
import { neighbourhood } from '../graph/neighbourhood.ts';
import type { Camera, Lang, PathQuery, UrlState } from './url-state.ts';
import { DEFAULT_STATE, parseHash, toHash } from './url-state.ts';

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
  notices: string[] = $state([]);
  /** Entity and relation ids of the highlighted path result(s), set by the path panel. */
  pathSet: Set<string> | undefined = $state.raw(undefined);

  visible: VisibleSet = $derived(
    visibleSet(this.graph, {
      hiddenEntityTypes: this.hiddenEntityTypes,
      hiddenRelationTypes: this.hiddenRelationTypes,
      modalities: this.modalities,
      focus: this.entity && this.depth > 0 && this.graph.hasNode(this.entity) ? { id: this.entity, depth: this.depth } : undefined,
    }),
  );

  /** The hovered entity's neighbourhood (depth 1) within the visible set, for highlight-and-fade. */
  hoverSet: Set<string> | undefined = $derived.by(() => {
    if (!this.hover || !this.graph.hasNode(this.hover)) return undefined;
    const visible = this.visible;
    const { distances, relations } = neighbourhood(this.graph, this.hover, 1, {
      edgeFilter: (e) => visible.edges.has(e),
      nodeFilter: (n) => visible.nodes.has(n),
    });
    return new Set([...distances.keys(), ...relations]);
  });

  constructor(compiled: CompiledGraph) {
    this.compiled = compiled;
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

  /** Focus on an entity's neighbourhood to `depth` (0 clears the focus). */
  focus(id: string, depth: number): void {
    this.entity = id;
    this.relation = undefined;
    this.depth = Math.max(0, Math.min(3, depth));
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
    if (state.path && !this.path) notices.push('The link’s path query names entities this graph does not have; it was ignored.');
    this.dataset = state.dataset;
    this.notices = notices;
  }

  get hash(): string {
    return toHash(this.urlState);
  }

  static defaults(): UrlState {
    return DEFAULT_STATE;
  }
}
