import { createRequire } from 'node:module';
import { nameKey } from '../normalize.js';
import { REGIONAL_DEMONYMS, REGIONS } from './locations.js';

/** A " D.C." after a capital's name. */
const PATTERNS_DC = /,?\s+D\.\s?C\.?$/;

/**
 * Countries, their official names, abbreviations and capitals, and the demonyms that point at
 * them, from the `world-countries` package (data under the ODbL; read at load time, never
 * copied into this repository). Keys are `nameKey`s, so "U.S.", "US" and "U.S.A." all find the
 * United States, and "Bogota" finds "Bogotá".
 */
interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  region?: string;
  subregion?: string;
  demonyms?: { eng?: { m: string; f: string } };
}

export interface Place {
  /** ISO 3166-1 alpha-3 of a country, `<alpha-3>/capital` for its capital, `region:<key>` for a region. */
  id: string;
  kind: 'country' | 'capital' | 'region';
  /** The country's common English name, or the capital / region as spelt in the data. */
  name: string;
}

/** Loaded once per process; the package ships its data as JSON that ESM cannot import bare on Node 20. */
const countries = createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[];

function buildPlaces(): { places: Map<string, Place>; demonyms: Map<string, Place>; byId: Map<string, Place> } {
  const places = new Map<string, Place>();
  const demonyms = new Map<string, Place>();
  const add = (text: string, place: Place) => {
    const key = nameKey(text);
    if (key && !places.has(key)) places.set(key, place);
  };
  for (const c of countries) {
    const country: Place = { id: c.cca3, kind: 'country', name: c.name.common };
    add(c.name.common, country);
    add(c.name.official, country);
    for (const alt of c.altSpellings) {
      const key = nameKey(alt);
      // Two-letter codes are words and company names too ("IN", "GM", "MR"): none is kept but "US" and "UK" below.
      if (key.length <= 2) continue;
      if (alt.includes(',')) continue;
      add(alt, country);
    }
    for (const capital of c.capital ?? []) {
      const place: Place = { id: `${c.cca3}/capital`, kind: 'capital', name: capital };
      add(capital, place);
      // "Washington D.C." is written "Washington" in running text.
      const short = capital.replace(PATTERNS_DC, '');
      if (short !== capital) add(short, place);
    }
    const demonym = c.demonyms?.eng;
    if (demonym) for (const d of [demonym.m, demonym.f].filter((x) => x.length > 0)) {
      demonyms.set(nameKey(d), country);
      // Plural demonyms name the people ("Colombians"), still not an entity of their own.
      demonyms.set(nameKey(`${d}s`), country);
    }
  }
  // "US" is a pronoun when lower case, but the upper-case form is the country in news text.
  const us = places.get('united states');
  if (us) for (const v of ['US', 'U.S.', 'U.S.A.', 'USA', 'America']) places.set(nameKey(v), us);
  const uk = places.get('united kingdom');
  if (uk) for (const v of ['UK', 'U.K.', 'Britain']) places.set(nameKey(v), uk);
  for (const region of REGIONS) add(region, { id: `region:${nameKey(region)}`, kind: 'region', name: region });
  for (const d of REGIONAL_DEMONYMS) {
    const region: Place = { id: `region:${nameKey(d)}`, kind: 'region', name: d };
    demonyms.set(nameKey(d), region);
    demonyms.set(nameKey(`${d}s`), region);
  }
  return { places, demonyms, byId: new Map([...places.values()].map((p) => [p.id, p])) };
}

const built = buildPlaces();

/** Longest key that must be written in capitals to name a place: "US" and "UK" are countries, "Us" and "us" are not. */
const MAX_CODE_LENGTH = 3;

/** The place a name denotes, when it is a country, a capital or a listed region. */
export function placeOf(name: string): Place | undefined {
  const key = nameKey(name);
  if (key.length <= MAX_CODE_LENGTH && name !== name.toUpperCase()) return undefined;
  return built.places.get(key);
}

/** The country a demonym points at ("Colombian" → Colombia), when it is one. */
export const demonymOf = (word: string): Place | undefined => built.demonyms.get(nameKey(word));

/** The place with a gazetteer id ("COL" → Colombia). */
export const placeById = (id: string): Place | undefined => built.byId.get(id);
