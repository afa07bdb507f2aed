// Server mode against the real API (answerApi over the bundled graph in memory, no sockets): search, expansion, paths
// and the bound on loaded entities. Unit tests run Svelte's server build, where effects do not run, so each test calls
// what `track` would (`askPath`).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../cli/load-data.ts';
import type { KnowledgeGraph } from '../graph/model.ts';
import { memorySource } from '../graph/source.ts';
import { answerApi, API_LIMITS } from '../../server/api.ts';
import { Explorer } from './explorer.svelte.ts';
import { ServerGraph, type GetJson, type ServerGraphOptions } from './server-graph.svelte.ts';
import { serverBaseOf } from './server-path.ts';

let graph: KnowledgeGraph;
const asked: string[] = [];

beforeAll(async () => {
  graph = await loadGraph({ data: 'graph-data' });
});

/** The API answered in-process; what it was asked is kept in `asked`. */
function api(): GetJson {
  const source = memorySource(graph);
  const mode = { partial: true, source: 'memory' as const, entities: graph.order, relations: graph.size, limits: API_LIMITS };
  return async (url) => {
    asked.push(url);
    const answer = await answerApi(source, new URL(url, 'http://x'), async () => mode);
    const body = JSON.parse(answer.body) as { error?: { code: string; message: string } };
    if (answer.status !== 200) throw new Error(`${body.error?.code}: ${body.error?.message}`);
    return body;
  };
}

async function connect(options: Partial<ServerGraphOptions> = {}): Promise<{ server: ServerGraph; explorer: Explorer }> {
  const server = await ServerGraph.connect('/api', api(), options);
  const explorer = new Explorer(server.compiled());
  server.attach(explorer);
  return { server, explorer };
}

