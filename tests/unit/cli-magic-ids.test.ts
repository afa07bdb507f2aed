// The CLI on a graph whose ids are Object members (the hostile-inputs case of `__proto__` as an entity id): every
// command answers, none exits 70 with a graphology stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

let dir: string;
let file: string;
let stdout: string[];
let stderr: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-magic-'));
  file = join(dir, 'proto.json');
  writeFileSync(
    file,
    '{"nodes":[{"key":"__proto__"},{"key":"b"},{"key":"constructor"}],"edges":[{"source":"__proto__","target":"b"},{"source":"b","target":"constructor"}]}',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('kg on ids that are Object members', () => {
  it.each([
    [['stats'], /3 entities, 2 relations/],
    [['neighbors', 'b'], /__proto__[\s\S]*constructor|constructor[\s\S]*__proto__/],
    [['path', '__proto__', 'constructor'], /__proto__ —link→ b —link→ constructor/],
    [['rank'], /__proto__/],
    [['communities'], /__proto__/],
    [['search', 'constructor'], /constructor/],
  ])('kg %s answers', async (args, expected) => {
    expect(await main([...args, '--data', file])).toBe(0);
    expect(stdout.join('')).toMatch(expected);
    expect(stderr.join('')).toBe('');
  });

  it('gives every entity a PageRank in --json output', async () => {
    expect(await main(['rank', '--json', '--data', file])).toBe(0);
    const { ranking } = JSON.parse(stdout.join('')) as { ranking: Array<{ id: string; value: number }> };
    expect(ranking.map((e) => e.id).sort()).toEqual(['__proto__', 'b', 'constructor']);
    expect(ranking.reduce((sum, e) => sum + e.value, 0)).toBeCloseTo(1, 6);
  });
});
