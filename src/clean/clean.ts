import type { Message, Paragraph, Removal, Segment, Verdict } from '../doc/types.js';
import { messageSink } from '../doc/messages.js';
import { latinSkeleton } from './lexicon/confusables.js';
import { datesThePage, decideHeadline } from './headline.js';
import { PATTERNS } from './patterns.js';
import { bylineNames, LINE_RULES, type Line } from './rules/line-rules.js';
import { mixedScriptWords } from './rules/mixed-script.js';

export interface Cleaned {
  title: string | null;
  /** Author names from a byline line, when the page printed one. */
  byline: string | null;
  text: string;
  segments: Segment[];
  paragraphs: Paragraph[];
  removed: Removal[];
  messages: Message[];
}

/** A headline-like line of a link list is at most this many words. */
const DEFAULT_MAX_HEADLINE_WORDS = 25;
/** A sub-heading inside the body is at most this many words. */
const DEFAULT_MAX_HEADING_WORDS = 10;
/** Page date lines above a headline ("Posted …", "Updated …"): more are not a page's header. */
const MAX_DATE_LINES_ABOVE_HEADLINE = 2;
/** Paragraphs of the clean text are separated by a blank line, whatever the input used. */
const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Clean for scraped plain text (the format crawlers write: headline, then body lines with page
 * chrome mixed in). Decides per line, never per exact string: each removed line is recorded
 * with the rule that removed it, every other line is kept. Passes, in order:
 *   1. split into lines with offsets into the input;
 *   2. take the headline (the first line, when its layout and form make it one: `decideHeadline`);
 *   3. judge every line with the line rules (counters, markup, credits, forms, navigation, promos);
 *   4. judge lines by their neighbours (captions above credits, repeated headline, lists of links);
 *   5. build the clean text: kept lines as paragraphs, a line broken mid-sentence joined back;
 *   6. check words for mixed scripts (homoglyphs), on the whole input so removed lines are checked too.
 */
export function cleanPlainText(raw: string, titleHint: string | null = null): Cleaned {
  const messages: Message[] = [];
  const sink = messageSink('clean', messages);
  const lines = splitLines(raw);

  const verdicts = new Map<number, Verdict>();
  const headline = titleHint === null ? takeHeadline(lines) : null;
  const title = titleHint ?? headline?.text ?? null;

  for (const line of lines) {
    if (line === headline) continue;
    const verdict = LINE_RULES.reduce<Verdict | null>((found, rule) => found ?? rule(line), null);
    if (verdict) verdicts.set(line.index, verdict);
  }
  judgeByNeighbours(lines, verdicts, headline, title);
  judgeLinkLists(lines, verdicts, headline);

  const removed: Removal[] = [];
  const kept: Line[] = [];
  for (const line of lines) {
    if (line === headline) continue;
    const verdict = verdicts.get(line.index);
    if (verdict) removed.push({ text: line.text, reason: `${verdict.rule}: ${verdict.reason}`, rawStart: line.rawStart, rawEnd: line.rawEnd });
    else kept.push(line);
  }
  for (const run of blankRuns(raw)) removed.push(run);
  removed.sort((a, b) => (a.rawStart ?? 0) - (b.rawStart ?? 0));

  const { text, segments, paragraphs } = assemble(kept);
  if (text.trim() === '') sink.warn('empty-body', 'no article text is left after removing page boilerplate');

  for (const found of mixedScriptWords(raw)) {
    const start = toTextOffset(segments, found.rawStart);
    const place = start === null ? undefined : { start, end: start + found.word.length };
    sink.warn('mixed-script', `"${found.word}" mixes scripts: ${found.detail}${place ? '' : ' (in a removed line)'}`, {
      actual: found.word,
      expected: found.skeleton,
      ...(place ? { place } : {}),
    });
  }
  const bylineLine = lines.find((l) => verdicts.get(l.index)?.rule === 'clean/byline' && verdicts.get(l.index)?.reason === 'byline');
  return { title, byline: bylineLine ? bylineNames(bylineLine.text) : null, text, segments, paragraphs, removed, messages };
}

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let index = 0;
  for (let m = re.exec(raw); m && m[0] !== ''; m = re.exec(raw)) {
    const body = m[0].replace(/(\r\n|\r|\n)$/, '');
    const lead = body.length - body.trimStart().length;
    const text = body.trim();
    if (text !== '') {
      const skeleton = latinSkeleton(text);
      lines.push({ index, rawStart: m.index + lead, rawEnd: m.index + lead + text.length, text, skeleton, words: skeleton.match(PATTERNS.word) ?? [] });
    }
    index++;
  }
  return lines;
}

