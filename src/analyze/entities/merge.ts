import { createHash } from 'node:crypto';
import { latinSkeleton } from '../../clean/lexicon/confusables.js';
import type { Doc, EntityMention, EntityType, Span } from '../../doc/types.js';
import { placeById, placeOf } from './lexicon/gazetteer.js';
import { ORG_DROPPABLE_SUFFIXES } from './lexicon/organizations.js';
import { PLACE_FEATURES } from './lexicon/locations.js';
import { NAME_CONNECTORS } from './lexicon/not-names.js';
import { keyWords, nameKey } from './normalize.js';
import { PATTERNS } from './patterns.js';

/**
 * Story-level entity merging: one entity per referent across all articles of a story.
 *
 * It lives beside the per-article extractor rather than in src/corroborate because it decides
 * what a name refers to, with the same keys (`nameKey`), lexicons and gazetteer ids the
 * extractor writes; corroboration then counts sources per entity without knowing how names
 * were matched. It takes documents, not one document, so it is a function over a story, not a
 * per-doc Stage.
 */

/** Where one mention sits: an article and a span of its clean text. */
export interface MentionRef extends Span {
  docId: string;
  text: string;
}

export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  descriptions: string[];
  mentions: MentionRef[];
}

interface Item {
  ref: MentionRef;
  mention: EntityMention;
  key: string;
  words: string[];
  description: string | null;
  /** The name with its role written right before it ("Fire Chief Oskar Brandt"), when it is. */
  titled: string | null;
  /** Position of the article in the story, then of the mention in it: "the nearest earlier full name" needs an order. */
  order: number;
  index: number;
}

/** Weight of a type vote by the `other` type, which only says "a name of unknown kind". */
const OTHER_WEIGHT = 0.5;

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** The identity of a mention before any fuzzy step: the gazetteer id for a known place, else its name key. */
const identity = (item: Item): string => (item.mention.ref ? `place:${item.mention.ref}` : `name:${item.key}`);

/** Vote of a mention typed only by the lone-word default: a tie-breaker, not evidence. */
const DEFAULT_TYPE_WEIGHT = 0.1;

/**
 * The type of a group of mentions: the type with the largest summed evidence. A mention typed
 * by a default counts little, so two "in Velmora" (a place) outweigh six bare "Velmora"s, while
 * one "a stake in Chrysler" does not outweigh twenty bare "Chrysler"s. A name any article calls an
 * index ("the Nikkei stock index") is `other` throughout.
 */
function voteType(items: Item[]): EntityType {
  // A name that one article calls a market index is that index in every article of the story.
  if (items.some(({ mention }) => mention.rule === 'entities/index')) return 'other';
  const votes = new Map<EntityType, number>();
  for (const { mention } of items) {
    const weight = mention.rule === 'entities/unknown-name' ? DEFAULT_TYPE_WEIGHT : mention.score * (mention.type === 'other' ? OTHER_WEIGHT : 1);
    votes.set(mention.type, (votes.get(mention.type) ?? 0) + weight);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Groups by root, in first-seen order. */
function groupsOf(items: Item[], uf: UnionFind): Item[][] {
  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = uf.find(i);
    const group = groups.get(root) ?? [];
    group.push(item);
    groups.set(root, group);
  });
  return [...groups.values()];
}

/**
 * Merges full personal names that differ only by middle names: same first word and same last
 * word ("Juan Fernando Cristo" = "Juan Cristo"). Two people who share only a surname ("Ana
 * Ruiz", "Tomas Ruiz") or only a first name differ in the other word, so they stay apart.
 * Fails on: two relatives with the same first and last name (father and son) become one.
 */
function mergeFullNames(items: Item[], uf: UnionFind, isPerson: (i: number) => boolean): void {
  const byEnds = new Map<string, number>();
  items.forEach((item, i) => {
    if (!isPerson(i) || item.words.length < 2) return;
    const ends = `${item.words[0]} ${item.words.at(-1)}`;
    const seen = byEnds.get(ends);
    if (seen === undefined) byEnds.set(ends, i);
    else uf.union(seen, i);
  });
}

