// Estimated rendered width of short UI strings, in em, so the layout can size fonts before anything is drawn
// (measuring in the DOM would cost a layout per tile on every render). Per-character advances are the larger of
// Lato Bold (the Perses theme font) and Arial/Liberation Sans Bold (the usual fallback), measured in Chromium;
// regular weight is narrower in both, so one table is a safe upper bound for labels too.

const NARROW = 0.278; // . , : ; ' | i l j space
const DIGIT = 0.556;

const ADVANCE: Readonly<Record<string, number>> = {
  '.': NARROW,
  ',': NARROW,
  ':': NARROW,
  ';': NARROW,
  "'": NARROW,
  '|': NARROW,
  ' ': NARROW,
  i: NARROW,
  j: NARROW,
  l: NARROW,
  f: 0.333,
  t: 0.333,
  r: 0.389,
  '/': 0.278,
  '-': 0.333,
  '(': 0.333,
  ')': 0.333,
  _: 0.556,
  '+': 0.584,
  '=': 0.584,
  '≥': 0.549,
  '≤': 0.549,
  µ: 0.576,
  m: 0.889,
  w: 0.778,
  M: 0.944,
  W: 0.944,
  '%': 1,
  '…': 1,
  '·': NARROW,
};

function advance(ch: string): number {
  const known = ADVANCE[ch];
  if (known !== undefined) return known;
  if (ch >= '0' && ch <= '9') return DIGIT;
  if (ch >= 'a' && ch <= 'z') return 0.611;
  if (ch >= 'A' && ch <= 'Z') return 0.778;
  return 0.7; // anything else (CJK is wider still, but does not appear in metric labels or formatted values)
}

/** Width of `text` in em (multiply by the font size in px to get px). */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em;
}

/**
 * `text` cut in the middle to fit `maxEm` ("llama-3.1-8b-instruct" → "llama-3…instruct"). Model and pod names
 * often share a prefix or a suffix; keeping both ends keeps the part that tells them apart more often than
 * cutting the end does. Returns the text unchanged when it fits.
 */
export function shortenMiddle(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text];
  const budget = maxEm - advance('…');
  let head = 0;
  let tail = 0;
  let used = 0;
  // Take characters alternately from the front and the back (front first) while they fit.
  while (head + tail < chars.length) {
    const takeHead = head <= tail;
    const ch = takeHead ? chars[head] : chars[chars.length - 1 - tail];
    const w = advance(ch);
    if (used + w > budget) break;
    used += w;
    if (takeHead) head++;
    else tail++;
  }
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
