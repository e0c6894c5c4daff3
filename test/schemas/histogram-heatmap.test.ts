// The VllmHistogramHeatmap CUE model and the TypeScript defaults agree, checked with the real `cue` binary
// (.data/bin/cue, built by percli-scripts/setup.sh), run from the repository root so cue.mod resolves.
import {
  createInitialHistogramHeatmapOptions,
  resolveHistogramHeatmapSpec,
} from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { CueModel, cueModel } from '../support/cue-model';

let model: CueModel;
beforeAll(() => {
  model = cueModel('vllm-histogram-heatmap', 'VllmHistogramHeatmap');
});
afterAll(() => model.remove());
const vet = (spec: unknown, name: string) => model.vet(spec, name);
const withCueDefaults = (spec: unknown, name: string) => model.withDefaults(spec, name);

describe('VllmHistogramHeatmap CUE model', () => {
  test('createInitialHistogramHeatmapOptions() validates against the model', () => {
    expect(vet(createInitialHistogramHeatmapOptions(), 'initial')).toBe('');
  });

  test('CUE fills an empty spec with exactly createInitialHistogramHeatmapOptions()', () => {
    expect(withCueDefaults({}, 'empty')).toEqual(createInitialHistogramHeatmapOptions());
  });

  test('for every valid case, CUE defaults and the panel resolveHistogramHeatmapSpec() fill in the same values', () => {
    for (const { file, spec } of model.cases('valid')) {
      expect({ file, spec: withCueDefaults(spec, `valid-${file}`) }).toEqual({
        file,
        spec: resolveHistogramHeatmapSpec(spec as Parameters<typeof resolveHistogramHeatmapSpec>[0]),
      });
    }
  });

  test('a quantile of 1 is rejected (it is the maximum, which a histogram cannot give)', () => {
    expect(vet({ quantiles: [0.5, 1] }, 'q1')).toMatch(/quantiles/);
  });

  test('an unknown field is rejected because the spec is closed', () => {
    expect(vet({ ...createInitialHistogramHeatmapOptions(), colour: 'blue' }, 'unknown')).toMatch(
      /colour: field not allowed/,
    );
  });

  test('a quantile listed twice is rejected with a sentence that says so', () => {
    expect(vet({ quantiles: [0.9, 0.9] }, 'twice')).toMatch(/listed more than once/);
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
