import type { Doc, EntityMention, Paragraph, Span, Token } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { isHeadingLike, isNameWord, nameRuns, wordsOf, type Word } from './chunk.js';
import { NAME_CONNECTORS } from './lexicon/not-names.js';
import { classifyName, type Typing } from './classify.js';
import { placeOf } from './lexicon/gazetteer.js';
import { isCity } from './lexicon/cities.js';
import { PLACE_FEATURES } from './lexicon/locations.js';
import { ORG_DROPPABLE_SUFFIXES, ORG_SUFFIX_CUES } from './lexicon/organizations.js';
import { keyWords, nameKey } from './normalize.js';
import { isFirstName, packageKinds } from './lexicon/package-names.js';
import { PATTERNS } from './patterns.js';
import { appositiveAfter, lowercaseTitleBefore, splitTitle, SURNAME_TITLES } from './title.js';
import { ORG_ROLES, typeFromContext } from './context.js';
import { demonymOf } from './lexicon/gazetteer.js';
import { TITLE_MODIFIERS } from './lexicon/titles.js';

/** Rule of a lone unknown word opening a sentence: dropped unless it turns out to be a surname. */
const UNKNOWN_INITIAL = 'entities/unknown-initial';

/** Most words looked at for a multi-word place inside a title ("United States Secretary"). */
const MAX_PLACE_WORDS = 4;

const spanOf = (words: Word[]): Span => ({ start: words[0]!.start, end: words.at(-1)!.end });

/**
 * Splits a run at "and"/"&" unless the run ends in an organisation cue and no person's full
 * name stands before the conjunction.
 * Why: "Colombia and Venezuela" are two places, while "Velmora Fire and Rescue Service" is one
 * organisation; "A.J. Jones and U.S. Steel" is a person and a firm.
 * Fails on: an organisation without a cue at its end ("Procter and Gamble" is split).
 */
