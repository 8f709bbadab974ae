import type { Doc, Span, Token } from '../../doc/types.js';
import type { ExportEntity } from '../../export/types.js';
import { foldTerm } from '../../text/words.js';
import { findQuantities, type Quantity } from '../quantities/parse-quantity.js';
import { stemWord } from '../../text/stem.js';
import { sentenceAttribution } from '../../analyze/quotes/attribution.js';
import { personAttributes, type PersonAttribute } from './attributes.js';
import { personRoles, type PersonRole } from './roles.js';
import { CLAIM_STOP_LEMMAS, EVENT_FAMILY, PEOPLE_NOUNS } from './lexicon.js';
import { quoteRunsOn, tokensWithin } from '../../doc/spans.js';
import { nameKey } from '../../analyze/entities/normalize.js';
import { isDateLine } from '../../text/words.js';

/**
 * One checkable statement of one article: a clause with its evidence span, what it is about
 * (terms, entities, quantities, dates) and who it is attributed to. Claims are groups of these.
 */
export interface ClaimUnit {
  doc: Doc;
  /** The clause, offsets into `doc.text`: what a citation of this statement points at. */
  span: Span;
  /** The whole sentence the clause is in. */
  sentence: Span;
  /** Content terms and entity ids (`e:…`), each with its count. */
  terms: Map<string, number>;
  /**
   * Quantities in the clause, offsets into `doc.text`; `unitClass` folds nouns for people
   * together; `context` holds the terms of the words around the quantity, which say what it measures.
   */
  quantities: Array<Quantity & { unitClass: string; context: Map<string, number>; head: string | null; actor: string | null; subject: string | null }>;
  attribution: Attribution | null;
  /** The terms of its verbs, common nouns and numbers: what the clause says happened, apart from who. */
  predicates: Set<string>;
  /** The terms of its verbs and common nouns alone: the happening, without its figures. */
  events: Set<string>;
  /** The terms of its verbs: what the clause says was done. */
  verbs: Set<string>;
  /** The terms of the verbs it denies ("has not been determined", "do n't require"). */
  denied: Set<string>;
  /** Ages and home towns printed beside the people the clause names. */
  attributes: PersonAttribute[];
  /** Roles printed beside the people its sentence names ("team president Billy King"), held by the sentence's first unit. */
  roles: PersonRole[];
  /** Story-wide ids of the people the clause names (outside its attribution): whom it is about. */
  people: Set<string>;
  /** The names the clause prints outside its attribution, each with its story-wide id and type. */
  named: Array<Span & { referent: string; type: ExportEntity['type'] }>;
}

/** Who a statement is attributed to: the attributing words as printed, and the entity they name when one does. */
export interface Attribution {
  span: Span;
  /** Names inside the attributing words of someone other than the speaker ("Friends of Kathryn Jenkin"): what the statement is about, so they stay terms. */
  about: Span[];
  /** The entity's canonical name, else the words naming the source ("officials"); null for a bare pronoun. */
  who: string | null;
}

export const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);
/** A clause with fewer content terms than this states nothing checkable on its own. */
const MIN_CLAUSE_TERMS = 3;

const PATTERNS = {
  /** Where a sentence splits into clauses that can be true or false on their own. A subordinator of time or cause is left out of the clause it opens: "…, after police shot him" states "police shot him". */
  clauseJoint: /(?:;\s+(?:and\s+)?|,\s+(?:and|but|while|whereas|although|after|before|because|until)\s+)/g,
} as const;

/**
 * The claim units of an article: each sentence outside sub-headings, split at clause joints
 * ("; ", ", and ", ", but ", ", while ") when both sides state something, so that "the rescue took
 * more than three hours, and at least 16 people were injured" gives two statements that can be
 * confirmed or disputed apart. Attribution is read once per sentence and applies to its clauses.
 */
/**
 * The story-wide id of the name (not a place) whose figure a clause gives: the first one before it,
 * outside the attribution ("the Washington Nationals made Teixeira a $160 million offer"), else the
 * agent of its noun ("$160 million offers by the Angels"); null when none is printed. Entity types
 * are not trusted here ("Red Sox" is often taken for a person).
 */
