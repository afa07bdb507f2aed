// Test helper: the problems of an import that must fail, failing the test if it succeeds or throws anything else.
import { KgError, type Problem } from '../../errors.ts';
import { importGraph } from '../import-graph.ts';
import type { ImportOptions } from '../import-types.ts';

/** The problems of a failed import (fails the test if the import succeeded or threw something else). */
export function problemsOf(text: string, options: ImportOptions): Problem[] {
  try {
    importGraph(text, options);
  } catch (error) {
    if (error instanceof KgError) return error.problems;
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** A small GEXF 1.3 document around `body` (inside <graph>), for hostile-input tests. */
export const GEXF = (body: string, head = '<graph defaultedgetype="directed">'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n${head}\n${body}\n</graph>\n</gexf>\n`;