export function splitAtConjunction(run: Word[]): Word[][] {
  const last = run.at(-1)!.text.toLowerCase();
  if (ORG_SUFFIX_CUES.has(last) || isFieldAfterInstitution(run)) {
    const and = personBeforeConjunction(run);
    return and > 0 ? [run.slice(0, and), ...splitAtConjunction(run.slice(and + 1))] : [run];
  }
  const parts: Word[][] = [];
  let part: Word[] = [];
  for (const [i, word] of run.entries()) {
    if ((word.text === 'and' || word.text === '&' || word.text === 'y') && !surnamesFirmAt(run, i)) {
      if (part.length) parts.push(part);
      part = [];
    } else part.push(word);
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * Decides that "and" joins two fields of one institution's name: the words before it are an
 * institution by its head noun and "of"/"for"/"on" ("Department of Housing", "Centers for
 * Disease Control"), and the words after it are no name any list knows ("Urban Development",
 * "Prevention"), so they do not name a second party.
 * Why: "Centers for Disease Control and Prevention", "Office of Management and Budget" are one name.
 * Fails on: an institution and an unlisted one-word company ("Ministry of Defence and Zorbex" is one name).
 */
function isFieldAfterInstitution(run: Word[]): boolean {
  const and = run.findIndex((w) => w.text === 'and' || w.text === '&');
  if (and <= 0 || and === run.length - 1) return false;
  const left = run.slice(0, and);
  if (!left.some((w) => INNER_PREPOSITIONS.has(w.text)) || classifyName(left)?.rule !== 'entities/org-cue') return false;
  return run.slice(and + 1).every((w) => PATTERNS.capitalised.test(w.text) && !PATTERNS.allCaps.test(w.text) && packageKinds(w.text).size === 0 && !placeOf(w.text));
}

/**
 * Index of the first "and"/"&" when the words before it are a person's full name (first name or
 * initials, then a surname) and the words after it a name of two or more words that does not
 * open with an organisation word; else -1.
 * Why: a cue at the end of "A.J. Jones and U.S. Steel" types only the name after "and";
 * "John D. and Catherine T. MacArthur Foundation" (no surname before "and") and "John Smith &
 * Sons" (no name after it) stay whole.
 * Fails on: a firm named after two people with a cue-free part after "and" ("Lee Smith and Jo
 * Brown Partners" is split).
 */
function personBeforeConjunction(run: Word[]): number {
  const and = run.findIndex((w) => w.text === 'and' || w.text === '&');
  if (and < 2 || run.length - and - 1 < 2) return -1;
  const left = run.slice(0, and);
  const rule = classifyName(left)?.rule;
  // "Delmar Fire and Rescue Service": a word that qualifies an institution ("Fire", "Police", "State") is no surname.
  const surname = left.at(-1)!.text;
  const person = (rule === 'entities/first-name' || rule === 'entities/initials') && !PATTERNS.middleInitial.test(surname) && !TITLE_MODIFIERS.has(surname.toLowerCase());
  return person && !ORG_SUFFIX_CUES.has(run[and + 1]!.text.toLowerCase()) ? and : -1;
}

/**
 * Decides that the "&" at `at` joins two founders' names into one firm's name: one capitalised word
 * on each side, neither a place, not both first names, and no other name word next to them.
 * Why: news writes firms named after their founders with "&" ("Procter & Gamble", "Johnson &
 * Johnson", "Simon & Schuster", "Ernst & Young": a founder's surname may also be a first name), and
 * two people with "and" or with their full names; "Peru & Chile" (places) and "Mira & Lena" (two first
 * names) still split.
 * Fails on: two people named by surname alone and joined by "&" in a headline ("Varga & Solt meet");
 * a firm of two first names ("Ben & Jerry's" is split).
 */
function surnamesFirmAt(run: Word[], at: number): boolean {
  if (run[at]!.text !== '&') return false;
  const [before, after] = [run[at - 1], run[at + 1]];
  const word = (w: Word | undefined): w is Word => !!w && PATTERNS.capitalised.test(w.text) && !PATTERNS.allCaps.test(w.text) && !placeOf(w.text);
  // Only one word on each side: "Mira Solt & Lena Hart" are two people.
  const alone = (w: Word | undefined) => !w || NAME_CONNECTORS.has(w.text);
  return word(before) && word(after) && !(isFirstName(before.text) && isFirstName(after.text)) && alone(run[at - 2]) && alone(run[at + 2]);
}

/** Prepositions that may stand inside a name but split a run when the whole is no known kind of name. */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'on']);

/**
 * Splits a run at "of" ("for", "on") unless the words before it are a title, or the whole is
 * an organisation or place that takes one ("Council of Ministers", "Republic of Colombia",
 * "Centers for Disease Control").
 * Why: "the Governments of Colombia" names Colombia, not a "Governments of Colombia"; "a
 * Porsche on Pacific Coast Highway" is two names.
 * A person's full name before "of", after a title or not, splits off ("David Buik of BGC Partners", "Senator Doug Pratt of Kansas" are two names).
 * Fails on: a cue-less name with "of" inside ("Sisters of Mercy" is split).
 */
export function splitAtOf(run: Word[]): Word[][] {
  const at = run.findIndex((w) => INNER_PREPOSITIONS.has(w.text));
  if (at <= 0) return [run];
  const whole = classifyName(run);
  const left = run.slice(0, at);
  const title = splitTitle(run).title;
  // "Senator Doug Pratt of Kansas": a title, a person's full name, then "of": the person, of the place or firm after it.
  const named = run.slice(title.length, at);
  const titledPersonOf = title.length > 0 && title.length < at && named.length >= 2 && isFirstName(named[0]!.text);
  const titled = title.length > 0 && !titledPersonOf;
  const typedByCue = whole && whole.rule !== 'entities/unknown-name' && whole.rule !== 'entities/name-shape';
  // "of" holds any typed name together ("Gulf of Mexico"); "for" and "on" only an organisation ("Council on Foreign Relations").
  const holds = run[at]!.text === 'of' ? typedByCue : typedByCue && whole.type === 'organization';
  // "David Buik of BGC Partners": a person's full name before "of" is that person, of the organisation after it.
  // "Analyst Rob Enderle of Enderle Group": a title before the person's name too (the cue at the run's end hid it above).
  const leftName = left.slice(title.length ? 0 : splitTitle(left).title.length);
  const personOfOrg = leftName.length >= 2 && classifyName(leftName)?.rule === 'entities/first-name';
  if (titled || (holds && !personOfOrg && !titledPersonOf)) return [run];
  return [left, ...splitAtOf(run.slice(at + 1))];
}

