// One "label value" line whose label gives way first: when the panel is narrow the label is cut with an
// ellipsis and the number stays whole (a cut-off number is worse than none). The full text is the tooltip.
import { SxProps, Theme, Typography } from '@mui/material';
import { ReactElement, ReactNode } from 'react';

export interface LabelledValueProps {
  label: string;
  value: ReactNode;
  /** Text after the value that may also be cut, e.g. an explanation. */
  note?: string;
  /** Full text for the tooltip. */
  title: string;
  variant: 'body2' | 'caption';
  color?: string;
  sx?: SxProps<Theme>;
  testId?: string;
  highlighted?: boolean;
}

const cut = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export function LabelledValue({
  label,
  value,
  note,
  title,
  variant,
  color,
  sx,
  testId,
  highlighted,
}: LabelledValueProps): ReactElement {
  return (
    <Typography
      variant={variant}
      color={color}
      component="div"
      title={title}
      data-testid={testId}
      data-highlighted={highlighted === undefined ? undefined : String(highlighted)}
      sx={[{ display: 'flex', minWidth: 0, whiteSpace: 'nowrap' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {/* The spaces are for text content (copy, screen readers); between flex items they take no room. */}
      <span style={{ ...cut, minWidth: '1.5em', marginRight: '0.3em' }}>{label}</span>{' '}
      <span style={{ flex: 'none' }}>{value}</span>
      {note && (
        <>
          {' '}
          <span style={{ ...cut, minWidth: 0, marginLeft: '0.3em' }}>{note}</span>
        </>
      )}
    </Typography>
  );
}
