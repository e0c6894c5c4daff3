import {
  BODY_TEXT_CONTRAST,
  contrastRatio,
  LARGE_TEXT_CONTRAST,
  legibleText,
  parseColor,
  requiredContrast,
} from './contrast';

const ratio = (a: string, b: string) => contrastRatio(parseColor(a)!, parseColor(b)!);

describe('parseColor', () => {
  it('reads the forms themes and computed styles use', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('#FFB249')).toEqual([255, 178, 73, 1]);
    expect(parseColor('#00000080')![3]).toBeCloseTo(0.502, 3);
    expect(parseColor('rgb(10, 20, 30)')).toEqual([10, 20, 30, 1]);
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('white')).toEqual([255, 255, 255, 1]);
  });

  it('gives undefined for what it cannot read', () => {
    expect(parseColor('var(--x)')).toBeUndefined();
    expect(parseColor('#12345')).toBeUndefined();
    expect(parseColor('hsl(0 0% 0%)')).toBeUndefined();
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('#fff', '#fff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(ratio('#767676', '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('#777777', '#fff')).toBeLessThan(4.5);
  });

  it('composites translucent text over the background', () => {
    // MUI's light text.secondary: rgba(0,0,0,0.6) on white ≈ #666.
    expect(ratio('rgba(0, 0, 0, 0.6)', '#fff')).toBeCloseTo(ratio('#666666', '#fff'), 1);
  });
});

describe('requiredContrast', () => {
  it('asks 3:1 of large text and 4.5:1 of the rest', () => {
    expect(requiredContrast(12)).toBe(BODY_TEXT_CONTRAST);
    expect(requiredContrast(20, 400)).toBe(BODY_TEXT_CONTRAST);
    expect(requiredContrast(20, 700)).toBe(LARGE_TEXT_CONTRAST);
    expect(requiredContrast(24)).toBe(LARGE_TEXT_CONTRAST);
  });
});

describe('legibleText', () => {
  it('keeps a colour that already reads', () => {
    expect(legibleText('#1976d2', '#ffffff')).toBe('#1976d2');
    expect(legibleText('#ffb249', '#1e1e1e')).toBe('#ffb249');
  });

  it('darkens a light palette colour on a light background just enough', () => {
    const yellow = '#ffb249';
    expect(ratio(yellow, '#fff')).toBeLessThan(3);
    const body = legibleText(yellow, '#fff', BODY_TEXT_CONTRAST);
    expect(ratio(body, '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(body, '#fff')).toBeLessThan(4.7);
    const large = legibleText(yellow, '#fff', LARGE_TEXT_CONTRAST);
    expect(ratio(large, '#fff')).toBeGreaterThanOrEqual(3);
    expect(ratio(large, '#fff')).toBeLessThan(ratio(body, '#fff'));
    // Still a warm colour (red channel above blue), not grey.
    const [r, , b] = parseColor(body)!;
    expect(r).toBeGreaterThan(b + 40);
  });

  it('lightens a dark colour on a dark background', () => {
    const fixed = legibleText('#1f3a93', '#121212');
    expect(ratio(fixed, '#121212')).toBeGreaterThanOrEqual(4.5);
    expect(parseColor(fixed)![2]).toBeGreaterThan(0x93);
  });

  it('leaves colours it cannot read alone', () => {
    expect(legibleText('var(--x)', '#fff')).toBe('var(--x)');
  });

  it('reaches the ratio for any colour on any background', () => {
    for (let i = 0; i < 200; i++) {
      const c = `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(-6)}`;
      const bg = i % 2 ? '#ffffff' : i % 3 ? '#1e1e1e' : '#808080';
      expect(ratio(legibleText(c, bg, 4.5), bg)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
