// Pins the importer and exporter registries: unique ids, and every entry runs.
import { describe, expect, it } from 'vitest';
import { EXPORTERS, IMPORTERS, IMPORT_EXTENSIONS } from './registry.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('EXPORTERS', () => {
  it('has unique ids and every exporter produces non-empty output', () => {
    expect(new Set(EXPORTERS.map((e) => e.id)).size).toBe(EXPORTERS.length);
    for (const exporter of EXPORTERS) expect(exporter.run(SAMPLE).length).toBeGreaterThan(0);
  });

  it('has importers that read back what the text exporters of the same format write', () => {
    for (const exporter of EXPORTERS) {
      const importer = IMPORTERS.find((i) => i.id === exporter.id);
      if (!importer) continue;
      const output = exporter.run(SAMPLE, { lang: 'zh' });
      if (typeof output !== 'string') continue;
      const { graph } = importer.run(output, { fileName: `x.${exporter.extension}` });
      expect(graph.entities.map((e) => e.id)).toEqual(['a', 'b']);
    }
  });
});

describe('IMPORTERS', () => {
  it('lists the extensions a file picker should accept', () => {
    expect(IMPORT_EXTENSIONS).toEqual(['json', 'gexf', 'graphml', 'xml', 'csv', 'tsv', 'txt']);
  });
});
