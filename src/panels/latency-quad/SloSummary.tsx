// "97.3 % ≤ 2 s (target 99 %)", green when the target is met, red when not; flagged when the threshold is not
// a bucket bound (the figure is then interpolated, an estimate).

import { ReactElement } from 'react';
import { Tooltip, Typography } from '@mui/material';
import { formatValue, FormatOptions } from '@perses-dev/core';
import { SloValue } from './group-statistics';

export function SloSummary({ slo, format }: { slo: SloValue; format: FormatOptions }): ReactElement {
  const share = Number.isFinite(slo.attainment)
    ? formatValue(slo.attainment, { unit: 'percent-decimal', decimalPlaces: 1 })
    : 'n/a';
  // Targets are round numbers (99 %, 99.9 %): print them as typed, not padded to fixed decimals.
  const target = `${Number((slo.slo.target * 100).toPrecision(6))}%`;
  const color = !Number.isFinite(slo.attainment) ? 'text.secondary' : slo.met ? 'success.main' : 'error.main';
  return (
    <Tooltip title={slo.explanation} placement="top" arrow>
      <Typography data-testid="quad-slo" data-met={String(slo.met)} variant="caption" noWrap sx={{ color, fontWeight: 600 }}>
        {`${share} ≤ ${formatValue(slo.slo.threshold, format)} (target ${target})`}
        {!slo.thresholdIsBound && (
          <Typography component="span" variant="caption" sx={{ color: 'warning.main', ml: 0.5 }}>
            ⚠ not a bucket bound
          </Typography>
        )}
      </Typography>
    </Tooltip>
  );
}
