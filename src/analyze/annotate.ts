import { z } from 'zod';
import { findQuotes } from './quotes/quotes.js';
import { sentencesAndTokens } from './sentences.js';

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
  timexes: Array<TextSpan & { type: 'DATE' | 'TIME' | 'DURATION' | 'SET'; value: string }>;
}

/**
 * The analysis layers of a given text, without cleaning, so every offset indexes the text as
 * given (benchmarks and outside evaluations rely on that). Layers not built yet are empty.
 * `quotes` holds speech only (scare quotes, titles and terms are left out); a quote's span is
 * the quoted words without the marks, over all its paragraphs.
 */
export function annotate(input: AnnotateInput): AnnotateOutput {
  const { sentences, tokens } = sentencesAndTokens(input.text);
  const slice = (s: { start: number; end: number }) => input.text.slice(s.start, s.end);
  return {
    id: input.id,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: slice(s) })),
    tokens: tokens.map((t) => ({ start: t.start, end: t.end, text: slice(t), pos: t.pos, lemma: t.lemma })),
    entities: [],
    quotes: findQuotes(input.text, sentences, tokens)
      .filter((q) => q.kind === 'speech')
      .map((q) => ({ start: q.start, end: q.end, text: slice(q), speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: slice(q.speaker) } : null, speakerName: q.speakerName })),
    timexes: [],
  };
}
