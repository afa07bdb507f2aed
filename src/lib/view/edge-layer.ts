// The plain edges of a large graph, drawn in two strokes on a canvas of their own under Cytoscape's.
//
// Cytoscape's canvas renderer draws an edge at a time: per edge it looks up about twenty style properties, draws
// underlay, line, arrows, label and overlay, and strokes once. On euroSIS.json (7,524 edges) that is 80–100 ms of
// every frame and on large-graph.json (19,995) about 0.5 s, against 7 ms and about 50 ms (collecting the lines
// included) for the same lines as one path. Large graphs draw edges as plain straight lines of one colour anyway, so
// this layer draws those, and Cytoscape draws only the edges a class sets apart (selected, highlighted, on a path,
// opinions, forecasts).
import type { Core, EdgeSingular } from 'cytoscape';
import { inViewportGesture, rendererOf } from './renderer.ts';
import { BULK_EDGE_STYLE, CY_DRAWN_EDGE_CLASSES } from './style.ts';

/** A straight edge in model coordinates. */
export interface Segment {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The segment nearest to (x, y) within `radius`, or undefined. Ties go to the later segment (drawn on top). */
export function nearestSegment(segments: Iterable<Segment>, x: number, y: number, radius: number): Segment | undefined {
  let best: Segment | undefined;
  let bestDistance = radius * radius;
  for (const s of segments) {
    const dx = s.x2 - s.x1;
    const dy = s.y2 - s.y1;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / length));
    const ex = s.x1 + t * dx - x;
    const ey = s.y1 + t * dy - y;
    const distance = ex * ex + ey * ey;
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = s;
    }
  }
  return best;
}

export interface EdgeLayer {
  /** On for graphs whose stylesheet leaves plain edges to this layer (`bulkEdges`), off otherwise. */
  setEnabled(on: boolean): void;
  readonly enabled: boolean;
  /** The id of the drawn edge nearest to a model position, within `radius` screen pixels. */
  edgeAt(position: { x: number; y: number }, radius: number): string | undefined;
  destroy(): void;
}

/** Whether this layer draws the edge: shown, and with no class that has Cytoscape draw it. */
function drawnHere(edge: EdgeSingular): boolean {
  if (edge.hasClass('hidden')) return false;
  for (const cls of CY_DRAWN_EDGE_CLASSES) if (edge.hasClass(cls)) return false;
  return true;
}

/**
 * Puts a canvas under Cytoscape's layers in `cy`'s container and redraws it whenever Cytoscape draws a frame (after
 * adds, moves, class changes, pan and zoom), so the two never disagree about where a node is.
 */
export function createEdgeLayer(cy: Core): EdgeLayer {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('data-id', 'bulk-edges');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '0', pointerEvents: 'none', transformOrigin: '0 0' });
  // Cytoscape's layers sit in one positioned div in the container; this canvas goes first, under all of them.
  const layers = cy.container()?.querySelector('canvas')?.parentElement;
  layers?.insertBefore(canvas, layers.firstChild);
  const context = canvas.getContext('2d');
  const renderer = rendererOf(cy);
  /** The camera the lines on the canvas were drawn for, while a pan or zoom gesture moves them by CSS alone. */
  let drawnFor: { zoom: number; x: number; y: number } | undefined;

  let enabled = false;
  let edges: EdgeSingular[] = [];
  let edgesStale = true;
  const onEdgesChanged = (): void => {
    edgesStale = true;
  };
  cy.on('add remove', 'edge', onEdgesChanged);

  function clear(): void {
    context?.setTransform(1, 0, 0, 1, 0, 0);
    context?.clearRect(0, 0, canvas.width, canvas.height);
  }

  function draw(): void {
    if (!enabled || !context) return;
    // During a pan or zoom gesture this layer moves its lines by a CSS transform, and draws them again when the
    // gesture ends (redrawing 20,000 lines a frame made every frame of a gesture on large-graph.json about 170 ms).
    // Lines that were off screen when it started come in at the end.
    if (inViewportGesture(renderer) && drawnFor) {
      const scale = cy.zoom() / drawnFor.zoom;
      const pan = cy.pan();
      canvas.style.transform = `matrix(${scale}, 0, 0, ${scale}, ${pan.x - drawnFor.x * scale}, ${pan.y - drawnFor.y * scale})`;
      return;
    }
    canvas.style.transform = '';
    const ratio = renderer.getPixelRatio();
    const width = Math.round(cy.width() * ratio);
    const height = Math.round(cy.height() * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${cy.width()}px`;
      canvas.style.height = `${cy.height()}px`;
    }
    clear();
    if (edgesStale) {
      edges = cy.edges().toArray();
      edgesStale = false;
    }
    const pan = cy.pan();
    drawnFor = { zoom: cy.zoom(), x: pan.x, y: pan.y };
    const zoom = cy.zoom() * ratio;
    context.setTransform(zoom, 0, 0, zoom, pan.x * ratio, pan.y * ratio);
    // One path per opacity: overlapping lines in one path do not darken each other as separate strokes would; at
    // 0.4–0.5 opacity over thousands of edges the difference is slight, and one stroke of euroSIS.json's lines takes
    // 6–7 ms against 20 ms for a stroke each.
    const plain = new Path2D();
    const undated = new Path2D();
    let drawn = 0;
    for (const edge of edges) {
      if (!drawnHere(edge)) continue;
      drawn++;
      const path = edge.hasClass('undated') ? undated : plain;
      const a = edge.source().position();
      const b = edge.target().position();
      path.moveTo(a.x, a.y);
      path.lineTo(b.x, b.y);
    }
    context.lineWidth = BULK_EDGE_STYLE.width;
    context.strokeStyle = BULK_EDGE_STYLE.colour;
    context.globalAlpha = BULK_EDGE_STYLE.opacity;
    context.stroke(plain);
    context.globalAlpha = BULK_EDGE_STYLE.undatedOpacity;
    context.stroke(undated);
    context.globalAlpha = 1;
    // How many edges this layer drew, for tests and anyone inspecting the page.
    canvas.dataset['edges'] = String(drawn);
  }
  cy.on('render', draw);

  return {
    get enabled() {
      return enabled;
    },
    setEnabled(on) {
      enabled = on;
      edgesStale = true;
      drawnFor = undefined;
      if (on) draw();
      else {
        clear();
        canvas.style.transform = '';
        canvas.dataset['edges'] = '0';
      }
    },
    edgeAt(position, radius) {
      if (!enabled) return undefined;
      function* segments(): Generator<Segment> {
        for (const edge of cy.edges()) {
          if (!drawnHere(edge)) continue;
          const a = edge.source().position();
          const b = edge.target().position();
          yield { id: edge.id(), x1: a.x, y1: a.y, x2: b.x, y2: b.y };
        }
      }
      return nearestSegment(segments(), position.x, position.y, radius / cy.zoom())?.id;
    },
    destroy() {
      cy.off('render', draw);
      cy.off('add remove', 'edge', onEdgesChanged);
      canvas.remove();
    },
  };
}
