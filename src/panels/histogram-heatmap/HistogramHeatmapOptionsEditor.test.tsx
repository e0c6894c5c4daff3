import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';

import { HistogramHeatmapSpec } from './histogram-heatmap-spec';
import { HistogramHeatmapOptionsEditor, parsePercentiles } from './HistogramHeatmapOptionsEditor';

/** The editor as Perses hosts it: controlled, every change fed back as the new value. */
function renderEditor(initial: Partial<HistogramHeatmapSpec> = {}) {
  const changes: HistogramHeatmapSpec[] = [];
  function Host() {
    const [value, setValue] = useState(initial as HistogramHeatmapSpec);
    return (
      <HistogramHeatmapOptionsEditor
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  render(
    <ChartsProvider chartsTheme={testChartsTheme}>
      <Host />
    </ChartsProvider>,
  );
  return { changes, last: () => changes[changes.length - 1] };
}

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(option));
}

describe('HistogramHeatmapOptionsEditor', () => {
  it('stores only the edited fields (untouched ones keep following the defaults)', async () => {
    const { last } = renderEditor();
    await choose('Mode', 'Distribution over the range');
    expect(last()).toEqual({ mode: 'distribution' });
    await choose('Cell colour', 'Count per step');
    await choose('Bucket rows', 'True scale');
    expect(last()).toEqual({ mode: 'distribution', cellValue: 'count', yScale: 'linear' });
  });

  it('edits the percentiles, and does not store an invalid list', () => {
    const { last, changes } = renderEditor();
    const field = screen.getByRole('textbox', { name: 'Percentiles' });
    expect(field).toHaveValue('50, 90, 99');
    fireEvent.change(field, { target: { value: '50, 99.9' } });
    expect(last().quantiles).toEqual([0.5, 0.999]);
    const stored = changes.length;
    fireEvent.change(field, { target: { value: '50, 100' } });
    expect(changes).toHaveLength(stored);
    expect(screen.getByText(/between 0 and 100/)).toBeInTheDocument();
  });

  it('turns the SLO marker and the cumulative line on and off', () => {
    const { last } = renderEditor();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show SLO' }));
    expect(last().slo).toEqual({ threshold: 2.5, target: 0.99 });
    fireEvent.change(screen.getByLabelText('Target (%)'), { target: { value: '95' } });
    expect(last().slo).toEqual({ threshold: 2.5, target: 0.95 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Cumulative line' }));
    expect(last().cumulative).toBe(false);
  });
});

test('parsePercentiles', () => {
  expect(parsePercentiles('')).toEqual([]);
  expect(parsePercentiles('99, 50')).toEqual([0.99, 0.5]);
  expect(parsePercentiles('50, 50')).toBeUndefined();
  expect(parsePercentiles('abc')).toBeUndefined();
});
