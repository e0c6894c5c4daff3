// Timing and heap figures for benchmarks: medians of repeated runs, heap in use after a full collection, and the
// printed forms (ms, MB, "× faster", console and markdown tables) every bench uses.
import { GCProfiler, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Milliseconds one call takes. */
export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median of `runs` timings of `fn`; `before` runs untimed ahead of each (e.g. unmount the previous render). Slow
 * code stops early: once three runs have taken more than `budgetMs` in all, their median is the figure.
 */
export function medianTime(
  runs: number,
  fn: (run: number) => void,
  before?: (run: number) => void,
  budgetMs = 6_000,
): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    before?.(run);
    times.push(time(() => fn(run)));
    if (times.length >= 3 && times.reduce((a, b) => a + b, 0) > budgetMs) break;
  }
  return median(times);
}

// A full collection on demand without asking for `node --expose-gc` (benches run as plain `tsx file`).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Heap in use after a full collection: what the process still holds. */
export function heapUsed(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap plus ArrayBuffer backing stores in use after a full collection, bytes: typed arrays keep their numbers
 * outside the V8 heap, so code that holds them shows its real footprint only with these counted.
 */
export function liveHeap(): number {
  collect();
  collect();
  const { heapUsed: heap, arrayBuffers } = process.memoryUsage();
  return heap + arrayBuffers;
}

/**
 * Bytes of heap `fn` allocates, garbage included: what the collections during the call freed plus what is still in
 * use at its end (V8's GC profiler reports the heap before and after each collection).
 */
export function allocatedBy(fn: () => void): number {
  const before = heapUsed();
  const profiler = new GCProfiler();
  profiler.start();
  fn();
  const after = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  const freed = statistics.reduce(
    (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  return after - before + freed;
}

/** Heap the result of `fn` keeps alive after a full collection (the result is still referenced), in bytes. */
export function retainedBy<T>(fn: () => T): { result: T; bytes: number } {
  const before = heapUsed();
  const result = fn();
  const bytes = heapUsed() - before;
  return { result, bytes };
}

export const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** How many times faster `now` is than `before` ("12.3×"); below 1 it is slower. */
export const speedup = (before: number, now: number): string => `${(before / now).toFixed(1)}×`;

/** Left-aligned first column, right-aligned others: a plain-text table for the console. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A markdown table (the form README's Performance tables are pasted from). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
