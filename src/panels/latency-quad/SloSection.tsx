// SLO section of the Latency Quad editor: on/off, threshold (histogram unit) and target (percent in the UI, stored
// as a fraction like the quantiles). Numbers the spec cannot hold are not stored (the shared NumberOptionField).
import { Switch } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import { inRange } from '../../shared/option-range';
import { SectionProps } from './editor-section';
import { QUAD_LIMITS } from './latency-quad-limits';
import { LatencySlo } from './latency-quad-spec';

const DEFAULT_SLO: LatencySlo = { threshold: 2.5, target: 0.99 };

export function SloSection({ spec, update }: SectionProps): ReactElement {
  const slo = spec.slo;
  return (
    <OptionsEditorGroup title="SLO attainment">
      <OptionsEditorControl
        label="Show SLO"
        description="Share of observations under a threshold, from the same buckets"
        control={
          <Switch checked={slo !== undefined} onChange={(_, on) => update({ slo: on ? DEFAULT_SLO : undefined })} />
        }
      />
      {slo && (
        <>
          <OptionsEditorControl
            label="Threshold"
            description="In the histogram's unit. Pick a bucket bound (e.g. 2.5 for TTFT) for an exact figure."
            control={
              <NumberOptionField
                label="Threshold (in the histogram's unit)"
                value={slo.threshold}
                min={QUAD_LIMITS.sloThreshold.min}
                accepts={(n) => inRange(QUAD_LIMITS.sloThreshold, n)}
                onChange={(threshold) => threshold !== undefined && update({ slo: { ...slo, threshold } })}
              />
            }
          />
          <OptionsEditorControl
            label="Target (%)"
            description="Between 0 and 100"
            control={
              <NumberOptionField
                label="Target (%)"
                value={Number((slo.target * 100).toPrecision(10))}
                min={QUAD_LIMITS.sloTarget.min * 100}
                max={QUAD_LIMITS.sloTarget.max * 100}
                accepts={(n) => inRange(QUAD_LIMITS.sloTarget, n / 100)}
                onChange={(percent) => percent !== undefined && update({ slo: { ...slo, target: percent / 100 } })}
              />
            }
          />
        </>
      )}
    </OptionsEditorGroup>
  );
}
