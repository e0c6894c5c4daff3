// Builds the stack's viewer: a small Perses host page (not a plugin), served by percli-scripts/stack/serve-viewer.ts.
// It loads every panel, ours included, through Module Federation from the Perses server's /plugins/<Module>/,
// exactly like the Perses app does, so nothing of our module is bundled here.
import { join } from 'node:path';

import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

const root = join(__dirname, '..', '..', '..');

export default defineConfig({
  root: __dirname,
  plugins: [pluginReact()],
  source: { entry: { index: './src/index.tsx' } },
  html: { title: 'vLLM dashboards · local stack', mountId: 'root' },
  output: {
    distPath: { root: process.env.VIEWER_DIST ?? join(root, '.data', 'stack', 'viewer-dist') },
    cleanDistPath: true,
    sourceMap: false,
  },
  resolve: {
    // One copy of each library the plugin runtime shares with the remotes.
    dedupe: ['react', 'react-dom', '@tanstack/react-query', '@emotion/react', '@emotion/styled', '@mui/material'],
  },
  performance: { chunkSplit: { strategy: 'split-by-experience' } },
});
