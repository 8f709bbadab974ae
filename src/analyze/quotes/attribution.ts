import type { Doc, Span } from '../../doc/types.js';
import type { ExportEntity } from '../../export/types.js';
import { entityAt, resolveName } from '../entities/link.js';
import { findQuotedSpans } from './01-find-marks.js';
import { chunksFromEntities } from './02-names.js';
import { REPORTING_VERBS } from './lexicon/speech-verbs.js';
import { inQuote, isSpeechVerb, resolveFound, subjectAfter, subjectBefore, tokenAt, type Attribution, type QuoteContext } from './03-attribute.js';
import { firstIndex } from '../../doc/spans.js';

/** Who a sentence says its statement comes from, read by the same model that attributes quotes. */
export interface SentenceAttribution {
  /** The attributing words: the speaker phrase and its verb ("Petro said", "according to the council"). */
  span: Span;
  /** The words naming the speaker: a name, a role phrase, or a pronoun's antecedent (maybe in another sentence). */
  speaker: Span | null;
  /** The pronoun or description that pointed at the speaker ("he", "the president"), when one did. */
  cue: Span | null;
  /** The fullest form of the speaker's name in the article; null for a role without a name. */
  speakerName: string | null;
  /** The story entity of the speaker, when story entities were given and one is named so. */
  entityId: string | null;
  /** The attribution model's rule (`quotes/said-x`, `quotes/x-said`, `quotes/according-to`, …). */
  rule: string;
}

type AttributableDoc = Pick<Doc, 'id' | 'text' | 'layers'>;

/** One context per document layers object: the chunks and quoted spans are read once for all its sentences. */
const contexts = new WeakMap<object, QuoteContext>();

function contextOf(doc: AttributableDoc): QuoteContext {
  const cached = contexts.get(doc.layers);
  if (cached) return cached;
  const { text } = doc;
  const { tokens, sentences, entities } = doc.layers;
  const quoted = findQuotedSpans(text).map((q) => ({ start: q.open, end: q.close }));
  const ctx: QuoteContext = { text, tokens, sentences, chunks: chunksFromEntities(text, tokens, entities), quoted };
  contexts.set(doc.layers, ctx);
  return ctx;
}

/** What may follow an attribution that closes its sentence: a few words with no comma or quote, then the stop. */
const TRAILING_ADJUNCT = /^([^,;:“”"«»]{0,60}?)\s*[.!?]?\s*(?:["”’]|'')?\s*$/u;

const word = (ctx: QuoteContext, i: number) => (ctx.tokens[i] ? ctx.text.slice(ctx.tokens[i]!.start, ctx.tokens[i]!.end).toLowerCase() : '');

/**
 * The attribution of one sentence of a document with its `tokens`, `sentences` and `entities`
 * layers (and `quotes`, for a quotation's speaker): each verb of saying outside quotation marks
 * gives its subject ("Petro said", "said the council", "the president told reporters"), and
 * "according to X" its X. When several report one another ("Reuters reported that Petro said…"),
 * the last, the original speaker, is kept; "according to" only when no verb names anyone. Without
 * a verb, the speaker the quotes stage found for a quotation in the sentence. With `storyEntities`
 * (the story's merged entities), `entityId` is the entity under the speaker span or named so.
 * Returns null when the sentence attributes its words to no one.
 * Fails on: a speech verb in a subordinate clause about someone else ("the law Petro said he
 * opposed was passed" gives Petro).
 */
