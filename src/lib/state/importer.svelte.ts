// Importing a user's graph: size check and confirmation, parsing in a worker with progress and cancel, and a
// failure that leaves the current graph, selection and URL exactly as they were.
import type { Problem } from '../graph/errors.ts';
import type { CsvColumnChoice } from '../graph/formats/import-types.ts';
import type { CsvColumnPreview } from '../graph/formats/import-csv.ts';
import type { CompiledGraph } from '../graph/types.ts';
import type { ImportRequest, ImportResponse } from '../workers/import-protocol.ts';
import { passGate } from '../test-gates.ts';
import { bundles } from '../graph/bundles.ts';

/** Files above this size ask for confirmation before parsing. */
export const CONFIRM_BYTES = 20 * 1024 * 1024;
/** Files above this size are refused outright: a browser tab cannot hold their graph comfortably. */
export const MAX_BYTES = 200 * 1024 * 1024;
/**
 * Graphs that would draw more elements than this (entities plus lines, parallel relations counting once) ask before
 * they are drawn: the canvas carries about 10^5 elements well, and a small file can hold far more (400,000 loops).
 */
export const CONFIRM_ELEMENTS = 120_000;
/** How much of a CSV file the column preview reads. */
const PREVIEW_BYTES = 64 * 1024;

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'confirm'; fileName: string; size: number; proceed: () => void }
  /** A parsed graph with more to draw than the canvas carries well: drawn only if the user says so. */
  | { kind: 'confirm-draw'; fileName: string; entities: number; relations: number; lines: number; proceed: () => void }
  /** A CSV edge list whose columns the names do not settle: the user picks them from a preview. */
  | { kind: 'columns'; fileName: string; preview: CsvColumnPreview; proceed: (columns: CsvColumnChoice) => void }
  | { kind: 'running'; fileName: string; stage: string }
  | { kind: 'failed'; fileName: string; problems: Problem[] }
  | { kind: 'done'; fileName: string; notices: Problem[]; attributeKeys: string[]; typeAttribute?: string | undefined };

export interface ImportSource {
  fileName: string;
  bytes: () => Promise<Uint8Array>;
  /** The first `length` bytes (for the CSV column preview). */
  head: (length: number) => Promise<Uint8Array>;
  size: number;
}

interface ImportRun {
  source: ImportSource;
  nodes?: ImportSource | undefined;
  typeAttribute?: string | undefined;
  columns?: CsvColumnChoice | undefined;
}

export class Importer {
  state: ImportState = $state.raw({ kind: 'idle' });
  #worker: Worker | undefined;
  #last: ImportRun | undefined;
  /** Bumped by every start and cancel, so a column preview still being read cannot come back to a newer import. */
  #generation = 0;
  /** The source of the import in progress (confirm, columns or running), until it ends. */
  #current: ImportSource | undefined;
  readonly #onGraph: (graph: CompiledGraph, source: ImportSource) => void;
  readonly #onStopped: (source: ImportSource, reason: 'failed' | 'cancelled') => void;

  /**
   * `onGraph` receives a successfully imported graph; nothing else ever touches the current graph. `onStopped` hears
   * of an import that failed or was cancelled (by the user, or by a newer import).
   */
  constructor(
    onGraph: (graph: CompiledGraph, source: ImportSource) => void,
    onStopped: (source: ImportSource, reason: 'failed' | 'cancelled') => void = () => {},
  ) {
    this.#onGraph = onGraph;
    this.#onStopped = onStopped;
  }

  #fail(source: ImportSource, problems: Problem[]): void {
    this.state = { kind: 'failed', fileName: source.fileName, problems };
    if (this.#current === source) this.#current = undefined;
    this.#onStopped(source, 'failed');
  }

  /**
   * Imports a file (and, for CSV edge lists, an optional node table). A CSV edge list whose columns are not settled
   * by their names (no source column, or both "type" and "label") stops at a column preview first; `columns` are
   * the user's answer.
   */
  start(source: ImportSource, nodes?: ImportSource, typeAttribute?: string, columns?: CsvColumnChoice): void {
    this.cancel();
    this.#current = source;
    if (source.size === 0) {
      this.#fail(source, [problem(source.fileName, 'IMPORT_EMPTY', 'the file is empty')]);
      return;
    }
    if (source.size > MAX_BYTES) {
      this.#fail(source, [problem(source.fileName, 'IMPORT_TOO_LARGE', `the file is ${mb(source.size)}; the limit is ${mb(MAX_BYTES)}`)]);
      return;
    }
    const run: ImportRun = { source, nodes, typeAttribute, columns };
    const go = (): void => void this.#previewThenRun(run);
    if (source.size > CONFIRM_BYTES) this.state = { kind: 'confirm', fileName: source.fileName, size: source.size, proceed: go };
    else go();
  }

