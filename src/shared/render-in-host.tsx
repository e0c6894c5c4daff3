// For unit tests of panels: renders an element inside the MUI theme and charts theme a Perses dashboard gives every
// panel (Perses's test charts theme), in light or dark mode.
import { createTheme, ThemeProvider } from '@mui/material';
import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import { render, RenderResult } from '@testing-library/react';
import { ReactElement } from 'react';

export function renderInHost(element: ReactElement, mode: 'light' | 'dark' = 'light'): RenderResult {
  return render(
    <ThemeProvider theme={createTheme({ palette: { mode } })}>
      <ChartsProvider chartsTheme={testChartsTheme}>{element}</ChartsProvider>
    </ThemeProvider>,
  );
}
