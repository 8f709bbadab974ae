import type { Span, Token } from '../../doc/types.js';
import { foldName, fullestName, isCommonNoun, isKnownSurname, isPersonChunk, type NameChunk } from './02-names.js';
import { genderOfFirstName } from '../entities/lexicon/package-names.js';
import { ORG_KIND_NOUNS } from '../entities/context.js';
import { TITLE_HEADS } from '../entities/lexicon/titles.js';
import { demonymOf } from '../entities/lexicon/gazetteer.js';
import { ANAPHORIC_ROLES, BODY_NOUNS, EPITHET_ROLES, DOCUMENT_NOUNS, NOT_SPEAKERS, PERSON_PRONOUNS, PARTY_MEMBERS, RELATION_NOUNS, ROLE_TITLES, TITLE_ABBREVIATIONS, TITLE_WORDS } from './lexicon/people.js';
import { CALL_OUT_VERBS, SPEECH_NOUNS, SPEECH_VERBS, SUBJECT_VERB_FILLERS, TRAILER_VERBS } from './lexicon/speech-verbs.js';
import { firstIndex, firstTokenAt } from '../../doc/spans.js';

/** Everything attribution looks at in one article. */
export interface QuoteContext {
  text: string;
  tokens: Token[];
  sentences: Span[];
  chunks: NameChunk[];
  /** Quoted spans (marks included): names and verbs inside them are not attribution. */
  quoted: Span[];
}

/** Who said a quote, and how we know. */
export interface Attribution {
  /** The words that name the speaker: a name, or a role phrase ("a Colombian official"). */
  speaker: Span | null;
  /** Fullest name form of the speaker in the article; null for a role without a name. */
  speakerName: string | null;
  /** The pronoun, description or document that points at the speaker ("he", "the president", "the post"). */
  cue: Span | null;
  /** Rule id: `quotes/said-x`, `quotes/x-said`, `quotes/according-to`, `quotes/intro-verb`, `quotes/previous-sentence`, `quotes/passive` (attributed, to no one named). */
  rule: string;
}

/** A speaker phrase as found before resolution. */
type Found = { kind: 'name'; chunk: NameChunk } | { kind: 'role'; span: Span; head: string; definite: boolean } | { kind: 'pronoun'; span: Span } | { kind: 'unresolved' };


const MAX_TRAILER_GAP = 16; // tokens from a closing mark to its speech verb (,” Joseph Brusuelas, chief economist at Merk, said)
const MAX_LOOKBACK_SENTENCES = 4; // sentences searched back for the person a pronoun stands for
const MAX_EXTENDED_LOOKBACK = 10; // sentences searched back when none of the nearer ones names anyone the pronoun could stand for
const MAX_PRONOUN_CHAIN = 30; // "He stated … He said …": sentences of pronouns followed back to the name
const MAX_APPOSITION = 30; // tokens skipped back over ", Colombia's first leftist president," or ", who hails from …,"
/**
 * Tokens of a sentence read back from where attribution looks (a quote's mark, a pronoun). Far
 * longer than a real sentence, it keeps a document that is one endless "sentence" from costing
 * the square of its length.
 */