/**
 * Attaches a lone surname ("Petro", "President Petro", "Trump's") to the one person in the
 * story whose full name ends with it. When several people share that surname it does not
 * guess across the story: it takes the full name introduced most recently before the mention
 * in the same article (the news convention of full name first, surname after), and leaves
 * the mention on its own when the article names none of them before it.
 * Why: "Ana Ruiz … Tomas Ruiz … Ruiz said" must not make Ana and Tomas one person.
 * Fails on: an article that introduces two namesakes and then alternates bare surnames.
 */
function attachSurnames(items: Item[], uf: UnionFind, isPerson: (i: number) => boolean): void {
  const fullBySurname = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (!isPerson(i) || item.words.length < 2) return;
    const list = fullBySurname.get(item.words.at(-1)!) ?? [];
    list.push(i);
    fullBySurname.set(item.words.at(-1)!, list);
  });
  // How many different people carry each surname, counted once before any bare surname joins one of them.
  const peopleBySurname = new Map([...fullBySurname].map(([surname, fulls]) => [surname, new Set(fulls.map((f) => uf.find(f))).size]));
  items.forEach((item, i) => {
    const untyped = item.mention.type === 'other' || item.mention.score < WEAK_TYPE_SCORE;
    if (item.words.length !== 1 || !(isPerson(i) || untyped)) return;
    const fulls = fullBySurname.get(item.words[0]!);
    if (!fulls) return;
    if (peopleBySurname.get(item.words[0]!) === 1) return uf.union(i, fulls[0]!);
    const earlier = fulls.filter((f) => items[f]!.ref.docId === item.ref.docId && items[f]!.order < item.order);
    const nearest = earlier.sort((a, b) => items[b]!.order - items[a]!.order)[0];
    if (nearest !== undefined) uf.union(i, nearest);
  });
}

/**
 * Merges an organisation's short form with its fuller names: the same name once a company
 * form or outlet word is dropped from its end ("VTV 9" = "VTV 9 News", "Ford" = "Ford Motor
 * Company", "Apple" = "Apple Inc."); the same name once a leading country is dropped, when only
 * one such name exists ("Air Force" = "U.S. Air Force"); and an acronym with the one name
 * whose initials it spells ("ICE" = "Immigration and Customs Enforcement", "GM" = "General Motors").
 * Fails on: two organisations whose names differ only by such a suffix ("X News" and "X" are one).
 */
function mergeOrganizations(items: Item[], uf: UnionFind, isOrgLike: (i: number) => boolean): void {
  const byCore = new Map<string, number>();
  const byInitials = new Map<string, number[]>();
  const placeLed = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (!isOrgLike(i)) return;
    const core = [...item.words];
    while (core.length > 1 && ORG_DROPPABLE_SUFFIXES.has(core.at(-1)!)) core.pop();
    const key = core.join(' ');
    const seen = byCore.get(key);
    if (seen === undefined) byCore.set(key, i);
    else uf.union(seen, i);
    const initials = core.filter((w) => !NAME_CONNECTORS.has(w)).map((w) => w[0]).join('');
    if (core.length >= 2) byInitials.set(initials, [...(byInitials.get(initials) ?? []), i]);
    let lead = 0;
    while (lead < core.length - 1 && placeOf(core.slice(0, lead + 1).join(' '))) lead++;
    for (let k = lead; k >= 1; k--) if (placeOf(core.slice(0, k).join(' '))) {
      const rest = core.slice(k).join(' ');
      placeLed.set(rest, [...(placeLed.get(rest) ?? []), i]);
      break;
    }
  });
  // A name no article could type ("Shares of Kestrel fell") joins the organisation whose short form it is.
  items.forEach((item, i) => {
    if (item.mention.rule !== 'entities/unknown-name') return;
    const core = byCore.get(item.words.join(' '));
    if (core !== undefined) uf.union(core, i);
  });
  const roots = (list: number[]) => new Set(list.map((f) => uf.find(f)));
  for (const [rest, led] of placeLed) {
    const bare = byCore.get(rest);
    if (bare !== undefined && roots(led).size === 1) uf.union(bare, led[0]!);
  }
  items.forEach((item, i) => {
    if (!isOrgLike(i) || item.words.length !== 1 || !PATTERNS.allCaps.test(item.ref.text)) return;
    const full = byInitials.get(item.words[0]!);
    if (full && roots(full).size === 1) uf.union(i, full[0]!);
  });
}

