import type { Doc, Span } from '../../doc/types.js';
import type { ExportEntity } from '../../export/types.js';
import { placeOf } from '../../analyze/entities/lexicon/gazetteer.js';
import type { Conflict, Position, ValueRef } from './conflicts.js';

/** A fact news prints beside a person's name: "LaSalle, 36, of Bloomington", "the 66-year-old Johnson". */
export interface PersonAttribute {
  entity: string;
  name: string;
  kind: 'age' | 'residence';
  /** The value compared: the age in years, the home town folded for case. */
  key: string;
  /** The printed value ("36", "of Bloomington"), offsets into the document's text. */
  start: number;
  end: number;
  text: string;
  /** The name with its value, as printed ("Anthony LaSalle, 36, of Minneapolis"): what cites the value. */
  cite: Span;
}

const PATTERNS = {
  /** ", 36," (", 36." at the sentence's end), ", aged 36," or " (36)" right after the name. */
  ageAfter: /^\s*(?:,\s*(?:aged\s+)?(?<age>\d{1,3})\s*(?:,|\.\s*$)|\(\s*(?<bracketed>\d{1,3})\s*\))/u,
  /** "36-year-old" (tokenised: "36 - year - old") right before the name, articles and titles allowed between. */
  ageBefore: /(?<age>\d{1,3})\s*-\s*year\s*-\s*old\s+(?:[\p{Ll}]+\s+){0,2}$/u,
  /** ", of Bloomington" or ", 36, of Bloomington" (", aged 36, of") right after the name: the home town in news style. */
  residence: /^\s*,\s*(?:(?:aged\s+)?\d{1,3}\s*,\s*)?(?<of>of\s+(?<place>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}))/u,
} as const;

/** How far around a name the appositive may reach. */
const REACH = 60;

/** The ages and home towns printed beside the people a clause names (mentions: the clause's person mentions). */
export function personAttributes(doc: Doc, clause: Span, mentions: Array<{ start: number; end: number; entity: ExportEntity }>): PersonAttribute[] {
  const out: PersonAttribute[] = [];
  for (const m of mentions) {
    if (m.entity.type !== 'person' || m.start < clause.start || m.end > clause.end) continue;
    const after = doc.text.slice(m.end, Math.min(clause.end, m.end + REACH));
    const before = doc.text.slice(Math.max(clause.start, m.start - REACH), m.start);
    const base = { entity: m.entity.id, name: m.entity.name };
    const cite = (start: number, end: number): Span => ({ start: Math.min(start, m.start), end: Math.max(end, m.end) });
    const ageAfter = PATTERNS.ageAfter.exec(after);
    const ageBefore = PATTERNS.ageBefore.exec(before);
    if (ageAfter) {
      const age = ageAfter.groups!.age ?? ageAfter.groups!.bracketed!;
      const start = m.end + after.indexOf(age, ageAfter[0].search(/[,(]/));
      const end = start + age.length;
      out.push({ ...base, kind: 'age', key: String(Number(age)), start, end, text: age, cite: cite(start, end) });
    } else if (ageBefore) {
      const start = m.start - before.length + ageBefore.index;
      const text = ageBefore[0].trimEnd();
      out.push({ ...base, kind: 'age', key: String(Number(ageBefore.groups!.age)), start, end: start + text.length, text, cite: cite(start, start + text.length) });
    }
    const home = PATTERNS.residence.exec(after);
    // A country or a region ("of Texas", "of France") holds a town: it is no rival home town.
    if (home && !placeOf(home.groups!.place!)) {
      const text = home.groups!.of!;
      const start = m.end + home[0].length - text.length;
      out.push({ ...base, kind: 'residence', key: home.groups!.place!.toLowerCase(), start, end: start + text.length, text, cite: cite(start, start + text.length) });
    }
  }
  return out;
}

/** The question an attribute conflict answers, by kind and person. */
export const ATTRIBUTE_SUBJECTS: Record<PersonAttribute['kind'], (name: string) => string> = {
  age: (name) => `how old ${name} is`,
  residence: (name) => `where ${name} lives`,
};

/**
 * Conflicts over a person's age or home town: one story-wide person, different sources, values
 * that differ. Each value is a position listing every statement that prints it. An outlet never
 * disputes itself; a value printed by one source beside another by the same source is left out.
 */
export function findAttributeConflicts(units: Array<{ attributes: PersonAttribute[] }>, sourceOf: (unit: number) => string): Conflict[] {
  const slots = new Map<string, Array<{ unit: number; attribute: PersonAttribute }>>();
  units.forEach((u, unit) => {
    for (const attribute of u.attributes) {
      const key = `${attribute.entity}|${attribute.kind}`;
      const slot = slots.get(key);
      if (slot) slot.push({ unit, attribute });
      else slots.set(key, [{ unit, attribute }]);
    }
  });
  const conflicts: Conflict[] = [];
  for (const slot of slots.values()) {
    const byValue = new Map<string, Array<{ unit: number; attribute: PersonAttribute }>>();
    for (const ref of slot) byValue.set(ref.attribute.key, [...(byValue.get(ref.attribute.key) ?? []), ref]);
    if (byValue.size < 2) continue;
    const sources = [...byValue.values()].map((refs) => new Set(refs.map((r) => sourceOf(r.unit))));
    // Some source must give a value that another source does not also give.
    const disagree = sources.some((s, i) => sources.some((t, j) => i !== j && [...s].some((x) => !t.has(x))));
    if (!disagree) continue;
    const positions: Position[] = [...byValue.values()].map((refs) => ({
      value: refs[0]!.attribute.text,
      refs: refs.map((r): ValueRef => ({ unit: r.unit, value: { start: r.attribute.start, end: r.attribute.end, text: r.attribute.text }, cite: r.attribute.cite })),
    }));
    const first = slot[0]!.attribute;
    conflicts.push({ subject: ATTRIBUTE_SUBJECTS[first.kind](first.name), aspect: first.kind, person: first.name, positions });
  }
  return conflicts;
}