/**
 * How many leading words of a run are a place or a demonym that qualifies the untyped name
 * after it (0 when the whole run is a typed name, or nothing is left after the place).
 * Why: "President of the United States Barack Obama" leaves the run "United States Barack
 * Obama"; "Japanese Toyota" names Toyota.
 * Fails on: a cue-less organisation named after its country ("Indonesia Airasia" loses "Indonesia").
 */
export function leadingPlaceWords(run: Word[]): number {
  const whole = classifyName(run);
  if (!whole || whole.rule !== 'entities/unknown-name') return 0;
  for (let n = Math.min(MAX_PLACE_WORDS, run.length - 1); n >= 1; n--) {
    const text = run.slice(0, n).map((w) => w.text).join(' ');
    if (placeOf(text) || demonymOf(text)) return n;
  }
  return 0;
}

/** Places named inside a title ("U.S." in "U.S. President Donald Trump"), longest match first. */
function placesIn(words: Word[]): Array<{ words: Word[]; ref: string }> {
  const found: Array<{ words: Word[]; ref: string }> = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(MAX_PLACE_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const place = placeOf(words.slice(i, i + n).map((w) => w.text).join(' '));
      if (place) {
        found.push({ words: words.slice(i, i + n), ref: place.id });
        matched = n;
      }
    }
    i += matched || 1;
  }
  return found;
}

/**
 * Takes the lower-case geographic noun after an unknown or place name into the name.
 * Why: "the Orlen gorge" and "the Lower Quay district" name places; without the noun "Orlen"
 * would be an untyped word.
 * Fails on: a person's name before such a noun ("the Smith river trip" reads "Smith river").
 */
function withPlaceFeature(sentence: Word[], name: Word[], typing: Typing): { words: Word[]; typing: Typing } {
  const unknown = typing.rule === 'entities/unknown-name';
  if (!unknown && !(typing.type === 'location' && typing.rule !== 'entities/gazetteer')) return { words: name, typing };
  const words = [...name];
  let at = sentence.findIndex((w) => w.start === name.at(-1)!.start) + 1;
  while (sentence[at] && PLACE_FEATURES.has(sentence[at]!.text)) words.push(sentence[at++]!);
  // "the Estravan coast guard" is an organisation whose name starts with a place noun.
  const after = sentence[at]?.text;
  if (after && ORG_SUFFIX_CUES.has(after)) return { words: name, typing };
  if (words.length === name.length) return typedByContext(sentence, name, typing);
  return { words, typing: { type: 'location', score: 0.8, rule: 'entities/place-feature' } };
}

/**
 * Types an unknown name from the words around it (see `typeFromContext`).
 * Why: "the cable car in Velmora" is a place, "the airline Aeroflot" an organisation.
 * Fails on: an organisation after "in" ("a stake in Boeing").
 */
function typedByContext(sentence: Word[], name: Word[], typing: Typing): { words: Word[]; typing: Typing } {
  if (typing.rule !== 'entities/unknown-name') return { words: name, typing };
  return { words: name, typing: typeFromContext(sentence, name) ?? typing };
}