/** Below this score a mention's type is a default, not evidence (a lone unknown word). */
const WEAK_TYPE_SCORE = 0.5;

/**
 * Merges the names of a place that differ by geographic nouns ("Orlen gorge" = "Orlen river
 * gorge"), and a bare weakly-typed name with them ("Orlen").
 * Fails on: a river and its valley named in one story ("Orlen river", "Orlen valley") become one place.
 */
function mergePlaceFeatures(items: Item[], uf: UnionFind, typeOf: (i: number) => EntityType): void {
  const byCore = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (typeOf(i) !== 'location' || item.mention.ref) return;
    const core = [...item.words];
    while (core.length > 1 && PLACE_FEATURES.has(core.at(-1)!)) core.pop();
    if (core.length < item.words.length) byCore.set(core.join(' '), [...(byCore.get(core.join(' ')) ?? []), i]);
  });
  // Names of one place with different geographic nouns ("Orlen gorge", "Orlen river gorge") are one place.
  for (const places of byCore.values()) for (const p of places) uf.union(places[0]!, p);
  items.forEach((item, i) => {
    const places = byCore.get(item.key);
    if (!places || item.mention.score >= WEAK_TYPE_SCORE) return;
    uf.union(i, places[0]!);
  });
}

/** Endings that make a demonym of a place name ("Estrava" → "Estravan", "Kenya" → "Kenyan", "Sudan" → "Sudanese"). */
const DEMONYM_ENDINGS = ['n', 'an', 'ian', 'ese', 'i', 'ish'];

/**
 * Decides that a lone word typed only by default is the demonym of a place the story names,
 * which the gazetteer lacks.
 * Why: "An Estravan coast guard helicopter…" in a story about Estrava: "Estravan" describes, it
 * does not name.
 * Fails on: a name that happens to be a place plus "an" ("Roman" beside "Rom").
 */
function isDemonymOfStoryPlace(group: Item[], placeNames: string[]): boolean {
  if (group.some((g) => g.words.length !== 1 || g.mention.rule !== 'entities/unknown-name')) return false;
  const word = group[0]!.key;
  return placeNames.some((p) => !p.includes(' ') && DEMONYM_ENDINGS.some((e) => word === p + e || word === p.replace(/[aeiou]$/, '') + e));
}

/**
 * Ranks the spellings of one entity for its canonical name: the fullest proper form — more
 * words, then not an all-capital or initialism form, then written with its accents ("Nicolás"
 * over "Nicolas"), then free of look-alike letters, then the most frequent.
 */
function canonicalName(items: Item[]): string {
  const counts = new Map<string, number>();
  // Spellings compared with spaces made plain: a no-break space inside a name is not another spelling.
  for (const item of items) {
    const spelling = item.ref.text.replace(PATTERNS.spaces, ' ');
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  }
  const accents = (s: string) => s.normalize('NFD').length - s.length;
  const rank = (s: string) => [
    s.split(/\s+/).length,
    PATTERNS.allCaps.test(s.replace(/\s/g, '')) ? 0 : 1,
    latinSkeleton(s) === s ? 1 : 0,
    accents(s),
    counts.get(s)!,
  ];
  return [...counts.keys()].sort((a, b) => {
    const ra = rank(a), rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return rb[k]! - ra[k]!;
    return 0;
  })[0]!;
}

/**
 * The role descriptions worth keeping: one per key ("US President" = "U.S. President"), and
 * none that a longer one ends with ("President" beside "Colombian President").
 */
