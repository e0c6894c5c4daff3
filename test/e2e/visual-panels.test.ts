// The visual regression suite, in a real browser (Debian's Chromium): every scene of visual-scenes.ts (three panels
// × six sizes from the smallest grid item to a maximised panel on a 4K screen × typical and extreme data, plus the
// no-query help) and every options editor, in Perses's light and dark themes. Each is screenshotted to
// test-results/visual/ (with one labelled contact sheet of all scenes) and checked for: text cut by its container,
// text boxes overlapping, WCAG AA contrast of every text element from its rendered colour and background, and no
// empty area larger than MAX_EMPTY_SHARE of the panel. One browser and one page serve every scene.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { Browser, Page } from 'playwright-core';

import { openScenePage } from './scene-page';
import {
  ContrastResult,
  cutTexts,
  EditorRow,
  largestEmptyShare,
  Measured,
  measureEditorRows,
  measurePanel,
  overlappingTexts,
  textContrasts,
  unevenEditorRows,
} from './visual-measure';
import { maxEmptyShare, PanelKind, SIZES, VISUAL_SCENES } from './visual-scenes';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results', 'visual');
const THEMES = ['light', 'dark'] as const;
type Mode = (typeof THEMES)[number];
const EDITORS: PanelKind[] = ['quad', 'gauge', 'heatmap'];

interface Shot {
  label: string;
  file: string;
}

let browser: Browser;
let page: Page;
const errors: string[] = [];
const measured = new Map<string, Measured>();
const editorRows = new Map<string, EditorRow[]>();
const shots: Shot[] = [];

async function settle(): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Effects (ResizeObserver, ECharts' first paint) run within the next frames.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
  });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ browser, page } = await openScenePage('visual', { viewport: { width: 1280, height: 800 }, errors }));
  await page.waitForFunction(() => 'visual' in window);
  for (const mode of THEMES) {
    for (const scene of VISUAL_SCENES) {
      const { width, height } = SIZES[scene.size];
      await page.setViewportSize({ width: Math.max(width, 320) + 16, height: Math.max(height, 200) + 16 });
      await page.evaluate(({ id, mode }) => (window as any).visual.renderScene(id, mode), { id: scene.id, mode }); // eslint-disable-line @typescript-eslint/no-explicit-any
      await settle();
      measured.set(`${mode}/${scene.id}`, await page.evaluate(measurePanel, '[data-testid="visual-panel"]'));
      const file = join(ARTIFACTS, `${mode}--${scene.id}.png`);
      await page.locator('[data-testid="visual-panel"]').screenshot({ path: file });
      shots.push({ label: `${mode} · ${scene.panel} · ${scene.data} · ${scene.size} (${width}×${height})`, file });
    }
    for (const panel of EDITORS) {
      await page.setViewportSize({ width: 1240, height: 1000 });
      await page.evaluate(({ panel, mode }) => (window as any).visual.renderEditor(panel, mode), { panel, mode }); // eslint-disable-line @typescript-eslint/no-explicit-any
      await settle();
      measured.set(`${mode}/editor-${panel}`, await page.evaluate(measurePanel, '[data-testid="visual-editor"]'));
      editorRows.set(
        `${mode}/editor-${panel}`,
        await page.evaluate(measureEditorRows, '[data-testid="visual-editor"]'),
      );
      const file = join(ARTIFACTS, `${mode}--editor-${panel}.png`);
      await page.locator('[data-testid="visual-editor"]').screenshot({ path: file });
      shots.push({ label: `${mode} · ${panel} options editor`, file });
    }
  }
  await writeContactSheet();
  writeReport();
}, 900_000);

