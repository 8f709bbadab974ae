import type { Token } from '../../doc/types.js';
import { foldTerm } from '../../text/words.js';
import { stemWord } from '../../text/stem.js';
import { SMALL_NUMBERS, VAGUE_AMOUNTS } from '../quantities/lexicon.js';
import { valueCitation, type Conflict, type ConflictAspect, type Position } from './conflicts.js';
import { EVENT_FAMILY } from './lexicon.js';
import { termKey, type ClaimUnit } from './units.js';
import { tokensWithin } from '../../doc/spans.js';

/**
 * Conflicts the quantity parser cannot see, because one side states its value in words that are
 * no number: "has a prior DWI conviction" against "has three prior DUI convictions", "hit another
 * car" against "hitting several cars", "the fourth head coach" against "the fifth Sixers coach",
 * "walking into the store" against "walking out of a store".
 * Each is a phrase whose slot is spelled out by its words: the verb that governs it and the noun
 * it counts or ranks (or the verb and the place it moves to or from). Two sources dispute the slot
 * only when both print that same verb and noun, about the same people, with values that cannot
 * both hold; a false dispute costs more than a missed one, so every rule below leaves a pair out
 * when unsure.
 */

/** A count, rank or direction one clause gives in a slot spelled by its words. */
interface SlotPhrase {
  unit: number;
  kind: 'count' | 'ordinal' | 'direction' | 'polarity';
  /** What the phrase is about: verb and noun terms ("have|conviction"). */
  slot: string;
  /** The value compared; phrases of one slot with the same value agree. */
  value: string;
  /** For counts: the range of numbers the words allow, and how they state it. */
  range?: [number, number];
  stated?: 'number' | 'article' | 'vague';
  /** Lower-case words qualifying the noun ("prior"): two non-empty sets must share one. */
  modifiers: Set<string>;
  /** For counts and ranks: the term of the place printed right after the noun ("in the parking lot" → lot). */
  place?: string | null;
  /** For polarity: the verbs the clause asserts or denies of the named object ("check in" asserts "enter" too). */
  verbs?: Set<string>;
  /** The phrase as printed, offsets into the document. */
  start: number;
  end: number;
  text: string;
}

/** A map, not an object: "constructor" is no ordinal (an object's lookup found `Object` for it). */
const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
}));

/** The rank an ordinal word states ("sixth", "6th"); null for any other word. */
export function ordinalValue(word: string): number | null {
  const rank = ORDINALS.get(word);
  if (rank !== undefined) return rank;
  const numbered = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(word);
  return numbered ? Number(numbered[1]) : null;
}

/**
 * Nouns whose ordinal names a date or a period ("the second day", "his third year") or an
 * occurrence ("for the first time"): two of them in one story are most often different days or
 * occasions, not rival ranks of one.
 */
const UNRANKED_NOUNS: ReadonlySet<string> = new Set(['time', 'day', 'week', 'month', 'year', 'decade', 'century', 'anniversary', 'quarter', 'half', 'period', 'round', 'inning', 'minute', 'hour', 'season', 'floor', 'place']);

/** Single-word indefinite determiners that count one of a singular noun. */
const ONE_OF = new Set(['a', 'an', 'another']);

/**
 * Directions that exclude each other for one movement of one person: "walking into the store" and
 * "walking out of the store" cannot both tell the same moment.
 */
const DIRECTIONS: Array<{ words: string[]; value: string }> = [
  { words: ['into'], value: 'into' },
  { words: ['in', 'to'], value: 'into' },
  { words: ['out', 'of'], value: 'out of' },
];

/** The slot term of "have": a count after it is of what someone has, a total. */
const HAVE = stemWord('have');

/** How many words may qualify a counted or ranked noun ("three prior DUI convictions"). */
const MAX_MODIFIERS = 3;

/** The term a verb or noun stands for in a slot: its family of near-synonyms ("hit" / "strike"), else its stem. */
function slotTerm(token: Token, surface: string): string {
  const lemma = foldTerm(token.pos === 'PROPN' ? surface : token.lemma);
  const family = EVENT_FAMILY.get(lemma);
  return family ? `f:${family}` : stemWord(lemma);
}

