// The VllmLatencyQuad CUE model and the TypeScript defaults agree, checked with the real `cue` binary
// (.data/bin/cue, built by percli-scripts/setup.sh), run from the repository root so cue.mod resolves.
import {
  createInitialLatencyQuadOptions,
  resolveLatencyQuadSpec,
} from '../../src/panels/latency-quad/latency-quad-spec';
import { CueModel, cueModel } from '../support/cue-model';

let model: CueModel;
beforeAll(() => {
  model = cueModel('vllm-latency-quad', 'VllmLatencyQuad');
});
afterAll(() => model.remove());
const vet = (spec: unknown, name: string) => model.vet(spec, name);
const withCueDefaults = (spec: unknown, name: string) => model.withDefaults(spec, name);

describe('VllmLatencyQuad CUE model', () => {
  test('createInitialLatencyQuadOptions() validates against the model', () => {
    expect(vet(createInitialLatencyQuadOptions(), 'initial')).toBe('');
  });

  test('CUE fills an empty spec with exactly createInitialLatencyQuadOptions()', () => {
    expect(withCueDefaults({}, 'empty')).toEqual(createInitialLatencyQuadOptions());
  });

  test('for every valid case, CUE defaults and the panel resolveLatencyQuadSpec() fill in the same values', () => {
    for (const { file, spec } of model.cases('valid')) {
      expect({ file, spec: withCueDefaults(spec, `valid-${file}`) }).toEqual({
        file,
        spec: resolveLatencyQuadSpec(spec as Parameters<typeof resolveLatencyQuadSpec>[0]),
      });
    }
  });

  test('a quantile of 1 is rejected (it is the maximum, which a histogram cannot give)', () => {
    expect(vet({ statistics: [{ kind: 'quantile', quantile: 1 }] }, 'q1')).toMatch(/quantile/);
  });

  test('an unknown field is rejected because the spec is closed', () => {
    expect(vet({ ...createInitialLatencyQuadOptions(), sloTarget: 0.99 }, 'unknown')).toMatch(
      /sloTarget: field not allowed/,
    );
  });

  test('an SLO target written in percent is rejected (targets are fractions)', () => {
    expect(vet({ slo: { threshold: 2, target: 99 } }, 'percent')).toMatch(/target/);
  });

  test('there are at least 6 valid and 6 invalid cases, and each invalid one is rejected', () => {
    const valid = model.cases('valid');
    const invalid = model.cases('invalid');
    expect(valid.length).toBeGreaterThanOrEqual(6);
    expect(invalid.length).toBeGreaterThanOrEqual(6);
    for (const { file, spec } of invalid) {
      expect({ file, rejected: vet(spec, `invalid-${file}`) !== '' }).toEqual({ file, rejected: true });
    }
  });
});
