// Bounds of the KV & queue panel's numeric options: one place for the editor, the spec validator and the CUE
// agreement test (schemas/vllm-kv-queue-gauge/vllm-kv-queue-gauge.cue states the same bounds).
import { OptionRange } from '../../shared/option-range';

export const KV_LIMITS = {
  /** vLLM --max-num-seqs of one instance: whole requests, at least one. */
  capacity: { min: 1, integer: true },
  maxInstances: { min: 0, max: 50, integer: true },
  decimalPlaces: { min: 0, max: 4, integer: true },
  absoluteThreshold: { min: 0, max: 1 },
  percentThreshold: { min: 0, max: 100 },
} as const satisfies Record<string, OptionRange>;

/** Prometheus label names (the `instanceLabel` option). */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
