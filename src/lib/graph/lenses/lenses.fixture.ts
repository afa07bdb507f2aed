// Test-only: small graphs written as text, so a test reads `shape('a-b b-c')` (a path) instead of a list of objects.
import { ent, rel, relType, tinyGraph } from '../graph.fixture.ts';
import type { KnowledgeGraph } from '../model.ts';
import type { Relation } from '../types.ts';

/**
 * A graph from space-separated links: `a-b` is a symmetric relation (`knows`), `a>b` a directed one (`funds`).
 * A link may carry a date, `a>b@2023`, and a weight, `a-b*3`. Entities are created as they appear; `+x` adds a
 * lone entity. Repeated links become parallel relations with distinct ids.
 */
export function shape(spec: string): KnowledgeGraph {
  const entities: string[] = [];
  const see = (id: string): void => {
    if (!entities.includes(id)) entities.push(id);
  };
  const relations: Relation[] = [];
  for (const token of spec.trim().split(/\s+/)) {
    if (token.startsWith('+')) {
      see(token.slice(1));
      continue;
    }
    const match = /^([\w.]+)([->])([\w.]+)(?:@([\w-]+))?(?:\*([\d.]+))?$/.exec(token);
    if (!match) throw new Error(`shape: cannot read "${token}"`);
    const [, source, arrow, target, date, weight] = match;
    see(source!);
    see(target!);
    const type = arrow === '-' ? 'knows' : 'funds';
    const relation = rel(source!, type, target!, 'fact', `r${relations.length}`);
    if (date) relation.date = date;
    if (weight) relation.attributes = { weight: Number(weight) };
    relations.push(relation);
  }
  return tinyGraph(
    entities.map((id) => ent(id, 'company', id.toUpperCase())),
    relations,
    [relType('knows', true), relType('funds')],
  );
}

/** Values of a map rounded to `digits`, as a plain object, for readable assertions. */
export function rounded(values: ReadonlyMap<string, number>, digits = 6): Record<string, number> {
  return Object.fromEntries([...values].map(([k, v]) => [k, Number(v.toFixed(digits))]));
}
