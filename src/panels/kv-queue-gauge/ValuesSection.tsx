// Values section of the KV & queue editor: the kv query's unit, the reduction over the range, capacity, decimals.
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import { SelectControl } from '../../components/SelectControl';
import { inRange } from '../../shared/option-range';
import { SectionProps } from './editor-section';
import { KV_LIMITS } from './kv-queue-gauge-limits';
import { DEFAULT_DECIMAL_PLACES, KV_VALUES_OVER_RANGE } from './kv-queue-gauge-spec';

export function ValuesSection({ spec, update }: SectionProps): ReactElement {
  return (
    <OptionsEditorGroup title="Values">
      <SelectControl
        label="KV unit"
        description="What the kv query returns: vLLM exports a 0–1 fraction; dashboards that multiply by 100 give percent"
        value={spec.kvScale}
        choices={[
          { value: 'fraction', label: 'fraction (0–1)' },
          { value: 'percent', label: 'percent (0–100)' },
        ]}
        onChange={(kvScale) => update({ kvScale })}
      />
      <SelectControl
        label="Value over range"
        description="last: the last step; max or mean: over the dashboard's time range"
        value={spec.valueOverRange}
        choices={KV_VALUES_OVER_RANGE.map((v) => ({ value: v, label: v }))}
        onChange={(valueOverRange) => update({ valueOverRange })}
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
