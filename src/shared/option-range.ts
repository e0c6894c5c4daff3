// A numeric option's bounds, written once and read by the options editor (min/max, what it accepts), the panel's
// spec validator and the test that checks them against the CUE schema (test/schemas/limits-agree.test.ts).

export interface OptionRange {
  readonly min: number;
  /** True when `min` itself is outside (CUE `>min`). */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
}

export function inRange(range: OptionRange, n: unknown): n is number {
  if (typeof n !== 'number' || !Number.isFinite(n)) return false;
  if (range.integer && !Number.isInteger(n)) return false;
  if (range.minExclusive ? !(n > range.min) : !(n >= range.min)) return false;
  if (range.max !== undefined && (range.maxExclusive ? !(n < range.max) : !(n <= range.max))) return false;
  return true;
}

/** "a whole number from 0 to 4", "a number above 0 and at most 1": for messages. */
export function describeRange(range: OptionRange): string {
  const what = range.integer ? 'a whole number' : 'a number';
  const low = range.minExclusive ? `above ${range.min}` : `at least ${range.min}`;
  if (range.max === undefined) return `${what} ${low}`;
  const high = range.maxExclusive ? `below ${range.max}` : `at most ${range.max}`;
  if (!range.minExclusive && !range.maxExclusive) return `${what} from ${range.min} to ${range.max}`;
  return `${what} ${low} and ${high}`;
}
