// What the operator suite applies: the install recipes of percli-scripts/install/ (what install.sh prints and
// README.md shows) and the bundled dashboards of dashboards/operator/, plus the variants the tests derive from them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import YAML from 'yaml';

import { KubeObject } from './control-plane';
import { ROOT } from './perses-server';

/** Perses v0.52: `install.sh operator`. */
export const PERSES_CR_FILE = 'percli-scripts/install/operator-perses.yaml';
/** Perses v0.53+: `install.sh operator --archive-paths`. */
export const PERSES_CR_V053_FILE = 'percli-scripts/install/operator-perses-v0.53.yaml';
/** Perses v0.52 with the Helm chart: `install.sh helm`. */
export const HELM_VALUES_FILE = 'percli-scripts/install/helm-values.yaml';
/** Every recipe, in the order README.md shows them. */
export const RECIPE_FILES = [PERSES_CR_FILE, PERSES_CR_V053_FILE, HELM_VALUES_FILE];
/** Where the recipes mount the folder of plugin archives in the Perses container. */
export const PLUGIN_MOUNT = '/etc/perses/extra-plugins';

export const readYaml = <T = KubeObject>(file: string): T => YAML.parse(readFileSync(join(ROOT, file), 'utf8')) as T;

export interface PersesCR extends KubeObject {
  spec: {
    image?: string;
    config: { plugin: Record<string, unknown> } & Record<string, unknown>;
    volumes?: Array<{ name: string } & Record<string, unknown>>;
    volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
  } & Record<string, unknown>;
}

/** The README's Perses resource for v0.52 (PERSES_CR_FILE), optionally renamed. */
export function persesCR(name?: string, namespace?: string): PersesCR {
  const cr = readYaml<PersesCR>(PERSES_CR_FILE);
  if (name) cr.metadata.name = name;
  if (namespace) cr.metadata.namespace = namespace;
  return cr;
}

/** The same resource with the plugin volume's source replaced, e.g. `{ configMap: { name: 'vllm-panels' } }`. */
export function withPluginVolume(cr: PersesCR, source: Record<string, unknown>): PersesCR {
  const copy = structuredClone(cr);
  copy.spec.volumes = (copy.spec.volumes ?? []).map((v) =>
    v.name === 'vllm-panels' ? { name: v.name, ...source } : v,
  );
  return copy;
}

/** dashboards/operator/*.yaml as [path, resource]. */
export function operatorResources(): Array<[string, KubeObject]> {
  return readdirSync(join(ROOT, 'dashboards/operator'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [`dashboards/operator/${f}`, readYaml(`dashboards/operator/${f}`)]);
}

export interface PanelSpec {
  kind: string;
  spec: { plugin: { kind: string; spec: Record<string, unknown> } } & Record<string, unknown>;
}

/** Plugin kinds of a dashboard spec's panels. */
export const panelKinds = (dashboardSpec: { panels?: Record<string, PanelSpec> }): string[] =>
  Object.values(dashboardSpec.panels ?? {}).map((p) => p.spec.plugin.kind);
