// Lens parameters as data (defaults, bounds, choices) and the validation that turns user input into resolved values.
import { didYouMean, KgError, type Problem } from '../errors.ts';
import type { Bilingual } from '../types.ts';

interface ParameterBase {
  id: string;
  label: Bilingual;
}

/** A number within inclusive bounds; `step` is a hint for sliders, `integer` is enforced. */
export interface NumberParameter extends ParameterBase {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
}

export interface BooleanParameter extends ParameterBase {
  type: 'boolean';
  default: boolean;
}

export interface ChoiceParameter extends ParameterBase {
  type: 'choice';
  default: string;
  choices: readonly { value: string; label: Bilingual }[];
}

export type LensParameter = NumberParameter | BooleanParameter | ChoiceParameter;
export type ParameterValue = number | boolean | string;
/** Parameter values by id, every parameter present and valid. */
export type LensParams = Readonly<Record<string, ParameterValue>>;

function problem(field: string, message: string, hint?: string): Problem {
  return { code: 'LENS_BAD_PARAMETER', severity: 'error', message: `lenses: ${message}`, field, ...(hint ? { hint } : {}) };
}

const guess = (word: string, candidates: Iterable<string>): string | undefined => {
  const best = didYouMean(word, candidates);
  return best === undefined ? undefined : `did you mean "${best}"?`;
};

/** One value checked against its parameter; strings are accepted for numbers and booleans (from a URL or the CLI). */
function resolveOne(lens: string, p: LensParameter, raw: unknown, problems: Problem[]): ParameterValue {
  const where = `${lens}.${p.id}`;
  if (raw === undefined) return p.default;
  if (p.type === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    const whole = p.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(n) || (p.integer && !Number.isInteger(n)) || n < p.min || n > p.max) {
      problems.push(problem(where, `${where} must be ${whole} from ${p.min} to ${p.max} (got ${JSON.stringify(raw)})`));
      return p.default;
    }
    return n;
  }
  if (p.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(problem(where, `${where} must be true or false (got ${JSON.stringify(raw)})`));
    return p.default;
  }
  const values = p.choices.map((c) => c.value);
  if (typeof raw === 'string' && values.includes(raw)) return raw;
  problems.push(
    problem(
      where,
      `${where} must be one of ${values.join(', ')} (got ${JSON.stringify(raw)})`,
      typeof raw === 'string' ? guess(raw, values) : undefined,
    ),
  );
  return p.default;
}

/**
 * Every parameter of a lens resolved from user input: defaults for those left out, and `LENS_BAD_PARAMETER`
 * (listing every problem, with did-you-mean for misspelt names and choices) for unknown names or bad values.
 */
export function resolveParameters(
  lens: string,
  parameters: readonly LensParameter[],
  raw: Readonly<Record<string, unknown>> = {},
): LensParams {
  const problems: Problem[] = [];
  const known = parameters.map((p) => p.id);
  for (const name of Object.keys(raw)) {
    if (!known.includes(name)) {
      const hint = guess(name, known) ?? (known.length ? `${lens} takes ${known.join(', ')}` : `${lens} takes no parameters`);
      problems.push(problem(`${lens}.${name}`, `unknown parameter "${name}" for lens ${lens}`, hint));
    }
  }
  const resolved: Record<string, ParameterValue> = {};
  for (const p of parameters) resolved[p.id] = resolveOne(lens, p, raw[p.id], problems);
  if (problems.length) throw new KgError(problems);
  return resolved;
}

/** The defaults of every parameter, e.g. to show a lens's settings before the user changes any. */
export function defaultParameters(parameters: readonly LensParameter[]): LensParams {
  return Object.fromEntries(parameters.map((p) => [p.id, p.default]));
}

// Readers for resolved parameters inside a lens; a miss is a bug in the lens's descriptor, not user input.
export function numberParam(params: LensParams, id: string): number {
  const v = params[id];
  if (typeof v !== 'number') throw new Error(`lenses: parameter "${id}" is not a resolved number`);
  return v;
}

export function booleanParam(params: LensParams, id: string): boolean {
  const v = params[id];
  if (typeof v !== 'boolean') throw new Error(`lenses: parameter "${id}" is not a resolved boolean`);
  return v;
}

export function choiceParam<T extends string>(params: LensParams, id: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === params[id]);
  if (found === undefined) throw new Error(`lenses: parameter "${id}" is not one of ${choices.join(', ')}`);
  return found;
}
