// Where the visual regression page is built, and how the suite builds it.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const VISUAL_PAGE_DIR = join(ROOT, '.data', 'visual-page');

/** Builds the page with rsbuild (in a child process: rsbuild is ESM-only); returns its index.html. */
export function buildVisualPage(): string {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'visual-build.ts')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return join(VISUAL_PAGE_DIR, 'index.html');
}
