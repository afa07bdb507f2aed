// The one place a Cytoscape instance is created and destroyed; everything else hands it data and class sets.
import cytoscape from 'cytoscape';
import type { ElementDefinition, EventObject } from 'cytoscape';
import { stylesheet, styleForSize } from './style.ts';
import type { StyleOptions } from './style.ts';
import { hasRealGpu } from './gpu.ts';
import { createBulkLayer } from './bulk-layer.ts';
import { setRendererOptions, styleNow } from './cytoscape-internals.ts';
import { fitToPositions, MAX_FIT_ZOOM } from './viewport.ts';
import { firstViewport, shapeForCanvas } from './first-view.ts';
import { createPathLayout } from './path-layout-mode.ts';
import { passGate } from '../test-gates.ts';
import { bundleLabel, bundledUnder, nodeLabel } from './elements.ts';
import { VIEW_CLASS, VIEW_CLASSES } from './classes.ts';
import type { ViewClass } from './classes.ts';
import { LAYOUTS } from './layouts.ts';
import type { LayoutRun } from './layout-runner.ts';
import type { ImageExportOptions } from './export-image.ts';
import type { Selection } from '../graph/subgraph.ts';
import type { CompiledGraph } from '../graph/types.ts';
import { labelScaleFor, placeCanvasLabels, renderedLabelBoxes } from './canvas-labels.ts';
import type { LabelMode } from './canvas-labels.ts';

/** Display state for the canvas, applied as classes in one batch. Ids not in `visible` are hidden. */
export interface CanvasState {
  visible: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  selected?: string | undefined;
  /**
   * Elements to emphasise (neighbourhood of the hovered or selected entity, a selected relation and its ends, or a
   * path); the rest fades on graphs small enough to fade.
   */
  emphasis?: ReadonlySet<string> | undefined;
  /** Relations whose labels are shown whatever the graph's size (ids of entities here are ignored). */
  labelled?: ReadonlySet<string> | undefined;
  path?: ReadonlySet<string> | undefined;
  /** Relations without a date, marked while the view is "as of" a date. */
  undated?: ReadonlySet<string> | undefined;
}

/** Lens output for the canvas: node sizes in px and node colours, by entity id. */
export interface CanvasLens {
  sizes?: ReadonlyMap<string, number> | undefined;
  colours?: ReadonlyMap<string, string> | undefined;
}

export interface CanvasEvents {
  onTapNode(id: string): void;
  onTapEdge(id: string): void;
  onTapBackground(): void;
  onDoubleTapNode(id: string): void;
  onHoverNode(id: string | undefined): void;
  onViewport(camera: { zoom: number; x: number; y: number }): void;
  /** A large new graph is going onto the canvas chunk by chunk: elements drawn so far of the total (equal when done). */
  onDrawProgress?(drawn: number, total: number): void;
}

/**
 * The canvas as the rest of the app sees it: data in, camera and layout commands, pictures out. Cytoscape itself
 * stays behind this interface (only `exposeForTests` hands it out, to e2e builds).
 */
