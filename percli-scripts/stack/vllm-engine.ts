// One simulated vLLM engine (a data-parallel rank): continuous batching over a paged KV cache, in real time.
//
// Each step admits waiting requests first-come-first-served while there are free sequence slots and KV blocks
// for their prompt, runs their prefill (the step gets longer with the prefill tokens, as a mixed batch does), and
// gives every decoding request one token (the step gets longer with the batch). When a decoding request needs a
// new KV block and none is free, the most recently admitted request is preempted (vLLM's recompute policy): its
// blocks are freed and it waits again. With speculative decoding a step streams the sampled token plus the
// accepted draft tokens; with LoRA, a request whose adapter finds all --max-loras slots taken is skipped (deferred)
// until one frees up. Timings are measured on the wall clock, so the histograms the emitter
// fills are observations of what actually happened to the requests the load generator sent.

export interface EngineConfig {
  maxNumSeqs: number;
  kvBlocks: number;
  blockSize: number;
  maxModelLen: number;
  /** Fixed cost of one engine step, seconds. */
  stepBase: number;
  /** Extra step cost per running sequence, seconds. */
  stepPerSeq: number;
  /** Prefill throughput, tokens per second. */
  prefillTokensPerSec: number;
  /** Share of prompt tokens served from the prefix cache, drawn uniformly in [0, maxPrefixHit]. */
  maxPrefixHit: number;
  /** Speculative decoding: draft tokens proposed per sequence and step (0 = off, vLLM's num_speculative_tokens). */
  specTokens: number;
  /** Chance that the draft token at position 0 is accepted; later positions are a little less likely. */
  specAcceptance: number;
  /** LoRA adapters that can be active in one batch (vLLM --max-loras); requests for others wait, deferred. */
  maxLoras: number;
}

const DEFAULTS: EngineConfig = {
  maxNumSeqs: 12,
  kvBlocks: 1024,
  blockSize: 16,
  maxModelLen: 4096,
  stepBase: 0.014,
  stepPerSeq: 0.0012,
  prefillTokensPerSec: 12000,
  maxPrefixHit: 0.4,
  specTokens: 0,
  specAcceptance: 0.7,
  maxLoras: 1,
};

export interface FinishedRequest {
  promptTokens: number;
  outputTokens: number;
  maxTokens: number;
  finishReason: 'stop' | 'length';
  e2e: number;
  queueTime: number;
  prefillTime: number;
  decodeTime: number;
  ttft: number;
  interTokenGaps: number[];
}

export interface StepReport {
  running: number;
  waiting: number;
  /** Waiting requests the scheduler skips for now: their LoRA adapter has no free slot. Part of `waiting`. */
  deferred: number;
  /** LoRA adapters of the running and of the waiting requests. */
  runningAdapters: ReadonlySet<string>;
  waitingAdapters: ReadonlySet<string>;
  kvUsage: number;
  /** Tokens scheduled in the step (prefill + decode). */
  tokens: number;
  /** Output tokens produced in the step. */
  generated: number;
}

export interface EngineHooks {
  onStep(report: StepReport): void;
  onPreempt(): void;
  onPrefixLookup(queriedTokens: number, hitTokens: number): void;
  /** One step's speculative decoding: drafts (one per decoding sequence), their tokens, accepted per position. */
  onSpecDecode?(drafts: number, draftTokens: number, acceptedPerPosition: readonly number[]): void;
}

interface Sequence {
  /** LoRA adapter the request asked for (its `model`), if any. */
  adapter?: string;
  promptTokens: number;
  maxTokens: number;
  /** Output length at which it stops (≤ maxTokens); reaching maxTokens means finish reason "length". */
  targetTokens: number;
  generated: number;
  blocks: number;
  arrival: number;
  admitted?: number;
  firstToken?: number;
  lastToken?: number;
  gaps: number[];
  done: (r: FinishedRequest) => void;
}

