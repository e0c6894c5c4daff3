// What the visual suite measures in the page, and the checks it applies in Node (the contrast maths is the panels'
// own, src/shared/contrast.ts). `measurePanel` runs in the browser (page.evaluate serialises it), so it is
// self-contained: it reports each text element's glyph box, colour, background stack, font and clipping, and the
// boxes of everything drawn (svg, canvas, meters), and leaves every judgement to the functions below it.

import { contrastRatio, over, parseColor, requiredContrast, Rgba } from '../../src/shared/contrast';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextBox {
  text: string;
  /** The glyph box of the element's own text, clipped to what its clipping ancestors show. */
  visible: Box;
  /** How far the text runs past a clipping ancestor (px, > 0 = cut), on the axes that do not scroll. */
  overflowX: number;
  overflowY: number;
  /** The element clips its own text with an ellipsis, and a title on it or an ancestor carries the full text. */
  ellipsisWithTitle: boolean;
  color: string;
  /** Background colours from the element up to the first opaque one (innermost first). */
  backgrounds: string[];
  fontSize: number;
  fontWeight: number;
  /** Index of the element in document order, and the indices of its ancestors among the text elements. */
  index: number;
  ancestors: number[];
}

export interface Measured {
  panel: Box;
  texts: TextBox[];
  drawn: Box[];
}

/** Runs in the page: every text element and drawn shape inside `selector`. */
export function measurePanel(selector: string): Measured {
  const root = document.querySelector(selector) as HTMLElement;
  const rootBox = root.getBoundingClientRect();
  const boxOf = (r: DOMRect | Box) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const intersect = (a: Box, b: Box) => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const all = [root, ...root.querySelectorAll<HTMLElement>('*')];
  const textElements = all.filter((el) => {
    if ([...el.childNodes].every((n) => n.nodeType !== Node.TEXT_NODE || !(n.textContent ?? '').trim())) return false;
    if (el.closest('svg')) return false; // <title> of an svg is a tooltip, not drawn text
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || parseFloat(style.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
  const indexOf = new Map(textElements.map((el, i) => [el, i]));
  const texts = textElements.map((el, index) => {
    const style = getComputedStyle(el);
    const fontSize = parseFloat(style.fontSize);
    // The glyph box: the union of the element's own text nodes.
    let glyphs: Box | undefined;
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      glyphs = glyphs
        ? {
            left: Math.min(glyphs.left, r.left),
            top: Math.min(glyphs.top, r.top),
            right: Math.max(glyphs.right, r.right),
            bottom: Math.max(glyphs.bottom, r.bottom),
          }
        : boxOf(r);
    }
    let visible = glyphs!;
    let overflowX = 0;
    let overflowY = 0;
    let ellipsisClip = false;
    // Past a scroll container on an axis, what its ancestors clip on that axis is reachable by scrolling.
    let scrolledX = false;
    let scrolledY = false;
    for (let a: HTMLElement | null = el; a && a !== root.parentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      const clipsX = s.overflowX !== 'visible' && !scrolledX;
      const clipsY = s.overflowY !== 'visible' && !scrolledY;
      if (!clipsX && !clipsY) continue;
      const r = a.getBoundingClientRect();
      // client* are in the element's own (possibly zoomed) px, the rect in the page's: scale them alike.
      const z = a.offsetWidth > 0 ? r.width / a.offsetWidth : 1;
      const inner = {
        left: r.left + a.clientLeft * z,
        top: r.top + a.clientTop * z,
        right: r.left + (a.clientLeft + a.clientWidth) * z,
        bottom: r.top + (a.clientTop + a.clientHeight) * z,
      };
      const scrollsX = s.overflowX === 'auto' || s.overflowX === 'scroll';
      const scrollsY = s.overflowY === 'auto' || s.overflowY === 'scroll';
      const outX = Math.max(glyphs!.right - inner.right, inner.left - glyphs!.left);
      // A line box is taller than the glyphs' ink: allow a fifth of the font above and below.
      const outY = Math.max(glyphs!.bottom - inner.bottom, inner.top - glyphs!.top) - fontSize * 0.2;
      if (clipsX && !scrollsX && outX > overflowX) {
        overflowX = outX;
        ellipsisClip = s.textOverflow === 'ellipsis';
      }
      if (clipsY && !scrollsY) overflowY = Math.max(overflowY, outY);
      if (scrollsX) scrolledX = true;
      if (scrollsY) scrolledY = true;
      visible = intersect(visible, {
        left: clipsX ? inner.left : -Infinity,
        right: clipsX ? inner.right : Infinity,
        top: clipsY ? inner.top : -Infinity,
        bottom: clipsY ? inner.bottom : Infinity,
      });
    }
    const own = (el.textContent ?? '').trim();
    let titled = false;
    for (let a: Element | null = el; a && a !== root.parentElement; a = a.parentElement) {
      const title = a.getAttribute('title');
      if (title && title.includes(own.replace(/…/g, '').slice(0, 8))) titled = true;
    }
    const backgrounds: string[] = [];
    for (let a: Element | null = el; a; a = a.parentElement) {
      const bg = getComputedStyle(a).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
        backgrounds.push(bg);
        if (!bg.startsWith('rgba')) break;
      }
    }
    const ancestors: number[] = [];
    for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) {
      const i = indexOf.get(a as HTMLElement);
      if (i !== undefined) ancestors.push(i);
    }
    return {
      text: own,
      visible,
      overflowX,
      overflowY,
      ellipsisWithTitle: ellipsisClip && titled,
      color: style.color,
      backgrounds,
      fontSize,
      fontWeight: parseInt(style.fontWeight, 10) || 400,
      index,
      ancestors,
    };
  });
  const drawn = [...root.querySelectorAll('svg, canvas, [role="meter"]')]
    .map((el) => intersect(boxOf(el.getBoundingClientRect()), boxOf(rootBox)))
    .filter((b) => b.right > b.left && b.bottom > b.top);
  return { panel: boxOf(rootBox), texts, drawn };
}

