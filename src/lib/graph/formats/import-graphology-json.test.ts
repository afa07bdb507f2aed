// Pins the graphology JSON reader: keys, options.type, undirected flags, attribute values and path errors.
import { describe, expect, it } from 'vitest';
import { KgError } from '../errors.ts';
import { importGraph } from './import-graph.ts';

describe('graphology JSON import', () => {
  it('reads numeric keys, aliases lists, positions and the graph title, dropping nested values with a notice', () => {
    const text = JSON.stringify({
      attributes: { name: 'Mini' },
      options: { type: 'undirected', multi: false },
      nodes: [
        { key: 1, attributes: { label: 'One', aliases: ['uno', 'eins'], x: 0, y: 1, meta: { deep: true } } },
        { key: '2', attributes: { label: 'Two' } },
      ],
      edges: [{ source: 1, target: '2', attributes: { type: 'knows' } }],
    });
    const { graph, notices } = importGraph(text, { fileName: 'mini.json' });
    expect(graph.title).toBe('Mini');
    expect(graph.entities[0]).toMatchObject({ id: '1', aliases: ['uno', 'eins'] });
    expect(graph.entities[0]?.attributes).toBeUndefined();
    expect(graph.positions).toEqual({ 1: { x: 0, y: 1 } });
    expect(graph.relationTypes).toEqual([expect.objectContaining({ id: 'knows', symmetric: true })]);
    expect(notices.map((n) => n.code)).toContain('IMPORT_UNSUPPORTED_FEATURE');
  });

  it('names every wrong field by its path', () => {
    const text = JSON.stringify({
      options: { type: 'weird' },
      nodes: [{ key: {} }, 'x'],
      edges: [{ source: 'a', target: [], undirected: 'yes' }],
    });
    try {
      importGraph(text, { fileName: 'bad.json' });
      throw new Error('expected failure');
    } catch (error) {
      if (!(error instanceof KgError)) throw error;
      expect(error.problems.map((p) => p.field)).toEqual([
        'options.type',
        'nodes[0].key',
        'nodes[1]',
        'edges[0].undirected',
        'edges[0].target',
      ]);
    }
  });
});
