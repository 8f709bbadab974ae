/** Words as the clean rules count them (letters, digits, apostrophes, inner dots and hyphens). */
export const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.\-]*[\p{L}\p{N}])?/gu;

/**
 * Words of a line that only dates the page: "May 2, 2013, 1:12 PM", "Updated Saturday, December
 * 05, 2009 8:28 PM", "Article posted on 08.07.2012", "21 July 2013 Last updated at 11:11 GMT".
 */
const DATE_WORD =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted|updated|published|last|article|story|created|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|bst|cet|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|aest|akdt|th|st|nd|rd)\.?$/i;
/** A number as dates and times print it: "05", "28th", "8:28", "08.07.2012", "11/30/09". */
const DATE_NUMBER = /^\d[\d.:/-]*(st|nd|rd|th|am|pm)?$/i;

/** Whether words only date a page ("PUBLISHED : 02 : 31 GMT , 12 March 2013 | UPDATED : …", "Posted on November 15 , 2011 6 : 07 PM"). */
export function onlyDates(words: readonly string[]): boolean {
  return words.length > 0 && words.every((w) => DATE_NUMBER.test(w) || DATE_WORD.test(w));
}

const DATE_LINE_WORDS = new RegExp(WORD.source, WORD.flags);

/** Whether a text (a line, a sentence) only dates the page: the cleaning stage keeps such lines for the publication date, and they state nothing. */
export function isDateLine(text: string): boolean {
  // `onlyDates` of its words, stopping at the first word that is no date's (most sentences' first).
  DATE_LINE_WORDS.lastIndex = 0;
  let any = false;
  for (let m = DATE_LINE_WORDS.exec(text); m; m = DATE_LINE_WORDS.exec(text)) {
    if (!DATE_NUMBER.test(m[0]) && !DATE_WORD.test(m[0])) return false;
    any = true;
  }
  return any;
}

/** Lower case without accents, so "Velmora" and "VELMORA", "São" and "Sao" are one term. */
export function foldTerm(word: string): string {
  // ASCII has no accents to strip: most words skip the normalisation.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '');
}
const ASCII = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /\p{M}/gu;
