// Builds the VllmPanels Module Federation remote that a Perses 0.52 host loads from /plugins/VllmPanels/.
import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

import { exposedSources, MODULE_NAME } from './src/federation-exposes';

// The libraries the Perses 0.52 host provides (plugin-system remote/PluginRuntime.js). Declared as
// singletons so the remote never ships a second copy; `requiredVersion` ranges are ones the host's
// declared versions satisfy (it declares @perses-dev/* as 0.51.0-rc.1), which keeps the console clean.
const singleton = (requiredVersion: string) => ({ singleton: true, requiredVersion });
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

export default defineConfig({
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      name: MODULE_NAME,
      exposes: exposedSources(),
      shared: SHARED_SINGLETONS,
      dts: false,
      runtime: false,
      getPublicPath: `function() { const prefix = window.PERSES_PLUGIN_ASSETS_PATH || window.PERSES_APP_CONFIG?.api_prefix || ""; return prefix + "/plugins/${MODULE_NAME}/"; }`,
    }),
  ],
  source: { entry: { main: './src/index-federation.ts' } },
  dev: { assetPrefix: `/plugins/${MODULE_NAME}/` },
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
