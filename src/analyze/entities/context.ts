import type { Word } from './chunk.js';
import type { Typing } from './classify.js';

/**
 * Lower-case nouns for a kind of organisation, written right before its name ("the airline
 * Lufthansa", "retailer Best Buy", "rival Samsung") or as the head of a role phrase after it.
 */
export const ORG_KIND_NOUNS = new Set([
  'company', 'companies', 'firm', 'maker', 'manufacturer', 'carmaker', 'automaker', 'carrier', 'airline', 'retailer',
  'bank', 'lender', 'insurer', 'group', 'giant', 'rival', 'supplier', 'conglomerate', 'startup', 'start-up', 'broker',
  'brokerage', 'newspaper', 'broadcaster', 'agency', 'label', 'publisher', 'operator', 'subsidiary', 'unit', 'chain',
  'producer', 'developer', 'consortium', 'regulator', 'club', 'party', 'charity', 'union', 'network', 'outlet',
]);

/** Lower-case words after a name that only an organisation takes ("Apple shares", "shares of Apple"). */
const ORG_AFTER = new Set(['shares', 'stock', 'stocks', 'spokesman', 'spokeswoman', 'spokesperson', 'executives', 'employees', 'staff', 'workers', 'headquarters', 'subsidiary']);

/** Prepositions after which an unknown name is a place ("in Velmora", "near Brenholm"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around', 'throughout']);

/** Roles held at an organisation, written right after its name ("Apple CEO", "Airbus chief executive", "Uralsib analyst"). */
export const ORG_ROLES = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'chief', 'executive', 'executives', 'chairman', 'chairwoman', 'president', 'spokesman',
  'spokeswoman', 'spokesperson', 'analyst', 'analysts', 'director', 'founder', 'co-founder', 'economist', 'boss',
  'board', 'shareholders', 'chairperson', 'vice', 'official', 'officials',
]);

/** Verb forms of saying next to a speaker's name ("Jusman Syafii Djamal said", "said Avi Bell"). */
const SPEECH_FORMS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'explained', 'wrote', 'stated', 'noted', 'argued', 'insisted', 'warned', 'recalled']);

/** How strong context evidence is: above the spreading threshold, below any gazetteer. */
const CONTEXT_SCORE = 0.7;

/**
 * Types a name that no lexicon typed from the words around it in its sentence: a kind of
 * organisation before it ("the airline Aeroflot"), a role after it that someone holds at it
 * ("Apple CEO", "Airbus chief executive", "Uralsib analyst"), a word only organisations take
 * ("Apple shares", "shares of Apple"), "X, the … company"; a verb of saying next to a name of
 * two or more words (a person); a place preposition before a lone word ("in Velmora").
 * Returns null when the context says nothing.
 * Fails on: a person named after a kind noun ("label founder"), read as its organisation.
 */
export function typeFromContext(sentence: Word[], name: Word[]): Typing | null {
  const at = sentence.indexOf(name[0]!);
  const end = sentence.indexOf(name.at(-1)!);
  if (at < 0 || end < 0) return null;
  const before = sentence[at - 1]?.text;
  const after = sentence[end + 1]?.text;
  const after2 = sentence[end + 2]?.text;
  const org = (why: string): Typing => ({ type: 'organization', score: CONTEXT_SCORE, rule: `entities/context-${why}` });
  if (before && ORG_KIND_NOUNS.has(before)) return org('kind-before');
  if (after && (ORG_AFTER.has(after) || ORG_ROLES.has(after.toLowerCase()))) return org('role-after');
  // "Apple's chief executive", "Airbus' shares": a possessive and a role or an organisation word.
  if (after && /^['’]s?$/.test(after) && after2 && (ORG_AFTER.has(after2) || ORG_ROLES.has(after2))) return org('possessive-role');
  if (before === 'of' && sentence[at - 2]?.text.toLowerCase() === 'shares') return org('shares-of');
  if (after === ',' && sentence[end + 2]?.text === 'the' && sentence.slice(end + 3, end + 8).some((w) => ORG_KIND_NOUNS.has(w.text))) return org('appositive');
  // Two or more name-shaped words that speak are a person: an organisation with a cue word was typed before this.
  const nameShaped = name.length >= 2 && name.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text) || /^\p{Lu}\.$/u.test(w.text));
  // "CEO of Boeing Commercial Airplanes said": after "of" the name is what the speaker heads, not the speaker.
  const object = before !== undefined && ['of', 'at', 'for', 'from'].includes(before);
  if (nameShaped && ((after && SPEECH_FORMS.has(after) && !object) || (before && SPEECH_FORMS.has(before)))) return { type: 'person', score: CONTEXT_SCORE, rule: 'entities/context-speaker' };
  if (name.length === 1 && before && PLACE_PREPOSITIONS.has(before)) return { type: 'location', score: 0.5, rule: 'entities/place-preposition' };
  return null;
}
