// The VllmKvQueueGauge panel plugin: wiring only. The named export is the plugin kind the host looks up.
import { PanelPlugin } from '@perses-dev/plugin-system';

import { createInitialKvQueueGaugeOptions, KvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { KvQueueGaugeLoading } from './KvQueueGaugeLoading';
import { KvQueueGaugeOptionsEditor } from './KvQueueGaugeOptionsEditor';
import { KvQueueGaugePanel } from './KvQueueGaugePanel';

export const VllmKvQueueGauge: PanelPlugin<KvQueueGaugeSpec> = {
  PanelComponent: KvQueueGaugePanel,
  LoadingComponent: KvQueueGaugeLoading,
  panelOptionsEditorComponents: [{ label: 'Settings', content: KvQueueGaugeOptionsEditor }],
  supportedQueryTypes: ['TimeSeriesQuery'],
  createInitialOptions: createInitialKvQueueGaugeOptions,
};
