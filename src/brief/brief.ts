import type { Span } from '../doc/types.js';
import { similarity, termSimilarity } from '../corroborate/claims/align.js';
import { claimText, sentenceIndex, statementSpans, type Claim, type StoryClaims } from '../corroborate/claims/claims.js';
import type { Conflict } from '../corroborate/claims/conflicts.js';
import { narrowedSpan, unitPart, type ClaimUnit, type UnitPart } from '../corroborate/claims/units.js';
import { overlaps, type Interval } from '../corroborate/quantities/interval.js';
import { clauseTense } from '../analyze/time/tense.js';
import { tokensWithin } from '../doc/spans.js';
import { BRIEF_LEADS, disputeLead, outletCount } from './connectives.js';

/** A brief sentence and the statements it cites (each an article's span). */
export interface BriefSentence {
  text: string;
  citations: Array<{ unit: ClaimUnit; span: Span }>;
}

const MIN_SENTENCES = 3;
const MAX_SENTENCES = 7;
const MAX_CORROBORATED = 4;
const MAX_CONFLICTS = 2;
const MAX_SINGLE = 1;
/** A claim this similar to one already in the brief would repeat it. */
const REPEAT_SIMILARITY = 0.3;
/** A statement this similar to a brief sentence's own is cited for it (`npm run bench -- facts`: brief support). */
const CITE_SIMILARITY = 0.45;

/**
 * A short extractive brief: the most widely carried facts first (by independent sources, then
 * by how near the top of their articles they are), then each dispute with its values side by
 * side, then the leading detail only one source has. Every sentence is printed words of the
 * articles, plus at most a lead from `BRIEF_LEADS`, and cites every statement it rests on; so
 * nothing is in the brief that its citations do not carry. Near-repeats of a chosen fact are
 * skipped, and so are statements that are mostly a quotation: the brief says what happened, the
 * quotes section who said what.
 */
export function buildBrief(story: StoryClaims): BriefSentence[] {
  const chosen: Claim[] = [];
  // The main event may be told in the words the outlets share (`claimSentence`); other facts only as a whole statement.
  let lead: Claim | undefined;
  const repeats = (claim: Claim) => chosen.some((c) => similarity(story.space, story.units.indexOf(c.units[0]!), story.units.indexOf(claim.units[0]!)) >= REPEAT_SIMILARITY);
  // Set once the main event is known: who the story is about (`participants`).
  let aboutOthers: (claim: Claim) => boolean = () => false;
  const pick = (candidates: Claim[], limit: number, accept: (sentence: BriefSentence) => boolean = () => true) => {
    const picked: BriefSentence[] = [];
    for (const claim of candidates) {
      if (picked.length >= limit) break;
      if (claim.quoted || !standsAlone(claim) || repeats(claim) || aboutOthers(claim)) continue;
      const sentence = claimSentence(claim, story, claim === lead);
      if (!accept(sentence)) continue;
      picked.push(sentence);
      chosen.push(claim);
    }
    return picked;
  };
  // Ranked by the articles whose statements read as the claim's own (its core): a fact other sentences only contain is less central.
  const carried = (c: Claim) => new Set(c.units.slice(0, c.core).map((u) => u.doc.id)).size;
  const byProminence = (a: Claim, b: Claim) => carried(b) - carried(a) || b.independentSources - a.independentSources || a.prominence - b.prominence;
  // A fact is told as corroborated only when another article's statement passes the citation check for its very sentence.
  const ranked = leadFirst(story.claims.filter((c) => c.status === 'corroborated').sort(byProminence), carried);
  lead = ranked.lead;
  const who = participants(story, lead);
  // A development names someone the story is about, or nobody, or is neither dated nor told in the
  // past: "Another player was arrested for drunken driving last month" is history the outlets
  // recall, not what happened in this story; "Arrangements are being coordinated by the Secretary
  // of State" is a current step taken by someone new to the story.
  aboutOthers = (claim) => {
    const statement = claim.units.slice(0, claim.core).find(isWholeStatement);
    const people = statement?.people ?? new Set<string>();
    if (claim === lead || statement === undefined || who.size === 0 || people.size === 0 || [...people].some((p) => who.has(p))) return false;
    const { doc, span } = statement;
    const dated = doc.layers.timexes.some((t) => t.type === 'DATE' && t.start >= span.start && t.end <= span.end);
    return dated || clauseTense(doc.text, doc.layers.tokens, span, { start: span.end, end: span.end }) === 'past';
  };
  const corroborated = pick(ranked.claims, MAX_CORROBORATED, (s) => citedArticles(s) >= 2);
  // Whole disputes only, each with every position, within the brief's length after the corroborated facts.
  // Real disputes only: a side that two outlets give. Two lone outlets giving two values are two
  // single-source details (the conflicts section lists them); on the tuned sets half of those were
  // no dispute at all ("two decades" / "21 years"; a count since one date / a count over four years).
  // A real one between two lone outlets is left to the conflicts section too (the seeds' call length).
  const outletsOf = (p: Conflict['positions'][number]) => new Set(p.refs.map((r) => story.sourceOf(story.units[r.unit]!))).size;
  const real = story.conflicts.filter((c) => c.positions.some((p) => outletsOf(p) >= 2));
  // Whole disputes only, each with every side, within the brief's length after the corroborated facts.
  const disputes: BriefSentence[] = [];
  for (const conflict of real.slice(0, MAX_CONFLICTS)) {
    const sides = disputeSentences(conflict, story);
    if (corroborated.length + disputes.length + sides.length <= MAX_SENTENCES) disputes.push(...sides);
  }
  const singles = story.claims.filter((c) => c.status === 'single-source').sort(byProminence);
  // A single-source detail only where the story's shared facts do not fill the brief: what one
  // outlet alone says is the least a summary should rest on.
  const single = corroborated.length + Math.min(1, disputes.length) < MIN_SENTENCES ? pick(singles, MAX_SINGLE) : [];
  const sentences = [...corroborated, ...disputes, ...single.map(singleSourceSentence)];
  // Too short a story for the plan above: fill with the next corroborated facts, most carried first. What one
  // article alone states stays at one sentence in all (a story of one article gets its leading fact only).
  let singlesLeft = MAX_SINGLE - single.length;
  for (const claim of story.claims.filter((c) => !chosen.includes(c) && c.status !== 'disputed').sort(byProminence)) {
    if (sentences.length >= MIN_SENTENCES) break;
    if (claim.quoted || !standsAlone(claim) || repeats(claim) || aboutOthers(claim)) continue;
    const sentence = claimSentence(claim, story, claim === lead);
    const alone = claim.status === 'single-source' || citedArticles(sentence) < 2;
    if (alone && singlesLeft === 0) continue;
    if (alone) singlesLeft--;
    chosen.push(claim);
    sentences.push(alone ? singleSourceSentence(sentence) : sentence);
  }
  return sentences.slice(0, MAX_SENTENCES);
}

