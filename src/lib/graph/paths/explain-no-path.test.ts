// Pins the no-path explanations: which constraint cuts two entities apart, as data and as a sentence.
import { describe, expect, it } from 'vitest';
import { explainNoPath } from './index.ts';
import { ecosystemGraph } from './paths.fixture.ts';

describe('explainNoPath', () => {
  it('says nothing when a path exists', () => {
    expect(explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud')).toBeNull();
  });

  it('names the hop count needed when the limit is too low', () => {
    expect(explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', { maxHops: 2 })).toEqual({
      kind: 'max-hops',
      needed: 3,
      limit: 2,
      sentence: 'High-Flyer and JD Cloud are connected in 3 hops; your limit is 2.',
    });
  });

  it('names the one modality that would connect them', () => {
    expect(explainNoPath(ecosystemGraph(), 'deepseek', 'kimi', { modalities: ['fact'] })).toEqual({
      kind: 'modality',
      needs: ['opinion'],
      sentence: 'DeepSeek and Kimi are connected if you allow opinions.',
    });
  });

  it('suggests following relations either way when the direction cuts them apart', () => {
    expect(explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', { direction: 'forward' })).toMatchObject({
      kind: 'direction',
      current: 'forward',
      sentence: 'High-Flyer and JD Cloud are connected if you follow relations in either direction.',
    });
  });

  it('names the relation type missing from the included ones', () => {
    expect(explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', { relations: ['funds', 'releases'] })).toEqual({
      kind: 'relation-types',
      needs: ['deploys'],
      sentence: 'High-Flyer and JD Cloud are connected if you include "deploys" relations.',
    });
  });

  it('names the excluded relation type that cuts them apart', () => {
    const reason = explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', { excludeRelations: ['deploys', 'founded'] });
    expect(reason).toMatchObject({ kind: 'excluded-relations', types: ['deploys'] });
    expect(reason?.sentence).toBe('High-Flyer and JD Cloud are connected if you stop excluding "deploys" relations.');
  });

  it('names the excluded entity type that cuts them apart', () => {
    const reason = explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', { excludeTypes: ['model', 'person'] });
    expect(reason).toMatchObject({ kind: 'excluded-entity-types', types: ['model'] });
    expect(reason?.sentence).toBe('High-Flyer and JD Cloud are connected if you allow "AI model" entities on the way.');
  });

  it('names the avoided entity that cuts them apart', () => {
    const reason = explainNoPath(ecosystemGraph(), 'high-flyer', 'kimi', { avoid: ['deepseek', 'jd-cloud'] });
    expect(reason).toMatchObject({ kind: 'avoided-entities', entities: ['deepseek'] });
    expect(reason?.sentence).toBe('High-Flyer and Kimi are connected if you stop avoiding DeepSeek.');
  });

  it('lists what the view hides when the view filter cuts them apart', () => {
    const view = { nodeVisible: (id: string) => id !== 'deepseek', edgeVisible: (id: string) => id !== 'r3' };
    expect(explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', { view })).toEqual({
      kind: 'view-filter',
      entities: ['deepseek'],
      relations: ['r3'],
      sentence: 'High-Flyer and JD Cloud are connected only through DeepSeek and 1 relation hidden by the current view.',
    });
  });

  it('names the constraints to relax together when no single one is enough', () => {
    const reason = explainNoPath(ecosystemGraph(), 'high-flyer', 'jd-cloud', {
      direction: 'forward',
      excludeRelations: ['releases'],
      maxHops: 5,
    });
    expect(reason).toEqual({
      kind: 'combined',
      constraints: ['direction', 'excluded-relations'],
      sentence:
        'High-Flyer and JD Cloud are connected only if you relax several constraints at once: the direction and the excluded relation types.',
    });
  });

  it('says when two entities are not connected at all', () => {
    expect(explainNoPath(ecosystemGraph(), 'lonely', 'deepseek', { direction: 'forward' })).toMatchObject({
      kind: 'not-connected',
    });
  });
});
