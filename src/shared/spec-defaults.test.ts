import { patchSpec, withSpecDefaults } from './spec-defaults';

interface Spec {
  size: number;
  name?: string;
  flags: string[];
}
const defaults: Spec = { size: 5, flags: ['a'] };

describe('withSpecDefaults', () => {
  it('fills absent, undefined and null fields from the defaults', () => {
    expect(withSpecDefaults(undefined, defaults)).toEqual(defaults);
    expect(withSpecDefaults({}, defaults)).toEqual(defaults);
    expect(withSpecDefaults({ size: undefined, flags: null } as unknown as Partial<Spec>, defaults)).toEqual(defaults);
  });

  it('keeps every stored value, falsy ones included', () => {
    expect(withSpecDefaults({ size: 0, name: '', flags: [] }, defaults)).toEqual({ size: 0, name: '', flags: [] });
  });
});

describe('patchSpec', () => {
  it('replaces only the edited fields of the stored spec, leaving untouched fields absent', () => {
    expect(patchSpec<Partial<Spec>>({ name: 'x' }, { size: 3 })).toEqual({ name: 'x', size: 3 });
    expect(patchSpec<Partial<Spec>>(undefined, { size: 3 })).toEqual({ size: 3 });
  });
});
