import type { Span, Token } from '../../doc/types.js';
import { fullestName, isPersonChunk, type NameChunk } from './02-names.js';
import { ANAPHORIC_ROLES, DOCUMENT_NOUNS, PERSON_PRONOUNS, ROLE_NOUNS } from './lexicon/people.js';
import { SPEECH_VERBS, SUBJECT_VERB_FILLERS } from './lexicon/speech-verbs.js';

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
  /** Rule id: `quotes/said-x`, `quotes/x-said`, `quotes/according-to`, `quotes/intro-verb`, `quotes/previous-sentence`. */
  rule: string;
}

/** A speaker phrase as found before resolution. */
type Found = { kind: 'name'; chunk: NameChunk } | { kind: 'role'; span: Span; head: string; definite: boolean } | { kind: 'pronoun'; span: Span } | { kind: 'unresolved' };

const MAX_TRAILER_GAP = 6; // tokens from a closing mark to its speech verb ("," Fire Chief Oskar Brandt said)
const MAX_LOOKBACK_SENTENCES = 4; // sentences searched back for the person a pronoun stands for
const MAX_APPOSITION = 12; // tokens skipped back over ", Colombia's first leftist president,"

const lower = (ctx: QuoteContext, i: number) => (ctx.tokens[i] ? ctx.text.slice(ctx.tokens[i]!.start, ctx.tokens[i]!.end).toLowerCase() : '');
const inQuote = (ctx: QuoteContext, at: number) => ctx.quoted.some((q) => at >= q.start && at < q.end);

