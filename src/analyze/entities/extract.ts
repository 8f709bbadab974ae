import type { Doc, EntityMention, Paragraph, Span, Token } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { isHeadingLike, nameRuns, wordsOf, type Word } from './chunk.js';
import { classifyName, type Typing } from './classify.js';
import { placeOf } from './lexicon/gazetteer.js';
import { PLACE_FEATURES } from './lexicon/locations.js';
import { ORG_SUFFIX_CUES } from './lexicon/organizations.js';
import { keyWords, nameKey } from './normalize.js';
import { PATTERNS } from './patterns.js';
import { appositiveAfter, lowercaseTitleBefore, splitTitle } from './title.js';

/** Rule of a lone unknown word opening a sentence: dropped unless it turns out to be a surname. */
const UNKNOWN_INITIAL = 'entities/unknown-initial';

/** Most words looked at for a multi-word place inside a title ("United States Secretary"). */
const MAX_PLACE_WORDS = 4;

const spanOf = (words: Word[]): Span => ({ start: words[0]!.start, end: words.at(-1)!.end });

/**
 * Splits a run at "and"/"&" unless the run ends in an organisation cue.
 * Why: "Colombia and Venezuela" are two places, while "Velmora Fire and Rescue Service" is one
 * organisation.
 * Fails on: an organisation without a cue at its end ("Procter and Gamble" is split).
 */
export function splitAtConjunction(run: Word[]): Word[][] {
  const last = run.at(-1)!.text.toLowerCase();
  if (ORG_SUFFIX_CUES.has(last)) return [run];
  const parts: Word[][] = [];
  let part: Word[] = [];
  for (const word of run) {
    if (word.text === 'and' || word.text === '&' || word.text === 'y') {
      if (part.length) parts.push(part);
      part = [];
    } else part.push(word);
  }
  if (part.length) parts.push(part);
  return parts;
}

/** Prepositions that may stand inside a name but split a run when the whole is no known kind of name. */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'on']);

/**
 * Splits a run at "of" ("for", "on") unless the words before it are a title, or the whole is
 * an organisation or place that takes one ("Council of Ministers", "Republic of Colombia",
 * "Centers for Disease Control").
 * Why: "the Governments of Colombia" names Colombia, not a "Governments of Colombia"; "a
 * Porsche on Pacific Coast Highway" is two names.
 * Fails on: a cue-less name with "of" inside ("Sisters of Mercy" is split).
 */
export function splitAtOf(run: Word[]): Word[][] {
  const at = run.findIndex((w) => INNER_PREPOSITIONS.has(w.text));
  if (at <= 0) return [run];
  const whole = classifyName(run);
  const left = run.slice(0, at);
  const titled = splitTitle(run).title.length > 0;
  const typedByCue = whole && whole.rule !== 'entities/unknown-name' && whole.rule !== 'entities/name-shape';
  // "of" holds any typed name together ("Gulf of Mexico"); "for" and "on" only an organisation ("Council on Foreign Relations").
  const holds = run[at]!.text === 'of' ? typedByCue : typedByCue && whole.type === 'organization';
  if (titled || holds) return [run];
  return [left, ...splitAtOf(run.slice(at + 1))];
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
  if (words.length === name.length) return placeAfterPreposition(sentence, name, typing);
  return { words, typing: { type: 'location', score: 0.8, rule: 'entities/place-feature' } };
}

/** Prepositions after which a lone unknown name is a place ("in Velmora", "near Brenholm"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around', 'throughout']);

/**
 * Types a lone unknown name after "in", "near", "outside"… as a place.
 * Why: "crews from across Velmora" / "the cable car in Velmora" — a town the gazetteer lacks.
 * Fails on: an organisation after "in" ("a stake in Boeing").
 */
function placeAfterPreposition(sentence: Word[], name: Word[], typing: Typing): { words: Word[]; typing: Typing } {
  if (typing.rule !== 'entities/unknown-name' || name.length !== 1) return { words: name, typing };
  const before = sentence[sentence.findIndex((w) => w.start === name[0]!.start) - 1];
  if (!before || !PLACE_PREPOSITIONS.has(before.text)) return { words: name, typing };
  return { words: name, typing: { type: 'location', score: 0.5, rule: 'entities/place-preposition' } };
}

/**
 * Decides that a run is a dateline's place: words in capitals opening a paragraph, followed by
 * a comma or a dash.
 * Why: "BRENHOLM — A field guide…", "WASHINGTON, Jan 09 —" name where the report was filed.
 * Fails on: a shouted organisation opening a paragraph ("NASA, in a statement, …").
 */
export function isDateline(sentence: Word[], run: Word[], paragraphStart: number): boolean {
  if (run[0]!.start !== paragraphStart || !run.every((w) => PATTERNS.allCaps.test(w.text) && w.text.length > 1)) return false;
  const after = sentence[sentence.indexOf(run.at(-1)!) + 1];
  return after !== undefined && PATTERNS.datelineEnd.test(after.text);
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
  for (const part of splitAtConjunction(run).flatMap(splitAtOf)) {
    const { title, name, rest } = splitTitle(part);
    for (const place of placesIn(title)) out.push({ ...spanOf(place.words), type: 'location', score: 1, rule: 'entities/gazetteer', ref: place.ref });
    if (rest.length) for (const mention of mentionsOfRun(sentence, rest)) out.push(mention);
    if (name.length === 0) continue;
    const lowerTitle = title.length ? [] : lowercaseTitleBefore(sentence, name[0]!.start);
    const described = title.length ? title : lowerTitle;
    const typing = classifyName(name);
    if (!typing) continue;
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

/** Weakest evidence spread to the other mentions of a name: a lone "in Chrysler" must not make every "Chrysler" a place. */
const MIN_SPREAD_SCORE = 0.6;

/**
 * Spreads the strongest type over every mention of the same name in one article, and makes a
 * lone word that is the last word of a person's name in the article that person's.
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
    if (m.type === 'person' && m.score >= 0.6 && words.length > 1) surnames.add(words.at(-1)!);
  }
  return mentions.map((m) => {
    const k = key(m);
    const strongest = best.get(k)!;
    // A sentence-initial unknown word is a name when the article also capitalises it mid-sentence.
    const confirmsInitial = m.rule === UNKNOWN_INITIAL && strongest.rule !== UNKNOWN_INITIAL;
    if (strongest.score > m.score && (strongest.score >= MIN_SPREAD_SCORE || confirmsInitial)) return { ...m, type: strongest.type, score: strongest.score, rule: `${strongest.rule}+same-name` };
    if (m.score < 0.9 && m.type !== 'person' && !k.includes(' ') && surnames.has(k)) return { ...m, type: 'person', score: 0.8, rule: 'entities/surname' };
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

/** The entity mentions of a document's prose paragraphs (headings and captions are skipped). */
export function findEntities(doc: Pick<Doc, 'text' | 'layers'>): EntityMention[] {
  const { text } = doc;
  const mentions: EntityMention[] = [];
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
    if (!paragraph || headingLike(paragraph)) continue;
    const words = wordsOf(text, inSentence);
    for (const run of nameRuns(words)) for (const mention of mentionsOfRun(words, run, paragraph.start)) mentions.push(mention);
  }
  const lowerWords = lowerCaseWords(text);
  return propagateTypes(text, mentions)
    .filter((m) => m.rule !== UNKNOWN_INITIAL && !(m.rule === 'entities/unknown-name' && isCommonNounInDisguise(text.slice(m.start, m.end), lowerWords)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
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
