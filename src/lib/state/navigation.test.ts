// Pins which graph each history entry shows: linked datasets, imports kept for the session, Back/Forward during an
// import, and links to datasets that do not open. The browser's history and the importer are replaced by fakes.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { CompiledGraph } from '../graph/types.ts';
import { SAMPLE } from '../graph/formats/test-support/sample-graph.ts';
import { Explorer } from './explorer.svelte.ts';
import type { ImportSource } from './importer.svelte.ts';
import type { HistoryPort } from './navigation.svelte.ts';
import { Navigation } from './navigation.svelte.ts';

/** A graph whose entities are `ids`, all of the sample's one type. */
function graphOf(title: string, ids: string[]): CompiledGraph {
  const [template] = SAMPLE.entities;
  return { ...SAMPLE, title, entities: ids.map((id) => ({ ...template!, id })), relations: [], positions: {} };
}
const BUNDLED = graphOf('bundled', ['deepseek', 'jd-cloud']);
const X = graphOf('x', ['n1', 'n2']);
const B = graphOf('b', ['b1']);

/**
 * A browser history: entries of hashes with the app's index stored on each (undefined: an entry the app did not
 * write, as a link followed or a fresh load), the current position, and the calls made.
 */
class FakeHistory implements HistoryPort {
  entries: string[];
  indices: Array<number | undefined>;
  at = 0;
  pushes = 0;
  constructor(hash: string, index?: number) {
    this.entries = [hash];
    this.indices = [index];
  }
  hash(): string {
    return this.entries[this.at]!;
  }
  index(): number | undefined {
    return this.indices[this.at];
  }
  push(hash: string, index?: number): void {
    this.entries = [...this.entries.slice(0, this.at + 1), hash];
    this.indices = [...this.indices.slice(0, this.at + 1), index];
    this.at++;
    this.pushes++;
  }
  replace(hash: string, index: number): void {
    this.entries[this.at] = hash;
    this.indices[this.at] = index;
  }
  go(delta: number): void {
    this.at += delta;
  }
}

/** An importer that records what it was asked, and whose imports the test finishes. */
class FakeImporter {
  started: ImportSource[] = [];
  cancels = 0;
  start(source: ImportSource): void {
    this.started.push(source);
  }
  cancel(): void {
    this.cancels++;
  }
}

const sourceNamed = (fileName: string): ImportSource => ({
  fileName,
  size: 1,
  bytes: async () => new Uint8Array(1),
  head: async () => new Uint8Array(1),
});

function setup(
  hash: string,
  fetchResult: (path: string) => Promise<ImportSource> = async (path) => sourceNamed(path),
  index: number | undefined = undefined,
) {
  const explorer = new Explorer(BUNDLED);
  const history = new FakeHistory(hash, index);
  const importer = new FakeImporter();
  const fetched: string[] = [];
  const navigation = new Navigation(explorer, importer, history, (path) => {
    fetched.push(path);
    return fetchResult(path);
  });
  /** What the page's effect does after each change: write the view into the URL. */
  const sync = (): void => {
    flushSync();
    navigation.sync(explorer.hash);
  };
  return { explorer, history, importer, navigation, fetched, sync };
}

