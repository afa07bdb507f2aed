// `kg export`: the chosen subgraph as data (JSON, graphology, GEXF, GraphML, CSV) or as a picture (PNG, JPEG, SVG).
import { writeFileSync } from 'node:fs';
import { KgError } from '../lib/graph/errors.ts';
import { buildGraph } from '../lib/graph/model.ts';
import type { KnowledgeGraph } from '../lib/graph/model.ts';
import { resolveEntity } from '../lib/graph/resolve-entity.ts';
import { selectForExport } from '../lib/graph/export-selection.ts';
import type { ExportSelectionOptions } from '../lib/graph/export-selection.ts';
import { subgraph } from '../lib/graph/subgraph.ts';
import { pathOptionsFromFlags } from '../lib/graph/paths/index.ts';
import { EXPORTERS, SYMMETRIC_EDGE_MODES, SYMMETRIC_PARAMETER, type SymmetricEdgeMode } from '../lib/graph/formats/index.ts';
import type { Modality } from '../lib/graph/types.ts';
import { rawDisplayName } from '../lib/graph/display-name.ts';
import { flagsOf, integer, langOf, list } from './args.ts';
import type { Command, Values } from './args.ts';
import { loadData } from './load-data.ts';
import { err, outData } from './terminal.ts';

const DATA_FORMATS: Record<string, string> = {
  json: 'kg-json',
  'kg-json': 'kg-json',
  graphology: 'graphology-json',
  'graphology-json': 'graphology-json',
  gexf: 'gexf',
  graphml: 'graphml',
  csv: 'csv-zip',
  'csv-zip': 'csv-zip',
  'csv-nodes': 'csv-nodes',
  'csv-edges': 'csv-edges',
};
const IMAGE_FORMATS = ['png', 'jpeg', 'svg'] as const;

function selection(
  graph: KnowledgeGraph,
  values: Values,
  lang: 'en' | 'zh',
): { options: ExportSelectionOptions; name: string; title?: string } {
  const label = (id: string): string => {
    return rawDisplayName({ id, name: graph.getNodeAttribute(id, 'name') }, lang);
  };
  let title: string | undefined;
  const options: ExportSelectionOptions = {
    types: list(values, 'types'),
    relations: list(values, 'relations'),
    modalities: list(values, 'modality') as Modality[] | undefined,
  };
  let name = 'whole-graph';
  if (typeof values.focus === 'string') {
    const id = resolveEntity(graph, values.focus);
    const depth = integer(values, 'depth', 1, 1, 5);
    options.focus = { id, depth };
    name = `${id}-neighbourhood-d${depth}`;
    title = lang === 'zh' ? `${label(id)} 的 ${depth} 度邻域` : `${label(id)}: neighbourhood, depth ${depth}`;
  }
  if (typeof values.path === 'string') {
    const [from, to] = values.path.split(',');
    if (!from || !to) throw new KgError({ code: 'CLI_BAD_OPTION', severity: 'error', message: '--path takes FROM,TO' });
    const flags = flagsOf(values);
    delete flags.relations;
    delete flags.modality;
    options.path = { from: resolveEntity(graph, from), to: resolveEntity(graph, to), options: pathOptionsFromFlags(flags) };
    name = `${options.path.from}-to-${options.path.to}`;
    title = `${label(options.path.from)} → ${label(options.path.to)}`;
  }
  if (typeof values.ids === 'string') {
    options.ids = list(values, 'ids')!.map((id) => resolveEntity(graph, id));
    if (name === 'whole-graph') name = 'selection';
  }
  return { options, name, ...(title ? { title } : {}) };
}

function symmetricMode(value: unknown): SymmetricEdgeMode {
  if (value === undefined) return SYMMETRIC_PARAMETER.default;
  const mode = SYMMETRIC_EDGE_MODES.find((m) => m === value);
  if (mode === undefined) {
    throw new KgError({
      code: 'CLI_BAD_OPTION',
      severity: 'error',
      message: `--symmetric must be one of ${SYMMETRIC_EDGE_MODES.join(', ')}`,
    });
  }
  return mode;
}

export const EXPORT_COMMANDS: Record<string, Command> = {
  async export(_args, values) {
    const format = typeof values.format === 'string' ? values.format : '';
    const isImage = (IMAGE_FORMATS as readonly string[]).includes(format);
    if (!isImage && !DATA_FORMATS[format]) {
      throw new KgError({
        code: 'CLI_BAD_OPTION',
        severity: 'error',
        message: `--format must be one of ${[...Object.keys(DATA_FORMATS), ...IMAGE_FORMATS].join(', ')}`,
      });
    }
    const lang = langOf(values);
    const scale = integer(values, 'scale', 2, 1, 4);
    const symmetric = symmetricMode(values.symmetric);
    const compiled = await loadData(values);
    const graph = buildGraph(compiled);
    const { options, name, title } = selection(graph, values, lang);
    const chosen = selectForExport(graph, options);
    const subset = subgraph(compiled, chosen);
    let bytes: Uint8Array;
    let extension: string;
    if (isImage) {
      const { renderImage } = await import('./render-image.ts');
      bytes = await renderImage({
        graph: subset,
        lang,
        image: {
          format: format as (typeof IMAGE_FORMATS)[number],
          scale,
          transparent: false,
          background: '#ffffff',
          keepPathHighlight: Boolean(options.path),
          focus: options.focus?.id,
          decor: { title: typeof values.title === 'string' ? values.title : (title ?? compiled.title), legend: true, sources: true, lang },
        },
        ...(options.path ? { highlight: [...chosen.nodes, ...chosen.edges] } : {}),
      });
      extension = format === 'jpeg' ? 'jpg' : format;
    } else {
      const exporter = EXPORTERS.find((e) => e.id === DATA_FORMATS[format])!;
      const out = exporter.run(subset, { lang, symmetric });
      bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
      extension = exporter.extension;
    }
    const file = typeof values.output === 'string' ? values.output : `${name}.${extension}`;
    if (file === '-') outData(bytes, isImage && format !== 'svg');
    else {
      writeFileSync(file, bytes);
      err(`kg export: ${chosen.nodes.size} entities, ${chosen.edges.size} relations → ${file}`);
    }
    return 0;
  },
};