// --- Checks (Node)

/** Text cut by a container (numbers never may; a label may end in an ellipsis when its title has the full text). */
export function cutTexts(m: Measured): string[] {
  return m.texts
    .filter((t) => (t.overflowX > 1 && !t.ellipsisWithTitle) || t.overflowY > 1)
    .map((t) => `"${t.text}" runs ${Math.max(t.overflowX, t.overflowY).toFixed(1)} px past its container`);
}

const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);

/** Pairs of text boxes that overlap (neither inside the other), shrunk by a fifth of the font vertically. */
export function overlappingTexts(m: Measured): string[] {
  const shrunk = m.texts
    .filter((t) => area(t.visible) > 0)
    .map((t) => ({
      t,
      box: { ...t.visible, top: t.visible.top + t.fontSize * 0.2, bottom: t.visible.bottom - t.fontSize * 0.2 },
    }));
  const found: string[] = [];
  for (let i = 0; i < shrunk.length; i++) {
    for (let j = i + 1; j < shrunk.length; j++) {
      const a = shrunk[i];
      const b = shrunk[j];
      if (a.t.ancestors.includes(b.t.index) || b.t.ancestors.includes(a.t.index)) continue;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w > 1 && h > 1) found.push(`"${a.t.text}" overlaps "${b.t.text}" (${w.toFixed(0)}×${h.toFixed(0)} px)`);
    }
  }
  return found;
}

const WHITE: Rgba = [255, 255, 255, 1];

/** The colour behind a text: its background stack composited from the first opaque one outwards. */
export function effectiveBackground(backgrounds: readonly string[]): Rgba {
  let bg = WHITE;
  for (const css of [...backgrounds].reverse()) {
    const c = parseColor(css);
    if (c) bg = c[3] < 1 ? over(c, bg) : c;
  }
  return bg;
}

export interface ContrastResult {
  text: string;
  ratio: number;
  required: number;
  color: string;
  fontSize: number;
}

export function textContrasts(m: Measured): ContrastResult[] {
  return m.texts
    .filter((t) => area(t.visible) > 0)
    .map((t) => {
      const fg = parseColor(t.color) ?? [0, 0, 0, 1];
      return {
        text: t.text,
        ratio: contrastRatio(fg, effectiveBackground(t.backgrounds)),
        required: requiredContrast(t.fontSize, t.fontWeight),
        color: t.color,
        fontSize: t.fontSize,
      };
    });
}

