// Grouped-rows section of the options editor: row label format, the statistic rows are sorted by, and a cap.

import { MenuItem, TextField } from '@mui/material';
import { OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { LatencyGroupsOptions, LatencyQuadSpec, statisticKey, statisticLabel } from './latency-quad-spec';

const AUTO = 'auto';

export function GroupsEditor({
  spec,
  onChange,
}: {
  spec: LatencyQuadSpec;
  onChange: (groups?: LatencyGroupsOptions) => void;
}): ReactElement {
  const groups = spec.groups ?? {};
  const set = (patch: Partial<LatencyGroupsOptions>) => {
    const next: LatencyGroupsOptions = { ...groups, ...patch };
    for (const key of Object.keys(next) as Array<keyof LatencyGroupsOptions>)
      if (next[key] === undefined) delete next[key];
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <OptionsEditorGroup title="Rows (when the query keeps labels)">
      <TextField
        label="Row label"
        placeholder="{{model_name}}"
        value={groups.nameFormat ?? ''}
        onChange={(e) => set({ nameFormat: e.target.value || undefined })}
        helperText="Like the legend format: {{model_name}} · engine {{engine}}"
        fullWidth
      />
      <TextField
        select
        label="Sort worst first by"
        value={groups.sortBy === undefined ? AUTO : String(groups.sortBy)}
        onChange={(e) =>
          set({
            sortBy: e.target.value === AUTO ? undefined : e.target.value === 'mean' ? 'mean' : Number(e.target.value),
          })
        }
        fullWidth
      >
        <MenuItem value={AUTO}>highest quantile shown</MenuItem>
        {spec.statistics.map((s) => (
          <MenuItem key={statisticLabel(s)} value={String(statisticKey(s))}>
            {statisticLabel(s)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Maximum rows"
        type="number"
        value={groups.maxRows ?? ''}
        placeholder="as many as fit"
        onChange={(e) => {
          const n = Math.floor(Number(e.target.value));
          set({ maxRows: e.target.value === '' || !(n >= 1) ? undefined : n });
        }}
        fullWidth
      />
    </OptionsEditorGroup>
  );
}
