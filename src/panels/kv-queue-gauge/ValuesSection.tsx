// Values section of the KV & queue editor: the kv query's unit, the reduction over the range, capacity, decimals.
import { MenuItem, TextField } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { SELECT_SX } from '../../components/editor-controls';
import { NumberOptionField } from '../../components/NumberOptionField';
import { inRange } from '../../shared/option-range';
import { SectionProps } from './editor-section';
import { KV_LIMITS } from './kv-queue-gauge-limits';
import { DEFAULT_DECIMAL_PLACES, KV_VALUES_OVER_RANGE, KvScale, KvValueOverRange } from './kv-queue-gauge-spec';

export function ValuesSection({ spec, update }: SectionProps): ReactElement {
  return (
    <OptionsEditorGroup title="Values">
      <OptionsEditorControl
        label="KV unit"
        description="What the kv query returns: vLLM exports a 0–1 fraction; dashboards that multiply by 100 give percent"
        control={
          <TextField
            select
            size="small"
            fullWidth
            sx={SELECT_SX}
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
        description="last: the last step; max or mean: over the dashboard's time range"
        control={
          <TextField
            select
            size="small"
            fullWidth
            sx={SELECT_SX}
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
            placeholder="unknown"
            min={KV_LIMITS.capacity.min}
            clearable
            accepts={(n) => inRange(KV_LIMITS.capacity, n)}
            onChange={(capacity) => update({ capacity })}
          />
        }
      />
      <OptionsEditorControl
        label="Decimal places"
        description="Decimals of the KV percentages"
        control={
          <NumberOptionField
            label="Decimal places"
            value={spec.decimalPlaces ?? DEFAULT_DECIMAL_PLACES}
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
