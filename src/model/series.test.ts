import { labelSet, labelValue } from './series';

describe('labels are data', () => {
  test('built-in names read as labels only when the series has them', () => {
    expect(labelValue({ pod: 'a' }, 'constructor')).toBeUndefined();
    expect(labelValue({ pod: 'a' }, 'toString')).toBeUndefined();
    expect(labelValue({ pod: 'a' }, '__proto__')).toBeUndefined();
    expect(labelValue(JSON.parse('{"__proto__":"x","constructor":"y"}'), '__proto__')).toBe('x');
    expect(labelValue({ constructor: 'y' } as Record<string, string>, 'constructor')).toBe('y');
  });

  test('labelSet keeps __proto__ as an ordinary label', () => {
    const labels = labelSet([
      ['__proto__', 'p'],
      ['toString', 't'],
    ]);
    expect(Object.keys(labels)).toEqual(['__proto__', 'toString']);
    expect(labelValue(labels, '__proto__')).toBe('p');
    expect(labelValue(labels, 'toString')).toBe('t');
  });
});
