// Builds the VllmPanels Module Federation remote that a Perses 0.52 host loads from /plugins/VllmPanels/.
//
// `percli plugin start` (the plugin dev loop) reads this file as text, not as code: the module's name is the first
// `name` key it finds and the dev server's port the first `port` key (3000 when none), so both are literals and
// come first; src/federation-exposes.ts keeps MODULE_NAME, and test/archive checks that the two agree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

import { exposedSources, MODULE_NAME } from './src/federation-exposes';

const federation = {
  name: 'VllmPanels',
};
// The dev server (`npm run dev`, what `percli plugin start` runs). Not 3000 (percli's default, and many a local
// app's), nor any port of the local stack (18001-18003, 18080, 19090).
const devServer = {
  port: 3015,
  host: '127.0.0.1',
  // Fail rather than move to another port: percli registers the port written above with the Perses server.
  strictPort: true,
};

// The libraries the Perses 0.52 host provides (plugin-system remote/PluginRuntime.js). Declared as
// singletons so the remote never ships a second copy; `requiredVersion` ranges are ones the host's
// declared versions satisfy (it declares @perses-dev/* as 0.51.0-rc.1), which keeps the console clean.
// `import: false`: no fallback copy in the archive. The host always provides these, so a fallback would never be
// loaded; test/archive checks every shared module the remote consumes against the host runtimes' shared sets.
const singleton = (requiredVersion: string) => ({ singleton: true, requiredVersion, import: false as const });
export const SHARED_SINGLETONS = {
  react: singleton('^18.2.0'),
  'react-dom': singleton('^18.2.0'),
  'react-router-dom': singleton('^6.26.0'),
  '@tanstack/react-query': singleton('^4.39.1'),
  'react-hook-form': singleton('^7.46.1'),
  echarts: singleton('^5.5.0'),
  '@perses-dev/core': singleton('^0.51.0-rc.1'),
  '@perses-dev/components': singleton('^0.51.0-rc.1'),
  '@perses-dev/plugin-system': singleton('^0.51.0-rc.1'),
  '@perses-dev/explore': singleton('^0.51.0-rc.1'),
  '@perses-dev/dashboards': singleton('^0.51.0-rc.1'),
  'date-fns': singleton('^4.1.0'),
  'date-fns-tz': singleton('^3.2.0'),
  lodash: singleton('^4.17.21'),
  '@emotion/react': singleton('^11.11.0'),
  '@emotion/styled': singleton('^11.11.0'),
  '@hookform/resolvers/zod': singleton('^3.3.4'),
  'use-resize-observer': singleton('^9.1.0'),
  'mdi-material-ui': singleton('^7.4.0'),
  immer: singleton('^10.1.1'),
};

if (federation.name !== MODULE_NAME) {
  throw new Error(`rsbuild.config.ts names the module ${federation.name}, src/federation-exposes.ts ${MODULE_NAME}`);
}

// A Perses server with plugin.enable_dev reads the module's package.json from the dev server, next to
// mf-manifest.json (GET /plugins/<Module>/package.json); the build copies it into the archive instead.
const PACKAGE_JSON_PATH = `/plugins/${MODULE_NAME}/package.json`;

export default defineConfig({
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      ...federation,
      exposes: exposedSources(),
      shared: SHARED_SINGLETONS,
      dts: false,
      runtime: false,
      getPublicPath: `function() { const prefix = window.PERSES_PLUGIN_ASSETS_PATH || window.PERSES_APP_CONFIG?.api_prefix || ""; return prefix + "/plugins/${MODULE_NAME}/"; }`,
    }),
  ],
  source: { entry: { main: './src/index-federation.ts' } },
  server: {
    ...devServer,
    setup: ({ action, server }) => {
      if (action !== 'dev') return;
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' || req.url?.split('?')[0] !== PACKAGE_JSON_PATH) return next();
        res.setHeader('Content-Type', 'application/json');
        // npm runs the dev script from the package root, as `percli plugin start` does.
        res.end(readFileSync(resolve('package.json')));
      });
    },
  },
  dev: {
    assetPrefix: `/plugins/${MODULE_NAME}/`,
    // The page is the Perses app, which proxies /plugins/* only: no HMR socket can reach
    // this server through it, and lazily compiled chunks would be requested from an endpoint it does not proxy.
    // An edit is picked up on the next page load.
    hmr: false,
    liveReload: false,
    lazyCompilation: false,
  },
  output: {
    assetPrefix: `/plugins/${MODULE_NAME}/`,
    distPath: { root: 'dist', js: '__mf/js', css: '__mf/css', font: '__mf/font' },
  },
  tools: {
    htmlPlugin: false,
    rspack: (config, { env }) => {
      if (env !== 'development') config.output = { ...config.output, publicPath: 'auto' };
      return config;
    },
  },
});
