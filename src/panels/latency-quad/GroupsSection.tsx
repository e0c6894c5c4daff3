// Grouped-rows section of the Latency Quad editor: row label format, the statistic rows are sorted by, and a cap.
import { TextField } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import { SelectControl } from '../../components/SelectControl';
import { inRange } from '../../shared/option-range';
import { SectionProps } from './editor-section';
import { QUAD_LIMITS } from './latency-quad-limits';
import { LatencyGroupsOptions, statisticKey, statisticLabel } from './latency-quad-spec';

const AUTO = 'auto';

export function GroupsSection({ spec, update }: SectionProps): ReactElement {
  const groups = spec.groups ?? {};
  // Unset fields are dropped, and an empty groups object is not stored at all.
  const set = (patch: Partial<LatencyGroupsOptions>) => {
    const next: LatencyGroupsOptions = { ...groups, ...patch };
    for (const key of Object.keys(next) as Array<keyof LatencyGroupsOptions>)
      if (next[key] === undefined) delete next[key];
    update({ groups: Object.keys(next).length > 0 ? next : undefined });
  };
  return (
    <OptionsEditorGroup title="Rows (when the query keeps labels)">
      <OptionsEditorControl
        label="Row label"
        description="Like the legend format: {{model_name}} · engine {{engine}}"
        control={
          <TextField
            size="small"
            fullWidth
            placeholder="{{model_name}}"
            value={groups.nameFormat ?? ''}
            onChange={(e) => set({ nameFormat: e.target.value || undefined })}
          />
        }
      />
      <SelectControl
        label="Sort worst first by"
        description="Top quantile = the highest quantile among the tiles"
        value={groups.sortBy === undefined ? AUTO : String(groups.sortBy)}
        choices={[
          { value: AUTO, label: 'Top quantile' },
          ...spec.statistics.map((s) => ({ value: String(statisticKey(s)), label: statisticLabel(s) })),
        ]}
        onChange={(value) => set({ sortBy: value === AUTO ? undefined : value === 'mean' ? 'mean' : Number(value) })}
      />
      <OptionsEditorControl
        label="Maximum rows"
        description="Blank = as many as fit"
        control={
          <NumberOptionField
            label="Maximum rows"
            value={groups.maxRows}
            placeholder="as many as fit"
            min={QUAD_LIMITS.maxRows.min}
            clearable
            accepts={(n) => inRange(QUAD_LIMITS.maxRows, n)}
            onChange={(maxRows) => set({ maxRows })}
          />
        }
      />
    </OptionsEditorGroup>
  );
}
