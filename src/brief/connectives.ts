import type { ConflictAspect } from '../corroborate/claims/conflicts.js';

/**
 * The only words a brief sentence may add to what its citations say: the leads that mark a
 * sentence as disputed or single-source, what a dispute is about (`DISPUTE_ASPECTS`) and how many
 * outlets give each side. Every other word of a brief sentence is found in one of its citations,
 * which is what `npm run bench -- corroborate` checks (`wordsToCite`).
 */
export const BRIEF_LEADS = {
  disputed: 'Accounts differ',
  versus: 'vs',
  singleSource: 'Only one source reports:',
} as const;

/**
 * What a dispute is about, in words of our own that hold for any story: the kind of value the
 * outlets give ("the time", "the number"), or for a person's age and home town the question with
 * the person's name as a citation prints it. A polarity dispute ("charged" / "not charged") has
 * its whole point in its two values: it gets no phrase.
 */
export const DISPUTE_ASPECTS: Record<ConflictAspect, string | null> = {
  duration: 'how long',
  count: 'the number',
  money: 'the amount',
  percent: 'the share',
  time: 'the time',
  day: 'the day',
  date: 'the date',
  name: 'the name',
  place: 'the place',
  score: 'the score',
  order: 'the rank',
  direction: 'the direction',
  whether: null,
  age: 'the age',
  residence: 'the home town',
};

/** The same, naming the person: "how old Ann Lee is", "where Ann Lee lives" (`{}` is the name). */
export const PERSON_ASPECTS: Partial<Record<ConflictAspect, [string, string]>> = {
  age: ['how old', 'is'],
  residence: ['where', 'lives'],
};

/** "Accounts differ on the time:", "Accounts differ on where Ann Lee lives:", or "Accounts differ:". */
export function disputeLead(aspect: ConflictAspect, person?: string): string {
  const around = person ? PERSON_ASPECTS[aspect] : undefined;
  const about = around ? `${around[0]} ${person} ${around[1]}` : DISPUTE_ASPECTS[aspect];
  return about ? `${BRIEF_LEADS.disputed} on ${about}:` : `${BRIEF_LEADS.disputed}:`;
}

/** How many outlets give a side of a dispute: "(3 outlets)", "(1 outlet)". */
export const outletCount = (n: number) => `(${n} outlet${n === 1 ? '' : 's'})`;

const WORD = /[\p{L}\p{N}]+/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const aspects = [...new Set(Object.values(DISPUTE_ASPECTS).filter((a): a is string => a !== null))].map(escape).join('|');
const personAspects = `(?:${Object.values(PERSON_ASPECTS).map(([before]) => escape(before)).join('|')}) (?<name>.+?) (?:${Object.values(PERSON_ASPECTS).map(([, after]) => escape(after)).join('|')})`;
/** A brief's own words: the leads (a dispute's with what it is about, a named person left in), "vs", the outlet counts. */
const LEADS = new RegExp(
  [
    `^${escape(BRIEF_LEADS.singleSource)}`,
    `^${escape(BRIEF_LEADS.disputed)}(?: on (?:${aspects}|${personAspects}))?:`,
    `\\b${BRIEF_LEADS.versus}\\b`,
    '\\(\\d+ outlets?\\)',
  ].join('|'),
  'gu',
);

/** The words of a brief sentence that its citations must hold: all but the brief's own (`LEADS`), lower case. */
export function wordsToCite(sentence: string): string[] {
  const rest = sentence.replace(LEADS, (...args) => ` ${(args.at(-1) as Record<string, string | undefined>).name ?? ''} `);
  return rest.toLowerCase().match(WORD) ?? [];
}