/**
 * The first line, when it is the headline (see `decideHeadline`) and no line rule claims it; below
 * lines that only date the page ("Posted 11/27/2005 7:21 AM", "Updated …"), the line after them (the
 * date lines stay in the text, where the publication date is read from them).
 */
function takeHeadline(lines: Line[]): Line | null {
  let at = 0;
  while (at < MAX_DATE_LINES_ABOVE_HEADLINE && lines[at] && datesThePage(lines[at]!)) at++;
  const first = lines[at];
  if (!first || !decideHeadline(first, lines[at + 1]).headline) return null;
  if (LINE_RULES.some((rule) => rule(first))) return null;
  // A text whose only line ends as a sentence is a lede without a headline ("PHILADELPHIA 76ERS
  // Fired Jim O'Brien , coach . Named Maurice Cheeks coach ."): taken as the headline, nothing of
  // the article would be left. A lone line in headline form stays a headline (and the text empty).
  if (lines.length === at + 1 && PATTERNS.terminalPunctuation.test(first.text)) return null;
  return first;
}

/**
 * Rules that need a line's neighbours.
 * - image caption: a line right above an image credit, not ending as a sentence, describes the picture
 *   ("U.S. President Donald Trump and Colombian President Gustavo Petro" above "Collage credit: …").
 *   Fails on: a sub-heading placed directly above a credit line (it goes, recorded).
 * - repeated headline: the headline printed again in the body is page layout, not text.
 */
function judgeByNeighbours(lines: Line[], verdicts: Map<number, Verdict>, headline: Line | null, title: string | null): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === headline || verdicts.has(line.index)) continue;
    const below = lines[i + 1];
    if (
      below &&
      below.index === line.index + 1 &&
      verdicts.get(below.index)?.rule === 'clean/image-credit' &&
      !PATTERNS.terminalPunctuation.test(line.text) &&
      line.words.length <= DEFAULT_MAX_HEADLINE_WORDS
    ) {
      verdicts.set(line.index, { rule: 'clean/image-caption', reason: 'caption line directly above an image credit' });
      continue;
    }
    if (title && normalise(line.text) === normalise(title))
      verdicts.set(line.index, { rule: 'clean/repeated-headline', reason: 'the headline printed again' });
  }
}

/** Rules whose lines belong to a list of links; a headline-like line next to one is a link too. */
const LINK_RULES = new Set(['clean/related-link', 'clean/navigation', 'clean/page-control', 'clean/comment-form', 'clean/link-list']);
const DEFAULT_MIN_PROSE_WORDS = 8;

const isProse = (line: Line) =>
  PATTERNS.quoteMark.test(line.text) || (line.words.length >= DEFAULT_MIN_PROSE_WORDS && PATTERNS.terminalPunctuation.test(line.text));
const isHeadlineLike = (line: Line) =>
  line.words.length <= DEFAULT_MAX_HEADLINE_WORDS && !PATTERNS.terminalPunctuation.test(line.text) && PATTERNS.uppercaseStart.test(line.text);

/**
 * Lists of links to other stories: headline-like lines (capitalised, no final punctuation) next to
 * a link-list header or other chrome, and not followed by prose ("Trending in Marrowick" /
 * "Harbour tunnel closed overnight for repairs" / "Eight-storey block gets green light").
 * Why: a sub-heading introduces a paragraph; a link stands among other links.
 * Fails on: a sub-heading placed between an ad line and another sub-heading (it goes, recorded).
 * Repeats until nothing changes, so a run of links is taken whole from either end.
 */
