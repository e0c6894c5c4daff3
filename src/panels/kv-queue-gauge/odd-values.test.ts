// Negative counts are flagged, never judged "Healthy".
import { panelQueries, roleResult } from './kv-queue-fixtures';
import { createInitialKvQueueGaugeOptions } from './kv-queue-gauge-spec';
import { buildKvQueueView } from './kv-queue-view-model';
import { assignQueryRoles } from './query-roles';

function view(running: number, waiting: number) {
  const spec = createInitialKvQueueGaugeOptions();
  const results = [roleResult('kv', [[0.5]]), roleResult('running', [[running]]), roleResult('waiting', [[waiting]])];
  return buildKvQueueView(assignQueryRoles(spec.queryRoles, panelQueries(spec.queryRoles), results), spec);
}

test.each([
  [3, -2, 'waiting -2 is negative'],
  [-1, 0, 'running -1 is negative'],
])('running %p, waiting %p: no verdict, and the message says why', (running, waiting, message) => {
  const v = view(running, waiting);
  expect(v.verdict.verdict).toBe('Unknown');
  expect(v.problems.join('\n')).toContain(message);
});

test('ordinary counts still get a verdict', () => {
  expect(view(3, 0).verdict.verdict).toBe('Healthy');
});
