// Measures exported pictures in Chromium: the text boxes of an SVG after their transforms (rotated edge labels stay
// rotated), the boxes a PNG export reports it drew, overlapping pairs among them, labels cut with "…", and legend
// swatches compared by their pixels with the shape Cytoscape itself draws for the type.
import type { Page } from 'playwright-core';
import { corners, polygonsOverlap, type Point } from '../../src/lib/view/label-placement.ts';

export interface TextBox {
  text: string;
  corners: Point[];
}

export interface PictureCount {
  labels: number;
  overlapping: number;
  ellipses: number;
  /** The first few overlapping pairs, for the failure message. */
  examples: string[];
}

/** Overlapping pairs (by more than `tolerance` px) among text boxes, and texts cut with an ellipsis. */
export function countOverlaps(boxes: readonly TextBox[], tolerance = 1): PictureCount {
  // Cytoscape's SVG writes an outlined label twice (outline, then fill) at the same place: one label.
  const seen = new Set<string>();
  const unique = boxes.filter((b) => {
    const key = `${b.text}|${b.corners.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(';')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let overlapping = 0;
  const examples: string[] = [];
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      if (polygonsOverlap(unique[i]!.corners, unique[j]!.corners, tolerance)) {
        overlapping++;
        if (examples.length < 8) examples.push(`"${unique[i]!.text}" × "${unique[j]!.text}"`);
      }
    }
  }
  return { labels: unique.length, overlapping, ellipses: unique.filter((b) => b.text.includes('…')).length, examples };
}

/** Every non-empty `<text>` of an SVG document, as the polygon it covers on screen (getBBox through getScreenCTM). */
export async function svgTextBoxes(page: Page, svg: string): Promise<TextBox[]> {
  return page.evaluate((source) => {
    document.body.replaceChildren();
    document.body.style.margin = '0';
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = document.importNode(doc.documentElement, true);
    document.body.appendChild(root);
    return [...document.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const b = t.getBBox();
        const m = t.getScreenCTM()!;
        const at = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
        return {
          text: t.textContent ?? '',
          corners: [at(b.x, b.y), at(b.x + b.width, b.y), at(b.x + b.width, b.y + b.height), at(b.x, b.y + b.height)],
        };
      });
  }, svg);
}

/** A legend swatch as the exporter reports (PNG) or marks (SVG `data-shape`) it, in picture pixels before scaling. */
export interface Swatch {
  shape: string;
  color: string;
  x: number;
  y: number;
  size: number;
}

/** The legend swatches an SVG marks with `data-shape`, with their boxes. */
export async function svgSwatches(page: Page, svg: string): Promise<Swatch[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    document.body.replaceChildren(document.importNode(doc.documentElement, true));
    return [...document.querySelectorAll<SVGGraphicsElement>('[data-shape]')].map((el) => {
      const size = Number(el.getAttribute('data-size'));
      return {
        shape: el.getAttribute('data-shape') ?? '',
        color: el.getAttribute('fill') ?? '',
        x: Number(el.getAttribute('data-x')),
        y: Number(el.getAttribute('data-y')),
        size,
      };
    });
  }, svg);
}

/**
 * For each swatch, how well the picture's pixels of the swatch's colour match each shape Cytoscape draws (intersection
 * over union), using the page's Cytoscape renderer as the reference. Returns, per swatch, its own shape's score and
 * the best-scoring shape.
 */
export async function swatchScores(
  page: Page,
  picture: { bytes: Uint8Array; mime: string; scale: number },
  swatches: readonly Swatch[],
  shapes: readonly string[],
): Promise<{ shape: string; own: number; best: string }[]> {
  return page.evaluate(
    async ({ bytes, mime, scale, swatches, shapes }) => {
      const blob = new Blob([new Uint8Array(bytes)], { type: mime });
      const url = URL.createObjectURL(blob);
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth || image.width;
      canvas.height = image.naturalHeight || image.height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      const kg = (window as unknown as { __kg: { cy: { renderer(): { nodeShapes: Record<string, { draw(...a: unknown[]): void }> } } } })
        .__kg;
      const shapesOf = kg.cy.renderer().nodeShapes;
      const hex = (c: string): number[] => {
        const h = c.replace('#', '');
        return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
      };
      return swatches.map((s) => {
        const px = Math.round(s.size * scale);
        const x0 = Math.round((s.x - s.size / 2) * scale);
        const y0 = Math.round((s.y - s.size / 2) * scale);
        const data = ctx.getImageData(x0, y0, px, px).data;
        const want = hex(s.color);
        const mine: boolean[] = [];
        for (let i = 0; i < px * px; i++) {
          const d = Math.abs(data[4 * i]! - want[0]!) + Math.abs(data[4 * i + 1]! - want[1]!) + Math.abs(data[4 * i + 2]! - want[2]!);
          mine.push(d < 90 && data[4 * i + 3]! > 128);
        }
        const score = (shape: string): number => {
          const ref = document.createElement('canvas');
          ref.width = ref.height = px;
          const r = ref.getContext('2d', { willReadFrequently: true })!;
          r.fillStyle = '#000';
          r.beginPath();
          shapesOf[shape]!.draw(r, px / 2, px / 2, px, px, 'auto');
          r.fill();
          const a = r.getImageData(0, 0, px, px).data;
          let both = 0;
          let either = 0;
          for (let i = 0; i < px * px; i++) {
            const inRef = a[4 * i + 3]! > 128;
            if (inRef && mine[i]) both++;
            if (inRef || mine[i]) either++;
          }
          return either ? both / either : 0;
        };
        const scores = shapes.map((shape) => ({ shape, value: score(shape) }));
        const best = scores.reduce((m, v) => (v.value > m.value ? v : m));
        return { shape: s.shape, own: scores.find((v) => v.shape === s.shape)?.value ?? 0, best: best.shape };
      });
    },
    { bytes: [...picture.bytes], mime: picture.mime, scale: picture.scale, swatches: [...swatches], shapes: [...shapes] },
  );
}

/** A rectangle's corners, for boxes an exporter reports as rectangles. */
export { corners };
