// Builds one scene page (scene-page.ts) with rsbuild in production mode: React, MUI, Perses components and ECharts
// bundled into a static page Chromium opens from disk. A script (`tsx test/e2e/scene-page-build.ts visual|heatmap`)
// because @rsbuild/core is ESM-only and jest loads CommonJS; buildScenePage runs it.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createRsbuild } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

import { isScenePageName, SCENE_PAGES } from './scene-page';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!isScenePageName(name))
    throw new Error(`usage: tsx test/e2e/scene-page-build.ts <${Object.keys(SCENE_PAGES).join('|')}> (got ${name})`);
  const page = SCENE_PAGES[name];
  const rsbuild = await createRsbuild({
    cwd: join(__dirname, '..', '..'),
    loadEnv: false,
    rsbuildConfig: {
      plugins: [pluginReact()],
      source: { entry: { index: page.entry } },
      html: { mountId: 'root', title: page.title },
      output: {
        distPath: { root: page.dir },
        assetPrefix: `${pathToFileURL(page.dir).href}/`,
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
