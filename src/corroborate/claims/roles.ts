import type { Doc, Span, Token } from '../../doc/types.js';
import type { ExportEntity } from '../../export/types.js';
import { REPORTING_VERBS } from '../../analyze/quotes/lexicon/speech-verbs.js';
import { indefiniteArticle } from '../../text/english.js';
import { termKey } from './units.js';

/**
 * A role news prints beside a person's name: before it ("Chargers defensive tackle Jamal
 * Williams", "team president Billy King") or as an appositive after it ("Ed Snider, the chairman
 * of Comcast-Spectacor,"). The role is a fact of its own about that person, stated inside a
 * sentence about something else.
 */
export interface PersonRole {
  /** The person's story-wide id (its referent). */
  entity: string;
  name: string;
  /** The role's head noun as a term ("tackl", "presid"): what the role is. */
  head: string;
  /** The role as printed ("Chargers defensive tackle", "the chairman of Comcast - Spectacor"). */
  title: string;
  /** Whether the role follows the name (an appositive, printed with its own article). */
  after: boolean;
  /** The name with its role, as printed: what cites the role. */
  cite: Span;
}

/** Most words of a role before a name ("ABC Entertainment Group president"). */
const BEFORE_WORDS = 6;
/** Most words of an appositive role ("the defensive tackle for the San Diego Chargers"). */
const AFTER_WORDS = 9;
/** Parts of speech a role before a name is made of. */
const ROLE_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Words opening an appositive role. */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

type Mention = { start: number; end: number; entity: ExportEntity; referent: string };

/**
 * The roles printed beside the people a clause names. A role's head is a common noun of three
 * letters or more (a title word the tagger reads as a name counts when no name covers it); a role
 * holds no verb, and an appositive opens on an article (after an age: "Cheeks, 48, a four-time
 * all-star,") and runs to the next comma or the sentence's end, naming no other person.
 */
export function personRoles(doc: Doc, clause: Span, tokens: Token[], mentions: Mention[]): PersonRole[] {
  const text = doc.text;
  const word = (t: Token) => text.slice(t.start, t.end);
  const inName = (t: Token) => mentions.some((m) => t.start >= m.start && t.end <= m.end);
  // A title word the tagger reads as a name, or as a verb after an adjective ("defensive tackle"), is a noun in a role; a plural is a role of several people.
  const isHead = (t: Token, previous?: Token) => (t.pos === 'NOUN' || (t.pos === 'PROPN' && !inName(t)) || (t.pos === 'VERB' && previous?.pos === 'ADJ' && !/(?:ed|ing)$/.test(word(t)))) && /^\p{L}{3,}$/u.test(word(t)) && !(t.pos === 'NOUN' && /s$/.test(word(t).toLowerCase()) && t.lemma !== word(t).toLowerCase());
  // Inside a role: nouns, names, adjectives and title-case participles modifying them ("Managing Editor"; not "including"), "and" joining two roles.
  const inRole = (t: Token) => ROLE_POS.has(t.pos) || (t.pos === 'VERB' && /^\p{Lu}\p{Ll}+ing$/u.test(word(t))) || (t.pos === 'CCONJ' && word(t).toLowerCase() === 'and');
  const within = tokens.filter((t) => t.start >= clause.start && t.end <= clause.end);
  const out: PersonRole[] = [];
  for (const m of mentions) {
    if (m.entity.type !== 'person' || m.start < clause.start || m.end > clause.end) continue;
    const base = { entity: m.referent, name: m.entity.name };
    const at = within.findIndex((t) => t.start >= m.start);
    const last = within.findIndex((t) => t.start >= m.end);
    // Before the name: nouns, names and adjectives back to the first other word, the head right before the name.
    const head = within[at - 1];
    const person = (t: Token) => mentions.some((o) => o.entity.type === 'person' && t.start >= o.start && t.end <= o.end);
    if (head && isHead(head, within[at - 2]) && !person(head)) {
      let first = at - 1;
      while (first - 1 >= 0 && at - first < BEFORE_WORDS && inRole(within[first - 1]!) && !person(within[first - 1]!)) first--;
      // A role does not open on "and"; each role of "President and General Manager" has its head.
      while (first < at - 1 && within[first]!.pos === 'CCONJ') first++;
      const heads = [head, ...within.slice(first, at - 1).filter((t, k, run) => run[k + 1]?.pos === 'CCONJ' && isHead(t, run[k - 1]))];
      for (const h of heads) {
        const key = termKey(word(h), h);
        const cite = withVerb(within, { start: within[first]!.start, end: m.end }, false);
        if (key && cite) out.push({ ...base, head: key, title: text.slice(within[first]!.start, head.end), after: false, cite });
      }
    }
    // After the name: ", [age ,] a/an/the … ," with no verb and no other person.
    if (last < 0 || word(within[last]!) !== ',') continue;
    let from = last + 1;
    if (within[from] && /^\d{1,3}$/.test(word(within[from]!)) && within[from + 1] && word(within[from + 1]!) === ',') from += 2;
    // An appositive opens on an article, or on a lower-case noun ("Paul Lee, president, ABC").
    if (!within[from] || !(ARTICLES.has(word(within[from]!).toLowerCase()) || (within[from]!.pos === 'NOUN' && /^\p{Ll}/u.test(word(within[from]!))))) continue;
    let to = from;
    // An auxiliary after a noun ends it too: the closing comma left out ("Jamal Williams, the defensive tackle for the San Diego Chargers was arrested").
    while (to < within.length && to - from <= AFTER_WORDS && !/^[,;:.!?()]$/.test(word(within[to]!)) && !(to > from && within[to]!.pos === 'AUX' && (within[to - 1]!.pos === 'NOUN' || within[to - 1]!.pos === 'PROPN'))) to++;
    const phrase = within.slice(from, to);
    // No verb but a participle before a noun ("a managing editor").
    if (to - from > AFTER_WORDS || phrase.some((t, k) => (t.pos === 'VERB' && !(/ing$/.test(word(t)) && phrase[k + 1]?.pos === 'NOUN')) || t.pos === 'AUX' || t.pos === 'PRON')) continue;
    // The head: the last noun before the first preposition ("the chairman of Comcast"); a person named there makes it a list of names, one after it is the role's ("the wife of …").
    const preposition = phrase.findIndex((t) => t.pos === 'ADP');
    const core = preposition < 0 ? phrase : phrase.slice(0, preposition);
    if (mentions.some((o) => o.entity.type === 'person' && o.start >= core[0]!.start && o.end <= core.at(-1)!.end)) continue;
    const noun = [...core].reverse().find((t) => isHead(t, core[core.indexOf(t) - 1]));
    const key = noun && termKey(word(noun), noun);
    const cite = withVerb(within, { start: m.start, end: phrase.at(-1)!.end }, true);
    if (key && cite) out.push({ ...base, head: key, title: text.slice(phrase[0]!.start, phrase.at(-1)!.end), after: true, cite });
  }
  return out;
}

