// Pins the CSV reader: column names, node tables, nodes-only tables, directions and missing columns.
import { describe, expect, it } from 'vitest';
import { exportCsv } from './export-csv.ts';
import { importGraph } from './import-graph.ts';
import { previewCsvColumns } from './import-csv.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('CSV import', () => {
  it('removes exactly one apostrophe before = + - @ TAB or an apostrophe, and nothing from other values', () => {
    const text = "source,target,note,'=label:double\n'=a,'+b,'-5,''x\n'@c,'hello,'\t=1,3\n";
    const { graph } = importGraph(text, { fileName: 'e.csv' });
    expect(graph.relations.map((r) => [r.source, r.target, r.note, r.attributes])).toEqual([
      ['=a', '+b', '-5', { '=label': "'x" }],
      ['@c', "'hello", '\t=1', { '=label': 3 }],
    ]);
  });

  it('reads basis, negated, a question and a date range from their columns; a stated basis or false negated is stored absent', () => {
    const text = 'source,target,modality,basis,negated,date\na,b,question,inferred,TRUE,2026/2027\nb,c,fact,stated,false,\n';
    const { graph } = importGraph(text, { fileName: 'e.csv' });
    expect(graph.relations).toEqual([
      {
        id: 'e0',
        source: 'a',
        target: 'b',
        type: 'link',
        modality: 'question',
        basis: 'inferred',
        negated: true,
        date: '2026/2027',
        evidence: [],
      },
      { id: 'e1', source: 'b', target: 'c', type: 'link', modality: 'fact', evidence: [] },
    ]);
  });

  it('keeps a basis or negated value the model cannot hold as an attribute, as it does for modality', () => {
    const { graph } = importGraph('source,target,modality,basis,negated\na,b,rumour,guessed,maybe\n', { fileName: 'e.csv' });
    expect(graph.relations[0]).toMatchObject({ modality: 'fact', attributes: { modality: 'rumour', basis: 'guessed', negated: 'maybe' } });
    expect(graph.relations[0]!.basis).toBeUndefined();
    expect(graph.relations[0]!.negated).toBeUndefined();
  });

  it('reads background_en and background_zh from a node table apart from the description', () => {
    const { graph } = importGraph('source,target\nds,hf\n', {
      fileName: 'e.csv',
      csvNodes: 'id,description_en,background_zh\nds,sourced text,背景\nhf,,\n',
    });
    expect(graph.entities.map((e) => [e.id, e.description.en, e.background])).toEqual([
      ['ds', 'sourced text', { en: '', zh: '背景' }],
      ['hf', '', undefined],
    ]);
  });

  it('reads descriptive_title from a sources table, dropping a value that is not true or false with a located notice', () => {
    const result = importGraph('source,target\na,b\n', {
      fileName: 'e.csv',
      csvSources: {
        text: 'id,title,descriptive_title\ns1,A report on X,true\ns2,Own title,false\ns3,Odd,yes\n',
        fileName: 'g.zip/sources.csv',
      },
    });
    expect(result.graph.sources.map((s) => [s.id, s.descriptiveTitle])).toEqual([
      ['s1', true],
      ['s2', undefined],
      ['s3', undefined],
    ]);
    expect(result.notices).toContainEqual(
      expect.objectContaining({
        code: 'IMPORT_VALUE_DROPPED',
        file: 'g.zip/sources.csv',
        line: 4,
        column: 3,
        field: 'descriptive_title',
        record: 's3',
      }),
    );
  });

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

  it('imports with the columns the user chose, by header text, overriding the names and "none" for a role', () => {
    const text = 'person,company,type,label\nliang,deepseek,person-of,founded\n';
    // By name alone "type" wins over "label", and there is no source or target column.
    expect(() => importGraph(text, { fileName: 'e.csv' })).toThrow(/no source column/);
    const chosen = importGraph(text, { fileName: 'e.csv', csvColumns: { source: 'Person', target: 'company', type: 'label' } });
    expect(chosen.graph.relations.map((r) => [r.source, r.target, r.type, r.attributes])).toEqual([
      ['liang', 'deepseek', 'founded', { 'type (column 3)': 'person-of' }],
    ]);
    // "None" for the type: no column becomes it, though two are named like one.
    const untyped = importGraph(text, { fileName: 'e.csv', csvColumns: { source: 'person', target: 'company', type: null } });
    expect(untyped.graph.relations[0]?.type).toBe('link');
    expect(untyped.graph.relations[0]?.attributes).toEqual({ 'type (column 3)': 'person-of', 'label (column 4)': 'founded' });
    expect(() => importGraph(text, { fileName: 'e.csv', csvColumns: { source: 'who', target: 'company' } })).toThrow(
      /e\.csv:1.*IMPORT_CSV_MISSING_COLUMN no column "who" for the source/,
    );
  });
});

describe('CSV column preview', () => {
  it('shows the header, the first rows and the guess by name, and flags roles with several candidate columns', () => {
    const preview = previewCsvColumns('from,to,type,label,weight\na,b,funds,x,1\nb,c,owns,y,2\n');
    expect(preview.header).toEqual(['from', 'to', 'type', 'label', 'weight']);
    expect(preview.rows).toEqual([
      ['a', 'b', 'funds', 'x', '1'],
      ['b', 'c', 'owns', 'y', '2'],
    ]);
    expect(preview.guess).toEqual({ source: 'from', target: 'to', type: 'type' });
    expect(preview.ambiguities).toEqual([{ role: 'type', candidates: ['type', 'label'] }]);
    expect(preview.nodesOnly).toBe(false);
  });

  it('flags a missing source or target with every column as a candidate, and is quiet for plain edge lists', () => {
    const missing = previewCsvColumns('person;company\nliang;deepseek\n');
    expect(missing.ambiguities).toEqual([
      { role: 'source', candidates: ['person', 'company'] },
      { role: 'target', candidates: ['person', 'company'] },
    ]);
    expect(previewCsvColumns('source,target,weight\na,b,1\n').ambiguities).toEqual([]);
    expect(previewCsvColumns('source,target,from\na,b,1\n').ambiguities).toEqual([{ role: 'source', candidates: ['source', 'from'] }]);
  });

  it('treats a table of ids as nodes, drops a cut-off last line, and keeps only the first five rows', () => {
    expect(previewCsvColumns('id,label\n1,One\n')).toMatchObject({ nodesOnly: true, ambiguities: [] });
    const rows = Array.from({ length: 9 }, (_, i) => `n${i},m${i}`).join('\n');
    const preview = previewCsvColumns(`source,target\n${rows}\n"unclosed,quo`);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[4]).toEqual(['n4', 'm4']);
  });
});
