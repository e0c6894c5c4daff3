// WCAG 2.x contrast in one place: the panels colour text from threshold palettes, and a palette colour picked for
// a bar (the Perses warning yellow, say) is often too light to read as text on a white panel. `legibleText` keeps a
// colour that already reads and otherwise moves it towards black (light background) or white (dark background),
// just far enough to reach the ratio, so the hue still says which step the value is in.

/** WCAG AA for body text. */
export const BODY_TEXT_CONTRAST = 4.5;
/** WCAG AA for large text (≥ 24 px, or ≥ 18.66 px bold) such as headline numbers. */
export const LARGE_TEXT_CONTRAST = 3;
/** Text at least this large (px) counts as large at any weight. */
export const LARGE_TEXT_PX = 24;
/** Bold (≥ 700) text at least this large (px) counts as large. */
export const LARGE_BOLD_TEXT_PX = 18.66;

export type Rgba = readonly [r: number, g: number, b: number, a: number];

const NAMED: Readonly<Record<string, Rgba>> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  transparent: [0, 0, 0, 0],
};

/** #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba() (comma or space syntax) and black/white; undefined otherwise. */
export function parseColor(css: string): Rgba | undefined {
  const text = css.trim().toLowerCase();
  if (NAMED[text]) return NAMED[text];
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (full.length !== 6 && full.length !== 8) return undefined;
    const byte = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return [byte(0), byte(2), byte(4), full.length === 8 ? byte(6) / 255 : 1];
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(text)?.[1];
  if (fn) {
    const parts = fn.split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return undefined;
    const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
    const alpha =
      parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    const rgba = [channel(parts[0]), channel(parts[1]), channel(parts[2]), alpha] as const;
    return rgba.every(Number.isFinite) ? rgba : undefined;
  }
  return undefined;
}

/** `top` painted over the opaque `bottom` (alpha compositing). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** WCAG relative luminance of an opaque colour. */
export function relativeLuminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio (1–21) of a text colour (composited over the background if translucent) on a background. */
export function contrastRatio(text: Rgba, background: Rgba): number {
  const bg = background[3] < 1 ? over(background, [255, 255, 255, 1]) : background;
  const l1 = relativeLuminance(text[3] < 1 ? over(text, bg) : text);
  const l2 = relativeLuminance(bg);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/** The ratio text must reach at this size and weight (WCAG AA). */
export function requiredContrast(fontSizePx: number, fontWeight = 400): number {
  const large = fontSizePx >= LARGE_TEXT_PX || (fontWeight >= 700 && fontSizePx >= LARGE_BOLD_TEXT_PX);
  return large ? LARGE_TEXT_CONTRAST : BODY_TEXT_CONTRAST;
}

const toHex = ([r, g, b]: Rgba) =>
  `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

const mix = (a: Rgba, b: Rgba, t: number): Rgba => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
  1,
];

/**
 * `color` as text on `background` with at least `minRatio` contrast: unchanged when it already has it (or when
 * either colour cannot be parsed), else mixed towards black or white, whichever the background contrasts with
 * more, by the least amount that reaches the ratio.
 */
export function legibleText(color: string, background: string, minRatio = BODY_TEXT_CONTRAST): string {
  const fg = parseColor(color);
  const bgParsed = parseColor(background);
  if (!fg || !bgParsed) return color;
  const bg = bgParsed[3] < 1 ? over(bgParsed, [255, 255, 255, 1]) : bgParsed;
  const solid = fg[3] < 1 ? over(fg, bg) : fg;
  if (contrastRatio(solid, bg) >= minRatio) return color;
  const black: Rgba = [0, 0, 0, 1];
  const white: Rgba = [255, 255, 255, 1];
  const target = contrastRatio(black, bg) >= contrastRatio(white, bg) ? black : white;
  // Contrast grows monotonically along the mix towards the far end: bisect for the least mix that reaches it.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (contrastRatio(mix(solid, target, mid), bg) >= minRatio) hi = mid;
    else lo = mid;
  }
  // Rounding to 8-bit channels can lose a hair of contrast: step on until the rounded colour passes.
  for (let t = hi; t <= 1; t += 0.01) {
    const candidate = toHex(mix(solid, target, Math.min(t, 1)));
    if (contrastRatio(parseColor(candidate)!, bg) >= minRatio) return candidate;
  }
  return toHex(target);
}
