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

function parseHexFloat(match: RegExpExecArray): number | undefined {
  const [, sign, intDigits = '', fracDigits = '', exponent = '0'] = match;
  const intPart = intDigits.replace(/_/g, '');
  const fracPart = fracDigits.replace(/_/g, '');
  if (intPart === '' && fracPart === '') return undefined;
  let mantissa = 0;
  for (const digit of intPart + fracPart) mantissa = mantissa * 16 + parseInt(digit, 16);
  const value = mantissa * Math.pow(2, Number(exponent.replace(/_/g, '')) - 4 * fracPart.length);
  return sign === '-' ? -value : value;
}
