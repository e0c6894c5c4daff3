// Bounds of the Latency Quad's numeric options: one place for the editor, the spec validator and the CUE
// agreement test (schemas/vllm-latency-quad/vllm-latency-quad.cue states the same bounds).
import { OptionRange } from '../../shared/option-range';

export const QUAD_LIMITS = {
  quantile: { min: 0, minExclusive: true, max: 1, maxExclusive: true },
  /** Perses' formatter clamps decimals to 0–20. */
  decimalPlaces: { min: 0, max: 20, integer: true },
  maxRows: { min: 1, integer: true },
  sloThreshold: { min: 0, minExclusive: true },
  /** A fraction (0.99 = 99 %), never a percentage. */
  sloTarget: { min: 0, minExclusive: true, max: 1 },
} as const satisfies Record<string, OptionRange>;
