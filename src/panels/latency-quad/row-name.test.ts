import { formatRowName } from './row-name';

describe('row names', () => {
  it('fills seriesNameFormat placeholders', () => {
    expect(formatRowName({ model_name: 'llama', engine: '0' }, '{{model_name}} · engine {{ engine }}')).toBe(
      'llama · engine 0',
    );
  });
  it('defaults to the sorted label pairs', () => {
    expect(formatRowName({ pod: 'p1', model_name: 'm' })).toBe('model_name="m", pod="p1"');
  });
});
