// Statistics section of the Latency Quad editor: the tiles (typed as "mean, p50, p90, p99"), how each number is
// taken from the range, what series without `le` are, and sparklines.
import { Switch, TextField } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement, useEffect, useState } from 'react';

import { SelectControl } from '../../components/SelectControl';
import { SectionProps } from './editor-section';
import { parseStatistics, statisticsToText } from './statistics-text';

export function StatisticsSection({ spec, update }: SectionProps): ReactElement {
  return (
    <OptionsEditorGroup title="Statistics">
      <OptionsEditorControl
        label="Tiles, in order"
        description="Mean and/or quantiles, comma-separated, e.g. mean, p50, p90, p99, p99.9"
        control={<StatisticsField spec={spec} update={update} />}
      />
      <SelectControl
        label="Value over the range"
        description="range = quantile of the whole-range histogram (like increase(…[$__range]))"
        value={spec.valueOverRange}
        choices={[
          { value: 'range', label: 'Whole range' },
          { value: 'last', label: 'Last step' },
          { value: 'mean-of-steps', label: 'Mean of steps' },
        ]}
        onChange={(valueOverRange) => update({ valueOverRange })}
      />
      <SelectControl
        label="Series without le are"
        description="_sum rate: the histogram's _sum rate; the mean is Σ _sum / Σ +Inf bucket over the range. Mean: a ready-made mean per step (e.g. rate(_sum) / rate(_count)), weighted by the +Inf bucket."
        value={spec.meanInput}
        choices={[
          { value: 'sum', label: '_sum rate' },
          { value: 'mean', label: 'Mean' },
        ]}
        onChange={(meanInput) => update({ meanInput })}
      />
      <OptionsEditorControl
        label="Sparklines"
        description="Each statistic over the range, under its value (hidden when the tile is too small)"
        control={<Switch checked={spec.sparkline} onChange={(_, checked) => update({ sparkline: checked })} />}
      />
    </OptionsEditorGroup>
  );
}

/**
 * The statistics as one line of text. What the user types stays in the field while it is being edited (an
 * invalid list shows why and keeps the last valid spec); a change made elsewhere (JSON editor, undo) replaces it.
 */
function StatisticsField({ spec, update, ...controlProps }: SectionProps): ReactElement {
  const [text, setText] = useState(statisticsToText(spec.statistics));
  const [error, setError] = useState<string | undefined>();
  const specText = statisticsToText(spec.statistics);
  useEffect(() => {
    setText((typed) => {
      const parsed = parseStatistics(typed);
      return parsed.ok && statisticsToText(parsed.statistics) === specText ? typed : specText;
    });
    setError(undefined);
  }, [specText]);
  const onText = (next: string) => {
    setText(next);
    const parsed = parseStatistics(next, spec.statistics);
    setError(parsed.ok ? undefined : parsed.error);
    if (parsed.ok) update({ statistics: parsed.statistics });
  };
  return (
    <TextField
      {...controlProps}
      size="small"
      value={text}
      onChange={(e) => onText(e.target.value)}
      error={error !== undefined}
      // Only an error is shown under the field (the format is in the row's info tooltip), so a valid list never
      // pushes text towards the next row.
      helperText={error}
      fullWidth
    />
  );
}
