// The worst instance's KV usage: the arc with the threshold bands and the percentage under it.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { GaugeArc } from './GaugeArc';
import { KV_HEADLINE_WEIGHT, KvColors } from './kv-colors';
import { KvThresholds } from './kv-thresholds';

export interface KvGaugeProps {
  fraction: number | null;
  text: string;
  size: number;
  thresholds: KvThresholds;
  colors: KvColors;
}

export function KvGauge({ fraction, text, size, thresholds, colors }: KvGaugeProps): ReactElement {
  const fontSize = Math.max(12, size / 7);
  return (
    <Box sx={{ position: 'relative', width: size, flex: 'none' }}>
      <GaugeArc
        fraction={fraction}
        size={size}
        valueColor={colors.kv}
        trackColor={colors.track}
        thresholds={thresholds}
        colorOfStep={colors.step}
        defaultColor={colors.base}
        label={`KV cache usage of the worst instance: ${text}`}
      />
      <Typography
        data-testid="kv-queue-kv-max"
        sx={{
          position: 'absolute',
          bottom: 0,
          width: '100%',
          textAlign: 'center',
          fontWeight: KV_HEADLINE_WEIGHT,
          fontSize,
          lineHeight: 1.2,
          color: colors.kvText(fontSize),
        }}
      >
        {text}
      </Typography>
    </Box>
  );
}