const isWord = (pos: string) => pos === 'NOUN' || pos === 'ADJ' || pos === 'PROPN' || pos === 'ADV' || pos === 'VERB';

/** The verb right before a phrase ("has three", "is the fourth", "hitting several"), skipping an article and adverbs. */
function governingVerb(tokens: Token[], at: number, text: string): string | null {
  for (let k = at - 1, skipped = 0; k >= 0 && skipped <= 2; k--, skipped++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return slotTerm(t, text.slice(t.start, t.end));
    if (t.pos !== 'DET' && t.pos !== 'ADV') return null;
  }
  return null;
}

/** The counts, ranks and directions a clause states, each with the words that spell its slot. */
function phrasesOf(unit: ClaimUnit, index: number): SlotPhrase[] {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const word = (t: Token) => text.slice(t.start, t.end);
  const out: SlotPhrase[] = [];
  tokens.forEach((head, h) => {
    const surface = word(head).toLowerCase();
    if (head.pos === 'VERB') {
      const direction = directionAfter(tokens, h, text);
      if (direction) out.push({ unit: index, kind: 'direction', slot: `${slotTerm(head, word(head))}|${direction.object}`, value: direction.value, modifiers: new Set(), start: head.start, end: direction.end, text: text.slice(head.start, direction.end) });
      const polar = polarityAt(tokens, h, text);
      if (polar) out.push({ unit: index, kind: 'polarity', slot: polar.object, value: polar.denied ? 'no' : 'yes', verbs: polar.verbs, modifiers: new Set(), start: polar.start, end: polar.end, text: text.slice(polar.start, polar.end) });
      return;
    }
    // The head of a noun phrase: a common noun not followed by another ("parking lot" → lot).
    if (head.pos !== 'NOUN' || tokens[h + 1]?.pos === 'NOUN') return;
    const noun = termKey(word(head), head);
    if (!noun) return;
    const modifiers = new Set<string>();
    let k = h - 1;
    for (; k >= 0 && h - k <= MAX_MODIFIERS + 1; k--) {
      const t = tokens[k]!;
      const w = word(t).toLowerCase();
      if (quantifier(t, w) !== null || !isWord(t.pos)) break;
      if (t.pos !== 'PROPN') modifiers.add(slotTerm(t, word(t)));
    }
    const q = k >= 0 ? quantifier(tokens[k]!, word(tokens[k]!).toLowerCase()) : null;
    if (!q) return;
    // "a conviction" counts one; "a few" and "another two" are not that.
    if (q.stated === 'article' && (surface !== foldTerm(head.lemma) || tokens[k + 1]?.pos === 'NUM')) return;
    const verb = governingVerb(tokens, k, text);
    if (!verb) return;
    const start = tokens[k]!.start;
    const base = { unit: index, modifiers, place: placeAfter(tokens, h, text), start, end: head.end, text: text.slice(start, head.end) };
    if (q.kind === 'ordinal') {
      if (UNRANKED_NOUNS.has(foldTerm(head.lemma))) return;
      out.push({ ...base, kind: 'ordinal', slot: `${verb}|${noun}`, value: String(q.range[0]) });
    } else out.push({ ...base, kind: 'count', slot: `${verb}|${noun}`, value: q.range.join('-'), range: q.range, stated: q.stated });
  });
  return out;
}

/** A word that counts or ranks what follows: a number, an indefinite article, a vague amount, an ordinal. */
function quantifier(t: Token, w: string): { kind: 'count' | 'ordinal'; range: [number, number]; stated: 'number' | 'article' | 'vague' } | null {
  const rank = ordinalValue(w);
  if (rank !== null) return { kind: 'ordinal', range: [rank, rank], stated: 'number' };
  if (ONE_OF.has(w) && t.pos === 'DET') return { kind: 'count', range: [1, 1], stated: 'article' };
  if (w === 'several') return { kind: 'count', range: VAGUE_AMOUNTS.several!, stated: 'vague' };
  if (t.pos !== 'NUM') return null;
  // A year or a figure with a scale is no small count: the quantity parser reads those.
  const value = /^\d{1,3}$/.test(w) ? Number(w) : SMALL_NUMBERS[w];
  if (value === undefined || value < 1 || w === 'a' || w === 'an') return null;
  return { kind: 'count', range: [value, value], stated: 'number' };
}