function actorOf(doc: Doc, tokens: Token[], mentions: Array<{ start: number; end: number; entity: ExportEntity; referent: string }>, clause: Span, q: Span, attribution: Attribution | null): string | null {
  const first =
    mentions.find((m) => m.start >= clause.start && m.end <= q.start && !inAttribution(attribution, m.start)) ??
    // Or the agent of the figure's noun: "$160 million offers by the Angels" (not "the $184 million reported by WCVB").
    mentions.find((m) => m.start >= q.end && m.end <= clause.end && AGENT_BETWEEN.test(doc.text.slice(q.end, m.start)) && tokens.every((t) => t.start < q.end || t.end > m.start || t.pos !== 'VERB'));
  return first && first.entity.type !== 'location' ? first.referent : null;
}

/**
 * The story-wide id of the name (not a place) nearest before a figure that a verb follows: whose
 * figure a clause gives when it names several ("Will Artino scored 14 points and Gregory Echenique
 * had 11 points"; "Artino complemented Echenique inside by scoring 14 points" is Artino's, as
 * "Echenique" there is no subject). Null when no name before the figure is followed by a verb.
 */
function subjectOf(tokens: Token[], mentions: Array<{ start: number; end: number; entity: ExportEntity; referent: string }>, clause: Span, at: number, attribution: Attribution | null): string | null {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.end > at || m.start < clause.start || inAttribution(attribution, m.start) || m.entity.type === 'location') continue;
    const next = tokens.find((t) => t.start >= m.end);
    if (next && next.start < at && (next.pos === 'VERB' || next.pos === 'AUX')) return m.referent;
  }
  return null;
}

/**
 * The story-wide id of the name (not a place) whose possession a figure's noun phrase is: "Rodney
 * Buford's school scoring record of 2,116 points" is Buford's record, though McDermott broke it;
 * "Carter's 14 points". Read back from the figure over the nouns and adjectives of its phrase (and one
 * "of" right before it) to a name closed by "'s". Null when the phrase has no possessor.
 */
