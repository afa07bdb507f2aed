// A path card as a PNG: title, the hops with their footnote numbers, and the quoted evidence with sources.
import type { PathCard } from '../graph/path-markdown.ts';
import { DECOR_FONT, wrap } from './export-decor.ts';

const WIDTH = 720;
const PAD = 24;

/** Paints the card on a canvas and returns it as a PNG Blob (at `scale`× for sharp slides). */
export async function pathCardPng(card: PathCard, scale = 2): Promise<Blob> {
  const lines: Array<{ text: string; font: string; color: string; gap: number }> = [];
  lines.push({ text: card.title, font: `bold 20px ${DECOR_FONT}`, color: '#111827', gap: 30 });
  card.hops.forEach((hop, i) => {
    const marks = hop.notes.map((n) => `[${n}]`).join('');
    for (const [j, part] of wrap(`${i + 1}. ${hop.text} ${marks}`, WIDTH - 2 * PAD).entries()) {
      lines.push({ text: part, font: `15px ${DECOR_FONT}`, color: '#1f2937', gap: j === 0 ? 26 : 20 });
    }
  });
  for (const note of card.notes) {
    for (const [j, part] of wrap(`[${note.number}] “${note.quote}” — ${note.source}`, WIDTH - 2 * PAD).entries()) {
      lines.push({ text: part, font: `12px ${DECOR_FONT}`, color: '#475569', gap: j === 0 ? 22 : 16 });
    }
  }
  const height = PAD + lines.reduce((h, l) => h + l.gap, 0) + PAD;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#f97316';
  ctx.fillRect(0, 0, 6, height);
  let y = PAD;
  for (const line of lines) {
    y += line.gap;
    ctx.font = line.font;
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, PAD, y - 6);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser produced no image');
  return blob;
}
