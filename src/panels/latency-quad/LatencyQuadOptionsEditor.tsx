// Settings tab of the VllmLatencyQuad panel editor: statistics, value over range, mean input, unit/decimals,
// thresholds (panel-wide or per statistic), SLO, sparklines and the grouped-rows display.

import { Button, MenuItem, Switch, TextField } from '@mui/material';
import {
  FormatControls,
  OptionsEditorColumn,
  OptionsEditorControl,
  OptionsEditorGrid,
  OptionsEditorGroup,
  ThresholdsEditor,
} from '@perses-dev/components';
import { FormatOptions, ThresholdOptions } from '@perses-dev/core';
import { OptionsEditorProps } from '@perses-dev/plugin-system';
import { ReactElement, useEffect, useState } from 'react';

import { GroupsEditor } from './GroupsEditor';
import {
  LatencyQuadSpec,
  LatencyValueOverRange,
  MeanInput,
  resolveLatencyQuadSpec,
  statisticLabel,
} from './latency-quad-spec';
import { SloEditor } from './SloEditor';
import { parseStatistics, statisticsToText } from './statistics-text';

const PANEL_WIDE = '__panel__';

export function LatencyQuadOptionsEditor({ value, onChange }: OptionsEditorProps<LatencyQuadSpec>): ReactElement {
  const spec = resolveLatencyQuadSpec(value);
  const [statisticsText, setStatisticsText] = useState(statisticsToText(spec.statistics));
  const [statisticsError, setStatisticsError] = useState<string | undefined>();
  const [thresholdTarget, setThresholdTarget] = useState(PANEL_WIDE);
  const update = (patch: Partial<LatencyQuadSpec>) => onChange({ ...spec, ...patch });

  // The spec can also change outside this field (JSON editor, undo): show it unless the field already says the same.
  const specText = statisticsToText(spec.statistics);
  useEffect(() => {
    setStatisticsText((typed) => {
      const parsed = parseStatistics(typed);
      return parsed.ok && statisticsToText(parsed.statistics) === specText ? typed : specText;
    });
    setStatisticsError(undefined);
  }, [specText]);

  const onStatisticsText = (text: string) => {
    setStatisticsText(text);
    const parsed = parseStatistics(text, spec.statistics);
    setStatisticsError(parsed.ok ? undefined : parsed.error);
    if (parsed.ok) update({ statistics: parsed.statistics });
  };

  const overridden = spec.statistics.find((s) => statisticLabel(s) === thresholdTarget);
  const editedThresholds = overridden ? overridden.thresholds : spec.thresholds;
  const onThresholds = (thresholds: ThresholdOptions | undefined) => {
    if (!overridden) return update({ thresholds });
    update({
      statistics: spec.statistics.map((s) => {
        if (s !== overridden) return s;
        const next = { ...s, thresholds };
        if (!thresholds) delete next.thresholds;
        return next;
      }),
    });
  };

  return (
    <OptionsEditorGrid>
      <OptionsEditorColumn>
        <OptionsEditorGroup title="Statistics">
          <TextField
            label="Tiles, in order"
            value={statisticsText}
            onChange={(e) => onStatisticsText(e.target.value)}
            error={statisticsError !== undefined}
            helperText={statisticsError ?? 'mean and/or quantiles: mean, p50, p90, p99, p99.9'}
            fullWidth
          />
          <TextField
            select
            label="Value over the range"
            value={spec.valueOverRange}
            onChange={(e) => update({ valueOverRange: e.target.value as LatencyValueOverRange })}
            helperText="range = quantile of the whole-range histogram (like increase(…[$__range]))"
            fullWidth
          >
            <MenuItem value="range">Whole range</MenuItem>
            <MenuItem value="last">Last step</MenuItem>
            <MenuItem value="mean-of-steps">Mean of steps</MenuItem>
          </TextField>
          <TextField
            select
            label="Series without le are"
            value={spec.meanInput}
            onChange={(e) => update({ meanInput: e.target.value as MeanInput })}
            fullWidth
          >
            <MenuItem value="sum">the _sum rate (mean = Σ sum / Σ +Inf bucket)</MenuItem>
            <MenuItem value="mean">a ready-made mean</MenuItem>
          </TextField>
          <OptionsEditorControl
            label="Sparklines"
            control={<Switch checked={spec.sparkline} onChange={(_, checked) => update({ sparkline: checked })} />}
          />
        </OptionsEditorGroup>
        <OptionsEditorGroup title="Format">
          <FormatControls value={spec.format as FormatOptions} onChange={(format) => update({ format })} />
        </OptionsEditorGroup>
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <TextField
          select
          label="Thresholds for"
          value={overridden ? thresholdTarget : PANEL_WIDE}
          onChange={(e) => setThresholdTarget(e.target.value)}
          fullWidth
          sx={{ mb: 1 }}
        >
          <MenuItem value={PANEL_WIDE}>all tiles</MenuItem>
          {spec.statistics.map((s) => (
            <MenuItem key={statisticLabel(s)} value={statisticLabel(s)}>
              {statisticLabel(s)} only{s.thresholds ? ' (overridden)' : ''}
            </MenuItem>
          ))}
        </TextField>
        <ThresholdsEditor thresholds={editedThresholds} onChange={onThresholds} disablePercentMode />
        {overridden?.thresholds && (
          <Button size="small" onClick={() => onThresholds(undefined)}>
            Use the panel thresholds for {statisticLabel(overridden)}
          </Button>
        )}
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <SloEditor slo={spec.slo} onChange={(slo) => update({ slo })} />
        <GroupsEditor spec={spec} onChange={(groups) => update({ groups })} />
      </OptionsEditorColumn>
    </OptionsEditorGrid>
  );
}