function judgeLinkLists(lines: Line[], verdicts: Map<number, Verdict>, headline: Line | null): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === headline || verdicts.has(line.index) || !isHeadlineLike(line)) continue;
      const next = lines[i + 1];
      if (next && !verdicts.has(next.index) && isProse(next)) continue;
      const neighbours = [lines[i - 1], next].filter((n): n is Line => n !== undefined && n !== headline);
      if (neighbours.some((n) => LINK_RULES.has(verdicts.get(n.index)?.rule ?? ''))) {
        verdicts.set(line.index, { rule: 'clean/link-list', reason: 'headline-like line among links, not followed by text' });
        changed = true;
      }
    }
  }
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Two or more blank lines in a row are layout, recorded once per run. */
function blankRuns(raw: string): Removal[] {
  const runs: Removal[] = [];
  for (const m of raw.matchAll(/(?:\r?\n[ \t\u00a0]*){3,}/g)) {
    const count = (m[0].match(/\n/g)?.length ?? 1) - 1;
    runs.push({ text: m[0], reason: `clean/blank-run: ${count} blank lines in a row`, rawStart: m.index!, rawEnd: m.index! + m[0].length });
  }
  return runs;
}

/**
 * Kept lines become paragraphs joined by a blank line. A line that continues the previous
 * one mid-sentence (previous has no final punctuation, this one starts in lower case) is
 * joined with a space, so a sentence broken by the crawler is one sentence again.
 */
function assemble(kept: Line[]): { text: string; segments: Segment[]; paragraphs: Paragraph[] } {
  const segments: Segment[] = [];
  const paragraphs: Paragraph[] = [];
  let text = '';
  let previous: Line | null = null;
  for (const line of kept) {
    const continues = previous !== null && !PATTERNS.terminalPunctuation.test(previous.text) && PATTERNS.lowercaseStart.test(line.text);
    if (continues) text += ' ';
    else {
      if (previous !== null) text += PARAGRAPH_SEPARATOR;
      paragraphs.push({ start: text.length, end: text.length, kind: 'paragraph' });
    }
    segments.push({ textStart: text.length, rawStart: line.rawStart, length: line.text.length });
    text += line.text;
    paragraphs[paragraphs.length - 1]!.end = text.length;
    previous = line;
  }
  for (const [i, paragraph] of paragraphs.entries()) if (isHeading(text.slice(paragraph.start, paragraph.end), paragraphs[i + 1])) paragraph.kind = 'heading';
  return { text, segments, paragraphs };
}

/**
 * A sub-heading: a short line with no final punctuation, starting with a capital, followed by
 * more text ("Drug Trade Central to Dispute"). It stays in the text (it is the article's own
 * words) but is marked, so later stages do not read it as a sentence or its capitals as names.
 */
function isHeading(paragraph: string, next: Paragraph | undefined): boolean {
  const words = paragraph.match(PATTERNS.word) ?? [];
  return next !== undefined && words.length > 0 && words.length <= DEFAULT_MAX_HEADING_WORDS && !PATTERNS.terminalPunctuation.test(paragraph) && !PATTERNS.quoteMark.test(paragraph.slice(-1)) && PATTERNS.uppercaseStart.test(paragraph);
}

/** Maps an offset of the input to the clean text, or null when it fell in a removed part. */
export function toTextOffset(segments: Segment[], rawOffset: number): number | null {
  for (const s of segments) if (rawOffset >= s.rawStart && rawOffset < s.rawStart + s.length) return s.textStart + (rawOffset - s.rawStart);
  return null;
}

/** Maps an offset of the clean text back to the input (for citations that point at the source). */
export function toRawOffset(segments: Segment[], textOffset: number): number | null {
  for (const s of segments) if (textOffset >= s.textStart && textOffset <= s.textStart + s.length) return s.rawStart + (textOffset - s.textStart);
  return null;
}
