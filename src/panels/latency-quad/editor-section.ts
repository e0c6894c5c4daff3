// What each section of the Latency Quad options editor receives: the resolved spec, and how to store a change.
import { LatencyQuadSpec } from './latency-quad-spec';

export interface SectionProps {
  spec: LatencyQuadSpec;
  update: (patch: Partial<LatencyQuadSpec>) => void;
}
