// The TypeScript defaults of VllmKvQueueGauge validate against its CUE model, and the model rejects
// bad specs; both checked by the real `cue` binary built into .data/bin by percli-scripts/setup.sh.
import { createInitialKvQueueGaugeOptions } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-spec';
import { cueModel } from '../support/cue-model';

// Created at load time: the valid and invalid cases below are read while jest collects the tests.
const model = cueModel('vllm-kv-queue-gauge', 'VllmKvQueueGauge');
afterAll(() => model.remove());

describe('VllmKvQueueGauge CUE model', () => {
  test('createInitialKvQueueGaugeOptions() validates against the model', () => {
    expect(model.vet(createInitialKvQueueGaugeOptions(), 'initial')).toBe('');
  });

  test('the model fills an empty spec with exactly createInitialKvQueueGaugeOptions()', () => {
    expect(model.withDefaults({})).toEqual(createInitialKvQueueGaugeOptions());
  });

  test('a repeated role is rejected with the offending field named', () => {
    const error = model.vet(
      { ...createInitialKvQueueGaugeOptions(), queryRoles: ['kv', 'waiting', 'waiting'] },
      'repeated',
    );
    expect(error).toMatch(/queryRoles/);
  });

  test('an unknown field is rejected because the spec is closed', () => {
    const error = model.vet({ ...createInitialKvQueueGaugeOptions(), kvScaleTypo: 'percent' }, 'unknown');
    expect(error).toMatch(/kvScaleTypo: field not allowed/);
  });

  test('an absolute threshold above 1 is rejected (80 means percent mode)', () => {
    const error = model.vet({ thresholds: { steps: [{ value: 80 }] } }, 'abs80');
    expect(error).toMatch(/thresholds/);
  });

  const cases = (kind: 'valid' | 'invalid') => model.cases(kind).map(({ file, spec }) => [file, spec] as const);

  test('there are at least six valid and six invalid cases', () => {
    expect(cases('valid').length).toBeGreaterThanOrEqual(6);
    expect(cases('invalid').length).toBeGreaterThanOrEqual(6);
  });

  test.each(cases('valid'))('valid case %s passes', (file, spec) => {
    expect(model.vet(spec, `valid-${file}`)).toBe('');
  });

  test.each(cases('invalid'))('invalid case %s is rejected', (file, spec) => {
    // Rejected by a rule on a spec field, not by a tooling failure (missing cue.mod, bad JSON, …).
    expect(model.vet(spec, `invalid-${file}`)).toMatch(/spec\.\w+/);
  });
});