const MAX_SENTENCE_TOKENS = 150;
const MAX_SPEAKER_AFTER = 16; // tokens read after "said" for the name ("said the general secretary of the union, Tony Woodley")
/** Endings of a web address that names a news site ("SI.com", "TMZ.com"). */
const WEB_DOMAINS = new Set(['com', 'org', 'net']);
/** Dashes that open and close an aside ("— where Y said … —"); a hyphen is too often inside a word in tokenised text. */
const ASIDE_DASHES = new Set(['—', '–', '--']);
/** Lowercase words that join the capitalised words of one organisation's name ("Department of Alcohol and Drug Programs"). */
const NAME_JOINERS = new Set(['of', 'and', 'for', '&']);
const MODIFIER_PREPOSITIONS = new Set(['of', 'at', 'for', 'from', 'with', 'on']); // "one user on Weibo said": the user speaks
const CLAUSE_WORDS = new Set(['who', 'which', 'that', 'whose', 'where', 'when', 'after', 'before', 'because', 'as', 'in', 'on']);
const SENTENCE_END = new Set(['.', '!', '?']);
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Subordinators that open a clause with no subject of its own before a participle ("when asked", "if pressed"). */
const REDUCED_CLAUSE_OPENERS = new Set(['when', 'if', 'once', 'unless', 'until', 'while', 'as']);
/** Words opening a clause right after a verb of saying ("said before Kelly appeared"): no inverted subject follows. */
const SUBORDINATORS = new Set([...REDUCED_CLAUSE_OPENERS, 'before', 'after', 'because', 'since', 'although', 'though']);
const GROUP_PRONOUNS = new Set(['they', 'it']);
// Quantity nouns standing for a crowd ("Dozens chanted") count as such determiners: they never name anyone.
const STANDALONE_DETERMINERS = new Set(['another', 'others', 'one', 'some', 'many', 'several', 'someone', 'somebody', 'dozens', 'hundreds', 'thousands', 'scores']);
/** Verb forms that only a plural subject takes: after a name they make it a group (British "Big Machine have said"). */
const PLURAL_VERBS = new Set(['have', 'are', 'were', 'do']);
/** Possessives that open a description as an article would ("her rep told", "his lawyer said"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our']);
/** What may follow "Petro said" after a quote that ended its sentence for it to be that quote's attribution: the end of the sentence. */
const CLOSES_ATTRIBUTION = new Set(['.', '!', '?', '']);
const MARK_TOKEN = /^(?:“|”|«|»|`|'|")+$/;

/**
 * "J ." in "A . J . Smith", "Mr ." in "Mr . Blacks said": the stop of an initial or of an abbreviated
 * title (one TITLE_WORDS writes with a stop) that tokenised text split off, before a capitalised
 * word: no sentence end.
 */
const isInitialStop = (ctx: QuoteContext, k: number) => {
  if (lower(ctx, k) !== '.' || k === 0 || ctx.tokens[k + 1] === undefined || !/^\p{Lu}/u.test(ctx.text.slice(ctx.tokens[k + 1]!.start, ctx.tokens[k + 1]!.end))) return false;
  const before = ctx.text.slice(ctx.tokens[k - 1]!.start, ctx.tokens[k - 1]!.end);
  return /^\p{Lu}$/u.test(before) || (/^\p{Lu}\p{Ll}*$/u.test(before) && TITLE_WORDS.has(`${before.toLowerCase()}.`));
};
/** "Detik.com", "MLB.com": a stop touching a word on each side, a lowercase one after it, is inside a web address. */
const isStopInWord = (ctx: QuoteContext, k: number) => {
  const [before, stop, after] = [ctx.tokens[k - 1], ctx.tokens[k], ctx.tokens[k + 1]];
  return before !== undefined && stop !== undefined && after !== undefined && before.end === stop.start && stop.end === after.start && /^\p{Ll}/u.test(ctx.text.slice(after.start, after.end));
};
/** "D-Calif.,", "(R-Ore.)": a stop glued to a capitalised word with a comma or closing bracket glued after it ends an abbreviation, not a sentence. */
const isAbbreviationStop = (ctx: QuoteContext, k: number) => {
  const [before, stop, after] = [ctx.tokens[k - 1], ctx.tokens[k], ctx.tokens[k + 1]];
  return stop !== undefined && before !== undefined && after !== undefined && lower(ctx, k) === '.' && before.end === stop.start && stop.end === after.start && /^\p{Lu}/u.test(ctx.text.slice(before.start, before.end)) && /^[,)]$/.test(lower(ctx, k + 1));
};
/** A word that may stand between a subject and its verb ("has repeatedly said"); capitalised it is part of a name ("The New York Times reported"). */
const isFiller = (ctx: QuoteContext, i: number) => SUBJECT_VERB_FILLERS.has(lower(ctx, i)) && /^\p{Ll}/u.test(ctx.text.slice(ctx.tokens[i]?.start ?? 0, ctx.tokens[i]?.end ?? 0));
/** Whether token `i` starts with a capital letter. */
/** "couldn ’ t", "can ’ t" spaced apart by tokenised text: the "t" at `i`, its apostrophe and the verb before it are one auxiliary, no subject. */
const spacedNegation = (ctx: QuoteContext, i: number) => lower(ctx, i) === 't' && /^['’]$/.test(lower(ctx, i - 1)) && /^\p{L}+$/u.test(lower(ctx, i - 2));
const capitalisedToken = (ctx: QuoteContext, i: number) => /^\p{Lu}/u.test(ctx.text.slice(ctx.tokens[i]?.start ?? 0, ctx.tokens[i]?.end ?? 0));
const lower = (ctx: QuoteContext, i: number) => (ctx.tokens[i] ? ctx.text.slice(ctx.tokens[i]!.start, ctx.tokens[i]!.end).toLowerCase() : '');
/**
 * Look-ups over one article's chunks and quotes, built once per context so that every question
 * costs a binary search or a map read, not a scan of the article.
 */
interface ContextIndex {
  /** The quoted spans merged and in order. */
  quoted: Span[];
  endingAt: Map<number, NameChunk>;
  startingAt: Map<number, NameChunk>;
  /** Title word → the chunks carrying it, in text order. */
  titled: Map<string, NameChunk[]>;
}

const contextIndexes = new WeakMap<QuoteContext, ContextIndex>();

function contextIndex(ctx: QuoteContext): ContextIndex {
  let index = contextIndexes.get(ctx);
  if (index) return index;
  const quoted: Span[] = [];
  for (const q of [...ctx.quoted].sort((a, b) => a.start - b.start)) {
    const last = quoted.at(-1);
    if (last && q.start <= last.end) last.end = Math.max(last.end, q.end);
    else quoted.push({ start: q.start, end: q.end });
  }
  index = { quoted, endingAt: new Map(), startingAt: new Map(), titled: new Map() };
  // The first chunk wins, as a search from the start would find it.
  for (const c of ctx.chunks) {
    if (!index.endingAt.has(c.last)) index.endingAt.set(c.last, c);
    if (!index.startingAt.has(c.first)) index.startingAt.set(c.first, c);
    for (const title of new Set(c.titles.flatMap(titleForms))) {
      const list = index.titled.get(title);
      if (list) list.push(c);
      else index.titled.set(title, [c]);
    }
  }
  contextIndexes.set(ctx, index);
  return index;
}

/** A title word and, for an abbreviation, the word it stands for ("gov." → "gov.", "governor"): "the governor" points back to "Gov. Ana Ruiz". */
const titleForms = (title: string): string[] => {
  const long = TITLE_ABBREVIATIONS.get(title);
  return long ? [title, long] : [title];
};

export const inQuote = (ctx: QuoteContext, at: number) => {
  const quoted = contextIndex(ctx).quoted;
  const q = quoted[firstIndex(quoted, (s) => s.end > at)];
  return q !== undefined && q.start <= at;
};

/** Where the last chunk titled with one of `titles` starts before `at`, or -1. */
function lastTitledBefore(ctx: QuoteContext, titles: string[], at: number): number {
  let best = -1;
  for (const title of titles) {
    const list = contextIndex(ctx).titled.get(title) ?? [];
    const c = list[firstIndex(list, (x) => x.start >= at) - 1];
    if (c) best = Math.max(best, c.start);
  }
  return best;
}

/** The chunks that start inside a sentence (chunks are in text order). */
function chunksIn(ctx: QuoteContext, sentence: Span): NameChunk[] {
  const from = firstIndex(ctx.chunks, (c) => c.start >= sentence.start);
  return ctx.chunks.slice(from, firstIndex(ctx.chunks, (c) => c.start >= sentence.end, from));
}
/** A quotation mark token; a lone apostrophe glued to the word before is a possessive ("Edmunds' director"). */
const isMarkToken = (ctx: QuoteContext, i: number) => {
  const w = lower(ctx, i);
  if (!MARK_TOKEN.test(w)) return false;
  return !(/^['’]$/.test(w) && /\p{L}/u.test(ctx.text[ctx.tokens[i]!.start - 1] ?? ''));
};
const chunkEndingAt = (ctx: QuoteContext, i: number) => contextIndex(ctx).endingAt.get(i);
const chunkStartingAt = (ctx: QuoteContext, i: number) => contextIndex(ctx).startingAt.get(i);

/**
 * A verb of saying outside quotes: "said", "told", "wrote". wink sometimes tags one as a noun
 * ("Howard claims that…", "what the manufacturers call…"): a speech word right after a name, a
 * person's name, a pronoun or a plural noun counts too, unless a preposition follows ("the
 * Wednesday call as having…"). `loose`
 * (right after a quote, where a speech word can only be the verb) takes any tag and the verbs
 * that attribute only there ("…,” he continued").
 */
/**
 * "A sign hung on the wall warning associates": an "-ing" word between a noun and its object is
 * the participle of a verb of saying even when tagged as a noun ("warning", "telling").
 * Fails on a compound noun before a relative clause ("the flood warning residents got" reads "warning residents").
 */
function participleOfSpeech(word: string): boolean {
  if (!word.endsWith('ing')) return false;
  const stem = word.slice(0, -3);
  return SPEECH_VERBS.has(stem) || SPEECH_VERBS.has(`${stem}e`);
}

export function isSpeechVerb(ctx: QuoteContext, i: number, loose = false): boolean {
  const t = ctx.tokens[i];
  if (!t || inQuote(ctx, t.start) || !/^\p{Ll}/u.test(ctx.text.slice(t.start, t.end))) return false;
  const lemma = t.lemma.toLowerCase();
  if (loose) return SPEECH_VERBS.has(lemma) || TRAILER_VERBS.has(lemma);
  const prev = ctx.tokens[i - 1];
  const next = ctx.tokens[i + 1];
  if (t.pos === 'NOUN' && prev?.pos === 'NOUN' && ['DET', 'PRON', 'NOUN', 'PROPN'].includes(next?.pos ?? '') && participleOfSpeech(lower(ctx, i))) return true;
  if (!SPEECH_VERBS.has(lemma)) return false;
  if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  // "The league's conduct policy states: “…”": a speech word in -s between a noun and a colon opening a quote is the verb, whatever its tag.
  if (t.pos === 'NOUN' && /s$/.test(lower(ctx, i)) && ['NOUN', 'PROPN'].includes(prev?.pos ?? '') && lower(ctx, i + 1) === ':' && isMarkToken(ctx, i + 2)) return true;
  // "a woman who claims she had a “…”": a speech word in -s right after a relative pronoun is its verb, whatever its tag.
  if (t.pos === 'NOUN' && /s$/.test(lower(ctx, i)) && ['who', 'which'].includes(lower(ctx, i - 1))) return true;
  const prevChunk = chunkEndingAt(ctx, i - 1);
  // "“…,” comments Johnston in a statement, “…”": right after a closing mark and before a name, a speech word is the verb.
  if (t.pos === 'NOUN' && isMarkToken(ctx, i - 1) && chunkStartingAt(ctx, i + 1)?.name) return true;
  if (t.pos !== 'NOUN' || !prev || next?.pos === 'ADP') return false;
  return PERSON_PRONOUNS.has(lower(ctx, i - 1)) || (prevChunk !== undefined && isPersonChunk(ctx.text, prevChunk, ctx.chunks)) || (prev.pos === 'NOUN' && /s$/.test(lower(ctx, i - 1)));
}

export function sentenceIndexAt(ctx: QuoteContext, at: number): number {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.sentences[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first token starting at or after `at`. */
export const tokenAt = (ctx: QuoteContext, at: number): number => firstTokenAt(ctx.tokens, at);


/**
 * The speaker phrase that ends just before token `end` (a speech verb): a name chunk, a pronoun, or
 * a role phrase ("a fire service spokesperson"), skipping adverbs and auxiliaries ("has repeatedly
 * said"). Before a comma it reads an apposition: the name inside it ("Ryanair CEO, Michael
 * O'Leary, said") or the name before it ("Patty Murray, who hails from …, said").
 * Fails on an apposition longer than MAX_APPOSITION tokens.
 */
export function subjectBefore(ctx: QuoteContext, end: number, floor: number): Found | null {
  let j = end - 1;
  for (;;) {
    while (j >= floor && (isFiller(ctx, j) || ctx.tokens[j]!.pos === 'ADV' || spacedNegation(ctx, j))) j -= spacedNegation(ctx, j) ? 3 : 1;
    const modifierStart = hyphenatedModifierBefore(ctx, j, floor);
    if (modifierStart === null) break;
    j = modifierStart - 1;
  }
  if (j < floor) return null;
  // "X, who starred in “Road,” said": the comma closing the aside stands inside the quote's closing mark.
  let closing = j;
  while (closing > floor && isMarkToken(ctx, closing)) closing--;
  if (closing < j && lower(ctx, closing) === ',') j = closing;
  // "Rep. Ana Ruiz (D-Calif.) said": a bracket between the name and its verb is passed over.
  if (lower(ctx, j) === ')') {
    let b = j - 1;
    while (b > floor && lower(ctx, b) !== '(' && b > j - MAX_APPOSITION) b--;
    if (lower(ctx, b) === '(') j = b - 1;
  }
  // "Charles Reilly, a management expert, who stated": the relative pronoun stands for the phrase before it.
  if (lower(ctx, j) === 'who' && lower(ctx, j - 1) === ',') j -= 1;
  // "A Brooklyn woman who claims she had a “…”": with no comma, "who" stands for the noun right before it.
  else if (lower(ctx, j) === 'who' && j - 1 >= floor && ['NOUN', 'PROPN'].includes(ctx.tokens[j - 1]!.pos)) return pastAdjuncts(ctx, phraseEndingAt(ctx, j - 1, floor), floor);
  if (lower(ctx, j) === ',') {
    const inner = phraseEndingAt(ctx, j - 1, floor);
    // "Ryanair CEO, Michael O'Leary, said": the apposition is the name itself (a comma right before it).
    if (inner?.kind === 'name' && isPersonChunk(ctx.text, inner.chunk, ctx.chunks) && lower(ctx, inner.chunk.first - 1) === ',') return inner;
    // The phrase before the apposition's first comma; a person's name there wins over a description met nearer
    // ("William Kovacs, the Chamber's vice president of environment, technology and regulatory affairs, said").
    let nearest: Found | null = null;
    for (let k = j - 1; k >= Math.max(floor, j - MAX_APPOSITION); k--) {
      if (lower(ctx, k) !== ',') continue;
      // "During the call, he asked about the Brotherhood, called Omar a “terrorist”": a subject and its verb between the commas make a clause, and the verbs share that subject.
      if (clauseStartsAt(ctx, k + 1)) return nearest ?? mainSubject(ctx, floor, end);
      // "Nick Rahall II (D-W.Va.), who…, called": the name stands before the bracket.
      let b = k - 1;
      if (lower(ctx, b) === ')') while (b > floor && lower(ctx, b) !== '(') b--;
      const before = phraseEndingAt(ctx, lower(ctx, b) === '(' ? b - 1 : b, floor);
      if (!before || before.kind === 'unresolved') continue;
      if (before.kind === 'pronoun' || (before.kind === 'name' && isPersonChunk(ctx.text, before.chunk, ctx.chunks))) return before;
      // "Gray's school principal, Matthew Willoughby of the Urban Assembly School, wrote": a description before an apposed person's name is that person.
      const apposed = chunkStartingAt(ctx, k + 1);
      if (before.kind === 'role' && apposed?.name && isPersonChunk(ctx.text, apposed, ctx.chunks) && (apposed.last === j - 1 || MODIFIER_PREPOSITIONS.has(lower(ctx, apposed.last + 1)))) return { kind: 'name', chunk: apposed };
      if (apposed?.last === j - 1 && isFirstNameApposed(ctx, apposed)) return { kind: 'name', chunk: apposed };
      nearest ??= before;
    }
    // "…, who sought to overturn the rule through legislation, called": a phrase after a preposition is no subject.
    if (!nearest && inner && inner.kind !== 'unresolved' && ctx.tokens[tokenAt(ctx, foundStart(inner)) - 1]?.pos === 'ADP') return null;
    return nearest ?? inner;
  }
  return pastAdjuncts(ctx, phraseEndingAt(ctx, j, floor), floor);
}

/**
 * "The company flat-out denied": a hyphenated word ending at token `j` right after a noun is an
 * adverb between the subject and its verb; its first token, or null. After a determiner it is the
 * subject itself ("The stand-in said").
 */
function hyphenatedModifierBefore(ctx: QuoteContext, j: number, floor: number): number | null {
  let k = j;
  while (k - 2 >= floor && lower(ctx, k - 1) === '-' && ctx.tokens[k - 1]!.start === ctx.tokens[k - 2]!.end && ctx.tokens[k]!.start === ctx.tokens[k - 1]!.end) k -= 2;
  if (k === j) return null;
  const pos = ctx.tokens[k - 1]?.pos;
  return k - 1 >= floor && (pos === 'NOUN' || pos === 'PROPN') ? k : null;
}

/** Whether a clause starts at token `i`: a pronoun or a name, then a verb ("he asked", "Petro said"). */
function clauseStartsAt(ctx: QuoteContext, i: number): boolean {
  const w = lower(ctx, i);
  const subjectEnd = PERSON_PRONOUNS.has(w) || GROUP_PRONOUNS.has(w) ? i : chunkStartingAt(ctx, i)?.last;
  if (subjectEnd === undefined) return false;
  const next = ctx.tokens[subjectEnd + 1];
  return next?.pos === 'VERB' || next?.pos === 'AUX';
}

/** Prepositions that open an adjunct of time or place between a subject and its verb ("The Indian Navy in November said"). */
const DAY_OR_MONTH = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
const ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'during', 'since', 'by', 'near', 'outside', 'inside', 'across', 'throughout']);

/**
 * A phrase after "in", "on", "by" is not the verb's subject but an adjunct: the subject is the
 * phrase before it ("Shondell McAllister on Tuesday recalled" → McAllister; "an official in
 * Washington said" → the official). With no phrase before it (a verb: "killed by a stray bullet
 * on an Albany street said"), no subject: null rather than the adjunct.
 */
function pastAdjuncts(ctx: QuoteContext, found: Found | null, floor: number): Found | null {
  // A name found through an apposition ("Red Sox, a source said") does not stand next to the verb: no adjunct to pass.
  if (found?.kind === 'name' && ctx.tokens[found.chunk.last + 1] && !isFiller(ctx, found.chunk.last + 1) && !isSpeechVerb(ctx, found.chunk.last + 1)) return found;
  for (let hops = 0; found && found.kind !== 'unresolved' && found.kind !== 'pronoun' && hops < 3; hops++) {
    let p = tokenAt(ctx, foundStart(found)) - 1;
    while (p > floor && ctx.tokens[p]!.pos === 'DET') p--;
    if (p < floor || ctx.tokens[p]?.pos !== 'ADP' || !ADJUNCT_PREPOSITIONS.has(lower(ctx, p))) return found;
    // "Project on Government Oversight", "Commission on Human Rights": between capitalised words the preposition is inside a name, unless a day or month follows it.
    const words = ctx.text.slice(foundStart(found), ctx.tokens[tokenAt(ctx, foundStart(found))]!.end);
    // A place after a name that ends before the preposition is where that one is ("Enderle Group in Silicon Valley"), not part of one name.
    const placeAfterName = found.kind === 'name' && found.chunk.type === 'location' && chunkEndingAt(ctx, p - 1) !== undefined;
    if (/^\p{Lu}/u.test(ctx.text.slice(ctx.tokens[p - 1]?.start ?? 0, ctx.tokens[p - 1]?.end ?? 0)) && !DAY_OR_MONTH.test(words) && !placeAfterName) return found;
    found = phraseEndingAt(ctx, p - 1, floor);
  }
  return found;
}

/**
 * "Petro will meet Trump … after the former warned": "the former" is the first of the people
 * named before it in its sentence (or the one before), "the latter" the last.
 * Fails when more than two people are named: "the former" still takes the first.
 */
function formerOrLatter(ctx: QuoteContext, j: number, which: 'former' | 'latter'): Found | null {
  const at = ctx.tokens[j]!.start;
  const si = sentenceIndexAt(ctx, at);
  for (let s = si; s >= Math.max(0, si - 1); s--) {
    const sentence = ctx.sentences[s]!;
    const people = chunksIn(ctx, sentence).filter((c) => c.start >= sentence.start && c.end <= Math.min(sentence.end, at) && !inQuote(ctx, c.start) && isPersonChunk(ctx.text, c, ctx.chunks));
    if (people.length >= 2) return { kind: 'name', chunk: which === 'former' ? people[0]! : people.at(-1)! };
  }
  return null;
}

/**
 * "They said in a statement", "it added": an organisation named as the subject of a recent
 * sentence ("The Treasury described the plan on Monday. It said that…"). Only names marked as
 * organisations (an organisation word, an acronym) qualify, and only as subjects (followed by a
 * verb); else unresolved.
 * Fails when "they" means people ("officers … they said") and an organisation was the last
 * subject: that organisation is given.
 */
function resolveOrganisation(ctx: QuoteContext, at: number): Found | null {
  const si = sentenceIndexAt(ctx, at);
  const it = lower(ctx, tokenAt(ctx, at)) === 'it';
  for (let s = si; s >= Math.max(0, si - MAX_LOOKBACK_SENTENCES); s--) {
    const sentence = ctx.sentences[s]!;
    const org = chunksIn(ctx, sentence).find((c) => {
      if (c.start < sentence.start || c.end > Math.min(sentence.end, at) || !c.name || (c.type !== 'organization' && c.type !== 'other') || inQuote(ctx, c.start)) return false;
      // An untyped name is a group only with a plural verb after it ("Big Machine have denied"): no one person "have".
      // "…,” said Mozilla.": the subject of an inverted verb of saying.
      const v = c.first - 1;
      const inverted = isSpeechVerb(ctx, v, true) && (lower(ctx, v - 1) === ',' || isMarkToken(ctx, v - 1));
      // "it" is never a person: an untyped name shaped like none, or one that just spoke ("said Mozilla. It is also…", "Waitrose said … It added"), may be what it stands for.
      if (c.type === 'other' && !PLURAL_VERBS.has(lower(ctx, c.last + 1)) && !(it && (inverted || !c.personLike || isSpeechVerb(ctx, c.last + 1)))) return false;
      if (inverted) return true;
      let k = c.last + 1;
      while (ctx.tokens[k]?.pos === 'ADV' || isFiller(ctx, k)) k++;
      return ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX';
    });
    if (org) return { kind: 'name', chunk: org };
    // "The union rejected the offer. “…,” it said": a body described, not named, as the subject before is what "it" stands for.
    const subject = mainSubject(ctx, tokenAt(ctx, sentence.start), tokenAt(ctx, Math.min(sentence.end, at)));
    if (subject?.kind === 'role' && subject.definite && (ORG_KIND_NOUNS.has(subject.head) || BODY_NOUNS.has(subject.head)) && /^the(?:\s+\p{Ll}[\p{L}-]*)+$/iu.test(ctx.text.slice(subject.span.start, subject.span.end)) && !inQuote(ctx, subject.span.start)) return subject;
  }
  return null;
}

/**
 * "the company said", "the airline added": the organisation a definite kind noun stands for,
 * when the last few sentences before it name exactly one organisation (or one as a subject);
 * else the article's main organisation (see mainOrganisation) when it is among those named or
 * none is; else none, and the description stays the speaker. A medium someone spoke to ("he told
 * The Associated Press") is no candidate.
 * Fails when the text means an organisation named further back than MAX_LOOKBACK_SENTENCES that
 * is not the one the article names most.
 */
function organisationForKind(ctx: QuoteContext, at: number): NameChunk | null {
  const named = recentNames(ctx, at, (c, sentence) => c.start >= sentence.start && isOrganisationMention(ctx, c));
  if (named.size === 1) return [...named.values()][0]!;
  const subject = resolveOrganisation(ctx, at);
  if (subject?.kind === 'name') return subject.chunk;
  const main = mainOrganisation(ctx, at);
  if (main && (named.size === 0 || [...named.values()].some((c) => sameOrganisation(ctx, c, main)))) return main;
  return named.size === 0 ? untypedBrand(ctx, at) : null;
}

/**
 * "Taylor Swift left Big Machine …. the company said": with no organisation named, a company noun
 * stands for the one untyped name of the last few sentences that no first name opens (a brand the
 * entity layer could not type); null when there are none or several.
 * Fails on a person whose first name no list has, named alone near "the company".
 */
function untypedBrand(ctx: QuoteContext, at: number): NameChunk | null {
  const found = recentNames(
    ctx,
    at,
    (c) => !!c.name && c.type === 'other' && c.titles.length === 0 && !inQuote(ctx, c.start) && genderOfFirstName(fullestName(ctx.text, c.name, ctx.chunks).split(/\s+/)[0]!) === null,
  );
  return found.size === 1 ? [...found.values()][0]! : null;
}

/**
 * The named chunks `accept` takes in the last few sentences before `at` (`MAX_LOOKBACK_SENTENCES`),
 * keyed by their fullest name in lower case, each key's nearest mention kept: how many different
 * names are in reach decides whether a description can stand for one of them.
 */
function recentNames(ctx: QuoteContext, at: number, accept: (c: NameChunk, sentence: Span) => boolean): Map<string, NameChunk> {
  const si = sentenceIndexAt(ctx, at);
  const named = new Map<string, NameChunk>();
  for (let s = si; s >= Math.max(0, si - MAX_LOOKBACK_SENTENCES); s--) {
    const sentence = ctx.sentences[s]!;
    for (const c of chunksIn(ctx, sentence)) {
      if (!c.name || c.end > Math.min(sentence.end, at) || !accept(c, sentence)) continue;
      const key = fullestName(ctx.text, c.name, ctx.chunks).toLowerCase();
      if (!named.has(key)) named.set(key, c);
    }
  }
  return named;
}

/**
 * The organisation named before `at` (outside quotes) whose name holds the word `head`: the only one
 * in the article so far, else the only one in the last few sentences; null when none or several.
 */
function bodyNamed(ctx: QuoteContext, at: number, head: string): NameChunk | null {
  const si = sentenceIndexAt(ctx, at);
  const near = ctx.sentences[Math.max(0, si - MAX_LOOKBACK_SENTENCES)]!.start;
  const all = new Map<string, NameChunk>();
  const recent = new Map<string, NameChunk>();
  for (const c of ctx.chunks) {
    if (c.start >= at) break;
    if (!c.name || c.personLike || inQuote(ctx, c.start)) continue;
    if (!foldName(ctx.text.slice(c.name.start, c.name.end)).split(/\s+/).includes(head)) continue;
    const key = fullestName(ctx.text, c.name, ctx.chunks).toLowerCase();
    all.set(key, c);
    if (c.start >= near) recent.set(key, c);
  }
  if (all.size === 1) return [...all.values()][0]!;
  return recent.size === 1 ? [...recent.values()][0]! : null;
}

/** An organisation's name outside quotes that is not the medium someone told something to. */
function isOrganisationMention(ctx: QuoteContext, c: NameChunk): boolean {
  if (!c.name || c.type !== 'organization' || inQuote(ctx, c.start)) return false;
  let k = c.first - 1;
  if (ctx.tokens[k]?.pos === 'DET') k--;
  return ctx.tokens[k]?.lemma.toLowerCase() !== 'tell';
}

const firstWordOf = (ctx: QuoteContext, c: NameChunk) => foldName(ctx.text.slice(c.name!.start, c.name!.end)).split(/\s+/)[0]!;
const sameOrganisation = (ctx: QuoteContext, a: NameChunk, b: NameChunk) => firstWordOf(ctx, a) === firstWordOf(ctx, b);

/**
 * The organisation an article is about up to `at`: the names sharing a first word ("Kraft",
 * "Kraft Foods") counted as one, and the group named strictly most often, at least twice, wins;
 * its most frequent spelling (the longest among equals) is returned.
 * Fails when two organisations share a first word ("New York Times", "New York Police"): they count as one.
 */
function mainOrganisation(ctx: QuoteContext, at: number): NameChunk | null {
  const groups = new Map<string, NameChunk[]>();
  for (const c of ctx.chunks) {
    if (c.start >= at) break;
    if (!isOrganisationMention(ctx, c)) continue;
    const key = firstWordOf(ctx, c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const ranked = [...groups.values()].sort((a, b) => b.length - a.length);
  const top = ranked[0];
  if (!top || top.length < 2 || ranked[1]?.length === top.length) return null;
  const spelling = (c: NameChunk) => ctx.text.slice(c.name!.start, c.name!.end);
  const count = (c: NameChunk) => top.filter((o) => spelling(o) === spelling(c)).length;
  return [...top].sort((a, b) => count(b) - count(a) || spelling(b).length - spelling(a).length)[0]!;
}

/** A person's name followed by a comma, searched back from `from`: the person a role phrase is apposed to. */
function apposedName(ctx: QuoteContext, from: number, floor: number): Found | null {
  for (let k = from; k >= Math.max(floor, from - MAX_APPOSITION); k--) {
    if (ctx.tokens[k]?.pos === 'VERB') return null;
    if (lower(ctx, k) !== ',') continue;
    const chunk = chunkEndingAt(ctx, k - 1);
    if (chunk?.name && isPersonChunk(ctx.text, chunk, ctx.chunks)) return { kind: 'name', chunk };
  }
  return null;
}

function phraseEndingAt(ctx: QuoteContext, j: number, floor: number): Found | null {
  const t = ctx.tokens[j];
  if (!t || j < floor || inQuote(ctx, t.start)) return null;
  const w = lower(ctx, j);
  if (PERSON_PRONOUNS.has(w)) return { kind: 'pronoun', span: { start: t.start, end: t.end } };
  if (GROUP_PRONOUNS.has(w)) return resolveOrganisation(ctx, t.start) ?? { kind: 'unresolved' };
  if ((w === 'former' || w === 'latter') && lower(ctx, j - 1) === 'the') return formerOrLatter(ctx, j, w) ?? { kind: 'unresolved' };
  // "Another reportedly said:", "others said": a determiner standing alone describes the speaker.
  if (STANDALONE_DETERMINERS.has(w) && t.pos !== 'NOUN') return { kind: 'role', span: { start: t.start, end: t.end }, head: w, definite: false };
  if (t.pos === 'PRON') return { kind: 'unresolved' };
  // "SI.com is reporting", tokenised "SI . com": a web address names the site that speaks (its stop may have been taken for a sentence end).
  if (WEB_DOMAINS.has(w) && lower(ctx, j - 1) === '.' && j >= 2 && /^\p{Lu}/u.test(ctx.text.slice(ctx.tokens[j - 2]!.start, ctx.tokens[j - 2]!.end))) {
    return { kind: 'role', span: { start: ctx.tokens[j - 2]!.start, end: t.end }, head: w, definite: false };
  }
  let found: Found | null = null;
  let startToken = j;
  const chunk = chunkEndingAt(ctx, j);
  if (chunk) {
    const source = sourceNear(ctx, Math.min(chunk.first, tokenAt(ctx, chunk.start)), floor, chunk.end);
    if (source) return source;
    // "the premier of the German state of North Rhine-Westphalia said": the name modifies the head before "of".
    // An untyped name shaped like a person's is no more than that after "of" ("CEO of Boeing Commercial Airplanes said").
    // "on" only after a common noun ("one user on Weibo"); between capitalised words it is inside a name ("Project on Government Oversight").
    // "a spokesperson for the Metropolitan Police said": a determiner may stand between the preposition and the name,
    // after a lowercase noun ("Undersecretary of the Air Force for Acquisition Ana Ruiz" is one title and name).
    const lowerBefore = (k: number) => /^\p{Ll}/u.test(ctx.text.slice(ctx.tokens[k]?.start ?? 0, ctx.tokens[k]?.end ?? 0));
    const p = lower(ctx, chunk.first - 1) === 'the' && lowerBefore(chunk.first - 3) ? chunk.first - 2 : chunk.first - 1;
    const preposition = lower(ctx, p);
    const modifier = MODIFIER_PREPOSITIONS.has(preposition) && (preposition !== 'on' || /^\p{Ll}/u.test(ctx.text.slice(ctx.tokens[p - 1]?.start ?? 0, ctx.tokens[p - 1]?.end ?? 0)));
    if (modifier && (chunk.type !== 'person' || !isPersonChunk(ctx.text, chunk, ctx.chunks))) {
      const head = phraseEndingAt(ctx, p - 1, floor);
      // "A statement from Waitrose said": a document from someone is their words.
      if (head?.kind === 'role' && DOCUMENT_NOUNS.has(head.head) && (preposition === 'from' || preposition === 'by') && chunk.name) return { kind: 'name', chunk };
      if (head && head.kind !== 'unresolved') return head;
    }
    // "Researchers at the software security firm Trend Micro said": people described by where they work, the firm's name after its kind.
    let q = chunk.first - 1;
    while (q > chunk.first - 5 && ['NOUN', 'ADJ'].includes(ctx.tokens[q]?.pos ?? '') && lowerBefore(q)) q--;
    if (q < chunk.first - 1 && ctx.tokens[q]?.pos === 'DET') q--;
    if (q < chunk.first - 2 && MODIFIER_PREPOSITIONS.has(lower(ctx, q)) && lower(ctx, q) !== 'on') {
      const head = phraseEndingAt(ctx, q - 1, floor);
      // Up to the firm's kind: with its name at the end the phrase would read as a title before a person's name.
      if (head?.kind === 'role' && isPersonNoun(head.head.replace(/([^s])s$/, '$1'))) return { ...head, span: { start: head.span.start, end: ctx.tokens[chunk.first - 1]!.end } };
    }
    // "Friends of Kathryn Jenkin have described", "the lawyer of John Wade said": the description is the speaker, not the person it names.
    if (lower(ctx, chunk.first - 1) === 'of') {
      const head = phraseEndingAt(ctx, chunk.first - 2, floor);
      if (head?.kind === 'role') return { ...head, span: { start: head.span.start, end: chunk.end } };
    }
    found = chunk.name ? { kind: 'name', chunk } : { kind: 'role', span: { start: chunk.start, end: chunk.end }, head: chunk.titles.at(-1) ?? '', definite: lower(ctx, chunk.first - 1) === 'the' };
    startToken = chunk.first;
  } else if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'ADJ' && afterDeterminer(ctx, j, floor))) {
    found = rolePhrase(ctx, j, floor);
    if (found?.kind === 'role') startToken = tokenAt(ctx, found.span.start);
    const source = found?.kind === 'role' ? sourceNear(ctx, startToken, floor, found.span.end) : null;
    if (source) return source;
    // "the Chamber's vice president of environment said": the role is the head before "of".
    if (found?.kind === 'role' && lower(ctx, startToken - 1) === 'of') {
      const head = phraseEndingAt(ctx, startToken - 2, floor);
      if (head?.kind === 'role') return { ...head, span: { start: head.span.start, end: found.span.end } };
    }
    // "a spokesman for the fire department said", "a nurse at the hospital told": a person noun before the preposition is the speaker.
    if (found?.kind === 'role' && MODIFIER_PREPOSITIONS.has(lower(ctx, startToken - 1)) && lower(ctx, startToken - 1) !== 'on') {
      const head = phraseEndingAt(ctx, startToken - 2, floor);
      if (head?.kind === 'role' && isPersonNoun(head.head)) return { ...head, span: { start: head.span.start, end: found.span.end } };
    }
  } else if (/^\p{Lu}\p{Ll}+$/u.test(ctx.text.slice(t.start, t.end)) && isKnownSurname(ctx.text, ctx.text.slice(t.start, t.end), ctx.chunks)) {
    // "…, '' Fanning said": the surname of a person named in full, whatever tag the tagger gave it ("Fanning" as a verb).
    return { kind: 'role', span: { start: t.start, end: t.end }, head: lower(ctx, j), definite: false };
  }
  if (!found) return null;
  // "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers union said": the person the role is apposed to.
  const isPerson = found.kind === 'name' && isPersonChunk(ctx.text, found.chunk, ctx.chunks);
  if (!isPerson && found.kind !== 'pronoun') return apposedName(ctx, startToken - 1, floor) ?? found;
  return found;
}

/**
 * "Hale's wife, Maria, said": a lone known first name apposed to a family noun is that relative's
 * name, though one word alone is not taken for a person elsewhere.
 */
function isFirstNameApposed(ctx: QuoteContext, chunk: NameChunk): boolean {
  if (!chunk.name || chunk.first !== chunk.last || lower(ctx, chunk.first - 1) !== ',' || !RELATION_NOUNS.has(lower(ctx, chunk.first - 2))) return false;
  const after = lower(ctx, chunk.last + 1);
  return (after === ',' || SENTENCE_END.has(after) || after === '') && genderOfFirstName(ctx.text.slice(chunk.name.start, chunk.name.end)) !== null;
}

const NEAR_WORDS = new Map([['close', 'to'], ['familiar', 'with'], ['near', 'to']]); // "a source close to", "a person familiar with"

/**
 * "a source close to Ana Ruiz said", "a person familiar with the talks said": the phrase whose
 * object starts at token `object` is a description of someone near it, and that description
 * (through `end`) is the speaker, never the person or thing it is near. Null when the object does
 * not follow such words after a description.
 */
function sourceNear(ctx: QuoteContext, object: number, floor: number, end: number): Found | null {
  let p = object - 1;
  if (lower(ctx, p) === 'the') p--;
  if (NEAR_WORDS.get(lower(ctx, p - 1)) !== lower(ctx, p) || p - 2 < floor) return null;
  const head = phraseEndingAt(ctx, p - 2, floor);
  // "Ruiz, close to tears, said": only a description is near someone.
  return head?.kind === 'role' ? { ...head, span: { start: head.span.start, end } } : null;
}

/** A hyphen token touching the words on both sides ("year - old" written "year-old"). */
const gluedHyphen = (ctx: QuoteContext, k: number) => lower(ctx, k) === '-' && ctx.tokens[k - 1]?.end === ctx.tokens[k]!.start && ctx.tokens[k + 1]?.start === ctx.tokens[k]!.end;

/**
 * "the US military said", "a local told": an adjective ending a noun phrase that opens with a
 * determiner is used as its noun (the tagger reads "military", "local" as adjectives).
 */
function afterDeterminer(ctx: QuoteContext, j: number, floor: number): boolean {
  let k = j - 1;
  while (k >= floor && (['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(ctx.tokens[k]!.pos) || gluedHyphen(ctx, k))) k--;
  return k >= floor && (ctx.tokens[k]!.pos === 'DET' || POSSESSIVES.has(lower(ctx, k)));
}

/** "a Colombian official", "the post", "Trump's post": a noun phrase read leftwards from its head. */
function rolePhrase(ctx: QuoteContext, head: number, floor: number): Found | null {
  // "the 56-year-old", split by the tokeniser into "56 - year - old": the hyphenated word is the head.
  let headFirst = head;
  while (headFirst - 2 >= floor && gluedHyphen(ctx, headFirst - 1)) headFirst -= 2;
  const headWord = ctx.text.slice(ctx.tokens[headFirst]!.start, ctx.tokens[head]!.end).toLowerCase();
  let k = headFirst - 1;
  while (k >= floor && (['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(ctx.tokens[k]!.pos) || isInitialStop(ctx, k)) && lower(ctx, k) !== ',') k--;
  // "Trump's post reads": the owner of a document wrote it.
  if (DOCUMENT_NOUNS.has(headWord) && k >= floor && /^['’]s$/.test(lower(ctx, k))) {
    const owner = phraseEndingAt(ctx, k - 1, floor);
    if (owner) return owner;
  }
  const det = k >= floor && (ctx.tokens[k]!.pos === 'DET' || POSSESSIVES.has(lower(ctx, k))) ? k : k + 1;
  // "a Defence Ministry statement", "a White House statement": the organisation named in it wrote it.
  if (DOCUMENT_NOUNS.has(headWord)) {
    const org = chunkEndingAt(ctx, head - 1);
    // An untyped name too ("a Waitrose statement"), not a place's ("a Greek statement" is no one's).
    if (org?.name && (org.type === 'organization' || (org.type === 'other' && !org.personLike))) return { kind: 'name', chunk: org };
  }
  // Next to a verb of saying, any noun phrase is a speaker ("a Delhi auto parts supplier said"); only time words are not.
  if (NOT_SPEAKERS.has(headWord) || NOT_SPEAKERS.has(ctx.tokens[head]!.lemma.toLowerCase())) return null;
  return { kind: 'role', span: { start: ctx.tokens[det]!.start, end: ctx.tokens[head]!.end }, head: headWord, definite: lower(ctx, det) === 'the' };
}

/**
 * The speaker phrase that starts just after token `start` (a speech verb or "according to"):
 * "said Fire Chief Oskar Brandt", "says ANA senior vice president Mitsuo Morimoto", "said the
 * general secretary of the union, Tony Woodley", "said a university professor", "reads the post".
 * A person's name anywhere in the phrase wins over the description around it, unless it owns
 * that description ("said Smith's lawyer, Jones" gives Jones; "said Smith's lawyer" the lawyer).
 */
export function subjectAfter(ctx: QuoteContext, start: number, nominal = false): Found | null {
  let j = start + 1;
  if (lower(ctx, j) === 'by') j++;
  const t = ctx.tokens[j];
  // "said that Rudolph …": a clause follows, not the speaker.
  // "said before Kelly appeared": a clause opens after the verb, whose subject is no speaker.
  if (!t || inQuote(ctx, t.start) || lower(ctx, j) === 'that' || SUBORDINATORS.has(lower(ctx, j))) return null;
  // "said her nephew, Ravi Singh": a possessive before a noun opens the description, it is not the speaker.
  // Only with a name apposed to it: "said his client grew up …" opens the verb's object clause.
  const apposedAfter = () => {
    for (let k = j + 1; k < j + MAX_SPEAKER_AFTER && ['NOUN', 'ADJ', 'PROPN'].includes(ctx.tokens[k]?.pos ?? ''); k++) {
      const chunk = chunkStartingAt(ctx, k + 2);
      if (lower(ctx, k + 1) === ',' && chunk?.name && isPersonChunk(ctx.text, chunk, ctx.chunks)) return true;
    }
    return false;
  };
  const possessivePronoun = POSSESSIVES.has(lower(ctx, j)) && ['NOUN', 'ADJ'].includes(ctx.tokens[j + 1]?.pos ?? '') && apposedAfter();
  if (PERSON_PRONOUNS.has(lower(ctx, j)) && !possessivePronoun) return { kind: 'pronoun', span: { start: t.start, end: t.end } };
  if (t.pos === 'PRON' && !possessivePronoun) return { kind: 'unresolved' };
  const first = chunkStartingAt(ctx, j);
  // "explained Barclays Capital economists", "said T Rowe Price Head trader, Andy Brooks": the name qualifies the speakers.
  // "said Trend Micro advanced threat researcher Paul Ferguson": lowercase adjectives may stand before the noun.
  const lowercase = (k: number) => /^\p{Ll}/u.test(ctx.text.slice(ctx.tokens[k]?.start ?? 0, ctx.tokens[k]?.end ?? 0));
  const modifiesNoun = (chunk: NameChunk) => {
    let k = chunk.last + 1;
    while (TITLE_WORDS.has(lower(ctx, k)) || (lowercase(k) && (ctx.tokens[k]?.pos === 'ADJ' || (/ed$/.test(lower(ctx, k)) && ctx.tokens[k + 1]?.pos === 'NOUN')))) k++;
    return ctx.tokens[k]?.pos === 'NOUN' && /^\p{Ll}/u.test(ctx.text.slice(ctx.tokens[k]!.start, ctx.tokens[k]!.end));
  };
  // "said Biancardi's attorney, James Zeszutek": a possessive name owns the description that follows; the name apposed to it speaks.
  // Tokenised text spaces the apostrophe off on both sides ("Ms . Davis ’ s sister Crystal").
  const possessive = (chunk: NameChunk) => /^['’]s$/.test(lower(ctx, chunk.last + 1)) || (/^['’]$/.test(lower(ctx, chunk.last + 1)) && (ctx.tokens[chunk.last + 1]!.start === ctx.tokens[chunk.last]!.end || lower(ctx, chunk.last + 2) === 's'));
  const modifies = first !== undefined && (modifiesNoun(first) || possessive(first));
  if (first?.name && !modifies && isPersonChunk(ctx.text, first, ctx.chunks)) return { kind: 'name', chunk: first };
  let end = j;
  let roleHead = -1;
  let organisation: NameChunk | null = null;
  while (end < j + MAX_SPEAKER_AFTER && ctx.tokens[end]) {
    const word = lower(ctx, end);
    if ((SENTENCE_END.has(word) && !isInitialStop(ctx, end)) || word === ';' || isMarkToken(ctx, end) || inQuote(ctx, ctx.tokens[end]!.start)) break;
    if (CLAUSE_WORDS.has(word) && end > j) break;
    // A verb starts a new clause ("according to the White House, made a trip…"); after "according to" a word the tagger took for a verb inside the noun phrase is its noun ("a police report").
    const inNounPhrase = nominal && ['DET', 'ADJ', 'NOUN'].includes(ctx.tokens[end - 1]!.pos) && !/^[,.;:]$/.test(lower(ctx, end - 1));
    // "said ex-NYPD organized crime detective Joe Coffey": a participle before a noun modifies it, no clause starts there.
    const participleModifier = /ed$/.test(word) && ctx.tokens[end + 1]?.pos === 'NOUN';
    if (end > j && ctx.tokens[end]!.pos === 'VERB' && !chunkStartingAt(ctx, end) && !capitalisedToken(ctx, end) && !inNounPhrase && !participleModifier) break;
    // Past a comma only a name in apposition belongs to the phrase ("…of the union, Tony Woodley").
    if (word === ',' && !chunkStartingAt(ctx, end + 1)?.personLike) {
      if (roleHead < 0) roleHead = end - 1;
      break;
    }
    // "said a source close to Ana Ruiz": the description is the speaker, not the person it is near.
    if (end > j && NEAR_WORDS.get(word) === lower(ctx, end + 1)) {
      const head = phraseEndingAt(ctx, end - 1, j);
      let last = end + 1;
      while (ctx.tokens[last + 1] && !/^[,.;:!?]$/.test(lower(ctx, last + 1)) && !isMarkToken(ctx, last + 1) && !inQuote(ctx, ctx.tokens[last + 1]!.start)) last++;
      if (head?.kind === 'role') return { ...head, span: { start: head.span.start, end: ctx.tokens[last]!.end } };
    }
    const chunk = chunkStartingAt(ctx, end);
    if (chunk && isFirstNameApposed(ctx, chunk)) return { kind: 'name', chunk };
    if (chunk?.name && !modifiesNoun(chunk) && !possessive(chunk) && isPersonChunk(ctx.text, chunk, ctx.chunks)) return { kind: 'name', chunk };
    // "said Ms. Davis's sister Crystal": a name right after the noun a possessive name owns is that noun's person, typed or not.
    if (chunk?.name && chunk.personLike && organisation && possessive(organisation) && ctx.tokens[end - 1]?.pos === 'NOUN' && lowercase(end - 1) && !possessive(chunk)) return { kind: 'name', chunk };
    if (chunk?.name && !organisation) organisation = chunk;
    if (roleHead < 0 && end > j && (ctx.tokens[end]!.pos === 'ADP' || word === ',')) roleHead = end - 1;
    if (chunk && modifies && chunk === first) roleHead = -1;
    end = chunk ? chunk.last + 1 : end + 1;
  }
  // "said GM's sales vice president": a possessive name is not the speaker, the role after it is.
  if (first?.name && !modifies) return { kind: 'name', chunk: first };
  if (roleHead < 0) roleHead = end - 1;
  // "the officers involved in the shooting": a participle after a noun opens a reduced relative clause; the noun heads the phrase.
  if (roleHead > j && ['ADJ', 'VERB'].includes(ctx.tokens[roleHead]!.pos) && /ed$/.test(lower(ctx, roleHead)) && ctx.tokens[roleHead - 1]!.pos === 'NOUN') roleHead--;
  // "according to police", "according to reports": what follows "according to" is a noun phrase, whatever tag its head got.
  if (ctx.tokens[roleHead]?.pos === 'NOUN' || (nominal && /^\p{Ll}+$/u.test(lower(ctx, roleHead)) && ctx.tokens[roleHead]?.pos === 'VERB')) return rolePhrase(ctx, roleHead, j);
  // "said General Manager A . J . Smith in a news release": a name the entity layer missed ends the phrase.
  if (roleHead >= j && !organisation) {
    const span = { start: ctx.tokens[j]!.start, end: ctx.tokens[roleHead]!.end };
    if (nameEndingRole(ctx, span)) return { kind: 'role', span, head: lower(ctx, roleHead), definite: false };
  }
  // "according to the White House": an organisation's name ends the phrase.
  return organisation && organisation.last === roleHead ? { kind: 'name', chunk: organisation } : null;
}

/**
 * The person a pronoun or description at `at` stands for: searching back sentence by sentence
 * (names inside quotes excluded), in each sentence the name next to a speech verb ("Hart said",
 * "said Mayor Hart"), else the
 * name followed by a verb or an apposition (the subject), else a name opening the sentence; a
 * sentence with names only as objects is passed over. A pronoun found that way is
 * resolved in turn. With `role` ("president"), only people given that title qualify.
 * Fails when the subject of the previous sentence is not the one meant: "Trump said Petro called.
 * He…" gives Trump for a "he" that may mean Petro.
 */
/** Title and role words that say a person's gender ("Mrs", "spokeswoman", "king"). */
const FEMALE_TITLES = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'madam', 'dame', 'lady', 'queen', 'princess', 'duchess', 'spokeswoman', 'chairwoman', 'businesswoman', 'congresswoman', 'councilwoman', 'actress', 'sister', 'mother', 'wife', 'daughter', 'grandmother']);
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'duke', 'spokesman', 'chairman', 'businessman', 'congressman', 'councilman', 'actor', 'brother', 'father', 'husband', 'son', 'grandfather']);

/** The gender a pronoun stands for. */
const pronounGender = (word: string): 'female' | 'male' | null => (word === 'she' || word === 'her' ? 'female' : word === 'he' || word === 'him' ? 'male' : null);
/** "quoted him as saying": object pronouns that stand for the one quoted. */
const OBJECT_PRONOUNS = new Set(['him', 'her']);

/**
 * The gender a person's chunk shows: a gendered title ("Mrs", "spokeswoman"), else the first
 * name of the fullest form of the name in the article, from the package first-name lists;
 * null when neither tells (a name given to both, or unknown).
 */
export function chunkGender(ctx: QuoteContext, chunk: NameChunk): 'female' | 'male' | null {
  if (chunk.titles.some((t) => FEMALE_TITLES.has(t))) return 'female';
  if (chunk.titles.some((t) => MALE_TITLES.has(t))) return 'male';
  if (!chunk.name) return null;
  const first = fullestName(ctx.text, chunk.name, ctx.chunks).split(/\s+/)[0] ?? '';
  return genderOfFirstName(first);
}

const MAX_DESCRIPTION_WORDS = 5; // "a senior police spokeswoman": words read after the article of an apposition or predicate

/**
 * The lowercased words of the description given to a person right beside their name: an
 * apposition after it ("Ana Ruiz, a police spokeswoman,"), a predicate ("Ana Ruiz is the police
 * spokeswoman") or a description the name is apposed to ("The band's singer and guitarist, Ana
 * Ruiz,", "A spokeswoman for the council, Ana Ruiz,"), so that "the spokeswoman" can point back to her.
 */
function describedAs(ctx: QuoteContext, chunk: NameChunk): string[] {
  return [...descriptionAfter(ctx, chunk), ...descriptionBefore(ctx, chunk)];
}

function descriptionAfter(ctx: QuoteContext, chunk: NameChunk): string[] {
  let k = chunk.last + 1;
  if (![',', 'is', 'was'].includes(lower(ctx, k))) return [];
  k++;
  if (ctx.tokens[k]?.pos !== 'DET') return [];
  const words: string[] = [];
  for (k++; words.length < MAX_DESCRIPTION_WORDS && ['NOUN', 'ADJ', 'PROPN'].includes(ctx.tokens[k]?.pos ?? ''); k++) words.push(lower(ctx, k));
  return words;
}

const MAX_DESCRIPTION_BEFORE = 8; // tokens of "the band's singer and guitarist" or "a spokeswoman for the city council" before ", Name"

/**
 * The words of a description standing right before ", Name": it opens the sentence or follows a
 * determiner or possessive, holds no verb or comma, and the name after it closes the apposition
 * (a comma or a verb follows), so the name is no list item ("the mayor, Ana Ruiz and Jo Hale").
 */
function descriptionBefore(ctx: QuoteContext, chunk: NameChunk): string[] {
  if (lower(ctx, chunk.first - 1) !== ',' || !(lower(ctx, chunk.last + 1) === ',' || ctx.tokens[chunk.last + 1]?.pos === 'VERB' || ctx.tokens[chunk.last + 1]?.pos === 'AUX')) return [];
  const sentenceStart = tokenAt(ctx, ctx.sentences[sentenceIndexAt(ctx, ctx.tokens[chunk.first]!.start)]?.start ?? 0);
  const words: string[] = [];
  for (let k = chunk.first - 2; k >= Math.max(sentenceStart, chunk.first - 1 - MAX_DESCRIPTION_BEFORE); k--) {
    const t = ctx.tokens[k]!;
    const w = lower(ctx, k);
    // "a spokeswoman for the council": a determiner after a preposition is inside the description.
    if (t.pos === 'DET' && ctx.tokens[k - 1]?.pos === 'ADP' && k > sentenceStart) continue;
    if (t.pos === 'DET' || POSSESSIVES.has(w) || k === sentenceStart) {
      // The determiner or the sentence's first word opens the description.
      if (t.pos !== 'DET' && !POSSESSIVES.has(w)) words.push(w);
      return words;
    }
    if (!['NOUN', 'ADJ', 'PROPN', 'ADP', 'CCONJ'].includes(t.pos) && !/^['’]s$/.test(w)) return [];
    words.push(w);
  }
  return [];
}

/**
 * The first sentence of a look-back over `count` sentences before sentence `si`, where the sentences
 * of a quote (each wholly inside quotation marks, or a lone closing mark) are not counted: a speaker's
 * three quoted sentences put no distance between "Ana Ruiz told…" and "the actress said" after them.
 */
function lookbackFloor(ctx: QuoteContext, si: number, count: number): number {
  let s = si;
  for (let n = 0; s > 0 && n < count; ) {
    s--;
    if (!quotedOnly(ctx, ctx.sentences[s]!)) n++;
  }
  return s;
}

/** Whether a sentence has no word outside quotation marks. */
function quotedOnly(ctx: QuoteContext, sentence: Span): boolean {
  for (let i = tokenAt(ctx, sentence.start); i < ctx.tokens.length && ctx.tokens[i]!.start < sentence.end; i++) {
    const t = ctx.tokens[i]!;
    if (/[\p{L}\p{N}]/u.test(ctx.text.slice(t.start, t.end)) && !inQuote(ctx, t.start)) return false;
  }
  return true;
}

export function resolvePerson(ctx: QuoteContext, at: number, role: string[] | null = null, depth = 0): NameChunk | null {
  // Each step moves at least one sentence back, so a chain of "He … He …" ends; the cap only bounds the work.
  if (depth > MAX_PRONOUN_CHAIN) return null;
  const si = sentenceIndexAt(ctx, at);
  // The pronoun being resolved ("he", "she") says which gender its person has.
  const gender = role ? null : pronounGender(lower(ctx, tokenAt(ctx, at)));
  // A description ("the Colombian leader") may point back to a name given at the top of the article.
  let floor = role ? 0 : lookbackFloor(ctx, si, MAX_LOOKBACK_SENTENCES);
  // Whether every sentence read so far named no one the pronoun could stand for: then the search may go on past the usual window.
  let noneNamed = true;
  for (let s = si; s >= floor; s--) {
    const sentence = ctx.sentences[s];
    if (!sentence) continue;
    const limit = Math.min(sentence.end, at);
    const firstToken = Math.max(tokenAt(ctx, sentence.start), tokenAt(ctx, limit) - MAX_SENTENCE_TOKENS);
    const read = { start: Math.max(sentence.start, ctx.tokens[firstToken]?.start ?? sentence.start), end: sentence.end };
    const candidates: Array<{ chunk: NameChunk | null; pronoun: Span | null; tokenEnd: number }> = [];
    for (const chunk of chunksIn(ctx, read)) {
      if (chunk.start < sentence.start || chunk.end > limit || inQuote(ctx, chunk.start)) continue;
      if (!isPersonChunk(ctx.text, chunk, ctx.chunks)) continue;
      if (role && !chunk.titles.flatMap(titleForms).some((t) => role.includes(t)) && !(s > si - MAX_LOOKBACK_SENTENCES && describedAs(ctx, chunk).includes(role[0]!))) continue;
      candidates.push({ chunk, pronoun: null, tokenEnd: chunk.last });
    }
    if (!role) {
      for (let i = firstToken; i < ctx.tokens.length && ctx.tokens[i]!.start < limit; i++) {
        const t = ctx.tokens[i]!;
        if (PERSON_PRONOUNS.has(lower(ctx, i)) && !inQuote(ctx, t.start) && t.start !== at && (!gender || pronounGender(lower(ctx, i)) === gender)) candidates.push({ chunk: null, pronoun: t, tokenEnd: i });
      }
    }
    // "she" is not the man named beside her: a name or title of the other gender is passed over, and
    // a sentence naming only people of the other gender does not tell who "she" is: look further back.
    // Unisex first names ("Taylor", "Jordan") have no gender (see genderOfFirstName), so they stay.
    let byGender: (typeof candidates)[number] | undefined;
    if (gender) {
      const fits = candidates.filter((c) => !c.chunk || (chunkGender(ctx, c.chunk) ?? gender) === gender);
      // The one person of the pronoun's gender beside someone of the other: "Mary Holt met John Wade. … he …".
      const sure = fits.filter((c) => c.chunk && chunkGender(ctx, c.chunk) === gender);
      if (fits.length < candidates.length && sure.length === 1) byGender = sure[0];
      candidates.length = 0;
      for (const c of fits) candidates.push(c);
    }
    // Then "he"/"she" stand for people: a name the entity layer typed as a person outranks an untyped one beside it ("…released through Big Machine, which…").
    // An untyped name whose fullest form has a first name of the pronoun's gender is a person too ("Steenburgen" after "Mary Steenburgen").
    if (gender && candidates.some((c) => c.chunk?.type === 'person')) {
      const people = candidates.filter((c) => !c.chunk || c.chunk.type === 'person' || chunkGender(ctx, c.chunk) === gender);
      candidates.length = 0;
      for (const c of people) candidates.push(c);
    }
    if (candidates.length === 0) {
      // With a role only chunks carrying one of its titles qualify: go straight to the sentence of the last one before this.
      // Near the mention a description may give the role too ("Ana Ruiz, a police spokeswoman,"), so the jump waits until past them.
      if (role && s <= si - MAX_LOOKBACK_SENTENCES) s = Math.min(s, sentenceIndexAt(ctx, lastTitledBefore(ctx, role, sentence.start)) + 1);
      // "Ana Ruiz took over in 2015. Sales doubled. … “…,” she said.": with no one else named in between, "he"/"she" reaches further back (a document or a description does not).
      if (gender && noneNamed && s === floor && floor > Math.max(0, si - MAX_EXTENDED_LOOKBACK)) floor--;
      continue;
    }
    noneNamed = false;
    candidates.sort((a, b) => a.tokenEnd - b.tokenEnd);
    const followedBy = (c: (typeof candidates)[number], test: (i: number) => boolean) => {
      let k = c.tokenEnd + 1;
      // "filmmaker Charlie McDowell (“The Discovery”), also remembers": a bracketed aside after the name is passed over.
      if (lower(ctx, k) === '(') {
        const close = ctx.tokens.findIndex((t, n) => n > k && n <= k + MAX_APPOSITION && ctx.text.slice(t.start, t.end) === ')');
        if (close > k) k = close + 1;
      }
      while (isFiller(ctx, k) || ctx.tokens[k]?.pos === 'ADV') k++;
      return test(k);
    };
    // "…,” said Mayor Lena Hart": a name right after a verb of saying is that verb's subject too, when the verb
    // follows a quote or a comma (inverted); elsewhere, and always after "told", it is the one spoken to ("Chela Ortiz … told Orozco").
    const inverted = (v: number) => isSpeechVerb(ctx, v, true) && ctx.tokens[v]!.lemma.toLowerCase() !== 'tell' && (lower(ctx, v - 1) === ',' || isMarkToken(ctx, v - 1));
    // "…, said sheriff ’ s Sgt . Vanette Christiansen": a description between the inverted verb and the name; the verb's own subject reading says whether the name is it.
    const invertedPast = (chunk: NameChunk) => {
      for (let v = chunk.first - 2; v >= Math.max(firstToken, chunk.first - MAX_SPEAKER_AFTER); v--) {
        if (lower(ctx, v) === ',' || SENTENCE_END.has(lower(ctx, v))) return false;
        if (!inverted(v)) continue;
        const subject = subjectAfter(ctx, v);
        return subject?.kind === 'name' && subject.chunk === chunk;
      }
      return false;
    };
    // "said Trend Micro researcher Paul Ferguson": right after the verb, only the chunk the verb's subject reading gives (the person, not the firm before the title).
    const subjectOf = (v: number, chunk: NameChunk) => {
      const subject = subjectAfter(ctx, v);
      return subject?.kind !== 'name' || subject.chunk === chunk;
    };
    const afterSpeechVerb = (c: (typeof candidates)[number]) => c.chunk !== null && ((inverted(c.chunk.first - 1) && subjectOf(c.chunk.first - 1, c.chunk)) || (inverted(tokenAt(ctx, c.chunk.start) - 1) && subjectOf(tokenAt(ctx, c.chunk.start) - 1, c.chunk)) || invertedPast(c.chunk));
    const pick =
      candidates.find((c) => followedBy(c, (k) => isSpeechVerb(ctx, k)) || afterSpeechVerb(c)) ??
      // "Ana Ruiz was more upbeat": an auxiliary right after the name makes it the subject, whatever follows.
      candidates.find((c) => followedBy(c, (k) => ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX' || lower(ctx, k) === ',') || (c.chunk !== null && ctx.tokens[c.tokenEnd + 1]?.pos === 'AUX')) ??
      candidates.find((c) => c.chunk !== null && c.chunk.start === sentence.start) ??
      byGender ??
      (role ? candidates.at(-1) : undefined);
    // A sentence that names people only as objects ("…run on Intel processors") does not tell who "he" is: look further back.
    if (!pick) continue;
    if (pick.chunk) return pick.chunk;
    return resolvePerson(ctx, pick.pronoun!.start, null, depth + 1);
  }
  return null;
}

/** "he" or "she" as the subject of a quote's own attribution right after it ("…,” she said", "…,” said he"), or null. */
export function trailerPronoun(ctx: QuoteContext, close: number): Span | null {
  let i = tokenAt(ctx, close);
  while (ctx.tokens[i] && [',', '—', '–', '-'].includes(lower(ctx, i))) i++;
  const k = PERSON_PRONOUNS.has(lower(ctx, i)) && isSpeechVerb(ctx, i + 1, true) ? i : isSpeechVerb(ctx, i, true) && PERSON_PRONOUNS.has(lower(ctx, i + 1)) ? i + 1 : -1;
  return k < 0 ? null : { start: ctx.tokens[k]!.start, end: ctx.tokens[k]!.end };
}

/** Nouns ending so name people by what they do ("spokeswoman", "neighbor", "passenger", "activist", "physician"). */
const PERSON_NOUN_ENDING = /(?:man|woman|person|er|or|ist|ian)$/;

/**
 * Whether an attribution can be the person "he" or "she" stands for: a name not typed a place or
 * an organisation, or a description headed by a noun for a person ("a police spokeswoman", "the
 * victim's mother"); an event or a thing ("the shooting") cannot.
 * Fails on a person noun outside the title lists and endings ("the nanny"): taken for a thing.
 */
/** Whether a noun names a person by a title or role, or by what they do ("spokeswoman", "passer-by"). */
const isPersonNoun = (word: string) => word.split('-').some((w) => TITLE_HEADS.has(w) || TITLE_WORDS.has(w) || ROLE_TITLES.has(w) || FEMALE_TITLES.has(w) || MALE_TITLES.has(w) || PERSON_NOUN_ENDING.test(w));

export function isPersonAttribution(ctx: QuoteContext, a: Attribution): boolean {
  if (!a.speaker) return false;
  if (a.speakerName !== null) {
    const chunk = ctx.chunks.find((c) => c.name?.start === a.speaker!.start && c.name.end === a.speaker!.end);
    return chunk?.type !== 'organization' && chunk?.type !== 'location';
  }
  // The head is the last word; each part of a compound counts ("passer-by", tokenised "passer - by").
  const head = ctx.text.slice(a.speaker.start, a.speaker.end).toLowerCase().replace(/\s*-\s*/g, '-').split(/\s+/).at(-1)!;
  return isPersonNoun(head);
}

/**
 * "A police spokeswoman said … . She added: “…”": with no person named for "he"/"she" to stand
 * for, the pronoun stands for the last one-person description that said something in the few
 * sentences before it, of no other gender (a "spokeswoman" is no "he").
 * Fails when the description's words were reported by someone the text never names.
 */
function describedSpeaker(ctx: QuoteContext, at: number): Found | null {
  const gender = pronounGender(lower(ctx, tokenAt(ctx, at)));
  if (!gender) return null;
  const si = sentenceIndexAt(ctx, at);
  // As for a name, the pronoun reaches further back while no one is named on the way.
  for (let s = si; s >= Math.max(0, si - MAX_EXTENDED_LOOKBACK); s--) {
    const sentence = ctx.sentences[s]!;
    const first = tokenAt(ctx, sentence.start);
    if (s < si - MAX_LOOKBACK_SENTENCES && chunksIn(ctx, sentence).some((c) => !inQuote(ctx, c.start) && isPersonChunk(ctx.text, c, ctx.chunks))) return null;
    for (let v = tokenAt(ctx, Math.min(at, sentence.end)) - 1; v >= first; v--) {
      if (!isSpeechVerb(ctx, v) || lower(ctx, v).endsWith('ing')) continue;
      const found = invertedAfterComma(ctx, v) ? subjectAfter(ctx, v) : subjectBefore(ctx, v, first);
      if (found?.kind !== 'role' || /[^s]s$/.test(found.head) || !isPersonNoun(found.head)) continue;
      const other = gender === 'female' ? MALE_TITLES : FEMALE_TITLES;
      if (!other.has(found.head)) return found;
    }
  }
  return null;
}

/** Whether a named speaker's gender (title or first name) is the other one than "he"/"she" at `pronoun` says. */
export function contradictsPronoun(ctx: QuoteContext, a: Attribution, pronoun: Span): boolean {
  const gender = pronounGender(ctx.text.slice(pronoun.start, pronoun.end).toLowerCase());
  const chunk = a.speaker && a.speakerName !== null ? ctx.chunks.find((c) => c.name?.start === a.speaker!.start && c.name.end === a.speaker!.end) : undefined;
  const named = chunk ? chunkGender(ctx, chunk) : null;
  return gender !== null && named !== null && named !== gender;
}

/**
 * "“It was a mistake,” she said. Ana Ruiz, the police chief, spoke after the hearing.": a pronoun
 * with no one before it to stand for is the person whose name opens the next sentence, when the
 * name's gender does not contradict it.
 * Fails when the next sentence opens with someone else and the speaker is never named.
 */
function personOpeningNextSentence(ctx: QuoteContext, at: number): NameChunk | null {
  const next = ctx.sentences[sentenceIndexAt(ctx, at) + 1];
  if (!next) return null;
  const chunk = chunkStartingAt(ctx, tokenAt(ctx, next.start));
  if (!chunk?.name || inQuote(ctx, chunk.start) || !isPersonChunk(ctx.text, chunk, ctx.chunks)) return null;
  const gender = pronounGender(lower(ctx, tokenAt(ctx, at)));
  const named = chunkGender(ctx, chunk);
  return gender && named && gender !== named ? null : chunk;
}

/**
 * The words of a description that a person's titles must share: its head and capitalised
 * modifiers ("the Colombian leader" → leader, colombian; matches "Colombian President Gustavo Petro").
 */
function roleWords(ctx: QuoteContext, found: { span: Span; head: string }): string[] {
  const all = ctx.text.slice(found.span.start, found.span.end).split(/\s+/);
  // "the premier of the German state": words after the head describe what it heads, not the person.
  const head = all.findIndex((w) => w.toLowerCase() === found.head);
  const words = head < 0 ? all : all.slice(0, head);
  return [found.head, ...words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w)).map((w) => w.toLowerCase())];
}

/** The last person's name outside quotes before `at`, within MAX_LOOKBACK_SENTENCES sentences; with `typed`, only names the entity layer typed as a person. */
function lastPersonNamed(ctx: QuoteContext, at: number, typed = false): NameChunk | null {
  const si = sentenceIndexAt(ctx, at);
  const from = ctx.sentences[lookbackFloor(ctx, si, MAX_LOOKBACK_SENTENCES)]?.start ?? 0;
  for (let i = firstIndex(ctx.chunks, (c) => c.start >= at) - 1; i >= 0 && ctx.chunks[i]!.start >= from; i--) {
    const c = ctx.chunks[i]!;
    if (c.name && !inQuote(ctx, c.start) && isPersonChunk(ctx.text, c, ctx.chunks) && (!typed || c.type === 'person')) return c;
  }
  return null;
}

/** "the Italian", "the Democrat": "the" and one singular demonym or party member (a plural, "the Italians", is a team or a people). */
function isNationality(ctx: QuoteContext, found: { span: Span; head: string }): boolean {
  const words = ctx.text.slice(found.span.start, found.span.end).split(/\s+/);
  if (words.length !== 2 || !/^\p{Lu}/u.test(words[1]!)) return false;
  if (PARTY_MEMBERS.has(words[1]!.toLowerCase())) return true;
  if (demonymOf(words[1]!) === undefined) return false;
  return !(words[1]!.endsWith('s') && demonymOf(words[1]!.slice(0, -1)) !== undefined);
}

/** Turns a speaker phrase into an attribution: pronouns, "the president" and "the post" resolved to a named person, "the company" to the organisation named before it, roles kept as phrases. */
export function resolveFound(ctx: QuoteContext, found: Found | null, rule: string, at: number): Attribution | null {
  if (!found || found.kind === 'unresolved') return null;
  // "the Democrat", "the Italian" written as a name: a description of someone named before.
  if (found.kind === 'name' && found.chunk.first === found.chunk.last && lower(ctx, found.chunk.first - 1) === 'the') {
    const span = { start: ctx.tokens[found.chunk.first - 1]!.start, end: found.chunk.end };
    const role = { kind: 'role' as const, span, head: lower(ctx, found.chunk.first), definite: true };
    if (isNationality(ctx, role)) return resolveFound(ctx, role, rule, at);
  }
  if (found.kind === 'name') {
    return { speaker: found.chunk.name, speakerName: fullestName(ctx.text, found.chunk.name!, ctx.chunks), cue: null, rule };
  }
  if (found.kind === 'pronoun') {
    const person = resolvePerson(ctx, found.span.start) ?? personOpeningNextSentence(ctx, found.span.start);
    if (person) return { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule };
    const described = describedSpeaker(ctx, found.span.start);
    const resolved = described && resolveFound(ctx, described, rule, at);
    return resolved ? { ...resolved, cue: found.span } : null;
  }
  if (DOCUMENT_NOUNS.has(found.head)) {
    // "Kraft's statement said", "The D.A.'s release says": the owner before "'s" issued it; a name speaks, else the document does.
    const head = tokenAt(ctx, found.span.end) - 1;
    if (/^['’]s$/.test(lower(ctx, head - 1))) {
      const owner = chunkEndingAt(ctx, head - 2);
      if (owner?.name) return { speaker: owner.name, speakerName: fullestName(ctx.text, owner.name, ctx.chunks), cue: found.span, rule };
      return { speaker: found.span, speakerName: null, cue: null, rule };
    }
    // Only "the statement" points back to one brought in before; "a statement" is new where it stands.
    const author = found.definite ? documentAuthor(ctx, found.span.start, found.head, rule) : undefined;
    if (author) return { ...author, cue: found.span };
    // The document was brought in, but by no one we can name: it stays the speaker, rather than a person guessed near it.
    if (author === null) return { speaker: found.span, speakerName: null, cue: null, rule };
    const person = resolvePerson(ctx, at);
    if (person) return { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule };
    // "The statement said only that …" long after the statement was brought in: the document speaks, as a description.
    return found.definite ? { speaker: found.span, speakerName: null, cue: null, rule } : null;
  }
  // "the 56-year-old said", "the Italian said": an age or a nationality stands for the person last named.
  // Only when the last subject is also the last person named: "X was sacked … Y's agents … the 56-year-old" may mean either.
  // So does an epithet ("the star said", "the actress told"), lowercase words only, of no other gender than the person's.
  // A capitalised word before the epithet names the work the person is known by ("the Twilight star"), unless it is a person's name.
  const personInside = ctx.chunks.some((c) => c.start < found.span.end && c.end > found.span.start && c.type === 'person');
  const epithet = found.definite && EPITHET_ROLES.has(found.head) && /^the(?:\s+[\p{L}-]+)+$/u.test(ctx.text.slice(found.span.start, found.span.end)) && !personInside;
  if (found.definite && (/^\d+-year-old$/.test(found.head) || isNationality(ctx, found) || epithet)) {
    const person = resolvePerson(ctx, found.span.start);
    // An epithet is said of a known person: untyped names in between ("a fashion line called Mantra") are no rival.
    const last = lastPersonNamed(ctx, found.span.start, epithet);
    const gender = person && chunkGender(ctx, person);
    const otherGender = epithet && gender && (FEMALE_TITLES.has(found.head) ? gender === 'male' : MALE_TITLES.has(found.head) && gender === 'female');
    if (person && last && !otherGender && fullestName(ctx.text, person.name!, ctx.chunks) === fullestName(ctx.text, last.name!, ctx.chunks)) return { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule };
  }
  // "the company", "the production company": lowercase words only, a capitalised one may name another organisation ("the Chinese company").
  if (found.definite && ORG_KIND_NOUNS.has(found.head) && /^the(?:\s+\p{Ll}[\p{L}-]*)+$/iu.test(ctx.text.slice(found.span.start, found.span.end)) && !/\s\p{Lu}/u.test(ctx.text.slice(found.span.start, found.span.end))) {
    const org = organisationForKind(ctx, found.span.start);
    if (org) return { speaker: org.name, speakerName: fullestName(ctx.text, org.name!, ctx.chunks), cue: found.span, rule };
  }
  // "the bureau said" after "the Federal Bureau of Investigation": the one body named before with that word in its name.
  if (found.definite && BODY_NOUNS.has(found.head) && /^the\s+\p{Ll}+$/u.test(ctx.text.slice(found.span.start, found.span.end))) {
    const body = bodyNamed(ctx, found.span.start, found.head);
    if (body) return { speaker: body.name, speakerName: fullestName(ctx.text, body.name!, ctx.chunks), cue: found.span, rule };
  }
  // "the commissioner says" after "Police commissioner Charles Ramsey": any title, once given to a named person, points back to them.
  // A role outside the common ones must be the person's own title word ("the premier of the German state" is not "German economy minister").
  if (found.definite) {
    const person = resolvePerson(ctx, found.span.start, ANAPHORIC_ROLES.has(found.head) ? roleWords(ctx, found) : [found.head]);
    if (person) return { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule };
  }
  const named = nameEndingRole(ctx, found.span);
  if (named) return { speaker: named, speakerName: fullestName(ctx.text, named, ctx.chunks), cue: null, rule };
  // A lone capitalised word the entity layer left untyped ("Obama explained") is still a name, not a description;
  // one the article also writes in lower case ("Police said" beside "police said") is a common noun.
  const words = ctx.text.slice(found.span.start, found.span.end);
  if (WEB_DOMAINS.has(found.head) && /^\p{Lu}/u.test(words)) return { speaker: found.span, speakerName: words, cue: null, rule };
  if (/^\p{Lu}[\p{L}'’-]+$/u.test(words) && !isCommonNoun(ctx.text, words) && !STANDALONE_DETERMINERS.has(words.toLowerCase())) return { speaker: found.span, speakerName: fullestName(ctx.text, found.span, ctx.chunks), cue: null, rule };
  return { speaker: found.span, speakerName: null, cue: null, rule };
}

/**
 * "team president Billy King", "General Manager A . J . Smith", "U . S . District Judge Jack B .
 * Weinstein": a description ending in two capitalised words or more (initials with their stops
 * included) after its last title word ends in the person's name, which the entity layer missed.
 * Null when fewer than two such words end it.
 */
function nameEndingRole(ctx: QuoteContext, span: Span): Span | null {
  const first = tokenAt(ctx, span.start);
  let k = tokenAt(ctx, span.end) - 1;
  const word = (i: number) => ctx.text.slice(ctx.tokens[i]!.start, ctx.tokens[i]!.end);
  const capitalised = (i: number) => /^\p{Lu}[\p{L}'’-]*\.?$/u.test(word(i));
  let start = -1;
  let words = 0;
  while (k >= first) {
    // An initial with its stop split off ("J ." in tokenised text).
    if (word(k) === '.' && k - 1 >= first && /^\p{Lu}$/u.test(word(k - 1))) {
      k -= 2;
      words++;
      start = k + 1;
      continue;
    }
    if (!capitalised(k)) break;
    // A title word before more name words ends the name ("Judge" in "District Judge Jack B . Weinstein").
    if (TITLE_WORDS.has(word(k).toLowerCase()) && words > 0) break;
    start = k;
    words++;
    k--;
  }
  // "Mr . Magruder": after an abbreviated title's stop one capitalised word is a name.
  if (start < 0 || (words < 2 && !(words === 1 && start - 1 >= first && isInitialStop(ctx, start - 1)))) return null;
  // "Friends of Mara Keel": a name after a preposition is someone the description is about.
  // Titles before it count too ("a source close to Mayor Ana Ruiz").
  let before = start - 1;
  while (before > first && TITLE_WORDS.has(lower(ctx, before))) before--;
  if (MODIFIER_PREPOSITIONS.has(lower(ctx, before)) || lower(ctx, before) === 'to') return null;
  const s0 = ctx.tokens[start]!;
  // A name at the sentence start with nothing before it is the whole phrase, not a description's end.
  if (s0.start === span.start && !/^\p{Lu}/u.test(word(start))) return null;
  return { start: s0.start, end: ctx.tokens[tokenAt(ctx, span.end) - 1]!.end };
}

const MAX_DOCUMENT_CHAIN = 4; // "The statement … claimed. … the statement continued": mentions of one document followed back to its author

/**
 * "Kraft Foods issued a statement …. The statement expresses…": the author of a document is the
 * subject of the sentence that brought it in (the nearest earlier mention of the same noun);
 * when that mention is itself the subject ("The statement, obtained by Variety, claimed"), its
 * own earlier mention is followed back.
 * Undefined when no earlier mention is found; null when one is, with no subject we can read.
 * Fails when the document was brought in as an object of someone else's act ("X obtained a
 * statement"): X is given.
 */
function documentAuthor(ctx: QuoteContext, at: number, head: string, rule: string, depth = 0): Attribution | null | undefined {
  if (depth > MAX_DOCUMENT_CHAIN) return undefined;
  const si = sentenceIndexAt(ctx, at);
  for (let s = si; s >= Math.max(0, si - MAX_LOOKBACK_SENTENCES); s--) {
    const sentence = ctx.sentences[s]!;
    const first = tokenAt(ctx, sentence.start);
    for (let d = tokenAt(ctx, Math.min(at, sentence.end)) - 1; d >= first; d--) {
      if (lower(ctx, d) !== head || inQuote(ctx, ctx.tokens[d]!.start)) continue;
      // "according to a statement from the Indian government": the document's own "from"/"by" names its author.
      const from = ['from', 'by'].includes(lower(ctx, d + 1)) ? subjectAfter(ctx, d + 1, true) : null;
      if (from && from.kind !== 'unresolved') return resolveFound(ctx, from, rule, ctx.tokens[d]!.start);
      const speaker = saidInDocument(ctx, d, first);
      if (speaker) return resolveFound(ctx, speaker, rule, ctx.tokens[d]!.start);
      const subject = mainSubject(ctx, first, d);
      // "The allegations were denied in a statement": a passive subject is not the author.
      let passive = false;
      // Quoted words (“we were shocked,” the statement read) are the document's, not the narration's.
      for (let k = first; k < d - 1 && !passive; k++) passive = PASSIVE_AUX.has(lower(ctx, k)) && /ed$/.test(lower(ctx, k + 1)) && !inQuote(ctx, ctx.tokens[k]!.start);
      if (passive) return null;
      if (subject && subject.kind !== 'unresolved') return resolveFound(ctx, subject, rule, ctx.tokens[d]!.start);
      // Only "the statement" points further back; "a statement" with no subject has no author we can read.
      return ['the', 'this', 'that'].includes(lower(ctx, d - 1)) ? (documentAuthor(ctx, ctx.tokens[d]!.start, head, rule, depth + 1) ?? null) : null;
    }
  }
  return undefined;
}

const MAX_VERB_TO_DOCUMENT = 4; // tokens between a verb of saying and "in a statement" ("said late on Wednesday in a statement")

/**
 * "…, the military said in a statement": a document brought in by "in" after a verb of saying is
 * the words of that verb's subject, whatever the rest of the sentence does ("were killed").
 * Null when no verb of saying stands just before "in".
 */
function saidInDocument(ctx: QuoteContext, d: number, first: number): Found | null {
  let k = d - 1;
  if (ctx.tokens[k]?.pos === 'DET' || POSSESSIVES.has(lower(ctx, k))) k--;
  if (lower(ctx, k) !== 'in') return null;
  for (let v = k - 1; v >= Math.max(first, k - MAX_VERB_TO_DOCUMENT); v--) {
    if (lower(ctx, v) === ',' || inQuote(ctx, ctx.tokens[v]!.start)) return null;
    if (!isSpeechVerb(ctx, v) || lower(ctx, v).endsWith('ing')) continue;
    // "The allegations were denied in a statement": a passive verb's subject is not the author.
    if (PASSIVE_AUX.has(lower(ctx, v - 1))) return null;
    // "…, said the ministry in a statement": after a comma the subject follows the verb.
    const found = lower(ctx, v - 1) === ',' || isMarkToken(ctx, v - 1) ? subjectAfter(ctx, v) : subjectBefore(ctx, v, first);
    return found && found.kind !== 'unresolved' ? found : null;
  }
  return null;
}

/** Where a speaker phrase ends in the text. */
function foundEnd(ctx: QuoteContext, found: Found): number {
  if (found.kind === 'name') return ctx.tokens[found.chunk.last]!.end;
  if (found.kind === 'unresolved') return -1;
  return found.span.end;
}

/** Where a speaker phrase begins in the text. */
function foundStart(found: Found): number {
  if (found.kind === 'name') return found.chunk.start;
  if (found.kind === 'unresolved') return -1;
  return found.span.start;
}

/** Verbs of answering: their pronoun subject is the one a question was put to. */
const REPLY_VERBS = new Set(['respond', 'reply', 'answer']);

/**
 * "Lynch asked Coleman, “…?” / “Yes,” he responded.": the person asked in the sentence before the
 * quote closing at `close`, when that sentence asks someone named and the pronoun's gender does not
 * contradict them; null otherwise (the pronoun is resolved as usual).
 */
function personAsked(ctx: QuoteContext, close: number, pronoun: Span): NameChunk | null {
  const own = ctx.quoted.find((q) => q.end === close);
  if (!own) return null;
  // The sentence before, past a closing mark the splitter set apart ("correct ? / '' / `` Yes"); the nearest "asked" wins.
  const si = sentenceIndexAt(ctx, own.start);
  const sentence = ctx.sentences[Math.max(0, si - 2)];
  if (!sentence) return null;
  const gender = pronounGender(ctx.text.slice(pronoun.start, pronoun.end).toLowerCase());
  for (let k = tokenAt(ctx, own.start) - 1; k >= tokenAt(ctx, sentence.start); k--) {
    if (ctx.tokens[k]!.lemma.toLowerCase() !== 'ask' || !isSpeechVerb(ctx, k)) continue;
    const chunk = chunkStartingAt(ctx, k + 1);
    if (!chunk?.name || !isPersonChunk(ctx.text, chunk, ctx.chunks)) return null;
    const named = chunkGender(ctx, chunk);
    return gender !== null && named !== null && named !== gender ? null : chunk;
  }
  return null;
}

/**
 * The speaker named right after a quote: `,” said X`, `,” X said`, `,” according to X`,
 * `,” X wrote on X`, possibly on the next line when the text has one sentence per line. Between
 * the mark and the speaker only a description may stand (`,” analyst Himanshu Patel said`).
 * Fails on a new sentence that starts with a name and "said" after a quote ending in a full stop
 * ("…here.” Petro said the talks…"): taken only when "said" ends the sentence.
 */
export function trailerAttribution(ctx: QuoteContext, close: number): Attribution | null {
  let i = tokenAt(ctx, close);
  while (ctx.tokens[i] && [',', '—', '–', '-'].includes(lower(ctx, i))) i++;
  const t = ctx.tokens[i];
  // The attribution is in the same paragraph: a blank line, a full stop or a new quote after the mark ends it.
  if (!t || SENTENCE_END.has(lower(ctx, i)) || isMarkToken(ctx, i) || ctx.text.slice(close, t.start).includes('\n\n')) return null;
  // After "!" or "?" the attribution often follows with a name ("“Stop!” Dorn shouted"); after a full stop a name usually starts a new sentence.
  // "…, screaming, 'stop, stop.'”": a single mark closing a quote inside the quote stands between the stop and the closing mark.
  const endsSentence = /[.…]\s*(?:['’]\s*)?(?:”|»|''|")$/.test(ctx.text.slice(Math.max(0, close - 7), close));
  // "“Yes,” he responded" after "Lynch asked Coleman, “…?”": the one asked answers.
  if (PERSON_PRONOUNS.has(lower(ctx, i)) && REPLY_VERBS.has(ctx.tokens[i + 1]?.lemma.toLowerCase() ?? '')) {
    const asked = personAsked(ctx, close, { start: t.start, end: t.end });
    if (asked) return { speaker: asked.name, speakerName: fullestName(ctx.text, asked.name!, ctx.chunks), cue: { start: t.start, end: t.end }, rule: 'quotes/x-said' };
  }
  // "…difficulties.”\nAccording to SEACOM, the problems began…": past a full stop or a line break "according to" opens the next sentence.
  if (lower(ctx, i) === 'according' && lower(ctx, i + 1) === 'to' && !endsSentence && !ctx.text.slice(close, t.start).includes('\n')) return resolveFound(ctx, subjectAfter(ctx, i + 1, true), 'quotes/according-to', close);
  if (isSpeechVerb(ctx, i, true)) {
    // "…,” referring to the price: a participle after the quote belongs to the sentence's own subject.
    if (lower(ctx, i).endsWith('ing')) return null;
    const found = subjectAfter(ctx, i);
    // "“…” announced in October, said Derek Scissors": a participle with no speaker after it describes the quote; the attribution follows it.
    if (!found && ctx.tokens[i + 1]?.pos === 'ADP') {
      for (let k = i + 2; k < i + MAX_TRAILER_GAP && ctx.tokens[k] && !SENTENCE_END.has(lower(ctx, k)) && !isMarkToken(ctx, k); k++) {
        if (lower(ctx, k - 1) === ',' && isSpeechVerb(ctx, k, true)) return resolveFound(ctx, subjectAfter(ctx, k), 'quotes/said-x', close);
      }
    }
    // A speech word tagged as a noun ("…,” comments that had raised concerns") attributes only when a name or pronoun follows.
    if (!isSpeechVerb(ctx, i) && ctx.tokens[i]!.pos === 'NOUN' && found?.kind !== 'name' && found?.kind !== 'pronoun') return null;
    return resolveFound(ctx, found, 'quotes/said-x', close);
  }
  // Past a full stop or a line break the name and its long apposition open a new sentence, not this quote's attribution.
  const apposed = endsSentence || ctx.text.slice(close, t.start).includes('\n') ? null : apposedTrailer(ctx, i);
  if (apposed) return resolveFound(ctx, apposed, 'quotes/x-said', close);
  // "…second half . ”\nDrake coach Mark Phelps agreed .": one who agrees answers the speaker before; past the quote's own stop and paragraph that is a new speaker.
  const newParagraph = endsSentence && ctx.text.slice(close, t.start).includes('\n');
  for (let k = i + 1; k < i + MAX_TRAILER_GAP && ctx.tokens[k]; k++) {
    const w = lower(ctx, k);
    // "…,” Entertainment Weekly's “Hollywood Insider” is reporting": the outlet that owns the quoted column or show speaks.
    if (isMarkToken(ctx, k) && /^['’]s$/.test(lower(ctx, k - 1))) {
      const owner = quotedTitleOwner(ctx, k);
      return owner && !endsSentence ? resolveFound(ctx, owner, 'quotes/x-said', close) : null;
    }
    if ((SENTENCE_END.has(w) && !isInitialStop(ctx, k) && !isStopInWord(ctx, k) && !isAbbreviationStop(ctx, k)) || isMarkToken(ctx, k) || inQuote(ctx, ctx.tokens[k]!.start)) return null;
    // "…, the report said": a speech word after a determiner is a noun (the document), not the verb.
    if (ctx.tokens[k - 1]!.pos === 'DET' && isSpeechVerb(ctx, k, true)) continue;
    if (newParagraph && AGREEING_VERBS.has(ctx.tokens[k]!.lemma.toLowerCase())) return null;
    // "He asked not to be identified": a request for anonymity, not the quote's attribution.
    if (ctx.tokens[k]!.lemma.toLowerCase() === 'ask' && lower(ctx, k + 1) === 'not' && lower(ctx, k + 2) === 'to') return null;
    if (!isSpeechVerb(ctx, k, true)) {
      // Another verb first: the words after the quote are a new clause, not its attribution.
      // A capitalised "verb" mid-sentence is a name word the tagger misread ("quarterback Drew Brees said", "CEO Rob Friedman told").
      if (ctx.tokens[k]!.pos === 'VERB' && !capitalisedToken(ctx, k)) return null;
      continue;
    }
    // "Detik.com quoted Djamal as saying": the one quoted is the speaker.
    // "Detik.com quoted Jusman Djamal as saying": the one quoted speaks; "quoted him as saying": the pronoun stands for a person as "he" would.
    if (ctx.tokens[k]!.lemma === 'quote') {
      const object = ctx.tokens[k + 1];
      const pronoun = object !== undefined && OBJECT_PRONOUNS.has(lower(ctx, k + 1));
      if (pronoun && lower(ctx, k + 2) === 'as') return resolveFound(ctx, { kind: 'pronoun', span: { start: object.start, end: object.end } }, 'quotes/x-said', close);
      if (!pronoun && lower(ctx, (chunkStartingAt(ctx, k + 1)?.last ?? k + 1) + 1) === 'as') return resolveFound(ctx, subjectAfter(ctx, k), 'quotes/x-said', close);
      // "Gravano quoted Mr . Gotti as saying": an abbreviated title (its stop spaced off in tokenised text) before the one quoted.
      let o = k + 1;
      while (TITLE_WORDS.has(lower(ctx, o)) || TITLE_WORDS.has(`${lower(ctx, o)}.`)) o += lower(ctx, o + 1) === '.' ? 2 : 1;
      const titled = o > k + 1 ? chunkStartingAt(ctx, o) : undefined;
      if (titled?.name && lower(ctx, titled.last + 1) === 'as') return resolveFound(ctx, { kind: 'name', chunk: titled }, 'quotes/x-said', close);
    }
    // "…question?” Coleman also said that he lied": after a quote's own sentence end, a verb with a "that" clause opens a new sentence.
    if (/[.…?!]\s*(?:['’]\s*)?(?:”|»|''|")$/.test(ctx.text.slice(Math.max(0, close - 7), close)) && lower(ctx, k + 1) === 'that') return null;
    const found = subjectBefore(ctx, k, i);
    if (!found) return null;
    // "…,” it said" with no organisation to stand for: the quote is attributed, to no one we can name.
    // "…casually.” But her post was taken down": after a full stop the words only attribute when the verb ends their sentence.
    if (found.kind === 'unresolved') return endsSentence && !CLOSES_ATTRIBUTION.has(lower(ctx, k + 1)) ? null : { speaker: null, speakerName: null, cue: { start: ctx.tokens[i]!.start, end: ctx.tokens[k]!.end }, rule: 'quotes/x-said' };
    let startsAt = tokenAt(ctx, foundStart(found));
    // "“financial health,” as one neo-bank CEO told me": "as" opens the attribution.
    if (startsAt === i + 1 && lower(ctx, i) === 'as') i++;
    // `,” the head of the provincial disaster service, Massoud Dalman, told`: a name in apposition may follow a description with "of" and hyphens.
    const apposedName = found.kind === 'name' && lower(ctx, startsAt - 1) === ',';
    // `,” the company's chief executive, Ana Ruiz, said`: a possessive "'s" inside the description too.
    // `,” California Department of Alcohol and Drug Program deputy director Ana Ruiz told`: "of" and "and" between capitalised words are inside an organisation's name.
    const capitalisedAt = (m: number) => m >= i && /^\p{Lu}/u.test(ctx.text.slice(ctx.tokens[m]?.start ?? 0, ctx.tokens[m]?.end ?? 0));
    const insideName = (m: number) => NAME_JOINERS.has(lower(ctx, m)) && capitalisedAt(m - 1) && capitalisedAt(m + 1);
    const describes = (m: number) => ['DET', 'NOUN', 'ADJ', 'PROPN'].includes(ctx.tokens[m]!.pos) || capitalisedToken(ctx, m) || isInitialStop(ctx, m) || POSSESSIVES.has(lower(ctx, m)) || /^['’]s$/.test(lower(ctx, m)) || insideName(m) || (apposedName && (ctx.tokens[m]!.pos === 'ADP' || [',', '-', '–'].includes(lower(ctx, m))));
    for (let m = i; m < startsAt; m++) if (!describes(m)) return null;
    if (endsSentence && found.kind !== 'pronoun' && !CLOSES_ATTRIBUTION.has(lower(ctx, k + 1))) return null;
    return resolveFound(ctx, found, 'quotes/x-said', close);
  }
  return null;
}

