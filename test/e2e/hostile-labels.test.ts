// In a real browser (Debian's Chromium), hostile label values stay text and do not break the layout, in both
// panels: markup is never parsed into elements, and a 10 KB value or 500 groups keep every panel's content
// inside its box (nothing wider than the panel, the page never scrolls sideways).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM } from '../support/browser';
import { HOSTILE_SCENES, hostilePage, MARKUP } from './hostile-pages';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results', 'hostile-labels');

interface Result {
  injected: boolean;
  markupAsText: string[];
  scenes: Array<{
    scene: string;
    width: number;
    height: number;
    contentWidth: number;
    contentHeight: number;
    text: number;
    spill: number;
    alert: string;
  }>;
  pageWidth: number;
}

function inspect(markup: string): Result {
  const scenes = [...document.querySelectorAll('[data-scene]')].map((section) => {
    const box = section.querySelector('[data-box]') as HTMLElement;
    const panel = box.firstElementChild as HTMLElement;
    const r = panel.getBoundingClientRect();
    return {
      scene: section.getAttribute('data-scene') ?? '',
      width: box.clientWidth,
      height: box.clientHeight,
      contentWidth: r.width,
      contentHeight: r.height,
      text: (panel.textContent ?? '').length,
      alert: panel.querySelector('[role="alert"]')?.textContent ?? '',
      // How far any element inside the panel reaches past the box's right edge (px): > 0 = the layout broke.
      spill: Math.max(
        0,
        ...[...panel.querySelectorAll('*')].map(
          (el) => el.getBoundingClientRect().right - box.getBoundingClientRect().right,
        ),
      ),
    };
  });
  const markupAsText = [...document.querySelectorAll('[data-scene]')]
    .filter((s) => (s.textContent ?? '').includes(markup))
    .map((s) => s.getAttribute('data-scene') ?? '');
  return {
    injected:
      document.getElementById('injected') !== null || (window as unknown as { __injected?: number }).__injected === 1,
    markupAsText,
    scenes,
    pageWidth: document.documentElement.scrollWidth,
  };
}

let result: Result;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'hostile.html');
  writeFileSync(file, hostilePage());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.goto(`file://${file}`);
    result = await page.evaluate(inspect, MARKUP);
    await page.screenshot({ path: join(ARTIFACTS, 'hostile.png'), fullPage: true });
  } finally {
    await browser.close();
  }
}, 60_000);

test('markup in label values is shown as text, never parsed', () => {
  expect(result.injected).toBe(false);
  expect(result.markupAsText).toEqual(expect.arrayContaining(['quad markup', 'kv markup']));
});

test('every scene renders, and a 10 KB value or 500 groups stay inside the panel box', () => {
  expect(result.scenes.map((s) => s.scene)).toEqual(HOSTILE_SCENES.map((s) => s.name));
  for (const s of result.scenes) {
    expect({ scene: s.scene, fits: s.contentWidth <= s.width + 0.5 && s.contentHeight <= s.height + 0.5 }).toEqual({
      scene: s.scene,
      fits: true,
    });
    expect(s.text).toBeGreaterThan(0);
    // Rendered as a panel, not as the error boundary's message.
    expect({ scene: s.scene, alert: s.alert }).toEqual({ scene: s.scene, alert: '' });
    expect({ scene: s.scene, spill: Math.round(s.spill) }).toEqual({ scene: s.scene, spill: 0 });
  }
  expect(result.pageWidth).toBeLessThanOrEqual(1600);
});
