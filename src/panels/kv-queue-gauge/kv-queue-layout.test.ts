import { LayoutInput, panelScale, planLayout } from './kv-queue-layout';

// Content heights of Perses grid items: 3 rows ≈ 60 px, 6 rows ≈ 170 px, 7 rows ≈ 200 px, 12 rows ≈ 330 px.
const base: LayoutInput = { width: 480, height: 170, sparklines: false, messages: 0, instances: 3, maxInstances: 5 };

describe('planLayout', () => {
  test('3 grid rows: the one-line layout, no list', () => {
    const layout = planLayout({ ...base, height: 60 });
    expect(layout.compact).toBe(true);
    expect(layout.instanceRows).toBeNull();
    expect(layout.gaugeSize).toBe(92); // 2 × (60 − 14), under width × 0.22 = 105.6
  });

  test('6 grid rows: one instance row fits (then +2 more), the gauge shrinks to leave it room', () => {
    const layout = planLayout(base);
    expect(layout.compact).toBe(false);
    expect(layout.instanceRows).toBe(1);
    // 170 − 8 padding − 64 text − 32 bar = 66; the list takes 4 + 18 header + 18 row + 18 "+2 more" = 58.
    expect(layout.gaugeSize).toBe(2 * (64 + 8 - 6));
  });

  test('6 grid rows with sparklines: no row fits, so only the "not listed" line (never nothing)', () => {
    expect(planLayout({ ...base, sparklines: true }).instanceRows).toBe(0);
  });

  test('7 grid rows: all three instances without sparklines, one with them', () => {
    expect(planLayout({ ...base, height: 200 }).instanceRows).toBe(3);
    expect(planLayout({ ...base, height: 200, sparklines: true }).instanceRows).toBe(1);
  });

  test('12 grid rows: rows up to the height, then up to maxInstances', () => {
    // 330 − 130 (padding, text, bar, sparklines) = 200 ≥ 4 + 18 + 8 × 18 + 18 = 184; 9 rows would need 202.
    expect(planLayout({ ...base, height: 330, sparklines: true, instances: 20, maxInstances: 50 }).instanceRows).toBe(
      8,
    );
    expect(planLayout({ ...base, height: 330, sparklines: true, instances: 20, maxInstances: 5 }).instanceRows).toBe(5);
  });

  test('the +N more line is only budgeted when something is hidden', () => {
    // 7 rows without sparklines leave 200 − 104 = 96 px: 4 rows alone take 4 + 18 + 4 × 18 = 94 (fits),
    // but 4 rows and a "+1 more" line would take 112, so 5 instances get 3 rows and "+2 more" (94).
    expect(planLayout({ ...base, height: 200, instances: 4 }).instanceRows).toBe(4);
    expect(planLayout({ ...base, height: 200, instances: 5 }).instanceRows).toBe(3);
  });

  test('messages at the bottom take rows from the list', () => {
    expect(planLayout({ ...base, height: 200 }).instanceRows).toBe(3);
    expect(planLayout({ ...base, height: 200, messages: 2 }).instanceRows).toBe(1);
  });

  test('no list when the option hides it or the series name no instance', () => {
    expect(planLayout({ ...base, height: 330, maxInstances: 0 }).instanceRows).toBeNull();
    expect(planLayout({ ...base, height: 330, instances: 0 }).instanceRows).toBeNull();
  });

  test('the gauge leaves the text beside it room on a narrow panel, and is capped on a wide one', () => {
    expect(planLayout({ ...base, height: 330, width: 380 }).gaugeSize).toBe(380 - 230);
    expect(planLayout({ ...base, height: 300, width: 300 }).gaugeSize).toBe(72);
    // 1200×400 is zoomed 1.15×: 1043 layout px wide, 0.42 of that.
    expect(planLayout({ ...base, height: 400, width: 1200 }).gaugeSize).toBeCloseTo((1200 / 1.15) * 0.42, 5);
    expect(planLayout({ ...base, height: 2000, width: 6000 }).gaugeSize).toBe(640);
  });

  test('up to 600×300 nothing is zoomed; a maximised panel is planned smaller and zoomed, at most 2.5×', () => {
    expect(panelScale(480, 170)).toBe(1);
    expect(panelScale(600, 300)).toBe(1);
    expect(panelScale(1900, 950)).toBeCloseTo(Math.sqrt(950 / 300), 2);
    expect(panelScale(3800, 2000)).toBe(2.5);
    expect(planLayout({ ...base, width: 1900, height: 950 }).scale).toBeCloseTo(1.78, 2);
  });

  test('a maximised panel with many instances spreads them over columns and still grows the gauge', () => {
    const layout = planLayout({ ...base, width: 1900, height: 950, instances: 200, maxInstances: 50 });
    expect(layout.instanceColumns).toBeGreaterThanOrEqual(3);
    expect(layout.instanceRows).toBeGreaterThanOrEqual(36);
    expect(layout.gaugeSize * layout.scale).toBeGreaterThanOrEqual(400);
    // A narrow panel keeps one column.
    expect(planLayout({ ...base, height: 330, instances: 20, maxInstances: 50 }).instanceColumns).toBe(1);
  });

  test('a tall, narrow panel stacks the gauge above the text, as wide as the panel allows', () => {
    const layout = planLayout({ ...base, width: 400, height: 600, instances: 1 });
    expect(layout.stacked).toBe(true);
    expect(layout.gaugeSize).toBe(400 - 16);
    expect(planLayout({ ...base, width: 480, height: 330 }).stacked).toBe(false);
  });

  test('a tall panel with few instances gives its spare height to the sparklines, up to a third of their width', () => {
    expect(planLayout({ ...base, height: 170, sparklines: true }).sparklineHeight).toBe(22);
    // Two lines share 480 − 16 px, less a 48 px caption each: 184 px wide, so at most 61 px tall.
    expect(planLayout({ ...base, height: 330, sparklines: true }).sparklineHeight).toBe(61);
    // A tall panel stacks the lines, each across the width: taller, never taller than a third of its width.
    const tall = planLayout({ ...base, height: 2000, width: 1200, sparklines: true, instances: 1 });
    expect(tall.stacked).toBe(true);
    expect(tall.sparklineHeight).toBeGreaterThan(61);
    expect(tall.sparklineHeight).toBeLessThanOrEqual((1200 / tall.scale - 16 - 48) / 3);
  });
});