const MAX_SHOW_WORDS = 4; // "“Hollywood Insider”", "“60 Minutes”": a column's or show's name after a possessive

/**
 * The name owning a short quoted title (its opening mark at token `mark`, after "'s") that a verb of
 * saying follows: "Entertainment Weekly's “Hollywood Insider” is reporting" gives Entertainment Weekly.
 */
function quotedTitleOwner(ctx: QuoteContext, mark: number): Found | null {
  const q = ctx.quoted.find((x) => x.start === ctx.tokens[mark]!.start);
  const owner = chunkEndingAt(ctx, mark - 2);
  if (!q || !owner?.name || (ctx.text.slice(q.start, q.end).match(/[\p{L}\p{N}]+/gu) ?? []).length > MAX_SHOW_WORDS) return null;
  let v = tokenAt(ctx, q.end);
  while (isFiller(ctx, v) || ctx.tokens[v]?.pos === 'AUX' || ctx.tokens[v]?.pos === 'ADV') v++;
  return isSpeechVerb(ctx, v, true) ? { kind: 'name', chunk: owner } : null;
}

/**
 * `,” study lead author Lucas Paganini, a planetary scientist at … in Washington, D.C., said`: a
 * person's name after the mark (a description before it at most), then an apposition of any
 * length with no verb, then a comma and the verb of saying.
 * Fails when the apposition holds a verb ("…, who led the study, said"): left to the nearer rules.
 */
