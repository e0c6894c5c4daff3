// The VllmHistogramHeatmap CUE model and the TypeScript defaults agree, checked with the real `cue` binary
// (.data/bin/cue, built by percli-scripts/setup.sh), run from the repository root so cue.mod resolves.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  createInitialHistogramHeatmapOptions,
  resolveHistogramHeatmapSpec,
} from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';

const ROOT = path.resolve(__dirname, '../..');
const CUE = path.join(ROOT, '.data/bin/cue');
const MODEL = 'schemas/vllm-histogram-heatmap/vllm-histogram-heatmap.cue';
const CASES = path.join(ROOT, 'schemas/vllm-histogram-heatmap/tests');
let scratch = '';

function writeDocument(spec: unknown, name: string): string {
  const file = path.join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify({ kind: 'VllmHistogramHeatmap', spec }));
  return file;
}

/** `cue vet -c` of one document; '' when valid, otherwise cue's message. */
function vet(spec: unknown, name: string): string {
  try {
    execFileSync(CUE, ['vet', '-c', MODEL, writeDocument(spec, name)], { cwd: ROOT, stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

/** The spec as the server stores it: with every CUE default filled in. */
function withCueDefaults(spec: unknown, name: string): unknown {
  const out = execFileSync(CUE, ['export', MODEL, writeDocument(spec, name)], { cwd: ROOT, stdio: 'pipe' });
  return (JSON.parse(out.toString()) as { spec: unknown }).spec;
}

beforeAll(() => {
  if (!existsSync(CUE)) throw new Error(`${CUE} is missing: run percli-scripts/setup.sh to build cue`);
  scratch = mkdtempSync(path.join(tmpdir(), 'histogram-heatmap-schema-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('VllmHistogramHeatmap CUE model', () => {
  test('createInitialHistogramHeatmapOptions() validates against the model', () => {
    expect(vet(createInitialHistogramHeatmapOptions(), 'initial')).toBe('');
  });

  test('CUE fills an empty spec with exactly createInitialHistogramHeatmapOptions()', () => {
    expect(withCueDefaults({}, 'empty')).toEqual(createInitialHistogramHeatmapOptions());
  });

  test('for every valid case, CUE defaults and the panel resolveHistogramHeatmapSpec() fill in the same values', () => {
    for (const file of readdirSync(path.join(CASES, 'valid'))) {
      const { spec } = JSON.parse(readFileSync(path.join(CASES, 'valid', file), 'utf8'));
      expect({ file, spec: withCueDefaults(spec, `valid-${file}`) }).toEqual({
        file,
        spec: resolveHistogramHeatmapSpec(spec),
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
    const valid = readdirSync(path.join(CASES, 'valid'));
    const invalid = readdirSync(path.join(CASES, 'invalid'));
    expect(valid.length).toBeGreaterThanOrEqual(6);
    expect(invalid.length).toBeGreaterThanOrEqual(6);
    for (const file of invalid) {
      const { spec } = JSON.parse(readFileSync(path.join(CASES, 'invalid', file), 'utf8'));
      expect({ file, rejected: vet(spec, `invalid-${file}`) !== '' }).toEqual({ file, rejected: true });
    }
  });
});
