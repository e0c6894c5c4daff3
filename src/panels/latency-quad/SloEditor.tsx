// SLO section of the options editor: on/off, threshold (histogram unit) and target (percent in the UI,
// stored as a fraction like the quantiles).

import { Switch, TextField } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { LatencySlo } from './latency-quad-spec';

const DEFAULT_SLO: LatencySlo = { threshold: 2.5, target: 0.99 };

export function SloEditor({ slo, onChange }: { slo?: LatencySlo; onChange: (slo?: LatencySlo) => void }): ReactElement {
  const numberOr = (text: string, fallback: number) =>
    text.trim() === '' || !Number.isFinite(Number(text)) ? fallback : Number(text);
  return (
    <OptionsEditorGroup title="SLO attainment">
      <OptionsEditorControl
        label="Show SLO"
        description="Share of observations under a threshold, from the same buckets"
        control={<Switch checked={slo !== undefined} onChange={(_, on) => onChange(on ? DEFAULT_SLO : undefined)} />}
      />
      {slo && (
        <>
          <TextField
            label="Threshold (in the histogram's unit)"
            type="number"
            value={slo.threshold}
            onChange={(e) => onChange({ ...slo, threshold: numberOr(e.target.value, slo.threshold) })}
            helperText="Pick a bucket bound (e.g. 2.5 for TTFT) for an exact figure"
            error={!(slo.threshold > 0)}
            fullWidth
          />
          <TextField
            label="Target (%)"
            type="number"
            value={Number((slo.target * 100).toPrecision(10))}
            onChange={(e) => onChange({ ...slo, target: numberOr(e.target.value, slo.target * 100) / 100 })}
            error={!(slo.target > 0 && slo.target <= 1)}
            helperText={slo.target > 0 && slo.target <= 1 ? undefined : 'Between 0 and 100'}
            fullWidth
          />
        </>
      )}
    </OptionsEditorGroup>
  );
}