function apposedTrailer(ctx: QuoteContext, i: number): Found | null {
  let n = i;
  // The description's words; a noun the tagger took for a verb ("study lead author") too, if it is not one of saying.
  const describes = (k: number) => ['DET', 'NOUN', 'ADJ', 'PROPN'].includes(ctx.tokens[k]!.pos) || (ctx.tokens[k]!.pos === 'VERB' && !isSpeechVerb(ctx, k, true));
  while (n < i + MAX_TRAILER_GAP / 2 && ctx.tokens[n] && !chunkStartingAt(ctx, n) && describes(n)) n++;
  const chunk = chunkStartingAt(ctx, n);
  if (!chunk?.name || !isPersonChunk(ctx.text, chunk, ctx.chunks) || lower(ctx, chunk.last + 1) !== ',') return null;
  // ", who leads the inquiry, told": a relative clause may hold verbs up to its closing comma.
  let relative = lower(ctx, chunk.last + 2) === 'who';
  for (let k = chunk.last + 2; k < chunk.last + 2 + MAX_SENTENCE_TOKENS && ctx.tokens[k]; k++) {
    const w = lower(ctx, k);
    if ((SENTENCE_END.has(w) && !isAbbreviationStop(ctx, k)) || isMarkToken(ctx, k) || inQuote(ctx, ctx.tokens[k]!.start)) return null;
    if (lower(ctx, k - 1) === ',' && isSpeechVerb(ctx, k, true)) return { kind: 'name', chunk };
    if (w === ',') relative = false;
    else if (!relative && (ctx.tokens[k]!.pos === 'VERB' || ctx.tokens[k]!.pos === 'AUX')) return null;
  }
  return null;
}

