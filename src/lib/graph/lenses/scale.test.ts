// The size scale behind node sizes and the legend: square root from 16 to 60 px by default.
import { describe, expect, it } from 'vitest';
import { scaleOf } from './scale.ts';

describe('scaleOf', () => {
  it('maps the smallest value to 16 px and the largest to 60 px', () => {
    const scale = scaleOf([2, 10, 6]);
    expect([scale.min, scale.max, scale.size(2), scale.size(10)]).toEqual([2, 10, 16, 60]);
  });

  it('grows with the square root, so a quarter of the range gets half the extra size', () => {
    expect(scaleOf([0, 4]).size(1)).toBeCloseTo(16 + 44 / 2, 12);
  });

  it('clamps values outside the range and gives non-finite ones the smallest size', () => {
    const scale = scaleOf([0, 1]);
    expect([scale.size(-5), scale.size(5), scale.size(NaN)]).toEqual([16, 60, 16]);
  });

  it('reads a lens result map, ignoring non-finite values', () => {
    const scale = scaleOf(
      new Map([
        ['a', 1],
        ['b', Infinity],
        ['c', 3],
      ]),
    );
    expect([scale.min, scale.max]).toEqual([1, 3]);
  });

  it('gives three legend stops with their sizes', () => {
    expect(scaleOf([0, 4], { minSize: 10, maxSize: 30 }).legend).toEqual([
      { value: 0, size: 10 },
      { value: 2, size: 10 + 20 * Math.SQRT1_2 },
      { value: 4, size: 30 },
    ]);
  });

  it('sizes everything the same, smallest, when no value stands out', () => {
    const scale = scaleOf([3, 3]);
    expect([scale.size(3), scale.legend]).toEqual([16, [{ value: 3, size: 16 }]]);
    expect(scaleOf([]).legend).toEqual([{ value: 0, size: 16 }]);
  });
});
