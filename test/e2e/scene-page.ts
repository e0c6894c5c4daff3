// The static scene pages the browser suites open from disk: each is one entry bundled by rsbuild (the project's own
// bundler) into its own directory under .data/, built by scene-page-build.ts.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { Browser, chromium, Page } from 'playwright-core';

import { CHROMIUM } from '../support/browser';

const ROOT = join(__dirname, '..', '..');

export interface ScenePage {
  /** The page's browser entry. */
  readonly entry: string;
  /** Where the built page goes (its index.html is what Chromium opens). */
  readonly dir: string;
  readonly title: string;
}

export const SCENE_PAGES = {
  /** The visual regression page (visual-panels.test.ts). */
  visual: {
    entry: join(__dirname, 'visual-page.tsx'),
    dir: join(ROOT, '.data', 'visual-page'),
    title: 'perses-plugin-vllm visual scenes',
  },
  /** The VllmHistogramHeatmap scenes (histogram-heatmap.test.ts and its benchmark). */
  heatmap: {
    entry: join(__dirname, 'histogram-heatmap-page.tsx'),
    dir: join(ROOT, '.data', 'heatmap-page'),
    title: 'VllmHistogramHeatmap scenes',
  },
} as const satisfies Record<string, ScenePage>;

export type ScenePageName = keyof typeof SCENE_PAGES;

export function isScenePageName(name: string | undefined): name is ScenePageName {
  return name !== undefined && Object.hasOwn(SCENE_PAGES, name);
}

/** Builds the page with rsbuild (in a child process: rsbuild is ESM-only); returns its index.html. */
export function buildScenePage(name: ScenePageName): string {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'scene-page-build.ts'), name], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return join(SCENE_PAGES[name].dir, 'index.html');
}

export interface ScenePageOptions {
  readonly viewport: { width: number; height: number };
  /** URL hash the page reads (e.g. `bench`), without the `#`. */
  readonly hash?: string;
  /** Collects console errors and uncaught page errors, for a test to assert there are none. */
  readonly errors?: string[];
}

/** Builds page `name` and opens it in Chromium; the caller closes the browser. */
export async function openScenePage(
  name: ScenePageName,
  { viewport, hash, errors }: ScenePageOptions,
): Promise<{ browser: Browser; page: Page }> {
  const index = buildScenePage(name);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport });
  if (errors) {
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  }
  await page.goto(`${pathToFileURL(index).href}${hash ? `#${hash}` : ''}`);
  return { browser, page };
}
