// The few fields of Cytoscape's canvas renderer the canvas code reads or sets. They are not public API (stable across
// Cytoscape 3.x so far); keeping them in one type makes a Cytoscape upgrade one place to check.
import type { Core } from 'cytoscape';

export interface CanvasRendererInternals {
  getPixelRatio(): number;
  /** The renderer's `pixelRatio` option, settable after creation (null: the screen's). */
  forcedPixelRatio: number | null;
  hideEdgesOnViewport: boolean;
  /** Set while a gesture moves the camera: pinch, touch swipe, mouse drag of the background, wheel zoom. */
  pinching?: boolean;
  swipePanning?: boolean;
  hoverData: { dragging?: boolean };
  data: { wheelZooming?: boolean };
}

export function rendererOf(cy: Core): CanvasRendererInternals {
  return (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();
}

/** Whether a pan or zoom gesture is moving the camera right now. */
export function inViewportGesture(renderer: CanvasRendererInternals): boolean {
  return Boolean(renderer.pinching || renderer.swipePanning || renderer.hoverData.dragging || renderer.data.wheelZooming);
}
