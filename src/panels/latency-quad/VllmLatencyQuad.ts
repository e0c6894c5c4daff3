// The VllmLatencyQuad PanelPlugin: wiring only. The exposed module `./VllmLatencyQuad` must name-export it.

import { PanelPlugin } from '@perses-dev/plugin-system';

import { createInitialLatencyQuadOptions, LatencyQuadSpec } from './latency-quad-spec';
import { LatencyQuadLoading } from './LatencyQuadLoading';
import { LatencyQuadOptionsEditor } from './LatencyQuadOptionsEditor';
import { LatencyQuadPanel, LatencyQuadPanelProps } from './LatencyQuadPanel';

export const VllmLatencyQuad: PanelPlugin<LatencyQuadSpec, LatencyQuadPanelProps> = {
  PanelComponent: LatencyQuadPanel,
  LoadingComponent: LatencyQuadLoading,
  panelOptionsEditorComponents: [{ label: 'Settings', content: LatencyQuadOptionsEditor }],
  supportedQueryTypes: ['TimeSeriesQuery'],
  createInitialOptions: createInitialLatencyQuadOptions,
};
