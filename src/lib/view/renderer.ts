// The few fields and methods of Cytoscape's canvas renderer the canvas code reads, sets or replaces (the bulk layer
// replaces three drawing methods on its instance). They are not public API (stable across Cytoscape 3.x so far);
// keeping them in one type makes a Cytoscape upgrade one place to check.
import type { Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { ShapePath } from './bulk-geometry.ts';

/** A box as Cytoscape's caches measure one; a zero width or height means "nothing to draw". */
export interface RendererBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** A node shape as Cytoscape draws it: into a canvas context or a path, one sub-path that starts with a move (ellipses aside). */
export interface RendererNodeShape {
  draw(context: ShapePath, x: number, y: number, width: number, height: number, cornerRadius: 'auto'): void;
}

export interface CanvasRendererInternals {
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
  drawCachedElement(
    context: CanvasRenderingContext2D,
    ele: SingularElementArgument,
    pxRatio: number,
    extent: unknown,
    lvl?: number,
    highQuality?: boolean,
  ): void;
  /** Draws elements from the element caches, or from layers of many elements cached per zoom level (`Layered`). */
  drawCachedElements(context: CanvasRenderingContext2D, eles: SingularElementArgument[], pxRatio: number, extent: unknown): void;
  drawLayeredElements(context: CanvasRenderingContext2D, eles: SingularElementArgument[], pxRatio: number, extent: unknown): void;
  /** Whether an element's label is big enough to draw at `scale` (by default the current zoom's texture level). */
  eleTextBiggerThanMin(ele: SingularElementArgument, scale?: number): boolean;
}

export function rendererOf(cy: Core): CanvasRendererInternals {
  return (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();
}

/** Whether a pan or zoom gesture, or an animation of the camera, is moving it right now. */
export function inViewportGesture(cy: Core, renderer: CanvasRendererInternals): boolean {
  return Boolean(renderer.pinching || renderer.swipePanning || renderer.hoverData.dragging || renderer.data.wheelZooming || cy.animated());
}

/** A property of an element's computed style as the renderer reads it (`pfValue`: in pixels, for sizes). */
export function parsedStyle(ele: SingularElementArgument, name: string): { value: unknown; pfValue: number } {
  return (ele as unknown as { pstyle(name: string): { value: unknown; pfValue: number } }).pstyle(name);
}
