// Server mode's small pure parts, kept out of the app's first bundle's way: which API a page reads its graph from,
// and a path query as the server's /api/path takes it: the query's own flags, plus the view's type and modality filters
// (unless the query ignores filters), so a server path agrees with what the filters show, as a local one does.
import { PATH_FLAGS } from '../graph/paths/index.ts';
import { MODALITIES } from '../graph/types.ts';
import type { ViewFilter } from '../graph/view-filter.ts';
import { parseHash, SOURCE, type PathQuery } from './url-state.ts';

/** The URL parameters of /api/path for `query` under `filter`, in a stable order (they also key the answer). */
export function serverPathParams(
  query: PathQuery,
  filter: Pick<ViewFilter, 'hiddenEntityTypes' | 'hiddenRelationTypes' | 'modalities'>,
): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  const options = { ...query.options };
  if (options['ignore-filters'] !== 'true') {
    const merge = (key: string, extra: readonly string[]): void => {
      const items = new Set([...(options[key] ?? '').split(',').filter(Boolean), ...extra]);
      if (items.size) options[key] = [...items].sort().join(',');
    };
    merge('exclude-types', filter.hiddenEntityTypes);
    merge('exclude-relations', filter.hiddenRelationTypes);
    if (!options['modality'] && filter.modalities.length !== MODALITIES.length) options['modality'] = filter.modalities.join(',');
  }
  for (const flag of PATH_FLAGS) {
    const value = options[flag];
    if (value !== undefined && value !== '') params.set(flag, value);
  }
  return params;
}

/** The API base the page should read the graph from: `source=` in the hash, or the marker `kg serve` puts in index.html. */
export function serverBaseOf(hash: string, marker: string | null | undefined): string | undefined {
  const linked = parseHash(hash).state.source;
  if (linked) return linked;
  return marker && SOURCE.test(marker) ? marker : undefined;
}