const now = () => performance.now() / 1000;
/** Seconds a deferred LoRA request waits before the running adapters are drained for it. */
const DRAIN_AFTER = 2;

export class Engine {
  private readonly cfg: EngineConfig;
  private readonly waiting: Sequence[] = [];
  private readonly running: Sequence[] = [];
  private freeBlocks: number;
  private timer: NodeJS.Timeout | undefined;
  /** A step is in flight (between step() and finishStep()). */
  private busy = false;
  private stopped = false;

  constructor(
    config: Partial<EngineConfig>,
    private readonly hooks: EngineHooks,
  ) {
    this.cfg = { ...DEFAULTS, ...config };
    this.freeBlocks = this.cfg.kvBlocks;
  }

  submit(promptTokens: number, maxTokens: number, adapter?: string): Promise<FinishedRequest> {
    return new Promise((done) => {
      // Most chat answers end before max_tokens; about a quarter run into the limit.
      const stopsEarly = Math.random() < 0.75;
      const targetTokens = stopsEarly ? Math.max(1, Math.round(maxTokens * (0.15 + 0.8 * Math.random()))) : maxTokens;
      this.waiting.push({
        adapter,
        promptTokens,
        maxTokens,
        targetTokens,
        generated: 0,
        blocks: 0,
        arrival: now(),
        gaps: [],
        done,
      });
      this.schedule(0);
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delaySeconds: number): void {
    if (this.timer || this.busy || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.step();
    }, delaySeconds * 1000);
  }

  private blocksFor(tokens: number): number {
    return Math.ceil(tokens / this.cfg.blockSize);
  }

  private step(): void {
    const { cfg } = this;
    const started = now();
    // Admit: FCFS while a slot and the prompt's KV blocks are free (a preempted sequence re-prefills its output too).
    // A request whose LoRA adapter cannot get a slot is skipped (deferred), as vLLM's scheduler does.
    // Against starvation, once a deferred request has waited DRAIN_AFTER seconds no further adapter request is
    // admitted, so the running adapters drain and free a slot for it.
    let prefillTokens = 0;
    let draining = false;
    for (let i = 0; i < this.waiting.length && this.running.length < cfg.maxNumSeqs;) {
      const seq = this.waiting[i];
      if (this.isDeferred(seq) || (draining && seq.adapter)) {
        draining ||= started - seq.arrival > DRAIN_AFTER;
        i++;
        continue;
      }
      const need = this.blocksFor(seq.promptTokens + seq.generated + 1);
      if (need > this.freeBlocks) break;
      this.waiting.splice(i, 1);
      this.freeBlocks -= need;
      seq.blocks = need;
      seq.admitted ??= started;
      const hit = seq.generated === 0 ? Math.floor(seq.promptTokens * cfg.maxPrefixHit * Math.random()) : 0;
      if (seq.generated === 0) this.hooks.onPrefixLookup(seq.promptTokens, hit);
      prefillTokens += seq.promptTokens + seq.generated - hit;
      this.running.push(seq);
    }
    if (!this.running.length) {
      this.report(0, 0);
      return; // idle until the next submit
    }
    const duration = cfg.stepBase + cfg.stepPerSeq * this.running.length + prefillTokens / cfg.prefillTokensPerSec;
    const decoding = this.running.length;
    this.busy = true;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.busy = false;
      if (!this.stopped) this.finishStep(decoding, prefillTokens);
    }, duration * 1000);
  }

  private finishStep(decoding: number, prefillTokens: number): void {
    const t = now();
    let generated = 0;
    const spec = { drafts: 0, acceptedPerPosition: new Array<number>(this.cfg.specTokens).fill(0) };
    for (const seq of [...this.running]) {
      if (!this.running.includes(seq)) continue; // preempted earlier in this loop
      const need = this.blocksFor(seq.promptTokens + seq.generated + 1);
      if (need > seq.blocks) {
        if (this.freeBlocks === 0) this.preemptNewest(seq);
        if (this.freeBlocks === 0) continue; // stalled this step
        this.freeBlocks -= 1;
        seq.blocks += 1;
      }
      // One streamed output per step: the sampled token plus the accepted draft tokens, within the KV blocks held.
      const room = Math.min(
        seq.targetTokens - seq.generated,
        seq.blocks * this.cfg.blockSize - seq.promptTokens - seq.generated,
      );
      const produced = Math.max(1, Math.min(room, 1 + this.acceptedDrafts(spec)));
      seq.generated += produced;
      generated += produced;
      if (seq.firstToken === undefined) seq.firstToken = t;
      else seq.gaps.push(t - (seq.lastToken ?? t));
      seq.lastToken = t;
      if (seq.generated >= seq.targetTokens || seq.promptTokens + seq.generated >= this.cfg.maxModelLen)
        this.finish(seq, t);
    }
    if (spec.drafts > 0)
      this.hooks.onSpecDecode?.(spec.drafts, spec.drafts * this.cfg.specTokens, spec.acceptedPerPosition);
    this.report(prefillTokens + decoding, generated);
    if (this.running.length || this.waiting.length) this.schedule(0);
  }

  /** Draws one draft's accepted length: positions are accepted in order until the first rejection. */
  private acceptedDrafts(spec: { drafts: number; acceptedPerPosition: number[] }): number {
    if (this.cfg.specTokens === 0) return 0;
    spec.drafts += 1;
    let accepted = 0;
    while (accepted < this.cfg.specTokens && Math.random() < this.cfg.specAcceptance * 0.9 ** accepted) {
      spec.acceptedPerPosition[accepted] += 1;
      accepted += 1;
    }
    return accepted;
  }

  /** Adapters of the running batch: a request for another one waits while all --max-loras slots are taken. */
  private activeAdapters(): Set<string> {
    return new Set(this.running.flatMap((s) => (s.adapter ? [s.adapter] : [])));
  }

  private isDeferred(seq: Sequence): boolean {
    if (!seq.adapter) return false;
    const active = this.activeAdapters();
    return !active.has(seq.adapter) && active.size >= this.cfg.maxLoras;
  }

  private preemptNewest(except: Sequence): void {
    const victim = [...this.running].reverse().find((s) => s !== except);
    if (!victim) return;
    this.running.splice(this.running.indexOf(victim), 1);
    this.freeBlocks += victim.blocks;
    victim.blocks = 0;
    this.waiting.unshift(victim);
    this.hooks.onPreempt();
  }

  private finish(seq: Sequence, t: number): void {
    this.running.splice(this.running.indexOf(seq), 1);
    this.freeBlocks += seq.blocks;
    const admitted = seq.admitted ?? seq.arrival;
    const firstToken = seq.firstToken ?? t;
    seq.done({
      promptTokens: seq.promptTokens,
      outputTokens: seq.generated,
      maxTokens: seq.maxTokens,
      finishReason: seq.generated >= seq.maxTokens ? 'length' : 'stop',
      e2e: t - seq.arrival,
      queueTime: admitted - seq.arrival,
      prefillTime: firstToken - admitted,
      decodeTime: t - firstToken,
      ttft: firstToken - seq.arrival,
      interTokenGaps: seq.gaps,
    });
  }

  private report(tokens: number, generated: number): void {
    const adapters = (seqs: Sequence[]) => new Set(seqs.flatMap((s) => (s.adapter ? [s.adapter] : [])));
    this.hooks.onStep({
      running: this.running.length,
      waiting: this.waiting.length,
      deferred: this.waiting.filter((s) => this.isDeferred(s)).length,
      runningAdapters: adapters(this.running),
      waitingAdapters: adapters(this.waiting),
      kvUsage: 1 - this.freeBlocks / this.cfg.kvBlocks,
      tokens,
      generated,
    });
  }
}
