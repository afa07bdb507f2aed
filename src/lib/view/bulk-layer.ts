// A large graph's lines and node bodies, drawn in a few batched paths on a canvas of their own under Cytoscape's.
//
// Cytoscape's canvas renderer draws an element at a time. Per edge it looks up about twenty style properties, draws
// underlay, line, arrows, label and overlay, and strokes once: on euroSIS.json (7,524 edges) 80–100 ms of every frame,
// on large-graph.json (19,995) about 0.5 s, against 7 ms and about 50 ms (collecting the lines included) for the same
// lines as one path. Per node it draws a texture, which it first makes for every node at every new zoom level: on
// large-graph.json (10,000 nodes) 130–150 ms a frame, and the first gesture after an import 0.4–0.55 s.
//
// So for large graphs this layer draws every shown edge as a plain line and every shown node's body (shape, size,
// colour), and Cytoscape draws on top of it only what a class sets apart (a selection, a neighbourhood, a path), the
// labels, and edges with lines of their own (opinions, forecasts). Cytoscape still owns the model: hit-testing of
// nodes, hover, drag, layout and exports are its own, since its nodes are all there, only not painted. It does not
// hit-test edges it does not display, so a click near a line is matched here (`edgeAt`). Keeping Cytoscape from
// painting plain nodes takes three of its renderer's methods, replaced on this instance while the layer is on
// (cytoscape-internals.ts); a renderer without them leaves the layer off and Cytoscape drawing everything.
//
// The layer draws what is set apart too, under Cytoscape's drawing of it, so a hover or a selection does not redraw
// it: only a change of camera, positions, elements, data (sizes, colours) or of what is shown does. It draws only
// what is in view, and a large graph seen from a new camera is drawn in the background, a slice per task, while the
// previous drawing follows the camera by CSS (see `drawLater`).
import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { BodyLook, Box, Camera, Segment, ShapePath } from './bulk-geometry.ts';
import { closingByLine, followTransform, lookKey, nearestSegment, overWhite, segmentMisses, viewOf } from './bulk-geometry.ts';
import {
  inViewportGesture,
  insertUnderLayers,
  leaveToLayer,
  missingMembers,
  parsedStyle,
  pixelRatio,
  shapeDrawer,
} from './cytoscape-internals.ts';
import { BULK_EDGE_STYLE } from './style.ts';
import { CY_DRAWN_EDGE_CLASSES, CY_DRAWN_NODE_CLASSES, OWN_LINE_CLASSES, VIEW_CLASS } from './classes.ts';

/**
 * Whether the layer draws the element: shown, not faded (fading applies only to graphs too small for this layer, and
 * would need the layer redrawn on every hover), and for edges a plain line.
 */
export function drawnByLayer(element: SingularElementArgument): boolean {
  if (element.hasClass(VIEW_CLASS.hidden) || element.hasClass(VIEW_CLASS.faded)) return false;
  if (element.isEdge()) for (const cls of OWN_LINE_CLASSES) if (element.hasClass(cls)) return false;
  return true;
}

/** Whether Cytoscape draws the element (on top of the layer): a class sets it apart, or it is being exported. */
function setApart(element: SingularElementArgument): boolean {
  for (const cls of element.isNode() ? CY_DRAWN_NODE_CLASSES : CY_DRAWN_EDGE_CLASSES) if (element.hasClass(cls)) return true;
  return false;
}

/** The colours of plain and undated lines over the canvas's white background (GraphCanvas.svelte). */
const PLAIN_LINE = overWhite(BULK_EDGE_STYLE.colour, BULK_EDGE_STYLE.opacity);
const UNDATED_LINE = overWhite(BULK_EDGE_STYLE.colour, BULK_EDGE_STYLE.undatedOpacity);

/**
 * Elements drawn per slice when the layer draws in the background. On large-graph.json (30,000 elements, 6 slices)
 * the longest task of a zoom, redraw included, went from 146–227 ms with the redraw in one task to 69–89 ms.
 */
const SLICE = 5000;

function colour(value: unknown): string {
  const [r, g, b] = value as [number, number, number];
  return `rgb(${r},${g},${b})`;
}

function lookOf(node: NodeSingular): BodyLook {
  const borderWidth = parsedStyle(node, 'border-width').pfValue;
  return {
    shape: parsedStyle(node, 'shape').value as string,
    fill: colour(parsedStyle(node, 'background-color').value),
    alpha: (parsedStyle(node, 'background-opacity').value as number) * (parsedStyle(node, 'opacity').value as number),
    borderWidth,
    border: borderWidth > 0 ? colour(parsedStyle(node, 'border-color').value) : '',
  };
}

/** An edge with its two ends. */
interface Line {
  edge: EdgeSingular;
  source: NodeSingular;
  target: NodeSingular;
}

