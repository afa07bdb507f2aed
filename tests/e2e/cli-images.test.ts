// `kg export` pictures: the CLI drives the built render page in headless Chromium; files decode and carry labels.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { main } from '../../src/cli/main.ts';
import { pngSize } from './image-decode.ts';

describe('kg export images', () => {
  it('writes a path as PNG at the asked scale and a neighbourhood as SVG with every label as text', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), 'kg-cli-img-'));
    try {
      expect(await main(['export', '--format', 'png', '--path', 'high-flyer,jd-cloud', '--scale', '1', '-o', join(dir, 'p1.png')])).toBe(0);
      expect(await main(['export', '--format', 'png', '--path', 'high-flyer,jd-cloud', '--scale', '2', '-o', join(dir, 'p2.png')])).toBe(0);
      const one = pngSize(new Uint8Array(readFileSync(join(dir, 'p1.png'))));
      const two = pngSize(new Uint8Array(readFileSync(join(dir, 'p2.png'))));
      expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(2);
      expect(
        await main(['export', '--format', 'svg', '--focus', 'jd-cloud', '--depth', '1', '--lang', 'zh', '-o', join(dir, 'n.svg')]),
      ).toBe(0);
      const svg = readFileSync(join(dir, 'n.svg'), 'utf8');
      const errors: string[] = [];
      new DOMParser({ onError: (level, m) => level !== 'warning' && errors.push(m) }).parseFromString(svg, 'image/svg+xml');
      expect(errors).toEqual([]);
      for (const label of ['京东云', 'DeepSeek-R1', 'DeepSeek-V3', '来源']) expect(svg).toContain(label);
      expect(svg).not.toContain('<script');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      vi.restoreAllMocks();
    }
  });
});
