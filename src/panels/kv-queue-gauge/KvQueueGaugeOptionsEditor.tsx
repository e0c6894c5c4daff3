// The panel's "Settings" tab: query roles, value options, capacity, per-instance list and thresholds.
import { Button, MenuItem, Stack, Switch, TextField, Typography } from '@mui/material';
import {
  OptionsEditorColumn,
  OptionsEditorControl,
  OptionsEditorGrid,
  OptionsEditorGroup,
  ThresholdsEditor,
} from '@perses-dev/components';
import { OptionsEditorProps } from '@perses-dev/plugin-system';
import { ReactElement } from 'react';

import { NumberOptionField } from '../../components/NumberOptionField';
import {
  KV_QUEUE_ROLES,
  KV_VALUES_OVER_RANGE,
  KvQueueGaugeSpec,
  KvQueueRole,
  KvScale,
  KvValueOverRange,
  resolveKvQueueGaugeSpec,
} from './kv-queue-gauge-spec';

export type KvQueueGaugeOptionsEditorProps = OptionsEditorProps<KvQueueGaugeSpec>;

export function KvQueueGaugeOptionsEditor({ value, onChange }: KvQueueGaugeOptionsEditorProps): ReactElement {
  const spec = resolveKvQueueGaugeSpec(value);
  const update = (patch: Partial<KvQueueGaugeSpec>) => onChange({ ...value, ...patch });
  const roles = spec.queryRoles;
  const duplicates = roles.filter((r, i) => roles.indexOf(r) !== i);
  const unused = KV_QUEUE_ROLES.filter((r) => !roles.includes(r));

  const setRole = (index: number, role: KvQueueRole) =>
    update({ queryRoles: roles.map((r, i) => (i === index ? role : r)) });

  return (
    <OptionsEditorGrid>
      <OptionsEditorColumn>
        <OptionsEditorGroup title="Query roles">
          <Typography variant="caption" color="text.secondary">
            What each query of this panel measures, in query order.
          </Typography>
          {roles.map((role, index) => (
            <OptionsEditorControl
              key={index}
              label={`Query ${index + 1}`}
              control={
                <TextField
                  select
                  size="small"
                  value={role}
                  inputProps={{ 'aria-label': `role of query ${index + 1}` }}
                  onChange={(e) => setRole(index, e.target.value as KvQueueRole)}
                >
                  {KV_QUEUE_ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {r}
                    </MenuItem>
                  ))}
                </TextField>
              }
            />
          ))}
          {duplicates.length > 0 && (
            <Typography variant="caption" color="error" role="alert">
              Each role may be used once: "{duplicates[0]}" is repeated.
            </Typography>
          )}
          <Stack direction="row" spacing={1}>
            <Button
              size="small"
              disabled={unused.length === 0}
              onClick={() => update({ queryRoles: [...roles, unused[0]] })}
            >
              Add role
            </Button>
            <Button
              size="small"
              disabled={roles.length <= 1}
              onClick={() => update({ queryRoles: roles.slice(0, -1) })}
            >
              Remove last
            </Button>
          </Stack>
        </OptionsEditorGroup>
        <OptionsEditorGroup title="Values">
          <OptionsEditorControl
            label="KV unit"
            control={
              <TextField
                select
                size="small"
                value={spec.kvScale}
                inputProps={{ 'aria-label': 'KV unit' }}
                onChange={(e) => update({ kvScale: e.target.value as KvScale })}
              >
                <MenuItem value="fraction">fraction (0–1)</MenuItem>
                <MenuItem value="percent">percent (0–100)</MenuItem>
              </TextField>
            }
          />
          <OptionsEditorControl
            label="Value over range"
            control={
              <TextField
                select
                size="small"
                value={spec.valueOverRange}
                inputProps={{ 'aria-label': 'Value over range' }}
                onChange={(e) => update({ valueOverRange: e.target.value as KvValueOverRange })}
              >
                {KV_VALUES_OVER_RANGE.map((v) => (
                  <MenuItem key={v} value={v}>
                    {v}
                  </MenuItem>
                ))}
              </TextField>
            }
          />
          <OptionsEditorControl
            label="Capacity per instance"
            description="vLLM --max-num-seqs; blank = unknown. A capacity query takes precedence."
            control={
              <NumberOptionField
                label="Capacity per instance"
                value={spec.capacity}
                min={1}
                clearable
                accepts={(n) => n > 0}
                onChange={(capacity) => update({ capacity })}
              />
            }
          />
          <OptionsEditorControl
            label="Decimal places"
            control={
              <NumberOptionField
                label="Decimal places"
                value={spec.decimalPlaces}
                placeholder="1"
                min={0}
                max={4}
                clearable
                accepts={(n) => Number.isInteger(n) && n >= 0 && n <= 4}
                onChange={(decimalPlaces) => update({ decimalPlaces })}
              />
            }
          />
        </OptionsEditorGroup>
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <OptionsEditorGroup title="Instances">
          <OptionsEditorControl
            label="Instance label"
            description="Blank = first of pod, instance, engine found on the series."
            control={
              <TextField
                size="small"
                value={spec.instanceLabel ?? ''}
                placeholder="pod"
                inputProps={{ 'aria-label': 'Instance label' }}
                onChange={(e) =>
                  update({ instanceLabel: e.target.value.trim() === '' ? undefined : e.target.value.trim() })
                }
              />
            }
          />
          <OptionsEditorControl
            label="Max instances"
            description="Rows before +N more; 0 hides the list."
            control={
              <NumberOptionField
                label="Max instances"
                value={spec.maxInstances}
                min={0}
                max={50}
                accepts={(n) => Number.isInteger(n) && n >= 0 && n <= 50}
                onChange={(maxInstances) => maxInstances !== undefined && update({ maxInstances })}
              />
            }
          />
          <OptionsEditorControl
            label="Sparklines"
            description="Worst KV usage and waiting requests over time."
            control={
              <Switch
                checked={spec.sparklines}
                inputProps={{ 'aria-label': 'Sparklines' }}
                onChange={(e) => update({ sparklines: e.target.checked })}
              />
            }
          />
          <OptionsEditorControl
            label="Running sparkline"
            description="Running requests over time, beside the waiting line."
            control={
              <Switch
                checked={spec.runningSparkline}
                inputProps={{ 'aria-label': 'Running sparkline' }}
                onChange={(e) => update({ runningSparkline: e.target.checked })}
              />
            }
          />
        </OptionsEditorGroup>
      </OptionsEditorColumn>
      <OptionsEditorColumn>
        <ThresholdsEditor thresholds={spec.thresholds} onChange={(thresholds) => update({ thresholds })} />
      </OptionsEditorColumn>
    </OptionsEditorGrid>
  );
}
