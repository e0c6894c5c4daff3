// A PromQL expression as a small tree, parsed by Prometheus's own Lezer grammar (@prometheus-io/lezer-promql), so
// the dashboard checks reason about real syntax rather than regexes.

import { parser } from '@prometheus-io/lezer-promql';

export interface PromNode {
  readonly name: string;
  readonly text: string;
  readonly isError: boolean;
  readonly children: PromNode[];
}

export function parsePromQL(expr: string): PromNode {
  const cursor = parser.parse(expr).cursor();
  const build = (): PromNode => {
    const node: PromNode = {
      name: cursor.name,
      text: expr.slice(cursor.from, cursor.to),
      isError: cursor.type.isError,
      children: [],
    };
    if (cursor.firstChild()) {
      do node.children.push(build());
      while (cursor.nextSibling());
      cursor.parent();
    }
    return node;
  };
  return build();
}

export function* walk(node: PromNode): Generator<PromNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

export function findAll(node: PromNode, name: string): PromNode[] {
  return [...walk(node)].filter((n) => n.name === name);
}

/** Syntax errors (Lezer's error nodes) with the text around them, empty when the expression parses. */
export function syntaxErrors(expr: string): string[] {
  return [...walk(parsePromQL(expr))]
    .filter((n) => n.isError)
    .map((n) => `near ${JSON.stringify(n.text || expr.slice(0, 40))}`);
}

/** Name of a function call node: rate, increase, vector, … */
export function functionName(call: PromNode): string {
  return call.children.find((c) => c.name === 'FunctionIdentifier')?.text ?? '';
}

const OPERATOR_TOKENS = new Set([
  'Or',
  'And',
  'Unless',
  'Div',
  'Mul',
  'Add',
  'Sub',
  'Mod',
  'Pow',
  'Gtr',
  'Lss',
  'Gte',
  'Lte',
  'Eql',
  'Neq',
  'Atan2',
]);
const MODIFIERS = new Set(['MatchingModifierClause', 'BoolModifier']);

/** The operator token of a BinaryExpr ('or', '/', '>', …). */
export function binaryOperator(expr: PromNode): string {
  return expr.children.find((c) => OPERATOR_TOKENS.has(c.name))?.text ?? '';
}

/** Operands of a BinaryExpr, left then right (operator and modifier clauses skipped). */
export function operands(expr: PromNode): [PromNode, PromNode] {
  const exprs = expr.children.filter((c) => !OPERATOR_TOKENS.has(c.name) && !MODIFIERS.has(c.name));
  return [exprs[0], exprs[exprs.length - 1]];
}

/** Labels in `by (…)` of an aggregation, or undefined when it has no `by` clause. */
export function groupingLabels(aggregate: PromNode): string[] | undefined {
  const modifier = aggregate.children.find((c) => c.name === 'AggregateModifier');
  if (!modifier || !modifier.children.some((c) => c.name === 'By')) return undefined;
  return findAll(modifier, 'LabelName').map((l) => l.text);
}

/** Metric name and label matchers (label → op + value) of a vector selector. */
export function selectorParts(selector: PromNode): {
  metric: string;
  matchers: Record<string, { op: string; value: string }>;
} {
  const metric = selector.children.find((c) => c.name === 'Identifier')?.text ?? '';
  const matchers: Record<string, { op: string; value: string }> = {};
  for (const m of findAll(selector, 'UnquotedLabelMatcher')) {
    const label = m.children.find((c) => c.name === 'LabelName')?.text ?? '';
    const op = m.children.find((c) => c.name === 'MatchOp')?.text ?? '';
    const literal = m.children.find((c) => c.name === 'StringLiteral')?.text ?? '""';
    matchers[label] = { op, value: JSON.parse(literal) as string };
  }
  return { metric, matchers };
}
