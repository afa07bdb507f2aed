// The engine's public surface: everything the app, the CLI and the tests use from src/lib/graph.
export * from './types.ts';
export * from './errors.ts';
export * from './model.ts';
export * from './search.ts';
export * from './resolve-entity.ts';
export * from './neighbourhood.ts';
export * from './stats.ts';
export * from './view-filter.ts';
export * from './text-checks.ts';
export * from './entity-relations.ts';
export * from './subgraph.ts';
export * from './export-scope.ts';
export * from './export-selection.ts';
export * from './lenses/index.ts';
