// Vitest global setup of the `db` project: one throwaway PostgreSQL for all database tests, stopped afterwards.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway test database (superuser). */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres('kg');
  project.provide('pgUrl', server.url);
  const stop = (): void => server.stop();
  // A test run interrupted by a signal still removes the server, then ends as the signal would have ended it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stop();
      process.kill(process.pid, signal);
    });
  return stop;
}