/**
 * The story's main event first: of the facts whose own statements (`carried`) come from at least half as many articles as the
 * most carried one, the one nearest the top of its articles (news leads with what happened), then
 * the rest in order. A background fact every outlet repeats lower down does not open the brief.
 */
function leadFirst(claims: Claim[], carried: (c: Claim) => number): { lead: Claim | undefined; claims: Claim[] } {
  // Measured against the claims that can open a brief: a quotation every outlet carries sets no bar for the facts.
  const eligible = claims.filter((c) => !c.quoted && standsAlone(c));
  const most = Math.max(0, ...eligible.map(carried));
  const lead = eligible.filter((c) => carried(c) * 2 >= most).sort((a, b) => a.prominence - b.prominence)[0];
  return { lead, claims: lead ? [lead, ...claims.filter((c) => c !== lead)] : claims };
}

/**
 * The claim as its representative article prints it, citing the statements of other articles
 * that say the same as that sentence: a claim's members are alike on average, but a citation
 * must carry the very sentence it supports, so each is checked against the representative.
 * For the story's main event (`shared`), when no other article's statement carries the whole
 * sentence (each outlet adds its own details: "… will open the bridge on March 4, ending two years
 * of delays" / "… will open the bridge on March 4 at a ceremony for dock workers"), the sentence is
 * the stretch of a statement it shares with another (`sharedStretches`), citing the statements
 * whose own stretch states it: of the claim's whole statements' stretches, the one the most
 * articles state. A brief that does not tell what happened, told by two outlets, misses its point;
 * other facts keep their whole sentences. `npm run bench -- facts`: dev and held out unchanged (main
 * event told 4 of 4 each, its leads already cited two outlets); `-- brief`: 0.917 unchanged, one
 * judged pair displaced by one new (judged yes); the seeds' brief, which told the phone call
 * first, now opens with the meeting at the White House, told by two outlets.
 */
