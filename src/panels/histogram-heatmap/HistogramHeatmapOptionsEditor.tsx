// Settings tab of the VllmHistogramHeatmap panel editor: one section per concern, each control inside an
// OptionsEditorControl as in the official editors. A change stores the stored spec with the edited fields
// replaced (src/shared/spec-defaults.ts patchSpec), as the other editors do.
import { Switch, TextField } from '@mui/material';
import {
  FormatControls,
  OptionsEditorColumn,
  OptionsEditorControl,
  OptionsEditorGrid,
  OptionsEditorGroup,
} from '@perses-dev/components';
import { FormatOptions } from '@perses-dev/core';
import { OptionsEditorProps } from '@perses-dev/plugin-system';
import { ReactElement, useState } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import { SelectControl } from '../../components/SelectControl';
import { patchSpec } from '../../shared/spec-defaults';
import { HeatmapSlo, HistogramHeatmapSpec, resolveHistogramHeatmapSpec } from './histogram-heatmap-spec';

const DEFAULT_SLO: HeatmapSlo = { threshold: 2.5, target: 0.99 };

/** "50, 90, 99" ↔ [0.5, 0.9, 0.99]; undefined when some entry is not a percentile strictly between 0 and 100. */
export function parsePercentiles(text: string): number[] | undefined {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const qs = entries.map((s) => Number(s) / 100);
  if (qs.some((q) => !(q > 0 && q < 1)) || new Set(qs).size !== qs.length || qs.length > 8) return undefined;
  return qs.map((q) => Number(q.toPrecision(10)));
}

const percentilesText = (qs: readonly number[]) => qs.map((q) => Number((q * 100).toPrecision(10))).join(', ');

export function HistogramHeatmapOptionsEditor({
  value,
  onChange,
}: OptionsEditorProps<HistogramHeatmapSpec>): ReactElement {
  const spec = resolveHistogramHeatmapSpec(value);
  const update = (patch: Partial<HistogramHeatmapSpec>) => onChange(patchSpec(value, patch));
  const [percentiles, setPercentiles] = useState(percentilesText(spec.quantiles));
  const percentilesValid = parsePercentiles(percentiles) !== undefined;
  return (
    <OptionsEditorGrid>
      <OptionsEditorColumn>
        <OptionsEditorGroup title="Display">
          <SelectControl
            label="Mode"
            description="A heatmap over time, or one bar per bucket for the whole range"
            value={spec.mode}
            choices={[
              { value: 'over-time', label: 'Over time' },
              { value: 'distribution', label: 'Distribution over the range' },
            ]}
            onChange={(mode) => update({ mode })}
          />
          <SelectControl
            label="Cell colour"
            description="Share of the step's observations, bucket rate, or observations per step"
            value={spec.cellValue}
            choices={[
              { value: 'share', label: 'Share' },
              { value: 'rate', label: 'Rate' },
              { value: 'count', label: 'Count per step' },
            ]}
            onChange={(cellValue) => update({ cellValue })}
          />
          <SelectControl
            label="Bucket rows"
            description="Equal height per bucket, or true scale on a linear axis"
            value={spec.yScale}
            choices={[
              { value: 'buckets', label: 'Equal height' },
              { value: 'linear', label: 'True scale' },
            ]}
            onChange={(yScale) => update({ yScale })}
          />
          <OptionsEditorControl
            label="Cumulative line"
            description="Distribution mode: the share of observations up to each bucket"
            control={
              <Switch
                inputProps={{ 'aria-label': 'Cumulative line' }}
                checked={spec.cumulative}
                onChange={(_, cumulative) => update({ cumulative })}
              />
            }
          />
        </OptionsEditorGroup>
        <OptionsEditorGroup title="Format">
          <FormatControls value={spec.format as FormatOptions} onChange={(format) => update({ format })} />
        </OptionsEditorGroup>
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <OptionsEditorGroup title="Quantiles">
          <OptionsEditorControl
            label="Percentiles"
            description="Comma-separated, each between 0 and 100 (at most 8); empty for none"
            control={
              <TextField
                size="small"
                fullWidth
                value={percentiles}
                error={!percentilesValid}
                helperText={percentilesValid ? undefined : 'Each entry must be a number between 0 and 100, once'}
                inputProps={{ 'aria-label': 'Percentiles' }}
                onChange={(e) => {
                  setPercentiles(e.target.value);
                  const quantiles = parsePercentiles(e.target.value);
                  if (quantiles) update({ quantiles });
                }}
              />
            }
          />
        </OptionsEditorGroup>
        <OptionsEditorGroup title="SLO marker">
          <OptionsEditorControl
            label="Show SLO"
            description="Distribution mode: threshold and the share of observations under it"
            control={
              <Switch
                inputProps={{ 'aria-label': 'Show SLO' }}
                checked={spec.slo !== undefined}
                onChange={(_, on) => update({ slo: on ? DEFAULT_SLO : undefined })}
              />
            }
          />
          {spec.slo && (
            <>
              <OptionsEditorControl
                label="Threshold"
                description="In the histogram's unit; a bucket bound gives an exact figure"
                control={
                  <NumberOptionField
                    label="Threshold (in the histogram's unit)"
                    value={spec.slo.threshold}
                    min={0}
                    accepts={(n) => n > 0}
                    onChange={(threshold) => threshold !== undefined && update({ slo: { ...spec.slo!, threshold } })}
                  />
                }
              />
              <OptionsEditorControl
                label="Target (%)"
                description="Between 0 and 100"
                control={
                  <NumberOptionField
                    label="Target (%)"
                    value={Number((spec.slo.target * 100).toPrecision(10))}
                    min={0}
                    max={100}
                    accepts={(n) => n > 0 && n <= 100}
                    onChange={(p) => p !== undefined && update({ slo: { ...spec.slo!, target: p / 100 } })}
                  />
                }
              />
            </>
          )}
        </OptionsEditorGroup>
      </OptionsEditorColumn>
    </OptionsEditorGrid>
  );
}
