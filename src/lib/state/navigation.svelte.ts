// The URL and the browser history as the explorer's memory: which graph a history entry shows (the bundled one, a
// same-origin dataset named by `data=/…`, or a file imported this session, `data=file:…`) and the view on it.
//
// Guarantees:
// - a link's selection, path and filters are checked against the graph the link names, after it has loaded;
// - Back/Forward to an entry of another graph cancels an import or a fetch still running, so an abandoned import can
//   neither replace the graph nor write its own history entry;
// - graphs opened this session (imports and linked datasets) are kept in memory, so history can return to them;
// - a dataset that cannot be opened (missing, a web page, not a graph) leaves the graph shown, and the URL is put back
//   to what is shown: the address bar never names a graph that is not on screen;
// - every history entry the app writes carries its place among the app's own entries (kept in history.state, so it
//   survives a reload), and the in-app Back and Forward move only between those entries: they never leave the app.
import type { CompiledGraph } from '../graph/types.ts';
import type { Explorer } from './explorer.svelte.ts';
import type { ImportSource } from './importer.svelte.ts';
import { Importer, urlSource } from './importer.svelte.ts';
import { untrack } from 'svelte';

/** What the navigation asks of the importer. */
export type ImportControl = Pick<Importer, 'start' | 'cancel'>;
import { parseHash } from './url-state.ts';

/** The browser's location hash and history, as the navigation uses them (a fake in unit tests). */
export interface HistoryPort {
  /** The current location hash, without `#`. */
  hash(): string;
  /** The app's own place for the current entry (see `push`), or undefined for an entry the app did not write. */
  index(): number | undefined;
  /** Adds an entry after the current one, marked as the app's entry number `index`. */
  push(hash: string, index: number): void;
  /** Rewrites the current entry, marked as the app's entry number `index`. */
  replace(hash: string, index: number): void;
  /** Moves `delta` entries through the history (the page then gets a popstate). */
  go(delta: number): void;
}

/** Fetches a same-origin dataset as an import source; rejects with a message a reader understands. */
export type DatasetFetcher = (path: string) => Promise<ImportSource>;

interface Pending {
  dataset: string;
  /** The hash of the history entry that asked for the dataset, applied once it has loaded. */
  hash: string;
  source?: ImportSource | undefined;
}

export class Navigation {
  readonly #explorer: Explorer;
  readonly #importer: ImportControl;
  readonly #history: HistoryPort;
  readonly #fetch: DatasetFetcher;
  /** Graphs opened this session, by their `data=` name. */
  readonly #kept = new Map<string, CompiledGraph>();
  /** Sources of linked datasets that were abandoned: a late result from one of them is never shown. */
  readonly #abandoned = new WeakSet<ImportSource>();
  /** The `data=` name given to each imported source. */
  readonly #names = new WeakMap<ImportSource, string>();
  /** A linked dataset being fetched or imported for a history entry. */
  #pending: Pending | undefined;
  /** Bumped by every navigation, so a fetch that resolves after a newer one is dropped. */
  #generation = 0;
  /** The hash last written to (or read from) the URL. */
  #written: string;
  /**
   * The current entry's place among the app's own entries of this tab: 0 is the first entry the app wrote (the page
   * it was opened on), so Back from 0 would leave the app.
   */
  #index = $state(0);
  /**
   * The last of the app's entries known to be ahead of the current one. Known only for entries written since the
   * page loaded: after a reload Forward stays off until the app writes or visits an entry ahead, since an entry left
   * ahead may have been dropped for another site's page.
   */
  #top = $state(0);

  constructor(explorer: Explorer, importer: ImportControl, history: HistoryPort, fetch: DatasetFetcher) {
    this.#explorer = explorer;
    this.#importer = importer;
    this.#history = history;
    this.#fetch = fetch;
    this.#written = history.hash();
    this.#index = this.#top = history.index() ?? 0;
  }

  /** Whether the in-app Back has an entry of the app's own to go to. */
  get canGoBack(): boolean {
    return this.#index > 0;
  }

  /** Whether the in-app Forward has an entry of the app's own to go to. */
  get canGoForward(): boolean {
    return this.#index < this.#top;
  }

  /** The in-app Back: the app's previous entry, or nothing when there is none (never a page before the app). */
  back(): void {
    if (this.canGoBack) this.#history.go(-1);
  }

  /** The in-app Forward: the app's next entry, or nothing when there is none. */
  forward(): void {
    if (this.canGoForward) this.#history.go(1);
  }

