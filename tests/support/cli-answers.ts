// The questions the API must answer exactly as `kg … --json` does, shared by the in-memory (tests/unit) and the
// PostgreSQL (tests/db) server tests, and the CLI's own answer to each.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** What `kg ARGS --json` prints on stdout, and its exit code. */
export async function cliJson(...args: string[]): Promise<{ code: number; stdout: string }> {
  const stdout: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main([...args, '--json']);
  vi.restoreAllMocks();
  return { code, stdout: stdout.join('') };
}

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

/** [what, CLI arguments, API path]: the questions and the stats. */
export const ANSWER_CASES: Array<[string, string[], string]> = [
  ['search 梁云峰', ['search', '梁云峰'], `/api/search?${q({ q: '梁云峰' })}`],
  ["DeepSeek's neighbours at depth 1", ['neighbors', 'DeepSeek', '--depth', '1'], `/api/neighbors?${q({ id: 'DeepSeek', depth: '1' })}`],
  ['High-Flyer → JD Cloud, one shortest', ['path', 'High-Flyer', 'JD Cloud'], `/api/path?${q({ from: 'High-Flyer', to: 'JD Cloud' })}`],
  [
    'High-Flyer → JD Cloud, k=3',
    ['path', 'High-Flyer', 'JD Cloud', '--mode', 'k', '--k', '3'],
    `/api/path?${q({ from: 'High-Flyer', to: 'JD Cloud', mode: 'k', k: '3' })}`,
  ],
  [
    'a path query with no path (and its reason)',
    ['path', 'high-flyer', 'jd-cloud', '--max-hops', '2'],
    `/api/path?${q({ from: 'high-flyer', to: 'jd-cloud', 'max-hops': '2' })}`,
  ],
  ['the stats', ['stats'], '/api/stats'],
];
