// The landing page: every dashboard the Perses server holds, grouped by project.
import {
  Alert,
  Box,
  CircularProgress,
  List,
  ListItemButton,
  ListItemText,
  ListSubheader,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { ReactElement } from 'react';
import { Link } from 'react-router-dom';

import { listDashboards } from './perses-api';

export function DashboardList(): ReactElement {
  const { data, error, isLoading } = useQuery(['dashboards'], listDashboards);
  if (isLoading) return <CircularProgress sx={{ m: 4 }} />;
  if (error) return <Alert severity="error">Cannot list dashboards from the Perses server: {String(error)}</Alert>;
  const projects = [...new Set((data ?? []).map((d) => d.metadata.project))].sort();
  return (
    <Box sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h1" sx={{ mb: 2 }}>
        Dashboards
      </Typography>
      {projects.length === 0 && (
        <Alert severity="info">No dashboards yet: run percli-scripts/apply.sh against this Perses server.</Alert>
      )}
      {projects.map((project) => (
        <List
          key={project}
          subheader={<ListSubheader>Project {project}</ListSubheader>}
          data-testid={`project-${project}`}
        >
          {(data ?? [])
            .filter((d) => d.metadata.project === project)
            .map((d) => (
              <ListItemButton
                key={d.metadata.name}
                component={Link}
                to={`/projects/${project}/dashboards/${d.metadata.name}`}
              >
                <ListItemText primary={d.spec.display?.name ?? d.metadata.name} secondary={d.metadata.name} />
              </ListItemButton>
            ))}
        </List>
      ))}
    </Box>
  );
}
