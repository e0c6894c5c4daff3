import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';

import { createInitialLatencyQuadOptions, LatencyQuadSpec } from './latency-quad-spec';
import { LatencyQuadOptionsEditor } from './LatencyQuadOptionsEditor';

/** The editor as Perses hosts it: controlled, every change fed back as the new value. */
function renderEditor(initial: LatencyQuadSpec = createInitialLatencyQuadOptions()) {
  const changes: LatencyQuadSpec[] = [];
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <LatencyQuadOptionsEditor
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

describe('LatencyQuadOptionsEditor', () => {
  it('edits the statistics list and order', () => {
    const { last } = renderEditor();
    fireEvent.change(screen.getByLabelText('Tiles, in order'), { target: { value: 'p99.9, p50, mean' } });
    expect(last().statistics).toEqual([
      { kind: 'quantile', quantile: 0.999 },
      { kind: 'quantile', quantile: 0.5 },
      { kind: 'mean' },
    ]);
  });

  it('shows why a statistics list is rejected and keeps the last valid spec', () => {
    const { changes } = renderEditor();
    fireEvent.change(screen.getByLabelText('Tiles, in order'), { target: { value: 'mean, p100' } });
    expect(changes).toHaveLength(0);
    expect(screen.getByText(/"p100" is not a statistic/)).toBeInTheDocument();
  });

  it('follows a statistics change made outside the field (e.g. the JSON editor)', () => {
    const { rerender } = render(
      <ChartsProvider chartsTheme={testChartsTheme}>
        <LatencyQuadOptionsEditor value={createInitialLatencyQuadOptions()} onChange={() => undefined} />
      </ChartsProvider>,
    );
    rerender(
      <ChartsProvider chartsTheme={testChartsTheme}>
        <LatencyQuadOptionsEditor
          value={{ ...createInitialLatencyQuadOptions(), statistics: [{ kind: 'quantile', quantile: 0.95 }] }}
          onChange={() => undefined}
        />
      </ChartsProvider>,
    );
    expect(screen.getByLabelText('Tiles, in order')).toHaveValue('p95');
  });

  it('switches the value over the range', async () => {
    const { last } = renderEditor();
    await choose('Value over the range', 'Last step');
    expect(last().valueOverRange).toBe('last');
  });

  it('turns sparklines off', () => {
    const { last } = renderEditor();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sparklines' }));
    expect(last().sparkline).toBe(false);
  });

  it('adds an SLO and edits its target in percent', () => {
    const { last } = renderEditor();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show SLO' }));
    expect(last().slo).toEqual({ threshold: 2.5, target: 0.99 });
    fireEvent.change(screen.getByLabelText('Target (%)'), { target: { value: '99.9' } });
    expect(last().slo?.target).toBeCloseTo(0.999, 12);
  });

  it('adds a per-statistic threshold override that leaves the panel thresholds alone', async () => {
    const { last } = renderEditor();
    await choose('Thresholds for', 'p99 only');
    fireEvent.click(screen.getByRole('button', { name: /add threshold/i }));
    const p99 = last().statistics.find((s) => s.kind === 'quantile' && s.quantile === 0.99);
    expect(p99?.thresholds?.steps?.length).toBeGreaterThan(0);
    expect(last().thresholds).toBeUndefined();
  });

  it('sets the row label format and the row cap', () => {
    const { last } = renderEditor();
    fireEvent.change(screen.getByLabelText('Row label'), { target: { value: '{{model_name}}' } });
    fireEvent.change(screen.getByLabelText('Maximum rows'), { target: { value: '5' } });
    expect(last().groups).toEqual({ nameFormat: '{{model_name}}', maxRows: 5 });
  });

  it('stores only what was edited, and ignores an SLO number the spec cannot hold', () => {
    const { changes, last } = renderEditor({} as LatencyQuadSpec);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show SLO' }));
    expect(last()).toEqual({ slo: { threshold: 2.5, target: 0.99 } });
    const count = changes.length;
    fireEvent.change(screen.getByLabelText("Threshold (in the histogram's unit)"), { target: { value: '-1' } });
    fireEvent.change(screen.getByLabelText('Target (%)'), { target: { value: '120' } });
    expect(changes).toHaveLength(count);
  });

  it('clears the row cap when the field is emptied', () => {
    const { last } = renderEditor({ ...createInitialLatencyQuadOptions(), groups: { maxRows: 4 } });
    fireEvent.change(screen.getByLabelText('Maximum rows'), { target: { value: '' } });
    expect(last().groups).toBeUndefined();
  });
});

describe('LatencyQuadOptionsEditor layout and accessibility', () => {
  /** The Perses OptionsEditorControl row of a label: its label and its 180 px control box. */
  const rowOf = (label: string) => screen.getByText(label, { selector: 'label' }).closest('.MuiFormControl-root')!;

  it('every control of its own rows fills the control column, as Perses controls do (equal widths)', () => {
    renderEditor();
    for (const label of ['Tiles, in order', 'Value over the range', 'Series without le are', 'Thresholds for']) {
      const input = rowOf(label).querySelector('.MuiInputBase-root');
      expect(input).toHaveClass('MuiInputBase-fullWidth');
    }
  });

  it('select values are short (the explanation is in the row tooltip), so none is cut in 180 px', async () => {
    renderEditor();
    expect(screen.getByRole('combobox', { name: 'Series without le are' })).toHaveTextContent(/^_sum rate$/);
    for (const name of ['Value over the range', 'Series without le are', 'Thresholds for']) {
      fireEvent.mouseDown(screen.getByRole('combobox', { name }));
      const options = within(await screen.findByRole('listbox')).getAllByRole('option');
      for (const option of options) expect((option.textContent ?? '').length).toBeLessThanOrEqual(18);
      fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    }
  });

  it('a valid statistics list shows no helper text under the field; an invalid one shows why', () => {
    renderEditor();
    const row = rowOf('Tiles, in order');
    expect(row.querySelector('.MuiFormHelperText-root')).toBeNull();
    fireEvent.change(screen.getByLabelText('Tiles, in order'), { target: { value: 'mean, p100' } });
    expect(row.querySelector('.MuiFormHelperText-root')).toHaveTextContent(/"p100" is not a statistic/);
  });

  it('every control has an accessible name (keyboard and screen-reader users reach each by its label)', () => {
    renderEditor({ ...createInitialLatencyQuadOptions(), slo: { threshold: 2.5, target: 0.99 } });
    const controls = [
      ...screen.getAllByRole('combobox'),
      ...screen.getAllByRole('textbox'),
      ...screen.getAllByRole('spinbutton'),
      ...screen.getAllByRole('checkbox'),
    ];
    expect(controls.length).toBeGreaterThanOrEqual(8);
    for (const control of controls) expect(control).toHaveAccessibleName();
  });
});
