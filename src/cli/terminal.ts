// The only place the `kg` CLI writes to stdout and stderr: every line passes one filter that makes control characters
// visible, so a label can never move the cursor, set the window title (OSC 0) or write the clipboard (OSC 52).
import { KgError } from '../lib/graph/errors.ts';

/**
 * C0 controls except TAB and LF (ESC starts every CSI/OSC sequence; BEL and ESC \ end OSC), DEL, C1 controls (U+009B is a
 * one-character CSI, U+009D a one-character OSC), and the bidi controls that reorder what a reader sees (Trojan Source).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces each unsafe character with its `\uXXXX` escape (ESC → `\u001b`). Inside `--json` output these characters can
 * only occur in strings, where `\uXXXX` is the standard JSON escape: the output stays valid JSON and decodes to the
 * same value.
 */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes one line to stdout, filtered. */
export function out(text: string): void {
  process.stdout.write(`${neutralise(text)}\n`);
}

/** Writes one line to stderr, filtered. */
export function err(text: string): void {
  process.stderr.write(`${neutralise(text)}\n`);
}

/**
 * Writes an export's bytes to stdout (`-o -`). Piped, they pass unchanged (they are the file); on a terminal, text is
 * filtered like every other line and binary images are refused.
 */
export function outData(bytes: Uint8Array, binary: boolean): void {
  if (!process.stdout.isTTY) {
    process.stdout.write(bytes);
    return;
  }
  if (binary)
    throw new KgError({
      code: 'CLI_USAGE',
      severity: 'error',
      message: 'will not write an image to a terminal',
      hint: 'pipe the output or name a file with -o',
    });
  process.stdout.write(neutralise(new TextDecoder().decode(bytes)));
}