export function sentenceAttribution(doc: AttributableDoc, sentence: Span, storyEntities?: ExportEntity[]): SentenceAttribution | null {
  const ctx = contextOf(doc);
  const first = tokenAt(ctx, sentence.start);
  let found: { attribution: Attribution; verb: Span } | null = null;
  let according: { attribution: Attribution; verb: Span } | null = null;
  for (let v = first; v < ctx.tokens.length && ctx.tokens[v]!.end <= sentence.end; v++) {
    const t = ctx.tokens[v]!;
    if (inQuote(ctx, t.start)) continue;
    if (word(ctx, v) === 'according' && word(ctx, v + 1) === 'to') {
      const attribution = resolveFound(ctx, subjectAfter(ctx, v + 1, true), 'quotes/according-to', t.start);
      if (attribution?.speaker && !according) according = { attribution, verb: t };
      continue;
    }
    // A participle ("saying") reports its clause's subject, read at the main verb; "urged", "praised" report an act, not the sentence's words.
    if (!isSpeechVerb(ctx, v) || word(ctx, v).endsWith('ing') || !REPORTING_VERBS.has(t.lemma.toLowerCase())) continue;
    // "…, said Mayor Brask": after a comma the verb comes first and its subject follows.
    const inverted = word(ctx, v - 1) === ',';
    const after = inverted ? subjectAfter(ctx, v) : null;
    const before = after ? null : subjectBefore(ctx, v, first);
    const subject = after ?? (before && before.kind !== 'unresolved' ? before : subjectAfter(ctx, v));
    const attribution = resolveFound(ctx, subject, before && before.kind !== 'unresolved' ? 'quotes/x-said' : 'quotes/said-x', t.start);
    if (attribution?.speaker) found = { attribution, verb: t };
  }
  const chosen = found ?? according;
  if (chosen) return withEntity(doc, chosen.attribution, chosen.verb, sentence, storyEntities);
  // Quotes are in text order: only those from the sentence's start on are read, not the document's.
  const quotes = doc.layers.quotes;
  let quote: (typeof quotes)[number] | undefined;
  for (let k = firstIndex(quotes, (q) => q.start >= sentence.start); k < quotes.length && quotes[k]!.start < sentence.end && !quote; k++) {
    const q = quotes[k]!;
    if (q.kind === 'speech' && q.end <= sentence.end && q.speaker) quote = q;
  }
  if (!quote?.speaker) return null;
  return withEntity(doc, { speaker: quote.speaker, speakerName: quote.speakerName, cue: quote.cue, rule: quote.attribution ?? 'quotes/quote' }, quote.cue ?? quote.speaker, sentence, storyEntities);
}

/** Whether a verb stands between two offsets: then the words after an attribution are a statement of their own ("Petro said the toll rose"). */
function hasVerb(doc: AttributableDoc, start: number, end: number): boolean {
  const tokens = doc.layers.tokens;
  for (let i = firstIndex(tokens, (t) => t.start >= start); i < tokens.length && tokens[i]!.end <= end; i++) if (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX') return true;
  return false;
}

function withEntity(doc: AttributableDoc, a: Attribution, verb: Span, sentence: Span, storyEntities: ExportEntity[] | undefined): SentenceAttribution {
  // The attributing words run from the first to the last of the verb, the cue and the speaker inside the sentence (an antecedent may be sentences back).
  const near = [verb, a.cue, a.speaker].filter((s): s is Span => s !== null && s.start >= sentence.start && s.end <= sentence.end);
  const span = { start: Math.min(...near.map((s) => s.start)), end: Math.max(...near.map((s) => s.end)) };
  // "…, officials said on Thursday in a statement.": words after a closing attribution, up to the sentence's stop, are part of it.
  const rest = TRAILING_ADJUNCT.exec(doc.text.slice(span.end, sentence.end));
  if (rest && /[,”"']\s*$/.test(doc.text.slice(sentence.start, span.start)) && !hasVerb(doc, span.end, sentence.end)) span.end += rest[1]!.length;
  let entityId: string | null = null;
  if (storyEntities && a.speaker) entityId = entityAt(storyEntities, doc.id, a.speaker.start, a.speaker.end)?.id ?? (a.speakerName ? resolveName(storyEntities, a.speakerName) : null);
  return { span, speaker: a.speaker, cue: a.cue, speakerName: a.speakerName, entityId, rule: a.rule };
}