function claimSentence(claim: Claim, story: StoryClaims, shared: boolean): BriefSentence {
  const statements = claim.units.slice(0, claim.core).filter(isWholeStatement);
  const whole = wholeSentence(statements[0]!, claim, story);
  if (!shared || citedArticles(whole) >= 2) return whole;
  let best = whole;
  for (const representative of statements) {
    for (const span of sharedStretches(representative, claim)) {
      const sentence = stretchSentence(representative, span, claim, story);
      if (citedArticles(sentence) > citedArticles(best)) best = sentence;
    }
  }
  return best;
}

/** The representative's whole statement, citing the claim's statements alike to it as wholes. */
function wholeSentence(representative: ClaimUnit, claim: Claim, story: StoryClaims): BriefSentence {
  const at = story.units.indexOf(representative);
  const same = claim.units.flatMap((unit, i) => (unit !== representative && similarity(story.space, at, story.units.indexOf(unit)) >= CITE_SIMILARITY && statesSame(representative, unit) ? [{ unit, span: claim.spans[i]! }] : []));
  return { text: claimText(representative), citations: [{ unit: representative, span: covering(statementSpans(representative)) }, ...same] };
}

/**
 * The sentence a statement's words from its start to `span`'s end make (the whole clause, or a
 * stretch of it), citing each other statement of the claim whose own stretch, up to the last word
 * it shares with those words (`stretch`), is alike to them (`CITE_SIMILARITY`), states the same
 * (`statesSame`) and has the same bearing (`sameBearing`).
 */
function stretchSentence(representative: ClaimUnit, span: Span, claim: Claim, story: StoryClaims): BriefSentence {
  const own = unitPart(representative, span);
  const keys = new Set(own.terms.keys());
  const same = claim.units.flatMap((unit) => {
    if (unit === representative) return [];
    const part = unitPart(unit, stretch(unit, keys));
    return termSimilarity(story.space, own, part) >= CITE_SIMILARITY && statesSame(own, part) && sameBearing(own, part) ? [{ unit, span: part.span }] : [];
  });
  return {
    // A stretch ends where the sentence goes on: the stop closes what it states.
    text: span.end === representative.span.end ? claimText(representative) : `${claimText(representative, span)}.`,
    citations: [{ unit: representative, span: covering(statementSpans(representative, span)) }, ...same],
  };
}

/**
 * Words that deny or weaken what they qualify, by kind ("not seriously" / "seriously wounding",
 * "nearly destroyed" / "destroyed"): two stretches, cut short of the context that would tell
 * them apart, state the same only with the same kinds.
 */