export interface CanvasHandle {
  /**
   * Replaces every element (a new graph); style and renderer options follow the graph's size. Large graphs go in
   * chunk by chunk, one per frame; the promise settles when every element is on the canvas (or a newer graph
   * replaced this one). With `fit` and `shape` (the default), a small graph's layout is first shaped to the canvas's
   * proportions (first-view.ts); placeholders waiting for a real layout should not be.
   */
  setElements(elements: ElementDefinition[], fit: boolean, shape?: boolean): Promise<void>;
  /** Settles when the graph being drawn is completely on the canvas. */
  settled(): Promise<void>;
  /** Relabels nodes and edges in place (language switch) without touching positions. */
  relabel(labels: ReadonlyMap<string, string>): void;
  /** Where every node on the canvas is now, in model coordinates (what an export should keep), by entity id. */
  positions(): Map<string, { x: number; y: number }>;
  apply(state: CanvasState): void;
  /** Sizes and colours nodes by the active lenses (or restores type colours and default sizes). */
  setLens(lens: CanvasLens): void;
  center(id: string): void;
  fit(ids?: ReadonlySet<string>): void;
  /**
   * The first view again: the graph's first positions (as shaped for this canvas) and the camera that shows all of
   * it, labels included (first-view.ts). Call once the default view's classes are applied.
   */
  resetView(): void;
  /**
   * Lays the given paths (entity ids in reading order) out left to right, one lane each, animated (path-layout.ts);
   * undefined puts every entity back where it was and restores the camera.
   */
  setPathLayout(paths: readonly (readonly string[])[] | undefined): void;
  setCamera(camera: { zoom: number; x: number; y: number }): void;
  /** Zooms by `factor` about the middle of the canvas, animated. */
  zoomBy(factor: number): void;
  /**
   * Whether a relayout should run in a worker: a large graph, or ids such as `__proto__`, which fcose on the page
   * cannot lay out (see layout-runner). Counts only what is on the canvas; call after `settled()` for the whole graph.
   */
  prefersWorkerLayout(): boolean;
  /** Re-runs fcose on the page from the current positions (animated), over the visible elements. */
  layoutOnPage(): Promise<void>;
  /** Lays out every node in a worker (see layout-runner's `layoutInWorker`); the runner is loaded on first use. */
  layoutInWorker(incremental: boolean, onDraft?: () => void): Promise<LayoutRun>;
  /** Pictures `subset` as drawn on the canvas (see export-image); the exporter is loaded on first use. */
  exportImage(subset: CompiledGraph, selection: Selection, options: ImageExportOptions): Promise<Blob>;
  /** Which labels show: placed without overlaps (auto), all, or only the selection's, a path's and the hovered (none). */
  setLabelMode(mode: LabelMode): void;
  /** Puts the Cytoscape instance and `extra` on `window.__kg`, for the e2e tests to inspect. */
  exposeForTests(extra: Record<string, unknown>): void;
  destroy(): void;
}

const DOUBLE_TAP_MS = 350;

interface Stream {
  done: Promise<void>;
  cancel(): void;
}

const finished = (): Stream => ({ done: Promise.resolve(), cancel: () => {} });

