// Query roles section of the KV & queue editor: what each query of the panel measures, in query order.
import { Box, Button, Typography } from '@mui/material';
import { OptionsEditorControl, OptionsEditorGroup } from '@perses-dev/components';
import { ReactElement } from 'react';

import { SelectControl } from '../../components/SelectControl';
import { SectionProps } from './editor-section';
import { KV_QUEUE_ROLES, KvQueueRole } from './kv-queue-gauge-spec';

const ROLE_CHOICES = KV_QUEUE_ROLES.map((role) => ({ value: role, label: role }));

export function QueryRolesSection({ spec, update }: SectionProps): ReactElement {
  const roles = spec.queryRoles;
  const duplicates = roles.filter((r, i) => roles.indexOf(r) !== i);
  const unused = KV_QUEUE_ROLES.filter((r) => !roles.includes(r));
  const setRole = (index: number, role: KvQueueRole) =>
    update({ queryRoles: roles.map((r, i) => (i === index ? role : r)) });
  return (
    <OptionsEditorGroup title="Query roles">
      <Typography variant="caption" color="text.secondary">
        What each query of this panel measures, in query order.
      </Typography>
      {roles.map((role, index) => (
        <SelectControl
          key={index}
          label={`Query ${index + 1}`}
          ariaLabel={`role of query ${index + 1}`}
          value={role}
          choices={ROLE_CHOICES}
          onChange={(next) => setRole(index, next)}
        />
      ))}
      {duplicates.length > 0 && (
        <Typography variant="caption" color="error" role="alert">
          Each role may be used once: "{duplicates[0]}" is repeated.
        </Typography>
      )}
      <OptionsEditorControl
        label="Roles"
        control={
          // A Box rather than MUI Stack: Stack is not shared by the host, so it would add ~2 KiB to the bundle.
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
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
          </Box>
        }
      />
    </OptionsEditorGroup>
  );
}