export interface BulkLayer {
  /**
   * Whether Cytoscape's renderer has every member the layer relies on. Checked once, when first asked; if not, one
   * console warning names what is missing, and the layer never turns on.
   */
  readonly available: boolean;
  /**
   * On for graphs whose stylesheet leaves plain edges to this layer (`bulk`), off otherwise. Turning it on replaces
   * three of Cytoscape's drawing methods on this instance, turning it off puts them back; without `available` it
   * stays off.
   */
  setEnabled(on: boolean): void;
  readonly enabled: boolean;
  /** The id of the drawn edge nearest to a model position, within `radius` screen pixels. */
  edgeAt(position: { x: number; y: number }, radius: number): string | undefined;
  destroy(): void;
}

/**
 * The bulk layer of `cy`. It touches neither the page nor Cytoscape's renderer until it is first turned on, so a
 * canvas that never draws a large graph (or draws with WebGL) runs on Cytoscape alone.
 */
export function createBulkLayer(cy: Core): BulkLayer {
  let missing: string[] | undefined;
  let enabled = false;
  /** Puts Cytoscape's own drawing methods back; set while they are replaced. */
  let restoreCytoscape: (() => void) | undefined;
  let painter: Painter | undefined;

  function available(): boolean {
    if (!missing) {
      missing = missingMembers(cy);
      if (missing.length > 0)
        console.warn(
          `Bulk layer off: Cytoscape's renderer lacks ${missing.join(', ')}. Cytoscape draws every element itself (slower on large graphs).`,
        );
    }
    return missing.length === 0;
  }

  return {
    get available() {
      return available();
    },
    get enabled() {
      return enabled;
    },
    setEnabled(on) {
      enabled = on && available();
      if (enabled) {
        restoreCytoscape ??= leaveToLayer(cy, setApart);
        painter ??= createPainter(cy);
      } else {
        restoreCytoscape?.();
        restoreCytoscape = undefined;
      }
      painter?.setEnabled(enabled);
    },
    edgeAt(position, radius) {
      return enabled ? painter?.edgeAt(position, radius) : undefined;
    },
    destroy() {
      restoreCytoscape?.();
      restoreCytoscape = undefined;
      painter?.destroy();
      enabled = false;
    },
  };
}

/** The layer's canvas and its drawing: what `setEnabled`, `edgeAt` and `destroy` of BulkLayer do once it exists. */
type Painter = Omit<BulkLayer, 'available' | 'enabled'>;

/**
 * Puts a canvas under Cytoscape's layers in `cy`'s container, drawn again after a Cytoscape frame whenever what it
 * shows has changed (elements, positions, data, what is shown, camera, size), so the two never disagree.
 */