function positionsById(elements: ElementDefinition[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  for (const el of elements) if (el.position) positions.set(String(el.data.id), { ...el.position });
  return positions;
}

function positionsOf(elements: ElementDefinition[]): { x: number; y: number }[] {
  const positions: { x: number; y: number }[] = [];
  for (const el of elements) if (el.position) positions.push(el.position);
  return positions;
}

/** Above this many elements, hovering highlights the neighbourhood without fading everything else (too costly). */
const MAX_FADE_ELEMENTS = 3000;

/**
 * Style options for a graph of these elements. Edges and node bodies of a large graph go to the bulk layer if
 * `layerDraws()`, asked only then (it is false under WebGL, which draws them itself, and when the layer is unavailable).
 */
function sizeStyle(elements: ElementDefinition[], layerDraws: () => boolean): Partial<StyleOptions> {
  let nodes = 0;
  let maxDegree = 0;
  for (const el of elements) {
    if (el.group === 'nodes') {
      nodes++;
      maxDegree = Math.max(maxDegree, Number(el.data['degree'] ?? 0));
    }
  }
  const style = styleForSize(nodes, elements.length - nodes, maxDegree);
  return { ...style, bulk: Boolean(style.fastEdges) && layerDraws() };
}

/**
 * A new graph of more elements than this goes onto the canvas a chunk per frame, nodes first: Cytoscape styles and
 * draws every new element in the frame after it is added, which for a graph of thousands is one task of seconds.
 * In chunks, the first view appears after the first one and the page keeps handling input in between.
 */
const STREAM_ABOVE = 3000;
/**
 * Chunks are sized, as they go, for a chunk's task (add + style) and frame (draw) of about this long together; a
 * chunk grows by half at most, since a node chunk's cost jumps (labels), which doubling overshot to 150–200 ms tasks.
 */
const CHUNK_TARGET_MS = 80;
/**
 * Chunks are measured in nodes. Nodes go first and cost more than an edge (Cytoscape measures every label); an edge
 * the bulk layer draws costs Cytoscape only its style. With the bulk layer drawing node bodies too, arctic.gexf's
 * chunks took about 0.16 ms a node and 0.1 ms an edge (task and frame), so an edge counts as half a node. (The
 * longest chunk task moved within the same spread, 76–140 ms over four imports, at a quarter and at a half.)
 */
const LAYER_EDGE_COST = 0.5;
/**
 * The first chunk is styled in the task that replaces the graph, which also builds the app's state for it (about
 * 100 ms on euroSIS.json), and its frame runs code the browser has not compiled yet: 250 nodes made one of the two
 * 200–230 ms long, 100 keeps both at about 110–170 ms.
 */
const FIRST_CHUNK = 100;
/**
 * Every chunk's frame draws everything added so far again, so a graph never takes more than this many frames: on
 * large graphs the redraw alone outgrows the target, and more, smaller chunks would only add redraws.
 */
const MAX_FRAMES = 20;

/** The next chunk size: scaled toward the target time (by ½ to 1½), within [total / MAX_FRAMES, 8 × that]. */
export function nextChunkSize(size: number, frameMs: number, total: number): number {
  const least = Math.max(FIRST_CHUNK, Math.ceil(total / MAX_FRAMES));
  const scaled = Math.round(size * Math.min(1.5, Math.max(0.5, CHUNK_TARGET_MS / Math.max(frameMs, 1))));
  return Math.min(8 * least, Math.max(least, scaled));
}

/** An element's cost to a chunk's frame, in nodes' worth. */
function elementCost(element: ElementDefinition, layerEdges: boolean): number {
  return layerEdges && element.group === 'edges' ? LAYER_EDGE_COST : 1;
}

/** Where the chunk that starts at `from` ends: `size` nodes' worth of elements (see LAYER_EDGE_COST). */
export function chunkEnd(elements: readonly ElementDefinition[], from: number, size: number, layerEdges: boolean): number {
  let cost = 0;
  let end = from;
  while (end < elements.length && cost < size) cost += elementCost(elements[end++]!, layerEdges);
  return end;
}

/**
 * Large graphs draw at (about) 1×, whatever the screen, so pan and zoom keep up. Not exactly 1: at a pixel ratio of
 * 1 or less Cytoscape draws its pan-and-zoom texture at twice the resolution, which on large-graph.json made the
 * task that started a pan 0.68–0.81 s instead of 0.30–0.40 s (measured when `textureOnViewport` was on; it is off now,
 * and 1.01 costs nothing against 1).
 */
const LARGE_PIXEL_RATIO = 1.01;

/**
 * Renderer options for a graph of `count` elements: large graphs are drawn at about 1×, and their edges hidden while
 * panning and zooming unless the bulk layer draws them (then Cytoscape draws only the few set apart, a path say, which
 * should stay in view). Pixel ratio null: the screen's.
 */
function rendererOptions(count: number, style: Partial<StyleOptions>): { hideEdgesOnViewport: boolean; pixelRatio: number | null } {
  const large = count > 3000;
  return { hideEdgesOnViewport: large && !style.bulk, pixelRatio: large ? LARGE_PIXEL_RATIO : null };
}

/** Creates the canvas in `container`. `destroy` is idempotent. */
export function createCanvas(container: HTMLElement, elements: ElementDefinition[], events: CanvasEvents): CanvasHandle {
  // A layout far from the canvas's proportions is shaped to them first (a phone held upright).
  shapeForCanvas(elements, container.clientWidth, container.clientHeight);
  // WebGL only on a real GPU: under software GL (headless, VMs) it is far slower than the canvas renderer.
  const webgl = hasRealGpu();
  // The bulk layer needs a Cytoscape to check (`available`), so the first graph is styled for it if WebGL is off, and
  // restyled below in the rare case that it turns out unavailable.
  let style = sizeStyle(elements, () => !webgl);
  const initial = rendererOptions(elements.length, style);
  const cy = cytoscape({
    container,
    elements,
    style: stylesheet(style),
    layout: { name: 'preset', fit: false },
    minZoom: 0.05,
    maxZoom: 6,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // No `textureOnViewport`: the picture Cytoscape would build at the start of each gesture means drawing every node;
    // with the bulk layer a frame costs little without it (on large-graph.json, before the bulk layer drew nodes,
    // the first pan after an import was 454 ms without and 490 ms with, a second pan 70–95 and 95–230 ms).
    textureOnViewport: false,
    hideEdgesOnViewport: initial.hideEdgesOnViewport,
    pixelRatio: initial.pixelRatio ?? 'auto',
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  });
  const bulkLayer = createBulkLayer(cy);
  /** Whether the bulk layer can draw a large graph: not under WebGL, and only with the renderer members it needs. */
  const layerDraws = (): boolean => !webgl && bulkLayer.available;
  if (style.bulk && !layerDraws()) {
    style = sizeStyle(elements, layerDraws);
    cy.style(stylesheet(style));
    setRendererOptions(cy, rendererOptions(elements.length, style));
  }
  bulkLayer.setEnabled(Boolean(style.bulk));
  // Labels: placed after a layout, a camera move or a change of state (canvas-labels.ts), never per frame.
  const RESCALE_MAX_ELEMENTS = 20_000;
  let labelScale = 1;
  let labelMode: LabelMode = 'auto';
  let hovered: string | undefined;
  let labelTimer: ReturnType<typeof setTimeout> | undefined;
  /** A placement is scheduled and has not run yet (tests wait for this to be false). */
  let labelsPending = false;
  /** Scales label fonts for the zoom (restyling only when the step changes), then places the labels. */
  function placeLabelsNow(): void {
    labelsPending = false;
    if (destroyed) return;
    // A large graph's label sizes follow degree (6–28 px): scaled so the better connected two fifths or so are readable.
    // Restyling restyles every element: above RESCALE_MAX_ELEMENTS it would stall the page after each zoom, so a very
    // large graph keeps its degree-scaled sizes and Cytoscape's cut-off for small text.
    const scale = cy.elements().length > RESCALE_MAX_ELEMENTS ? 1 : labelScaleFor(cy.zoom(), style.maxDegree ? 20 : 12);
    if (scale !== labelScale) {
      labelScale = scale;
      cy.style(stylesheet({ ...style, labelScale }));
    }
    placeCanvasLabels(cy, { mode: labelMode, hovered, labelScale });
  }
  const scheduleLabels = (delay = 30): void => {
    clearTimeout(labelTimer);
    labelsPending = true;
    labelTimer = setTimeout(placeLabelsNow, delay);
  };
  cy.on('layoutstop dragfree', () => scheduleLabels());
  // Cytoscape's own :selected state is not used; selection is view state applied as a class.
  cy.autounselectify(true);
  /** Where the graph's entities stood when it was first shown (what "Reset view" restores). */
  let firstPositions = positionsById(elements);
  cy.viewport(firstViewport(cy));
  const pathLayout = createPathLayout(cy);
  // The benchmark (and anyone profiling) reads the time to the first drawn frame from this mark.
  cy.one('render', () => performance.mark('kg:drawn'));

  let lastTap = { id: '', time: -Infinity };
  cy.on('tap', 'node', (e: EventObject) => {
    const id = e.target.id() as string;
    // When the input happened, not when the page got to it: a busy page must not split a double tap into two taps.
    const now = e.originalEvent?.timeStamp ?? performance.now();
    if (lastTap.id === id && now - lastTap.time < DOUBLE_TAP_MS) events.onDoubleTapNode(id);
    else events.onTapNode(id);
    lastTap = { id, time: now };
  });
  cy.on('tap', 'edge', (e: EventObject) => events.onTapEdge(e.target.id() as string));
  cy.on('tap', (e: EventObject) => {
    if (e.target !== cy) return;
    // The bulk layer's edges are not Cytoscape's to hit: a tap within a few pixels of one is a tap on it.
    const edge = bulkLayer.edgeAt(e.position, 5);
    if (edge) events.onTapEdge(edge);
    else events.onTapBackground();
  });
  cy.on('taphold', 'node', (e: EventObject) => events.onDoubleTapNode(e.target.id() as string));
  cy.on('mouseover', 'node', (e: EventObject) => {
    hovered = e.target.id() as string;
    events.onHoverNode(hovered);
  });
  cy.on('mouseout', 'node', () => {
    hovered = undefined;
    events.onHoverNode(undefined);
  });
  // A pointer that jumps off the canvas (onto the side panel, say) gets no Cytoscape mouseout: leaving the canvas
  // ends any hover, so the emphasis goes back to the selection's.
  const leave = (): void => {
    hovered = undefined;
    events.onHoverNode(undefined);
  };
  container.addEventListener('mouseleave', leave);
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(() => events.onViewport({ zoom: cy.zoom(), ...cy.pan() }), 250);
    scheduleLabels(150);
  });

  let destroyed = false;
  /** The view classes currently on elements, by class; `apply` diffs against it. */
  let applied = new Map<ViewClass, Set<string>>(VIEW_CLASSES.map((c) => [c, new Set<string>()]));
  // The latest display state, lens and labels: elements added by later chunks get them too.
  let lastState: CanvasState | undefined;
  let lastLens: CanvasLens = {};
  let lastLabels: ReadonlyMap<string, string> = new Map();
  let stream = finished();
  /** Relations drawn under another relation's line (parallel ones), so that state naming them reaches that line. */
  let drawnAs = bundledUnder(elements);

  /** Adds `all` from `from` on, a chunk per frame, each sized from how long the last frame took. */
  function streamRest(all: ElementDefinition[], from: number): Stream {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settle = (): void => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    let index = from;
    let size = FIRST_CHUNK;
    const layerEdges = bulkLayer.enabled;
    const total = all.reduce((sum, el) => sum + elementCost(el, layerEdges), 0);
    events.onDrawProgress?.(index, all.length);
    const next = (): void => {
      if (cancelled) return;
      const started = performance.now();
      const end = chunkEnd(all, index, size, layerEdges);
      const added = cy.add(all.slice(index, end).map(withCurrentView));
      index = end;
      if (lastState) handle.apply(lastState);
      styleNow(added);
      cy.one('render', () => {
        if (cancelled) return;
        size = nextChunkSize(size, performance.now() - started, total);
        events.onDrawProgress?.(index, all.length);
        if (index < all.length) timer = setTimeout(gatedNext, 0);
        else {
          performance.mark('kg:graph-complete');
          settle();
        }
      });
    };
    // Each chunk after the first waits at the e2e gate (a no-op outside e2e builds), so a test can act mid-drawing.
    const gatedNext = (): void => void passGate('draw-chunk').then(next);
    cy.one('render', () => {
      if (!cancelled) timer = setTimeout(gatedNext, 0);
    });
    return {
      done,
      cancel() {
        if (cancelled) return;
        cancelled = true;
        clearTimeout(timer);
        settle();
      },
    };
  }

  /** A late element's definition with the current language's label and, for nodes, the active lens's size and colour. */
  function withCurrentView(el: ElementDefinition): ElementDefinition {
    const id = String(el.data.id);
    const given = lastLabels.get(id);
    const members = el.data['members'] as string[] | undefined;
    const named =
      given === undefined ? undefined : el.group === 'nodes' ? nodeLabel(given) : { label: bundleLabel(given, members?.length ?? 1) };
    const label = named && named.label !== el.data['label'] ? named.label : undefined;
    const size = lastLens.sizes?.get(id);
    const colour = lastLens.colours?.get(id);
    if (label === undefined && size === undefined && colour === undefined) return el;
    return {
      ...el,
      data: {
        ...el.data,
        ...(label !== undefined ? { label, fullLabel: named?.fullLabel } : {}),
        ...(size !== undefined ? { lensSize: size } : {}),
        ...(colour !== undefined ? { lensColour: colour } : {}),
      },
    };
  }

  const handle: CanvasHandle = {
    setElements(next, fit, shape = true) {
      stream.cancel();
      applied = new Map(VIEW_CLASSES.map((c) => [c, new Set<string>()]));
      // What was set for the previous graph must not reach this one's later chunks (ids can be shared).
      lastState = undefined;
      lastLens = {};
      lastLabels = new Map();
      drawnAs = bundledUnder(next);
      pathLayout.forget();
      if (fit && shape) shapeForCanvas(next, cy.width(), cy.height());
      firstPositions = positionsById(next);
      const chunked = next.length > STREAM_ABOVE;
      const first = chunked ? next.slice(0, FIRST_CHUNK) : next;
      style = sizeStyle(next, layerDraws);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(first);
        cy.style(stylesheet({ ...style, labelScale }));
      });
      // A chunked graph's first chunk is styled now rather than in its first frame, as the later chunks are.
      if (chunked) styleNow(cy.elements());
      bulkLayer.setEnabled(Boolean(style.bulk));
      setRendererOptions(cy, rendererOptions(next.length, style));
      // The camera fits the whole graph from the start, from the definitions' positions.
      if (fit && chunked) fitToPositions(cy, 40, positionsOf(next));
      else if (fit) cy.viewport(firstViewport(cy));
      // Benchmarks read the time from choosing a file to the new graph drawn from this mark, and to all of it drawn.
      cy.one('render', () => performance.mark('kg:graph-replaced'));
      stream = chunked ? streamRest(next, FIRST_CHUNK) : finished();
      void stream.done.then(() => scheduleLabels());
      return stream.done;
    },
    settled: () => stream.done,
    positions() {
      const placed = new Map<string, { x: number; y: number }>();
      cy.nodes().forEach((n) => {
        const { x, y } = n.position();
        placed.set(n.id(), { x, y });
      });
      return placed;
    },
    relabel(labels) {
      lastLabels = labels;
      scheduleLabels();
      cy.batch(() => {
        cy.elements().forEach((el) => {
          const given = labels.get(el.id());
          if (given === undefined) return;
          if (el.group() === 'nodes') {
            const { label, fullLabel } = nodeLabel(given);
            if (el.data('label') !== label) el.data('label', label);
            if (fullLabel === undefined) el.removeData('fullLabel');
            else if (el.data('fullLabel') !== fullLabel) el.data('fullLabel', fullLabel);
            return;
          }
          const members = el.data('members') as string[] | undefined;
          const label = bundleLabel(given, members?.length ?? 1);
          if (el.data('label') !== label) el.data('label', label);
        });
      });
    },
    apply(state) {
      lastState = state;
      // Work out each class's members, then touch only the elements whose membership changed: a hover on a large
      // graph restyles its neighbourhood, not every element.
      const next = new Map<ViewClass, Set<string>>(VIEW_CLASSES.map((c) => [c, new Set<string>()]));
      // Never with the bulk layer, which draws every shown element as it is (a fade would redraw it on every hover).
      const fadeAll = state.emphasis !== undefined && cy.elements().length <= MAX_FADE_ELEMENTS && !bulkLayer.enabled;
      cy.elements().forEach((el) => {
        const id = el.id();
        const members = el.data('members') as string[] | undefined;
        const visible =
          el.group() === 'nodes'
            ? state.visible.nodes.has(id)
            : members
              ? members.some((m) => state.visible.edges.has(m))
              : state.visible.edges.has(id);
        if (!visible) next.get(VIEW_CLASS.hidden)!.add(id);
        if (fadeAll && !state.emphasis!.has(id)) next.get(VIEW_CLASS.faded)!.add(id);
      });
      // Only elements on the canvas count as having a class: one still to come in a later chunk gets it when the
      // state is applied again after that chunk.
      const mark = (cls: ViewClass, ids: Iterable<string> | undefined): void => {
        for (const given of ids ?? []) {
          const id = drawnAs.get(given) ?? given;
          if (cy.hasElementWithId(id)) next.get(cls)!.add(id);
        }
      };
      mark(VIEW_CLASS.selected, state.selected ? [state.selected] : undefined);
      mark(VIEW_CLASS.neighbour, state.emphasis);
      mark(VIEW_CLASS.path, state.path);
      mark(VIEW_CLASS.undated, state.undated);
      for (const given of state.labelled ?? []) {
        const id = drawnAs.get(given) ?? given;
        if (cy.getElementById(id).isEdge()) next.get(VIEW_CLASS.labelled)!.add(id);
      }
      cy.batch(() => {
        for (const cls of VIEW_CLASSES) {
          const before = applied.get(cls)!;
          const after = next.get(cls)!;
          for (const id of before) if (!after.has(id)) cy.getElementById(id).removeClass(cls);
          for (const id of after) if (!before.has(id)) cy.getElementById(id).addClass(cls);
        }
      });
      applied = next;
      scheduleLabels();
    },
    setLens(lens) {
      lastLens = lens;
      scheduleLabels();
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const size = lens.sizes?.get(n.id());
          const colour = lens.colours?.get(n.id());
          if (size === undefined) n.removeData('lensSize');
          else n.data('lensSize', size);
          if (colour === undefined) n.removeData('lensColour');
          else n.data('lensColour', colour);
        });
      });
    },
    center(id) {
      // The container may just have changed size (a phone's bottom sheet opening): measure it before centring.
      cy.resize();
      const el = cy.getElementById(id);
      if (el.nonempty()) cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    },
    fit(ids) {
      const chosen = ids ? cy.elements().filter((el) => ids.has(el.id())) : cy.elements(':visible');
      const eles = chosen.nonempty() ? chosen : cy.elements();
      const box = eles.boundingBox({});
      // Fit, but never zoom in further than reading size: a two-node path should not fill the screen.
      const zoom = Math.min(MAX_FIT_ZOOM, (cy.width() - 80) / Math.max(box.w, 1), (cy.height() - 80) / Math.max(box.h, 1));
      cy.animate({ zoom, center: { eles } }, { duration: 300 });
    },
    resetView() {
      pathLayout.forget();
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const p = firstPositions.get(n.id());
          if (p) n.position(p);
        });
      });
      cy.viewport(firstViewport(cy));
    },
    setPathLayout(paths) {
      if (paths && paths.length > 0) pathLayout.show(paths);
      else pathLayout.hide();
    },
    setCamera(camera) {
      cy.viewport({ zoom: camera.zoom, pan: { x: camera.x, y: camera.y } });
    },
    zoomBy(factor) {
      cy.animate({ zoom: { level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } }, { duration: 150 });
    },
    prefersWorkerLayout() {
      return (
        cy.nodes().length > 300 ||
        cy
          .nodes()
          .map((n) => n.id())
          .some((id) => id in Object.prototype)
      );
    },
    async layoutOnPage() {
      const layout = LAYOUTS[0]!;
      await layout.load?.();
      const visible = cy.elements(':visible');
      visible.layout(layout.options(visible.nodes().length)).run();
    },
    async layoutInWorker(incremental, onDraft) {
      const { layoutInWorker } = await import('./layout-runner.ts');
      return layoutInWorker(cy, incremental, onDraft);
    },
    async exportImage(subset, selection, options) {
      const { exportImage } = await import('./export-image.ts');
      return exportImage(cy, subset, selection, options);
    },
    setLabelMode(mode) {
      labelMode = mode;
      scheduleLabels(0);
    },
    exposeForTests(extra) {
      (window as unknown as { __kg?: unknown }).__kg = {
        cy,
        // Visible labels' boxes on screen (canvas e2e), and the label placement run at once (bench).
        labelBoxes: () => renderedLabelBoxes(cy),
        labelsPending: () => labelsPending,
        placeLabels: () => {
          clearTimeout(labelTimer);
          placeLabelsNow();
        },
        ...extra,
      };
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stream.cancel();
      clearTimeout(viewportTimer);
      clearTimeout(labelTimer);
      container.removeEventListener('mouseleave', leave);
      bulkLayer.destroy();
      cy.destroy();
    },
  };
  return handle;
}
