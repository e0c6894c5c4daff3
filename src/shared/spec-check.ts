// Small checks the panels' spec validators share: each returns the problem as a sentence naming the field, or
// undefined. They mirror CUE rules, for specs that reach a panel without passing the schema (an older archive,
// the editor's JSON tab, a dashboard loaded without validation).
import { describeRange, inRange, OptionRange } from './option-range';

export type Problems = string[];

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const shown = (v: unknown) => {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return String(v);
  }
};

export function checkNumber(problems: Problems, field: string, value: unknown, range: OptionRange): void {
  if (!inRange(range, value)) problems.push(`${field} is ${shown(value)}; it must be ${describeRange(range)}.`);
}

export function checkOneOf(problems: Problems, field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    problems.push(`${field} is ${shown(value)}; it must be one of ${allowed.map((a) => `"${a}"`).join(', ')}.`);
  }
}

export function checkBoolean(problems: Problems, field: string, value: unknown): void {
  if (typeof value !== 'boolean') problems.push(`${field} is ${shown(value)}; it must be true or false.`);
}

/** Fields the schema does not know: a typo there would silently do nothing. */
export function checkKnownFields(problems: Problems, field: string, value: object, known: readonly string[]): void {
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) problems.push(`${field}.${name} is not an option of this panel (a typo?); remove it.`);
  }
}

/** Perses thresholds: `{mode?, defaultColor?, steps?: [{value, color?, name?}]}`; `stepRange` bounds each value. */
export function checkThresholds(
  problems: Problems,
  field: string,
  value: unknown,
  modes: readonly string[],
  stepRange: (mode: string) => OptionRange,
): void {
  if (!isObject(value)) {
    problems.push(`${field} is ${shown(value)}; it must be an object with steps.`);
    return;
  }
  checkKnownFields(problems, field, value, ['mode', 'defaultColor', 'steps']);
  const mode = value.mode ?? 'absolute';
  checkOneOf(problems, `${field}.mode`, mode, modes);
  if (value.defaultColor !== undefined && typeof value.defaultColor !== 'string') {
    problems.push(`${field}.defaultColor is ${shown(value.defaultColor)}; it must be a colour string.`);
  }
  if (value.steps === undefined) return;
  if (!Array.isArray(value.steps)) {
    problems.push(`${field}.steps is ${shown(value.steps)}; it must be a list of {value}.`);
    return;
  }
  value.steps.forEach((step, i) => {
    const at = `${field}.steps[${i}]`;
    if (!isObject(step)) {
      problems.push(`${at} is ${shown(step)}; it must be {value: number}.`);
      return;
    }
    checkKnownFields(problems, at, step, ['value', 'color', 'name']);
    checkNumber(problems, `${at}.value`, step.value, typeof mode === 'string' ? stepRange(mode) : { min: -Infinity });
    for (const key of ['color', 'name'] as const) {
      if (step[key] !== undefined && typeof step[key] !== 'string') {
        problems.push(`${at}.${key} is ${shown(step[key])}; it must be a string.`);
      }
    }
  });
}
