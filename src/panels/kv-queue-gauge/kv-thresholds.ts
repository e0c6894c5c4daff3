// KV-usage thresholds from Perses ThresholdOptions, turned into fractions of the cache (0–1).
import { StepOptions, ThresholdOptions } from '@perses-dev/core';

import { DEFAULT_CRITICAL, DEFAULT_WARNING } from './kv-queue-gauge-spec';
import { thresholdOutsideAbsolute, thresholdOutsidePercent, thresholdPercentBelowOne } from './kv-queue-messages';

export interface KvStep {
  /** Fraction of the KV cache (0–1) at which this step starts. */
  fraction: number;
  color?: string;
  name?: string;
  /** Position among the sorted steps: picks the theme palette colour when the step has none. */
  index: number;
}

export interface KvThresholds {
  steps: KvStep[];
  defaultColor?: string;
  /** The step just below the highest one; absent with fewer than two steps. */
  warning?: KvStep;
  /** The highest step: KV at or above it, with requests waiting, means Saturated. */
  critical?: KvStep;
}

/**
 * Absolute steps are fractions (0.8); percent steps are percent of the cache (80). Without steps the
 * defaults 0.80 / 0.95 apply in either mode, so switching the mode in the editor never leaves 0.8 %.
 */
export function resolveKvThresholds(options: ThresholdOptions | undefined): KvThresholds {
  const percent = options?.mode === 'percent';
  const raw: StepOptions[] =
    options?.steps ??
    (percent
      ? [{ value: DEFAULT_WARNING * 100 }, { value: DEFAULT_CRITICAL * 100 }]
      : [{ value: DEFAULT_WARNING }, { value: DEFAULT_CRITICAL }]);
  const steps = raw
    .filter((s) => Number.isFinite(s.value))
    .map((s) => ({ fraction: percent ? s.value / 100 : s.value, color: s.color, name: s.name }))
    .sort((a, b) => a.fraction - b.fraction)
    .map((s, index) => ({ ...s, index }));
  return {
    steps,
    defaultColor: options?.defaultColor,
    critical: steps.length > 0 ? steps[steps.length - 1] : undefined,
    warning: steps.length > 1 ? steps[steps.length - 2] : undefined,
  };
}

/** The step a KV fraction falls into (undefined = below every step, or not a number). */
export function stepFor(fraction: number | null, thresholds: KvThresholds): KvStep | undefined {
  if (fraction === null || Number.isNaN(fraction)) return undefined;
  let current: KvStep | undefined;
  for (const step of thresholds.steps) if (fraction >= step.fraction) current = step;
  return current;
}

/** Advice for steps that cannot be right, e.g. 80 in absolute mode (a fraction was meant). */
export function thresholdProblems(options: ThresholdOptions | undefined): string[] {
  const percent = options?.mode === 'percent';
  const limit = percent ? 100 : 1;
  const steps = options?.steps ?? [];
  const problems = steps
    .filter((s) => !(s.value >= 0 && s.value <= limit))
    .map((s) => (percent ? thresholdOutsidePercent(s.value) : thresholdOutsideAbsolute(s.value)));
  // Switching the Perses thresholds editor to percent keeps the numbers, so 0.8 silently becomes 0.8 %.
  if (percent && steps.length > 0 && steps.every((s) => s.value > 0 && s.value <= 1)) {
    problems.push(thresholdPercentBelowOne(steps.map((s) => s.value)));
  }
  return problems;
}
