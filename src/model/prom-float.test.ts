import { parsePromFloat } from './prom-float';

// Go's strconv.ParseFloat(s, 64), which Prometheus applies to `le`; the fixture test checks these against a real
// Prometheus, here they are pinned one by one.
describe('parsePromFloat', () => {
  it.each([
    ['1', 1],
    ['1.0', 1],
    ['1e0', 1],
    ['1E0', 1],
    ['+1', 1],
    ['01', 1],
    ['1.', 1],
    ['.5', 0.5],
    ['+.5', 0.5],
    ['-2.5e-3', -0.0025],
    ['0x1p-2', 0.25],
    ['0X1P+1', 2],
    ['0x1.8p1', 3],
    ['0x.8p1', 1],
    ['0x_1p0', 1],
    ['0x1_0p-4', 1],
    ['1_0', 10],
    ['1_000e-3', 1],
    ['1e1_0', 1e10],
    ['1e-400', 0],
    ['2e-310', 2e-310],
  ])('parses %j as %d, like Go', (text, value) => {
    expect(parsePromFloat(text)).toBe(value);
  });

  it.each([
    ['0x1.00000000000008p0', 1, 'a tie rounds to even (down)'],
    ['0x1.00000000000018p0', 1 + 2 ** -51, 'a tie rounds to even (up)'],
    ['0x1.000000000000081p0', 1 + 2 ** -52, 'just above a tie rounds up'],
    ['0x1.fffffffffffff8p0', 2, 'rounding carries into the exponent'],
    ['0x1p-1074', 5e-324, 'the smallest subnormal'],
    ['0x1p-1075', 0, 'half the smallest subnormal ties to 0'],
    ['0x1.8p-1075', 5e-324, 'three quarters of it rounds up'],
    ['0x3p-1076', 5e-324, 'the same value spelt differently'],
  ])('rounds %j to %d exactly once, like Go (%s)', (text, value) => {
    expect(parsePromFloat(text)).toBe(value);
  });

  it.each(['+Inf', '+inf', 'Inf', 'inf', 'INF', 'infinity', '+Infinity', 'INFINITY', '+iNfInItY'])(
    'reads %j as +Inf (sign optional, any case)',
    (text) => expect(parsePromFloat(text)).toBe(Infinity),
  );

  it.each(['-Inf', '-inf', '-infinity'])('reads %j as -Inf', (text) => expect(parsePromFloat(text)).toBe(-Infinity));

  it.each(['NaN', 'nan', 'NAN'])('reads %j as NaN (which Prometheus keeps as a bound)', (text) =>
    expect(parsePromFloat(text)).toBeNaN(),
  );

  it.each([
    ['', 'empty'],
    [' 1', 'leading space'],
    ['1 ', 'trailing space'],
    ['abc', 'letters'],
    ['1,5', 'decimal comma'],
    ['1e', 'exponent without digits'],
    ['0x1', 'hex without p exponent'],
    ['0x1.8', 'hex fraction without p exponent'],
    ['0x1p', 'hex p without digits'],
    ['0x', 'bare hex prefix'],
    ['1__0', 'double underscore'],
    ['_1', 'leading underscore'],
    ['1_', 'trailing underscore'],
    ['1._5', 'underscore after the point'],
    ['1e400', 'overflow (Go: ErrRange)'],
    ['-1e400', 'negative overflow'],
    ['0x1p2000', 'hex overflow'],
    ['infin', 'a partial "infinity"'],
    ['Infinity1', 'trailing junk after infinity'],
    ['+nan', 'signed NaN'],
    ['-', 'a lone sign'],
    ['.', 'a lone point'],
    ['1f', 'a C float suffix'],
    ['١', 'a non-ASCII digit'],
  ])('rejects %j (%s)', (text) => {
    expect(parsePromFloat(text)).toBeUndefined();
  });
});
