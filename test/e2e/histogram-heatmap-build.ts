// Builds the VllmHistogramHeatmap scene page (histogram-heatmap-page.tsx) into .data/heatmap-page with rsbuild,
// the project's own bundler: React, MUI, Perses components and ECharts bundled for a static page that Chromium
// opens from disk. A script (`tsx test/e2e/histogram-heatmap-build.ts`), because @rsbuild/core is ESM-only and
// jest loads CommonJS; histogram-heatmap-page-file.ts runs it for the browser test and the benchmark.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createRsbuild } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

import { HEATMAP_PAGE_DIR } from './histogram-heatmap-page-file';

async function main(): Promise<void> {
  const rsbuild = await createRsbuild({
    cwd: join(__dirname, '..', '..'),
    loadEnv: false,
    rsbuildConfig: {
      plugins: [pluginReact()],
      source: { entry: { index: join(__dirname, 'histogram-heatmap-page.tsx') } },
      html: { mountId: 'root', title: 'VllmHistogramHeatmap scenes' },
      output: {
        distPath: { root: HEATMAP_PAGE_DIR },
        assetPrefix: `${pathToFileURL(HEATMAP_PAGE_DIR).href}/`,
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
