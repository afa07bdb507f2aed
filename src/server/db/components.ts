// Connected components by union-find over Int32Arrays: what `kg db load` stores per entity, so `stats` and "not
// connected" are answered without walking the graph.

/** Disjoint sets over 0..n-1 with path halving and union by size. */
export class UnionFind {
  readonly #parent: Int32Array;
  readonly #size: Int32Array;

  constructor(n: number) {
    this.#parent = new Int32Array(n);
    this.#size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.#parent[i] = i;
  }

  find(i: number): number {
    const parent = this.#parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.#size[ra]! < this.#size[rb]!) [ra, rb] = [rb, ra];
    this.#parent[rb] = ra;
    this.#size[ra]! += this.#size[rb]!;
  }

  /**
   * Dense component numbers (0, 1, …, by first member) for every element, and the component sizes largest first
   * (the engine's `graphStats` order).
   */
  components(): { component: Int32Array; sizes: number[]; sizeById: number[] } {
    const n = this.#parent.length;
    const component = new Int32Array(n).fill(-1);
    const byRoot = new Map<number, number>();
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      const root = this.find(i);
      let c = byRoot.get(root);
      if (c === undefined) {
        c = counts.length;
        byRoot.set(root, c);
        counts.push(0);
      }
      component[i] = c;
      counts[c]! += 1;
    }
    return { component, sizes: [...counts].sort((a, b) => b - a), sizeById: counts };
  }
}