/**
 * The speaker of a verb of saying found before a quote in its sentence: "Elling said: “…”",
 * "stating: “…”", "described the fault as “…”", "according to X, …“…”", and the header of a
 * transcript or e-mail ("James Roche: “…”"). A participle takes the subject of the main clause
 * ("…, stating:", "released a statement saying"), except "quoted X as saying" (X); "described by
 * Trump as" takes the agent; a verb after "and" shares the subject of the first.
 * Fails when the nearest speech verb reports someone else's speech ("Trump said Petro “…”" gives Trump).
 */
export function introAttribution(ctx: QuoteContext, open: number): Attribution | null {
  const si = sentenceIndexAt(ctx, open);
  const sentence = ctx.sentences[si];
  if (!sentence) return null;
  const markToken = tokenAt(ctx, open);
  const first = Math.max(tokenAt(ctx, sentence.start), markToken - MAX_SENTENCE_TOKENS);
  const rule = 'quotes/intro-verb';
  // "Secretary of the Air Force James Roche: “Oy.”": a name and a colon introduce what follows.
  if (lower(ctx, markToken - 1) === ':') {
    // The colon may end the line before ("…such as Dr Azm Al Homoud:" then the quote as its own paragraph).
    const colonLine = markToken === first && si > 0 ? tokenAt(ctx, ctx.sentences[si - 1]!.start) : first;
    const header = phraseEndingAt(ctx, markToken - 2, colonLine);
    // "X told reporters at the Capitol:", "X posted on Instagram:": a name after a preposition heads nothing; the verb's subject speaks.
    if (header?.kind === 'name' && !isPrepositionObject(ctx, header.chunk.first, colonLine)) return resolveFound(ctx, header, 'quotes/colon-header', open);
    const owner = wordsOwner(ctx, markToken - 2, colonLine);
    if (owner) return resolveFound(ctx, owner, 'quotes/colon-header', open);
  }
  // "her daughter cried out “…”", "recalled screaming “…”": a verb of calling out right before the mark is the quote's own.
  let direct = markToken - 1;
  while (direct > first && [',', ':', 'out'].includes(lower(ctx, direct))) direct--;
  if (CALL_OUT_VERBS.has(ctx.tokens[direct]?.lemma.toLowerCase() ?? '') && !inQuote(ctx, ctx.tokens[direct]!.start)) {
    if (lower(ctx, direct).endsWith('ing')) return resolveFound(ctx, mainSubject(ctx, first, direct), rule, open);
    return resolveFound(ctx, subjectBefore(ctx, direct, first), rule, open);
  }
  for (let v = markToken - 1; v >= first; v--) {
    // "X told The Post — where Y said she was “…” — “…”": an aside between dashes is passed over; its verbs are not this quote's.
    if (ASIDE_DASHES.has(lower(ctx, v))) {
      let o = v - 1;
      while (o > first && lower(ctx, o) !== lower(ctx, v)) o--;
      if (o > first && lower(ctx, o) === lower(ctx, v)) v = o;
      continue;
    }
    if (lower(ctx, v) === 'according' && lower(ctx, v + 1) === 'to' && !inQuote(ctx, ctx.tokens[v]!.start)) return resolveFound(ctx, subjectAfter(ctx, v + 1, true), 'quotes/according-to', open);
    // "went on … to let fans know that “…”": letting someone know tells them; the one who lets speaks (the main subject for an infinitive).
    if (ctx.tokens[v]!.lemma.toLowerCase() === 'know' && lower(ctx, v - 2) === 'let' && !inQuote(ctx, ctx.tokens[v]!.start)) {
      return resolveFound(ctx, lower(ctx, v - 3) === 'to' ? mainSubject(ctx, first, v - 2) : subjectBefore(ctx, v - 2, first), rule, open);
    }
    if (!isSpeechVerb(ctx, v)) continue;
    if (lower(ctx, v + 1) === 'by') return resolveFound(ctx, subjectAfter(ctx, v), rule, open);
    if (lower(ctx, v - 1) === 'to') {
      // "producers had this to say about …, “…”": the one who has something to say speaks.
      let h = v - 2;
      while (h > first && SAY_OBJECTS.has(lower(ctx, h))) h--;
      if (h < v - 2 && ctx.tokens[h]!.lemma.toLowerCase() === 'have') return resolveFound(ctx, subjectBefore(ctx, h, first), rule, open);
    }
    // "a climber, described as “lacking experience”": "described" with no object before "as" is passive, and no agent is given ("he has been described as “…”" too); the words are someone's, not the climber's.
    // ("what Steve Jobs described as" has its subject, and object, before it).
    const subjectRightBefore = PERSON_PRONOUNS.has(lower(ctx, v - 1)) || GROUP_PRONOUNS.has(lower(ctx, v - 1)) || chunkEndingAt(ctx, v - 1) !== undefined;
    if (/ed$/.test(lower(ctx, v)) && lower(ctx, v + 1) === 'as' && !subjectRightBefore) return { speaker: null, speakerName: null, cue: null, rule: 'quotes/passive' };
    // "The phone is claimed to be “…”": the subject of a passive verb of saying is not its speaker.
    if (PASSIVE_AUX.has(lower(ctx, v - 1)) && /ed$/.test(lower(ctx, v))) {
      // "was described in a 1972 newspaper profile as “…”": the writing named after "in" gave the words, and speaks them.
      const source = writingBeforeAs(ctx, v + 1, markToken);
      if (source) return { speaker: source, speakerName: null, cue: null, rule };
      continue;
    }
    // "…,” he said when asked about the layoffs, “…”": a reduced passive clause speaks for no one; the verb before it does.
    if (REDUCED_CLAUSE_OPENERS.has(lower(ctx, v - 1)) && /ed$/.test(lower(ctx, v))) continue;
    let p = v - 1;
    while (p > first && (ctx.tokens[p]!.pos === 'ADV' || isFiller(ctx, p))) p--;
    if (asClauseAfterQuote(ctx, v, first)) continue;
    if (lower(ctx, v).endsWith('ing')) {
      if (lower(ctx, p) === 'as') return resolveFound(ctx, phraseEndingAt(ctx, p - 1, first), rule, open);
      // "which the navy had announced by saying it had sunk a “…”": the verb "by" hangs on has the speaker for subject, in a relative clause too.
      if (lower(ctx, p) === 'by' && ctx.tokens[p - 1]?.pos === 'VERB' && p - 1 > first) return resolveFound(ctx, subjectBefore(ctx, p - 1, first), rule, open);
      if (ctx.tokens[p]?.pos !== 'AUX') return resolveFound(ctx, mainSubject(ctx, first, v), rule, open);
    }
    // "Trump warned Petro … and later described him as “…”": a coordinated verb shares the subject.
    if (ctx.tokens[p]?.pos === 'CCONJ') return resolveFound(ctx, mainSubject(ctx, first, v), rule, open);
    // "…,” said Obama, “Fiat has…”": the attribution stands between two quotes.
    // After a plain comma only "said" is inverted ("…, said Steve Pond, author of…"); "X, a lawyer, told the LA Times that" has its subject before.
    if (isMarkToken(ctx, p) || (lower(ctx, p) === ',' && (isMarkToken(ctx, p - 1) || ctx.tokens[v]!.lemma.toLowerCase() === 'say'))) {
      const after = subjectAfter(ctx, v);
      // "Stanley Perlo, one of Orozco's lawyers, said his client grew up “…”": a possessive after the verb opens its object clause; the subject stands before.
      // "One engineer, who asked not to be named, said managers “changed plans weekly”": a phrase the quote goes straight on from is the subject of the quoted clause.
      const clauseSubject = after !== null && after.kind !== 'unresolved' && tokenAt(ctx, foundEnd(ctx, after)) === markToken;
      if (after && after.kind !== 'unresolved' && !clauseSubject) return resolveFound(ctx, after, rule, open);
    }
    const subject = subjectBefore(ctx, v, first);
    // "it says she devised a scheme “…”" with no organisation for "it" to stand for: a document, attributed to no one we can name (as after a quote); "they" may be any people.
    if (subject?.kind === 'unresolved' && lower(ctx, p) === 'it') return { speaker: null, speakerName: null, cue: { start: ctx.tokens[p]!.start, end: ctx.tokens[p]!.end }, rule };
    return resolveFound(ctx, subject, rule, open);
  }
  return colonAfterPredicate(ctx, first, markToken, open);
}

