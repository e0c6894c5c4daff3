// Entry of the stack's viewer. The provider stack is the one the Perses app puts around a dashboard
// (perses/perses ui/app Router.tsx, DarkMode.tsx, HelperDashboardView.tsx), minus auth, config and editing.
import { CssBaseline, ThemeProvider } from '@mui/material';
import { ChartsProvider, generateChartsTheme, getTheme, SnackbarProvider } from '@perses-dev/components';
import { PluginRegistry, ReactRouterProvider, remotePluginLoader, ValidationProvider } from '@perses-dev/plugin-system';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { QueryParamProvider } from 'use-query-params';
import { ReactRouter6Adapter } from 'use-query-params/adapters/react-router-6';

import { DashboardList } from './DashboardList';
import { DashboardPage } from './DashboardPage';

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 0 } } });
const theme = getTheme('light');
const chartsTheme = generateChartsTheme(theme, {});
// Same origin: /api/v1/plugins and /plugins/<Module>/mf-manifest.json are proxied to the Perses server.
const pluginLoader = remotePluginLoader();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <ChartsProvider chartsTheme={chartsTheme}>
          <SnackbarProvider anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
            <BrowserRouter>
              <QueryParamProvider adapter={ReactRouter6Adapter}>
                <ReactRouterProvider>
                  <PluginRegistry
                    pluginLoader={pluginLoader}
                    defaultPluginKinds={{ Panel: 'TimeSeriesChart', TimeSeriesQuery: 'PrometheusTimeSeriesQuery' }}
                  >
                    <ValidationProvider>
                      <Routes>
                        <Route path="/" element={<DashboardList />} />
                        <Route path="/projects/:project/dashboards/:dashboard" element={<DashboardPage />} />
                      </Routes>
                    </ValidationProvider>
                  </PluginRegistry>
                </ReactRouterProvider>
              </QueryParamProvider>
            </BrowserRouter>
          </SnackbarProvider>
        </ChartsProvider>
      </ThemeProvider>
    </QueryClientProvider>
  </StrictMode>,
);
