// One rule for reading a stored panel spec. Perses hands a panel its spec exactly as the dashboard stores it (CUE
// defaults are applied only while validating), so `spec: {}` must render like the defaults: a field that is
// absent, undefined or null takes its default; any other value is kept as stored.

export function withSpecDefaults<Spec extends object>(stored: Partial<Spec> | null | undefined, defaults: Spec): Spec {
  const given = Object.fromEntries(Object.entries(stored ?? {}).filter(([, v]) => v !== undefined && v !== null));
  return { ...defaults, ...given } as Spec;
}

/**
 * How both options editors store a change: the stored spec with the edited fields replaced, so fields the user
 * never touched stay absent (and keep following the defaults) rather than being frozen at today's defaults.
 */
export function patchSpec<Spec extends object>(stored: Spec | undefined, patch: Partial<Spec>): Spec {
  return { ...(stored ?? {}), ...patch } as Spec;
}
