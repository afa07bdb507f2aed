// A tiny hand-built graph with every model feature (evidence, symmetric type, positions, attributes), for tests.
import type { CompiledGraph } from '../../types.ts';

/** Two organisations, a directed relation with evidence and a symmetric one; XML specials and Chinese in names. */
export const SAMPLE: CompiledGraph = {
  format: 'kg-compiled',
  version: 1,
  title: 'fuzz',
  entityTypes: [{ id: 'org', label: { en: 'Org', zh: '组织' }, color: '#112233', shape: 'ellipse' }],
  relationTypes: [
    { id: 'funds', label: { en: 'funds', zh: '投资' }, reverse: { en: 'funded by', zh: '被投资' }, symmetric: false, reflexive: false },
    { id: 'rivals', label: { en: 'rivals', zh: '竞争' }, reverse: { en: 'rivals', zh: '竞争' }, symmetric: true, reflexive: false },
  ],
  sources: [{ id: 's1', title: 'Report', publisher: 'P', date: '2024', language: 'en', url: 'https://example.org' }],
  entities: [
    {
      id: 'a',
      type: 'org',
      name: { en: 'A & "B"', zh: '甲' },
      aliases: ['AA'],
      description: { en: 'd', zh: '' },
      attributes: { weight: 2, ok: true },
    },
    { id: 'b', type: 'org', name: { en: '<b>', zh: '' }, aliases: [], description: { en: '', zh: '' } },
  ],
  relations: [
    { id: 'r1', source: 'a', target: 'b', type: 'funds', modality: 'fact', evidence: [{ source: 's1', quote: 'q' }], date: '2024' },
    { id: 'r2', source: 'b', target: 'a', type: 'rivals', modality: 'opinion', evidence: [] },
  ],
  positions: { a: { x: 1, y: 2 } },
};
