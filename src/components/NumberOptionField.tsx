// The one numeric field of both options editors: blank clears the option (when it may be unset), a value the
// spec accepts sets it, and anything else is ignored, so a half-typed or out-of-range number never reaches the
// stored spec. Put it inside an OptionsEditorControl, which gives it its visible label; it fills the control column
// (180 px) as Perses's own controls do.
import { TextField } from '@mui/material';
import { ReactElement } from 'react';

export interface NumberOptionFieldProps {
  label: string;
  value: number | undefined;
  min: number;
  max?: number;
  placeholder?: string;
  /** Whether the spec accepts this number (the CUE model's constraint). */
  accepts: (n: number) => boolean;
  /** `undefined` = the field was cleared; omit `clearable` for options that always have a value. */
  onChange: (n: number | undefined) => void;
  clearable?: boolean;
}

export function NumberOptionField({
  label,
  value,
  min,
  max,
  placeholder,
  accepts,
  onChange,
  clearable,
}: NumberOptionFieldProps): ReactElement {
  return (
    <TextField
      size="small"
      fullWidth
      type="number"
      value={value ?? ''}
      placeholder={placeholder}
      inputProps={{ 'aria-label': label, min, max }}
      onChange={(e) => {
        const text = e.target.value;
        if (text.trim() === '') {
          if (clearable) onChange(undefined);
          return;
        }
        const n = Number(text);
        if (Number.isFinite(n) && accepts(n)) onChange(n);
      }}
    />
  );
}
