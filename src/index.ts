// Public entry for bundlers and hosts that import the package directly rather than through Module Federation.
export { getPluginModule } from './getPluginModule';
export * from './model/histogram';
