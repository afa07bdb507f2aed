import { it } from 'vitest';
import { compile } from '../../src/lib/graph/compile.ts';
import { hostileGraphData } from '../fixtures/hostile-graph-data.ts';
import { EXPORTERS } from '../../src/lib/graph/formats/index.ts';
it('probe', () => {
  let t = performance.now();
  const r = compile(hostileGraphData());
  console.log('compile ms', performance.now() - t);
  console.log(r.problems.map((p) => `${p.code} ${p.severity} ${p.file}:${p.line} ${p.field}`).join('\n'));
  console.log(!!r.compiled, r.compiled?.entities.length, r.compiled?.relations.length);
  for (const e of EXPORTERS) {
    t = performance.now();
    const out = e.run(r.compiled!);
    console.log(e.id, out.length, (performance.now() - t).toFixed(0));
  }
}, 60000);