/** A verb of saying outside quotes: "said", "told", "wrote", "according". */
export function isSpeechVerb(ctx: QuoteContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || inQuote(ctx, t.start)) return false;
  return (t.pos === 'VERB' || t.pos === 'AUX') && SPEECH_VERBS.has(t.lemma.toLowerCase()) && /^\p{Ll}/u.test(ctx.text.slice(t.start, t.end));
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
export function tokenAt(ctx: QuoteContext, at: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const chunkEndingAt = (ctx: QuoteContext, i: number) => ctx.chunks.find((c) => c.last === i);
const chunkStartingAt = (ctx: QuoteContext, i: number) => ctx.chunks.find((c) => c.first === i);

/**
 * The speaker phrase that ends just before token `end` (a speech verb): a name chunk, a pronoun, or
 * a role phrase ("a fire service spokesperson"), skipping adverbs and auxiliaries ("has repeatedly
 * said") and one apposition (“Petro, Colombia's first leftist president, said”).
 * Fails on long relative clauses between subject and verb ("Trump, who … last week, said").
 */
export function subjectBefore(ctx: QuoteContext, end: number, floor: number): Found | null {
  let j = end - 1;
  while (j >= floor && (SUBJECT_VERB_FILLERS.has(lower(ctx, j)) || ctx.tokens[j]!.pos === 'ADV')) j--;
  if (j < floor) return null;
  if (lower(ctx, j) === ',') {
    // An apposition: look for the comma that opens it and take the name before that.
    for (let k = j - 1; k >= Math.max(floor, j - MAX_APPOSITION); k--) {
      if (lower(ctx, k) === ',') {
        const before = phraseEndingAt(ctx, k - 1, floor);
        return before && before.kind === 'name' ? before : null;
      }
    }
    return null;
  }
  return phraseEndingAt(ctx, j, floor);
}

function phraseEndingAt(ctx: QuoteContext, j: number, floor: number): Found | null {
  const t = ctx.tokens[j];
  if (!t || j < floor) return null;
  const w = lower(ctx, j);
  if (PERSON_PRONOUNS.has(w)) return { kind: 'pronoun', span: { start: t.start, end: t.end } };
  if (t.pos === 'PRON') return { kind: 'unresolved' };
  const chunk = chunkEndingAt(ctx, j);
  if (chunk) return chunk.name ? { kind: 'name', chunk } : { kind: 'role', span: { start: chunk.start, end: chunk.end }, head: chunk.titles.at(-1) ?? '', definite: lower(ctx, chunk.first - 1) === 'the' };
  if (t.pos === 'NOUN' || t.pos === 'PROPN') return rolePhrase(ctx, j, floor);
  return null;
}

/** "a Colombian official", "the post", "Trump's post": a noun phrase read leftwards from its head. */
function rolePhrase(ctx: QuoteContext, head: number, floor: number): Found | null {
  const headWord = lower(ctx, head);
  let k = head - 1;
  while (k >= floor && ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(ctx.tokens[k]!.pos) && lower(ctx, k) !== ',') k--;
  // "Trump's post reads": the owner of a document wrote it.
  if (DOCUMENT_NOUNS.has(headWord) && k >= floor && /^['’]s$/.test(lower(ctx, k))) {
    const owner = phraseEndingAt(ctx, k - 1, floor);
    if (owner) return owner;
  }
  const det = k >= floor && ctx.tokens[k]!.pos === 'DET' ? k : k + 1;
  if (!ROLE_NOUNS.has(headWord) && !DOCUMENT_NOUNS.has(headWord)) return null;
  return { kind: 'role', span: { start: ctx.tokens[det]!.start, end: ctx.tokens[head]!.end }, head: headWord, definite: lower(ctx, det) === 'the' };
}

/**
 * The speaker phrase that starts just after token `start` (a speech verb or "according to"):
 * "said Fire Chief Oskar Brandt", "said passenger Ada Rennick", "reads the post", "said he".
 */
export function subjectAfter(ctx: QuoteContext, start: number): Found | null {
  let j = start + 1;
  if (lower(ctx, j) === 'by') j++;
  const t = ctx.tokens[j];
  if (!t) return null;
  const w = lower(ctx, j);
  if (PERSON_PRONOUNS.has(w)) return { kind: 'pronoun', span: { start: t.start, end: t.end } };
  if (t.pos === 'PRON') return { kind: 'unresolved' };
  // A lowercase description before the name ("said passenger Ada Rennick").
  for (let k = j; k < j + 4 && ctx.tokens[k]; k++) {
    const chunk = chunkStartingAt(ctx, k);
    if (chunk) return chunk.name ? { kind: 'name', chunk } : null;
    if (!['NOUN', 'ADJ', 'DET'].includes(ctx.tokens[k]!.pos)) break;
  }
  // A role phrase: determiner, modifiers, head noun ("a spokesperson for the company").
  let head = j;
  while (ctx.tokens[head + 1] && ['NOUN', 'ADJ', 'PROPN', 'DET'].includes(ctx.tokens[head + 1]!.pos) && !/[,.]/.test(lower(ctx, head + 1))) head++;
  return ctx.tokens[head]?.pos === 'NOUN' ? rolePhrase(ctx, head, j) : null;
}

/**
 * The person a pronoun or description at `at` stands for: searching back sentence by sentence
 * (names inside quotes excluded), in each sentence the name followed by a speech verb, else the
 * name followed by a verb (the subject), else the first name. A pronoun found that way is
 * resolved in turn. With `role` ("president"), only people given that title qualify.
 * Fails when the subject of the previous sentence is not the one meant: "Trump said Petro called.
 * He…" gives Trump for a "he" that may mean Petro.
 */
export function resolvePerson(ctx: QuoteContext, at: number, role: string[] | null = null, depth = 0): NameChunk | null {
  if (depth > 3) return null;
  const si = sentenceIndexAt(ctx, at);
  // A description ("the Colombian leader") may point back to a name given at the top of the article.
  const floor = role ? 0 : Math.max(0, si - MAX_LOOKBACK_SENTENCES);
  for (let s = si; s >= floor; s--) {
    const sentence = ctx.sentences[s];
    if (!sentence) continue;
    const limit = Math.min(sentence.end, at);
    const candidates: Array<{ chunk: NameChunk | null; pronoun: Span | null; tokenEnd: number }> = [];
    for (const chunk of ctx.chunks) {
      if (chunk.start < sentence.start || chunk.end > limit || inQuote(ctx, chunk.start)) continue;
      if (!isPersonChunk(ctx.text, chunk, ctx.chunks)) continue;
      if (role && !chunk.titles.some((t) => role.includes(t))) continue;
      candidates.push({ chunk, pronoun: null, tokenEnd: chunk.last });
    }
    if (!role) {
      for (let i = tokenAt(ctx, sentence.start); i < ctx.tokens.length && ctx.tokens[i]!.start < limit; i++) {
        const t = ctx.tokens[i]!;
        if (PERSON_PRONOUNS.has(lower(ctx, i)) && !inQuote(ctx, t.start) && t.start !== at) candidates.push({ chunk: null, pronoun: t, tokenEnd: i });
      }
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => a.tokenEnd - b.tokenEnd);
    const followedBy = (c: (typeof candidates)[number], test: (i: number) => boolean) => {
      let k = c.tokenEnd + 1;
      while (SUBJECT_VERB_FILLERS.has(lower(ctx, k)) || ctx.tokens[k]?.pos === 'ADV') k++;
      return test(k);
    };
    const pick =
      candidates.find((c) => followedBy(c, (k) => isSpeechVerb(ctx, k))) ??
      candidates.find((c) => followedBy(c, (k) => ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX')) ??
      candidates[0]!;
    if (pick.chunk) return pick.chunk;
    return resolvePerson(ctx, pick.pronoun!.start, null, depth + 1);
  }
  return null;
}

/**
 * The words of a description that a person's titles must share: its head and capitalised
 * modifiers ("the Colombian leader" → leader, colombian; matches "Colombian President Gustavo Petro").
 */
function roleWords(ctx: QuoteContext, found: { span: Span; head: string }): string[] {
  const words = ctx.text.slice(found.span.start, found.span.end).split(/\s+/);
  return [found.head, ...words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w)).map((w) => w.toLowerCase())];
}

/** Turns a speaker phrase into an attribution: pronouns, "the president" and "the post" resolved to a named person, roles kept as phrases. */
export function resolveFound(ctx: QuoteContext, found: Found | null, rule: string, at: number): Attribution | null {
  if (!found || found.kind === 'unresolved') return null;
  if (found.kind === 'name') {
    return { speaker: found.chunk.name, speakerName: fullestName(ctx.text, found.chunk.name!, ctx.chunks), cue: null, rule };
  }
  if (found.kind === 'pronoun') {
    const person = resolvePerson(ctx, found.span.start);
    return person ? { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule } : null;
  }
  if (DOCUMENT_NOUNS.has(found.head)) {
    const person = resolvePerson(ctx, at);
    return person ? { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule } : null;
  }
  if (found.definite && ANAPHORIC_ROLES.has(found.head)) {
    const person = resolvePerson(ctx, found.span.start, roleWords(ctx, found));
    if (person) return { speaker: person.name, speakerName: fullestName(ctx.text, person.name!, ctx.chunks), cue: found.span, rule };
  }
  return { speaker: found.span, speakerName: null, cue: null, rule };
}

const SENTENCE_END = new Set(['.', '!', '?']);
/** What may follow "Petro said" after a quote that ended its sentence for it to be that quote's attribution: the end of the sentence. */
const CLOSES_ATTRIBUTION = new Set(['.', '!', '?', '']);

/** Where a speaker phrase begins in the text. */
function foundStart(ctx: QuoteContext, found: Found): number {
  if (found.kind === 'name') return found.chunk.start;
  if (found.kind === 'unresolved') return -1;
  return found.span.start;
}
const OPEN_MARKS = /^(?:“|«|``|")$/;

/**
 * The speaker named right after a quote: `,” said X`, `,” X said`, `,” according to X`,
 * `,” X wrote on X`. The words after the closing mark must reach a speech verb within a few tokens,
 * before the sentence ends.
 * Fails on a new sentence that starts with a name and "said" after a quote ending in a full stop
 * ("…here.” Petro said the talks…"), which it takes for the quote's attribution.
 */
export function trailerAttribution(ctx: QuoteContext, close: number): Attribution | null {
  let i = tokenAt(ctx, close);
  while (ctx.tokens[i] && [',', '—', '–', '-'].includes(lower(ctx, i))) i++;
  const t = ctx.tokens[i];
  // The attribution is in the same paragraph and sentence: a full stop or line break after the mark ends the quote's sentence.
  if (!t || SENTENCE_END.has(lower(ctx, i)) || ctx.text.slice(close, t.start).includes('\n')) return null;
  // "…here.” Petro said the talks…" is a new sentence about something else, not an attribution.
  const endsSentence = /[.!?…]\s*(?:”|»|''|")$/.test(ctx.text.slice(Math.max(0, close - 4), close));
  if (lower(ctx, i) === 'according' && lower(ctx, i + 1) === 'to') return resolveFound(ctx, subjectAfter(ctx, i + 1), 'quotes/according-to', close);
  if (isSpeechVerb(ctx, i)) return resolveFound(ctx, subjectAfter(ctx, i), 'quotes/said-x', close);
  for (let k = i + 1; k < i + MAX_TRAILER_GAP && ctx.tokens[k]; k++) {
    const w = lower(ctx, k);
    if (SENTENCE_END.has(w) || OPEN_MARKS.test(w) || inQuote(ctx, ctx.tokens[k]!.start)) return null;
    if (isSpeechVerb(ctx, k)) {
      const found = subjectBefore(ctx, k, i);
      if (!found || foundStart(ctx, found) !== ctx.tokens[i]!.start) return null;
      if (endsSentence && found.kind !== 'pronoun' && !CLOSES_ATTRIBUTION.has(lower(ctx, k + 1))) return null;
      return resolveFound(ctx, found, 'quotes/x-said', close);
    }
  }
  return null;
}

/**
 * The speaker of a verb of saying found before a quote in its sentence: "Elling said: “…”",
 * "stating: “…”", "described the fault as “…”". A participle after a comma ("…, stating:") or
 * after while/after/before takes the subject of the main clause; "described by Trump as" takes
 * the agent.
 * Fails when the nearest speech verb belongs to someone else's reported speech ("Petro said Trump
 * called it “…”" gives Trump, which is right, but "Trump said Petro “…”" also gives Trump).
 */
export function introAttribution(ctx: QuoteContext, open: number): Attribution | null {
  const si = sentenceIndexAt(ctx, open);
  const sentence = ctx.sentences[si];
  if (!sentence) return null;
  const first = tokenAt(ctx, sentence.start);
  for (let v = tokenAt(ctx, open) - 1; v >= first; v--) {
    if (!isSpeechVerb(ctx, v)) continue;
    const rule = 'quotes/intro-verb';
    if (lower(ctx, v + 1) === 'by') return resolveFound(ctx, subjectAfter(ctx, v), rule, open);
    const word = lower(ctx, v);
    let p = v - 1;
    while (p > first && (ctx.tokens[p]!.pos === 'ADV' || SUBJECT_VERB_FILLERS.has(lower(ctx, p)))) p--;
    const prev = lower(ctx, p);
    if (word.endsWith('ing') && (ctx.tokens[p]?.pos === 'PUNCT' || ['while', 'after', 'before', 'by', 'when', 'in'].includes(prev))) return resolveFound(ctx, mainSubject(ctx, first, v), rule, open);
    if (word === 'according' && lower(ctx, v + 1) === 'to') return resolveFound(ctx, subjectAfter(ctx, v + 1), 'quotes/according-to', open);
    // "Trump warned Petro … and later described him as “…”": a coordinated verb shares the subject.
    if (ctx.tokens[p]?.pos === 'CCONJ') return resolveFound(ctx, mainSubject(ctx, first, v), rule, open);
    return resolveFound(ctx, subjectBefore(ctx, v, first), rule, open);
  }
  return null;
}

/** The first name or pronoun of a sentence followed by a verb: the subject of its main clause. */
function mainSubject(ctx: QuoteContext, first: number, before: number): Found | null {
  for (let i = first; i < before; i++) {
    const t = ctx.tokens[i]!;
    if (inQuote(ctx, t.start)) continue;
    const w = lower(ctx, i);
    let end = i;
    let found: Found | null = null;
    if (PERSON_PRONOUNS.has(w)) found = { kind: 'pronoun', span: { start: t.start, end: t.end } };
    else {
      const chunk = chunkStartingAt(ctx, i);
      if (chunk?.name) {
        found = { kind: 'name', chunk };
        end = chunk.last;
      }
    }
    if (!found) continue;
    let k = end + 1;
    while (ctx.tokens[k]?.pos === 'ADV') k++;
    if (ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX') return found;
  }
  return null;
}

/**
 * For a quote that stands alone (nothing but the quote in its sentence), the speaker of the
 * sentence before it: its speech verb's subject ("Rennick said she tried to stay calm. “I just
 * kept counting the towers.”"), else its subject when that is a person ("She was also generous
 * about the crews. “They were joking…”").
 * Fails when the previous sentence is about someone else and the quote is a new speaker's,
 * introduced only later in the paragraph.
 */
export function previousSentenceAttribution(ctx: QuoteContext, open: number, previous: Array<{ span: Span; attribution: Attribution | null }>): Attribution | null {
  const si = sentenceIndexAt(ctx, open);
  const prevIndex = si - 1;
  const prev = ctx.sentences[prevIndex];
  if (!prev) return null;
  const rule = 'quotes/previous-sentence';
  // The sentence before is (part of) a quote already attributed: the same speaker goes on.
  const before = previous.filter((q) => q.span.start < open && q.span.end >= prev.start && q.attribution?.speakerName).at(-1);
  if (before?.attribution) return { ...before.attribution, rule };
  const first = tokenAt(ctx, prev.start);
  const last = tokenAt(ctx, prev.end);
  for (let v = first; v < last; v++) {
    if (!isSpeechVerb(ctx, v)) continue;
    const found = subjectBefore(ctx, v, first);
    if (found && found.kind !== 'role') return resolveFound(ctx, found, rule, open);
  }
  const subject = mainSubject(ctx, first, last);
  return subject ? resolveFound(ctx, subject, rule, open) : null;
}
