import { panelQueries, PODS, roleResult, SATURATED_FLEET } from './kv-queue-fixtures';
import { assignQueryRoles } from './query-roles';

describe('assignQueryRoles', () => {
  test('maps each result to the role of its query position', () => {
    const roles = ['kv', 'running', 'waiting'] as const;
    const results = [
      roleResult('kv', SATURATED_FLEET.kv),
      roleResult('running', SATURATED_FLEET.running),
      roleResult('waiting', SATURATED_FLEET.waiting),
    ];
    const assignment = assignQueryRoles(roles, panelQueries(roles), results);
    expect(assignment.missing).toEqual([]);
    expect(assignment.series.kv?.[1].labels?.pod).toBe(PODS[1]);
    expect(assignment.series.waiting?.[1].values.at(-1)?.[1]).toBe(7);
    expect(assignment.series.running?.[1].values[0][1]).toBe(64);
  });

  test('keeps roles right when Perses drops a failed query from the results', () => {
    // Perses passes only queries with data: the failed "running" query leaves two results for three roles.
    const roles = ['kv', 'running', 'waiting'] as const;
    const results = [roleResult('kv', SATURATED_FLEET.kv), roleResult('waiting', SATURATED_FLEET.waiting)];
    const assignment = assignQueryRoles(roles, panelQueries(roles), results);
    expect(assignment.series.waiting?.[1].values.at(-1)?.[1]).toBe(7);
    expect(assignment.series.running).toBeUndefined();
    expect(assignment.missing).toEqual([
      {
        role: 'running',
        reason: 'no result for query 2 (running): it failed or is still loading (see the panel header)',
      },
    ]);
  });

  test('matches results whose plugin keys come in another order than the dashboard YAML', () => {
    const roles = ['waiting', 'kv'] as const;
    const queries = [
      {
        kind: 'TimeSeriesQuery',
        spec: {
          plugin: {
            spec: { query: 'sum by (pod) (vllm:num_requests_waiting{model_name=~"$model_name"})' },
            kind: 'PrometheusTimeSeriesQuery',
          },
        },
      },
      {
        kind: 'TimeSeriesQuery',
        spec: {
          display: { name: 'KV' },
          plugin: {
            spec: { query: roleResult('kv', []).definition.spec.plugin.spec.query },
            kind: 'PrometheusTimeSeriesQuery',
          },
        },
      },
    ];
    const assignment = assignQueryRoles(roles, queries, [
      roleResult('kv', SATURATED_FLEET.kv),
      roleResult('waiting', SATURATED_FLEET.waiting),
    ]);
    expect(assignment.missing.map((m) => m.role)).toEqual(['running']);
    expect(assignment.series.kv?.[0].values[0][1]).toBe(0.61);
    expect(assignment.series.waiting?.[1].values[0][1]).toBe(2);
  });

  test('two identical queries are matched in order', () => {
    const roles = ['running', 'capacity'] as const;
    const same = roleResult('running', SATURATED_FLEET.running);
    const other = { ...roleResult('running', [[256], [256], [256]]) };
    const assignment = assignQueryRoles(roles, [same.definition, same.definition], [same, other]);
    expect(assignment.series.running?.[0].values[0][1]).toBe(38);
    expect(assignment.series.capacity?.[0].values[0][1]).toBe(256);
  });

  test('without a panel definition (preview), results are taken by position', () => {
    const assignment = assignQueryRoles(['kv', 'running', 'waiting'], undefined, [
      roleResult('kv', SATURATED_FLEET.kv),
    ]);
    expect(assignment.series.kv).toHaveLength(3);
    expect(assignment.missing.map((m) => m.role)).toEqual(['running', 'waiting']);
    expect(assignment.missing[0].reason).toMatch(/no result for query 2 \(running\)/);
  });

  test('a role given to a query the panel does not have is reported with the query count', () => {
    const assignment = assignQueryRoles(['kv', 'running', 'waiting'], panelQueries(['kv', 'running']), [
      roleResult('kv', SATURATED_FLEET.kv),
      roleResult('running', SATURATED_FLEET.running),
    ]);
    expect(assignment.missing).toEqual([
      { role: 'waiting', reason: 'the role "waiting" is given to query 3, but the panel has only 2 queries' },
    ]);
  });

  test('a required role no query has is named, and an extra query is noted as ignored', () => {
    const assignment = assignQueryRoles(['kv', 'running'], panelQueries(['kv', 'running', 'waiting']), [
      roleResult('kv', SATURATED_FLEET.kv),
      roleResult('running', SATURATED_FLEET.running),
      roleResult('waiting', SATURATED_FLEET.waiting),
    ]);
    expect(assignment.missing).toEqual([
      { role: 'waiting', reason: 'no query has the role "waiting": add one and list "waiting" in Query roles' },
    ]);
    expect(assignment.notes).toEqual(['query 3 has no role and is ignored: add its role to Query roles']);
  });

  test('a query that returns no series is reported as such', () => {
    const roles = ['kv', 'running', 'waiting'] as const;
    const assignment = assignQueryRoles(roles, panelQueries(roles), [
      roleResult('kv', []),
      roleResult('running', SATURATED_FLEET.running),
      roleResult('waiting', SATURATED_FLEET.waiting),
    ]);
    expect(assignment.series.kv).toBeUndefined();
    expect(assignment.missing).toEqual([
      { role: 'kv', reason: 'query 1 (kv) returned no series: check the metric name and the $model_name filter' },
    ]);
  });
});
