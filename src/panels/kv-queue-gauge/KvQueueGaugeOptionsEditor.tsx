// The KV & queue panel's "Settings" tab: one section per concern, each control inside an OptionsEditorControl as
// in the official editors. A change stores the stored spec with the edited fields replaced
// (src/shared/spec-defaults.ts patchSpec), as the Latency Quad editor does.
import { OptionsEditorColumn, OptionsEditorGrid, ThresholdsEditor } from '@perses-dev/components';
import { OptionsEditorProps } from '@perses-dev/plugin-system';
import { ReactElement } from 'react';

import { patchSpec } from '../../shared/spec-defaults';
import { InstancesSection } from './InstancesSection';
import { KvQueueGaugeSpec, resolveKvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { QueryRolesSection } from './QueryRolesSection';
import { ValuesSection } from './ValuesSection';

export type KvQueueGaugeOptionsEditorProps = OptionsEditorProps<KvQueueGaugeSpec>;

export function KvQueueGaugeOptionsEditor({ value, onChange }: KvQueueGaugeOptionsEditorProps): ReactElement {
  const spec = resolveKvQueueGaugeSpec(value);
  const update = (patch: Partial<KvQueueGaugeSpec>) => onChange(patchSpec(value, patch));
  return (
    <OptionsEditorGrid>
      <OptionsEditorColumn>
        <QueryRolesSection spec={spec} update={update} />
        <ValuesSection spec={spec} update={update} />
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <InstancesSection spec={spec} update={update} />
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <ThresholdsEditor thresholds={spec.thresholds} onChange={(thresholds) => update({ thresholds })} />
      </OptionsEditorColumn>
    </OptionsEditorGrid>
  );
}
