// Values section of the KV & queue editor: the kv query's unit, the reduction over the range, capacity, decimals.
import { MenuItem, TextField } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import { inRange } from '../../shared/option-range';
import { SectionProps } from './editor-section';
import { KV_LIMITS } from './kv-queue-gauge-limits';
import { KV_VALUES_OVER_RANGE, KvScale, KvValueOverRange } from './kv-queue-gauge-spec';

export function ValuesSection({ spec, update }: SectionProps): ReactElement {
  return (
    <OptionsEditorGroup title="Values">
      <OptionsEditorControl
        label="KV unit"
        control={
          <TextField
            select
            size="small"
            value={spec.kvScale}
            inputProps={{ 'aria-label': 'KV unit' }}
            onChange={(e) => update({ kvScale: e.target.value as KvScale })}
          >
            <MenuItem value="fraction">fraction (0–1)</MenuItem>
            <MenuItem value="percent">percent (0–100)</MenuItem>
          </TextField>
        }
      />
      <OptionsEditorControl
        label="Value over range"
        control={
          <TextField
            select
            size="small"
            value={spec.valueOverRange}
            inputProps={{ 'aria-label': 'Value over range' }}
            onChange={(e) => update({ valueOverRange: e.target.value as KvValueOverRange })}
          >
            {KV_VALUES_OVER_RANGE.map((v) => (
              <MenuItem key={v} value={v}>
                {v}
              </MenuItem>
            ))}
          </TextField>
        }
      />
      <OptionsEditorControl
        label="Capacity per instance"
        description="vLLM --max-num-seqs; blank = unknown. A capacity query takes precedence."
        control={
          <NumberOptionField
            label="Capacity per instance"
            value={spec.capacity}
            min={KV_LIMITS.capacity.min}
            clearable
            accepts={(n) => inRange(KV_LIMITS.capacity, n)}
            onChange={(capacity) => update({ capacity })}
          />
        }
      />
      <OptionsEditorControl
        label="Decimal places"
        control={
          <NumberOptionField
            label="Decimal places"
            value={spec.decimalPlaces}
            placeholder="1"
            min={KV_LIMITS.decimalPlaces.min}
            max={KV_LIMITS.decimalPlaces.max}
            clearable
            accepts={(n) => inRange(KV_LIMITS.decimalPlaces, n)}
            onChange={(decimalPlaces) => update({ decimalPlaces })}
          />
        }
      />
    </OptionsEditorGroup>
  );
}
