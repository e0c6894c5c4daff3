// The queries the no-query help offers are the README's own recipes, and the section it names exists: the help
// can never drift from the documentation it points to (the README recipes are checked against a real Prometheus
// by test/latency-quad/recipes.test.ts and test/histogram-heatmap/prometheus.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NO_QUERY as HEATMAP } from '../panels/histogram-heatmap/heatmap-messages';
import { NO_QUERY as GAUGE } from '../panels/kv-queue-gauge/kv-queue-messages';
import { NO_QUERY as QUAD } from '../panels/latency-quad/quad-messages';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const headings = README.split('\n').filter((line) => line.startsWith('#'));

describe.each([
  ['VllmLatencyQuad', QUAD],
  ['VllmKvQueueGauge', GAUGE],
  ['VllmHistogramHeatmap', HEATMAP],
])('%s no-query help', (panel, help) => {
  it('offers queries that are in the README verbatim', () => {
    expect(help.recipes.length).toBeGreaterThan(0);
    for (const recipe of help.recipes) expect(README).toContain(`\`${recipe.query}\``);
  });

  it('names a README section that exists under the panel', () => {
    const [section, subsection] = help.readmeSection.split(' › ');
    expect(section).toBe(panel);
    const at = headings.indexOf(`## ${section}`);
    expect(at).toBeGreaterThanOrEqual(0);
    const next = headings.findIndex((h, i) => i > at && h.startsWith('## '));
    expect(headings.slice(at, next < 0 ? undefined : next)).toContain(`### ${subsection}`);
  });
});
