// Everything the view uses of Cytoscape that is not its public API: members of its canvas renderer, an element's
// parsed style, a collection's style computation, and where its canvases sit in the page. Cytoscape is pinned to
// ~3.35 and cytoscape-contract.test.ts pins every member named here, so an upgrade is checked in one place.
//
// The bulk layer replaces three renderer methods on one instance. It does so only after `missingMembers` has found
// every member the layer calls or replaces, each a function of the arity it is called with; otherwise the layer stays
// off and Cytoscape draws everything itself. The replacements pass every argument through to Cytoscape's methods.
import type { Collection, Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { ShapePath } from './bulk-geometry.ts';

/** A box as Cytoscape's caches measure one; a zero width or height means "nothing to draw". */
interface RendererBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** A node shape as Cytoscape draws it: into a canvas context or a path, one sub-path that starts with a move (ellipses aside). */
interface RendererNodeShape {
  draw(context: ShapePath, x: number, y: number, width: number, height: number, cornerRadius: 'auto'): void;
}

type DrawCachedElement = (
  context: CanvasRenderingContext2D,
  ele: SingularElementArgument,
  pxRatio: number,
  extent: unknown,
  lvl?: number,
  highQuality?: boolean,
) => void;
type DrawElements = (context: CanvasRenderingContext2D, eles: SingularElementArgument[], pxRatio: number, extent: unknown) => void;

/** The members of Cytoscape's canvas renderer used here. */
interface CanvasRendererInternals {
  getPixelRatio(): number;
  /** The renderer's `pixelRatio` option, settable after creation (null: the screen's). */
  forcedPixelRatio: number | null;
  hideEdgesOnViewport: boolean;
  /** Set while a gesture moves the camera: pinch, touch swipe, mouse drag of the background, wheel zoom. */
  pinching?: boolean;
  swipePanning?: boolean;
  hoverData: { dragging?: boolean };
  data: {
    wheelZooming?: boolean;
    /**
     * The cache of node bodies drawn as textures. Every frame draws a node's body from it, in two steps: the box
     * (`getBoundingBox`; zero size: nothing drawn, no texture made), then the texture for the zoom level.
     */
    eleTxrCache: { getBoundingBox(ele: NodeSingular): RendererBox };
  };
  /** How Cytoscape draws each node shape, by name. */
  nodeShapes: Record<string, RendererNodeShape | undefined>;
  /**
   * Draws an element from the texture caches: underlay, body, label, overlay. Every frame calls it for every element
   * in view (`lvl`: the texture level when drawing into a cached layer).
   */
  drawCachedElement: DrawCachedElement;
  /** Draws elements from the element caches, or from layers of many elements cached per zoom level (`Layered`). */
  drawCachedElements: DrawElements;
  drawLayeredElements: DrawElements;
  /** Whether an element's label is big enough to draw at `scale` (by default the current zoom's texture level). */
  eleTextBiggerThanMin(ele: SingularElementArgument, scale?: number): boolean;
}

function rendererOf(cy: Core): CanvasRendererInternals {
  return (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();
}

/** The renderer's functions the bulk layer calls or replaces, by path from the renderer, with their arities. */
export const BULK_LAYER_FUNCTIONS: readonly (readonly [path: string, arity: number])[] = [
  ['drawCachedElement', 6],
  ['drawCachedElements', 4],
  ['drawLayeredElements', 4],
  ['eleTextBiggerThanMin', 2],
  ['getPixelRatio', 0],
  ['data.eleTxrCache.getBoundingBox', 1],
  // The shape drawn when a node's shape has no drawing of its own.
  ['nodeShapes.ellipse.draw', 6],
];

/**
 * The renderer's objects whose gesture flags the bulk layer reads (`hoverData.dragging`, `data.wheelZooming`, and
 * `pinching` and `swipePanning` on the renderer). The flags are unset until a gesture sets them, so only their objects
 * can be checked; were one renamed, the layer would redraw during gestures instead of moving its drawing, which is
 * slower and never wrong.
 */
export const BULK_LAYER_OBJECTS: readonly string[] = ['hoverData', 'data'];

/** Element functions the bulk layer calls, with their arities. */
export const ELEMENT_FUNCTIONS: readonly (readonly [name: string, arity: number])[] = [['pstyle', 1]];

function at(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * What the bulk layer needs that `cy` lacks: each missing member, or one that is not a function of the expected
 * arity, as `name/arity` (objects by name). Empty when everything is there.
 */
export function missingMembers(cy: Core): string[] {
  const renderer = (cy as unknown as { renderer?(): unknown }).renderer?.();
  const missing: string[] = [];
  const check = (root: unknown, path: string, arity: number): void => {
    const member = at(root, path);
    if (typeof member !== 'function' || member.length !== arity) missing.push(`${path}/${arity}`);
  };
  for (const [path, arity] of BULK_LAYER_FUNCTIONS) check(renderer, path, arity);
  for (const path of BULK_LAYER_OBJECTS) {
    const member = at(renderer, path);
    if (typeof member !== 'object' || member === null) missing.push(path);
  }
  for (const [name, arity] of ELEMENT_FUNCTIONS) check(cy.collection(), name, arity);
  return missing;
}

const NOTHING: RendererBox = { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };

/**
 * Has Cytoscape leave plain elements to the bulk layer, on `cy`'s renderer only, until the returned function puts its
 * own methods back. Call only when `missingMembers(cy)` is empty. Cytoscape still draws every element `setApart`
 * accepts, every label, and the overlay of a pressed node; hit-testing, hover and drag are untouched.
 */
export function leaveToLayer(cy: Core, setApart: (ele: SingularElementArgument) => boolean): () => void {
  const renderer = rendererOf(cy);
  const bodies = renderer.data.eleTxrCache;
  const cytoscapeBox = bodies.getBoundingBox;
  const cytoscapeDrawCached = renderer.drawCachedElement;
  const cytoscapeDrawLayered = renderer.drawLayeredElements;

  // A node's body only when set apart: for the rest the texture cache gets an empty box, so it neither makes nor
  // draws a texture.
  bodies.getBoundingBox = function (this: unknown, ...args: Parameters<typeof cytoscapeBox>) {
    const [ele] = args;
    return ele.isNode() && !setApart(ele) ? NOTHING : cytoscapeBox.apply(this, args);
  };

  // Nor does Cytoscape visit, in a frame, a plain edge (the bulk stylesheet does not display those) or a plain node
  // with no label to show at this zoom (most of a large graph, zoomed out): it would look up their boxes to draw
  // nothing. A node being pressed still gets its overlay.
  renderer.drawCachedElement = function (this: unknown, ...args: Parameters<DrawCachedElement>) {
    const [, ele, , , lvl] = args;
    if (
      !setApart(ele) &&
      (ele.isEdge() || (!ele.active() && !renderer.eleTextBiggerThanMin(ele, lvl === undefined ? undefined : 2 ** lvl)))
    )
      return;
    cytoscapeDrawCached.apply(this, args);
  };

  // And it draws straight from its element caches, not through its layered cache: with the plain elements left out a
  // frame costs little, while building the layers for each new zoom level takes a box of every element (0.3 s of the
  // first zoom on large-graph.json, and a recalculation of all 30,000 elements in the next frame).
  renderer.drawLayeredElements = function (this: unknown, ...args: Parameters<DrawElements>) {
    renderer.drawCachedElements.apply(this, args);
  };

  return () => {
    bodies.getBoundingBox = cytoscapeBox;
    renderer.drawCachedElement = cytoscapeDrawCached;
    renderer.drawLayeredElements = cytoscapeDrawLayered;
  };
}

/** The pixel ratio `cy` draws at: its `pixelRatio` option, or the screen's. */
export function pixelRatio(cy: Core): number {
  return rendererOf(cy).getPixelRatio();
}

/** Whether a pan or zoom gesture, or an animation of the camera, is moving it right now. */
export function inViewportGesture(cy: Core): boolean {
  const renderer = rendererOf(cy);
  return Boolean(renderer.pinching || renderer.swipePanning || renderer.hoverData.dragging || renderer.data.wheelZooming || cy.animated());
}

/** Draws node shapes into a path with Cytoscape's own drawing of each (an unknown shape as an ellipse). */
export function shapeDrawer(cy: Core): (shape: string, path: ShapePath, x: number, y: number, width: number, height: number) => void {
  const shapes = rendererOf(cy).nodeShapes;
  const ellipse = shapes['ellipse']!;
  return (shape, path, x, y, width, height) => (shapes[shape] ?? ellipse).draw(path, x, y, width, height, 'auto');
}

/** Puts `canvas` under all of Cytoscape's canvases, which sit in one positioned div in its container. */
export function insertUnderLayers(cy: Core, canvas: HTMLCanvasElement): void {
  const layers = cy.container()?.querySelector('canvas')?.parentElement;
  layers?.insertBefore(canvas, layers.firstChild);
}

/** Renderer options that follow the graph: whether edges hide during gestures, and the pixel ratio (null: the screen's). */
export function setRendererOptions(cy: Core, options: { hideEdgesOnViewport: boolean; pixelRatio: number | null }): void {
  const renderer = rendererOf(cy);
  renderer.hideEdgesOnViewport = options.hideEdgesOnViewport;
  renderer.forcedPixelRatio = options.pixelRatio;
}

/**
 * Computes the style of `elements` now, in the current task, rather than in the frame that draws them (Cytoscape
 * styles lazily, just before drawing). Without `cleanStyle` Cytoscape styles them in that frame, as it would anyway.
 */
export function styleNow(elements: Collection): void {
  const clean = (elements as unknown as { cleanStyle?: unknown }).cleanStyle;
  if (typeof clean === 'function') (clean as () => void).call(elements);
}

/** A property of an element's computed style as the renderer reads it (`pfValue`: in pixels, for sizes). */
export function parsedStyle(ele: SingularElementArgument, name: string): { value: unknown; pfValue: number } {
  return (ele as unknown as { pstyle(name: string): { value: unknown; pfValue: number } }).pstyle(name);
}