/**
 * Decides that a run is a dateline's place: words in capitals opening a paragraph, followed by
 * a comma or a dash.
 * Why: "BRENHOLM — A field guide…", "WASHINGTON, Jan 09 —" name where the report was filed.
 * Fails on: a shouted organisation opening a paragraph ("NASA, in a statement, …").
 * `at`: index of the word after the run, when the caller knows it (saves a search of the sentence).
 */
export function isDateline(sentence: Word[], run: Word[], paragraphStart: number, at = sentence.indexOf(run.at(-1)!) + 1): boolean {
  if (run[0]!.start !== paragraphStart || !run.every((w) => PATTERNS.allCaps.test(w.text) && w.text.length > 1)) return false;
  const after = sentence[at];
  if (after === undefined || !PATTERNS.datelineAfter.test(after.text)) return false;
  // A date after the place, or prose after the dash: "SOCCER - PREMIER LEAGUE RESULTS" is a shouted heading, not a dateline.
  if (PATTERNS.number.test(after.text[0] ?? '')) return true;
  for (let k = at + 1; k < sentence.length; k++) if (PATTERNS.lowerCaseWord.test(sentence[k]!.text) && sentence[k]!.text === sentence[k]!.text.toLowerCase()) return true;
  return false;
}

/**
 * The mentions of one run of capitalised words. Order matters: a dateline is taken whole; then
 * the run is split at "and" and "of"; each part loses its title (places named in the title are
 * mentions of their own); the name is typed; an appositive role or a title makes a person
 * unless the name is a known place or organisation; a lone unknown word opening the sentence
 * is only a candidate; last, a geographic noun after the name may make it a place.
 */
function mentionsOfRun(sentence: Word[], run: Word[], paragraphStart = -1): EntityMention[] {
  const out: EntityMention[] = [];
  if (isDateline(sentence, run, paragraphStart) && !placeOf(run.map((w) => w.text).join(' '))) {
    return [{ ...spanOf(run), type: 'location', score: 0.8, rule: 'entities/dateline' }];
  }
  for (const whole of splitAtConjunction(run).flatMap(splitAtOf)) {
    // "United States Barack Obama", "Japanese Toyota": a leading place or demonym before an untyped name qualifies it.
    const lead = splitTitle(whole).title.length ? 0 : leadingPlaceWords(whole);
    const part = whole.slice(lead);
    if (lead > 0 && placeOf(whole.slice(0, lead).map((w) => w.text).join(' '))) for (const mention of mentionsOfRun(sentence, whole.slice(0, lead))) out.push(mention);
    const { title, name, rest } = splitTitle(part);
    for (const place of placesIn(title)) out.push({ ...spanOf(place.words), type: 'location', score: 1, rule: 'entities/gazetteer', ref: place.ref });
    const owner = ownerInTitle(title);
    if (owner.length) out.push({ ...spanOf(owner), ...(classifyTyped(owner) ?? { type: 'organization', score: 0.7, rule: 'entities/title-owner' }) });
    if (rest.length) for (const mention of mentionsOfRun(sentence, rest)) out.push(mention);
    // "King told reporters" after "Tishana King": a lone title word that is also a surname is kept as a candidate,
    // a name only if the article names a person with that surname (`propagateTypes`).
    if (name.length === 0 && title.length === 1 && SURNAME_TITLES.has(title[0]!.text.toLowerCase()) && /^\p{Lu}\p{Ll}+$/u.test(title[0]!.text)) {
      out.push({ ...spanOf(title), type: 'other', score: 0.2, rule: UNKNOWN_INITIAL });
      continue;
    }
    if (name.length === 0) continue;
    const lowerTitle = title.length ? [] : lowercaseTitleBefore(sentence, name[0]!.start);
    const described = title.length ? title : lowerTitle;
    let typing = classifyName(name);
    if (!typing) continue;
    // "Zelphia King": a given name before a title word that is also a surname (see splitTitle) is a person's name.
    if (typing.type === 'other' && !title.length && name.length === 2 && SURNAME_TITLES.has(name[1]!.text.toLowerCase())) typing = { ...typing, type: 'person', score: 0.7, rule: 'entities/title-surname' };
    const weak = typing.rule === 'entities/unknown-name';
    const appositive = typing.type === 'person' || weak ? appositiveAfter(sentence, name.at(-1)!.end) : [];
    if (appositive.length && !described.length) {
      out.push({ ...spanOf(name), type: 'person', score: 0.9, rule: 'entities/appositive', description: spanOf(appositive) });
      continue;
    }
    // A lone unknown capital opening a sentence is the sentence's capital ("Tensions escalated…") unless the
    // article names someone with that surname ("Sánchez outlined…"): kept as a candidate until `propagateTypes`.
    if (typing.rule === 'entities/unknown-name' && name.length === 1 && name[0]!.initial && !described.length) {
      out.push({ ...spanOf(name), type: 'other', score: 0.2, rule: UNKNOWN_INITIAL });
      continue;
    }
    if (described.length && (weak || typing.type === 'person' || typing.type === 'other')) {
      out.push({ ...spanOf(name), type: 'person', score: 1, rule: 'entities/title', description: spanOf(described) });
      continue;
    }
    const extended = withPlaceFeature(sentence, name, typing);
    out.push({ ...spanOf(extended.words), ...extended.typing });
  }
  return out;
}

