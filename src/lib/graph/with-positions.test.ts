// Pins withPositions: on-screen positions win, the graph's own fill the gaps, nothing foreign gets in.
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from './types.ts';
import { withPositions } from './with-positions.ts';

const entity = (id: string): CompiledGraph['entities'][number] => ({
  id,
  type: 't',
  name: { en: id, zh: '' },
  aliases: [],
  description: { en: '', zh: '' },
});
const graph = (positions?: CompiledGraph['positions']): CompiledGraph => ({
  format: 'kg-compiled',
  version: 1,
  title: 'g',
  entityTypes: [],
  relationTypes: [],
  sources: [],
  entities: [entity('a'), entity('b'), entity('__proto__')],
  relations: [],
  ...(positions ? { positions } : {}),
});

describe('withPositions', () => {
  it('gives a graph without positions the ones on screen, for its own entities only', () => {
    const placed = new Map([
      ['a', { x: 1.5, y: -2 }],
      ['__proto__', { x: 3, y: 4 }],
      ['elsewhere', { x: 9, y: 9 }],
    ]);
    const out = withPositions(graph(), placed);
    expect(Object.entries(out.positions!)).toEqual([
      ['a', { x: 1.5, y: -2 }],
      ['__proto__', { x: 3, y: 4 }],
    ]);
  });

  it('prefers the on-screen position and keeps the graph’s own where the screen has none or a non-finite one', () => {
    const out = withPositions(
      graph({ a: { x: 0, y: 0 }, b: { x: 5, y: 6 } }),
      new Map([
        ['a', { x: 7, y: 8 }],
        ['b', { x: Number.NaN, y: 1 }],
      ]),
    );
    expect({ ...out.positions }).toEqual({ a: { x: 7, y: 8 }, b: { x: 5, y: 6 } });
  });

  it('leaves a graph with no positions anywhere without a positions field', () => {
    expect('positions' in withPositions(graph(), new Map())).toBe(false);
  });
});