  /** The page has loaded: shows the view its URL describes, opening the dataset it names first. */
  start(): void {
    // The entry the page opened on becomes the app's own (a reload keeps the place it already had).
    if (this.#history.index() === undefined) this.#history.replace(this.#history.hash(), this.#index);
    this.#go(this.#history.hash());
  }

  /**
   * Writes the view to the URL whenever `explorer.hash` changes (see `sync`). Creates an effect: call it while a
   * component is set up, or inside `$effect.root`.
   */
  track(): void {
    $effect(() => {
      const hash = this.#explorer.hash;
      untrack(() => this.sync(hash));
    });
  }

  /** Back or Forward moved to another history entry. */
  popstate(): void {
    const index = this.#history.index();
    if (index === undefined) {
      // An entry the app did not write (a hash typed into the address bar): it follows the one the app was on.
      this.#index = this.#index + 1;
      this.#top = this.#index;
      this.#history.replace(this.#history.hash(), this.#index);
    } else {
      this.#index = index;
      this.#top = Math.max(this.#top, index);
    }
    this.#go(this.#history.hash());
  }

  /**
   * The view changed (the caller tracks `explorer.hash`). Camera moves replace the current history entry; everything
   * else adds one. Nothing is written while a history entry's dataset is still opening.
   */
  sync(hash: string): void {
    if (hash === this.#written || this.#pending !== undefined) return;
    const withoutCamera = (h: string): string => h.replace(/(^|&)cam=[^&]*/, '');
    if (withoutCamera(hash) === withoutCamera(this.#written)) this.#history.replace(hash, this.#index);
    else {
      // A new entry drops whatever was ahead of the current one.
      this.#index++;
      this.#top = this.#index;
      this.#history.push(hash, this.#index);
    }
    this.#written = hash;
  }

  /** The importer finished a graph: a linked dataset for the current entry, or a file the user imported. */
  imported(graph: CompiledGraph, source: ImportSource): void {
    if (this.#abandoned.has(source)) return;
    const pending = this.#pending;
    if (pending && pending.source === source) {
      this.#pending = undefined;
      this.#kept.set(pending.dataset, graph);
      this.#names.set(source, pending.dataset);
      this.#show(graph, pending.dataset, pending.hash);
      return;
    }
    // A file the user chose: a new history entry (written by sync), kept for the session under a name of its own
    // (the same name again when the same file is imported again with another type attribute).
    this.#cancelPending();
    const dataset = this.#names.get(source) ?? this.#freshName(`file:${source.fileName}`);
    this.#names.set(source, dataset);
    this.#kept.set(dataset, graph);
    this.#explorer.loadGraph(graph, dataset);
  }

  /**
   * An import ended without a graph. For a linked dataset the graph shown stays, and the URL is put back to it; the
   * importer reports a failure's details itself.
   */
  stopped(source: ImportSource, reason: 'failed' | 'cancelled'): void {
    if (!this.#pending || this.#pending.source !== source) return;
    if (reason === 'cancelled') this.#notice(`Opening ${this.#pending.dataset} was cancelled; the graph shown stays.`);
    this.#abandon();
  }

  #go(hash: string): void {
    const generation = ++this.#generation;
    const wanted = parseHash(hash).state.dataset;
    const explorer = this.#explorer;
    // A graph served a part at a time is one graph whatever part of it is loaded.
    if (wanted === explorer.dataset && (wanted !== undefined || explorer.compiled === explorer.bundled || explorer.remote)) {
      this.#cancelPending();
      this.#apply(hash);
      return;
    }
    // Another graph: whatever was being opened or imported for an earlier entry is abandoned.
    this.#cancelPending();
    this.#importer.cancel();
    if (wanted === undefined) {
      this.#show(explorer.bundled, undefined, hash);
      return;
    }
    const kept = this.#kept.get(wanted);
    if (kept) {
      this.#show(kept, wanted, hash);
      return;
    }
    if (!wanted.startsWith('/')) {
      this.#notice(
        `The link names an imported file (${wanted.replace(/^file:/, '')}) that is not available here: imported files are kept only until the page is reloaded. Import the file again to continue.`,
      );
      this.#restoreUrl();
      return;
    }
    this.#pending = { dataset: wanted, hash };
    this.#fetch(wanted).then(
      (source) => {
        if (generation !== this.#generation || this.#pending?.dataset !== wanted) return;
        this.#pending.source = source;
        this.#importer.start(source);
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#notice(`Could not open ${wanted}: ${error instanceof Error ? error.message : String(error)}`);
        this.#abandon();
      },
    );
  }

  /** Shows a graph and the view a history entry describes on it, and writes the checked view back in place. */
  #show(graph: CompiledGraph, dataset: string | undefined, hash: string): void {
    this.#explorer.loadGraph(graph, dataset);
    this.#apply(hash);
  }

  #apply(hash: string): void {
    this.#explorer.applyHash(hash);
    this.#restoreUrl();
  }

  /** Makes the URL say what is shown, in place (a link's unknown ids, or a dataset that did not open, drop out). */
  #restoreUrl(): void {
    const shown = this.#explorer.hash;
    if (shown !== this.#history.hash()) this.#history.replace(shown, this.#index);
    this.#written = shown;
  }

  #abandon(): void {
    if (this.#pending?.source) this.#abandoned.add(this.#pending.source);
    this.#pending = undefined;
    this.#restoreUrl();
  }

  #cancelPending(): void {
    if (!this.#pending) return;
    if (this.#pending.source) this.#abandoned.add(this.#pending.source);
    this.#pending = undefined;
    this.#importer.cancel();
  }

  #notice(message: string): void {
    this.#explorer.notices = [...this.#explorer.notices, message];
  }

  /** `file:name`, or `file:name (2)`, … when a different graph was imported under that name earlier this session. */
  #freshName(base: string): string {
    let name = base;
    for (let n = 2; this.#kept.has(name); n++) name = `${base} (${n})`;
    return name;
  }
}

/** The page's own location hash and history. */
export function browserHistory(): HistoryPort {
  const url = (hash: string): string => `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
  const stored = (): unknown => (history.state as { kgIndex?: unknown } | null)?.kgIndex;
  return {
    hash: () => location.hash.replace(/^#/, ''),
    index: () => {
      const index = stored();
      return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
    },
    push: (hash, index) => history.pushState({ kgIndex: index }, '', url(hash)),
    replace: (hash, index) => history.replaceState({ kgIndex: index }, '', url(hash)),
    go: (delta) => history.go(delta),
  };
}

/**
 * The page's navigation over the browser's history and same-origin datasets, with the importer it drives: every
 * graph the importer finishes, and every import it stops, goes through the navigation, which decides what it shows.
 */
export function pageNavigation(explorer: Explorer): { navigation: Navigation; importer: Importer } {
  const importer: Importer = new Importer(
    (graph, source) => navigation.imported(graph, source),
    (source, reason) => navigation.stopped(source, reason),
  );
  const navigation = new Navigation(explorer, importer, browserHistory(), urlSource);
  return { navigation, importer };
}