/** What one "has … to say" ("had this to say", "had the following to say", "has plenty to say"). */
const SAY_OBJECTS = new Set(['this', 'the', 'following', 'much', 'plenty', 'little', 'something', 'more', 'a', 'lot']);

/** Nouns for a piece of writing or broadcast that can be where words were given ("described in a profile as"). */
const WRITING_NOUNS = new Set([...DOCUMENT_NOUNS, 'profile', 'article', 'interview', 'book', 'story', 'column', 'editorial', 'obituary', 'documentary', 'biography', 'memoir', 'study', 'lawsuit', 'complaint', 'indictment']);
const MAX_WRITING_TOKENS = 8; // "a 1972 Washington Post profile": tokens between "in" and "as"

/**
 * "in a 1972 Washington Post profile as": the phrase after "in" (token `inAt`) up to an "as" before the
 * quote, when it ends in a noun for a piece of writing; else null ("described in detail as" names none).
 */
function writingBeforeAs(ctx: QuoteContext, inAt: number, markToken: number): Span | null {
  if (lower(ctx, inAt) !== 'in' || !['DET', 'PRON'].includes(ctx.tokens[inAt + 1]?.pos ?? '')) return null;
  for (let k = inAt + 2; k < Math.min(markToken, inAt + 2 + MAX_WRITING_TOKENS); k++) {
    if (lower(ctx, k) === ',' || isMarkToken(ctx, k)) return null;
    if (lower(ctx, k) !== 'as') continue;
    return WRITING_NOUNS.has(lower(ctx, k - 1)) ? { start: ctx.tokens[inAt + 1]!.start, end: ctx.tokens[k - 1]!.end } : null;
  }
  return null;
}

