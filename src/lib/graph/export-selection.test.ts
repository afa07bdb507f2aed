// Pins what a scripted export covers by default: every relation, whatever its modality.
import { describe, expect, it } from 'vitest';
import { selectForExport } from './export-selection.ts';
import { ent, rel, relType, tinyGraph } from './graph.fixture.ts';

describe('selectForExport', () => {
  const graph = tinyGraph(
    [ent('a', 'org'), ent('b', 'org'), ent('c', 'org')],
    [rel('a', 'asks', 'b', 'question'), rel('b', 'funds', 'c', 'prediction')],
    [relType('asks'), relType('funds')],
  );

  it('keeps question relations when no modality is chosen', () => {
    expect([...selectForExport(graph, {}).edges].sort()).toEqual(['a--asks--b', 'b--funds--c']);
  });

  it('keeps only the chosen modalities when some are given', () => {
    expect([...selectForExport(graph, { modalities: ['question'] }).edges]).toEqual(['a--asks--b']);
  });
});
