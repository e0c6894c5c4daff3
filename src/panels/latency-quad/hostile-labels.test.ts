// Label names and values are data: JavaScript built-in names, markup and long or right-to-left text group
// histograms and name rows like any other label.
import { createInitialLatencyQuadOptions } from './latency-quad-spec';
import { buildQuadViewModel } from './quad-view-model';

const T = 1_764_380_000_000;

/** Series as Perses hands them over after JSON parsing (so `__proto__` is an own property). */
function bucketsOf(labels: Record<string, string>, counts: [string, number][], sum: number) {
  const parse = (o: Record<string, string>) => JSON.parse(JSON.stringify(o)) as Record<string, string>;
  return [
    ...counts.map(([le, v]) => ({ labels: parse({ ...labels, le }), values: [[T, v] as [number, number]] })),
    { labels: parse(labels), values: [[T, sum] as [number, number]] },
  ];
}

const counts = (scale: number): [string, number][] => [
  ['1', 1 * scale],
  ['2', 3 * scale],
  ['+Inf', 4 * scale],
];

describe('hostile labels in the Latency Quad', () => {
  test.each(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'])(
    'a label named %s groups histograms by its value and matches their means',
    (name) => {
      const series = [...bucketsOf({ [name]: 'a' }, counts(1), 6), ...bucketsOf({ [name]: 'b' }, counts(2), 4)];
      const model = buildQuadViewModel([{ data: { series } }], createInitialLatencyQuadOptions());
      if (model.state !== 'rows') throw new Error(model.message);
      expect(model.warnings).toEqual([]);
      const byName = Object.fromEntries(model.rows.map((r) => [r.name, r.tiles[0].value]));
      expect(byName).toEqual({ [`${name}="a"`]: 6 / 4, [`${name}="b"`]: 4 / 8 });
    },
  );

  test.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['10 KB', 'x'.repeat(10_240)],
    ['right-to-left', 'מודל\u202Eabc'],
    ['quote and backslash', 'a"b\\c'],
  ])('a %s value names its row verbatim', (_, value) => {
    const model = buildQuadViewModel([{ data: { series: bucketsOf({ model_name: value }, counts(1), 6) } }], {
      ...createInitialLatencyQuadOptions(),
      groups: { nameFormat: '{{model_name}}' },
    });
    if (model.state !== 'rows') throw new Error(model.message);
    expect(model.rows.map((r) => r.name)).toEqual([value]);
    expect(model.rows[0].tiles[0].value).toBe(1.5);
  });

  test('nameFormat placeholders of built-in names the series lack render empty', () => {
    const model = buildQuadViewModel([{ data: { series: bucketsOf({ pod: 'p' }, counts(1), 6) } }], {
      ...createInitialLatencyQuadOptions(),
      groups: { nameFormat: '{{constructor}}|{{toString}}|{{pod}}' },
    });
    if (model.state !== 'rows') throw new Error(model.message);
    expect(model.rows[0].name).toBe('||p');
  });
});
