// Renders one panel component into jsdom the way a Perses dashboard hosts it: inside MUI's theme and the charts
// theme, synchronously (flushSync), so a timing around the call covers the whole React commit. Import this module
// dynamically after installJsdom() (./jsdom): react-dom and emotion read the DOM globals when they load.
import { createTheme, ThemeProvider } from '@mui/material';
import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, Root } from 'react-dom/client';

export { createRoot };
export type { Root };

// The baseline copies of src/ (./baseline) lie outside tsconfig's `include`, so tsx compiles their JSX with the
// classic runtime, which calls the global `React.createElement`.
(globalThis as { React?: unknown }).React = React;

const theme = createTheme();

/** Renders `Panel` with `props` into `root` and returns once React has committed to the DOM. */
export function renderPanel(root: Root, Panel: unknown, props: Record<string, unknown>): void {
  flushSync(() =>
    root.render(
      React.createElement(
        ThemeProvider,
        { theme },
        React.createElement(
          ChartsProvider,
          { chartsTheme: testChartsTheme },
          React.createElement(Panel as never, props as never),
        ),
      ),
    ),
  );
}
