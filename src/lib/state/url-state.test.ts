// Pins the URL hash ⇄ view state mapping: round trips, and broken or hostile links that load as defaults with a notice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UrlState } from './url-state.ts';
import { DEFAULT_STATE, MAX_HASH_LENGTH, parseHash, toHash } from './url-state.ts';
import { fuzzParameters } from '../../../tests/fixtures/fuzz.ts';

const FULL: UrlState = {
  dataset: 'my-import',
  entity: 'deepseek',
  relation: 'high-flyer--funds--deepseek',
  depth: 2,
  hiddenEntityTypes: ['person', 'media'],
  hiddenRelationTypes: ['comments-on'],
  modalities: ['fact', 'opinion'],
  lang: 'zh',
  camera: { zoom: 1.5, x: 10.5, y: -20 },
  path: { from: 'high-flyer', to: 'jd-cloud', options: { mode: 'k', k: '3', direction: 'forward' }, selected: 1 },
};

describe('toHash and parseHash', () => {
  it('round-trips a full state', () => {
    const { state, notices } = parseHash(`#${toHash(FULL)}`);
    expect(state).toEqual(FULL);
    expect(notices).toEqual([]);
  });

  it('writes keys in a stable order', () => {
    expect(toHash(FULL)).toBe(
      'data=my-import&e=deepseek&r=high-flyer--funds--deepseek&d=2&ht=person,media&hr=comments-on&m=fact,opinion&lang=zh' +
        '&from=high-flyer&to=jd-cloud&p.mode=k&p.k=3&p.direction=forward&pr=1&cam=1.5,10.5,-20',
    );
  });

  it('keeps a server source (same-origin paths only) first in the link', () => {
    const { state, notices } = parseHash('#source=/api&e=deepseek');
    expect(state.source).toBe('/api');
    expect(notices).toEqual([]);
    expect(toHash({ ...DEFAULT_STATE, source: '/api', entity: 'deepseek' })).toBe('source=/api&e=deepseek');
    for (const bad of ['https://evil.example/api', '//evil.example', 'api', '/api?x=1', 'javascript:alert(1)']) {
      const parsed = parseHash(`#source=${encodeURIComponent(bad)}`);
      expect(parsed.state.source).toBeUndefined();
      expect(parsed.notices).toHaveLength(1);
    }
  });

  it('round-trips ids with spaces, Chinese text and plus signs', () => {
    const state: UrlState = { ...DEFAULT_STATE, entity: '深度求索 C++', hiddenEntityTypes: ['公司'] };
    expect(parseHash(toHash(state)).state).toEqual(state);
  });

  it('writes the default state as an empty hash, and reads an empty hash as the defaults', () => {
    expect(toHash(DEFAULT_STATE)).toBe('');
    expect(parseHash('')).toEqual({ state: DEFAULT_STATE, notices: [] });
    expect(parseHash('#')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });
});

describe('ids in links', () => {
  it.each([
    ['quotes and markup characters', `it's <b>"x"</b> \`y\``],
    ['a comma, an ampersand, an equals sign and a percent sign', 'a,b&c=d%e'],
    ['plus signs and spaces', 'C++ and  two spaces'],
    ['a 300-character id', 'x'.repeat(300)],
    ['Chinese text', '深度求索，杭州'],
    ['prototype member names', '__proto__'],
  ])('round-trips an entity, relation, path and type ids with %s', (_, id) => {
    const state: UrlState = {
      ...DEFAULT_STATE,
      entity: id,
      relation: id,
      hiddenEntityTypes: [id, 'person'],
      hiddenRelationTypes: [`${id},${id}`],
      path: { from: id, to: `${id}2`, options: {}, selected: 0 },
    };
    expect(parseHash(toHash(state))).toEqual({ state, notices: [] });
  });

  it('round-trips any non-empty id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ minLength: 1, unit: 'binary' }), (a, b) => {
        const state: UrlState = { ...DEFAULT_STATE, entity: a, hiddenEntityTypes: [b] };
        expect(parseHash(toHash(state)).state).toEqual(state);
      }),
      fuzzParameters(300, 20261205),
    );
  });

  it('keeps the rest of the view in the link when a 20 KB id cannot fit, without recursing', () => {
    const huge = 'n'.repeat(20_000);
    const state: UrlState = { ...DEFAULT_STATE, entity: huge, depth: 1, lang: 'zh', hiddenEntityTypes: ['person'] };
    const hash = toHash(state);
    expect(hash.length).toBeLessThanOrEqual(MAX_HASH_LENGTH);
    expect(parseHash(hash).state).toEqual({ ...DEFAULT_STATE, depth: 1, lang: 'zh', hiddenEntityTypes: [] });
    // A shorter selection afterwards is written again: the URL follows the view.
    expect(parseHash(toHash({ ...state, entity: 'deepseek' })).state.entity).toBe('deepseek');
  });
});

