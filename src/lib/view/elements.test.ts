// Element definitions for the canvas: the quick grid for graphs without positions, and spreading dense file layouts.
import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { MIN_SPACING, nodeLabel, placeOnGrid, spreadPositions } from './elements.ts';
import { chunkEnd, nextChunkSize } from './cy.ts';

const node = (id: string, position?: { x: number; y: number }): ElementDefinition => ({
  group: 'nodes',
  data: { id },
  ...(position ? { position } : {}),
});
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });

describe('placeOnGrid', () => {
  it('leaves a graph whose nodes all have positions alone', () => {
    const elements = [node('a', { x: 5, y: 7 }), node('b', { x: -3, y: 2 }), edge('e', 'a', 'b')];
    expect(placeOnGrid(elements)).toBe(false);
    expect(elements[0]!.position).toEqual({ x: 5, y: 7 });
  });

  it('puts every node on a square grid when any lacks a position, and leaves edges without one', () => {
    const elements = [...Array.from({ length: 10 }, (_, i) => node(`n${i}`, i === 3 ? { x: 1, y: 1 } : undefined)), edge('e', 'n0', 'n1')];
    expect(placeOnGrid(elements)).toBe(true);
    const positions = elements.filter((el) => el.group === 'nodes').map((el) => el.position!);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(10);
    // 10 nodes: 4 per row, 90 apart.
    expect(positions[5]).toEqual({ x: 90, y: 90 });
    expect(elements[10]!.position).toBeUndefined();
  });
});

describe('spreadPositions', () => {
  it('scales a layout too dense to tell nodes apart about its centre, keeping its shape', () => {
    const elements = Array.from({ length: 100 }, (_, i) => node(`n${i}`, { x: 100 + (i % 10), y: 50 + Math.floor(i / 10) * 2 }));
    const factor = spreadPositions(elements);
    const xs = elements.map((el) => el.position!.x);
    const ys = elements.map((el) => el.position!.y);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    expect(factor).toBeCloseTo((10 * MIN_SPACING) / 18, 6);
    expect(Math.max(spanX, spanY)).toBeCloseTo(10 * MIN_SPACING, 6);
    expect(spanY / spanX).toBeCloseTo(2, 6);
    // The centre stays where it was.
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeCloseTo(104.5, 6);
    expect((Math.max(...ys) + Math.min(...ys)) / 2).toBeCloseTo(59, 6);
  });

  it('leaves a layout with room enough, a single node, and nodes without positions as they are', () => {
    const roomy = [node('a', { x: 0, y: 0 }), node('b', { x: 100, y: 0 })];
    expect(spreadPositions(roomy)).toBe(1);
    expect(roomy[1]!.position).toEqual({ x: 100, y: 0 });
    expect(spreadPositions([node('a', { x: 3, y: 4 })])).toBe(1);
    expect(spreadPositions([node('a'), node('b')])).toBe(1);
  });

  it('spreads nodes stacked on one point without dividing by zero', () => {
    const stacked = [node('a', { x: 1, y: 1 }), node('b', { x: 1, y: 1 })];
    expect(Number.isFinite(spreadPositions(stacked))).toBe(true);
    expect(stacked[0]!.position).toEqual({ x: 1, y: 1 });
  });
});

describe('nextChunkSize', () => {
  it('grows chunks by half at most when frames are quick, and halves them at most when slow', () => {
    // A graph of 20,000 nodes' worth: chunks of 1,000 (a twentieth) to 8,000; the target is 80 ms.
    expect(nextChunkSize(1000, 60, 20_000)).toBe(1333);
    expect(nextChunkSize(1000, 10, 20_000)).toBe(1500);
    expect(nextChunkSize(4000, 160, 20_000)).toBe(2000);
    expect(nextChunkSize(2000, 1000, 20_000)).toBe(1000);
  });

  it('never plans more than twenty frames, nor chunks of more than eight times that floor', () => {
    const total = 30_000;
    const floor = Math.ceil(total / 20);
    expect(nextChunkSize(floor, 5_000, total)).toBe(floor);
    expect(nextChunkSize(8 * floor, 1, total)).toBe(8 * floor);
    // Smaller graphs: the floor is the first chunk's size.
    expect(nextChunkSize(100, 1_000, 1_500)).toBe(100);
  });
});

describe('chunkEnd', () => {
  const nodes = Array.from({ length: 4 }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` } }));
  const edges = Array.from({ length: 8 }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: 'n0', target: 'n1' } }));
  const all = [...nodes, ...edges];

  it('counts every element as a node when Cytoscape draws the edges', () => {
    expect(chunkEnd(all, 0, 3, false)).toBe(3);
    expect(chunkEnd(all, 3, 3, false)).toBe(6);
  });

  it('counts an edge the bulk layer draws as half a node', () => {
    // From the last node: one node, then four edges make 3 nodes' worth.
    expect(chunkEnd(all, 3, 3, true)).toBe(8);
    expect(chunkEnd(all, 4, 1, true)).toBe(6);
  });

  it('stops at the end', () => {
    expect(chunkEnd(all, 10, 100, true)).toBe(12);
    expect(chunkEnd(all, 12, 100, true)).toBe(12);
  });
});

describe('nodeLabel', () => {
  it('cuts a long name for the canvas and keeps it whole for hover; a short name is left alone', () => {
    const long = 'Engineer who rebutted Dario Amodei on export controls';
    const cut = nodeLabel(long);
    expect(cut.label.endsWith('…')).toBe(true);
    expect(cut.fullLabel).toBe(long);
    expect(nodeLabel('DeepSeek')).toEqual({ label: 'DeepSeek' });
  });
});
