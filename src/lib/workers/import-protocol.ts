// Messages between the app and the import worker: a file in, a graph (or every problem) out, progress between.
import type { Problem } from '../graph/errors.ts';
import type { ImportOptions, ImportResult } from '../graph/formats/index.ts';

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  options: Omit<ImportOptions, 'fileName'>;
  /** Extra CSV node table, when the user gave one. */
  csvNodes?: { bytes: Uint8Array; fileName: string } | undefined;
}

export type ImportResponse =
  | { kind: 'progress'; stage: 'decoding' | 'parsing' | 'indexing' }
  | { kind: 'done'; result: ImportResult; attributeKeys: string[] }
  | { kind: 'error'; problems: Problem[] };
