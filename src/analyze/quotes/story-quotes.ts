import type { Doc, Quote, Span } from '../../doc/types.js';
import { foldName } from './02-names.js';
import { PATTERNS } from './patterns.js';

/** One utterance across the articles of a story: every printing of it, and the fullest wording. */
export interface StoryQuote {
  /** Stable across runs: derived from the first mention's article and offset. */
  id: string;
  /** The fullest wording seen (the mention with the most words), marks left out. */
  text: string;
  speakerName: string | null;
  mentions: Array<{ doc: Doc; quote: Quote }>;
  /**
   * Where each mention's speaker is named, for linking to an entity: the entity stage (merged
   * later) maps these spans to its entity ids to fill `speakerId`.
   */
  speakerMentions: Array<{ doc: Doc; span: Span }>;
}

const STOPWORDS = new Set('a an the and or but of to in on at for with by from as is are was were be been being it its this that these those i we you he she they me us him her them my our your his their not no do does did has have had will would can could should may might must there here what which who whom so if then than very just also up out about into over after before all any every some more most'.split(' '));
const MIN_SHARED_WORDS = 2; // two printings of one utterance share at least this many content words
const DEFAULT_SAME_UTTERANCE = 0.6; // share of the shorter quote's content words found in the longer one
const DEFAULT_SAME_UTTERANCE_NO_SPEAKER = 0.8; // stricter when one side has no speaker to agree on

/** Content words of a quote, case and accents folded: what survives rewording by another outlet. */
export function contentWords(text: string): Set<string> {
  return new Set((foldName(text).match(PATTERNS.word) ?? []).filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w)).map((w) => w.replace(/(?:'s|’s)$/, '')));
}

/**
 * Whether two quotes are printings of one utterance: most content words of the shorter one are in
 * the longer one (same words with small differences, a cut, or another translation: "Colombians
 * from any place in the country do not suffer" / "Colombians, wherever they are in the country,
 * do not suffer"), and their speakers agree (same surname) or one is unknown, which asks for more
 * shared words.
 * Fails on two short stock phrases by one speaker ("“very good”" on two occasions), merged.
 */
export function sameUtterance(a: { words: Set<string>; speaker: string | null }, b: { words: Set<string>; speaker: string | null }): boolean {
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  if (shared < Math.min(MIN_SHARED_WORDS, small.size)) return false;
  const surname = (s: string | null) => (s ? foldName(s).split(/\s+/).at(-1)! : null);
  const sa = surname(a.speaker);
  const sb = surname(b.speaker);
  if (sa && sb && sa !== sb) return false;
  const threshold = sa && sb ? DEFAULT_SAME_UTTERANCE : DEFAULT_SAME_UTTERANCE_NO_SPEAKER;
  return shared / small.size >= threshold;
}

/**
 * The quoted words without marks; the paragraphs of a long quote joined by a space, each keeping
 * the full stop that ends it ("…for examination. We will look…").
 */
export function quoteText(text: string, quote: Pick<Quote, 'parts'>): string {
  return quote.parts
    .map((p, i) => {
      const words = text.slice(p.start, p.end);
      const stop = i < quote.parts.length - 1 ? (/^[.!?…]/.exec(text.slice(p.end)) ?? [''])[0] : '';
      return words + stop;
    })
    .join(' ');
}

/**
 * The speech quotes of a story grouped into utterances (single-link: a cut version joins the
 * full one even when two cuts of it share little). The speaker of an utterance is the name most
 * mentions agree on, the longest spelling of it; null when no mention has one.
 */
export function storyQuotes(docs: Doc[]): StoryQuote[] {
  const items = docs.flatMap((doc) =>
    (doc.layers.quotes ?? [])
      .filter((q) => q.kind === 'speech')
      .map((quote) => ({ doc, quote, words: contentWords(quoteText(doc.text, quote)), speaker: quote.speakerName })),
  );
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) if (find(i) !== find(j) && sameUtterance(items[i]!, items[j]!)) parent[find(j)] = find(i);
  }
  const groups = new Map<number, typeof items>();
  items.forEach((item, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), item]));
  return [...groups.values()].map((group) => {
    const fullest = fullestWording(group.map((m) => quoteText(m.doc.text, m.quote)));
    const first = group[0]!;
    return {
      id: `q-${stableHash(`${first.doc.id}:${first.quote.start}`)}`,
      text: fullest,
      speakerName: agreedSpeaker(group.map((m) => m.speaker)),
      mentions: group.map((m) => ({ doc: m.doc, quote: m.quote })),
      speakerMentions: group.filter((m) => m.quote.speaker).map((m) => ({ doc: m.doc, span: m.quote.speaker! })),
    };
  });
}

/**
 * The fullest wording: leaving out cuts (a wording whose content words all appear in a longer
 * one), the wording printed most often, then the one with most words. So the wire version
 * reprinted by two outlets wins over one outlet's rewording of similar length.
 */
export function fullestWording(texts: string[]): string {
  const words = (t: string) => (t.match(PATTERNS.word) ?? []).length;
  const printed = (t: string) => texts.filter((x) => x === t).length;
  const sets = new Map(texts.map((t) => [t, contentWords(t)]));
  const isCut = (t: string) => texts.some((o) => o !== t && sets.get(o)!.size > sets.get(t)!.size && [...sets.get(t)!].every((w) => sets.get(o)!.has(w)));
  const full = texts.filter((t) => !isCut(t));
  const pool = full.length > 0 ? full : texts;
  return pool.reduce((best, t) => (printed(t) > printed(best) || (printed(t) === printed(best) && words(t) > words(best)) ? t : best));
}

/** The speaker most mentions name (by surname), spelled in its longest form. */
function agreedSpeaker(names: Array<string | null>): string | null {
  const counts = new Map<string, string[]>();
  for (const name of names) {
    if (!name) continue;
    const key = foldName(name).split(/\s+/).at(-1)!;
    counts.set(key, [...(counts.get(key) ?? []), name]);
  }
  const best = [...counts.values()].sort((a, b) => b.length - a.length)[0];
  return best ? best.reduce((a, b) => (b.length > a.length ? b : a)) : null;
}

/** FNV-1a, hex: a short stable id from text (not for security). */
function stableHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
