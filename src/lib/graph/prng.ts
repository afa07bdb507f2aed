// A small seeded pseudo-random generator, so randomised algorithms (layouts, Louvain, benchmarks) repeat exactly.

/** mulberry32: a fast 32-bit PRNG returning floats in [0, 1); the same seed always yields the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
