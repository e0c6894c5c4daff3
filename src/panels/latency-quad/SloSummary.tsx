// "97.3 % ≤ 2 s (target 99 %)", green when the target is met, red when not; flagged when the threshold is not
// a bucket bound (the figure is then interpolated, an estimate).

import { Tooltip, Typography } from '@mui/material';
import { FormatOptions } from '@perses-dev/core';
import { ReactElement } from 'react';

import { useLegibleText } from '../../components/use-legible-text';
import { SloValue } from './group-statistics';
import { SLO_NOT_BOUND, sloText } from './tile-text';

export function SloSummary({ slo, format }: { slo: SloValue; format: FormatOptions }): ReactElement {
  const legible = useLegibleText();
  const color = !Number.isFinite(slo.attainment) ? legible.secondary : slo.met ? legible.success : legible.error;
  return (
    <Tooltip title={slo.explanation} placement="top" arrow>
      <Typography
        data-testid="quad-slo"
        data-met={String(slo.met)}
        variant="caption"
        noWrap
        sx={{ color, fontWeight: 600 }}
      >
        {sloText(slo, format)}
        {!slo.thresholdIsBound && (
          <Typography component="span" variant="caption" sx={{ color: legible.warning, ml: 0.5 }}>
            {SLO_NOT_BOUND}
          </Typography>
        )}
      </Typography>
    </Tooltip>
  );
}
