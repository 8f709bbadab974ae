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
  return (doc, ctx) => stages.reduce((current, stage) => stage.run(current, ctx), doc);
}