/**
 * The organisation named at the head of a capitalised title: the words before its first role
 * word, when they are not a place, a demonym or a modifier ("Apple" in "Apple CEO Steve Jobs",
 * "Uralsib" in "Uralsib Analyst").
 * Why: the person holds the role at that organisation; dropping the words lost the company.
 * Fails on: a person's name before a role ("Smith Chief of Staff…" is rare in capitalised runs).
 */
export function ownerInTitle(title: Word[]): Word[] {
  const role = title.findIndex((w) => ORG_ROLES.has(w.text.toLowerCase()) || TITLE_MODIFIERS.has(w.text.toLowerCase()));
  if (role <= 0) return [];
  const owner = title.slice(0, role);
  const text = owner.map((w) => w.text).join(' ');
  if (placeOf(text) || demonymOf(text) || owner.some((w) => placeOf(w.text) || demonymOf(w.text) || !PATTERNS.capitalised.test(w.text))) return [];
  return owner;
}

/** The typing of a name when a lexicon or gazetteer knows it; null when only its shape does. */
function classifyTyped(words: Word[]): Typing | null {
  const typing = classifyName(words);
  return typing && typing.rule !== 'entities/unknown-name' ? typing : null;
}

/** Suffixes after a surname ("Jr.", "III"), as name keys. */
const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Weakest evidence spread to the other mentions of a name: a lone "in Chrysler" must not make every "Chrysler" a place. */
const MIN_SPREAD_SCORE = 0.6;

/**
 * Spreads the strongest type over every mention of the same name in one article, makes the
 * short form of an organisation's name an organisation ("Apple" beside "Apple Computer"), and
 * makes a lone word that is the last word of a person's name in the article that person's.
 * Why: "Colombian President Gustavo Petro… Petro said" — the bare "Petro" is a surname.
 * Fails on: a company named like a person's surname mentioned beside that person ("Ford" near "Henry Ford").
 */
