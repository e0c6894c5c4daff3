// What each section of the KV & queue options editor receives: the resolved spec, and how to store a change.
import { KvQueueGaugeSpec } from './kv-queue-gauge-spec';

export interface SectionProps {
  spec: KvQueueGaugeSpec;
  update: (patch: Partial<KvQueueGaugeSpec>) => void;
}
