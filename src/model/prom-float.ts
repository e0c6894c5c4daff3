// Parses a label value the way Prometheus parses `le`: Go's strconv.ParseFloat(s, 64).
// JavaScript's Number() disagrees with Go on enough inputs ('' → 0, ' 1' → 1, '0x10' → 16, 'Infinity' only
// with that exact case) that a bucket Prometheus ignores would otherwise be counted, or the reverse.

const DECIMAL = /^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const HEX = /^([+-]?)0[xX]((?:_?[0-9a-fA-F])*)(?:\.((?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?))?[pP]([+-]?\d+(?:_\d+)*)$/;

/** Go ParseFloat semantics for the forms Prometheus clients emit and the odd ones users type. `undefined` = unparseable. */
export function parsePromFloat(text: string): number | undefined {
  const special = parseSpecial(text);
  if (special !== undefined) return special;
  let value: number | undefined;
  // Go float literals allow '_' between digits; Number() does not, so strip them after the shape check.
  if (DECIMAL.test(text)) value = Number(text.replace(/_/g, ''));
  else {
    const hex = HEX.exec(text);
    if (hex) value = parseHexFloat(hex);
  }
  // Go returns ErrRange for finite text that overflows (e.g. "1e400"), and Prometheus then skips the bucket.
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return value;
}

// Go: optional sign then "inf" or "infinity" (any case); "nan" (any case) only unsigned.
function parseSpecial(text: string): number | undefined {
  const lower = text.toLowerCase();
  let sign = 1;
  let body = lower;
  if (lower[0] === '+' || lower[0] === '-') {
    sign = lower[0] === '-' ? -1 : 1;
    body = lower.slice(1);
  } else if (lower === 'nan') {
    return NaN;
  }
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  return undefined;
}

// Go rounds a hex literal once, exactly (round half to even) to 53 bits — or to the 2^-1074 quantum below the
// normal range. Building the mantissa in BigInt keeps every digit; the one rounding step is done here.
function parseHexFloat(match: RegExpExecArray): number | undefined {
  const [, sign, intDigits = '', fracDigits = '', exponent = '0'] = match;
  const intPart = intDigits.replace(/_/g, '');
  const fracPart = fracDigits.replace(/_/g, '');
  if (intPart === '' && fracPart === '') return undefined;
  const mantissa = BigInt(`0x${intPart + fracPart || '0'}`);
  const value = roundBinary(mantissa, Number(exponent.replace(/_/g, '')) - 4 * fracPart.length);
  return sign === '-' ? -value : value;
}

const ONE = BigInt(1);
const ZERO = BigInt(0);

/** mantissa × 2^exp rounded to the nearest double (ties to even); Infinity on overflow. */
function roundBinary(mantissa: bigint, exp: number): number {
  if (mantissa === ZERO) return 0;
  const length = mantissa.toString(2).length;
  const top = length - 1 + exp; // the value lies in [2^top, 2^(top+1))
  if (top > 1100) return Infinity;
  if (top < -1200) return 0;
  const precision = top >= -1022 ? 53 : 53 - (-1022 - top); // bits kept; fewer for subnormals
  const shift = length - precision;
  let kept = mantissa;
  if (shift > 0) {
    const big = BigInt(shift);
    kept = mantissa >> big;
    const rest = mantissa - (kept << big);
    const half = ONE << (big - ONE);
    if (rest > half || (rest === half && (kept & ONE) === ONE)) kept += ONE;
  }
  const scale = exp + Math.max(shift, 0);
  // kept < 2^54 is exact as a Number; the power of two is exact down to 2^-1074, split to stay in range.
  return Number(kept) * Math.pow(2, Math.trunc(scale / 2)) * Math.pow(2, scale - Math.trunc(scale / 2));
}