/**
 * "Asked about the layoffs, he was defiant: “…”", "Ana Ruiz was blunt: “…”": a colon closing a
 * clause whose subject is a person (a name or "he"/"she") followed by "is"/"was" gives the quote
 * to that person. Other verbs are left alone ("Smith faced a question from Jones: “…”" is Jones's).
 */
function colonAfterPredicate(ctx: QuoteContext, first: number, markToken: number, open: number): Attribution | null {
  if (lower(ctx, markToken - 1) !== ':') return null;
  const subject = mainSubject(ctx, first, markToken - 1);
  if (!subject || (subject.kind !== 'pronoun' && !(subject.kind === 'name' && isPersonChunk(ctx.text, subject.chunk, ctx.chunks)))) return null;
  let k = subject.kind === 'name' ? subject.chunk.last + 1 : tokenAt(ctx, subject.span.start) + 1;
  while (ctx.tokens[k]?.pos === 'ADV') k++;
  if (!['is', 'was', 'are', 'were'].includes(lower(ctx, k))) return null;
  return resolveFound(ctx, subject, 'quotes/colon-subject', open);
}

/**
 * Whether the name starting at token `first` is the object of a preposition ("told reporters at
 * the Capitol:", "posted on Instagram:") or of "told" ("told the Daily Mail:"), not a header standing alone ("Council member Jana
 * Holt:"); "such as Dr Ana Ruiz:" still introduces her.
 */
