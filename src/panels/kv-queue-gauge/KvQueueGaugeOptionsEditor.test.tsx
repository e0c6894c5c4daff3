import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { createInitialKvQueueGaugeOptions, KvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { KvQueueGaugeOptionsEditor } from './KvQueueGaugeOptionsEditor';

function renderEditor(value: Partial<KvQueueGaugeSpec> = createInitialKvQueueGaugeOptions()) {
  const onChange = jest.fn();
  render(
    <ChartsProvider chartsTheme={testChartsTheme}>
      <KvQueueGaugeOptionsEditor value={value as KvQueueGaugeSpec} onChange={onChange} />
    </ChartsProvider>,
  );
  return onChange;
}

function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: option }));
}

describe('KvQueueGaugeOptionsEditor', () => {
  test('shows one role selector per query, in order', () => {
    renderEditor();
    expect(screen.getByRole('combobox', { name: 'role of query 1' })).toHaveTextContent('kv');
    expect(screen.getByRole('combobox', { name: 'role of query 3' })).toHaveTextContent('waiting');
  });

  test('changing a role keeps the others', () => {
    const onChange = renderEditor();
    choose('role of query 3', 'preemptions');
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ queryRoles: ['kv', 'running', 'preemptions'] }));
  });

  test('Add role appends the first unused role; Remove last drops the last', () => {
    const onChange = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Add role' }));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ queryRoles: ['kv', 'running', 'waiting', 'preemptions'] }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove last' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ queryRoles: ['kv', 'running'] }));
  });

  test('a repeated role is flagged', () => {
    renderEditor({ ...createInitialKvQueueGaugeOptions(), queryRoles: ['kv', 'kv'] });
    expect(screen.getByRole('alert')).toHaveTextContent('Each role may be used once: "kv" is repeated.');
  });

  test('KV unit and value over range are selectable', () => {
    const onChange = renderEditor();
    choose('KV unit', 'percent (0–100)');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ kvScale: 'percent' }));
    choose('Value over range', 'max');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ valueOverRange: 'max' }));
  });

  test('capacity accepts a positive number, and blank clears it', () => {
    const onChange = renderEditor({ ...createInitialKvQueueGaugeOptions(), capacity: 64 });
    const field = screen.getByRole('spinbutton', { name: 'Capacity per instance' });
    fireEvent.change(field, { target: { value: '256' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ capacity: 256 }));
    fireEvent.change(field, { target: { value: '' } });
    expect(onChange.mock.lastCall[0].capacity).toBeUndefined();
    onChange.mockClear();
    fireEvent.change(field, { target: { value: '0' } });
    expect(onChange).not.toHaveBeenCalled();
  });

  test('decimal places take a whole number 0–4 and blank clears them; max instances cannot be cleared', () => {
    const onChange = renderEditor({ ...createInitialKvQueueGaugeOptions(), decimalPlaces: 1 });
    const decimals = screen.getByRole('spinbutton', { name: 'Decimal places' });
    fireEvent.change(decimals, { target: { value: '3' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ decimalPlaces: 3 }));
    fireEvent.change(decimals, { target: { value: '' } });
    expect(onChange.mock.lastCall[0].decimalPlaces).toBeUndefined();
    onChange.mockClear();
    fireEvent.change(decimals, { target: { value: '5' } });
    fireEvent.change(decimals, { target: { value: '1.5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Max instances' }), { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
  });

  test('instance label, max instances and sparklines', () => {
    const onChange = renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: 'Instance label' }), { target: { value: 'engine' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ instanceLabel: 'engine' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Max instances' }), { target: { value: '8' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ maxInstances: 8 }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sparklines' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ sparklines: true }));
  });

  test('the running sparkline switch sets runningSparkline and leaves the other sparklines alone', () => {
    const onChange = renderEditor({ ...createInitialKvQueueGaugeOptions(), sparklines: true });
    const running = screen.getByRole('checkbox', { name: 'Running sparkline' });
    expect(running).not.toBeChecked();
    fireEvent.click(running);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ runningSparkline: true, sparklines: true }));
  });

  test('a stored spec without runningSparkline shows it off (the default)', () => {
    renderEditor({ sparklines: true });
    expect(screen.getByRole('checkbox', { name: 'Running sparkline' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sparklines' })).toBeChecked();
  });

  test('an empty stored spec shows the defaults', () => {
    renderEditor({});
    expect(screen.getByRole('combobox', { name: 'role of query 2' })).toHaveTextContent('running');
    expect(screen.getByRole('spinbutton', { name: 'Max instances' })).toHaveValue(5);
    expect(screen.getByText('Thresholds')).toBeInTheDocument();
  });
});

describe('KvQueueGaugeOptionsEditor layout and accessibility', () => {
  it('the query-role selects, and every other field of its rows, fill the control column (equal widths)', () => {
    render(
      <ChartsProvider chartsTheme={testChartsTheme}>
        <KvQueueGaugeOptionsEditor value={{} as KvQueueGaugeSpec} onChange={() => undefined} />
      </ChartsProvider>,
    );
    const fields = [
      ...[1, 2, 3].map((n) => screen.getByRole('combobox', { name: `role of query ${n}` })),
      screen.getByRole('combobox', { name: 'KV unit' }),
      screen.getByRole('combobox', { name: 'Value over range' }),
      screen.getByRole('spinbutton', { name: 'Capacity per instance' }),
      screen.getByRole('spinbutton', { name: 'Decimal places' }),
      screen.getByRole('spinbutton', { name: 'Max instances' }),
      screen.getByRole('textbox', { name: 'Instance label' }),
    ];
    for (const field of fields) expect(field.closest('.MuiInputBase-root')).toHaveClass('MuiInputBase-fullWidth');
  });

  it('numeric defaults show as values, not grey placeholders; an unknown capacity says so', () => {
    render(
      <ChartsProvider chartsTheme={testChartsTheme}>
        <KvQueueGaugeOptionsEditor value={{} as KvQueueGaugeSpec} onChange={() => undefined} />
      </ChartsProvider>,
    );
    expect(screen.getByRole('spinbutton', { name: 'Decimal places' })).toHaveValue(1);
    expect(screen.getByRole('spinbutton', { name: 'Max instances' })).toHaveValue(5);
    const capacity = screen.getByRole('spinbutton', { name: 'Capacity per instance' });
    expect(capacity).toHaveValue(null);
    expect(capacity).toHaveAttribute('placeholder', 'unknown');
  });

  it('every control has an accessible name', () => {
    render(
      <ChartsProvider chartsTheme={testChartsTheme}>
        <KvQueueGaugeOptionsEditor value={{} as KvQueueGaugeSpec} onChange={() => undefined} />
      </ChartsProvider>,
    );
    const controls = [
      ...screen.getAllByRole('combobox'),
      ...screen.getAllByRole('textbox'),
      ...screen.getAllByRole('spinbutton'),
      ...screen.getAllByRole('checkbox'),
    ];
    expect(controls.length).toBeGreaterThanOrEqual(10);
    for (const control of controls) expect(control).toHaveAccessibleName();
  });
});
