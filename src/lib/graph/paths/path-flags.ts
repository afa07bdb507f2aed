// Path options as flat strings (CLI flags, URL parameters) and back, so the CLI, the URL and the UI agree.
import { KgError } from '../errors.ts';
import type { Modality } from '../types.ts';
import type { PathOptions } from './path-options.ts';

/** The flag names, as the CLI spells them (`--max-hops`) and the URL stores them (`p.max-hops`). */
export const PATH_FLAGS = [
  'mode',
  'k',
  'direction',
  'relations',
  'exclude-relations',
  'exclude-types',
  'avoid',
  'max-hops',
  'modality',
  'negated',
] as const;
export type PathFlag = (typeof PATH_FLAGS)[number];
export type PathFlags = Partial<Record<PathFlag, string>>;

const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function whole(value: string, flag: string): number {
  // Decimal digits only: `Number` alone would take 0x2, 1e1, 1.5 and " ".
  if (!/^\d{1,9}$/.test(value.trim())) {
    throw new KgError({
      code: 'PATH_BAD_OPTION',
      severity: 'error',
      message: `paths: --${flag} must be a whole number (got "${value.slice(0, 20)}")`,
      field: flag,
    });
  }
  return Number(value);
}

/** `--negated include` walks relations the source denies; `exclude` is the default. */
function negatedFlag(value: string): boolean {
  const v = value.trim();
  if (v === 'include' || v === 'exclude') return v === 'include';
  throw new KgError({
    code: 'PATH_BAD_OPTION',
    severity: 'error',
    message: `paths: --negated must be "include" or "exclude" (got "${value.slice(0, 20)}")`,
    field: 'negated',
  });
}

/** Turns flags into partial path options. Value checks (known types, bounds) are left to `resolvePathOptions`. */
export function pathOptionsFromFlags(flags: PathFlags): Partial<PathOptions> {
  const options: Partial<PathOptions> = {};
  if (flags.mode) options.mode = flags.mode as PathOptions['mode'];
  if (flags.k) options.k = whole(flags.k, 'k');
  if (flags.direction) options.direction = flags.direction as PathOptions['direction'];
  if (flags.relations) options.relations = list(flags.relations);
  if (flags['exclude-relations']) options.excludeRelations = list(flags['exclude-relations']);
  if (flags['exclude-types']) options.excludeTypes = list(flags['exclude-types']);
  if (flags.avoid) options.avoid = list(flags.avoid);
  if (flags['max-hops']) options.maxHops = whole(flags['max-hops'], 'max-hops');
  if (flags.modality) options.modalities = list(flags.modality) as Modality[];
  if (flags.negated !== undefined) options.includeNegated = negatedFlag(flags.negated);
  return options;
}

/** The inverse of `pathOptionsFromFlags` for the options a user set (defaults omitted by the caller). */
export function pathFlagsFromOptions(options: Partial<PathOptions>): PathFlags {
  const flags: PathFlags = {};
  if (options.mode) flags.mode = options.mode;
  if (options.k !== undefined) flags.k = String(options.k);
  if (options.direction) flags.direction = options.direction;
  if (options.relations?.length) flags.relations = options.relations.join(',');
  if (options.excludeRelations?.length) flags['exclude-relations'] = options.excludeRelations.join(',');
  if (options.excludeTypes?.length) flags['exclude-types'] = options.excludeTypes.join(',');
  if (options.avoid?.length) flags.avoid = options.avoid.join(',');
  if (options.maxHops !== undefined) flags['max-hops'] = String(options.maxHops);
  if (options.modalities?.length) flags.modality = options.modalities.join(',');
  if (options.includeNegated) flags.negated = 'include';
  return flags;
}