/** "into the store", "out of a store" after a verb: the direction and the term of the place's noun. */
function directionAfter(tokens: Token[], h: number, text: string): { value: string; object: string; end: number } | null {
  for (const d of DIRECTIONS) {
    if (!d.words.every((w, i) => tokens[h + 1 + i] && text.slice(tokens[h + 1 + i]!.start, tokens[h + 1 + i]!.end).toLowerCase() === w)) continue;
    // The place: the first common noun within an article and two words after the direction.
    for (let k = h + 1 + d.words.length; k < tokens.length && k <= h + d.words.length + 3; k++) {
      const t = tokens[k]!;
      if (t.pos === 'NOUN' && tokens[k + 1]?.pos !== 'NOUN') {
        const object = termKey(text.slice(t.start, t.end), t);
        return object ? { value: d.value, object, end: t.end } : null;
      }
      if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NOUN') return null;
    }
  }
  return null;
}

/** A denial of the verb after it, among its auxiliaries ("had not", "never", "didn't", "hadn ’ t"). */
const DENIED = /\b(?:not|never)\b|n\s?['’]\s?t\b/i;
/** Any word of denial. */
const ANY_DENIAL = /\b(?:not|never|no|nobody|none|neither|nor|without)\b|n\s?['’]\s?t\b/i;
/** Names of days and months: "as of Tuesday" is when, not what a deed was done to. */
const DATE_NAME = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** Words before a deed that make it a plan, a possibility or a question ("would not return", "whether she entered"), not what happened. */
const NOT_A_DEED: ReadonlySet<string> = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'whether', 'if']);
/** Words anywhere in the clause that make a denial say when, not whether: "has not signed yet", "no longer works". */
const NOT_YET: ReadonlySet<string> = new Set(['yet', 'longer', 'still']);
/**
 * Particles that make a phrasal verb of the verb before them, as its asserted deed: "checked into
 * Morningside", "checked in to the Morningside facility".
 */
const PHRASAL: Record<string, ReadonlySet<string>> = { check: new Set(['in', 'into']) };
/** What asserting a deed asserts besides: whoever checked into a place entered it. */
const ENTAILS: Record<string, readonly string[]> = { 'check in': ['enter'] };
/** How many words may stand between a verb and the name it is done to ("checked in to the Morningside"). */
const OBJECT_REACH = 4;

/**
 * A deed a clause asserts or denies of a named place, organisation or person: "she never entered
 * Morningside", "Lohan had checked into Morningside Recovery". Only a finite deed counts: an
 * infinitive ("arrangements to check into Morningside"), a modal, "whether", "yet" or "no
 * longer" anywhere before it tells no deed; and only a name right after the verb (through
 * prepositions and articles) is its object: a common noun ("the store") could be any store.
 */
