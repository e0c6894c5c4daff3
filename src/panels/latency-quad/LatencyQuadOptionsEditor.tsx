// Settings tab of the VllmLatencyQuad panel editor: one section per concern, each control inside an
// OptionsEditorControl as in the official editors. A change stores the stored spec with the edited fields
// replaced (src/shared/spec-defaults.ts patchSpec), as the KV & queue editor does.
import { FormatControls, OptionsEditorColumn, OptionsEditorGrid, OptionsEditorGroup } from '@perses-dev/components';
import { FormatOptions } from '@perses-dev/core';
import { OptionsEditorProps } from '@perses-dev/plugin-system';
import { ReactElement } from 'react';

import { patchSpec } from '../../shared/spec-defaults';
import { GroupsSection } from './GroupsSection';
import { LatencyQuadSpec, resolveLatencyQuadSpec } from './latency-quad-spec';
import { SloSection } from './SloSection';
import { StatisticsSection } from './StatisticsSection';
import { ThresholdsSection } from './ThresholdsSection';

export function LatencyQuadOptionsEditor({ value, onChange }: OptionsEditorProps<LatencyQuadSpec>): ReactElement {
  const spec = resolveLatencyQuadSpec(value);
  const update = (patch: Partial<LatencyQuadSpec>) => onChange(patchSpec(value, patch));
  return (
    <OptionsEditorGrid>
      <OptionsEditorColumn>
        <StatisticsSection spec={spec} update={update} />
        <OptionsEditorGroup title="Format">
          <FormatControls value={spec.format as FormatOptions} onChange={(format) => update({ format })} />
        </OptionsEditorGroup>
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <ThresholdsSection spec={spec} update={update} />
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <SloSection spec={spec} update={update} />
        <GroupsSection spec={spec} update={update} />
      </OptionsEditorColumn>
    </OptionsEditorGrid>
  );
}
