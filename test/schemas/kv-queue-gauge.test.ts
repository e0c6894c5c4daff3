// The TypeScript defaults of VllmKvQueueGauge validate against its CUE model, and the model rejects
// bad specs; both checked by the real `cue` binary built into .data/bin by percli-scripts/setup.sh.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createInitialKvQueueGaugeOptions } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-spec';

const ROOT = path.resolve(__dirname, '../..');
const CUE = path.join(ROOT, '.data/bin/cue');
const MODEL = 'schemas/vllm-kv-queue-gauge/vllm-kv-queue-gauge.cue';
const CASES = path.join(ROOT, 'schemas/vllm-kv-queue-gauge/tests');
const scratch = mkdtempSync(path.join(tmpdir(), 'kv-queue-gauge-schema-'));

/** `cue vet -c` from the repository root so cue.mod resolves the Perses common package; returns its error text or ''. */
function vet(document: unknown, name: string): string {
  const file = path.join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(document));
  try {
    execFileSync(CUE, ['vet', '-c', MODEL, file], { cwd: ROOT, stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

/** `cue export` of a document: the spec with every default the model fills in. */
function exportWithDefaults(document: unknown): unknown {
  const file = path.join(scratch, 'export.json');
  writeFileSync(file, JSON.stringify(document));
  return JSON.parse(execFileSync(CUE, ['export', MODEL, file], { cwd: ROOT, stdio: 'pipe' }).toString());
}

beforeAll(() => {
  if (!existsSync(CUE)) throw new Error(`${CUE} is missing: run percli-scripts/setup.sh to build cue`);
});

describe('VllmKvQueueGauge CUE model', () => {
  test('createInitialKvQueueGaugeOptions() validates against the model', () => {
    expect(vet({ kind: 'VllmKvQueueGauge', spec: createInitialKvQueueGaugeOptions() }, 'initial')).toBe('');
  });

  test('the model fills an empty spec with exactly createInitialKvQueueGaugeOptions()', () => {
    const exported = exportWithDefaults({ kind: 'VllmKvQueueGauge', spec: {} }) as { spec: unknown };
    expect(exported.spec).toEqual(createInitialKvQueueGaugeOptions());
  });

  test('a repeated role is rejected with the offending field named', () => {
    const error = vet(
      {
        kind: 'VllmKvQueueGauge',
        spec: { ...createInitialKvQueueGaugeOptions(), queryRoles: ['kv', 'waiting', 'waiting'] },
      },
      'repeated',
    );
    expect(error).toMatch(/queryRoles/);
  });

  test('an unknown field is rejected because the spec is closed', () => {
    const error = vet(
      { kind: 'VllmKvQueueGauge', spec: { ...createInitialKvQueueGaugeOptions(), kvScaleTypo: 'percent' } },
      'unknown',
    );
    expect(error).toMatch(/kvScaleTypo: field not allowed/);
  });

  test('an absolute threshold above 1 is rejected (80 means percent mode)', () => {
    const error = vet({ kind: 'VllmKvQueueGauge', spec: { thresholds: { steps: [{ value: 80 }] } } }, 'abs80');
    expect(error).toMatch(/thresholds/);
  });

  const cases = (kind: 'valid' | 'invalid') => readdirSync(path.join(CASES, kind)).filter((f) => f.endsWith('.json'));

  test('there are at least six valid and six invalid cases', () => {
    expect(cases('valid').length).toBeGreaterThanOrEqual(6);
    expect(cases('invalid').length).toBeGreaterThanOrEqual(6);
  });

  test.each(cases('valid'))('valid case %s passes', (file) => {
    expect(vet(JSON.parse(readFileSync(path.join(CASES, 'valid', file), 'utf8')), `valid-${file}`)).toBe('');
  });

  test.each(cases('invalid'))('invalid case %s is rejected', (file) => {
    // Rejected by a rule on a spec field, not by a tooling failure (missing cue.mod, bad JSON, …).
    expect(vet(JSON.parse(readFileSync(path.join(CASES, 'invalid', file), 'utf8')), `invalid-${file}`)).toMatch(
      /spec\.\w+/,
    );
  });
});
