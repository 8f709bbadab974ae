import type { EntityType } from '../../doc/types.js';
import type { Word } from './chunk.js';
import { demonymOf, placeOf } from './lexicon/gazetteer.js';
import { LOCATION_PREFIX_CUES, LOCATION_SUFFIX_CUES } from './lexicon/locations.js';
import { EVENT_PREFIXES, EVENT_SUFFIXES } from './lexicon/not-names.js';
import { KNOWN_ORGANIZATIONS, ORG_LEADING_CUES, ORG_PREFIX_CUES, ORG_SUFFIX_CUES } from './lexicon/organizations.js';
import { nameKey } from './normalize.js';
import { PATTERNS } from './patterns.js';

export interface Typing {
  type: EntityType;
  score: number;
  rule: string;
  ref?: string;
}

/** Longest all-capital word read as an organisation's acronym ("ICE", "NATO", "EADS"). */
export const DEFAULT_MAX_ACRONYM = 6;

/** Most words a name typed as a person by its shape alone may have ("Juan Fernando Cristo"). */
export const DEFAULT_MAX_PERSON_WORDS = 4;

const lower = (w: Word) => w.text.toLowerCase();

/**
 * Types a name (title already taken off) by, in order: the gazetteer of countries, capitals
 * and regions; known institutions; an organisation cue at its end or start; a place cue; an
 * acronym; a market index or event ("Dow Jones", "Operation…"); a name led by a known
 * organisation or a country ("Apple Computer", "Air Canada" is led by its cue); the shape of a personal name (two to four capitalised words); else `other`.
 * Order matters: "West Bank" is a place before "Bank" makes it an organisation, and "New York
 * Times" is an organisation because the suffix cue is tried before the place prefix "New".
 * Returns null for demonyms ("Colombian", "Venezuelans"), which describe but do not name.
 * Why: "Qazinform News Agency" (cue), "Bogota" (capital), "Marco Rubio" (shape).
 * Fails on: unlisted cities and cue-less company names of two words ("Truth Social" is listed;
 * "Goldman Sachs" would be read as a person).
 */
export function classifyName(words: Word[]): Typing | null {
  const text = words.map((w) => w.text).join(' ');
  const place = placeOf(text);
  if (place) return { type: 'location', score: 1, rule: 'entities/gazetteer', ref: place.id };
  if (demonymOf(text)) return null;
  if (KNOWN_ORGANIZATIONS.has(nameKey(text))) return { type: 'organization', score: 1, rule: 'entities/known-organization' };
  const first = lower(words[0]!);
  const last = lower(words.at(-1)!);
  if (words.length > 1 && (EVENT_PREFIXES.has(first) || EVENT_SUFFIXES.has(last))) return { type: 'other', score: 0.9, rule: 'entities/event-name' };
  if (words.length > 1 && ORG_SUFFIX_CUES.has(last)) return { type: 'organization', score: 0.9, rule: 'entities/org-cue' };
  if (words.length > 2 && ORG_PREFIX_CUES.has(first) && words.some((w) => w.text === 'of')) return { type: 'organization', score: 0.9, rule: 'entities/org-cue' };
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
  const nameShaped = words.every((w) => PATTERNS.capitalised.test(w.text) && !PATTERNS.allCaps.test(w.text));
  if (words.length >= 2 && words.length <= DEFAULT_MAX_PERSON_WORDS && nameShaped) return { type: 'person', score: 0.6, rule: 'entities/name-shape' };
  // A lone capitalised word that no rule types and that is not a known person's surname (see
  // `propagateTypes`) is most often a company or agency in news ("Chrysler", "Ryanair"): people are
  // introduced by full name, countries and capitals are in the gazetteer. Weak evidence, easily outvoted.
  if (words.length === 1) return { type: 'organization', score: 0.3, rule: 'entities/unknown-name' };
  return { type: 'other', score: 0.3, rule: 'entities/unknown-name' };
}
