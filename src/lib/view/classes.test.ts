// The class vocabulary is closed: the stylesheet selects only classes that classes.ts names.
import { describe, expect, it } from 'vitest';
import { EXPORT_OWN_LABELS, EXPORTED, LABEL_CLASSES, LABEL_FULL, MODALITY_CLASS, RELATION_CLASS, VIEW_CLASS } from './classes.ts';
import { stylesheet } from './style.ts';

const KNOWN = new Set<string>([
  ...Object.values(VIEW_CLASS),
  ...Object.values(MODALITY_CLASS),
  ...Object.values(RELATION_CLASS),
  ...LABEL_CLASSES,
  EXPORTED,
  EXPORT_OWN_LABELS,
  LABEL_FULL,
]);

describe('classes', () => {
  it('names every class a stylesheet rule selects', () => {
    for (const options of [{}, { fastEdges: true }, { fastEdges: true, bulk: true }]) {
      const rules = stylesheet(options) as Array<{ selector: string }>;
      const selected = rules.flatMap((r) => [...r.selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!));
      expect(selected.length).toBeGreaterThan(0);
      for (const name of selected) expect(KNOWN.has(name), name).toBe(true);
    }
  });

  it('keeps a denial red when it is emphasised, since the colour says "the source says not"', () => {
    const rules = stylesheet({}) as Array<{ selector: string; style: Record<string, unknown> }>;
    const at = (selector: string): number => rules.findIndex((r) => r.selector === selector);
    const denied = at(`edge.${RELATION_CLASS.negated}.${VIEW_CLASS.neighbour}`);
    expect(rules[denied]?.style['line-color']).toBe('#b91c1c');
    expect(denied).toBeGreaterThan(at(`edge.${VIEW_CLASS.neighbour}`));
  });

  it('shows a labelled relation’s label even where edge labels are off for the graph’s size', () => {
    for (const options of [{ edgeLabels: false }, { edgeLabels: false, fastEdges: true }]) {
      const rules = stylesheet(options) as Array<{ selector: string; style: Record<string, unknown> }>;
      const rule = rules.find((r) => r.selector === `edge.${VIEW_CLASS.labelled}`);
      expect(rule?.style['label']).toBe('data(label)');
      // It comes after the plain edge rule, so it wins over the empty label there.
      expect(rules.indexOf(rule!)).toBeGreaterThan(rules.findIndex((r) => r.selector === 'edge'));
    }
  });
});
