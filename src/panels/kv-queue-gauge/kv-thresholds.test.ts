import { resolveKvThresholds, stepFor, thresholdProblems } from './kv-thresholds';

describe('resolveKvThresholds', () => {
  test('defaults are warning 0.80 and critical 0.95', () => {
    const t = resolveKvThresholds(undefined);
    expect(t.warning?.fraction).toBe(0.8);
    expect(t.critical?.fraction).toBe(0.95);
  });

  test('percent-mode steps are turned into fractions and sorted', () => {
    const t = resolveKvThresholds({ mode: 'percent', steps: [{ value: 97, color: '#d55e00' }, { value: 85 }] });
    expect(t.steps.map((s) => s.fraction)).toEqual([0.85, 0.97]);
    expect(t.critical).toEqual({ fraction: 0.97, color: '#d55e00', name: undefined, index: 1 });
  });

  test('percent mode without steps keeps the 80 % / 95 % defaults', () => {
    const t = resolveKvThresholds({ mode: 'percent' });
    expect(t.steps.map((s) => s.fraction)).toEqual([0.8, 0.95]);
  });

  test('a single step is the critical one', () => {
    const t = resolveKvThresholds({ steps: [{ value: 0.9 }] });
    expect(t.critical?.fraction).toBe(0.9);
    expect(t.warning).toBeUndefined();
  });
});

describe('stepFor', () => {
  const t = resolveKvThresholds(undefined);
  test('a value at a step boundary belongs to that step', () => {
    expect(stepFor(0.5, t)).toBeUndefined();
    expect(stepFor(0.8, t)?.index).toBe(0);
    expect(stepFor(0.97, t)?.index).toBe(1);
    expect(stepFor(NaN, t)).toBeUndefined();
  });
});

describe('thresholdProblems', () => {
  test('an absolute step above 1 says to use percent mode', () => {
    expect(thresholdProblems({ steps: [{ value: 80 }] })).toEqual([
      'threshold 80 is outside 0–1: in absolute mode steps are fractions of the KV cache (0.8 = 80 %); switch the thresholds to percent mode to enter 80',
    ]);
    expect(thresholdProblems({ mode: 'percent', steps: [{ value: 80 }] })).toEqual([]);
  });

  test('fractions left in percent mode (the editor keeps the numbers) are flagged', () => {
    expect(thresholdProblems({ mode: 'percent', steps: [{ value: 0.8 }, { value: 0.95 }] })).toEqual([
      'thresholds 0.8, 0.95 are in percent mode, i.e. below 1 %: enter 80 for 80 % or switch back to absolute',
    ]);
  });
});