const BEARING: Record<string, RegExp> = { denied: /\b(?:not|never|no)\b|n['’]t\b/i, weakened: /\b(?:nearly|almost|partly|partially)\b/i };
const sameBearing = (a: UnitPart, b: UnitPart) =>
  Object.values(BEARING).every((words) => words.test(a.doc.text.slice(a.span.start, a.span.end)) === words.test(b.doc.text.slice(b.span.start, b.span.end)));

/** Words that go on the phrase a stretch's last word opened: numbers, names, nouns. */
const PHRASE_POS: ReadonlySet<string> = new Set(['NUM', 'PROPN', 'NOUN']);

/**
 * A clause from its start to its last word whose term is in `keys` (`narrowedSpan`), and on over
 * the numbers, names and nouns right after it: the stretch ends with the date or noun phrase it
 * opened ("on February 3", "killing 10 people"; not "on February", "killing 10").
 */
function stretch(unit: ClaimUnit, keys: ReadonlySet<string>): Span {
  const span = narrowedSpan(unit, keys);
  let end = span.end;
  for (const token of tokensWithin(unit.doc.layers.tokens, { start: span.end, end: unit.span.end })) {
    if (!PHRASE_POS.has(token.pos) || /\S/.test(unit.doc.text.slice(end, token.start))) break;
    end = token.end;
  }
  return { start: span.start, end };
}

/**
 * Words after which the rest of a clause makes what comes before it conditional or partial
 * ("will meet him if the talks go ahead", "will attend only the opening"): no stretch ends there.
 */
const CONDITION_AFTER = /^[\s,;:—–-]*(?:if|unless|provided|only|except|as long as|on condition|depending)\b/i;

/**
 * The stretches of a statement that another article's statement of the claim shares: the
 * clause from its start to its last word whose term the other statement has (`stretch`; the
 * whole clause when that is its last word), never ending before a condition on what it states.
 */
function sharedStretches(representative: ClaimUnit, claim: Claim): Span[] {
  const ends = new Map<number, Span>();
  for (const unit of claim.units) {
    if (unit.doc.id === representative.doc.id) continue;
    const span = stretch(representative, new Set([...unit.terms.keys()].filter((k) => representative.terms.has(k))));
    if (!CONDITION_AFTER.test(representative.doc.text.slice(span.end, representative.span.end))) ends.set(span.end, span);
  }
  return [...ends.values()];
}

/**
 * Whether a statement alike in words to a brief sentence's own (`CITE_SIMILARITY`) can be cited
 * for it, or says otherwise: it denies what the sentence states or states what the sentence
 * denies ("were invited to monitor the poll" / "has not sent observers to monitor the vote"; "do
 * n't require" / "required"), or it gives another value of a measure the sentence gives ("killing
 * at least three people" for "killing at least 10 people"). `npm run bench -- brief` (tuning
 * sample): support 0.856 → 0.898, no judged corroboration dropped.
 */
function statesSame(sentence: UnitPart, cited: UnitPart): boolean {
  if ([...cited.denied].some((v) => !sentence.denied.has(v))) return false;
  if ([...sentence.denied].some((v) => cited.verbs.has(v) && !cited.denied.has(v))) return false;
  return sentence.quantities.every((q) => {
    const kin = cited.quantities.filter((o) => o.dimension === q.dimension && o.unitClass === q.unitClass);
    return kin.length === 0 || kin.some((o) => sameValue(o.interval, q.interval));
  });
}

/**
 * Two printed values of one measure that state the same: the same lower bound ("three people" and
 * "at least three people"), or bounded ranges that meet ("about three weeks", "three weeks").
 * Open-ended values share values with nearly anything: "at least 10" does not state "at least three".
 */
const sameValue = (a: Interval, b: Interval) => a.low === b.low || (Number.isFinite(a.high) && Number.isFinite(b.high) && overlaps(a, b));

/** How many articles a brief sentence cites. */
const citedArticles = (sentence: BriefSentence) => new Set(sentence.citations.map((c) => c.unit.doc.id)).size;

const singleSourceSentence = (sentence: BriefSentence): BriefSentence => ({ ...sentence, text: `${BRIEF_LEADS.singleSource} ${sentence.text}` });

/** Words that point back at an earlier sentence: a statement opening with one does not stand alone in a brief. */
const ANAPHORIC_OPENING = /^(?:that|this|these|those|it|he|she|they|his|her|their|its|there)\b/i;

/**
 * A statement printed as a sentence of its own: a capital first, no pointer back (an opening one,
 * or "he"/"she" before any noun: "When he was arrested, he was on probation" is about someone an
 * earlier sentence named, and a brief's reader would take him for the brief's own subject), the
 * sentence's end at its end, in prose (`isProse`).
 */
export function isWholeStatement(unit: ClaimUnit): boolean {
  const text = unit.doc.text.slice(unit.span.start, unit.span.end);
  for (const token of tokensWithin(unit.doc.layers.tokens, unit.span)) {
    if (token.pos === 'NOUN' || token.pos === 'PROPN') break;
    if (PERSON_POINTER.test(unit.doc.text.slice(token.start, token.end))) return false;
  }
  return /^["“‘(]?\p{Lu}/u.test(text) && !ANAPHORIC_OPENING.test(text.replace(/^["“‘(]/, '')) && unit.span.end === unit.sentence.end && isProse(unit);
}

/** A person named in an earlier sentence, as a clause's subject. */
const PERSON_POINTER = /^(?:he|she)$/i;

/** A word in capitals: two capitals at least, digits allowed ("76ERS", "NEW"). */
const CAPITALS_WORD = /^(?=(?:\P{Lu}*\p{Lu}){2})[\p{Lu}\p{N}'’&.-]+$/u;

/**
 * Whether a statement reads as a sentence of prose: it does not open with a run of words in
 * capitals (two at least, one of four capitals or more) followed straight by a capitalised word:
 * an entry of a listing ("CITY ROVERS Signed forward Ann Lee , guard ."), where
 * prose opens with its subject and capitals mark acronyms ("FBI agents said …"). A lede set in
 * capitals goes on in lower case ("AN ENGLISH climber who …"), a dateline after a mark ("NEW
 * YORK (AP) — …"): both stand.
 */
export function isProse(unit: ClaimUnit): boolean {
  const words = unit.doc.text.slice(unit.span.start, unit.span.end).split(/\s+/);
  let run = 0;
  while (run < words.length && CAPITALS_WORD.test(words[run]!)) run++;
  return !(run >= 2 && /^\p{Lu}\p{Ll}/u.test(words[run] ?? '') && words.slice(0, run).some((w) => (w.match(/\p{Lu}/gu) ?? []).length >= 4));
}

/** Whether some statement of the claim's core can open a brief sentence (`isWholeStatement`): a joined sentence says more than the claim. */
const standsAlone = (claim: Claim) => claim.units.slice(0, claim.core).some(isWholeStatement);

/** One span from the first to the last of some spans of one sentence: the clause with its attribution cited as one passage. */
const covering = (spans: Span[]): Span => ({ start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) });

/**
 * A dispute as one brief sentence per side, the side most outlets give first: what it is about,
 * the value and how many outlets give it ("Accounts differ on where Ann Lee lives: “of Tenby” (3
 * outlets)."), then each other side ("vs “of Bala” (1 outlet)."), each citing only the statements
 * that give its value, so that every citation of a sentence states what that sentence says. What
 * it is about is named in the brief's own words for the kind of value (`disputeLead`); a person's
 * name only as a citation prints it, else the phrase without the name: a reader needs to know what
 * differs, and a bag of the clauses' words ("hit, stopped, vehicle") does not say it.
 */
function disputeSentences(conflict: Conflict, story: StoryClaims): BriefSentence[] {
  const sides = conflict.positions
    .map((p) => ({
      value: p.refs[0]!.value.text,
      outlets: new Set(p.refs.map((r) => story.sourceOf(story.units[r.unit]!))).size,
      // The side's fullest citation first: it shows best what the value is of. Two clauses of one sentence may give the value by the same words: cited once.
      citations: [...new Map(p.refs.map((r) => [`${story.units[r.unit]!.doc.id}:${r.cite.start}:${r.cite.end}`, { unit: story.units[r.unit]!, span: r.cite }])).values()].sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start)),
    }))
    .sort((a, b) => b.outlets - a.outlets);
  const first = sides[0]!.citations.map((c) => c.unit.doc.text.slice(c.span.start, c.span.end));
  const lead = disputeLead(conflict.aspect, conflict.person && printedName(conflict.person, first));
  return sides.map((s, i) => ({ text: `${i === 0 ? lead : BRIEF_LEADS.versus} “${s.value}” ${outletCount(s.outlets)}.`, citations: s.citations }));
}

