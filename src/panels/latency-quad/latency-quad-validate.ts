// The Latency Quad's spec, checked at the panel boundary with the rules of its CUE schema, for specs that never
// went through the schema. Each problem is a sentence naming the field; the panel shows them instead of numbers
// it cannot stand behind.
import { UNIT_CONFIG } from '@perses-dev/core';

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
import { QUAD_LIMITS } from './latency-quad-limits';
import { createInitialLatencyQuadOptions } from './latency-quad-spec';

const FIELDS = ['statistics', 'valueOverRange', 'meanInput', 'format', 'sparkline', 'thresholds', 'slo', 'groups'];

const absoluteOnly = (problems: Problems, field: string, value: unknown) => {
  if (isObject(value) && value.mode === 'percent') {
    problems.push(
      `${field}.mode is "percent": percent steps need a maximum this panel does not have, so they never colour a tile; use absolute steps in the histogram's unit (e.g. 2 for 2 s).`,
    );
    return;
  }
  checkThresholds(problems, field, value, ['absolute'], () => ({ min: -Infinity }));
};

function checkStatistics(problems: Problems, statistics: unknown): void {
  if (!Array.isArray(statistics) || statistics.length === 0) {
    problems.push(
      'statistics must be a non-empty list, e.g. [{"kind": "mean"}, {"kind": "quantile", "quantile": 0.99}].',
    );
    return;
  }
  const seen = new Set<string>();
  statistics.forEach((st, i) => {
    const at = `statistics[${i}]`;
    if (!isObject(st) || (st.kind !== 'mean' && st.kind !== 'quantile')) {
      problems.push(
        `${at} is ${JSON.stringify(st)}; it must be {"kind": "mean"} or {"kind": "quantile", "quantile": 0.99}.`,
      );
      return;
    }
    checkKnownFields(
      problems,
      at,
      st,
      st.kind === 'mean' ? ['kind', 'thresholds'] : ['kind', 'quantile', 'thresholds'],
    );
    if (st.kind === 'quantile') checkNumber(problems, `${at}.quantile`, st.quantile, QUAD_LIMITS.quantile);
    if (st.thresholds !== undefined) absoluteOnly(problems, `${at}.thresholds`, st.thresholds);
    const key = st.kind === 'mean' ? 'mean' : `quantile ${String(st.quantile)}`;
    if (seen.has(key)) problems.push(`statistics lists the ${key} more than once; list each statistic once.`);
    seen.add(key);
  });
}

export function validateLatencyQuadSpec(stored: unknown): Problems {
  if (stored === undefined || stored === null) return [];
  if (!isObject(stored)) return [`The panel spec is ${typeof stored}; it must be an object of options.`];
  const problems: Problems = [];
  checkKnownFields(problems, 'spec', stored, FIELDS);
  const spec = withSpecDefaults(stored, createInitialLatencyQuadOptions() as unknown as Record<string, unknown>);

  checkStatistics(problems, spec.statistics);
  checkOneOf(problems, 'valueOverRange', spec.valueOverRange, ['range', 'last', 'mean-of-steps']);
  checkOneOf(problems, 'meanInput', spec.meanInput, ['sum', 'mean']);
  checkBoolean(problems, 'sparkline', spec.sparkline);
  if (!isObject(spec.format))
    problems.push(`format is ${JSON.stringify(spec.format)}; it must be an object such as {"unit": "seconds"}.`);
  else {
    checkKnownFields(problems, 'format', spec.format, ['unit', 'decimalPlaces', 'shortValues']);
    const unit = spec.format.unit;
    if (unit !== undefined && !(typeof unit === 'string' && Object.prototype.hasOwnProperty.call(UNIT_CONFIG, unit))) {
      problems.push(
        `format.unit is ${JSON.stringify(unit)}; it must be a Perses unit such as "seconds" or "milliseconds".`,
      );
    }
    if (spec.format.decimalPlaces !== undefined)
      checkNumber(problems, 'format.decimalPlaces', spec.format.decimalPlaces, QUAD_LIMITS.decimalPlaces);
    if (spec.format.shortValues !== undefined) checkBoolean(problems, 'format.shortValues', spec.format.shortValues);
  }
  if (spec.thresholds !== undefined) absoluteOnly(problems, 'thresholds', spec.thresholds);
  if (spec.slo !== undefined) {
    if (!isObject(spec.slo)) problems.push('slo must be {"threshold": 2.5, "target": 0.99}.');
    else {
      checkKnownFields(problems, 'slo', spec.slo, ['threshold', 'target']);
      checkNumber(problems, 'slo.threshold', spec.slo.threshold, QUAD_LIMITS.sloThreshold);
      if (typeof spec.slo.target === 'number' && spec.slo.target > 1 && spec.slo.target <= 100) {
        problems.push(
          `slo.target is ${spec.slo.target}: the target is a fraction, so write ${spec.slo.target / 100} for ${spec.slo.target} %.`,
        );
      } else checkNumber(problems, 'slo.target', spec.slo.target, QUAD_LIMITS.sloTarget);
    }
  }
  if (spec.groups !== undefined) checkGroups(problems, spec.groups, spec.statistics);
  return problems;
}

function checkGroups(problems: Problems, groups: unknown, statistics: unknown): void {
  if (!isObject(groups)) {
    problems.push('groups must be an object such as {"nameFormat": "{{model_name}}"}.');
    return;
  }
  checkKnownFields(problems, 'groups', groups, ['nameFormat', 'sortBy', 'maxRows']);
  if (groups.nameFormat !== undefined && !(typeof groups.nameFormat === 'string' && groups.nameFormat !== '')) {
    problems.push('groups.nameFormat must be a non-empty template such as "{{model_name}}".');
  }
  if (groups.maxRows !== undefined) checkNumber(problems, 'groups.maxRows', groups.maxRows, QUAD_LIMITS.maxRows);
  const sortBy = groups.sortBy;
  if (sortBy === undefined) return;
  const tiles = Array.isArray(statistics) ? statistics.filter(isObject) : [];
  if (sortBy === 'mean') {
    if (!tiles.some((t) => t.kind === 'mean'))
      problems.push(
        'groups.sortBy: "mean" is not a tile; add {"kind": "mean"} to statistics or sort by one of its quantiles.',
      );
  } else if (typeof sortBy === 'number') {
    if (!tiles.some((t) => t.kind === 'quantile' && t.quantile === sortBy))
      problems.push(
        `groups.sortBy: quantile ${sortBy} is not a tile; sort by "mean" or one of the quantiles in statistics.`,
      );
  } else problems.push(`groups.sortBy is ${JSON.stringify(sortBy)}; it must be "mean" or a quantile that has a tile.`);
}
