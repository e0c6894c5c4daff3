import packageJson from '../../../package.json';
import { KvQueueGaugePanel } from './KvQueueGaugePanel';
import { VllmKvQueueGauge } from './VllmKvQueueGauge';

describe('VllmKvQueueGauge plugin object', () => {
  test('is listed in package.json under its kind', () => {
    expect(packageJson.perses.plugins).toContainEqual({
      kind: 'Panel',
      spec: { display: { name: 'vLLM KV Cache & Queue' }, name: 'VllmKvQueueGauge' },
    });
  });

  test('takes time-series queries and starts from the kv, running, waiting roles', () => {
    expect(VllmKvQueueGauge.supportedQueryTypes).toEqual(['TimeSeriesQuery']);
    expect(VllmKvQueueGauge.PanelComponent).toBe(KvQueueGaugePanel);
    expect(VllmKvQueueGauge.createInitialOptions().queryRoles).toEqual(['kv', 'running', 'waiting']);
    expect(VllmKvQueueGauge.panelOptionsEditorComponents?.map((c) => c.label)).toEqual(['Settings']);
  });
});
