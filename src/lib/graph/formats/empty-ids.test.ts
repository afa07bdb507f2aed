// Pins that a node with an empty id is refused, located, in every format, and that nothing is half-imported.
import { describe, expect, it } from 'vitest';
import { KgError, type Problem } from '../errors.ts';
import { importGraph } from './import-graph.ts';

function refusal(text: string, fileName: string, csvNodes?: string): Problem {
  try {
    importGraph(text, { fileName, ...(csvNodes === undefined ? {} : { csvNodes, csvNodesFileName: 'nodes.csv' }) });
  } catch (error) {
    if (error instanceof KgError) return error.problems.find((p) => p.code === 'IMPORT_EMPTY_ID') ?? error.problems[0]!;
    throw error;
  }
  throw new Error(`${fileName} was imported`);
}

describe('empty node ids', () => {
  it.each([
    ['GEXF', 'g.gexf', '<gexf><graph><nodes><node id="a"/>\n<node id=""/></nodes><edges/></graph></gexf>', 2],
    ['GraphML', 'g.graphml', '<graphml><graph edgedefault="directed"><node id="a"/>\n\n<node id=""/></graph></graphml>', 3],
  ])('refuses an empty id in %s, at its line', (_, fileName, text, line) => {
    expect(refusal(text, fileName)).toMatchObject({ code: 'IMPORT_EMPTY_ID', severity: 'error', file: fileName, field: 'id', line });
  });

  it('refuses an empty key in graphology JSON, at its path', () => {
    const text = '{"nodes":[{"key":"a"},{"key":""}],"edges":[{"source":"a","target":""}]}';
    expect(refusal(text, 'g.json')).toMatchObject({ code: 'IMPORT_EMPTY_ID', file: 'g.json', field: 'nodes[1].key' });
  });

  it('refuses an empty id in a CSV node table, at its line', () => {
    expect(refusal('source,target\na,b\n', 'edges.csv', 'id,label\na,A\n"",B\nb,C\n')).toMatchObject({
      code: 'IMPORT_EMPTY_ID',
      file: 'nodes.csv',
      line: 3,
    });
  });

  it('refuses a kg JSON whose entity id is empty', () => {
    const text = JSON.stringify({
      format: 'kg-compiled',
      version: 1,
      title: 't',
      entityTypes: [{ id: 'org', label: { en: 'Org', zh: '' }, color: '#112233', shape: 'ellipse' }],
      relationTypes: [],
      sources: [],
      entities: [{ id: '', type: 'org', name: { en: 'x', zh: '' }, aliases: [], description: { en: '', zh: '' } }],
      relations: [],
    });
    expect(() => importGraph(text, { fileName: 'g.json' })).toThrow(KgError);
  });
});
