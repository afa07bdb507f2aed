// The class vocabulary is closed: the stylesheet selects only classes that classes.ts names.
import { describe, expect, it } from 'vitest';
import { EXPORTED, MODALITY_CLASS, RELATION_CLASS, VIEW_CLASS } from './classes.ts';
import { stylesheet } from './style.ts';

const KNOWN = new Set<string>([...Object.values(VIEW_CLASS), ...Object.values(MODALITY_CLASS), ...Object.values(RELATION_CLASS), EXPORTED]);

describe('classes', () => {
  it('names every class a stylesheet rule selects', () => {
    for (const options of [{}, { fastEdges: true }, { fastEdges: true, bulk: true }]) {
      const rules = stylesheet(options) as Array<{ selector: string }>;
      const selected = rules.flatMap((r) => [...r.selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!));
      expect(selected.length).toBeGreaterThan(0);
      for (const name of selected) expect(KNOWN.has(name), name).toBe(true);
    }
  });
});
