// The KV & queue panel's spec, checked at the panel boundary with the rules of its CUE schema, for specs that
// never went through the schema. Each problem is a sentence naming the field; the panel shows them instead of
// numbers it cannot stand behind.
import {
  checkBoolean,
  checkKnownFields,
  checkNumber,
  checkOneOf,
  checkThresholds,
  isObject,
  Problems,
} from '../../shared/spec-check';
import { withSpecDefaults } from '../../shared/spec-defaults';
import { KV_LIMITS, LABEL_NAME } from './kv-queue-gauge-limits';
import { createInitialKvQueueGaugeOptions, KV_QUEUE_ROLES, KV_VALUES_OVER_RANGE } from './kv-queue-gauge-spec';

/** Every field of the spec: any other key is reported as unknown (the CUE model is closed). */
export const KV_QUEUE_GAUGE_SPEC_FIELDS: readonly string[] = [
  'queryRoles',
  'kvScale',
  'valueOverRange',
  'thresholds',
  'capacity',
  'instanceLabel',
  'maxInstances',
  'sparklines',
  'runningSparkline',
  'decimalPlaces',
];

export function validateKvQueueGaugeSpec(stored: unknown): Problems {
  if (stored === undefined || stored === null) return [];
  if (!isObject(stored)) return [`The panel spec is ${typeof stored}; it must be an object of options.`];
  const problems: Problems = [];
  checkKnownFields(problems, 'spec', stored, KV_QUEUE_GAUGE_SPEC_FIELDS);
  const spec = withSpecDefaults(stored, createInitialKvQueueGaugeOptions() as unknown as Record<string, unknown>);

  const roles = spec.queryRoles;
  if (!Array.isArray(roles) || roles.length === 0) {
    problems.push('queryRoles must be a non-empty list of roles, e.g. ["kv", "running", "waiting"].');
  } else {
    roles.forEach((role, i) => checkOneOf(problems, `queryRoles[${i}]`, role, KV_QUEUE_ROLES));
    const repeated = roles.filter((r, i) => roles.indexOf(r) !== i);
    if (repeated.length > 0)
      problems.push(`queryRoles lists ${JSON.stringify(repeated[0])} more than once; give each role to one query.`);
  }
  checkOneOf(problems, 'kvScale', spec.kvScale, ['fraction', 'percent']);
  checkOneOf(problems, 'valueOverRange', spec.valueOverRange, KV_VALUES_OVER_RANGE);
  checkThresholds(problems, 'thresholds', spec.thresholds, ['absolute', 'percent'], (mode) =>
    mode === 'percent' ? KV_LIMITS.percentThreshold : KV_LIMITS.absoluteThreshold,
  );
  if (spec.capacity !== undefined) checkNumber(problems, 'capacity', spec.capacity, KV_LIMITS.capacity);
  if (
    spec.instanceLabel !== undefined &&
    !(typeof spec.instanceLabel === 'string' && LABEL_NAME.test(spec.instanceLabel))
  ) {
    problems.push(
      `instanceLabel is ${JSON.stringify(spec.instanceLabel)}; it must be a Prometheus label name such as "pod".`,
    );
  }
  checkNumber(problems, 'maxInstances', spec.maxInstances, KV_LIMITS.maxInstances);
  checkBoolean(problems, 'sparklines', spec.sparklines);
  checkBoolean(problems, 'runningSparkline', spec.runningSparkline);
  if (spec.decimalPlaces !== undefined)
    checkNumber(problems, 'decimalPlaces', spec.decimalPlaces, KV_LIMITS.decimalPlaces);

  // Options that could never take effect (the schema's error() rules).
  const has = (role: string) => Array.isArray(roles) && roles.includes(role);
  if (spec.capacity !== undefined && has('capacity')) {
    problems.push('capacity is set as a number and by a "capacity" query; the query wins, so remove one of them.');
  }
  if (spec.capacity !== undefined && !has('running')) {
    problems.push(
      'capacity is a limit on running requests, but no query has the "running" role; add one or remove capacity.',
    );
  }
  if (spec.runningSparkline === true && !has('running')) {
    problems.push(
      'runningSparkline draws the "running" query, but no query has that role; add one or turn runningSparkline off.',
    );
  }
  if (spec.sparklines === true && !has('kv') && !has('waiting')) {
    problems.push(
      'sparklines draw the "kv" and "waiting" queries, but no query has either role; add one or turn sparklines off.',
    );
  }
  return problems;
}
