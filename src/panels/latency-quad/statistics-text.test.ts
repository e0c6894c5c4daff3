import { createInitialLatencyQuadOptions } from './latency-quad-spec';
import { parseStatistics, statisticsToText } from './statistics-text';

describe('statistics text', () => {
  it('round-trips the defaults', () => {
    const text = statisticsToText(createInitialLatencyQuadOptions().statistics);
    expect(text).toBe('mean, p50, p90, p99');
    expect(parseStatistics(text)).toEqual({ ok: true, statistics: createInitialLatencyQuadOptions().statistics });
  });

  it('keeps per-statistic thresholds of statistics that stay', () => {
    const thresholds = { steps: [{ value: 2, color: 'red' }] };
    const parsed = parseStatistics('p99, p50', [{ kind: 'quantile', quantile: 0.99, thresholds }]);
    expect(parsed).toEqual({
      ok: true,
      statistics: [
        { kind: 'quantile', quantile: 0.99, thresholds },
        { kind: 'quantile', quantile: 0.5 },
      ],
    });
  });

  it.each([
    ['', 'at least one'],
    ['p100', '0 < NN < 100'],
    ['p0', '0 < NN < 100'],
    ['median', '"median" is not a statistic'],
    ['p50, p50', 'p50 is listed twice'],
  ])('rejects %j with an actionable message', (text, message) => {
    const parsed = parseStatistics(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
