// Each panel's boundary validator mirrors its CUE schema: every case the schema accepts, the validator accepts,
// and every case the schema rejects (schemas/*/tests/invalid, run by `percli plugin test-schemas`), the validator
// rejects with at least one sentence.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { validateKvQueueGaugeSpec } from '../../src/panels/kv-queue-gauge/kv-queue-gauge-validate';
import { validateLatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-validate';

const ROOT = path.resolve(__dirname, '../..');

const PANELS = [
  ['vllm-latency-quad', validateLatencyQuadSpec],
  ['vllm-kv-queue-gauge', validateKvQueueGaugeSpec],
] as const;

describe.each(PANELS)('the %s validator mirrors its schema cases', (schema, validate) => {
  const dir = (kind: string) => path.join(ROOT, 'schemas', schema, 'tests', kind);
  const cases = (kind: string) => readdirSync(dir(kind)).filter((f) => f.endsWith('.json'));
  const specOf = (kind: string, file: string) =>
    (JSON.parse(readFileSync(path.join(dir(kind), file), 'utf8')) as { spec: unknown }).spec;

  test.each(cases('valid'))('valid %s: no problem', (file) => {
    expect(validate(specOf('valid', file))).toEqual([]);
  });

  test.each(cases('invalid'))('invalid %s: at least one problem', (file) => {
    const problems = validate(specOf('invalid', file));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/\.$/);
  });
});
