// The one-word answer to "is this fleet saturated?", from the same numbers the panel shows.

export type Verdict = 'Healthy' | 'Queueing' | 'Saturated' | 'No traffic' | 'Unknown';

export interface VerdictInput {
  /** Worst instance's KV usage as a fraction (0–1); null = unknown. */
  kvMax: number | null;
  running: number | null;
  waiting: number | null;
  /** Fraction at or above which KV counts as critical; undefined = no thresholds set. */
  critical?: number;
}

export interface VerdictResult {
  verdict: Verdict;
  /** Why, in words a person on call can check against the numbers. */
  reason: string;
}

const known = (v: number | null): v is number => v !== null && !Number.isNaN(v);

/**
 * Saturated = requests wait AND the worst KV cache is at or above critical (the scheduler cannot admit
 * them because blocks are gone). Waiting with KV below critical is Queueing (batch or capacity limit).
 * A verdict needs the waiting count: without it, "Healthy" would be a guess.
 */
export function saturationVerdict({ kvMax, running, waiting, critical }: VerdictInput): VerdictResult {
  if (!known(waiting)) {
    return { verdict: 'Unknown', reason: 'needs the waiting query to tell whether requests queue' };
  }
  if (waiting > 0) {
    if (known(kvMax) && critical !== undefined && kvMax >= critical) {
      return { verdict: 'Saturated', reason: 'requests are waiting and the KV cache is at or above critical' };
    }
    return { verdict: 'Queueing', reason: 'requests are waiting for a place in the running batch' };
  }
  const idle = known(running) ? running === 0 : known(kvMax) && kvMax === 0;
  if (idle) return { verdict: 'No traffic', reason: 'nothing running and nothing waiting' };
  return { verdict: 'Healthy', reason: 'no request is waiting' };
}
