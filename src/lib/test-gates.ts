// Test-only gates: in e2e builds, long work (the worker layout, chunked drawing, an import) waits at named points
// that a test may hold, so the test acts *during* the work instead of racing it. In every other build `passGate`
// resolves at once and nothing is exposed on the page.

/** The points where long work may be held. */
export const GATES = [
  /** The worker layout's refined positions have arrived and are about to be applied (the draft is on screen). */
  'layout-final',
  /** A large graph's next chunk is about to go onto the canvas (the first chunk is on screen). */
  'draw-chunk',
  /** An import's parsed graph has arrived from the worker and is about to replace the shown one. */
  'import-result',
] as const;

export type GateName = (typeof GATES)[number];

/** What e2e tests reach as `window.__kgGates`. */
export interface GateControl {
  /** From now on, work reaching `name` waits there until released. */
  hold(name: GateName): void;
  /** Lets everything waiting at `name` go on, and stops holding it. */
  release(name: GateName): void;
  /** How many pieces of work wait at `name` now. */
  waiting(name: GateName): number;
}

const held = new Set<GateName>();
const queue = new Map<GateName, Array<() => void>>();

const control: GateControl = {
  hold(name) {
    held.add(name);
  },
  release(name) {
    held.delete(name);
    const waiters = queue.get(name) ?? [];
    queue.delete(name);
    for (const go of waiters) go();
  },
  waiting(name) {
    return queue.get(name)?.length ?? 0;
  },
};

/** Whether this build has gates: e2e builds only (`vite build --mode e2e`). */
const ENABLED = typeof window !== 'undefined' && import.meta.env?.MODE === 'e2e';

if (ENABLED) (window as unknown as { __kgGates?: GateControl }).__kgGates = control;

/**
 * Resolves when work may pass `name`: at once, unless an e2e test holds the gate. Callers must check afterwards
 * whether their work was cancelled meanwhile (a held gate is exactly when a cancel can arrive).
 */
export function passGate(name: GateName): Promise<void> {
  if (!ENABLED || !held.has(name)) return Promise.resolve();
  return new Promise((resolve) => {
    const waiters = queue.get(name) ?? [];
    waiters.push(resolve);
    queue.set(name, waiters);
  });
}
