import type { CopyLink } from '../cluster/copies.js';
import type { StoryClaims } from '../corroborate/claims/claims.js';
import type { Doc } from '../doc/types.js';
import type { StoryAnalysis } from './types.js';

/** What a story stage starts from: one version of a story, its member documents and the copy links among them. */
export interface StoryInput {
  storyId: string;
  version: number;
  /** Members in joining order. */
  members: Doc[];
  /** Copy links whose copy and original are both members. */
  copies: Map<string, CopyLink>;
}

/** How much of a story the analysis reads (defaults in `select.ts`). */
export interface StoryLimits {
  /** Members analysed in full; past it, the most central originals. */
  maxArticles: number;
  /** Sentences the claims stage reads over all analysed members: each reads its lead of `sentenceBudget / members` sentences… */
  sentenceBudget: number;
  /** …but never fewer than this many. */
  minLeadSentences: number;
}

/** Which members the story-level analysis reads, and how much of each (see `select.ts`). */
export interface Selection {
  /** Members analysed in full, in joining order: all of them unless the story is over the article cap. */
  analysed: Doc[];
  /** The analysed members as the claims stage sees them: each one's lead sentences only. */
  leads: Doc[];
  /** Sentences of each analysed member the claims stage reads. */
  leadSentences: number;
  /** Members left out of the analysis (over the cap), and analysed members whose sentences past the lead were not read for claims. */
  leftOut: number;
  cutShort: number;
}

/**
 * The named results story stages read and write, like a `Doc`'s layers for the per-document
 * stages: the inputs first, then each stage's output. Everything but `corroboration` (the
 * claims stage's working state, which the brief reads) ends up in the stored `StoryAnalysis`.
 */
export interface StoryLayers extends Pick<StoryAnalysis, 'title' | 'independentSourceCount' | 'brief' | 'entities' | 'quotes' | 'timeline' | 'claims' | 'conflicts' | 'event' | 'warnings' | 'articles'> {
  /** The sources stage's caveats (`outlet-unknown`), joined to `warnings` in the analysis. */
  sourceWarnings: StoryAnalysis['warnings'];
  members: Doc[];
  copies: Map<string, CopyLink>;
  limits: StoryLimits;
  selection: Selection;
  corroboration: StoryClaims;
}

type Key = keyof StoryLayers;

/** A story-level stage: it declares what it reads and writes, and is a pure function from the one to the other. */
export interface StoryStage {
  name: string;
  reads: Key[];
  writes: Key[];
  run(state: StoryLayers): Partial<StoryLayers>;
}

/** A stage whose `run` sees exactly the layers it declares reading and must return those it declares writing. */
export function storyStage<R extends Key, W extends Key>(name: string, reads: R[], writes: W[], run: (state: Pick<StoryLayers, R>) => Pick<StoryLayers, W>): StoryStage {
  return { name, reads, writes, run };
}

const INPUTS: Key[] = ['members', 'copies', 'limits'];

/**
 * Checks, when the pipeline is built, that every stage reads only what the input or an earlier
 * stage wrote, and that the stages together write every `required` layer; returns the runner.
 */
export function buildStoryPipeline<K extends Key>(stages: StoryStage[], required: K[]): (input: Pick<StoryLayers, 'members' | 'copies' | 'limits'>) => Pick<StoryLayers, K> {
  const written = new Set<Key>(INPUTS);
  for (const stage of stages) {
    const missing = stage.reads.filter((layer) => !written.has(layer));
    if (missing.length > 0) throw new Error(`story pipeline: stage ${stage.name} reads ${missing.join(', ')} before any stage writes it`);
    for (const layer of stage.writes) written.add(layer);
  }
  const unwritten = required.filter((layer) => !written.has(layer));
  if (unwritten.length > 0) throw new Error(`story pipeline: no stage writes ${unwritten.join(', ')}`);
  return (input) => {
    // Safe by the check above: each stage runs after every layer it reads was written.
    const state = { ...input } as StoryLayers;
    for (const stage of stages) {
      const out = stage.run(state);
      for (const layer of stage.writes) {
        if (!(layer in out)) throw new Error(`story pipeline: stage ${stage.name} did not write ${layer}`);
        (state as unknown as Record<Key, unknown>)[layer] = out[layer];
      }
    }
    return state;
  };
}
