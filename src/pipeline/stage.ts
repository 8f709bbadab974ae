import { CorroborateError } from '../doc/errors.js';
import { messageSink } from '../doc/messages.js';
import type { Doc, Layers } from '../doc/types.js';

/**
 * A per-document stage (after spaCy's components): it declares the layers it reads and
 * writes, works out its result, and returns the document with its layers written. Stages
 * are pure: clock, reference date and options come through `ctx`.
 */
export interface Stage {
  name: string;
  reads: Array<keyof Layers>;
  writes: Array<keyof Layers>;
  run(doc: Doc, ctx: StageContext): Doc;
}

export interface StageContext {
  /** The moment the run is considered to happen (for relative dates when nothing else anchors them). */
  now: Date;
  /**
   * Wall-clock milliseconds one document's analysis may take, checked after each stage (a stage
   * is not interrupted): past it before the last stage, the document is refused with
   * `over-time-budget`; past it in the last, it is kept with an `over-time-budget` warning.
   * `clock` (default `performance.now`) is for tests.
   */
  budget?: { ms: number; clock?: () => number };
}

/** Layers every document has on leaving the clean stage. */
const CLEAN_WRITES: Array<keyof Layers> = ['paragraphs'];

/**
 * Checks, when the pipeline is built, that every stage's inputs were written by an earlier
 * stage, so a reordering fails at start-up rather than producing empty layers.
 */
export function buildPipeline(stages: Stage[]): (doc: Doc, ctx: StageContext) => Doc {
  const written = new Set<keyof Layers>(CLEAN_WRITES);
  for (const stage of stages) {
    const missing = stage.reads.filter((layer) => !written.has(layer));
    if (missing.length > 0) throw new Error(`pipeline: stage ${stage.name} reads ${missing.join(', ')} before any stage writes it`);
    for (const layer of stage.writes) written.add(layer);
  }
  return (doc, ctx) => {
    if (!ctx.budget) return stages.reduce((current, stage) => stage.run(current, ctx), doc);
    const { ms, clock = () => performance.now() } = ctx.budget;
    const started = clock();
    let current = doc;
    for (const [i, stage] of stages.entries()) {
      current = stage.run(current, ctx);
      const elapsed = clock() - started;
      if (elapsed <= ms) continue;
      const spent = `analysis took ${(elapsed / 1000).toFixed(1)} s by the end of stage ${stage.name}, over the per-document budget of ${(ms / 1000).toFixed(1)} s (--time-budget)`;
      if (i < stages.length - 1) throw new CorroborateError('over-time-budget', `${doc.meta.input}: ${spent}; refused, nothing stored (a shorter --max-chars or a larger --time-budget lets it through)`, { subject: doc.meta.input });
      const messages = [...current.messages];
      messageSink('analyze', messages).warn('over-time-budget', `${spent}; kept, as every stage had finished`, { actual: String(Math.round(elapsed)), expected: `<= ${ms}` });
      current = { ...current, messages };
    }
    return current;
  };
}
