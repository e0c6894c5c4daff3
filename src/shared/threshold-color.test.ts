import { testChartsTheme } from '@perses-dev/components';

import { stepColor } from './step-color';
import { thresholdColor } from './threshold-color';

describe('threshold colour', () => {
  const palette = testChartsTheme.thresholds;
  it('takes the last step at or below the value', () => {
    const t = {
      defaultColor: 'green',
      steps: [
        { value: 1, color: 'orange' },
        { value: 2, color: 'red' },
      ],
    };
    expect(thresholdColor(0.5, t, palette)).toBe('green');
    expect(thresholdColor(1, t, palette)).toBe('orange');
    expect(thresholdColor(2.5, t, palette)).toBe('red');
  });

  it('uses the theme default for a value that is not a number', () => {
    expect(thresholdColor(NaN, { steps: [{ value: 0, color: 'red' }] }, palette)).toBe(palette.defaultColor);
  });

  it('percent mode compares against max', () => {
    const t = { mode: 'percent' as const, max: 10, steps: [{ value: 50, color: 'red' }] };
    expect(thresholdColor(4, t, palette)).toBe(palette.defaultColor);
    expect(thresholdColor(6, t, palette)).toBe('red');
  });

  it('a step without a colour takes the palette entry at its index, and past the palette the default colour', () => {
    const steps = Array.from({ length: palette.palette.length + 1 }, (_, i) => ({ value: i + 1 }));
    expect(thresholdColor(1, { steps }, palette)).toBe(palette.palette[0]);
    expect(stepColor({}, palette.palette.length, palette, 'grey')).toBe('grey');
    expect(thresholdColor(steps.length, { steps, defaultColor: 'grey' }, palette)).toBe('grey');
  });
});