const GRID = { columns: 48, rows: 27 };

/**
 * The largest empty rectangle of the panel, as a share of its area: the panel is cut into a 48×27 grid, a cell is
 * used when any text glyph box or drawn shape touches it, and the largest all-empty rectangle of cells is found
 * (the classic largest rectangle in a histogram, per grid row).
 */
export function largestEmptyShare(m: Measured): { share: number; cells: Box } {
  const { panel } = m;
  const cw = (panel.right - panel.left) / GRID.columns;
  const ch = (panel.bottom - panel.top) / GRID.rows;
  const used = Array.from({ length: GRID.rows }, () => new Array<boolean>(GRID.columns).fill(false));
  const boxes = [...m.texts.map((t) => t.visible), ...m.drawn].filter((b) => area(b) > 0);
  for (const b of boxes) {
    const c0 = Math.max(0, Math.floor((b.left - panel.left) / cw));
    const c1 = Math.min(GRID.columns - 1, Math.ceil((b.right - panel.left) / cw) - 1);
    const r0 = Math.max(0, Math.floor((b.top - panel.top) / ch));
    const r1 = Math.min(GRID.rows - 1, Math.ceil((b.bottom - panel.top) / ch) - 1);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) used[r][c] = true;
  }
  const heights = new Array<number>(GRID.columns).fill(0);
  let best = 0;
  let bestBox: Box = { left: 0, top: 0, right: 0, bottom: 0 };
  for (let r = 0; r < GRID.rows; r++) {
    for (let c = 0; c < GRID.columns; c++) heights[c] = used[r][c] ? 0 : heights[c] + 1;
    const stack: number[] = [];
    for (let c = 0; c <= GRID.columns; c++) {
      const h = c === GRID.columns ? 0 : heights[c];
      while (stack.length > 0 && heights[stack[stack.length - 1]] >= h) {
        const top = stack.pop()!;
        const left = stack.length > 0 ? stack[stack.length - 1] + 1 : 0;
        const cells = heights[top] * (c - left);
        if (cells > best) {
          best = cells;
          bestBox = { left, top: r - heights[top] + 1, right: c, bottom: r + 1 };
        }
      }
      stack.push(c);
    }
  }
  return { share: best / (GRID.columns * GRID.rows), cells: bestBox };
}

export interface EditorRow {
  label: string;
  /** The row (the OptionsEditorControl) and its control box, and every text field or select inside it. */
  row: Box;
  control: Box;
  inputs: Box[];
  /** text-align of each select's shown value (Perses's own selects read left-aligned). */
  selectAlign: string[];
}

/** Runs in the page: every OptionsEditorControl row of the editor (found by its FormLabel). */
export function measureEditorRows(selector: string): EditorRow[] {
  const root = document.querySelector(selector)!;
  const boxOf = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  return [...root.querySelectorAll('label.MuiFormLabel-root[for]')].flatMap((label) => {
    const row = label.closest('.MuiStack-root')?.parentElement;
    const control = row?.lastElementChild;
    if (!row || !control || control === label.closest('.MuiStack-root')) return [];
    return [
      {
        label: (label.textContent ?? '').trim(),
        row: boxOf(row.getBoundingClientRect()),
        control: boxOf(control.getBoundingClientRect()),
        inputs: [...control.querySelectorAll('.MuiInputBase-root')].map((i) => boxOf(i.getBoundingClientRect())),
        selectAlign: [...control.querySelectorAll('.MuiSelect-select')].map((el) => getComputedStyle(el).textAlign),
      },
    ];
  });
}

/** Rows whose text field or select runs out of the row, or does not fill the control column. */
export function unevenEditorRows(rows: readonly EditorRow[]): string[] {
  return rows.flatMap((r) =>
    r.inputs.flatMap((i) => {
      const width = i.right - i.left;
      const column = r.control.right - r.control.left;
      if (i.right > r.row.right + 0.5 || i.left < r.row.left - 0.5)
        return [`${r.label}: the control runs out of its row`];
      if (Math.abs(width - column) > 1)
        return [`${r.label}: ${width.toFixed(0)} px wide, the column is ${column.toFixed(0)} px`];
      return [];
    }),
  );
}
