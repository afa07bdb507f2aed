// A stand-in for Cytoscape's canvas renderer in unit tests (Node has no canvas): every member the bulk layer checks,
// with the arity it expects, recording the calls that matter.
import type { Core } from 'cytoscape';

/** A renderer with every member the bulk layer uses, each recording its calls. */
export function fakeRenderer(calls: unknown[][] = []) {
  return {
    // What Cytoscape's core calls on any renderer.
    notify() {},
    destroy() {},
    hoverData: { dragging: false },
    data: {
      eleTxrCache: {
        getBoundingBox(ele: unknown) {
          calls.push(['getBoundingBox', ele]);
          return { x1: 0, y1: 0, x2: 1, y2: 1, w: 1, h: 1 };
        },
      },
    },
    nodeShapes: { ellipse: { draw: (_c: unknown, _x: number, _y: number, _w: number, _h: number, _r: unknown) => {} } },
    drawCachedElement(context: unknown, ele: unknown, pxRatio: unknown, extent: unknown, lvl: unknown, highQuality: unknown) {
      calls.push(['drawCachedElement', context, ele, pxRatio, extent, lvl, highQuality]);
    },
    drawCachedElements(context: unknown, eles: unknown, pxRatio: unknown, extent: unknown) {
      calls.push(['drawCachedElements', context, eles, pxRatio, extent]);
    },
    drawLayeredElements(context: unknown, eles: unknown, pxRatio: unknown, extent: unknown) {
      calls.push(['drawLayeredElements', context, eles, pxRatio, extent]);
    },
    eleTextBiggerThanMin: (_ele: unknown, _scale: unknown) => true,
    getPixelRatio: () => 1,
  };
}

/** `cy` answering `renderer()` with `renderer`. */
export function withRenderer(cy: Core, renderer: unknown): Core {
  (cy as unknown as { renderer(): unknown }).renderer = () => renderer;
  return cy;
}
