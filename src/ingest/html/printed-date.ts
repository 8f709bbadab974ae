import { MONTHS } from './lexicon/months.js';
import { HTML_PATTERNS } from './patterns.js';

/**
 * The publication date a page prints in a line the extractor removed ("Published 11:11 PM EST
 * Nov 19, 2019"), as YYYY-MM-DD, when the page's metadata gives none.
 * Why: some CMSs leave every date tag empty or set to a placeholder but print the date above the
 * text; the reader sees it, so it is known. Only the calendar day is taken: the printed time comes
 * with a zone abbreviation ("EST") that would need guessing to become an offset.
 * Fails on: English month names only; "Updated …" lines are skipped, so a page that prints only its
 * update date stays unknown.
 */
export function printedPublicationDate(lines: string[]): string | null {
  for (const line of lines) {
    if (!HTML_PATTERNS.publishedLine.test(line)) continue;
    const md = HTML_PATTERNS.monthDayYear.exec(line);
    const dm = HTML_PATTERNS.dayMonthYear.exec(line);
    const [month, day, year] = md && MONTHS[md[1]!.toLowerCase()] ? [MONTHS[md[1]!.toLowerCase()]!, Number(md[2]), md[3]!] : dm && MONTHS[dm[2]!.toLowerCase()] ? [MONTHS[dm[2]!.toLowerCase()]!, Number(dm[1]), dm[3]!] : [0, 0, ''];
    if (month === 0 || day < 1 || day > 31) continue;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}
