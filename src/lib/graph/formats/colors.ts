// Colour validation for values read from files, and the fixed palette given to imported entity types.
import { NODE_SHAPES, type NodeShape } from '../types.ts';

/** Colour strings longer than this are not even looked at. */
export const MAX_COLOR_LENGTH = 64;

/** A colour-blind-friendly palette (Okabe–Ito, then Tableau 10), assigned to entity types in order. */
export const TYPE_PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#9c755f',
] as const;

/** The palette colour and shape for the `index`-th type; deterministic, cycling when types outnumber them. */
export function typeStyle(index: number): { color: string; shape: NodeShape } {
  return {
    color: TYPE_PALETTE[index % TYPE_PALETTE.length]!,
    shape: NODE_SHAPES[Math.floor(index / TYPE_PALETTE.length) % NODE_SHAPES.length]!,
  };
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const RGB = /^rgba?\(\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*(?:,\s*(?:0|1|0?\.\d+)\s*)?\)$/i;

/**
 * Normalises a colour from a file to `#rrggbb`. Accepts only `#rgb`, `#rrggbb` and `rgb(r, g, b)` (an alpha
 * part is ignored); anything else, including overlong strings, gives undefined so the caller uses a default.
 */
export function normalizeColor(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_COLOR_LENGTH) return undefined;
  const text = value.trim();
  const hex = HEX.exec(text);
  if (hex) {
    const digits = hex[1]!.toLowerCase();
    return digits.length === 3 ? `#${[...digits].map((d) => d + d).join('')}` : `#${digits}`;
  }
  const rgb = RGB.exec(text);
  if (rgb) {
    const parts = [rgb[1], rgb[2], rgb[3]].map(Number);
    if (parts.every((p) => p <= 255)) return rgbToHex(parts[0]!, parts[1]!, parts[2]!);
  }
  return undefined;
}

/** `#rrggbb` from channel values, or undefined if any channel is not a number in 0–255. */
export function rgbToHex(r: number, g: number, b: number): string | undefined {
  const channels = [r, g, b];
  if (!channels.every((c) => Number.isFinite(c) && c >= 0 && c <= 255)) return undefined;
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The channels of a `#rrggbb` colour. */
export function hexToRgb(color: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(color.slice(1, 7), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}
