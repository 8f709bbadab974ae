/**
 * English function words that other languages written in Latin script do not use as words of
 * their own ("was", "had", "an", "as", "in", "is", "a" are left out: Dutch, German and Portuguese
 * have them). In running English prose they are about a quarter of the words.
 */
const ENGLISH_FUNCTION_WORDS = new Set('the of and to that for with were from this have has been would which their they will said not but are its his by'.split(' '));

/** Below this many words a share says little. */
const MIN_WORDS = 8;

/**
 * Share of a text's words that are English function words (0 under `MIN_WORDS` words). English
 * news scores about 0.2–0.3 whatever names it is full of; the Universal Declaration of Human Rights
 * in 36 other languages scores at most 0.041 (`test/language.test.ts` checks real pages).
 */
export function englishFunctionWordShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return 0;
  let hits = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) hits++;
  return hits / words.length;
}

/**
 * "a" or "an" before a word, by the sound it opens with rather than its first letter: an
 * initialism is read letter by letter ("an FBI agent", "a US president", "an MP"), and vowel
 * letters read as "you" or "wun" take "a" ("a university", "a European", "a one-time"), a silent
 * "h" takes "an" ("an honorary consul").
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  // An acronym of four or more capitals that alternates consonant and vowel is said as a word ("a NASA engineer", "a NATO ally").
  if (/^[^AEIOU\W][AEIOU][^AEIOU\W][AEIOU][A-Z]*(?![a-z])/.test(word)) return 'a';
  // Letter names that open with a vowel sound: A, E, F (ef), H (aitch), I, L, M, N, O, R, S, X.
  if (/^(?:[A-Z]{2,}|(?:[A-Z]\.){2,})(?![a-z])/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^(?:uni(?![mn])|use|usu|ute|uti|ura|uro|eu|ewe|one\b|once)/i.test(word)) return 'a';
  if (/^(?:hour|honest|honou?r|heir)/i.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
