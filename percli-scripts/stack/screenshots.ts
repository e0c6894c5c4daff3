// Re-takes the README screenshots from the real Perses app on the local stack: `npm run screenshots`.
//
// Starts the stack as the browser tests do (percli-scripts/start.sh on free ports, state in .data/stack/screenshots),
// waits for a minute of traffic, then photographs in Debian's Chromium: the Performance Statistics dashboard in the
// light and the dark theme, and the options editors of a quad (light) and a KV gauge (dark) in edit mode. Writes
// docs/screenshots/*.png (or the folder given as the first argument) and prints each file's size.
//
// The time range is absolute and ends on a filled minute (as in the e2e tests), so the panels show settled figures.

import { mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { Page } from 'playwright-core';

import { dashboardUrl, openBrowser, prepareWait, waitForPanels } from '../../test/support/browser';
import { enterEditMode, openEditorTab, openPanelEditor, setTheme, Theme } from '../../test/support/perses-app';
import { rangeEndingOnAFilledMinute, ROOT, startStack, waitForData } from '../../test/support/stack';

const OUT = resolve(process.argv[2] ?? join(ROOT, 'docs', 'screenshots'));
/** A laptop-sized window: the dashboards' first rows, at a size that keeps each PNG a few hundred KB. */
const VIEWPORT = { width: 1440, height: 1000 };

interface Shot {
  file: string;
  theme: Theme;
  dashboard: string;
  /** Title of the panel whose options editor ("Settings" tab) to show; none: the dashboard in view mode. */
  editor?: string;
}

const SHOTS: Shot[] = [
  { file: 'performance-statistics-light.png', theme: 'light', dashboard: 'vllm-performance-statistics' },
  { file: 'performance-statistics-dark.png', theme: 'dark', dashboard: 'vllm-performance-statistics' },
  {
    file: 'latency-quad-editor-light.png',
    theme: 'light',
    dashboard: 'vllm-query-statistics',
    editor: 'E2E request latency',
  },
  {
    file: 'kv-queue-gauge-editor-dark.png',
    theme: 'dark',
    dashboard: 'vllm-query-statistics',
    editor: 'KV cache and scheduler queue',
  },
];

async function take(page: Page, shot: Shot, url: string): Promise<void> {
  prepareWait(page);
  await page.goto(url);
  await waitForPanels(page);
  if (shot.editor) {
    await enterEditMode(page);
    const drawer = await openPanelEditor(page, shot.editor);
    await openEditorTab(drawer, 'Settings');
    await waitForPanels(page);
  }
  // Let transitions (drawer slide, tooltips fading) finish before the picture.
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(OUT, shot.file) });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.log('screenshots: starting the stack (percli-scripts/start.sh)…');
  const stack = await startStack({ dir: join(ROOT, '.data', 'stack', 'screenshots') });
  const browser = await openBrowser();
  try {
    await waitForData(stack, 'sum by (model_name) (increase(vllm:e2e_request_latency_seconds_count[30s]))', 2, 180_000);
    // Enough history for the sparklines and heatmaps to show a shape.
    const { start, end } = await rangeEndingOnAFilledMinute(stack, 5 * 60_000);
    for (const shot of SHOTS) {
      const page = await browser.context.newPage();
      await page.setViewportSize(VIEWPORT);
      await setTheme(page, shot.theme);
      await take(page, shot, dashboardUrl(stack.app, stack.project, shot.dashboard, start, end));
      await page.close();
      const size = statSync(join(OUT, shot.file)).size;
      console.log(`screenshots: ${relative(ROOT, join(OUT, shot.file))} (${Math.round(size / 1024)} KB)`);
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