function distinctDescriptions(all: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const d of all) if (!byKey.has(nameKey(d))) byKey.set(nameKey(d), d);
  const keys = [...byKey.keys()];
  return [...byKey].filter(([k]) => !keys.some((other) => other !== k && other.endsWith(` ${k}`))).map(([, d]) => d);
}

/** Stable across runs and stores: derived from the canonical name's key (a known place's gazetteer name) and the type only. */
export const entityId = (type: EntityType, name: string): string =>
  `e-${createHash('sha1').update(`${type}:${nameKey(name)}`).digest('hex').slice(0, 12)}`;

/**
 * One entity per referent over the articles of a story, from their `entities` layers:
 * identical keys (accents, case, possessives, "the"), gazetteer ids (US = U.S. = United States),
 * full names up to middle names, surnames, organisation short forms and acronyms. Entities
 * come out most-mentioned first.
 */
export function mergeEntities(docs: Array<Pick<Doc, 'id' | 'text' | 'layers'>>): StoryEntity[] {
  const items: Item[] = [];
  docs.forEach((doc, d) => {
    (doc.layers.entities ?? []).forEach((mention, m) => {
      const text = doc.text.slice(mention.start, mention.end);
      items.push({
        ref: { docId: doc.id, start: mention.start, end: mention.end, text },
        mention,
        key: nameKey(text),
        words: keyWords(text),
        description: mention.description ? doc.text.slice(mention.description.start, mention.description.end).replace(PATTERNS.spaces, ' ') : null,
        titled: mention.description && /^\s+$/.test(doc.text.slice(mention.description.end, mention.start)) ? doc.text.slice(mention.description.start, mention.end).replace(PATTERNS.spaces, ' ') : null,
        order: d * 1e7 + m,
        index: items.length,
      });
    });
  });
  const uf = new UnionFind(items.length);
  const byIdentity = new Map<string, number>();
  items.forEach((item, i) => {
    const id = identity(item);
    const seen = byIdentity.get(id);
    if (seen === undefined) byIdentity.set(id, i);
    else uf.union(seen, i);
  });
  // Types are voted per exact-name group first, so a surname typed `other` in one article still counts as a person's.
  const firstTypes: EntityType[] = [];
  for (const group of groupsOf(items, uf)) {
    const type = voteType(group);
    for (const item of group) firstTypes[item.index] = type;
  }
  const typeOf = (i: number) => firstTypes[i]!;
  const isPerson = (i: number) => typeOf(i) === 'person';
  const isOrgLike = (i: number) => typeOf(i) === 'organization';
  mergeFullNames(items, uf, isPerson);
  attachSurnames(items, uf, isPerson);
  mergeOrganizations(items, uf, isOrgLike);
  mergePlaceFeatures(items, uf, typeOf);

  const groups = groupsOf(items, uf);
  const placeNames = groups.filter((g) => voteType(g) === 'location').map((g) => g[0]!.key);
  const entities = groups.filter((g) => !isDemonymOfStoryPlace(g, placeNames)).map((group): StoryEntity => {
    const type = voteType(group);
    const name = canonicalName(group);
    // Aliases: every other spelling, then the titled forms ("President Petro") as written.
    const spellings = group.map((g) => g.ref.text.replace(PATTERNS.spaces, ' '));
    const titled = group.flatMap((g) => (g.titled ? [g.titled] : []));
    const aliases = [...new Set([...spellings, ...titled])].filter((a) => a !== name);
    const descriptions = distinctDescriptions(group.flatMap((g) => (g.description ? [g.description] : [])));
    // A known place gets the gazetteer's name in its id, so "U.S." alone and "United States" get one id in every story.
    const ref = group.find((g) => g.mention.ref)?.mention.ref;
    const idName = (ref && placeById(ref)?.name) || name;
    return { id: entityId(type, idName), name, type, aliases, descriptions, mentions: group.map((g) => g.ref) };
  });
  return entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
