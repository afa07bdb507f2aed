// The time slider's stops: distinct dates with counts, in an order where moving right only adds relations.
import { describe, expect, it } from 'vitest';
import { relationsAsOf } from './as-of.ts';
import { datedTimeline } from './dated-timeline.ts';
import { shape } from './lenses.fixture.ts';

describe('datedTimeline', () => {
  it('lists each distinct date once with its count, and counts undated relations apart', () => {
    const timeline = datedTimeline(shape('a-b@2023 b-c@2023 c-d@2019 d-e e-f'));
    expect(timeline.stops.map((s) => [s.date, s.count])).toEqual([
      ['2019', 1],
      ['2023', 2],
    ]);
    expect(timeline.undated).toBe(2);
  });

  it('orders stops by the day they end: a month before its year, a decade after its years', () => {
    const timeline = datedTimeline(shape('a-b@2023 b-c@2023-06 c-d@2020s d-e@2021-03-04'));
    expect(timeline.stops.map((s) => s.date)).toEqual(['2021-03-04', '2023-06', '2023', '2020s']);
    expect(timeline.stops.map((s) => s.start)).toEqual(['2021-03-04', '2023-06-01', '2023-01-01', '2020-01-01']);
  });

  it('counts at each stop what relationsAsOf keeps, never fewer than at the stop before', () => {
    const graph = shape('a-b@2023 b-c@2023-06 c-d@2020s d-e@2021-03-04 e-f@1999 f-g');
    const { stops } = datedTimeline(graph);
    for (const stop of stops) expect(stop.asOf).toBe(relationsAsOf(graph, stop.date, { includeUndated: false }).size);
    expect(stops.map((s) => s.asOf)).toEqual([1, 3, 5, 5, 5]);
  });

  it('is empty for a graph without dates', () => {
    expect(datedTimeline(shape('a-b'))).toEqual({ stops: [], undated: 1 });
  });
});