function isPrepositionObject(ctx: QuoteContext, first: number, floor: number): boolean {
  let k = first - 1;
  // "a drawback to working with Smith and York:": a name joined to the one before it shares its preposition.
  for (let c = chunkEndingAt(ctx, k - 1); k > floor && ['and', 'or', ','].includes(lower(ctx, k)) && c; c = chunkEndingAt(ctx, k - 1)) k = c.first - 1;
  while (k >= floor && ctx.tokens[k]!.pos === 'DET') k--;
  // "X told MailOnline:": the one spoken to.
  if (k >= floor && ctx.tokens[k]!.lemma.toLowerCase() === 'tell') return true;
  if (k < floor || ctx.tokens[k]!.pos !== 'ADP' || ['as', 'like'].includes(lower(ctx, k))) return false;
  // "Undersecretary of the Air Force for Acquisition Ana Ruiz:": between capitalised words the preposition is inside a title.
  return !/^\p{Lu}/u.test(ctx.text.slice(ctx.tokens[k - 1]?.start ?? 0, ctx.tokens[k - 1]?.end ?? 0));
}

/**
 * "His exact words:", "Henry's statement:": the person owning a noun of saying (token `noun`) that
 * heads a colon introducing a quote. Null for any other header.
 */
function wordsOwner(ctx: QuoteContext, noun: number, floor: number): Found | null {
  if (!SPEECH_NOUNS.has(lower(ctx, noun))) return null;
  let k = noun - 1;
  while (k > floor && ctx.tokens[k]!.pos === 'ADJ') k--;
  if (k < floor) return null;
  if (lower(ctx, k) === 'his' || lower(ctx, k) === 'her') return { kind: 'pronoun', span: { start: ctx.tokens[k]!.start, end: ctx.tokens[k]!.end } };
  const chunk = /^['’]s$/.test(lower(ctx, k)) ? chunkEndingAt(ctx, k - 1) : undefined;
  return chunk?.name && chunk.first >= floor ? { kind: 'name', chunk } : null;
}

/**
 * "“financial health,” as one neo-bank CEO told me, and easing the “pain”": a verb of saying in an
 * "as" clause right after a quote attributes that quote, not a later one of the sentence.
 */
function asClauseAfterQuote(ctx: QuoteContext, v: number, first: number): boolean {
  const subject = subjectBefore(ctx, v, first);
  if (!subject || subject.kind === 'unresolved') return false;
  const s0 = tokenAt(ctx, foundStart(subject));
  if (lower(ctx, s0 - 1) !== 'as') return false;
  // The quote's own comma stands before or after its closing mark (,” or ”,).
  return isMarkToken(ctx, s0 - 2) || (lower(ctx, s0 - 2) === ',' && isMarkToken(ctx, s0 - 3));
}

/**
 * A person's possessive owning a noun of saying right before the quote speaks it: "Henry's reference to
 * the “other offers”", "Ruiz's warning of “a long winter”" (a preposition and a determiner may stand
 * between). A reporter named at the sentence's end ("…, Lynch reported") reports the owner's words.
 * Fails when the noun is someone else's report of the owner ("Smith's account of “…”" by a witness).
 */
export function possessiveSpeaker(ctx: QuoteContext, open: number): Attribution | null {
  let k = tokenAt(ctx, open) - 1;
  if (['the', 'a', 'an'].includes(lower(ctx, k))) k--;
  if (['to', 'of', 'about', 'for', 'that'].includes(lower(ctx, k))) k--;
  if (!SPEECH_NOUNS.has(lower(ctx, k)) || ctx.tokens[k]?.pos !== 'NOUN') return null;
  const owner = lower(ctx, k - 1);
  const glued = /^['’]$/.test(owner) && ctx.tokens[k - 1]!.start === ctx.tokens[k - 2]?.end;
  if (!/^['’]s$/.test(owner) && !glued) return null;
  const chunk = chunkEndingAt(ctx, k - 2);
  if (!chunk?.name || !isPersonChunk(ctx.text, chunk, ctx.chunks)) return null;
  return resolveFound(ctx, { kind: 'name', chunk }, 'quotes/possessive-speech', open);
}

/**
 * Whether a verb of saying stands right before the opening mark ("said: “", "stating, “",
 * "he said that “"): then the words before the quote attribute it, whatever follows it.
 */
export function introIsDirect(ctx: QuoteContext, open: number): boolean {
  let k = tokenAt(ctx, open) - 1;
  while (k >= 0 && [',', ':', 'that', '-', '—'].includes(lower(ctx, k))) k--;
  // "Marchers chanted “…”, people report": words called out are the caller's; a report after them is second-hand.
  const callOut = CALL_OUT_VERBS.has(ctx.tokens[k]?.lemma.toLowerCase() ?? '') && ctx.tokens[k]!.pos === 'VERB' && !inQuote(ctx, ctx.tokens[k]!.start);
  // "Rossi asked Coleman, “…”", "she told him: “…”": the one asked or told stands between the verb and the mark.
  const object = chunkEndingAt(ctx, k)?.first ?? (OBJECT_PRONOUNS.has(lower(ctx, k)) ? k : -1);
  const toSomeone = object > 0 && ['ask', 'tell'].includes(ctx.tokens[object - 1]!.lemma.toLowerCase()) && isSpeechVerb(ctx, object - 1);
  return callOut || toSomeone || isSpeechVerb(ctx, k);
}

/**
 * The subject of a sentence's main clause: the first name or pronoun followed by a verb (past an
 * apposition: "Ryanair CEO, Michael O'Leary, justified"), else the phrase before the first verb
 * ("A group of Washington politicians released…").
 */
function mainSubject(ctx: QuoteContext, first: number, before: number): Found | null {
  const isVerb = (k: number) => ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX';
  for (let i = first; i < before; i++) {
    const t = ctx.tokens[i]!;
    if (inQuote(ctx, t.start)) continue;
    let end = i;
    let found: Found | null = null;
    if (PERSON_PRONOUNS.has(lower(ctx, i))) found = { kind: 'pronoun', span: { start: t.start, end: t.end } };
    else {
      const chunk = chunkStartingAt(ctx, i);
      if (chunk?.name) {
        found = { kind: 'name', chunk };
        end = chunk.last;
      }
    }
    if (!found) continue;
    let k = end + 1;
    if (lower(ctx, k) === ',') {
      // Skip an apposition (no verb in it) up to its closing comma.
      let c = k + 1;
      while (c < before && c < k + MAX_APPOSITION && lower(ctx, c) !== ',' && !isVerb(c)) c++;
      if (lower(ctx, c) === ',') {
        // "Ryanair CEO, Michael O'Leary, justified…": a person's name that is the whole apposition names the subject.
        const apposed = chunkStartingAt(ctx, k + 1);
        if (found.kind === 'name' && !isPersonChunk(ctx.text, found.chunk, ctx.chunks) && apposed?.name && apposed.last === c - 1 && isPersonChunk(ctx.text, apposed, ctx.chunks)) found = { kind: 'name', chunk: apposed };
        k = c + 1;
      }
    }
    while (ctx.tokens[k]?.pos === 'ADV') k++;
    if (isVerb(k)) return found;
  }
  for (let v = first; v < before; v++) if (isVerb(v) && !inQuote(ctx, ctx.tokens[v]!.start) && !isNounUseOfIng(ctx, v)) return subjectBefore(ctx, v, first);
  return null;
}

/**
 * "after the Saturday shooting , one cop … said": an -ing word the tagger read as a verb right after
 * a determiner, a name or an adjective heads a noun phrase (no auxiliary, no subject before it), so it
 * is no main verb whose subject speaks.
 */
function isNounUseOfIng(ctx: QuoteContext, v: number): boolean {
  return /ing$/.test(lower(ctx, v)) && ['DET', 'PROPN', 'ADJ'].includes(ctx.tokens[v - 1]?.pos ?? '') && !PERSON_PRONOUNS.has(lower(ctx, v - 1));
}

/** "…, said Sgt. Ana Ruiz", "…,” warned X", "…,'' said an officer": a verb of saying after a comma or a closing mark, its subject after it; other verbs after a comma close an apposition. */
const invertedAfterComma = (ctx: QuoteContext, v: number) => isMarkToken(ctx, v - 1) || (lower(ctx, v - 1) === ',' && (ctx.tokens[v]!.lemma.toLowerCase() === 'say' || isMarkToken(ctx, v - 2)));

/**
 * For a quote that stands alone (nothing but the quote in its sentence), the speaker of the
 * sentence before it: the speaker of a quote in it, else its speech verb's subject ("Rennick said
 * she tried to stay calm. “I just kept counting the towers.”"), else its subject when that is a
 * person ("She was also generous about the crews. “They were joking…”").
 * Fails when the previous sentence is about someone else and the quote is a new speaker's,
 * introduced only after it ("“How can it go away?” Mulally remembered asking.").
 */
export function previousSentenceAttribution(ctx: QuoteContext, open: number, previous: Array<{ span: Span; attribution: Attribution | null }>): Attribution | null {
  const si = sentenceIndexAt(ctx, open);
  let p = si - 1;
  // A split inside a word ("MLB.com") is not a sentence end: the sentence before runs back past it.
  while (p > 0 && !/\s/.test(ctx.text[ctx.sentences[p]!.start - 1] ?? ' ')) p--;
  const prev = ctx.sentences[p] && { start: ctx.sentences[p]!.start, end: ctx.sentences[si - 1]!.end };
  if (!prev) return null;
  const rule = 'quotes/previous-sentence';
  // Quotes are in text order and do not overlap: those reaching into the previous sentence are the last few.
  // A quote closing right before it counts too: that sentence is its attribution ("“Hands up!” an officer ordered. “Step out.”").
  let reach = prev.start;
  while (reach > 0 && /\s/.test(ctx.text[reach - 1]!)) reach--;
  let before: (typeof previous)[number] | undefined;
  for (let k = previous.length - 1; k >= 0 && previous[k]!.span.end >= reach; k--) {
    const q = previous[k]!;
    if (q.span.start < open && q.attribution?.speaker) {
      before = q;
      break;
    }
  }
  const first = tokenAt(ctx, prev.start);
  const last = tokenAt(ctx, prev.end);
  // A quote that closed before the sentence began yields to that sentence's own verb of saying ("“…” a marker reads. The warehouse was battered, Ingaldson said. “…”").
  if (before?.attribution && before.span.end > prev.start) return { ...before.attribution, rule };
  for (let v = first; v < last; v++) {
    // A participle ("a distress call … saying two boats were closing in") reports someone else's words than the sentence's.
    if (!isSpeechVerb(ctx, v) || lower(ctx, v).endsWith('ing')) continue;
    // "…, said sheriff's Sgt. Vanette Christiansen.": after a comma the verb comes first and its subject follows, not the noun before the comma.
    // After an apposition's closing comma the subject stands before ("X, a frequent critic, blasted outsiders"): only "said" (or a verb right after a quote) is inverted.
    const after = invertedAfterComma(ctx, v) ? subjectAfter(ctx, v) : null;
    const found = after && after.kind !== 'unresolved' ? after : subjectBefore(ctx, v, first);
    // "Swift's rep told Fox News that…. “…”": a description that said something is that quote's speaker too.
    if (found && found.kind !== 'unresolved') return resolveFound(ctx, found, rule, open);
  }
  // "…, McDermott sent out the following message on Twitter:" then the quote: a colon ending the sentence hands the quote to the subject of its last clause.
  const colonSubject = /:\s*$/.test(ctx.text.slice(prev.start, prev.end)) ? lastClauseSubject(ctx, first, last) : null;
  if (colonSubject) return resolveFound(ctx, { kind: 'name', chunk: colonSubject }, rule, open);
  if (before?.attribution) return { ...before.attribution, rule };
  const subject = mainSubject(ctx, first, last);
  // A subject that says nothing must at least be one who can speak: "Dubai experienced a tremor:" does not introduce Dubai's words.
  if (!subject || subject.kind === 'role' || (subject.kind === 'name' && subject.chunk.type === 'location')) return null;
  return resolveFound(ctx, subject, rule, open);
}

/** The last name (a person or an organisation) between tokens `first` and `last` that a verb follows, past adverbs: the subject of the sentence's last clause. */
function lastClauseSubject(ctx: QuoteContext, first: number, last: number): NameChunk | null {
  const names = ctx.chunks.filter((c) => c.first >= first && c.last < last && c.name && c.type !== 'location' && !inQuote(ctx, c.start));
  for (const c of names.reverse()) {
    let k = c.last + 1;
    while (ctx.tokens[k]?.pos === 'ADV') k++;
    if (ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX') return c;
  }
  return null;
}

/** Verbs by which one speaker answers another ("Phelps agreed", "Cerar concurred"). */
const AGREEING_VERBS = new Set(['agree', 'concur', 'disagree']);

const MAX_NEXT_PREDICATE = 6; // tokens of "That was the stark message" before "from X"
const DEMONSTRATIVES = new Set(['that', 'this', 'those', 'these', 'such']);

/**
 * "“We will rebuild every house.” That was the promise from Mayor Tom Hale on Tuesday.": a
 * sentence right after a quote that opens with a demonstrative and "was", then "from"/"of"/"by"
 * and a speaker, names that quote's speaker. Null when the next sentence does not open so.
 */
export function nextSentenceAttribution(ctx: QuoteContext, close: number): Attribution | null {
  let k = tokenAt(ctx, close);
  while (ctx.tokens[k] && isMarkToken(ctx, k)) k++;
  if (!DEMONSTRATIVES.has(lower(ctx, k)) || ctx.tokens[k + 1]?.lemma.toLowerCase() !== 'be') return null;
  for (let p = k + 2; p < k + 2 + MAX_NEXT_PREDICATE && ctx.tokens[p]; p++) {
    const w = lower(ctx, p);
    if (SENTENCE_END.has(w) || w === ',' || isMarkToken(ctx, p)) return null;
    if (w === 'from' || w === 'of' || w === 'by') return resolveFound(ctx, subjectAfter(ctx, p, true), 'quotes/next-sentence', close);
  }
  return null;
}

const MAX_CONTINUED_SENTENCES = 3; // sentences between a speaker's last quote and a paragraph that goes on with their words

/**
 * A paragraph that opens with a quote and has no attribution of its own goes on with the words of
 * the last quoted speaker, as news writing sets a long quote over several paragraphs ("“With
 * Pierre … he had a setback,” Payton said. … But the setback was substantial. “We're at the time
 * of year …”"), when at most MAX_CONTINUED_SENTENCES sentences stand between them and none of
 * them names a person or holds a verb of saying (someone else would then be speaking).
 * Fails when a new, unnamed speaker's quote follows a short narration.
 */
export function continuedSpeakerAttribution(ctx: QuoteContext, open: number, previous: Array<{ span: Span; attribution: Attribution | null }>): Attribution | null {
  const lineStart = ctx.text.lastIndexOf('\n', open - 1) + 1;
  if (/[\p{L}\p{N}]/u.test(ctx.text.slice(lineStart, open))) return null;
  const last = previous.at(-1);
  if (!last?.attribution?.speaker || !ctx.text.slice(last.span.end, open).includes('\n')) return null;
  if (sentenceIndexAt(ctx, open) - sentenceIndexAt(ctx, last.span.end) > MAX_CONTINUED_SENTENCES) return null;
  // The rest of the last quote's sentence is its own attribution ("…,” said Mary John, 43, who saw it."): read from the sentence after.
  const from = Math.max(last.span.end, ctx.sentences[sentenceIndexAt(ctx, last.span.end - 1)]?.end ?? 0);
  for (let k = tokenAt(ctx, from); k < tokenAt(ctx, open); k++) {
    if (inQuote(ctx, ctx.tokens[k]!.start)) continue;
    if (isSpeechVerb(ctx, k)) return null;
    const chunk = chunkStartingAt(ctx, k);
    if (chunk?.name && isPersonChunk(ctx.text, chunk, ctx.chunks)) return null;
  }
  return { ...last.attribution, rule: 'quotes/continued' };
}
