import { render, screen } from '@testing-library/react';
import { KvQueueGaugeLoading } from './KvQueueGaugeLoading';
import { createInitialOptions } from './kv-queue-gauge-model';

test('the loading state says what is loading', () => {
  render(<KvQueueGaugeLoading spec={createInitialOptions()} queryResults={[]} contentDimensions={{ width: 400, height: 150 }} />);
  expect(screen.getByRole('progressbar', { name: 'Loading KV cache and queue' })).toHaveTextContent('Loading KV cache and queue…');
});
