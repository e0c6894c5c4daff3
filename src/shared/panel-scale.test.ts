import { panelScale } from './panel-scale';

describe('panelScale', () => {
  it('leaves dashboard-sized panels alone', () => {
    expect(panelScale(300, 80)).toBe(1);
    expect(panelScale(480, 200)).toBe(1);
    expect(panelScale(1400, 220)).toBe(1); // wide but short: the height decides
    expect(panelScale(600, 300)).toBe(1);
  });

  it('grows with the square root of the tighter ratio, up to 2.5×', () => {
    // 1880 / 600 = 3.13 is tighter than 960 / 300 = 3.2.
    expect(panelScale(1880, 960)).toBeCloseTo(Math.sqrt(1880 / 600), 2);
    expect(panelScale(3800, 2040)).toBe(2.5);
    expect(panelScale(10000, 10000)).toBe(2.5);
  });

  it('is 1 for degenerate sizes', () => {
    expect(panelScale(0, 0)).toBe(1);
    expect(panelScale(-5, 100)).toBe(1);
  });
});
