// Instances section of the KV & queue editor: the label naming instances, the list length and the sparklines.
import { Switch, TextField } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import { inRange } from '../../shared/option-range';
import { SectionProps } from './editor-section';
import { KV_LIMITS } from './kv-queue-gauge-limits';

export function InstancesSection({ spec, update }: SectionProps): ReactElement {
  return (
    <OptionsEditorGroup title="Instances">
      <OptionsEditorControl
        label="Instance label"
        description="Blank = first of pod, instance, engine found on the series."
        control={
          <TextField
            size="small"
            fullWidth
            value={spec.instanceLabel ?? ''}
            placeholder="pod"
            inputProps={{ 'aria-label': 'Instance label' }}
            onChange={(e) =>
              update({ instanceLabel: e.target.value.trim() === '' ? undefined : e.target.value.trim() })
            }
          />
        }
      />
      <OptionsEditorControl
        label="Max instances"
        description="Rows before +N more; 0 hides the list."
        control={
          <NumberOptionField
            label="Max instances"
            value={spec.maxInstances}
            min={KV_LIMITS.maxInstances.min}
            max={KV_LIMITS.maxInstances.max}
            accepts={(n) => inRange(KV_LIMITS.maxInstances, n)}
            onChange={(maxInstances) => maxInstances !== undefined && update({ maxInstances })}
          />
        }
      />
      <OptionsEditorControl
        label="Sparklines"
        description="Worst KV usage and waiting requests over time."
        control={
          <Switch
            checked={spec.sparklines}
            inputProps={{ 'aria-label': 'Sparklines' }}
            onChange={(e) => update({ sparklines: e.target.checked })}
          />
        }
      />
      <OptionsEditorControl
        label="Running sparkline"
        description="Running requests over time, beside the waiting line."
        control={
          <Switch
            checked={spec.runningSparkline}
            inputProps={{ 'aria-label': 'Running sparkline' }}
            onChange={(e) => update({ runningSparkline: e.target.checked })}
          />
        }
      />
    </OptionsEditorGroup>
  );
}
