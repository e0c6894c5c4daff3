import { render, screen } from '@testing-library/react';

import { createInitialKvQueueGaugeOptions } from './kv-queue-gauge-spec';
import { KvQueueGaugeLoading } from './KvQueueGaugeLoading';

test('the loading state says what is loading', () => {
  render(
    <KvQueueGaugeLoading
      spec={createInitialKvQueueGaugeOptions()}
      queryResults={[]}
      contentDimensions={{ width: 400, height: 150 }}
    />,
  );
  expect(screen.getByRole('progressbar', { name: 'Loading KV cache and queue' })).toHaveTextContent(
    'Loading KV cache and queue…',
  );
});
