// Pins the CSV reader: column names, node tables, nodes-only tables, directions and missing columns.
import { describe, expect, it } from 'vitest';
import { exportCsv } from './export-csv.ts';
import { importGraph } from './import-graph.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('CSV import', () => {
  it('maps from/to/category columns and keeps the others as text attributes', () => {
    const { graph } = importGraph('From\tTo\tCategory\tWeight\nA\tB\tinvests\t2\n', { fileName: 'e.tsv' });
    expect(graph.relations).toEqual([
      { id: 'e0', source: 'A', target: 'B', type: 'invests', modality: 'fact', evidence: [], attributes: { Weight: '2' } },
    ]);
  });

  it('joins an edge list with a node table for names and types, naming the node file in its problems', () => {
    const { graph } = importGraph('source,target\nds,hf\n', {
      fileName: 'e.csv',
      csvNodes: 'id,label,name_zh,type\nds,DeepSeek,深度求索,lab\nhf,High-Flyer,幻方,fund\n',
    });
    expect(graph.entities.map((e) => [e.id, e.type, e.name.zh])).toEqual([
      ['ds', 'lab', '深度求索'],
      ['hf', 'fund', '幻方'],
    ]);
    expect(() => importGraph('source,target\n', { fileName: 'e.csv', csvNodes: 'id,a\n1,2,3\n', csvNodesFileName: 'n.csv' })).toThrow(
      /^n\.csv:2/,
    );
  });

  it('reads a directed column, and a table with only ids as nodes', () => {
    expect(importGraph('source,target,directed\nx,y,false\n', { fileName: 'd.csv' }).graph.relationTypes[0]?.symmetric).toBe(true);
    expect(importGraph('id,label\n1,One\n', { fileName: 'n.csv' }).graph.entities.map((e) => e.name.en)).toEqual(['One']);
  });

  it('reports a missing target column with a suggestion', () => {
    expect(() => importGraph('source,targt\na,b\n', { fileName: 'e.csv' })).toThrow(
      /IMPORT_CSV_MISSING_COLUMN no target column.*did you mean "target"/,
    );
  });

  it('re-imports its own two-table export with the same ids, types, names, modality and dates', () => {
    const { nodes, edges } = exportCsv(SAMPLE);
    const { graph } = importGraph(edges, { fileName: 'edges.csv', csvNodes: nodes });
    expect(graph.entities.map((e) => [e.id, e.type, e.name, e.aliases])).toEqual(
      SAMPLE.entities.map((e) => [e.id, e.type, e.name, e.aliases]),
    );
    expect(graph.relations.map((r) => [r.id, r.source, r.target, r.type, r.modality, r.date])).toEqual(
      SAMPLE.relations.map((r) => [r.id, r.source, r.target, r.type, r.modality, r.date]),
    );
  });
});