export function propagateTypes(text: string, mentions: EntityMention[]): EntityMention[] {
  const key = (m: EntityMention) => nameKey(text.slice(m.start, m.end));
  const best = new Map<string, EntityMention>();
  for (const m of mentions) {
    const k = key(m);
    const seen = best.get(k);
    if (!seen || m.score > seen.score) best.set(k, m);
  }
  const surnames = new Set<string>();
  for (const m of mentions) {
    const words = keyWords(text.slice(m.start, m.end));
    // "James P. Kennedy Jr." is Kennedy: a generational suffix is not the surname.
    while (words.length > 2 && GENERATIONAL.has(words.at(-1)!)) words.pop();
    if (m.type === 'person' && m.score >= 0.6 && words.length > 1) surnames.add(words.at(-1)!);
  }
  // "Apple Computer", "Kestrel Motor Company": the name without its corporate words is the organisation's short form.
  const shortForms = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'organization' || m.score < MIN_SPREAD_SCORE) continue;
    const words = keyWords(text.slice(m.start, m.end));
    let end = words.length;
    while (end > 1 && (ORG_SUFFIX_CUES.has(words[end - 1]!) || ORG_DROPPABLE_SUFFIXES.has(words[end - 1]!))) end--;
    if (end < words.length) shortForms.add(words.slice(0, end).join(' '));
    // "San Diego Chargers" → "Chargers": a team is named without its city.
    const city = words.slice(0, -1).join(' ');
    if (words.length > 1 && (placeOf(city) || isCity(city))) shortForms.add(words.at(-1)!);
  }
  return mentions.map((m) => {
    const k = key(m);
    const strongest = best.get(k)!;
    if (m.score < MIN_SPREAD_SCORE && strongest.score < MIN_SPREAD_SCORE && shortForms.has(k)) return { ...m, type: 'organization', score: 0.7, rule: 'entities/org-short-form' };
    // A sentence-initial unknown word is a name when the article also capitalises it mid-sentence.
    const confirmsInitial = m.rule === UNKNOWN_INITIAL && strongest.rule !== UNKNOWN_INITIAL;
    if (strongest.score > m.score && (strongest.score >= MIN_SPREAD_SCORE || confirmsInitial)) return { ...m, type: strongest.type, score: strongest.score, rule: `${strongest.rule}+same-name` };
    if (m.score < 0.9 && m.type !== 'person' && !k.includes(' ') && surnames.has(k)) return { ...m, type: 'person', score: 0.8, rule: 'entities/surname' };
    return m;
  });
}

/** Fewest mentions, all after "the", that make a name typed only by its first name no person's. */
const MIN_DETERMINED_MENTIONS = 2;

/**
 * Makes a name typed a person only because its first word is a first name an organisation when
 * the article writes "the" before every mention of it (at least two) that does not open a line.
 * Why: a person's name takes no article, a team's or an institution's does ("the Red Sox",
 * "the Grace Foundation"); one "the Mark Smith case" beside a bare "Mark Smith" keeps him a person.
 * Fails on: a family named in the plural ("the Kennedys" is one word, typed elsewhere).
 */
export function determinedNames(text: string, mentions: EntityMention[]): EntityMention[] {
  const key = (m: EntityMention) => nameKey(text.slice(m.start, m.end));
  const afterThe = (m: EntityMention) => /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, m.start - 5), m.start));
  const counts = new Map<string, { all: number; determined: number; byFirstName: boolean }>();
  for (const m of mentions) {
    const c = counts.get(key(m)) ?? { all: 0, determined: 0, byFirstName: true };
    c.byFirstName &&= m.rule === 'entities/first-name';
    // A headline drops its articles ("Red Sox extend offer"): a mention opening a line is not counted.
    if (m.start === 0 || text[m.start - 1] === '\n') {
      counts.set(key(m), c);
      continue;
    }
    c.all++;
    if (afterThe(m)) c.determined++;
    counts.set(key(m), c);
  }
  return mentions.map((m) => {
    const c = counts.get(key(m))!;
    return c.byFirstName && c.all >= MIN_DETERMINED_MENTIONS && c.determined === c.all ? { ...m, type: 'organization', score: 0.7, rule: 'entities/determined-name' } : m;
  });
}

/**
 * Makes a name followed by a model or series number a product's name, the number included
 * ("Boeing 737", "Airbus 380"), and a name that the text calls an index ("the Nikkei stock
 * index", "FTSE 100 index", "the stock index FTSE 100", "Nasdaq fell 82 points") an index
 * wherever the article writes it. Both are `other`: neither is the company or the place.
 * Why: a maker's name before a model number names the model; a market index is no organisation.
 * An acronym's number is left to the acronym rule ("VTV 9" is a channel, "KTV 4 reporters" a count).
 * Fails on: a club followed by its score in prose ("Arsenal 2 Chelsea 1" outside a table).
 */
