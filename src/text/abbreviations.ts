/**
 * Place-name abbreviations as news style prints them, with the word they stand for: "Mt Cook" and
 * "Mount Cook", "Malibu, Calif." and "Malibu, California" are one place to a reader, and two
 * reports of one event should not differ by their style guide.
 */
const BEFORE_NAME: Record<string, string> = { mt: 'mount', st: 'saint', ste: 'sainte', ft: 'fort', pt: 'point' };
/** AP-style US state abbreviations (the postal codes are left alone: "CA", "IN", "OR" are words or initials too often). */
const STATES: Record<string, string> = {
  ala: 'alabama', ariz: 'arizona', ark: 'arkansas', calif: 'california', colo: 'colorado', conn: 'connecticut', del: 'delaware',
  fla: 'florida', ga: 'georgia', ill: 'illinois', ind: 'indiana', kan: 'kansas', kans: 'kansas', ky: 'kentucky', la: 'louisiana',
  md: 'maryland', mass: 'massachusetts', mich: 'michigan', minn: 'minnesota', miss: 'mississippi', mo: 'missouri', mont: 'montana',
  neb: 'nebraska', nev: 'nevada', okla: 'oklahoma', ore: 'oregon', pa: 'pennsylvania', tenn: 'tennessee', tex: 'texas',
  vt: 'vermont', va: 'virginia', wash: 'washington', wis: 'wisconsin', wyo: 'wyoming',
};
/** State abbreviations that are no English word: read as the state wherever they are capitalised. */
const UNAMBIGUOUS_STATES = new Set(['ariz', 'calif', 'colo', 'conn', 'fla', 'okla', 'tenn', 'wyo', 'minn', 'mich', 'neb', 'nev', 'wis', 'kans']);

/**
 * The place word an abbreviation at `start`–`end` of `text` stands for, lower case, or null. "Mt",
 * "St", "Ft" count before a capitalised name ("Mt Cook", "St. Louis"); a state abbreviation with its
 * stop after a comma ("Evansville, Ind."), or anywhere capitalised when it is no English word
 * ("Rancho Mirage , Calif ,"); "Ill", "Miss", "Wash" elsewhere are the words.
 */
export function expandPlaceAbbreviation(text: string, start: number, end: number): string | null {
  const word = text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}{0,4}\.?$/u.test(word)) return null;
  const key = word.replace(/\.$/, '').toLowerCase();
  const after = text.slice(end).replace(/^\s*\.?\s*/, '');
  if (BEFORE_NAME[key] !== undefined) return /^\p{Lu}/u.test(after) ? BEFORE_NAME[key]! : null;
  const state = STATES[key];
  if (state === undefined) return null;
  const stopped = word.endsWith('.') || /^\s*\./.test(text.slice(end));
  return UNAMBIGUOUS_STATES.has(key) || (stopped && /,\s*$/.test(text.slice(Math.max(0, start - 3), start))) ? state : null;
}
