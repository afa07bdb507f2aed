import { describe, expect, it } from 'vitest';
import { serverPathParams } from './server-path.ts';

const none = { hiddenEntityTypes: [], hiddenRelationTypes: [], modalities: ['fact', 'opinion', 'prediction', 'question'] as const };

describe('serverPathParams', () => {
  it('sends the ends and the query flags, nothing for defaults', () => {
    const params = serverPathParams(
      { from: 'a', to: 'b', options: { mode: 'k', k: '3' }, selected: 0 },
      { ...none, modalities: [...none.modalities] },
    );
    expect(params.toString()).toBe('from=a&to=b&mode=k&k=3');
  });

  it('adds the hidden types and the modality filter to the query, as a local path search does', () => {
    const params = serverPathParams(
      { from: 'a', to: 'b', options: { 'exclude-relations': 'funds' }, selected: 0 },
      { hiddenEntityTypes: ['person'], hiddenRelationTypes: ['deploys'], modalities: ['fact'] },
    );
    expect(Object.fromEntries(params)).toEqual({
      from: 'a',
      to: 'b',
      'exclude-types': 'person',
      'exclude-relations': 'deploys,funds',
      modality: 'fact',
    });
  });

  it('leaves the filters out when the query ignores them', () => {
    const params = serverPathParams(
      { from: 'a', to: 'b', options: { 'ignore-filters': 'true' }, selected: 0 },
      { hiddenEntityTypes: ['person'], hiddenRelationTypes: [], modalities: ['fact'] },
    );
    expect(params.toString()).toBe('from=a&to=b');
  });
});
