// The one structural series type every module reads: the part of a Perses `TimeSeries` the panels need, kept
// structural so `model/` imports nothing from Perses and tests can build series by hand.

/** One series of a query result: labels and `[timestamp ms, value]` points, `null` = no sample. */
export interface SeriesLike {
  readonly labels?: Readonly<Record<string, string>>;
  readonly values: ReadonlyArray<readonly [number, number | null]>;
}
