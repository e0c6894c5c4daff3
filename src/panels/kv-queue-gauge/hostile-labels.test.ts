// Label names and values are data: JavaScript built-in names, markup and long or right-to-left text name
// instances like any other label.
import { panelQueries, roleResult } from './kv-queue-fixtures';
import { KvQueueRole } from './kv-queue-gauge-spec';
import { createInitialKvQueueGaugeOptions } from './kv-queue-gauge-spec';
import { buildKvQueueView } from './kv-queue-view-model';
import { assignQueryRoles } from './query-roles';

const HOSTILE = ['constructor', 'toString', '__proto__', '<b>x</b>', 'x'.repeat(10_000), 'שלום', 'hasOwnProperty'];

function viewFor(label: string, names: string[]) {
  const spec = { ...createInitialKvQueueGaugeOptions(), instanceLabel: label };
  const make = (role: KvQueueRole, value: number) =>
    roleResult(
      role,
      names.map(() => [value]),
    );
  const results = [make('kv', 0.5), make('running', 2), make('waiting', 1)].map((r) => ({
    ...r,
    data: {
      series: r.data.series.map((s, i) => ({ ...s, labels: JSON.parse(JSON.stringify({ [label]: names[i] })) })),
    },
  }));
  return buildKvQueueView(assignQueryRoles(spec.queryRoles, panelQueries(spec.queryRoles), results), spec);
}

describe('hostile label names and values', () => {
  test.each(['constructor', 'toString', '__proto__', 'valueOf'])(
    'instance label named %s groups by its value',
    (label) => {
      const v = viewFor(label, ['a', 'b', 'a']);
      expect(v.instanceLabel).toBe(label);
      expect(v.instances.map((r) => [r.name, r.running, r.waiting])).toEqual([
        ['a', 4, 2],
        ['b', 2, 1],
      ]);
    },
  );

  test('a built-in name the series lack is not an instance label', () => {
    const spec = { ...createInitialKvQueueGaugeOptions(), instanceLabel: 'constructor' };
    const results = [roleResult('kv', [[0.5]]), roleResult('running', [[1]]), roleResult('waiting', [[0]])];
    const v = buildKvQueueView(assignQueryRoles(spec.queryRoles, panelQueries(spec.queryRoles), results), spec);
    expect(v.instanceLabel).toBeUndefined();
    expect(v.problems.join(' ')).toMatch(/no series carries the label "constructor"/);
  });

  test('hostile values are instance names, verbatim', () => {
    const v = viewFor('pod', HOSTILE);
    expect(v.instances.map((r) => r.name).sort()).toEqual([...HOSTILE].sort());
  });
});