describe('ServerGraph', () => {
  it('starts with nothing loaded, and knows the size of the whole graph', async () => {
    const { server, explorer } = await connect();
    expect(server.total).toBe(graph.order);
    expect(server.loaded).toBe(0);
    expect(explorer.graph.order).toBe(0);
    expect(explorer.compiled.entityTypes.length).toBeGreaterThan(0);
    expect(explorer.remote).toBe(server);
    expect(explorer.hash).toBe('source=/api');
  });

  it('searches on the server: hits carry names for entities not loaded', async () => {
    const { server } = await connect();
    const hits = await server.search('梁文峰');
    expect(hits[0]).toMatchObject({ id: 'liang-wenfeng', type: 'person', name: { zh: '梁文锋' } });
    expect(await server.search('  ')).toEqual([]);
  });

  it('an expansion loads the entity, its neighbours and every relation among them, placed around it', async () => {
    const { server, explorer } = await connect();
    const arrived = await server.expand('deepseek');
    expect(arrived.has('deepseek')).toBe(true);
    expect(arrived.has('high-flyer')).toBe(true);
    expect(explorer.graph.hasNode('high-flyer')).toBe(true);
    expect(explorer.graph.edges('high-flyer', 'deepseek').length).toBeGreaterThan(0);
    const positions = explorer.compiled.positions!;
    expect(Object.keys(positions).sort()).toEqual([...arrived].sort());
    // The seed keeps its place when a neighbour is expanded; the neighbour's new neighbours come around the neighbour.
    const before = positions['deepseek'];
    await server.expand('high-flyer', 'funds');
    expect(explorer.compiled.positions!['deepseek']).toEqual(before);
    expect(server.loaded).toBe(explorer.graph.order);
  });

  it('an expansion by relation type brings only neighbours through that type', async () => {
    const { server, explorer } = await connect();
    await server.expand('deepseek', 'funds');
    for (const id of explorer.graph.nodes())
      if (id !== 'deepseek')
        expect(
          graph
            .edges(id, 'deepseek')
            .concat(graph.edges('deepseek', id))
            .some((e) => graph.getEdgeAttribute(e, 'type') === 'funds'),
        ).toBe(true);
  });

  it('keeps at most maxEntities loaded: the oldest expansions go first, never the selection or the newest', async () => {
    const { server, explorer } = await connect({ maxEntities: 20, expandLimit: 8 });
    const first = await server.expand('deepseek');
    explorer.selectEntity('deepseek');
    let last = first;
    const hubs = graph
      .nodes()
      .filter((id) => id !== 'deepseek')
      .sort((a, b) => graph.degree(b) - graph.degree(a) || a.localeCompare(b))
      .slice(0, 6);
    for (const id of hubs) {
      last = await server.expand(id);
      expect(server.loaded).toBeLessThanOrEqual(20);
      expect(explorer.graph.order).toBe(server.loaded);
    }
    expect(explorer.graph.hasNode('deepseek')).toBe(true);
    for (const id of last) expect(explorer.graph.hasNode(id)).toBe(true);
    expect(server.cutShort.has('deepseek')).toBe(true);
    const gone = [...first].filter((id) => !explorer.graph.hasNode(id));
    expect(gone.length).toBeGreaterThan(0);
    // No relation is left with an end that was let go.
    explorer.graph.forEachEdge((_, __, s, t) => expect(explorer.graph.hasNode(s) && explorer.graph.hasNode(t)).toBe(true));
  });

  it('finds paths on the server and loads them with their neighbourhoods', async () => {
    const { server, explorer } = await connect();
    explorer.setPath({ from: 'high-flyer', to: 'jd-cloud', options: { mode: 'k', k: '3' }, selected: 0 });
    expect(explorer.pathAnswer).toBeUndefined();
    await server.askPath();
    const answer = explorer.pathAnswer;
    expect(answer?.kind).toBe('ok');
    if (answer?.kind !== 'ok') return;
    const expected = await memorySource(graph).path('high-flyer', 'jd-cloud', { mode: 'k', k: 3 }, 'en');
    expect(answer.result.paths.map((p) => p.nodes)).toEqual(expected.paths.map((p) => p.nodes));
    for (const id of explorer.pathSet ?? []) expect(explorer.graph.hasNode(id) || explorer.graph.hasEdge(id)).toBe(true);
    expect(answer.result.paths[0]!.edges[0]).toMatchObject({ type: 'funds', forward: true, directed: true });
    expect(explorer.graph.order).toBeGreaterThan(new Set(answer.result.paths.flatMap((p) => p.nodes)).size);
  });

  it('a path query under other filters is asked again; a no-path answer keeps its reason', async () => {
    const { server, explorer } = await connect();
    explorer.setPath({ from: 'high-flyer', to: 'jd-cloud', options: { 'max-hops': '2' }, selected: 0 });
    await server.askPath();
    const none = explorer.pathAnswer;
    expect(none?.kind === 'ok' && none.result.reason?.kind).toBe('max-hops');
    const before = asked.length;
    await server.askPath();
    expect(asked.length).toBe(before);
    explorer.toggleRelationType('deploys');
    expect(explorer.pathAnswer).toBeUndefined();
    await server.askPath();
    expect(asked.slice(before).filter((url) => url.startsWith('/api/path?'))).toEqual([
      expect.stringContaining('exclude-relations=deploys'),
    ]);
  });

  it('a refused query is an error answer, not a crash', async () => {
    const { server, explorer } = await connect();
    explorer.setPath({ from: 'high-flyer', to: 'jd-cloud', options: { mode: 'k', k: '999' }, selected: 0 });
    await server.askPath();
    expect(explorer.pathAnswer).toMatchObject({ kind: 'error', message: expect.stringMatching(/API_TOO_LARGE/) });
    expect(server.error).toMatch(/API_TOO_LARGE/);
  });

  it('restores what a link names before it is applied', async () => {
    const { server, explorer } = await connect();
    await server.restore('source=/api&e=deepseek&from=high-flyer&to=jd-cloud');
    expect(explorer.graph.hasNode('deepseek')).toBe(true);
    expect(explorer.graph.hasNode('jd-cloud')).toBe(true);
    explorer.applyHash('source=/api&e=deepseek&from=high-flyer&to=jd-cloud');
    expect(explorer.entity).toBe('deepseek');
    expect(explorer.path?.to).toBe('jd-cloud');
    expect(explorer.notices).toEqual([]);
  });
});

describe('serverBaseOf', () => {
  it('reads the link first, then the marker kg serve puts in index.html; anything else is no server', () => {
    expect(serverBaseOf('source=/api&e=x', null)).toBe('/api');
    expect(serverBaseOf('', '/api')).toBe('/api');
    expect(serverBaseOf('', null)).toBeUndefined();
    expect(serverBaseOf('source=https://evil.example/api', null)).toBeUndefined();
    expect(serverBaseOf('source=//evil.example', null)).toBeUndefined();
    expect(serverBaseOf('', 'javascript:alert(1)')).toBeUndefined();
  });
});