function possessorOf(doc: Doc, tokens: Token[], mentions: Array<{ start: number; end: number; entity: ExportEntity; referent: string }>, clause: Span, at: number): string | null {
  let k = tokens.findIndex((t) => t.start >= at) - 1;
  if (k >= 0 && /^of$/i.test(doc.text.slice(tokens[k]!.start, tokens[k]!.end))) k--;
  while (k >= 0 && tokens[k]!.start >= clause.start && POSSESSED_POS.has(tokens[k]!.pos) && !/^['’]s$/i.test(doc.text.slice(tokens[k]!.start, tokens[k]!.end))) k--;
  const mark = tokens[k];
  if (!mark || mark.start < clause.start || !/^['’]s?$/i.test(doc.text.slice(mark.start, mark.end))) return null;
  const owner = mentions.find((m) => m.end <= mark.start && doc.text.slice(m.end, mark.start).trim() === '' && m.entity.type !== 'location');
  return owner?.referent ?? null;
}
/** Parts of speech inside a possessed noun phrase between the possessor and the figure ("school scoring record"). */
const POSSESSED_POS: ReadonlySet<string> = new Set(['NOUN', 'ADJ', 'VERB', 'PART']);

/** Up to two words, then "by (the)": what lies between a figure and the agent of a passive or a noun ("offers by the"). */
const AGENT_BETWEEN = /^(?:\s+[\p{L}-]+){0,2}\s+by\s+(?:the\s+)?$/u;

/**
 * Each entity's referent: entities printed under one name of two or more words are one ("Red Sox",
 * also printed "Boston Red Sox", and "Boston Red Sox" typed apart as an organization), so a figure
 * or a person is not taken for someone else's because the merge kept two entities for one name.
 */
export function referents(entities: ExportEntity[]): Map<string, ExportEntity> {
  const byName = new Map<string, ExportEntity>();
  const referent = new Map<string, ExportEntity>();
  for (const e of entities) {
    const names = [e.name, ...e.aliases].map(nameKey).filter((k) => k.includes(' '));
    const first = names.map((k) => byName.get(k)).find((x) => x !== undefined) ?? e;
    referent.set(e.id, first);
    for (const k of names) if (!byName.has(k)) byName.set(k, first);
  }
  return referent;
}

export function claimUnits(doc: Doc, entities: ExportEntity[], referent: Map<string, ExportEntity> = referents(entities)): ClaimUnit[] {
  const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading');
  const mentions = entities
    .flatMap((e) => e.mentions.filter((m) => m.articleId === doc.id).map((m) => ({ start: m.start, end: m.end, entity: e, referent: (referent.get(e.id) ?? e).id })))
    .sort((a, b) => a.start - b.start);
  const units: ClaimUnit[] = [];
  // The headline printed at the top of the text is a headline, not a statement.
  const titleEnd = doc.title && doc.text.startsWith(doc.title) ? doc.title.length : 0;
  for (const printed of statementSentences(doc)) {
    if (printed.start < titleEnd || headings.some((h) => printed.start >= h.start && printed.end <= h.end)) continue;
    // A question asserts nothing to check (tokenised text spaces its closing marks: "riot ? ”"), but a
    // statement closed by a question tagged on after a conjunction still asserts its statement.
    const sentence = /\?[\s"”’)]*$/.test(doc.text.slice(printed.start, printed.end)) ? statementBeforeQuestion(doc, printed) : printed;
    if (!sentence) continue;
    const said = doc.text.slice(sentence.start, sentence.end);
    // Words closing a quote the sentence never opened, in no quote the quotes stage found: someone's words, speaker unknown, not the outlet's statement.
    if (/^[^“"]*”/.test(said) && !doc.layers.quotes.some((q) => q.start < sentence.end && q.end > sentence.start)) continue;
    // Date lines stay in the text for the publication date; they state nothing ("PUBLISHED : 02 : 31 GMT , 12 March 2013").
    if (isDateLine(said)) continue;
    // Each sentence reads only its own tokens and mentions: scanning the article's for every clause is quadratic.
    const tokens = tokensWithin(doc.layers.tokens, sentence);
    const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const attribution = attributionOf(doc, sentence, inSentence);
    // Roles are read over the whole sentence (a speaker's role is in the attribution, often outside the clause) and held by its first unit.
    let roles = personRoles(doc, sentence, tokens, inSentence);
    for (const clause of clausesOf(doc, sentence, tokens)) {
      // A clause without a verb is a fragment, a name or a caption ("Arcade Joseph Comeaux Jr."): nothing to check.
      if (!hasVerb(tokens, clause)) continue;
      const { terms, predicates, events, verbs } = clauseTerms(doc, tokens, clause, attribution);
      if ([...terms.values()].reduce((a, b) => a + b, 0) < MIN_CLAUSE_TERMS) continue;
      const quantities = findQuantities(doc.text.slice(clause.start, clause.end)).map((q) => ({
        ...q,
        start: q.start + clause.start,
        end: q.end + clause.start,
        unitClass: q.dimension === 'count' && PEOPLE_NOUNS.has(q.unit) ? 'person' : q.unit,
        context: termsOf(doc, tokens, contextWindow(doc, tokens, q.start + clause.start, q.end + clause.start), attribution),
        head: headAfter(doc, tokens, q.end + clause.start),
        actor: actorOf(doc, tokens, inSentence, clause, { start: q.start + clause.start, end: q.end + clause.start }, attribution),
        subject: possessorOf(doc, tokens, inSentence, clause, q.start + clause.start) ?? subjectOf(tokens, inSentence, clause, q.start + clause.start, attribution),
      }));
      // The value itself is a term: "Thirty-four people" and "34 passengers" share it though no word matches.
      for (const q of quantities) {
        const key = `q:${q.dimension}:${q.unitClass}:${q.interval.low}-${q.interval.high}`;
        terms.set(key, (terms.get(key) ?? 0) + 1);
      }
      const people = new Set(inSentence.filter((m) => m.entity.type === 'person' && m.start >= clause.start && m.end <= clause.end && !inAttribution(attribution, m.start)).map((m) => m.referent));
      const named = inSentence.filter((m) => m.start >= clause.start && m.end <= clause.end && !inAttribution(attribution, m.start)).map((m) => ({ start: m.start, end: m.end, referent: m.referent, type: m.entity.type }));
      units.push({ doc, span: clause, sentence, terms, quantities, attribution, people, named, predicates, events, verbs, denied: deniedVerbs(doc, tokens, clause, attribution), attributes: personAttributes(doc, clause, inSentence), roles });
      roles = [];
    }
  }
  return units;
}

/**
 * A unit's clause up to its last word whose term is in `keys`: what a sentence joined to a claim
 * for one of its facts is cited by, so the citation carries that fact and its subject but not the
 * facts the sentence goes on to. The whole clause when the stretch holds no verb (a citation is a
 * statement, never a list of names) or no such word is there. `npm run bench -- facts`, dev:
 * single-source accuracy 0.763 → 0.789, corroborated-recall 0.650 → 0.645 (cutting the start as
 * well, at the first such word: 0.636).
 */
export function narrowedSpan(unit: ClaimUnit, keys: ReadonlySet<string>): Span {
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const hits = tokens.filter((t) => CONTENT_POS.has(t.pos) && keys.has(termKey(unit.doc.text.slice(t.start, t.end), t) ?? ''));
  if (!hits.length) return unit.span;
  const end = quoteClosedEnd(unit.doc.text, unit.span, hits.at(-1)!.end);
  const span = { start: unit.span.start, end };
  return hasVerb(tokens, span) ? span : unit.span;
}

/**
 * Where a cut of `clause` ending at `end` must end so that a quotation it opens is whole: past the
 * closing mark when the cut falls inside a quotation ("as someone who “likes making cocaine …”"),
 * the clause's end when the quotation does not close within it. Quotes stay whole in a citation.
 */
export function quoteClosedEnd(text: string, clause: Span, end: number): number {
  const cut = text.slice(clause.start, end);
  const curlyOpen = (cut.match(/“/g) ?? []).length > (cut.match(/”/g) ?? []).length;
  const straightOpen = (cut.match(/"/g) ?? []).length % 2 === 1;
  if (!curlyOpen && !straightOpen) return end;
  const close = text.slice(end, clause.end).search(curlyOpen ? /”/ : /"/);
  return close === -1 ? clause.end : end + close + 1;
}

/** What a stretch of a unit's clause states, read as the unit itself is read: its terms, verbs, denials and figures. */
export type UnitPart = Pick<ClaimUnit, 'doc' | 'span' | 'terms' | 'predicates' | 'verbs' | 'denied' | 'quantities'>;

/**
 * The part of a unit's clause within `span` (a stretch from the clause's start, as `narrowedSpan`
 * cuts it), with its terms, verbs and figures read from those words alone: what a citation of
 * that stretch states, to compare with another statement's stretch.
 */
export function unitPart(unit: ClaimUnit, span: Span): UnitPart {
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.sentence);
  return {
    doc: unit.doc,
    span,
    terms: termsOf(unit.doc, tokens, span, unit.attribution),
    predicates: predicatesOf(unit.doc, tokens, span, unit.attribution),
    verbs: predicatesOf(unit.doc, tokens, span, unit.attribution, VERB_POS),
    denied: deniedVerbs(unit.doc, tokens, span, unit.attribution),
    quantities: unit.quantities.filter((q) => q.start >= span.start && q.end <= span.end),
  };
}

/**
 * A stop after an initial, a title or a clock abbreviation ("a . m .", "A . J . Smith", "Jr .",
 * "Feb . 1" in tokenised text) rarely ends a sentence; nor does one before a lower-case word or a
 * digit. The sentence layer splits there in tokenised and abbreviation-heavy text.
 */
const ABBREVIATION_STOP = /(?:^|[\s.])(?:\p{L}|[ap]\s?\.\s?m|jr|sr|dr|mr|mrs|ms|st|gen|gov|sen|rep|lt|sgt|col|capt|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|vs)\s?\.$/iu;
const CONTINUES = /^[\p{Ll}\p{N}]/u;

/** The article's sentences with the splits at abbreviations and inside a quote undone (offsets into `doc.text`). */
function statementSentences(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const sentence of doc.layers.sentences) {
    const previous = out.at(-1);
    const between = previous ? doc.text.slice(previous.end, sentence.start) : '';
    const continues = CONTINUES.test(doc.text.slice(sentence.start, sentence.end));
    const runsOn = quoteRunsOn(doc, previous?.end ?? 0, sentence.start);
    // A quote running on into a line that opens lower-case is one utterance even over a line break ("…for Jim . . .\nthat they'd all come back").
    if (previous && ((!between.includes('\n') && (ABBREVIATION_STOP.test(doc.text.slice(previous.start, previous.end)) || continues || runsOn)) || (continues && runsOn))) {
      out[out.length - 1] = { start: previous.start, end: sentence.end };
    } else out.push({ start: sentence.start, end: sentence.end });
  }
  return out;
}

/** Words either side of a quantity that make up its context: a short phrase's reach, not the whole sentence. */
const CONTEXT_TOKENS = 6;

/** The span of up to `CONTEXT_TOKENS` word tokens before and after `[start, end)`, among the sentence's tokens. */
function contextWindow(doc: Doc, sentenceTokens: Token[], start: number, end: number): Span {
  const words = sentenceTokens.filter((t) => /[\p{L}\p{N}]/u.test(doc.text.slice(t.start, t.end)));
  const before = words.filter((t) => t.end <= start).slice(-CONTEXT_TOKENS);
  const after = words.filter((t) => t.start >= end).slice(0, CONTEXT_TOKENS);
  return { start: before[0]?.start ?? start, end: after.at(-1)?.end ?? end };
}

/** How far after a quantity the noun it qualifies may stand ("36-year-old former Sixers guard"). */
const HEAD_REACH = 3;

/**
 * The term of the noun a quantity qualifies, when one follows it within the phrase: "woman" in
 * "a 66-year-old woman", "lasalle" in "the 36-year-old LaSalle", null in "for three hours." Two
 * ages of a woman and of a driver measure different people, however alike the sentences are.
 */
function headAfter(doc: Doc, sentenceTokens: Token[], end: number): string | null {
  let seen = 0;
  for (const token of sentenceTokens) {
    if (token.start < end) continue;
    if (token.pos === 'PUNCT' || token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'ADP' || seen++ >= HEAD_REACH) return null;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') {
      const lemma = foldTerm(token.pos === 'PROPN' ? doc.text.slice(token.start, token.end) : token.lemma);
      return PEOPLE_NOUNS.has(lemma) ? 'person' : stemWord(lemma);
    }
  }
  return null;
}

function clausesOf(doc: Doc, sentence: Span, tokens: Token[]): Span[] {
  const text = doc.text.slice(sentence.start, sentence.end);
  const cuts: Array<{ at: number; next: number }> = [];
  for (const m of text.matchAll(PATTERNS.clauseJoint)) {
    // A joint inside a quotation splits the speaker's words, not the outlet's statements.
    if (!insideQuotation(doc, sentence, m.index!)) cuts.push({ at: m.index!, next: m.index! + m[0].length });
  }
  const spans: Span[] = [];
  let from = 0;
  for (const [i, cut] of cuts.entries()) {
    const left = { start: sentence.start + from, end: sentence.start + cut.at };
    // The words up to the next joint: "…, until the 19th game, and he did not play…" has no clause before ", and".
    const right = { start: sentence.start + cut.next, end: sentence.start + (cuts[i + 1]?.at ?? text.length) };
    // Split only where both sides are clauses of their own ("names, addresses and bank details" is one
    // statement) and, after a conjunction, the right side does not open on its verb: "…, and flown to
    // the United States" or "…, while stressing that…" shares the main clause's subject, and alone it
    // is a fragment; "…, and that one person was hurt" is the main verb's second object. After a
    // semicolon a gerund may be the subject ("; finding the source is key").
    const conjunction = !text.slice(cut.at, cut.next).includes(';');
    if (isClause(doc, tokens, left) && isClause(doc, tokens, right) && !(conjunction && opensOnVerb(doc, tokens, right))) {
      spans.push(left);
      from = cut.next;
    }
  }
  spans.push({ start: sentence.start + from, end: sentence.end });
  return spans.map((s) => trimSpan(doc.text, s)).filter((s) => s.end > s.start);
}

/** Words opening a question: "Why did…", "Is it…", "How many…". */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
/** The last joint before a question tagged on after a statement: "…, but who's counting?", "…; so what?". */
const TAG_QUESTION_JOINT = /(?:,\s+(?:but|and|so)\s+|;\s+)(?!.*(?:,\s+(?:but|and|so)\s+|;\s+))/g;

/**
 * The statement a sentence closed by a question mark makes before a question tagged on after a
 * conjunction ("McDermott now has 2,029 points, but who's counting?" states the points), when the
 * sentence does not open as a question ("Why did…", "Is it…") and that part has a verb; null otherwise.
 */
function statementBeforeQuestion(doc: Doc, sentence: Span): Span | null {
  const tokens = tokensWithin(doc.layers.tokens, sentence);
  const opener = tokens.find((t) => t.pos !== 'PUNCT');
  if (!opener || opener.pos === 'AUX' || QUESTION_OPENERS.has(doc.text.slice(opener.start, opener.end).toLowerCase())) return null;
  const text = doc.text.slice(sentence.start, sentence.end);
  const joint = [...text.matchAll(TAG_QUESTION_JOINT)].find((m) => !insideQuotation(doc, sentence, m.index!));
  if (!joint) return null;
  const statement = { start: sentence.start, end: sentence.start + joint.index! };
  return hasVerb(tokens, statement) ? statement : null;
}

/** Pronouns opening a relative clause: its verb belongs to the noun before, not to a clause of its own. */
const RELATIVE = new Set(['who', 'whom', 'whose', 'which']);

/**
 * Whether a span holds a clause that can stand alone: a finite verb (not "providing", not "to
 * murder", not "extended use") outside a relative clause ("two players who were arrested"), with a word that can be its
 * subject before it ("…, and among the most affected" has none). Without one it is a list item, a
 * phrase or an object of the clause before: "an orthodontist providing free services", "; require
 * three years more for pensions".
 */
function isClause(doc: Doc, tokens: Token[], span: Span): boolean {
  const within = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  let relative = false;
  let subject = false;
  for (const [i, t] of within.entries()) {
    const word = doc.text.slice(t.start, t.end).toLowerCase();
    // "that" opens a relative or a complement clause ("tear gas that made…", "on fears that Greece's woes could spread"), unless it is a determiner.
    if (RELATIVE.has(word) || (word === 'that' && t.pos !== 'DET')) relative = true;
    else if (t.pos === 'PUNCT' && word === ',') relative = false;
    if (relative) continue;
    const before = within[i - 1]?.pos;
    // A participle after an article, a preposition or an adjective qualifies a noun ("by extended use", "other organised crime").
    if ((t.pos === 'VERB' || t.pos === 'AUX') && subject && !word.endsWith('ing') && before !== 'PART' && before !== 'DET' && before !== 'ADP' && before !== 'ADJ') return true;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM' || (t.pos === 'DET' && (within[i + 1]?.pos === 'VERB' || within[i + 1]?.pos === 'AUX'))) subject = true;
  }
  return false;
}

/**
 * Whether a quotation is open at `at` (an offset into the sentence): inside a quote the quotes
 * stage found (which may have opened sentences earlier), curly quotes opened and not closed, or
 * an odd number of straight double quotes.
 */
function insideQuotation(doc: Doc, sentence: Span, at: number): boolean {
  const offset = sentence.start + at;
  if (doc.layers.quotes.some((q) => offset >= q.start && offset < q.end)) return true;
  const before = doc.text.slice(sentence.start, offset);
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return opened > 0 || (before.match(/"/g) ?? []).length % 2 === 1;
}

/** Whether a clause's first word, adverbs aside ("then flew"), is a verb, "that" or a relative pronoun ("after which"): it has no subject of its own. */
function opensOnVerb(doc: Doc, tokens: Token[], span: Span): boolean {
  const first = tokens.find((t) => t.start >= span.start && t.end <= span.end && t.pos !== 'PUNCT' && t.pos !== 'ADV');
  const word = first ? doc.text.slice(first.start, first.end).toLowerCase() : '';
  return first?.pos === 'VERB' || first?.pos === 'AUX' || (first?.pos === 'SCONJ' && word === 'that') || RELATIVE.has(word);
}

const hasVerb = (tokens: Token[], span: Span) => tokens.some((t) => t.start >= span.start && t.end <= span.end && (t.pos === 'VERB' || t.pos === 'AUX'));

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Content terms of a clause: the Porter2 stem of each content word's lower-case lemma (a proper
 * noun's own word), so "fired" / "Fired" / "firing" and "arrest" / "arrested" meet. Names count as
 * their words, not as entity ids: measured on the ECB+ fact gold (`npm run bench -- facts`), a
 * name's words separate statements of one fact from the others better than the story-wide id,
 * which the entities stage does not always merge ("Fired Jim O'Brien"). Words of the attribution
 * are left out: who said it is not what was said.
 */
/** Whether an offset lies in the attributing words, outside the names of whom the statement is about. */
function inAttribution(attribution: Attribution | null, at: number): boolean {
  if (!attribution || at < attribution.span.start || at >= attribution.span.end) return false;
  return !attribution.about.some((s) => at >= s.start && at < s.end);
}

function termsOf(doc: Doc, tokens: Token[], clause: Span, attribution: Attribution | null): Map<string, number> {
  const terms = new Map<string, number>();
  for (const token of tokens) {
    if (token.start < clause.start || token.end > clause.end || inAttribution(attribution, token.start)) continue;
    if (!CONTENT_POS.has(token.pos)) continue;
    const key = termKey(doc.text.slice(token.start, token.end), token);
    if (key) terms.set(key, (terms.get(key) ?? 0) + 1);
  }
  return terms;
}

/** `termsOf` and the `predicatesOf` sets a unit keeps (all, events, verbs), in one walk of the clause's tokens. */
function clauseTerms(doc: Doc, tokens: Token[], clause: Span, attribution: Attribution | null) {
  const terms = new Map<string, number>();
  const predicates = new Set<string>();
  const events = new Set<string>();
  const verbs = new Set<string>();
  for (const token of tokens) {
    if (token.start < clause.start || token.end > clause.end || !CONTENT_POS.has(token.pos) || inAttribution(attribution, token.start)) continue;
    const key = termKey(doc.text.slice(token.start, token.end), token);
    if (!key) continue;
    terms.set(key, (terms.get(key) ?? 0) + 1);
    if (PREDICATE_POS.has(token.pos)) predicates.add(key);
    if (EVENT_POS.has(token.pos)) events.add(key);
    if (VERB_POS.has(token.pos)) verbs.add(key);
  }
  return { terms, predicates, events, verbs };
}

const PREDICATE_POS: ReadonlySet<string> = new Set(['VERB', 'NOUN', 'NUM']);
const EVENT_POS: ReadonlySet<string> = new Set(['VERB', 'NOUN']);
const VERB_POS: ReadonlySet<string> = new Set(['VERB']);
/** Words that deny the verb they stand before; "no" and "without" deny a noun ("no other funding"), not what was done. */
const VERB_NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'never']);

/**
 * The terms of the verbs a clause denies (outside its attribution): a verb with a negation before it and only
 * auxiliaries and adverbs between ("has not been determined", "do n't require", "never returned").
 */
function deniedVerbs(doc: Doc, tokens: Token[], clause: Span, attribution: Attribution | null): Set<string> {
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.start < clause.start || token.end > clause.end || token.pos !== 'VERB' || inAttribution(attribution, token.start)) return;
    for (let k = i - 1; k >= 0 && tokens[k]!.start >= clause.start; k--) {
      if (VERB_NEGATIONS.has(doc.text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase().replace('’', "'"))) {
        const key = termKey(doc.text.slice(token.start, token.end), token);
        if (key) out.add(key);
        return;
      }
      if (tokens[k]!.pos !== 'AUX' && tokens[k]!.pos !== 'ADV' && tokens[k]!.pos !== 'PART') return;
    }
  });
  return out;
}

/** The terms of a clause's verbs, common nouns and numbers (outside its attribution), or of the parts of speech `pos` names. */
function predicatesOf(doc: Doc, tokens: Token[], clause: Span, attribution: Attribution | null, pos = PREDICATE_POS): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) {
    if (token.start < clause.start || token.end > clause.end || !pos.has(token.pos)) continue;
    if (inAttribution(attribution, token.start)) continue;
    const key = termKey(doc.text.slice(token.start, token.end), token);
    if (key) out.add(key);
  }
  return out;
}

/**
 * A content token's term: the stem of its lemma, or the name of its family of near-synonyms for
 * one happening (`EVENT_FAMILY`: "died" and "was killed" meet); null for stop words, punctuation
 * and single letters. `npm run bench -- facts`: held-out pair recall 0.408 → 0.414 at the same
 * false corroboration.
 */
export function termKey(surface: string, token: Pick<Token, 'pos' | 'lemma'>): string | null {
  // A pure function of the word it reads and whether it is a name; the claims stage asks for each token several times.
  const propn = token.pos === 'PROPN';
  const memo = propn ? nameTerms : wordTerms;
  const word = propn ? surface : token.lemma;
  let key = memo.get(word);
  if (key === undefined) {
    if (memo.size >= TERM_CACHE_WORDS) memo.clear();
    memo.set(word, (key = computeTermKey(word, propn)));
  }
  return key;
}
const nameTerms = new Map<string, string | null>();
const wordTerms = new Map<string, string | null>();
/** Words kept before a cache starts over (a few MB at most). */
const TERM_CACHE_WORDS = 50_000;

function computeTermKey(word: string, propn: boolean): string | null {
  const lemma = foldTerm(word);
  if (!/^[\p{L}\p{N}]/u.test(lemma) || CLAIM_STOP_LEMMAS.has(lemma) || lemma.length < 2) return null;
  const family = !propn ? EVENT_FAMILY.get(lemma) : undefined;
  return family ? `f:${family}` : stemWord(lemma);
}

/**
 * Who the sentence says the statement comes from, read by the quotes stage's attribution model
 * (one model for quotes and claims): the entity its speaker names, else the speaker's fullest
 * name, else the description ("officials"); a pronoun the model could not resolve names nobody.
 */
function attributionOf(doc: Doc, sentence: Span, mentions: Array<{ start: number; end: number; entity: ExportEntity }>): Attribution | null {
  const a = sentenceAttribution(doc, sentence);
  if (!a) return null;
  const speaker = a.speaker;
  const named = speaker ? mentions.find((m) => m.start < speaker.end && speaker.start < m.end && (m.entity.type === 'person' || m.entity.type === 'organization')) : undefined;
  const description = speaker && !a.speakerName ? doc.text.slice(speaker.start, speaker.end).replace(/^(?:the|a|an)\s+/i, '').trim() : '';
  const about = description && speaker ? mentions.filter((m) => m.entity.type === 'person' && m.start >= speaker.start && m.end <= speaker.end) : [];
  return { span: a.span, about: about.map((m) => ({ start: m.start, end: m.end })), who: named && !description ? named.entity.name : (a.speakerName ?? (description || null)) };
}
