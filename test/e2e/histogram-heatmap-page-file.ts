// Where the VllmHistogramHeatmap scene page is built, and how the browser test and the benchmark build it.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const HEATMAP_PAGE_DIR = join(ROOT, '.data', 'heatmap-page');

/** Builds the page with rsbuild (in a child process: rsbuild is ESM-only); returns its index.html. */
export function buildHeatmapPage(): string {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'histogram-heatmap-build.ts')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return join(HEATMAP_PAGE_DIR, 'index.html');
}
