import type { ClaimUnit } from './units.js';

/**
 * A fact about one person that news prints inside sentences about something else: "LuAnn Marie
 * Johnson, 66, of Burnsville was struck…", "killed a 66-year-old woman", "Anthony Phillip
 * LaSalle, 36, of Bloomington". Each outlet's sentence states other facts too, so the sentences
 * never align as wholes; the age or home town is still one fact several outlets carry.
 */
export interface Facet {
  /** The statement, in the story's words: "LuAnn Marie Johnson is 66", "Anthony Phillip LaSalle is from Bloomington". */
  text: string;
  kind: 'age' | 'residence';
  /** The person's story-wide name. */
  name: string;
  /** One unit per article, earliest in its article first. */
  units: number[];
}

/** An age or home town one unit states, and whom of. */
interface Mention {
  unit: number;
  key: string;
  value: string;
  /** The story-wide person id when the value is printed beside a name. */
  entity: string | null;
  name: string | null;
  /** The noun the age qualifies when no name is beside it ("woman"). */
  head: string | null;
}

/**
 * Ages and home towns that units of two or more articles state of one person. The person is the
 * name the value is printed beside (`personAttributes`), or for an age before a noun ("a
 * 66-year-old woman") whoever the named statements of that age are about. A value printed of two
 * different people in the story is left out: which one a bare "66-year-old" means is unknown.
 */
export function personFacets(units: ClaimUnit[]): Facet[] {
  const mentions: Mention[] = [];
  units.forEach((u, unit) => {
    for (const a of u.attributes) {
      const value = a.kind === 'age' ? a.key : a.text.replace(/^of\s+/i, '');
      mentions.push({ unit, key: `${a.kind}:${a.key}`, value, entity: a.entity, name: a.name, head: null });
    }
    for (const q of u.quantities) {
      // "66-year-old" qualifying a noun that is no name: an age of someone the clause does not name there.
      if (q.unit !== 'year-old' || q.modifier !== 'exact' || q.interval.low !== q.interval.high || !q.head) continue;
      if (u.attributes.some((a) => a.kind === 'age' && a.key === String(q.interval.low))) continue;
      mentions.push({ unit, key: `age:${q.interval.low}`, value: String(q.interval.low), entity: null, name: null, head: q.head });
    }
  });
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  const facets: Facet[] = [];
  for (const [key, group] of byKey) {
    const entities = new Set(group.flatMap((m) => (m.entity ? [m.entity] : [])));
    if (entities.size !== 1) continue;
    const named = group.find((m) => m.entity)!;
    const perArticle = new Map<string, number>();
    for (const m of group) {
      const doc = units[m.unit]!.doc.id;
      const seen = perArticle.get(doc);
      if (seen === undefined || units[m.unit]!.span.start < units[seen]!.span.start) perArticle.set(doc, m.unit);
    }
    if (perArticle.size < 2) continue;
    const text = key.startsWith('age:') ? `${named.name} is ${named.value}` : `${named.name} is from ${named.value}`;
    facets.push({ text, kind: key.startsWith('age:') ? 'age' : 'residence', name: named.name!, units: [named.unit, ...[...perArticle.values()].filter((u) => u !== named.unit && units[u]!.doc.id !== units[named.unit]!.doc.id)] });
  }
  return facets;
}