/** A person's name as some citation prints it: the whole name, else its last word (the surname news repeats); undefined when none prints it. */
export function printedName(name: string, cited: string[]): string | undefined {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (cited.some((t) => flat(t).includes(flat(name)))) return name;
  const surname = name.split(/\s+/).at(-1)!;
  return cited.some((t) => [...(t.match(/[\p{L}\p{N}'’.-]+/gu) ?? [])].includes(surname)) ? surname : undefined;
}

/** Sentences of an article's top where news names who its story is about: the headline and the lede. */
const LEDE_SENTENCES = 5;
/**
 * A person named in this share of the statements naming the story's most named one is one of its
 * people. Seen on the tuned sets: a teammate's earlier arrest recalled in each outlet's last
 * paragraphs, 0.31 of the arrested player's statements; a gunman named after the lede, 0.48 of his victim's.
 */
const NAMED_SHARE = 1 / 3;

/**
 * Who a story is about: the people its main event names, those named in the top sentences
 * (`LEDE_SENTENCES`) of two articles at least, and those the statements name nearly as often as
 * the most named person (`NAMED_SHARE`). News names its participants in the lede and keeps
 * coming back to them; a person the outlets only recall in a paragraph further down (an earlier
 * case, a predecessor) is background.
 */
function participants(story: StoryClaims, lead: Claim | undefined): Set<string> {
  const who = new Set(lead?.units.flatMap((u) => [...u.people]) ?? []);
  const articles = new Map<string, Set<string>>();
  const named = new Map<string, number>();
  for (const unit of story.units) {
    for (const person of unit.people) {
      named.set(person, (named.get(person) ?? 0) + 1);
      if (sentenceIndex(unit) < LEDE_SENTENCES) articles.set(person, (articles.get(person) ?? new Set()).add(unit.doc.id));
    }
  }
  for (const [person, docs] of articles) if (docs.size >= 2) who.add(person);
  const most = Math.max(0, ...named.values());
  for (const [person, n] of named) if (n >= NAMED_SHARE * most) who.add(person);
  return who;
}
