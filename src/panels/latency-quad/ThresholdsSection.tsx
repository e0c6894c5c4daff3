// Thresholds section of the Latency Quad editor: the panel-wide thresholds, or an override for one statistic
// ("p99 TTFT < 2 s" colours only p99).
import { Button } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup, ThresholdsEditor } from '@perses-dev/components';
import { ThresholdOptions } from '@perses-dev/core';
import { ReactElement, useState } from 'react';

import { SelectControl } from '../../components/SelectControl';
import { SectionProps } from './editor-section';
import { statisticLabel } from './latency-quad-spec';

const PANEL_WIDE = '__panel__';

export function ThresholdsSection({ spec, update }: SectionProps): ReactElement {
  const [target, setTarget] = useState(PANEL_WIDE);
  const overridden = spec.statistics.find((s) => statisticLabel(s) === target);
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
    <>
      <OptionsEditorGroup title="Thresholds scope">
        <SelectControl
          label="Thresholds for"
          value={overridden ? target : PANEL_WIDE}
          choices={[
            { value: PANEL_WIDE, label: 'all tiles' },
            ...spec.statistics.map((s) => ({
              value: statisticLabel(s),
              label: `${statisticLabel(s)} only${s.thresholds ? ' (overridden)' : ''}`,
            })),
          ]}
          onChange={setTarget}
        />
        {overridden?.thresholds && (
          <OptionsEditorControl
            label="Override"
            control={
              <Button size="small" onClick={() => onThresholds(undefined)}>
                Use the panel thresholds for {statisticLabel(overridden)}
              </Button>
            }
          />
        )}
      </OptionsEditorGroup>
      <ThresholdsEditor
        thresholds={overridden ? overridden.thresholds : spec.thresholds}
        onChange={onThresholds}
        disablePercentMode
      />
    </>
  );
}
