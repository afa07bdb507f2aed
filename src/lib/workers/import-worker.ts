// Web Worker: decodes and parses an imported graph file off the main thread, so a large file never freezes the tab.
import { KgError } from '../graph/errors.ts';
import { decodeText, importCsvZip, importGraph, looksLikeZip } from '../graph/formats/index.ts';
import { hasHan } from '../graph/has-han.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';

const post = (message: ImportResponse): void => (self as unknown as { postMessage(m: ImportResponse): void }).postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { bytes, fileName, options, csvNodes } = event.data;
  try {
    post({ kind: 'progress', stage: 'decoding' });
    // Our CSV zip (nodes, edges, sources, title) goes back in whole; any other file is text.
    const zipped = looksLikeZip(bytes);
    const text = zipped ? '' : decodeText(bytes, fileName).text;
    const nodesText = csvNodes ? decodeText(csvNodes.bytes, csvNodes.fileName).text : undefined;
    post({ kind: 'progress', stage: 'parsing' });
    const result = zipped
      ? importCsvZip(bytes, { ...options, fileName })
      : importGraph(text, {
          ...options,
          fileName,
          ...(nodesText !== undefined ? { csvNodes: nodesText, csvNodesFileName: csvNodes?.fileName } : {}),
        });
    post({ kind: 'progress', stage: 'indexing' });
    // Chinese names get pinyin so search works as on the bundled graph; the dictionary loads only when needed.
    if (result.graph.entities.some((e) => hasHan(e.name.en) || hasHan(e.name.zh) || e.aliases.some(hasHan))) {
      const { pinyinForms } = await import('../graph/pinyin.ts');
      for (const e of result.graph.entities) {
        const forms = [...new Set([e.name.en, e.name.zh, ...e.aliases].flatMap(pinyinForms))];
        if (forms.length) e.pinyin = forms;
      }
    }
    const keys = new Set<string>();
    for (const e of result.graph.entities) for (const k of Object.keys(e.attributes ?? {})) keys.add(k);
    post({ kind: 'done', result, attributeKeys: [...keys].sort() });
  } catch (error) {
    if (error instanceof KgError) post({ kind: 'error', problems: error.problems });
    else
      post({
        kind: 'error',
        problems: [
          { code: 'IMPORT_FAILED', severity: 'error', message: error instanceof Error ? error.message : String(error), file: fileName },
        ],
      });
  }
};
