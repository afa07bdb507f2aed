// Vite plugin: compiles graph-data/ into generated/graph.json at dev and build start, and again on every edit.
import type { Plugin } from 'vite';
import { formatProblem } from '../lib/graph/errors.ts';
import { ARTIFACT, buildArtifact } from './build-artifact.ts';
import { DEFAULT_DATA } from './data-folder.ts';

export function kgData(dataFolder = process.env.KG_DATA ?? DEFAULT_DATA): Plugin {
  const run = (): { ok: boolean; report: string } => {
    const result = buildArtifact(dataFolder, ARTIFACT);
    const report = result.problems.map(formatProblem).join('\n');
    return { ok: result.ok, report };
  };
  return {
    name: 'kg-data',
    buildStart() {
      const { ok, report } = run();
      if (report) this.warn(report);
      if (!ok) this.error(`graph-data has errors; the previous ${ARTIFACT} was kept.\n${report}`);
    },
    // Preload the graph data so its download overlaps the script's.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.filename.endsWith('index.html')) return [];
        const asset = Object.values(ctx.bundle ?? {}).find((chunk) => chunk.type === 'asset' && /graph-[\w-]+\.json$/.test(chunk.fileName));
        if (!asset) return [];
        return [{ tag: 'link', attrs: { rel: 'preload', href: `/${asset.fileName}`, as: 'fetch', crossorigin: '' }, injectTo: 'head' }];
      },
    },
    configureServer(server) {
      server.watcher.add(dataFolder);
      server.watcher.on('change', (file) => {
        if (!file.includes(dataFolder)) return;
        const { ok, report } = run();
        if (ok) server.ws.send({ type: 'full-reload' });
        else server.config.logger.error(`graph-data has errors (the app keeps the last good graph):\n${report}`);
      });
    },
  };
}