function polarityAt(tokens: Token[], h: number, text: string): { verbs: Set<string>; object: string; denied: boolean; start: number; end: number } | null {
  const lower = (t: Token) => text.slice(t.start, t.end).toLowerCase().replace('’', "'");
  const head = tokens[h]!;
  // By lemma too: tokenised "ca n't" and "wo n't" are "can" and "will".
  if (tokens.some((t, k) => NOT_YET.has(lower(t)) || (k < h && (NOT_A_DEED.has(lower(t)) || NOT_A_DEED.has(t.lemma))))) return null;
  // The auxiliaries and adverbs right before the verb, with contractions as tokenised text
  // prints them ("hadn ’ t been submitted"): a denial, or "to" of an infinitive.
  let from = h;
  for (let k = h - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const w = lower(t);
    const contraction = /^['’]$/.test(w) || (w === 't' && /^['’]$/.test(lower(tokens[k - 1] ?? t))) || (/n$/.test(w) && /^['’]$/.test(lower(tokens[k + 1] ?? t)));
    if (!contraction && t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') break;
    if (w === 'to' || w === 'only') return null;
    from = k;
  }
  const denied = DENIED.test(text.slice(tokens[from]!.start, head.start));
  const start = denied ? tokens[from]!.start : head.start;
  // An asserted deed with a denial anywhere before it ("nobody saw that she entered") is left alone.
  if (!denied && ANY_DENIAL.test(text.slice(tokens[0]!.start, head.start))) return null;
  const lemma = foldTerm(head.lemma);
  let k = h + 1;
  let verb = lemma;
  if (PHRASAL[lemma]) {
    if (!tokens[k] || !PHRASAL[lemma]!.has(lower(tokens[k]!))) return null;
    verb = `${lemma} in`;
    k++;
  }
  // The name the deed is done to: after at most one preposition ("into", "to", "with"), articles and quotation marks.
  let prepositions = 0;
  for (const limit = k + OBJECT_REACH; k < tokens.length && k < limit; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PROPN') {
      if (DATE_NAME.test(lower(t))) return null;
      // Denying a deed denies it alone; asserting it asserts what it entails.
      return { verbs: new Set(denied ? [verb] : [verb, ...(ENTAILS[verb] ?? [])]), object: foldTerm(text.slice(t.start, t.end)), denied, start, end: t.end };
    }
    if (t.pos === 'ADP' && prepositions++ === 0) continue;
    if (t.pos !== 'DET' && !/^["“”‘’']$/.test(lower(t))) return null;
  }
  return null;
}

/** How many words may stand between a preposition and the noun of its place ("in the parking lot"). */
const PLACE_REACH = 3;

/** The term of the place right after a noun: "cars in the parking lot" → lot; null when none follows. */
function placeAfter(tokens: Token[], h: number, text: string): string | null {
  const prep = tokens[h + 1];
  if (!prep || prep.pos !== 'ADP' || !/^(?:in|at|on|near|outside|inside)$/i.test(text.slice(prep.start, prep.end))) return null;
  for (let k = h + 2; k < tokens.length && k <= h + 1 + PLACE_REACH; k++) {
    const t = tokens[k]!;
    if ((t.pos === 'NOUN' || t.pos === 'PROPN') && tokens[k + 1]?.pos !== 'NOUN' && tokens[k + 1]?.pos !== 'PROPN') return termKey(text.slice(t.start, t.end), t);
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'PROPN') return null;
  }
  return null;
}

/** Whether the words qualifying two nouns leave them the same thing: one has none, or they share one. */
const compatible = (a: Set<string>, b: Set<string>) => a.size === 0 || b.size === 0 || [...a].some((m) => b.has(m));

const samePeople = (a: ClaimUnit, b: ClaimUnit) => a.people.size === 0 || b.people.size === 0 || [...a.people].some((p) => b.people.has(p));
const sharePerson = (a: ClaimUnit, b: ClaimUnit) => [...a.people].some((p) => b.people.has(p));

/** The clauses' verb and noun terms they share outside `slotWords`: what happened besides the disputed detail. */
const sharedEvent = (a: ClaimUnit, b: ClaimUnit, slotWords: Set<string>) => [...a.events].some((e) => b.events.has(e) && !slotWords.has(e));

/**
 * Whether two phrases of different sources dispute one slot. Counts: a number or a vague amount
 * against the one an indefinite article counts (numbers against numbers are the quantity
 * detector's); the same people. Ranks: the same person named on both sides. Directions: the same
 * people, and the clauses share what happened besides the movement ("struck as she walked into").
 */
function disputes(p: SlotPhrase, q: SlotPhrase, units: ClaimUnit[]): boolean {
  if (p.kind !== q.kind || p.slot !== q.slot || p.value === q.value || !compatible(p.modifiers, q.modifiers)) return false;
  const [a, b] = [units[p.unit]!, units[q.unit]!];
  // A clause that states both values says two things, not one of two rival things.
  if (statesValue(a, p, q) || statesValue(b, q, p)) return false;
  switch (p.kind) {
    case 'count': {
      const [x, y] = [p.range!, q.range!];
      if (!(x[1] < y[0] || y[1] < x[0])) return false;
      if (p.stated !== 'article' && q.stated !== 'article') return false;
      // An indefinite article counts a total only of what someone has ("has a prior conviction").
      // After a verb of a happening it introduces one instance ("rescued a merchant vessel"),
      // while other reports count other instances ("rescued two merchant vessels" last month),
      // unless both sides pin the happening to one place ("hit another car in the parking lot").
      const possession = p.slot.startsWith(`${HAVE}|`);
      if (p.place && q.place && p.place !== q.place) return false;
      if (!possession && !(p.place && p.place === q.place)) return false;
      return samePeople(a, b);
    }
    case 'ordinal':
      return sharePerson(a, b);
    case 'direction':
      return samePeople(a, b) && sharedEvent(a, b, new Set(p.slot.split('|')));
    case 'polarity': {
      // The denied deed must be one the other clause asserts (itself or by entailment), of the same people.
      const [yes, no] = p.value === 'yes' ? [p, q] : [q, p];
      return [...no.verbs!].every((v) => yes.verbs!.has(v)) && samePeople(a, b);
    }
  }
}

/** Whether `unit` (which gives `own`) also gives `other`'s value in the same slot. */
const statesValue = (unit: ClaimUnit, own: SlotPhrase, other: SlotPhrase) => phraseCache.get(unit)?.some((r) => r !== own && r.slot === other.slot && r.value === other.value) ?? false;

const phraseCache = new WeakMap<ClaimUnit, SlotPhrase[]>();

const SUBJECTS: Record<SlotPhrase['kind'], (p: SlotPhrase) => string> = {
  count: (p) => `how many: ${p.text.replace(/^\S+\s+/, '')}`,
  ordinal: (p) => `which in order: ${p.text.replace(/^\S+\s+/, '')}`,
  direction: (p) => `which way: ${p.text}`,
  polarity: (p) => `whether: ${p.text.replace(/^(?:not|n't|never)\s+/i, '')}`,
};

const ASPECTS: Record<SlotPhrase['kind'], ConflictAspect> = { count: 'count', ordinal: 'order', direction: 'direction', polarity: 'whether' };

/**
 * Slot conflicts of a story: phrases of different sources disputing one slot (`disputes`),
 * gathered per slot; each value a position listing the statements that print it.
 */
export function findSlotConflicts(units: ClaimUnit[], sourceOf: (unit: ClaimUnit) => string): Conflict[] {
  const phrases = units.flatMap((u, i) => {
    const found = phrasesOf(u, i);
    phraseCache.set(u, found);
    return found;
  });
  const bySlot = new Map<string, SlotPhrase[]>();
  for (const p of phrases) bySlot.set(`${p.kind}|${p.slot}`, [...(bySlot.get(`${p.kind}|${p.slot}`) ?? []), p]);
  const conflicts: Conflict[] = [];
  for (const slot of bySlot.values()) {
    const involved = new Set<SlotPhrase>();
    for (let i = 0; i < slot.length; i++) {
      for (let j = i + 1; j < slot.length; j++) {
        const [p, q] = [slot[i]!, slot[j]!];
        if (sourceOf(units[p.unit]!) === sourceOf(units[q.unit]!) || !disputes(p, q, units)) continue;
        involved.add(p);
        involved.add(q);
      }
    }
    if (!involved.size) continue;
    const byValue = new Map<string, SlotPhrase[]>();
    for (const p of slot) if (involved.has(p)) byValue.set(p.value, [...(byValue.get(p.value) ?? []), p]);
    const positions: Position[] = [...byValue.values()].map((ps) => ({
      value: [...new Set(ps.map((p) => p.text))].join(' / '),
      refs: ps.map((p) => ({ unit: p.unit, value: { start: p.start, end: p.end, text: p.text }, cite: valueCitation(units[p.unit]!, p) })),
    }));
    const kind = [...involved][0]!.kind;
    conflicts.push({ subject: SUBJECTS[kind]([...involved][0]!), aspect: ASPECTS[kind], positions });
  }
  return conflicts;
}
