// The Latency Quad's footer line: for a single histogram its name and SLO, then how the values are taken over the
// range, and the warnings (their full text in the tooltip).
import { Box, Tooltip, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { useLegibleText } from '../../components/use-legible-text';
import { LatencyQuadSpec, LatencyValueOverRange } from './latency-quad-spec';
import { CAPTION_PX, FOOTER_HEIGHT, TILE_PADDING_X } from './quad-layout';
import { QuadRow } from './quad-view-model';
import { SloSummary } from './SloSummary';
import { shortenMiddle, textWidthEm } from './text-width';

export const RANGE_CAPTION: Record<LatencyValueOverRange, string> = {
  range: 'whole range',
  last: 'at the last step',
  'mean-of-steps': 'mean of steps',
};

/** Below this (em) a footer name would be a stub; it is left out (the SLO and range caption need the room). */
const MIN_FOOTER_NAME_EM = 3;

/** Room for the single group's name in the footer (em of the caption font), beside the range caption and SLO. */
function footerNameEm(width: number, rangeCaption: string, sloEm: number): number {
  const gap = 12; // the footer's gap: 1.5
  const others = textWidthEm(rangeCaption) * CAPTION_PX + gap + (sloEm > 0 ? sloEm * CAPTION_PX + gap : 0);
  return (width - TILE_PADDING_X - others) / CAPTION_PX;
}

export interface QuadFooterProps {
  /** The one row when the panel shows a single histogram. */
  single?: QuadRow;
  warnings: readonly string[];
  spec: LatencyQuadSpec;
  width: number;
  /** Width of the widest SLO line, in em of the caption font. */
  sloEm: number;
}

export function QuadFooter({ single, warnings, spec, width, sloEm }: QuadFooterProps): ReactElement {
  const legible = useLegibleText();
  const rangeCaption = RANGE_CAPTION[spec.valueOverRange];
  const nameEm = footerNameEm(width, rangeCaption, single?.slo ? sloEm : 0);
  return (
    <Box sx={{ height: FOOTER_HEIGHT, display: 'flex', alignItems: 'center', gap: 1.5, px: 0.5, overflow: 'hidden' }}>
      {single?.name && nameEm >= MIN_FOOTER_NAME_EM && (
        <Typography
          data-testid="quad-group-name"
          variant="caption"
          title={single.name}
          sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
        >
          {shortenMiddle(single.name, nameEm)}
        </Typography>
      )}
      <Typography
        data-testid="quad-range-mode"
        variant="caption"
        color="text.secondary"
        noWrap
        sx={{ flexShrink: 1, minWidth: 0 }}
      >
        {rangeCaption}
      </Typography>
      {/* The SLO carries numbers: it keeps its width, the captions around it give way. */}
      {single?.slo && (
        <Box sx={{ flexShrink: 0, display: 'flex' }}>
          <SloSummary slo={single.slo} format={spec.format} />
        </Box>
      )}
      {warnings.length > 0 && (
        <Tooltip title={warnings.join(' ')}>
          <Typography data-testid="quad-warnings" variant="caption" sx={{ color: legible.warning }} noWrap>
            ⚠ {warnings.length === 1 ? warnings[0] : `${warnings.length} notes`}
          </Typography>
        </Tooltip>
      )}
    </Box>
  );
}
