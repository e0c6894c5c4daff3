// One dashboard, rendered by @perses-dev/dashboards' ViewDashboard (read-only, with its time-range picker and
// refresh controls), with every plugin — ours and the official ones — loaded from the Perses server.
import { Alert, Box, Breadcrumbs, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { ErrorAlert, ErrorBoundary } from '@perses-dev/components';
import { ViewDashboard } from '@perses-dev/dashboards';
import { useQuery } from '@tanstack/react-query';
import { ReactElement } from 'react';
import { Link, useParams } from 'react-router-dom';

import { datasourceApi, getDashboard } from './perses-api';

export function DashboardPage(): ReactElement {
  const { project = '', dashboard = '' } = useParams();
  const { data, error, isLoading } = useQuery(['dashboard', project, dashboard], () =>
    getDashboard(project, dashboard),
  );
  if (isLoading) return <CircularProgress sx={{ m: 4 }} />;
  if (error || !data)
    return (
      <Alert severity="error">
        Cannot load dashboard {project}/{dashboard}: {String(error)}
      </Alert>
    );
  return (
    <Box sx={{ flexGrow: 1, overflow: 'hidden' }} data-testid="dashboard-page">
      <ErrorBoundary FallbackComponent={ErrorAlert}>
        <ViewDashboard
          dashboardResource={data}
          datasourceApi={datasourceApi}
          isReadonly={true}
          isEditing={false}
          isVariableEnabled={true}
          isDatasourceEnabled={true}
          dashboardTitleComponent={
            <Breadcrumbs>
              <MuiLink component={Link} to="/" underline="hover">
                {project}
              </MuiLink>
              <Typography variant="h2">{data.spec.display?.name ?? dashboard}</Typography>
            </Breadcrumbs>
          }
        />
      </ErrorBoundary>
    </Box>
  );
}
