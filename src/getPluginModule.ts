import { PluginModuleResource } from '@perses-dev/plugin-system';

import packageJson from '../package.json';

/** The PluginModule resource this package describes, as a Perses server lists it under /api/v1/plugins. */
export function getPluginModule(): PluginModuleResource {
  const { name, version, perses } = packageJson;
  return { kind: 'PluginModule', metadata: { name, version }, spec: perses } as PluginModuleResource;
}
