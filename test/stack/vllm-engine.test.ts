// The stand-in engine's LoRA scheduling: a request for an adapter that finds every --max-loras slot taken waits
// (deferred), and is not starved by a steady stream of requests for the running adapter.

import { Engine } from '../../percli-scripts/stack/vllm-engine';

test('a deferred LoRA request is served even while requests for the running adapter keep coming', async () => {
  let deferredSeen = 0;
  const engine = new Engine(
    { maxLoras: 1, stepBase: 0.002, stepPerSeq: 0, maxNumSeqs: 4 },
    {
      onStep: (s) => (deferredSeen = Math.max(deferredSeen, s.deferred)),
      onPreempt: () => undefined,
      onPrefixLookup: () => undefined,
    },
  );
  let done = false;
  // A steady stream for adapter a1: without draining, a2 would never get the only slot.
  const stream = setInterval(() => void engine.submit(20, 30, 'a1'), 5);
  try {
    await new Promise((r) => setTimeout(r, 50));
    const served = engine.submit(20, 4, 'a2').then((r) => {
      done = true;
      return r;
    });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([served, new Promise((r) => (timer = setTimeout(() => r('starved'), 15_000)))]);
    clearTimeout(timer);
    expect(outcome).not.toBe('starved');
    expect(done).toBe(true);
    // It did wait as deferred first: the slot was taken by a1.
    expect(deferredSeen).toBeGreaterThan(0);
  } finally {
    clearInterval(stream);
    engine.stop();
  }
}, 30_000);
