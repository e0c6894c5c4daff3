// Types for the CommonJS build of Perses's variable interpolation (the package ships .d.ts only beside the ESM build).
declare module '@perses-dev/plugin-system/dist/cjs/utils/variables.js' {
  export { replaceVariable, replaceVariables } from '@perses-dev/plugin-system/dist/utils/variables';
}

// Same for Perses's table transforms.
declare module '@perses-dev/core/dist/cjs/utils/transform-data.js' {
  export { transformData } from '@perses-dev/core/dist/utils/transform-data';
}
