// Importing a user's graph: size check and confirmation, parsing in a worker with progress and cancel, and a
// failure that leaves the current graph, selection and URL exactly as they were.
import type { Problem } from '../graph/errors.ts';
import type { CompiledGraph } from '../graph/types.ts';
import type { ImportRequest, ImportResponse } from '../workers/import-protocol.ts';

/** Files above this size ask for confirmation before parsing. */
export const CONFIRM_BYTES = 20 * 1024 * 1024;
/** Files above this size are refused outright: a browser tab cannot hold their graph comfortably. */
export const MAX_BYTES = 200 * 1024 * 1024;

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'confirm'; fileName: string; size: number; proceed: () => void }
  | { kind: 'running'; fileName: string; stage: string }
  | { kind: 'failed'; fileName: string; problems: Problem[] }
  | { kind: 'done'; fileName: string; notices: Problem[]; attributeKeys: string[]; typeAttribute?: string | undefined };

export interface ImportSource {
  fileName: string;
  bytes: () => Promise<Uint8Array>;
  size: number;
}

export class Importer {
  state: ImportState = $state.raw({ kind: 'idle' });
  #worker: Worker | undefined;
  #last: { source: ImportSource; nodes?: ImportSource | undefined } | undefined;
  readonly #onGraph: (graph: CompiledGraph, name: string) => void;

  /** `onGraph` receives a successfully imported graph; nothing else ever touches the current graph. */
  constructor(onGraph: (graph: CompiledGraph, name: string) => void) {
    this.#onGraph = onGraph;
  }

  /** Imports a file (and, for CSV edge lists, an optional node table). */
  start(source: ImportSource, nodes?: ImportSource, typeAttribute?: string): void {
    this.cancel();
    if (source.size === 0) {
      this.state = { kind: 'failed', fileName: source.fileName, problems: [problem(source.fileName, 'IMPORT_EMPTY', 'the file is empty')] };
      return;
    }
    if (source.size > MAX_BYTES) {
      this.state = {
        kind: 'failed',
        fileName: source.fileName,
        problems: [problem(source.fileName, 'IMPORT_TOO_LARGE', `the file is ${mb(source.size)}; the limit is ${mb(MAX_BYTES)}`)],
      };
      return;
    }
    const go = (): void => void this.#run(source, nodes, typeAttribute);
    if (source.size > CONFIRM_BYTES) this.state = { kind: 'confirm', fileName: source.fileName, size: source.size, proceed: go };
    else go();
  }

  /** Re-imports the last file with another attribute as entity type. */
  retype(typeAttribute: string | undefined): void {
    if (this.#last) this.start(this.#last.source, this.#last.nodes, typeAttribute);
  }

  /** Stops a running import; the current graph stays. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    if (this.state.kind === 'running' || this.state.kind === 'confirm') this.state = { kind: 'idle' };
  }

  dismiss(): void {
    if (this.state.kind !== 'running') this.state = { kind: 'idle' };
  }

  async #run(source: ImportSource, nodes: ImportSource | undefined, typeAttribute: string | undefined): Promise<void> {
    this.state = { kind: 'running', fileName: source.fileName, stage: 'reading' };
    let request: ImportRequest;
    try {
      request = {
        bytes: await source.bytes(),
        fileName: source.fileName,
        // The user has confirmed the size by now; the worker need not refuse it.
        options: { maxBytes: MAX_BYTES, onMissingEndpoint: 'skip', ...(typeAttribute ? { typeAttribute } : {}) },
        csvNodes: nodes ? { bytes: await nodes.bytes(), fileName: nodes.fileName } : undefined,
      };
    } catch (error) {
      this.state = {
        kind: 'failed',
        fileName: source.fileName,
        problems: [problem(source.fileName, 'IMPORT_READ', `could not read the file: ${String(error)}`)],
      };
      return;
    }
    const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      if (this.#worker !== worker) return;
      const message = event.data;
      if (message.kind === 'progress') this.state = { kind: 'running', fileName: source.fileName, stage: message.stage };
      else {
        worker.terminate();
        this.#worker = undefined;
        if (message.kind === 'error') this.state = { kind: 'failed', fileName: source.fileName, problems: message.problems };
        else {
          this.#last = { source, nodes };
          this.state = {
            kind: 'done',
            fileName: source.fileName,
            notices: message.result.notices,
            attributeKeys: message.attributeKeys,
            typeAttribute,
          };
          this.#onGraph(message.result.graph, source.fileName);
        }
      }
    };
    worker.onerror = (event) => {
      if (this.#worker !== worker) return;
      worker.terminate();
      this.#worker = undefined;
      this.state = {
        kind: 'failed',
        fileName: source.fileName,
        problems: [problem(source.fileName, 'IMPORT_FAILED', event.message || 'the import worker failed')],
      };
    };
    worker.postMessage(request, [request.bytes.buffer]);
  }
}

function problem(file: string, code: string, message: string): Problem {
  return { code, severity: 'error', message, file };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An import source from a File (picker or drop). */
export function fileSource(file: File): ImportSource {
  return { fileName: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

/** An import source from a same-origin URL (the `data=` link parameter). Other origins are refused. */
export async function urlSource(path: string): Promise<ImportSource> {
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) throw new Error(`only files from this site can be opened by link (${url.origin} is another site)`);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { fileName: url.pathname.split('/').pop() || 'graph', size: bytes.length, bytes: async () => bytes.slice() };
}
