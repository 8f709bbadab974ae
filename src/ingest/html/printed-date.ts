import { MONTHS } from './lexicon/months.js';
import { HTML_PATTERNS } from './patterns.js';

/**
 * The publication date a page prints in a line the extractor removed ("Published 11:11 PM EST
 * Nov 19, 2019"), as YYYY-MM-DD, when the page's metadata gives none.
 * Why: some CMSs leave every date tag empty or set to a placeholder but print the date above the
 * text; the reader sees it, so it is known. Only the calendar day is taken: the printed time comes
 * with a zone abbreviation ("EST") that would need guessing to become an offset.
 * Looks in every removed part (bylines boxes and headers too), but only right after a "Published" or
 * "Posted" cue, and stops at "Updated".
 * Fails on: English month names only; a page that prints only its update date stays unknown.
 */
export function printedPublicationDate(lines: string[]): string | null {
  for (const text of lines) {
    for (const cue of text.matchAll(HTML_PATTERNS.publishedCue)) {
      const line = text.slice(cue.index! + cue[0].length, cue.index! + cue[0].length + DEFAULT_MAX_CUE_DISTANCE);
      const updated = /\bupdated\b/i.exec(line);
      const date = dateIn(updated ? line.slice(0, updated.index) : line);
      if (date) return date;
    }
  }
  return null;
}

/** The date must start within this many characters after "Published" (time, weekday and zone come between). */
const DEFAULT_MAX_CUE_DISTANCE = 60;

/** "Nov 19, 2019" or "19 November 2019" in a line, as YYYY-MM-DD; month-first is tried first. */
function dateIn(line: string): string | null {
  const md = HTML_PATTERNS.monthDayYear.exec(line);
  const dm = HTML_PATTERNS.dayMonthYear.exec(line);
  const mdMonth = md ? MONTHS[md[1]!.toLowerCase()] : undefined;
  const dmMonth = dm ? MONTHS[dm[2]!.toLowerCase()] : undefined;
  const [month, day, year] = mdMonth ? [mdMonth, Number(md![2]), md![3]!] : dmMonth ? [dmMonth, Number(dm![1]), dm![3]!] : [0, 0, ''];
  if (month === 0 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
