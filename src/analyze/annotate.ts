import { z } from 'zod';
import type { Paragraph } from '../doc/types.js';
import { emptyLayers } from '../doc/types.js';
import { findEntities } from './entities/extract.js';
import { mergeEntities } from './entities/merge.js';
import { findQuotes } from './quotes/quotes.js';
import { sentencesAndTokens } from './sentences.js';
import { findTimexes } from './time/detect.js';
import { parseYmd } from './time/calendar.js';

/** One line of `corroborate annotate` input. */
export const AnnotateInputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  publishedAt: z.string().nullish(),
});
export type AnnotateInput = z.infer<typeof AnnotateInputSchema>;

interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface AnnotateOutput {
  id: string;
  sentences: TextSpan[];
  tokens: Array<TextSpan & { pos: string; lemma: string }>;
  entities: Array<TextSpan & { type: string; entityId: string }>;
  quotes: Array<TextSpan & { speaker: TextSpan | null; speakerName: string | null }>;
  timexes: Array<TextSpan & { type: 'DATE' | 'TIME' | 'DURATION' | 'SET'; value: string; mod?: string }>;
}

/**
 * The analysis layers of a given text, without cleaning, so every offset indexes the text as
 * given (benchmarks and outside evaluations rely on that). Layers not built yet are empty.
 * An entity's `type` is its merged entity's type, so every mention of one referent agrees.
 * `quotes` holds speech only (scare quotes, titles and terms are left out); a quote's span is
 * the quoted words without the marks, over all its paragraphs.
 */
export function annotate(input: AnnotateInput): AnnotateOutput {
  const { sentences, tokens } = sentencesAndTokens(input.text);
  const slice = (s: { start: number; end: number }) => input.text.slice(s.start, s.end);
  // Timexes resolve against the line's publishedAt; without one, relative values keep their X's.
  const anchor = input.publishedAt ? parseYmd(input.publishedAt) : null;
  const timexes = findTimexes(input.text, { anchor, sentences, tokens });
  // Without cleaning there are no marked headings: every line is a paragraph, and heading-like lines are told by their shape.
  const paragraphs: Paragraph[] = [...input.text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' }));
  const doc = { id: input.id, text: input.text, layers: { ...emptyLayers(), paragraphs, sentences, tokens, timexes } };
  const mentions = findEntities(doc);
  const entityOf = new Map<number, { id: string; type: string }>();
  for (const entity of mergeEntities([{ ...doc, layers: { ...doc.layers, entities: mentions } }])) {
    for (const m of entity.mentions) entityOf.set(m.start, { id: entity.id, type: entity.type });
  }
  return {
    id: input.id,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: slice(s) })),
    tokens: tokens.map((t) => ({ start: t.start, end: t.end, text: slice(t), pos: t.pos, lemma: t.lemma })),
    // A mention the merge found to be no entity (a demonym of a place in the text) is left out.
    entities: mentions.flatMap((m) => {
      const entity = entityOf.get(m.start);
      return entity ? [{ start: m.start, end: m.end, text: slice(m), type: entity.type, entityId: entity.id }] : [];
    }),
    quotes: findQuotes(input.text, sentences, tokens, mentions)
      .filter((q) => q.kind === 'speech')
      .map((q) => ({ start: q.start, end: q.end, text: slice(q), speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: slice(q.speaker) } : null, speakerName: q.speakerName })),
    timexes: timexes.map((t) => ({ start: t.start, end: t.end, text: slice(t), type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) })),
  };
}
