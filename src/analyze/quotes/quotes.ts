import type { Doc, EntityMention, Paragraph, Quote, Span, Token } from '../../doc/types.js';
import { emptyLayers } from '../../doc/types.js';
import { findEntities } from '../entities/extract.js';
import type { Stage } from '../../pipeline/stage.js';
import { findQuotedSpans, type QuotedSpan } from './01-find-marks.js';
import { chunksFromEntities } from './02-names.js';
import { isFirstName } from '../entities/lexicon/package-names.js';
import { continuedSpeakerAttribution, contradictsPronoun, introAttribution, introIsDirect, isPersonAttribution, isSpeechVerb, nextSentenceAttribution, possessiveSpeaker, previousSentenceAttribution, sentenceIndexAt, tokenAt, trailerAttribution, trailerPronoun, type Attribution, type QuoteContext } from './03-attribute.js';
import { classifyQuote } from './04-classify.js';

/** Characters before a quote read as its sentence's lead-in (far more than a real sentence holds). */
const MAX_INTRO_CHARS = 1000;

/**
 * Direct quotations of one text with their kind and speaker. Every quoted span is kept, speech or
 * not, with the reason for its kind; the speaker is null when no rule finds one.
 * Order: marks are paired first; attribution looks after the quote, then before it in its
 * sentence (before it first when a verb of saying stands right before the mark), then, for a
 * quote alone in its sentence, at the sentence before; classification comes last, because a
 * short phrase counts as speech only when a speaker was found for it; a last pass lets a partial
 * quote share the attribution of a later quote in its sentence.
 */
