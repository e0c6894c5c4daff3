// One real Prometheus per test file, holding the realistic vLLM fleet of vllm-tsdb.ts: started before the file's
// tests, stopped after them. The handle is usable at the top of the file, where tests are declared; its members
// resolve once Prometheus is up (a Proxy, so test bodies read as plain `prom.query(...)`).
import { PrometheusHandle, startPrometheus } from './prometheus';
import { vllmOpenMetrics } from './vllm-tsdb';

export function vllmPrometheusForThisFile(): PrometheusHandle {
  let prom: PrometheusHandle | undefined;
  beforeAll(async () => {
    prom = await startPrometheus({ openMetrics: vllmOpenMetrics() });
  }, 120_000);
  afterAll(async () => {
    await prom?.stop();
  });
  return new Proxy({} as PrometheusHandle, {
    get(_target, member) {
      if (!prom) throw new Error('Prometheus is not up: use the handle inside tests, not while declaring them');
      const value = prom[member as keyof PrometheusHandle];
      return typeof value === 'function' ? value.bind(prom) : value;
    },
  });
}
