// In a real browser (Debian's Chromium), no number on a VllmLatencyQuad tile is cut, at every size the
// dashboards give the panel, light and dark: each value's text lies inside its tile, at a readable size, and
// row names that had to be shortened carry the full name. Screenshots go to test-results/quad-fit/.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM } from '../support/browser';
import { quadScenesPage } from './latency-quad-pages';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results', 'quad-fit');

interface ValueBox {
  scene: string;
  text: string;
  fontSize: number;
  /** The size the layout model chose (the row's --quad-value-size); the drawn size is lower only if the CSS
   * safety net had to shrink the value, i.e. the model under-estimated the text. */
  modelFontSize: number;
  /** How far the text runs past the tile's content box (px, > 0 = cut). */
  overflow: number;
}

interface NameBox {
  scene: string;
  text: string;
  title: string;
  overflow: number;
}

interface Measured {
  values: ValueBox[];
  names: NameBox[];
  slos: Array<Omit<NameBox, 'title'>>;
}

// Runs in the page: where each value's glyphs actually are, against its tile's content box.
function measure(): Measured {
  const textRect = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return range.getBoundingClientRect();
  };
  const sceneOf = (el: Element) => el.closest('[data-scene]')?.getAttribute('data-scene') ?? '';
  const values = [...document.querySelectorAll('[data-testid="quad-tile-value"][data-value="number"]')].map((el) => {
    const tile = el.closest('[data-testid="quad-tile"]') as HTMLElement;
    const box = tile.getBoundingClientRect();
    const style = getComputedStyle(tile);
    const left = box.left + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.paddingRight);
    const text = textRect(el);
    return {
      scene: sceneOf(el),
      text: el.textContent ?? '',
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      modelFontSize: parseFloat(
        getComputedStyle(el.closest('[data-testid="quad-row"]')!).getPropertyValue('--quad-value-size'),
      ),
      overflow: Math.max(text.right - right, left - text.left, text.bottom - box.bottom),
    };
  });
  const names = [...document.querySelectorAll('[data-testid="quad-row-name"]')].map((el) => {
    const box = el.getBoundingClientRect();
    const text = textRect(el);
    return {
      scene: sceneOf(el),
      text: el.textContent ?? '',
      title: el.getAttribute('title') ?? '',
      overflow: text.right - box.right,
    };
  });
  // SLO lines carry numbers too: their text must not be clipped by their own box (noWrap ellipsis) either.
  const slos = [...document.querySelectorAll('[data-testid="quad-slo"]')].map((el) => ({
    scene: sceneOf(el),
    text: el.textContent ?? '',
    overflow: (el as HTMLElement).scrollWidth - (el as HTMLElement).clientWidth,
  }));
  return { values, names, slos };
}

describe.each(['light', 'dark'] as const)('VllmLatencyQuad in Chromium, %s theme', (mode) => {
  let result: Measured;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `quad-scenes-${mode}.html`);
    writeFileSync(file, quadScenesPage(mode, ROOT));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      await page.goto(`file://${file}`);
      await page.evaluate(() => document.fonts.ready);
      // Fail loudly if the theme font did not load: fallback metrics would make the check meaningless.
      expect(await page.evaluate(() => document.fonts.check('700 16px Lato'))).toBe(true);
      result = await page.evaluate(measure);
      await page.screenshot({ path: join(ARTIFACTS, `quad-scenes-${mode}.png`), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000); // a cold Chromium start on a busy 2-core CI machine takes well over jest's default 5 s

  it('renders numbers in every scene', () => {
    expect(new Set(result.values.map((v) => v.scene)).size).toBeGreaterThanOrEqual(12);
  });

  it('no value runs past its tile and none has an ellipsis', () => {
    const cut = result.values.filter((v) => v.overflow > 0.5 || v.text.includes('…'));
    expect(cut).toEqual([]);
  });

  it('every value is at least 12 px', () => {
    expect(result.values.filter((v) => v.fontSize < 12)).toEqual([]);
  });

  it('the sizing model alone fits the real font: the CSS safety net never had to shrink a value', () => {
    expect(result.values.filter((v) => v.fontSize < v.modelFontSize - 0.5)).toEqual([]);
  });

  it('SLO lines are whole', () => {
    expect(result.slos.length).toBeGreaterThanOrEqual(3);
    expect(result.slos.filter((s) => s.overflow > 0)).toEqual([]);
  });

  it('row names fit their space; a shortened one keeps the full name in its title', () => {
    expect(result.names.filter((n) => n.overflow > 0.5)).toEqual([]);
    for (const name of result.names.filter((n) => n.text.includes('…'))) {
      const [head, tail] = name.text.split('…');
      expect(name.title.startsWith(head) && name.title.endsWith(tail)).toBe(true);
    }
  });
});