export function findQuotes(text: string, sentences: Span[], tokens: Token[], entities: EntityMention[] = entitiesOfLines(text, sentences, tokens)): Quote[] {
  const spans = findQuotedSpans(text);
  const ctx: QuoteContext = { text, tokens, sentences, chunks: chunksFromEntities(text, tokens, entities), quoted: spans.map((q) => ({ start: q.open, end: q.close })) };
  const done: Array<{ span: Span; attribution: Attribution | null }> = [];
  const quotes: Quote[] = [];
  for (const q of spans) {
    const first = q.parts[0]!;
    const last = q.parts.at(-1)!;
    const sentence = ctx.sentences[sentenceIndexAt(ctx, q.open)];
    // At most MAX_INTRO_CHARS: a document that is one endless sentence must not cost its length per quote.
    const intro = sentence ? text.slice(Math.max(Math.min(sentence.start, q.open), q.open - MAX_INTRO_CHARS), q.open) : '';
    const alone = !/[\p{L}\p{N}]/u.test(intro.replace(/[“”"«»`']/g, ''));
    // A quote never closed has no words after it that could attribute it.
    const after = q.rule === 'unclosed' ? null : trailerAttribution(ctx, q.close);
    const before = introAttribution(ctx, q.open);
    const subheading = !before && !after && isSubheading(text, q);
    const direct = introIsDirect(ctx, q.open);
    const own = direct ? (before ?? after) : (after ?? before);
    let fallback = !own && alone && !subheading ? ((q.rule === 'unclosed' ? null : nextSentenceAttribution(ctx, q.close)) ?? previousSentenceAttribution(ctx, q.open, done) ?? continuedSpeakerAttribution(ctx, q.open, done)) : null;
    // "…,” she said" with no one found for "she": the sentences around may stand for her only with a person, never "the shooting"; else "she" stays, unresolved.
    const pronoun = fallback ? trailerPronoun(ctx, q.close) : null;
    // Nor a man for "she": the speaker named before is not the one the pronoun points at.
    if (pronoun && fallback && (!isPersonAttribution(ctx, fallback) || contradictsPronoun(ctx, fallback, pronoun))) fallback = { speaker: null, speakerName: null, cue: pronoun, rule: 'quotes/x-said' };
    const attribution = own ?? fallback;
    const quoted = q.parts.map((p) => text.slice(p.start, p.end)).join(' ');
    const next = ctx.tokens[tokenAt(ctx, q.close)];
    // A modifier follows the quote directly: no comma or stop inside or after the marks ("“sounds good,” comments that…" is not one).
    const nextIsNoun = next !== undefined && next.pos === 'NOUN' && /^\p{Ll}/u.test(text.slice(next.start, next.end)) && !/[\n,.;:!?]/.test(text.slice(last.end, next.start));
    // "After hitting “Takin' It To the Streets,” the singer told the crowd, “…”": a quote that is the object of a verb other than one of saying names a work; the attribution after it is the next quote's.
    const verbBefore = tokenAt(ctx, q.open) - 1;
    const objectOfVerb = ctx.tokens[verbBefore]?.pos === 'VERB' && !isSpeechVerb(ctx, verbBefore, true);
    const previous = quotes.at(-1);
    // "dubbed “Mission Control” and “Launchpad”": a quote joined to the one before by "and"/"or"/a comma is of its kind.
    const coordinated = previous && previous.kind !== 'speech' && /^[\s,]*(?:and|or|,)[\s]*$/.test(text.slice(done.at(-1)!.span.end, q.open));
    const { kind, reason } = subheading
      ? { kind: 'title' as const, reason: 'a line that is only a quote, with no stop and no speaker: a subheading' }
      : alone && !after && !before && opensAsTitle(ctx, q, quoted)
      ? { kind: 'title' as const, reason: 'a short Title Case quote that its sentence goes on from, unattributed: the sentence is about a title' }
      : isNickname(text, q)
      ? { kind: 'term' as const, reason: 'a short quote between a first name and a capitalised word: a nickname inside a name' }
      : coordinated
      ? { kind: previous.kind, reason: `joined by "and"/"or" to a quote taken as ${previous.kind}` }
      : classifyQuote({ intro, quoted, embedded: !alone, nextIsNoun, attributedAfter: after !== null && !objectOfVerb, attribution, saidRightBefore: direct && before !== null });
    const speech = kind === 'speech';
    const quote: Quote = {
      start: first.start,
      end: last.end,
      rule: `quotes/${q.rule}`,
      kind,
      reason,
      parts: q.parts,
      speaker: speech ? (attribution?.speaker ?? null) : null,
      speakerName: speech ? (attribution?.speakerName ?? null) : null,
      cue: speech ? (attribution?.cue ?? null) : null,
      attribution: speech ? (attribution?.rule ?? null) : null,
    };
    quotes.push(quote);
    done.push({ span: { start: q.open, end: q.close }, attribution: speech ? attribution : null });
  }
  return leadingQuotes(text, sharedAttribution(ctx, quotes, done), done);
}

/**
 * A quote left without a speaker that runs straight into the next quote of its paragraph takes
 * that quote's speaker named after it: "“We will win.” “It is our time,” said Jose Mourinho."
 * Read from the last quote back, so a run of such quotes shares the one attribution.
 * Fails when two speakers trade lines in one paragraph with only the second named.
 */
function leadingQuotes(text: string, quotes: Quote[], done: Array<{ span: Span }>): Quote[] {
  const out = [...quotes];
  for (let i = out.length - 2; i >= 0; i--) {
    const q = out[i]!;
    const next = out[i + 1]!;
    if (q.kind !== 'speech' || q.attribution !== null || next.kind !== 'speech' || !next.speaker) continue;
    if (!/^(?:quotes\/(?:x-said|said-x)|quotes\/leading)$/.test(next.attribution ?? '')) continue;
    if (!/^[ \t]*$/.test(text.slice(done[i]!.span.end, done[i + 1]!.span.start))) continue;
    out[i] = { ...q, speaker: next.speaker, speakerName: next.speakerName, cue: next.cue, attribution: 'quotes/leading', reason: 'runs into the next quote of its paragraph, attributed after it' };
  }
  return out;
}

/**
 * A quote that is a whole line by itself, one paragraph long, with no stop in or after it
 * ("“U.S.-controlled bandit formations”" between two paragraphs) heads what follows; spoken words
 * set as their own paragraph end with a stop.
 * Fails on a short exclamation given a line of its own without a stop.
 */
function isSubheading(text: string, q: QuotedSpan): boolean {
  if (q.parts.length !== 1) return false;
  const lineStart = text.lastIndexOf('\n', q.open - 1) + 1;
  const newline = text.indexOf('\n', q.close);
  const lineEnd = newline < 0 ? text.length : newline;
  const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s);
  return !hasWords(text.slice(lineStart, q.open)) && !hasWords(text.slice(q.close, lineEnd)) && !/[.!?…]/.test(text.slice(q.parts[0]!.end, lineEnd)) && !/[.!?…][\s'’"”»]*$/.test(text.slice(q.parts[0]!.start, q.parts[0]!.end));
}

/** The entity mentions of a text whose lines are its paragraphs, for callers that have no entity layer. */
const MAX_NICKNAME_WORDS = 4;
/**
 * Vincent “The Chin” Gigante, Salvatore “Sammy the Bull” Gravano: a short quote set between a
 * first name of the package lists and a capitalised word is a nickname inside a name, whatever
 * verb of saying the sentence holds.
 * Fails on a headline-style quote between a first name used alone and a name ("Donald “confident” Congress …").
 */
function isNickname(text: string, q: QuotedSpan): boolean {
  if (q.parts.length !== 1 || q.rule !== 'paired') return false;
  const words = text.slice(q.parts[0]!.start, q.parts[0]!.end).split(/\s+/);
  const before = /(?:^|[\s(])(\p{Lu}\p{Ll}+)[ \t]+$/u.exec(text.slice(Math.max(0, q.open - 30), q.open))?.[1];
  return words.length <= MAX_NICKNAME_WORDS && before !== undefined && isFirstName(before) && /^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(q.close, q.close + 4));
}

const MAX_OPENING_TITLE_WORDS = 4;
const MAX_ATTRIBUTION_TOKENS = 4; // "she said", "the officer yelled": tokens from a closing mark to an attribution's verb

/**
 * "“Moon,” like “Twilight,” is based on…", "“Moon” will be adapted…": a quote of a few capitalised
 * words opening its sentence, which goes on in lower case after it, is what the sentence is about.
 * Fails on a one-word exclamation the sentence comments on ("“Wow” was all he said").
 */
function opensAsTitle(ctx: QuoteContext, q: QuotedSpan, quoted: string): boolean {
  const words = quoted.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > MAX_OPENING_TITLE_WORDS || !words.every((w) => /^[\p{Lu}\d]/u.test(w)) || /[.!?]/.test(quoted)) return false;
  let i = tokenAt(ctx, q.close);
  if (ctx.text.slice(q.close, ctx.tokens[i]?.start ?? q.close).includes('\n')) return false;
  if (ctx.text.slice(ctx.tokens[i]?.start ?? 0, ctx.tokens[i]?.end ?? 0) === ',') i++;
  const next = ctx.tokens[i];
  if (next === undefined || !/^\p{Ll}/u.test(ctx.text.slice(next.start, next.end))) return false;
  // "“Stop,” she said", "“Stop,” the officer yelled": a verb of saying right after it makes the quote an utterance.
  for (let k = i; k < i + MAX_ATTRIBUTION_TOKENS && ctx.tokens[k]; k++) if (isSpeechVerb(ctx, k, true)) return false;
  return true;
}

function entitiesOfLines(text: string, sentences: Span[], tokens: Token[]): EntityMention[] {
  const paragraphs: Paragraph[] = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' }));
  return findEntities({ text, layers: { ...emptyLayers(), paragraphs, sentences, tokens } });
}

/**
 * A short quote left without a speaker takes the speaker named after a later quote of the same
 * sentence: "The outages were “terribly disruptive” and, at the moment, “we won't roll the dice,”
 * the chief executive said."
 * Fails when the two quotes are by different people and only the second is attributed.
 */
function sharedAttribution(ctx: QuoteContext, quotes: Quote[], done: Array<{ span: Span; attribution: Attribution | null }>): Quote[] {
  return quotes.map((q, i) => {
    if (q.kind !== 'scare') return q;
    const sentence = sentenceIndexAt(ctx, done[i]!.span.start);
    // Quotes are in text order: only those starting in this sentence can end in it.
    let later = -1;
    for (let k = i + 1; k < quotes.length && sentenceIndexAt(ctx, done[k]!.span.start) <= sentence; k++) {
      const o = quotes[k]!;
      if (o.kind === 'speech' && sentenceIndexAt(ctx, done[k]!.span.end - 1) === sentence && /^quotes\/(?:x-said|said-x)$/.test(o.attribution ?? '')) {
        later = k;
        break;
      }
    }
    if (later < 0) {
      const owner = possessiveSpeaker(ctx, done[i]!.span.start);
      if (owner) return { ...q, kind: 'speech', reason: 'a possessive owner of a noun of saying before it', speaker: owner.speaker, speakerName: owner.speakerName, cue: owner.cue, attribution: owner.rule };
      return closingAttribution(ctx, q, done[i]!.span, sentence);
    }
    const source = quotes[later]!;
    return { ...q, kind: 'speech', reason: 'shares the attribution after a later quote of its sentence', speaker: source.speaker, speakerName: source.speakerName, cue: source.cue, attribution: 'quotes/shared' };
  });
}

const MAX_CLOSING_TOKENS = 8; // ", reports Sui-Lee Wee of the Times.": tokens from the last comma to the stop

/**
 * A short quote left without a speaker in a sentence that closes on its attribution after a comma
 * takes it: "All “relevant sites” were also disinfected, reports Wee."
 * Fails when the attributed sentence quotes someone else's word as a scare quote.
 */
function closingAttribution(ctx: QuoteContext, q: Quote, span: Span, sentenceIndex: number): Quote {
  const sentence = ctx.sentences[sentenceIndex];
  if (!sentence || span.end > sentence.end) return q;
  const last = tokenAt(ctx, sentence.end) - 1;
  let comma = -1;
  for (let k = last; k > last - MAX_CLOSING_TOKENS && k >= 0 && ctx.tokens[k]!.start >= span.end; k--) {
    if (ctx.text.slice(ctx.tokens[k]!.start, ctx.tokens[k]!.end) === ',') {
      comma = k;
      break;
    }
  }
  if (comma < 0) return q;
  const a = trailerAttribution(ctx, ctx.tokens[comma]!.end);
  if (!a?.speaker || (a.rule !== 'quotes/said-x' && a.rule !== 'quotes/x-said')) return q;
  return { ...q, kind: 'speech', reason: 'its sentence closes on its attribution', speaker: a.speaker, speakerName: a.speakerName, cue: a.cue, attribution: 'quotes/closing' };
}

/** Writes `quotes`: every quoted span of the clean text, speech or not, with its speaker. */
export const quotesStage: Stage = {
  name: 'analyze/quotes',
  reads: ['sentences', 'tokens', 'entities'],
  writes: ['quotes'],
  run(doc: Doc) {
    const quotes = findQuotes(doc.text, doc.layers.sentences, doc.layers.tokens, doc.layers.entities);
    return { ...doc, layers: { ...doc.layers, quotes } };
  },
};