  /** Re-imports the last file with another attribute as entity type. */
  retype(typeAttribute: string | undefined): void {
    if (this.#last) this.start(this.#last.source, this.#last.nodes, typeAttribute, this.#last.columns);
  }

  /** Stops a running import (or closes the column preview); the current graph stays. */
  cancel(): void {
    this.#generation++;
    this.#worker?.terminate();
    this.#worker = undefined;
    if (['running', 'confirm', 'confirm-draw', 'columns'].includes(this.state.kind)) this.state = { kind: 'idle' };
    const stopped = this.#current;
    this.#current = undefined;
    if (stopped) this.#onStopped(stopped, 'cancelled');
  }

  /** A CSV edge list without chosen columns: the preview asks the user when the names leave them open. */
  async #previewThenRun(run: ImportRun): Promise<void> {
    const generation = this.#generation;
    const preview = run.columns === undefined ? await csvPreview(run.source) : undefined;
    if (generation !== this.#generation) return;
    if (preview && preview.ambiguities.length > 0) {
      this.state = {
        kind: 'columns',
        fileName: run.source.fileName,
        preview,
        proceed: (columns) => {
          this.state = { kind: 'idle' };
          void this.#run({ ...run, columns });
        },
      };
      return;
    }
    await this.#run(run);
  }

  dismiss(): void {
    if (this.state.kind !== 'running') this.state = { kind: 'idle' };
  }

  async #run(run: ImportRun): Promise<void> {
    const { source, nodes, typeAttribute, columns } = run;
    this.state = { kind: 'running', fileName: source.fileName, stage: 'reading' };
    let request: ImportRequest;
    try {
      request = {
        bytes: await source.bytes(),
        fileName: source.fileName,
        // The user has confirmed the size by now; the worker need not refuse it.
        options: {
          maxBytes: MAX_BYTES,
          onMissingEndpoint: 'skip',
          ...(typeAttribute ? { typeAttribute } : {}),
          ...(columns ? { csvColumns: columns } : {}),
        },
        csvNodes: nodes ? { bytes: await nodes.bytes(), fileName: nodes.fileName } : undefined,
      };
    } catch (error) {
      this.#fail(source, [problem(source.fileName, 'IMPORT_READ', `could not read the file: ${String(error)}`)]);
      return;
    }
    const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    worker.onmessage = async (event: MessageEvent<ImportResponse>) => {
      if (this.#worker !== worker) return;
      const message = event.data;
      if (message.kind === 'progress') this.state = { kind: 'running', fileName: source.fileName, stage: message.stage };
      else {
        // e2e builds may hold the parsed graph here (a no-op elsewhere); a cancel meanwhile drops it.
        await passGate('import-result');
        if (this.#worker !== worker) return;
        worker.terminate();
        this.#worker = undefined;
        if (message.kind === 'error') this.#fail(source, message.problems);
        else {
          const { graph } = message.result;
          const finish = (): void => {
            this.#last = run;
            this.#current = undefined;
            this.state = {
              kind: 'done',
              fileName: source.fileName,
              notices: message.result.notices,
              attributeKeys: message.attributeKeys,
              typeAttribute,
            };
            this.#onGraph(graph, source);
          };
          const lines = bundles(graph.relations, new Map(graph.relationTypes.map((t) => [t.id, t]))).length;
          if (graph.entities.length + lines <= CONFIRM_ELEMENTS) finish();
          else {
            const entities = graph.entities.length;
            this.state = {
              kind: 'confirm-draw',
              fileName: source.fileName,
              entities,
              relations: graph.relations.length,
              lines,
              proceed: finish,
            };
          }
        }
      }
    };
    worker.onerror = (event) => {
      if (this.#worker !== worker) return;
      worker.terminate();
      this.#worker = undefined;
      this.#fail(source, [problem(source.fileName, 'IMPORT_FAILED', event.message || 'the import worker failed')]);
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

/**
 * The column preview of a source that is a CSV edge list (by its start), or undefined for any other format. A start
 * that cannot be decoded is left for the import itself to report.
 */
async function csvPreview(source: ImportSource): Promise<CsvColumnPreview | undefined> {
  // The three small modules, not the formats index: parsing happens in the worker, so the main thread never needs
  // the readers and writers of every format to import a file.
  const [{ decodeText }, { detectFormat }, { previewCsvColumns }] = await Promise.all([
    import('../graph/formats/decode-text.ts'),
    import('../graph/formats/detect.ts'),
    import('../graph/formats/import-csv.ts'),
  ]);
  try {
    const { text } = decodeText(await source.head(PREVIEW_BYTES), source.fileName);
    return detectFormat(text, source.fileName) === 'csv' ? previewCsvColumns(text) : undefined;
  } catch {
    return undefined;
  }
}

/** An import source from a File (picker or drop). */
export function fileSource(file: File): ImportSource {
  return {
    fileName: file.name,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    head: async (length) => new Uint8Array(await file.slice(0, length).arrayBuffer()),
  };
}

/** An import source from a same-origin URL (the `data=` link parameter). Other origins are refused. */
export async function urlSource(path: string): Promise<ImportSource> {
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) throw new Error(`only files from this site can be opened by link (${url.origin} is another site)`);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (response.status === 404) throw new Error(`not found (${url.pathname})`);
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status} for ${url.pathname}`);
  // A server that answers every path with the app's own page: that is "not found" too, not a broken graph.
  if ((response.headers.get('content-type') ?? '').includes('text/html'))
    throw new Error(`not found (${url.pathname} is a web page, not a graph file)`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    fileName: url.pathname.split('/').pop() || 'graph',
    size: bytes.length,
    bytes: async () => bytes.slice(),
    head: async (length) => bytes.slice(0, length),
  };
}
