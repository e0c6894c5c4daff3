// One options-editor row holding a select, as every panel's Settings tab draws it: the control fills
// OptionsEditorControl's 180 px column (sibling selects are equal), carries an accessible name, and reads
// left-aligned like Perses's own selects (the control box right-aligns, which the shown value would inherit).
import { MenuItem, TextField } from '@mui/material';
import { OptionsEditorControl } from '@perses-dev/components';
import { ReactElement, ReactNode } from 'react';

export interface SelectChoice<T extends string> {
  value: T;
  label: ReactNode;
}

export interface SelectControlProps<T extends string> {
  label: string;
  /** The row's info tooltip: where a short option label needs explaining. */
  description?: string;
  /** Accessible name of the select; the row's label unless that is ambiguous (e.g. repeated rows). */
  ariaLabel?: string;
  value: T;
  choices: ReadonlyArray<SelectChoice<T>>;
  onChange: (value: T) => void;
}

const LEFT_ALIGNED = { textAlign: 'left' } as const;

export function SelectControl<T extends string>({
  label,
  description,
  ariaLabel,
  value,
  choices,
  onChange,
}: SelectControlProps<T>): ReactElement {
  return (
    <OptionsEditorControl
      label={label}
      description={description}
      control={
        <TextField
          select
          size="small"
          fullWidth
          sx={LEFT_ALIGNED}
          value={value}
          inputProps={{ 'aria-label': ariaLabel ?? label }}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {choices.map((choice) => (
            <MenuItem key={choice.value} value={choice.value}>
              {choice.label}
            </MenuItem>
          ))}
        </TextField>
      }
    />
  );
}
