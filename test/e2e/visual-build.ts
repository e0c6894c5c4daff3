// Builds the visual regression page (visual-page.tsx) into .data/visual-page with rsbuild in production mode, the
// project's own bundler, as the heatmap page is built: a static page Chromium opens from disk. A script (`tsx
// test/e2e/visual-build.ts`) because @rsbuild/core is ESM-only and jest loads CommonJS.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createRsbuild } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

import { VISUAL_PAGE_DIR } from './visual-page-file';

async function main(): Promise<void> {
  const rsbuild = await createRsbuild({
    cwd: join(__dirname, '..', '..'),
    loadEnv: false,
    rsbuildConfig: {
      plugins: [pluginReact()],
      source: { entry: { index: join(__dirname, 'visual-page.tsx') } },
      html: { mountId: 'root', title: 'perses-plugin-vllm visual scenes' },
      output: {
        distPath: { root: VISUAL_PAGE_DIR },
        assetPrefix: `${pathToFileURL(VISUAL_PAGE_DIR).href}/`,
        cleanDistPath: true,
        minify: false,
      },
      performance: { chunkSplit: { strategy: 'all-in-one' } },
      mode: 'production',
    },
  });
  await rsbuild.build();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
