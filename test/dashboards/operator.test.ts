// dashboards/operator/*.yaml: valid against the v1alpha2 CRD schemas of perses-operator v0.5.0 (from its Go module,
// pinned in percli-scripts/official-plugins/go.mod), nothing in them that the API server would prune, and in sync
// with the native dashboards they are generated from.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

import { driftedFiles, OPERATOR_API_VERSION, operatorFiles } from '../../percli-scripts/gen-operator';
import { ROOT } from '../support/dashboard-files';

const OPERATOR_MODULE = 'github.com/perses/perses-operator';

/** The operator module's folder in the Go module cache (downloaded through the proxy on first use). */
function operatorModuleDir(): string {
  const goMod = readFileSync(join(ROOT, 'percli-scripts/official-plugins/go.mod'), 'utf8');
  const version = goMod.match(new RegExp(`^\\s*${OPERATOR_MODULE.replace(/\./g, '\\.')}\\s+(v\\S+)`, 'm'))?.[1];
  if (!version) throw new Error(`${OPERATOR_MODULE} is not pinned in percli-scripts/official-plugins/go.mod`);
  const out = execFileSync('go', ['mod', 'download', '-json', `${OPERATOR_MODULE}@${version}`], {
    cwd: join(ROOT, 'percli-scripts/official-plugins'),
    env: { ...process.env, GOFLAGS: '-mod=mod' },
    encoding: 'utf8',
  });
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${OPERATOR_MODULE}@${version}: ${info.Error}`);
  return info.Dir;
}

/**
 * The API server prunes fields a structural schema does not declare (unless x-kubernetes-preserve-unknown-fields):
 * closing those objects turns a silent prune into a validation error.
 */
function closeLikeTheApiServer(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeLikeTheApiServer);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema))
    out[k] =
      k === 'properties' ? mapValues(v as Record<string, unknown>, closeLikeTheApiServer) : closeLikeTheApiServer(v);
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields'])
    out.additionalProperties = false;
  return out;
}

function mapValues(o: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

function validatorFor(crdFile: string, version: string): ValidateFunction {
  const crd = YAML.parse(readFileSync(crdFile, 'utf8'));
  const served = crd.spec.versions.find((v: { name: string }) => v.name === version);
  if (!served) throw new Error(`${crdFile} has no version ${version}`);
  // OpenAPI/Kubernetes keywords (nullable, x-kubernetes-*) are not JSON Schema: strict off keeps ajv from rejecting them.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Kubernetes "duration" is a Go-style duration (1h, 30s, 1h30m), not ISO 8601.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w))+$/);
  ajv.addFormat('int32', true);
  ajv.addFormat('int64', true);
  return ajv.compile(closeLikeTheApiServer(served.schema.openAPIV3Schema) as object);
}

const errorsOf = (validate: ValidateFunction, resource: unknown): string[] =>
  validate(resource)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

describe('Perses Operator resources (dashboards/operator)', () => {
  const crdDir = join(operatorModuleDir(), 'config/crd/bases');
  const validators: Record<string, ValidateFunction> = {
    PersesDashboard: validatorFor(join(crdDir, 'perses.dev_persesdashboards.yaml'), 'v1alpha2'),
    PersesDatasource: validatorFor(join(crdDir, 'perses.dev_persesdatasources.yaml'), 'v1alpha2'),
  };
  const files = operatorFiles(ROOT).map((f) => [f.path, YAML.parse(readFileSync(join(ROOT, f.path), 'utf8'))] as const);

  it('covers both dashboards and the datasource example', () => {
    expect(files.map(([, r]) => r.kind).sort()).toEqual(['PersesDashboard', 'PersesDashboard', 'PersesDatasource']);
  });

  it.each(files)('%s validates against the v1alpha2 CRD schema, nothing pruned', (_, resource) => {
    expect(resource.apiVersion).toBe(OPERATOR_API_VERSION);
    expect(errorsOf(validators[resource.kind], resource)).toEqual([]);
    // Names and namespaces the API server accepts (DNS-1123), the namespace being the Perses project.
    expect(resource.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(resource.metadata.namespace).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('the validator rejects what the operator would (missing layouts, a field the API server would prune)', () => {
    const [, dashboard] = files.find(([, r]) => r.kind === 'PersesDashboard')!;
    const noLayouts = structuredClone(dashboard);
    delete noLayouts.spec.config.layouts;
    expect(errorsOf(validators.PersesDashboard, noLayouts).join()).toMatch(/layouts/);
    const v1alpha1Shape = { ...structuredClone(dashboard), spec: structuredClone(dashboard.spec.config) };
    expect(errorsOf(validators.PersesDashboard, v1alpha1Shape)).not.toEqual([]);
  });

  it('spec.config is exactly the native dashboard spec (one source of truth)', () => {
    for (const [path, resource] of files) {
      const native = YAML.parse(readFileSync(join(ROOT, path.replace('operator/', '')), 'utf8'));
      if (resource.kind === 'PersesDashboard') expect(resource.spec.config).toEqual(native.spec);
      expect(resource.metadata.namespace).toBe(native.metadata.project);
    }
  });

  it('the committed files equal a fresh generation (run `tsx percli-scripts/gen-operator.ts` after editing a dashboard)', () => {
    expect(driftedFiles(ROOT)).toEqual([]);
  });
});