/** Every scene's figures in one file beside the screenshots (test-results/visual/report.json). */
function writeReport(): void {
  const report = [...measured].map(([key, m]) => ({
    key,
    emptyShare: Math.round(largestEmptyShare(m).share * 1000) / 1000,
    emptyCells: largestEmptyShare(m).cells,
    minContrastMargin: Math.min(...textContrasts(m).map((c) => Math.round((c.ratio - c.required) * 100) / 100)),
    texts: m.texts.length,
    cut: cutTexts(m).length,
    overlapping: overlappingTexts(m).length,
  }));
  writeFileSync(join(ARTIFACTS, 'report.json'), JSON.stringify(report, null, 1));
}

afterAll(async () => {
  await browser?.close();
});

/** One PNG of every screenshot, labelled, so a person can review the whole suite at a glance. */
async function writeContactSheet(): Promise<void> {
  const figures = shots
    .map(
      (s) =>
        `<figure><img src="${pathToFileURL(s.file).href}"><figcaption>${s.label.replace(/</g, '&lt;')}</figcaption></figure>`,
    )
    .join('');
  const html = join(ARTIFACTS, 'contact-sheet.html');
  writeFileSync(
    html,
    `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; padding: 12px; background: #777; font: 12px sans-serif; display: grid; grid-template-columns: repeat(6, 300px); gap: 12px; }
figure { margin: 0; background: #fff; padding: 4px; }
img { width: 292px; height: 170px; object-fit: contain; display: block; background: repeating-conic-gradient(#ddd 0 25%, #eee 0 50%) 0 0 / 12px 12px; }
figcaption { margin-top: 2px; color: #111; }
</style>${figures}`,
  );
  await page.setViewportSize({ width: 6 * 312 + 12, height: 800 });
  await page.goto(pathToFileURL(html).href);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: join(ARTIFACTS, 'contact-sheet.png'), fullPage: true });
}

const sceneKeys = THEMES.flatMap((mode) => VISUAL_SCENES.map((s) => [`${mode}/${s.id}`, s] as const));
const editorKeys = THEMES.flatMap((mode: Mode) => EDITORS.map((p) => `${mode}/editor-${p}`));

const failingContrast = (results: ContrastResult[]) =>
  results
    .filter((r) => r.ratio < r.required - 0.005)
    .map((r) => `"${r.text}" ${r.color} at ${r.fontSize}px: ${r.ratio.toFixed(2)}:1 < ${r.required}:1`);

test('no console error or exception while rendering', () => {
  expect(errors).toEqual([]);
});

test('the contact sheet holds every scene and editor', () => {
  expect(shots).toHaveLength(sceneKeys.length + editorKeys.length);
});

describe.each(sceneKeys)('%s', (key, scene) => {
  test('shows text, none cut by its container and none overlapping', () => {
    const m = measured.get(key)!;
    expect(m.texts.length + m.drawn.length).toBeGreaterThan(0);
    expect(cutTexts(m)).toEqual([]);
    expect(overlappingTexts(m)).toEqual([]);
  });

  test('every text element meets WCAG AA contrast against its background', () => {
    expect(failingContrast(textContrasts(measured.get(key)!))).toEqual([]);
  });

  test(`no empty area larger than ${maxEmptyShare(scene.size) * 100}% of the panel`, () => {
    // report.json names the empty rectangle (cells of a 48×27 grid) when this fails.
    expect(largestEmptyShare(measured.get(key)!).share).toBeLessThanOrEqual(maxEmptyShare(scene.size));
  });
});

describe.each(editorKeys)('%s', (key) => {
  test('no label, value or helper text is cut or runs into another', () => {
    const m = measured.get(key)!;
    expect(m.texts.length).toBeGreaterThan(10);
    expect(cutTexts(m)).toEqual([]);
    expect(overlappingTexts(m)).toEqual([]);
  });

  test('every text field and select stays in its row and fills the control column, as in Perses editors', () => {
    const rows = editorRows.get(key)!;
    expect(rows.filter((r) => r.inputs.length > 0).length).toBeGreaterThanOrEqual(4);
    expect(unevenEditorRows(rows)).toEqual([]);
  });
});