function createPainter(cy: Core): Painter {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('data-id', 'bulk-layer');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '0', pointerEvents: 'none', transformOrigin: '0 0' });
  insertUnderLayers(cy, canvas);
  const context = canvas.getContext('2d');

  let enabled = false;
  /** The camera the canvas was drawn for: a pan or zoom gesture moves the drawing by CSS alone, from this. */
  let drawnFor: Camera | undefined;
  /** Whether anything the layer draws has changed since it last drew (the camera aside, compared with `drawnFor`). */
  let stale = true;
  /** The elements the layer left out when it last drew; a class change that flips one of these makes it stale. */
  let leftOut = new Set<string>();
  /** The graph's nodes, and its edges with their ends, gathered again only when elements are added or removed. */
  let members: { nodes: NodeSingular[]; edges: Line[] } | undefined;
  const onChange = (): void => {
    stale = true;
  };
  const onMembers = (): void => {
    stale = true;
    members = undefined;
  };
  const onClass = (e: { target: SingularElementArgument }): void => {
    if (drawnByLayer(e.target) === leftOut.has(e.target.id())) stale = true;
  };
  cy.on('add remove', onMembers);
  cy.on('position data', onChange);
  cy.on('resize', onChange);
  cy.on('class', onClass);

  function clear(): void {
    context?.setTransform(1, 0, 0, 1, 0, 0);
    context?.clearRect(0, 0, canvas.width, canvas.height);
  }

  function drawEdges(target: CanvasRenderingContext2D, edges: readonly Line[], view: Box): number {
    // Opaque lines of the colour the translucent ones make over the canvas's white: overlapping lines do not darken
    // each other (at 0.4–0.5 opacity over thousands of edges the difference from separate translucent strokes is
    // slight), and a drawing made in slices looks the same as one made at once. One path per colour: one stroke of
    // euroSIS.json's lines takes 6–7 ms against 20 ms for a stroke each.
    const plain = new Path2D();
    const undated = new Path2D();
    let drawn = 0;
    for (const { edge, source, target: end } of edges) {
      const a = source.position();
      const b = end.position();
      if (segmentMisses(view, a.x, a.y, b.x, b.y)) continue;
      const path = edge.hasClass(VIEW_CLASS.undated) ? undated : plain;
      path.moveTo(a.x, a.y);
      path.lineTo(b.x, b.y);
      drawn++;
    }
    target.lineWidth = BULK_EDGE_STYLE.width;
    target.strokeStyle = PLAIN_LINE;
    target.stroke(plain);
    target.strokeStyle = UNDATED_LINE;
    target.stroke(undated);
    return drawn;
  }

  function drawNodes(target: CanvasRenderingContext2D, nodes: readonly NodeSingular[], view: Box): number {
    // One path per look (shape, colour, border): a few dozen fills for 10,000 nodes. Each shape's path is
    // Cytoscape's own, so bodies match its hit-testing and its drawing of the same node when set apart.
    const groups = new Map<string, { look: BodyLook; path: Path2D; shapes: ShapePath }>();
    const drawShape = shapeDrawer(cy);
    let drawn = 0;
    for (const node of nodes) {
      const { x, y } = node.position();
      const width = node.width();
      const height = node.height();
      if (segmentMisses(view, x - width / 2, y - height / 2, x + width / 2, y + height / 2)) continue;
      drawn++;
      const look = lookOf(node);
      const key = lookKey(look);
      let group = groups.get(key);
      if (!group) {
        const path = new Path2D();
        groups.set(key, (group = { look, path, shapes: closingByLine(path) }));
      }
      // Every shape's path but the ellipse's starts with a move; without one, an ellipse would be joined to the last.
      group.shapes.moveTo(x + width / 2, y);
      drawShape(look.shape, group.shapes, x, y, width, height);
    }
    for (const { look, path } of groups.values()) {
      target.globalAlpha = look.alpha;
      target.fillStyle = look.fill;
      target.fill(path);
      if (look.borderWidth > 0) {
        target.lineWidth = look.borderWidth;
        target.strokeStyle = look.border;
        target.stroke(path);
      }
    }
    target.globalAlpha = 1;
    return drawn;
  }

  const cameraNow = (): Camera => ({ zoom: cy.zoom(), ...cy.pan() });
  const sameCamera = (a: Camera | undefined, b: Camera): boolean => a !== undefined && a.zoom === b.zoom && a.x === b.x && a.y === b.y;
  /** A drawing for a new camera, being made in the background (see `drawLater`). */
  let job: { camera: Camera; cancel(): void } | undefined;
  /** Where the layer makes a drawing in the background; shown only when complete. */
  const spare = document.createElement('canvas');
  const spareContext = spare.getContext('2d', { willReadFrequently: true });

  /** Moves what is on the canvas by CSS, from the camera it was drawn for to `camera`. */
  function follow(camera: Camera): void {
    if (!drawnFor) return;
    canvas.style.transform = followTransform(drawnFor, camera);
  }

  /** Sizes `target` like Cytoscape's canvases, clears it and sets it up to draw in model coordinates for `camera`. */
  function prepare(target: HTMLCanvasElement, targetContext: CanvasRenderingContext2D, camera: Camera): Box {
    const ratio = pixelRatio(cy);
    const width = Math.round(cy.width() * ratio);
    const height = Math.round(cy.height() * ratio);
    if (target.width !== width || target.height !== height) {
      target.width = width;
      target.height = height;
    }
    targetContext.setTransform(1, 0, 0, 1, 0, 0);
    targetContext.clearRect(0, 0, width, height);
    targetContext.setTransform(camera.zoom * ratio, 0, 0, camera.zoom * ratio, camera.x * ratio, camera.y * ratio);
    // What is in view, in model coordinates: zoomed in, most of a large graph is not, and would cost its drawing all
    // the same.
    return viewOf(camera, cy.width(), cy.height());
  }

  function currentMembers(): { nodes: NodeSingular[]; edges: Line[] } {
    members ??= {
      nodes: cy.nodes().toArray(),
      edges: cy.edges().map((edge) => ({ edge, source: edge.source(), target: edge.target() })),
    };
    return members;
  }

  /** What the layer draws, as it is now; notes what it leaves out. */
  function collect(): { nodes: NodeSingular[]; edges: Line[] } {
    const { nodes, edges } = currentMembers();
    leftOut = new Set();
    const drawnHere = (element: SingularElementArgument): boolean => {
      if (drawnByLayer(element)) return true;
      leftOut.add(element.id());
      return false;
    };
    stale = false;
    return { nodes: nodes.filter(drawnHere), edges: edges.filter(({ edge }) => drawnHere(edge)) };
  }

  /** Draws `SLICE` elements at a time, edges first, and returns how many of each were in view. */
  function* paint(target: CanvasRenderingContext2D, view: Box): Generator<void, { edges: number; nodes: number }> {
    const { nodes, edges } = collect();
    let drawnEdges = 0;
    let drawnNodes = 0;
    for (let i = 0; i < edges.length; i += SLICE) {
      drawnEdges += drawEdges(target, edges.slice(i, i + SLICE), view);
      yield;
    }
    for (let i = 0; i < nodes.length; i += SLICE) {
      drawnNodes += drawNodes(target, nodes.slice(i, i + SLICE), view);
      yield;
    }
    return { edges: drawnEdges, nodes: drawnNodes };
  }

  function shown(camera: Camera, counts: { edges: number; nodes: number }): void {
    drawnFor = camera;
    canvas.style.transform = '';
    canvas.style.width = `${cy.width()}px`;
    canvas.style.height = `${cy.height()}px`;
    // How many of each the layer drew, for tests and anyone inspecting the page.
    canvas.dataset['edges'] = String(counts.edges);
    canvas.dataset['nodes'] = String(counts.nodes);
    delete canvas.dataset['drawing'];
  }

  /** Draws everything now, on the canvas. */
  function drawNow(camera: Camera): void {
    if (!context) return;
    const steps = paint(context, prepare(canvas, context, camera));
    let step = steps.next();
    while (!step.done) step = steps.next();
    shown(camera, step.value);
  }

  /**
   * Draws for a new camera in the background, a slice per task, each rasterised in its own task, and shows it when
   * complete; meanwhile the old drawing follows the camera by CSS. Drawing a large graph at a new zoom level is one
   * long task otherwise: on large-graph.json zoomed in 1.7×, about 50 ms of building paths and 200–300 ms of
   * rasterising them.
   */
  function drawLater(camera: Camera): void {
    if (!spareContext) return;
    follow(camera);
    canvas.dataset['drawing'] = 'yes';
    const steps = paint(spareContext, prepare(spare, spareContext, camera));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = (): void => {
      const step = steps.next();
      // Rasterise this slice now: the canvas otherwise keeps the drawing commands for when it is next read.
      spareContext.getImageData(0, 0, 1, 1);
      if (!step.done) {
        timer = setTimeout(next, 0);
        return;
      }
      job = undefined;
      if (!context) return;
      context.setTransform(1, 0, 0, 1, 0, 0);
      if (canvas.width !== spare.width || canvas.height !== spare.height) {
        canvas.width = spare.width;
        canvas.height = spare.height;
      } else context.clearRect(0, 0, canvas.width, canvas.height);
      context.drawImage(spare, 0, 0);
      shown(camera, step.value);
    };
    timer = setTimeout(next, 0);
    job = { camera, cancel: () => clearTimeout(timer) };
  }

  function draw(): void {
    if (!enabled || !context) return;
    const camera = cameraNow();
    // During a pan or zoom gesture the layer moves its drawing by a CSS transform, and draws again when the gesture
    // ends. What was off screen when it started comes in at the end.
    if (inViewportGesture(cy) && drawnFor) {
      job?.cancel();
      job = undefined;
      follow(camera);
      return;
    }
    if (!stale && sameCamera(job?.camera, camera)) return;
    job?.cancel();
    job = undefined;
    if (!stale && sameCamera(drawnFor, camera)) {
      canvas.style.transform = '';
      delete canvas.dataset['drawing'];
      return;
    }
    // Anything but the camera changed (elements, positions, what is shown): now, so that nothing shows out of place.
    // A large graph seen from a new camera: in the background.
    if (stale || !drawnFor || (members && members.nodes.length + members.edges.length <= SLICE)) drawNow(camera);
    else drawLater(camera);
  }
  cy.on('render', draw);

  return {
    setEnabled(on) {
      enabled = on;
      stale = true;
      members = undefined;
      drawnFor = undefined;
      job?.cancel();
      job = undefined;
      if (on) draw();
      else {
        clear();
        canvas.style.transform = '';
        delete canvas.dataset['drawing'];
        canvas.dataset['edges'] = '0';
        canvas.dataset['nodes'] = '0';
      }
    },
    edgeAt(position, radius) {
      if (!enabled) return undefined;
      function* segments(): Generator<Segment> {
        for (const { edge, source, target } of currentMembers().edges) {
          if (!drawnByLayer(edge)) continue;
          const a = source.position();
          const b = target.position();
          yield { id: edge.id(), x1: a.x, y1: a.y, x2: b.x, y2: b.y };
        }
      }
      return nearestSegment(segments(), position.x, position.y, radius / cy.zoom())?.id;
    },
    destroy() {
      job?.cancel();
      cy.off('render', draw);
      cy.off('add remove', onMembers);
      cy.off('position data', onChange);
      cy.off('resize', onChange);
      cy.off('class', onClass);
      canvas.remove();
    },
  };
}
