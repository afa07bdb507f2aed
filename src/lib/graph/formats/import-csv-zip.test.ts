// The CSV zip round trip on the bundled graph: every field the model has comes back, compared field by field.
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../types.ts';
import { exportCsvZip } from './export-csv.ts';
import { importCsvZip, looksLikeZip } from './import-csv-zip.ts';
import { bundledGraphWithExtras } from '../../../../tests/fixtures/bundled-graph.ts';
import { KgError, type Problem } from '../errors.ts';

function zipProblems(zip: Uint8Array, fileName: string): Problem[] {
  try {
    importCsvZip(zip, { fileName });
  } catch (error) {
    if (error instanceof KgError) return error.problems;
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** Everything the CSV zip promises to carry, keyed so a failure names the field that differs. */
function carried(graph: CompiledGraph): Record<string, unknown> {
  const used = new Set(graph.relations.map((r) => r.type));
  const usedEntityTypes = new Set(graph.entities.map((e) => e.type));
  return {
    title: graph.title,
    sources: graph.sources,
    entities: graph.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      description: e.description,
      background: e.background,
      url: e.url,
      attributes: e.attributes,
    })),
    relations: graph.relations.map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      modality: r.modality,
      basis: r.basis,
      negated: r.negated,
      date: r.date,
      note: r.note,
      evidence: r.evidence,
      attributes: r.attributes,
    })),
    symmetric: Object.fromEntries(graph.relationTypes.filter((t) => used.has(t.id)).map((t) => [t.id, t.symmetric])),
    typeColors: Object.fromEntries(graph.entityTypes.filter((t) => usedEntityTypes.has(t.id)).map((t) => [t.id, t.color])),
    positions: graph.positions,
  };
}

describe('importCsvZip', () => {
  it('brings the bundled graph back from its CSV zip: title, sources, every entity and relation field, direction, positions', () => {
    const graph = bundledGraphWithExtras();
    const zip = exportCsvZip(graph);
    expect(looksLikeZip(zip)).toBe(true);
    const { graph: back, format } = importCsvZip(zip, { fileName: 'graph.zip' });
    expect(format).toBe('csv');
    const [before, after] = [carried(graph), carried(back)];
    for (const key of Object.keys(before)) expect({ [key]: after[key] }).toEqual({ [key]: before[key] });
    expect(graph.relations.some((r) => r.evidence.length > 1)).toBe(true);
    expect(graph.relationTypes.some((t) => t.symmetric) && graph.relationTypes.some((t) => !t.symmetric)).toBe(true);
  });

  it('refuses a zip without edges.csv with a clear error, naming the file', () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect(zipProblems(zip, 'other.zip')).toEqual([
      expect.objectContaining({ code: 'IMPORT_CSV_MISSING_COLUMN', file: 'other.zip', message: 'the zip has no edges.csv' }),
    ]);
  });

  it('names the file inside the zip in a table problem', () => {
    const files = unzipSync(exportCsvZip(bundledGraphWithExtras()));
    files['nodes.csv'] = strToU8('id,type\r\n"unclosed,org\r\n');
    const problems = zipProblems(zipSync(files), 'graph.zip');
    expect(problems[0]).toMatchObject({ code: 'IMPORT_CSV_UNCLOSED_QUOTE', file: 'graph.zip/nodes.csv', line: 2 });
  });
});