/** Words telling a role held no more. */
const PAST_ROLE = /\b(?:former|ex|onetime|one-time|erstwhile|retired|late|then)\b/i;

/** How many words from a name with its role the verb its citation takes may stand. */
const VERB_REACH = 4;

/**
 * The name with its role, and the nearest verb of its phrase within `VERB_REACH` words ("Chargers
 * defensive tackle Jamal Williams was arrested", past the comma closing an appositive; before it,
 * a verb of saying: "said team president Billy King"): a citation is a statement, never a bare
 * name. Null when no verb is that near.
 */
function withVerb(tokens: Token[], cite: Span, appositive: boolean): Span | null {
  const from = tokens.findIndex((t) => t.start >= cite.start);
  let to = tokens.findLastIndex((t) => t.end <= cite.end);
  const verb = (t: Token | undefined) => t?.pos === 'VERB' || t?.pos === 'AUX';
  if (appositive && tokens[to + 1]?.pos === 'PUNCT' && tokens[to + 2] && verb(tokens[to + 2])) to++;
  for (let k = 1, left = true, right = true; k <= VERB_REACH && (left || right); k++) {
    const [after, before] = [tokens[to + k], tokens[from - k]];
    if (right && verb(after)) {
      // An auxiliary takes its verb along ("was arrested", "has been named").
      let end = to + k;
      while (tokens[end]?.pos === 'AUX' && verb(tokens[end + 1])) end++;
      return { start: cite.start, end: tokens[end]!.end };
    }
    // Before the name only a verb of saying whose subject it is ("said Paul Lee, president"); any other has its own subject ("to host Colombian President …").
    if (left && verb(before) && REPORTING_VERBS.has(before!.lemma)) return { start: before!.start, end: cite.end };
    // A phrase ends at punctuation.
    right &&= after !== undefined && after.pos !== 'PUNCT';
    left &&= before !== undefined && before.pos !== 'PUNCT';
  }
  return null;
}

/** Sources a role needs, as a fact found in phrases of longer sentences (`PIECE_SOURCES`): two may print one person's two roles alike by chance. */
const ROLE_SOURCES = 3;

/** A role several sources print beside one person's name: one citation per article. */
export interface RoleFacet {
  text: string;
  refs: Array<{ unit: number; cite: Span }>;
}

/**
 * Roles that units of two or more sources print beside one person: the same person (story-wide
 * id) and the same head noun ("defensive tackle" / "nose tackle"; "defensive lineman" is another
 * role), both held now or both held before. One citation per article, its first; worded "Jamal
 * Williams is a defensive tackle" after the briefest role printed mid-sentence (a capital opening a
 * sentence is no part of the role).
 */
export function roleFacets(units: Array<{ roles: PersonRole[]; doc: Doc }>, sourceOf: (unit: number) => string): RoleFacet[] {
  const groups = new Map<string, Array<{ unit: number; role: PersonRole }>>();
  units.forEach((u, unit) => {
    for (const role of u.roles) {
      // A former role is another fact than the role held ("the former head coach of the Boston Celtics" / "Coach Jim O'Brien").
      const key = `${role.entity}|${role.head}|${PAST_ROLE.test(role.title)}`;
      groups.set(key, [...(groups.get(key) ?? []), { unit, role }]);
    }
  });
  const facets: RoleFacet[] = [];
  for (const group of groups.values()) {
    const perArticle = new Map<string, { unit: number; role: PersonRole }>();
    for (const ref of group) {
      const doc = units[ref.unit]!.doc.id;
      const seen = perArticle.get(doc);
      if (!seen || ref.role.cite.start < seen.role.cite.start) perArticle.set(doc, ref);
    }
    const refs = [...perArticle.values()];
    if (new Set(refs.map((r) => sourceOf(r.unit))).size < ROLE_SOURCES) continue;
    const capital = (r: PersonRole) => (/^\p{Lu}/u.test(r.title) ? 1 : 0);
    const briefest = [...refs].sort((a, b) => capital(a.role) - capital(b.role) || a.role.title.length - b.role.title.length)[0]!.role;
    facets.push({ text: `${briefest.name} is ${roleWords(briefest)}`, refs: refs.map((r) => ({ unit: r.unit, cite: r.role.cite })) });
  }
  return facets;
}

/** A role as the complement of "is": an appositive keeps its article, a role before a name takes "a" or "an". */
function roleWords(role: PersonRole): string {
  if (role.after) return role.title;
  return `${indefiniteArticle(role.title)} ${role.title}`;
}
