// The one structural series type every module reads: the part of a Perses `TimeSeries` the panels need, kept
// structural so `model/` imports nothing from Perses and tests can build series by hand.

/** One series of a query result: labels and `[timestamp ms, value]` points, `null` = no sample. */
export interface SeriesLike {
  readonly labels?: Readonly<Record<string, string>>;
  readonly values: ReadonlyArray<readonly [number, number | null]>;
}

type Labels = Readonly<Record<string, string>> | undefined;

/**
 * A label's value, read as an own property only: label names are data, so `constructor`, `toString` or
 * `__proto__` name a label (or nothing), never a JavaScript built-in inherited from Object.prototype.
 */
export function labelValue(labels: Labels, name: string): string | undefined {
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, name)) return undefined;
  const value = labels[name];
  return typeof value === 'string' ? value : undefined;
}

/** A fresh label set that holds `__proto__` like any other name (no prototype to collide with). */
export function labelSet(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const labels: Record<string, string> = Object.create(null);
  for (const [name, value] of entries)
    Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
  return labels;
}