/** Lets pending promise callbacks (the fake fetch) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('navigation: linked datasets', () => {
  it('checks a link’s selection against the dataset it names, once that has loaded', async () => {
    const { explorer, history, importer, navigation, sync } = setup('data=/x.json&e=n2&d=1');
    navigation.start();
    await settle();
    expect(importer.started.map((s) => s.fileName)).toEqual(['/x.json']);
    expect(explorer.compiled).toBe(BUNDLED);
    expect(explorer.notices).toEqual([]);
    navigation.imported(X, importer.started[0]!);
    sync();
    expect(explorer.compiled).toBe(X);
    expect([explorer.dataset, explorer.entity, explorer.depth]).toEqual(['/x.json', 'n2', 1]);
    expect(history.entries).toEqual(['data=%2Fx.json&e=n2&d=1']);
    expect(history.pushes).toBe(0);
  });

  it('says "not found" for a dataset that does not open, and puts the URL back to the graph shown', async () => {
    const { explorer, history, navigation } = setup('data=/missing.json&e=n2', async (path) => {
      throw new Error(`not found (${path})`);
    });
    navigation.start();
    await settle();
    expect(explorer.compiled).toBe(BUNDLED);
    expect(explorer.notices.join(' ')).toContain('Could not open /missing.json: not found (/missing.json)');
    expect(history.entries).toEqual(['']);
  });

  it('puts the URL back when the dataset is not a graph the importer reads', async () => {
    const { explorer, history, importer, navigation } = setup('data=/index.html');
    navigation.start();
    await settle();
    navigation.stopped(importer.started[0]!, 'failed');
    expect(explorer.compiled).toBe(BUNDLED);
    expect(history.entries).toEqual(['']);
  });
});

describe('navigation: Back and Forward', () => {
  it('cancels an import still running for an entry that Back has left, and never shows its late result', async () => {
    const { explorer, history, importer, navigation, sync } = setup('e=deepseek');
    navigation.start();
    history.push('data=/x.json');
    navigation.popstate(); // as a link followed inside the app
    await settle();
    const abandoned = importer.started[0]!;
    history.go(-1);
    navigation.popstate();
    sync();
    expect(importer.cancels).toBeGreaterThan(0);
    navigation.imported(X, abandoned);
    sync();
    expect(explorer.compiled).toBe(BUNDLED);
    expect(explorer.entity).toBe('deepseek');
    expect(history.entries).toEqual(['e=deepseek', 'data=/x.json']);
    expect(history.at).toBe(0);
  });

  it('on a linked dataset, imports a file, and Back shows the dataset again with its URL', async () => {
    const { explorer, history, importer, navigation, sync } = setup('data=/a.json');
    navigation.start();
    await settle();
    const A = graphOf('a', ['a1']);
    navigation.imported(A, importer.started[0]!);
    sync();
    navigation.imported(B, sourceNamed('b.gexf'));
    sync();
    expect(history.entries).toEqual(['data=%2Fa.json', 'data=file%3Ab.gexf']);
    history.go(-1);
    navigation.popstate();
    sync();
    expect([explorer.compiled, explorer.dataset]).toEqual([A, '/a.json']);
    expect(history.hash()).toBe('data=%2Fa.json');
    history.go(1);
    navigation.popstate();
    sync();
    expect([explorer.compiled, explorer.dataset]).toEqual([B, 'file:b.gexf']);
    expect(history.entries).toEqual(['data=%2Fa.json', 'data=file%3Ab.gexf']);
  });

  it('keeps an imported graph for the session: import, Back, Forward shows it again', () => {
    const { explorer, history, navigation, sync } = setup('');
    navigation.start();
    navigation.imported(B, sourceNamed('b.gexf'));
    sync();
    explorer.selectEntity('b1');
    sync();
    history.go(-2);
    navigation.popstate();
    sync();
    expect(explorer.compiled).toBe(BUNDLED);
    history.go(2);
    navigation.popstate();
    sync();
    expect([explorer.compiled, explorer.entity]).toEqual([B, 'b1']);
    expect(explorer.notices).toEqual([]);
  });

  it('says an imported file is gone after a reload, and makes the URL match the graph shown', () => {
    const { explorer, history, navigation } = setup('data=file%3Ab.gexf&e=b1');
    navigation.start();
    expect(explorer.compiled).toBe(BUNDLED);
    expect(explorer.notices.join(' ')).toMatch(/imported file \(b\.gexf\) that is not available here/);
    expect(history.entries).toEqual(['']);
  });

  it('names two different imports of files called alike apart', () => {
    const { explorer, navigation, sync } = setup('');
    navigation.imported(B, sourceNamed('b.gexf'));
    sync();
    navigation.imported(X, sourceNamed('b.gexf'));
    sync();
    expect(explorer.dataset).toBe('file:b.gexf (2)');
  });
});

describe('navigation: the in-app Back and Forward stay inside the app', () => {
  it('has no Back on a fresh load, Back after one navigation, and none again once back at the start', () => {
    const { explorer, history, navigation, sync } = setup('');
    navigation.start();
    expect([navigation.canGoBack, navigation.canGoForward]).toEqual([false, false]);
    navigation.back();
    expect(history.at).toBe(0);
    explorer.selectEntity('deepseek');
    sync();
    expect([navigation.canGoBack, navigation.canGoForward]).toEqual([true, false]);
    navigation.back();
    navigation.popstate();
    sync();
    expect(history.at).toBe(0);
    expect(explorer.entity).toBeUndefined();
    expect([navigation.canGoBack, navigation.canGoForward]).toEqual([false, true]);
    navigation.back();
    expect(history.at).toBe(0);
    navigation.forward();
    navigation.popstate();
    sync();
    expect(explorer.entity).toBe('deepseek');
    expect([navigation.canGoBack, navigation.canGoForward]).toEqual([true, false]);
  });

  it('a camera move replaces the entry and adds no Back', () => {
    const { explorer, navigation, sync } = setup('');
    navigation.start();
    explorer.camera = { zoom: 2, x: 1, y: 1 };
    sync();
    expect(navigation.canGoBack).toBe(false);
  });

  it('after a reload keeps its place among the app’s entries, with Forward off until an entry ahead is known', () => {
    const { explorer, history, navigation, sync } = setup('e=deepseek', undefined, 2);
    navigation.start();
    expect([navigation.canGoBack, navigation.canGoForward]).toEqual([true, false]);
    expect(history.indices).toEqual([2]);
    explorer.selectEntity('jd-cloud');
    sync();
    expect(history.indices).toEqual([2, 3]);
  });

  it('counts an entry it did not write (a hash typed into the address bar) as following the current one', () => {
    const { history, navigation, sync } = setup('');
    navigation.start();
    history.push('e=jd-cloud');
    navigation.popstate();
    sync();
    expect(history.indices).toEqual([0, 1]);
    expect(navigation.canGoBack).toBe(true);
  });
});
