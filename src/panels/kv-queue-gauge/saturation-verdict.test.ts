import { saturationVerdict } from './saturation-verdict';

describe('saturationVerdict', () => {
  test('requests waiting with the worst KV at or above critical is Saturated', () => {
    expect(saturationVerdict({ kvMax: 0.965, running: 175, waiting: 7, critical: 0.95 }).verdict).toBe('Saturated');
    expect(saturationVerdict({ kvMax: 0.95, running: 175, waiting: 1, critical: 0.95 }).verdict).toBe('Saturated');
  });

  test('requests waiting with KV below critical is Queueing', () => {
    expect(saturationVerdict({ kvMax: 0.9, running: 256, waiting: 12, critical: 0.95 }).verdict).toBe('Queueing');
  });

  test('a full KV cache with nothing waiting is still Healthy', () => {
    expect(saturationVerdict({ kvMax: 0.99, running: 120, waiting: 0, critical: 0.95 })).toEqual({
      verdict: 'Healthy',
      reason: 'no request is waiting',
    });
  });

  test('nothing running and nothing waiting is No traffic', () => {
    expect(saturationVerdict({ kvMax: 0, running: 0, waiting: 0, critical: 0.95 }).verdict).toBe('No traffic');
    expect(saturationVerdict({ kvMax: 0, running: null, waiting: 0, critical: 0.95 }).verdict).toBe('No traffic');
  });

  test('without a waiting count the verdict is Unknown rather than a guess', () => {
    expect(saturationVerdict({ kvMax: 0.97, running: 64, waiting: null, critical: 0.95 })).toEqual({
      verdict: 'Unknown',
      reason: 'needs the waiting query to tell whether requests queue',
    });
    expect(saturationVerdict({ kvMax: 0.5, running: 64, waiting: NaN, critical: 0.95 }).verdict).toBe('Unknown');
  });

  test('with no thresholds set, waiting requests are Queueing, never Saturated', () => {
    expect(saturationVerdict({ kvMax: 1, running: 64, waiting: 3 }).verdict).toBe('Queueing');
  });
});
