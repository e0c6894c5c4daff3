// Text for the panel's numbers, through Perses formatValue so units look like every other Perses panel.
import { formatValue } from '@perses-dev/core';

import { KvValueOverRange } from './kv-queue-gauge-spec';

/** Shown for a value the query did not provide. */
export const NO_VALUE = '–';
/** Shown for a NaN sample: said plainly rather than hidden. */
export const NAN_VALUE = 'NaN';

export function formatKv(fraction: number | null, decimalPlaces: number): string {
  if (fraction === null) return NO_VALUE;
  if (Number.isNaN(fraction)) return NAN_VALUE;
  return formatValue(fraction, { unit: 'percent-decimal', decimalPlaces });
}

/** Request counts are whole numbers except when averaged over the range. */
export function formatCount(value: number | null, how: KvValueOverRange): string {
  if (value === null) return NO_VALUE;
  if (Number.isNaN(value)) return NAN_VALUE;
  return formatValue(value, {
    unit: 'decimal',
    decimalPlaces: how === 'mean' && !Number.isInteger(value) ? 1 : 0,
    shortValues: true,
  });
}

export function formatPerSecond(value: number | null): string {
  if (value === null) return NO_VALUE;
  if (Number.isNaN(value)) return NAN_VALUE;
  return `${formatValue(value, { unit: 'decimal', decimalPlaces: value !== 0 && Math.abs(value) < 10 ? 2 : 0, shortValues: true })}/s`;
}
