/**
 * Cyrillic and Greek letters that look like Latin ones (after Unicode's confusables.txt,
 * restricted to the letters seen in homoglyph spoofing of English text). Used to read a
 * line as it looks, so "Cоllage credit" with a Cyrillic о is still recognised as a credit line.
 */
const PAIRS: Record<string, string> = {
  // Cyrillic lower case
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  // Cyrillic upper case
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ј: 'J', Ѕ: 'S', Ԛ: 'Q', Ԝ: 'W',
  // Greek
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

const CONFUSABLE = new RegExp(`[${Object.keys(PAIRS).join('')}]`, 'gu');

/** The Latin look-alike of a string; same length in UTF-16 units, so offsets stay valid. */
export const latinSkeleton = (text: string): string => text.replace(CONFUSABLE, (ch) => PAIRS[ch] ?? ch);