export function productsAndIndexes(text: string, mentions: EntityMention[]): EntityMention[] {
  const keep = (m: EntityMention) => m.type === 'person' || m.rule === 'entities/gazetteer';
  const indexes = new Set<string>();
  for (const m of mentions) {
    if (keep(m)) continue;
    if (PATTERNS.indexAfterName.test(text.slice(m.end, m.end + 40)) || PATTERNS.indexBeforeName.test(text.slice(Math.max(0, m.start - 40), m.start))) indexes.add(nameKey(text.slice(m.start, m.end)));
  }
  return mentions.map((m) => {
    if (keep(m)) return m;
    if (indexes.has(nameKey(text.slice(m.start, m.end)))) return { ...m, type: 'other', score: 0.8, rule: 'entities/index' };
    const number = PATTERNS.numberAfterName.exec(text.slice(m.end, m.end + 20));
    const name = text.slice(m.start, m.end);
    if (number && !PATTERNS.score.test(number[0]) && !/\d/.test(name) && !PATTERNS.allCaps.test(name)) return { ...m, end: m.end + number[0].length, type: 'other', score: 0.8, rule: 'entities/model-number' };
    return m;
  });
}

/**
 * Decides that a lone unknown capitalised word is a common noun: the article also writes it
 * (or its singular) in lower case.
 * Why: "…between the Governments of Colombia and…" in an article that also says "his
 * government" — "Governments" is capitalised for emphasis, not a name.
 * Fails on: a name that is also a common word used in the same article ("Hope said… no hope").
 */
export function isCommonNounInDisguise(word: string, lowerCaseWords: Set<string>): boolean {
  const lower = word.toLowerCase();
  if (lower === word) return false;
  return lowerCaseWords.has(lower) || (lower.endsWith('s') && lowerCaseWords.has(lower.slice(0, -1)));
}

/** The words of a text written wholly in lower case. */
export const lowerCaseWords = (text: string): Set<string> => new Set(text.match(PATTERNS.lowerCaseWord) ?? []);

/** Most words of a name looked for in a heading line. */
const MAX_HEADING_NAME_WORDS = 5;

/** Rules whose evidence holds in a heading too: lexicons and gazetteers, not the shape of capitals. */
const HEADING_RULES = new Set(['entities/gazetteer', 'entities/known-organization', 'entities/package-place', 'entities/package-organization', 'entities/city']);

/**
 * The mentions of a heading, caption, table row or list line, where capitals say nothing: the
 * longest spans of capitalised words that the article's prose names (typed as there), or that a
 * gazetteer, a known institution or an organisation cue types; and a dateline's place ("LONDON
 * 1996-12-06", "BRENHOLM —").
 * Why: "Steve Jobs resigns as Apple CEO" names Steve Jobs and Apple, known from the article;
 * a results table names clubs and towns; "SOCCER" in a heading is no place.
 * Fails on: a name that only the heading gives and no lexicon knows.
 */
