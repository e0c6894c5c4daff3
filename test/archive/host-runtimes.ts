// The shared modules each supported Perses host provides to plugin remotes, read from the host's own plugin runtime
// (@perses-dev/plugin-system dist/remote/PluginRuntime.js, which calls Module Federation's createInstance with a
// `shared` map). 0.52 is the version we build against (node_modules); newer hosts' runtimes are fetched by
// percli-scripts/setup.sh into .data/hosts/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from './archive-files';

export interface HostRuntime {
  /** plugin-system version of the host. */
  version: string;
  file: string;
  /** Share key → the version the host declares (undefined when it is computed at run time, e.g. React.version). */
  shared: Map<string, string | undefined>;
}

const RUNTIME = 'dist/remote/PluginRuntime.js';

export const HOST_PACKAGES = [
  path.join(ROOT, 'node_modules/@perses-dev/plugin-system'),
  path.join(ROOT, '.data/hosts/plugin-system-0.54.0/package'),
];

export function readHostRuntime(packageDir: string): HostRuntime {
  const file = path.join(packageDir, RUNTIME);
  if (!existsSync(file)) throw new Error(`${file} is missing: run percli-scripts/setup.sh`);
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('shared: {');
  if (start < 0) throw new Error(`${file}: no \`shared: {\` map found; has the host runtime changed shape?`);
  // Every entry of the map is `<key>: {\n version: <literal or expression>,`.
  const entry = /^\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_$][\w$]*)):\s*\{\s*version:\s*(?:'([^']*)'|([^,\n]+)),/gm;
  entry.lastIndex = start;
  const shared = new Map<string, string | undefined>();
  for (let m = entry.exec(text); m; m = entry.exec(text)) shared.set(m[1] ?? m[2] ?? m[3], m[4]);
  if (shared.size === 0) throw new Error(`${file}: no shared modules found`);
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { version, file, shared };
}
