// The path layout on the canvas: moves the paths' entities to their places (path-layout.ts), animated, and back again.
import type { Core } from 'cytoscape';
import type { Position } from '../graph/types.ts';
import { labelWidth } from './elements.ts';
import { pathLayout } from './path-layout.ts';
import { MAX_FIT_ZOOM } from './viewport.ts';

const DURATION_MS = 400;
const PADDING = 48;

export interface PathLayoutMode {
  /** Lays `paths` out (again, if already on); the first call remembers every position and the camera. */
  show(paths: readonly (readonly string[])[]): void;
  /** Puts every entity back where it was before `show`, and the camera; nothing when off. */
  hide(): void;
  /** Drops what was remembered (a new graph, or the first view restored), without moving anything. */
  forget(): void;
  readonly active: boolean;
}

export function createPathLayout(cy: Core): PathLayoutMode {
  let saved: { positions: Map<string, Position>; zoom: number; pan: Position } | undefined;

  const stop = (): void => {
    cy.stop(true, true);
    cy.nodes().stop(true, true);
  };

  return {
    get active() {
      return saved !== undefined;
    },
    show(paths) {
      stop();
      if (!saved) {
        const positions = new Map<string, Position>();
        cy.nodes().forEach((n) => {
          positions.set(n.id(), { ...n.position() });
        });
        saved = { positions, zoom: cy.zoom(), pan: { ...cy.pan() } };
      }
      const ids = new Set(paths.flat().filter((id) => cy.getElementById(id).isNode()));
      if (ids.size === 0) return;
      // Centred where the path's entities were, so the animation moves them a short way.
      let sx = 0;
      let sy = 0;
      for (const id of ids) {
        const p = saved.positions.get(id) ?? { x: 0, y: 0 };
        sx += p.x;
        sy += p.y;
      }
      const origin = { x: sx / ids.size, y: sy / ids.size };
      const targets = pathLayout(
        paths.map((p) => p.filter((id) => ids.has(id))),
        (id) => Math.max(26, labelWidth(String(cy.getElementById(id).data('label') ?? ''))),
        { origin },
      );
      const nodes = cy.nodes().filter((n) => targets.has(n.id()));
      let x1 = Infinity;
      let x2 = -Infinity;
      let y1 = Infinity;
      let y2 = -Infinity;
      for (const { x, y } of targets.values()) {
        x1 = Math.min(x1, x - 100);
        x2 = Math.max(x2, x + 100);
        y1 = Math.min(y1, y - 30);
        y2 = Math.max(y2, y + 50);
      }
      const zoom = Math.min(MAX_FIT_ZOOM, (cy.width() - 2 * PADDING) / (x2 - x1), (cy.height() - 2 * PADDING) / (y2 - y1));
      const pan = { x: cy.width() / 2 - zoom * ((x1 + x2) / 2), y: cy.height() / 2 - zoom * ((y1 + y2) / 2) };
      nodes.forEach((n) => {
        n.animate({ position: targets.get(n.id())! }, { duration: DURATION_MS });
      });
      cy.animate({ zoom, pan }, { duration: DURATION_MS });
    },
    hide() {
      if (!saved) return;
      stop();
      const { positions, zoom, pan } = saved;
      saved = undefined;
      cy.nodes().forEach((n) => {
        const p = positions.get(n.id());
        if (p && (p.x !== n.position('x') || p.y !== n.position('y'))) n.animate({ position: p }, { duration: DURATION_MS });
      });
      cy.animate({ zoom, pan }, { duration: DURATION_MS });
    },
    forget() {
      stop();
      saved = undefined;
    },
  };
}