function headingMentions(sentence: Word[], known: Map<string, EntityMention>, text: string): EntityMention[] {
  const out: EntityMention[] = [];
  // A dateline opens its own line ("LONDON 1996-12-06"): each line of the sentence is read for one.
  sentence.forEach((first, k) => {
    const lineStart = first.start === 0 || text[first.start - 1] === '\n';
    if (lineStart && !placeOf(first.text) && isDateline(sentence, [first], first.start, k + 1)) out.push({ ...spanOf([first]), type: 'location', score: 0.8, rule: 'entities/dateline' });
  });
  const taken = new Set(out.map((m) => m.start));
  for (let i = 0; i < sentence.length; ) {
    let length = 0;
    if (taken.has(sentence[i]!.start)) {
      i++;
      continue;
    }
    for (let n = Math.min(MAX_HEADING_NAME_WORDS, sentence.length - i); n >= 1 && !length; n--) {
      const words = sentence.slice(i, i + n);
      if (text.slice(words[0]!.start, words.at(-1)!.end).includes('\n')) continue;
      if (!PATTERNS.capitalised.test(words[0]!.text) || !PATTERNS.capitalised.test(words.at(-1)!.text) || words.some((w) => !PATTERNS.capitalised.test(w.text) && !NAME_CONNECTORS.has(w.text))) continue;
      if (n === 1 && !isNameWord({ ...words[0]!, initial: false })) continue;
      const span = spanOf(words);
      const same = known.get(nameKey(text.slice(span.start, span.end)));
      const typing: Typing | null = same ? { type: same.type, score: same.score, rule: `${same.rule}+heading`, ...(same.ref ? { ref: same.ref } : {}) } : classifyName(words);
      if (!typing || (!same && !HEADING_RULES.has(typing.rule))) continue;
      out.push({ ...span, type: typing.type, score: typing.score, rule: typing.rule, ...(typing.ref ? { ref: typing.ref } : {}) });
      length = n;
    }
    i += length || 1;
  }
  return out;
}

/**
 * The entity mentions of a document: name runs in its prose, then names in its headings,
 * captions, tables and lists (lines whose capitals say nothing), by agreement with the prose
 * and by lexicons (see `headingMentions`).
 */
export function findEntities(doc: Pick<Doc, 'text' | 'layers'>): EntityMention[] {
  const { text } = doc;
  const mentions: EntityMention[] = [];
  const headings: Word[][] = [];
  const tokens = doc.layers.tokens;
  const paragraphs = doc.layers.paragraphs;
  // Sentences, tokens and paragraphs are all in text order: one pass with a cursor in each.
  let t = 0;
  let p = 0;
  // Whether a paragraph is prose is decided once per paragraph, not once per sentence in it.
  let judged: { paragraph: Paragraph; heading: boolean } | null = null;
  const headingLike = (paragraph: Paragraph) => (judged?.paragraph === paragraph ? judged : (judged = { paragraph, heading: isHeadingLike(text.slice(paragraph.start, paragraph.end), paragraph) })).heading;
  for (const sentence of doc.layers.sentences) {
    const inSentence: Token[] = [];
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    while (t < tokens.length && tokens[t]!.end <= sentence.end) inSentence.push(tokens[t++]!);
    while (p < paragraphs.length && paragraphs[p]!.end < sentence.end) p++;
    const candidate = paragraphs[p];
    const paragraph = candidate && candidate.start <= sentence.start ? candidate : undefined;
    const words = wordsOf(text, inSentence);
    if (!paragraph || headingLike(paragraph)) {
      headings.push(words);
      continue;
    }
    for (const run of nameRuns(words)) for (const mention of mentionsOfRun(words, run, paragraph.start)) mentions.push(mention);
  }
  const lowerWords = lowerCaseWords(text);
  const prose = productsAndIndexes(text, propagateTypes(text, determinedNames(text, mentions))).filter((m) => m.rule !== UNKNOWN_INITIAL && !(m.rule === 'entities/unknown-name' && isCommonNounInDisguise(text.slice(m.start, m.end), lowerWords)));
  const known = new Map<string, EntityMention>();
  for (const m of prose) {
    const key = nameKey(text.slice(m.start, m.end));
    if (m.type !== 'other' && (known.get(key)?.score ?? 0) < m.score) known.set(key, m);
  }
  const inHeadings = headings.flatMap((words) => headingMentions(words, known, text));
  return [...prose, ...inHeadings].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Writes `entities`: typed name mentions with their role descriptions. */
export const entitiesStage: Stage = {
  name: 'analyze/entities',
  reads: ['paragraphs', 'sentences', 'tokens'],
  writes: ['entities'],
  run(doc) {
    const entities = findEntities(doc);
    return { ...doc, layers: { ...doc.layers, entities } };
  },
};
