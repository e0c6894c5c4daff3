import * as publicEntry from '../../index';
import { createInitialLatencyQuadOptions } from './latency-quad-spec';
import * as exposedModule from './VllmLatencyQuad';

describe('VllmLatencyQuad plugin object', () => {
  it('is named-exported under its kind by the exposed module and the package entry', () => {
    // The host does `module[kind]` on the exposed module `./VllmLatencyQuad`.
    expect(exposedModule.VllmLatencyQuad).toBeDefined();
    expect(publicEntry.VllmLatencyQuad).toBe(exposedModule.VllmLatencyQuad);
  });

  it('takes time-series queries and starts from the documented defaults', () => {
    const plugin = exposedModule.VllmLatencyQuad;
    expect(plugin.supportedQueryTypes).toEqual(['TimeSeriesQuery']);
    expect(plugin.createInitialOptions()).toEqual(createInitialLatencyQuadOptions());
    expect(plugin.panelOptionsEditorComponents?.map((c) => c.label)).toEqual(['Settings']);
    expect(plugin.LoadingComponent).toBeDefined();
  });
});