describe('parseHash on broken links', () => {
  it.each([
    ['a stray percent sign', '#%'],
    ['broken percent-encoding', '#e=%E0%A4%A'],
    ['magic keys', '#__proto__=1&constructor=2'],
    ['query-string style prototype keys', '?__proto__[x]=1'],
    ['bracketed prototype keys', '#__proto__[polluted]=1&constructor[prototype][polluted]=1'],
    ['a focus depth out of range', '#d=99'],
    ['an unknown language', '#lang=fr'],
    ['a camera with NaN', '#cam=NaN,1,2'],
    ['a path start without an end', '#from='],
    ['a path end without a start', '#to=deepseek'],
    ['no valid modality', '#m=rumour'],
  ])('loads the defaults with a notice for %s', (_, hash) => {
    const { state, notices } = parseHash(hash);
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });

  it('ignores a 100 KB hash whole, with a notice', () => {
    const { state, notices } = parseHash(`#e=${'a'.repeat(100_000)}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices).toEqual(['The link was too long (100002 characters) and was ignored.']);
  });

  it('keeps the valid parts of a link when other parts are broken', () => {
    const { state, notices } = parseHash('#e=deepseek&d=99&%=1&lang=zh&cam=NaN,1,2&ht=person');
    expect(state).toEqual({ ...DEFAULT_STATE, entity: 'deepseek', lang: 'zh', hiddenEntityTypes: ['person'] });
    expect(notices).toHaveLength(3);
  });

  it('keeps only the known modalities of a partly valid filter', () => {
    expect(parseHash('#m=opinion,rumour,fact').state.modalities).toEqual(['fact', 'opinion']);
  });

  it('keeps a path query but falls back to the first result for a bad result index', () => {
    expect(parseHash('#from=a&to=b&pr=abc').state.path).toEqual({ from: 'a', to: 'b', options: {}, selected: 0 });
  });
});

describe('parseHash on arbitrary input', () => {
  // FUZZ_RUNS / FUZZ_SEED scale this up for a longer run (README, Testing).
  const FUZZ = fuzzParameters(500, 20250201);
  const KEYS = ['e', 'r', 'd', 'ht', 'hr', 'm', 'lang', 'data', 'from', 'to', 'pr', 'p.mode', 'p.k', '__proto__', 'constructor'];
  const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('fact', 'zh', '2', '-1', '%', '%E0%A4'));
  const linkLike = fc
    .array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 8 })
    .map((parts) => `#${parts.map(([k, v]) => `${k}=${v}`).join('&')}`);
  const anyHash = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), linkLike);

  it('never throws and never touches Object.prototype', () => {
    fc.assert(
      fc.property(anyHash, (hash) => {
        parseHash(hash);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      FUZZ,
    );
  });

  it('reaches a fixed point after one round of toHash(parseHash(x))', () => {
    fc.assert(
      fc.property(anyHash, (hash) => {
        const once = toHash(parseHash(hash).state);
        expect(toHash(parseHash(once).state)).toBe(once);
      }),
      FUZZ,
    );
  });

  // The camera is rounded the same way when read and written, so these reach a fixed point after one round.
  it.each([
    ['a tiny zoom that rounds to 0', 'cam=0.0004,1,2'],
    ['a zoom that rounds up to 100', 'cam=99.9999,0,0'],
    ['a small negative coordinate that rounds to -0', 'cam=1,-0.01,2'],
  ])('reaches a fixed point for %s', (_, hash) => {
    const once = toHash(parseHash(hash).state);
    expect(toHash(parseHash(once).state)).toBe(once);
  });

  // Chinese ids take 9 characters each once percent-encoded; a state that would serialise past the length parseHash
  // accepts drops its type lists instead of producing a link that is ignored whole.
  it('writes no hash longer than parseHash accepts', () => {
    const state = parseHash(`ht=${Array(1_200).fill('深度求索').join(',')}`).state;
    expect(toHash(state).length).toBeLessThanOrEqual(MAX_HASH_LENGTH);
  });
});
