// Pins the kg JSON writer: canonical key order, stable bytes, prototype-safe records.
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../types.ts';
import { exportKgJson } from './export-kg-json.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('exportKgJson', () => {
  it('writes keys in model order with 2-space indent and a final newline', () => {
    const text = exportKgJson(SAMPLE);
    expect(text.startsWith('{\n  "format": "kg-compiled",\n  "version": 1,\n  "title": "fuzz",\n  "entityTypes": [')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives the same bytes whatever order the input objects list their keys in', () => {
    const shuffled: CompiledGraph = {
      positions: SAMPLE.positions,
      relations: SAMPLE.relations.map(({ id, ...rest }) => ({ ...rest, attributes: { z: 1, a: 2 }, id })),
      entities: SAMPLE.entities.map(({ aliases, description, name, ...rest }) => ({ description, name, aliases, ...rest })),
      sources: SAMPLE.sources,
      relationTypes: SAMPLE.relationTypes,
      entityTypes: SAMPLE.entityTypes,
      title: SAMPLE.title,
      version: 1,
      format: 'kg-compiled',
    };
    const ordered: CompiledGraph = { ...SAMPLE, relations: SAMPLE.relations.map((r) => ({ ...r, attributes: { a: 2, z: 1 } })) };
    expect(exportKgJson(shuffled)).toBe(exportKgJson(ordered));
  });

  it('writes a __proto__ attribute as an ordinary key', () => {
    const attributes: Record<string, string> = Object.create(null);
    attributes['__proto__'] = 'x';
    const graph: CompiledGraph = { ...SAMPLE, entities: [{ ...SAMPLE.entities[1]!, attributes }], relations: [] };
    expect(exportKgJson(graph)).toContain('"__proto__": "x"');
  });
});
