// Both panels behind their guards: a spec that bypassed the schema shows what is wrong and no numbers, and an
// exception while rendering becomes an in-panel message with the error text.
import { createTheme, ThemeProvider } from '@mui/material';
import { ChartsProvider, testChartsTheme, TimeZoneProvider } from '@perses-dev/components';
import { render, screen } from '@testing-library/react';
import { ReactElement } from 'react';

import { KvQueueGaugePanel } from '../panels/kv-queue-gauge/KvQueueGaugePanel';
import { LatencyQuadPanel } from '../panels/latency-quad/LatencyQuadPanel';
import { PanelErrorBoundary } from './PanelErrorBoundary';

const wrap = (panel: ReactElement) =>
  render(
    <ThemeProvider theme={createTheme()}>
      <ChartsProvider chartsTheme={testChartsTheme}>
        <TimeZoneProvider timeZone="UTC">{panel}</TimeZoneProvider>
      </ChartsProvider>
    </ThemeProvider>,
  );

/** Query results whose series throw when read: stands in for any exception deep in the panel. */
const exploding = [
  {
    definition: {},
    data: {
      get series(): never {
        throw new Error('series exploded');
      },
    },
  },
] as never;

const size = { width: 400, height: 200 };
let consoleError: jest.SpyInstance;
beforeEach(() => {
  // React reports caught render errors on console.error; the assertions below check what the user sees.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('panel guards', () => {
  test.each([
    [{ statistics: [{ kind: 'quantile', quantile: 99 }] }, /statistics\[0\]\.quantile is 99/],
    [{ statistics: 'p99' }, /statistics must be a non-empty list/],
    [{ slo: { threshold: 2, target: 99 } }, /write 0.99 for 99 %/],
    [{ groups: { sortBy: 0.5 }, statistics: [{ kind: 'mean' }] }, /quantile 0.5 is not a tile/],
    [{ format: { unit: 'parsecs' } }, /format.unit is "parsecs"/],
  ])('Latency Quad with %j says what is wrong and shows no tile', (spec, message) => {
    wrap(<LatencyQuadPanel spec={spec as never} queryResults={[]} contentDimensions={size} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/settings are invalid/);
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByTestId('quad-tile')).toBeNull();
  });

  test.each([
    [{ capacity: 0.5 }, /capacity is 0.5; it must be a whole number at least 1/],
    [{ queryRoles: ['kv', 'kv'] }, /"kv" more than once/],
    [{ thresholds: { steps: [{ value: 80 }] } }, /thresholds.steps\[0\].value is 80/],
    [{ maxInstances: -1 }, /maxInstances is -1/],
    [{ queryRoles: 'kv' }, /queryRoles must be a non-empty list/],
  ])('KV & queue with %j says what is wrong and shows no number', (spec, message) => {
    wrap(<KvQueueGaugePanel spec={spec as never} queryResults={[]} contentDimensions={size} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/settings are invalid/);
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByTestId('kv-queue-panel')).toBeNull();
  });

  test('an exception inside the Latency Quad becomes an in-panel message with its text', () => {
    wrap(<LatencyQuadPanel spec={{} as never} queryResults={exploding} contentDimensions={size} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The Latency Quad panel failed to render: series exploded');
  });

  test('an exception inside the KV & queue panel becomes an in-panel message with its text', () => {
    wrap(<KvQueueGaugePanel spec={{} as never} queryResults={exploding} contentDimensions={size} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The KV cache & queue panel failed to render: series exploded');
  });

  test('new inputs clear the error and render again', () => {
    const Thrower = ({ fail }: { fail: boolean }) => {
      if (fail) throw new Error('bad input');
      return <span>fine</span>;
    };
    const { rerender } = render(
      <PanelErrorBoundary panel="Test" resetKeys={[1]}>
        <Thrower fail />
      </PanelErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The Test panel failed to render: bad input');
    rerender(
      <PanelErrorBoundary panel="Test" resetKeys={[2]}>
        <Thrower fail={false} />
      </PanelErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
  });
});
