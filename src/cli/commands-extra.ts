// `kg path` and `kg export`: wired to the path-finding and format modules.
import type { Values } from './main.ts';

export const EXTRA_COMMANDS: Record<string, (args: string[], values: Values) => Promise<number>> = {};
