// The kg command line on the bundled data: every command's exit code and its documented JSON shape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { importGraph } from '../../src/lib/graph/formats/index.ts';

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const json = <T>(): T => JSON.parse(stdout.join('')) as T;

describe('kg validate', () => {
  it('passes on the bundled data', async () => {
    expect(await main(['validate'])).toBe(0);
    expect(stdout.join('')).toMatch(/^ok: \d+ entities, \d+ relations/m);
  });

  it('fails with located problems on broken data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
    try {
      const { writeFileSync, mkdirSync } = await import('node:fs');
      writeFileSync(
        join(dir, 'schema.yaml'),
        'version: 1\ntitle: t\nentityTypes:\n  company: { label: { en: C, zh: 公司 }, color: "#000000", shape: ellipse }\nrelationTypes:\n  funds: { label: { en: funds, zh: 资助 }, reverse: { en: funded by, zh: 受资助 } }\n',
      );
      mkdirSync(join(dir, 'entities'));
      writeFileSync(join(dir, 'entities', 'a.yaml'), '- id: a\n  type: compny\n  name: { en: A, zh: 甲 }\n  description: { en: x }\n');
      expect(await main(['validate', '--data', dir, '--json'])).toBe(1);
      const { ok, problems } = json<{ ok: boolean; problems: Array<{ code: string; file: string; line: number }> }>();
      expect(ok).toBe(false);
      expect(problems).toContainEqual(expect.objectContaining({ code: 'TYPE_UNKNOWN', file: join(dir, 'entities/a.yaml'), line: 2 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kg stats, search, neighbors, path', () => {
  it('stats --json has counts by type and one component', async () => {
    expect(await main(['stats', '--json'])).toBe(0);
    const stats = json<{
      entities: number;
      relations: number;
      entitiesByType: Record<string, number>;
      components: { count: number; sizes: number[] };
    }>();
    expect(stats.entities).toBeGreaterThanOrEqual(50);
    expect(stats.relations).toBeGreaterThanOrEqual(80);
    expect(stats.components).toEqual({ count: 1, sizes: [stats.entities] });
    expect(Object.values(stats.entitiesByType).reduce((a, b) => a + b, 0)).toBe(stats.entities);
  });

  it('search ranks the entity a reader means first, in any language', async () => {
    for (const [query, id] of [
      ['梁文峰', 'liang-wenfeng'],
      ['huanfang', 'high-flyer'],
      ['JD Cloud', 'jd-cloud'],
    ] as const) {
      stdout = [];
      expect(await main(['search', query, '--json', '--limit', '3'])).toBe(0);
      expect(json<{ hits: Array<{ id: string }> }>().hits[0]?.id).toBe(id);
    }
  });

  it('neighbors takes a Chinese name and a depth', async () => {
    expect(await main(['neighbors', '京东云', '--depth', '2', '--json'])).toBe(0);
    const result = json<{ entity: { id: string }; neighbours: Array<{ id: string; distance: number }> }>();
    expect(result.entity.id).toBe('jd-cloud');
    expect(result.neighbours).toContainEqual(expect.objectContaining({ id: 'deepseek', distance: 2 }));
  });

  it('path prints the sentence with citations, and JSON in the documented shape', async () => {
    expect(await main(['path', 'High-Flyer', 'JD Cloud'])).toBe(0);
    expect(stdout.join('')).toContain('High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud');
    stdout = [];
    expect(await main(['path', 'high-flyer', 'jd-cloud', '--max-hops', '2', '--json'])).toBe(0);
    const result = json<{ paths: unknown[]; reason: { kind: string; sentence: string } }>();
    expect(result.paths).toEqual([]);
    expect(result.reason.kind).toBe('max-hops');
  });

  it('an ambiguous or unknown name is an error listing candidates', async () => {
    expect(await main(['neighbors', 'Deepsek'])).toBe(1);
    expect(stderr.join('')).toMatch(/ENTITY_UNKNOWN.*did you mean: deepseek/);
  });
});

describe('kg --data with a CSV edge list', () => {
  it('reads a node table given with --csv-nodes', async () => {
    const data = ['--data', 'tests/fixtures/people-edges.csv', '--csv-nodes', 'tests/fixtures/people-nodes.csv'];
    expect(await main(['stats', ...data, '--json'])).toBe(0);
    expect(json<{ entitiesByType: Record<string, number> }>().entitiesByType).toEqual({ person: 2, hero: 1, astronaut: 1 });
    stdout.length = 0;
    expect(await main(['path', 'Alice Liddell', 'Dave Bowman', ...data])).toBe(0);
    expect(stdout.join('')).toMatch(/Alice Liddell —knows→ Bob Builder —knows→ Carol Danvers —works-with→ Dave Bowman/);
  });

  it('takes the columns from --csv-columns when their names do not say, "none" for no type column', async () => {
    const data = ['--data', 'tests/fixtures/ambiguous-columns.csv'];
    expect(await main(['stats', ...data])).toBe(1);
    expect(stderr.join('')).toMatch(/IMPORT_CSV_MISSING_COLUMN no source column/);
    expect(await main(['stats', ...data, '--csv-columns', 'source=investor, target=company, type=label', '--json'])).toBe(0);
    expect(json<{ relationsByType: Record<string, number> }>().relationsByType).toEqual({ funds: 1, releases: 1, deploys: 1 });
    stdout.length = 0;
    expect(await main(['stats', ...data, '--csv-columns', 'source=investor,target=company,type=none', '--json'])).toBe(0);
    expect(json<{ relationsByType: Record<string, number> }>().relationsByType).toEqual({ link: 3 });
  });

  it('rejects an unknown role in --csv-columns with a suggestion', async () => {
    const args = ['stats', '--data', 'tests/fixtures/ambiguous-columns.csv', '--csv-columns', 'sourc=investor,target=company'];
    expect(await main(args)).toBe(1);
    expect(stderr.join('')).toMatch(/CLI_BAD_OPTION --csv-columns: "sourc=investor" is not ROLE=COLUMN.*did you mean "source"/);
  });
});

describe('kg export', () => {
  it('writes a neighbourhood as JSON that re-imports to the same entities', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-export-'));
    try {
      const file = join(dir, 'out.json');
      expect(await main(['export', '--format', 'json', '--focus', 'deepseek', '--depth', '1', '-o', file])).toBe(0);
      const { graph } = importGraph(readFileSync(file, 'utf8'), { fileName: file });
      expect(graph.entities.map((e) => e.id)).toContain('high-flyer');
      expect(graph.entities.map((e) => e.id)).not.toContain('intel');
      expect(await main(['export', '--format', 'gexf', '--path', 'high-flyer,jd-cloud', '-o', join(dir, 'p.gexf')])).toBe(0);
      expect(readFileSync(join(dir, 'p.gexf'), 'utf8')).toContain('<gexf');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format with the list of formats', async () => {
    expect(await main(['export', '--format', 'pdf'])).toBe(1);
    expect(stderr.join('')).toMatch(/--format must be one of .*gexf.*png/);
  });
});
