import type { Span } from '../../doc/types.js';
import { PATTERNS } from './patterns.js';

/** A pair (or chain, over paragraphs) of quotation marks and the words between them. */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark; the end of the last paragraph when the quote is never closed. */
  close: number;
  /** The quoted words of each paragraph, without marks, surrounding spaces or trailing , . ; : */
  parts: Span[];
  /**
   * `paired`, `multi-paragraph` (an opening mark at each paragraph start), `over-lines` (one
   * sentence per line), `unclosed`, `single-marks` (‘…’, taken only outside double quotes).
   */
  rule: 'paired' | 'multi-paragraph' | 'over-lines' | 'unclosed' | 'single-marks';
}

type Direction = 'open' | 'close' | 'either';
interface Mark {
  at: number;
  end: number;
  family: 'straight' | 'curly' | 'guillemet' | 'ptb';
  direction: Direction;
}

const FAMILY: Record<string, Mark['family']> = { '"': 'straight', '“': 'curly', '”': 'curly', '«': 'guillemet', '»': 'guillemet', '``': 'ptb', "''": 'ptb' };
const OPENING = new Set(['“', '«', '``']);
const DEFAULT_MAX_UNMARKED_LINES = 6; // lines without any mark that a quote running over lines may cross before it closes

/**
 * Decides whether a straight mark opens or closes a quote from the characters beside it: space
 * before and a word after opens (`said "Yes`), a word before and space or punctuation after
 * closes (`Yes," he`). Tokenised text puts spaces on both sides (`said , " Yes , " he`): then
 * the mark is `either`, and pairing alternates.
 * Fails on `word"word` typos, which also come out `either`.
 */
export function straightDirection(text: string, at: number): Direction {
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = at + 1 >= text.length ? ' ' : text[at + 1]!;
  const spaceBefore = PATTERNS.openContextBefore.test(before);
  const closeAfter = PATTERNS.closeContextAfter.test(after);
  if (spaceBefore && !closeAfter) return 'open';
  if (!spaceBefore && closeAfter) return 'close';
  return 'either';
}

/**
 * In tokenised text '' is a closing mark, but a typo can use it to open: `: ''I'd distribute …`.
 * It opens when a letter follows it directly, as a closing '' is always followed by a space there.
 * Fails on a quote closed without a following space (`''.`) — punctuation, not a letter, so safe.
 */
function ptbOpenedAsClose(line: string, at: number, value: string): boolean {
  return value === "''" && /\p{L}/u.test(line[at + 2] ?? '') && (at === 0 || /\s/.test(line[at - 1]!));
}

/**
 * A closing curly mark typed to open (`posted: ”Bird flu …”`): after a space or at the line start
 * and with a letter right after it, it can only open. Tokenised text puts a space after a real
 * closing mark, so it is safe there.
 */
function curlyOpenedAsClose(line: string, at: number, value: string): boolean {
  return value === '”' && /\p{L}/u.test(line[at + 1] ?? '') && (at === 0 || /\s/.test(line[at - 1]!));
}

/** The mirror typo: “ typed to close (`there goes the orchestra “ , the comedian said`): no quote opens on a comma or a stop. */
function curlyClosedAsOpen(line: string, at: number, value: string): boolean {
  return value === '“' && /^\s*[,.;:!?](?:\s|$)/u.test(line.slice(at + 1)) && at > 0 && /[\p{L}\p{N}.!?]\s*$/u.test(line.slice(0, at));
}

/**
 * The mirror typo: `` used to close, after the quoted words' comma and before their attribution
 * (`scorer , `` Hansbrough said`). Taken for a close only while a quote is open (a real `` after
 * "said ," opens one when none is).
 * Fails when a quote left unclosed by a typo is followed by a new quote opening after a comma and
 * before a name and a verb of saying: the two are joined.
 */
export function ptbClosedAsOpen(text: string, mark: Mark): boolean {
  return text.startsWith('``', mark.at) && /[,.!?]\s$/.test(text.slice(Math.max(0, mark.at - 2), mark.at)) && PATTERNS.attributionAfter.test(text.slice(mark.end, mark.end + 60));
}

function marksOf(line: string, lineStart: number): Mark[] {
  const marks: Mark[] = [];
  // Attribute values in left-over markup (<div class="ad">) are not quotes.
  const tags = [...line.matchAll(PATTERNS.markupTag)].map((t) => [t.index!, t.index! + t[0].length] as const);
  for (const m of line.matchAll(PATTERNS.mark)) {
    if (tags.some(([a, b]) => m.index! > a && m.index! < b)) continue;
    const value = m[0];
    const family = FAMILY[value]!;
    const direction: Direction =
      family === 'straight' ? straightDirection(line, m.index!)
      : curlyClosedAsOpen(line, m.index!, value) ? 'close'
      : OPENING.has(value) || ptbOpenedAsClose(line, m.index!, value) || curlyOpenedAsClose(line, m.index!, value) ? 'open' : 'close';
    marks.push({ at: lineStart + m.index!, end: lineStart + m.index! + value.length, family, direction });
  }
  return marks;
}

/** The quoted words between two offsets: surrounding spaces and trailing , . ; : left out. */
export function trimQuoted(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  const inner = text.slice(s, e);
  const trimmed = inner.replace(PATTERNS.trailingPunct, '');
  e = s + trimmed.length;
  return { start: s, end: e };
}

/**
 * A mark right after a number while no quote is open is an inch or seconds sign
 * ("a 13.3 '' widescreen display"), not a quotation mark.
 * Fails when a quote really opens after a number ("won 3 "easy" games"), which is rare.
 */
export function isUnitMark(text: string, mark: { at: number }, quoteOpen: boolean): boolean {
  return !quoteOpen && PATTERNS.numberBefore.test(text.slice(Math.max(0, mark.at - 2), mark.at));
}

interface Line {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * A straight mark that can only close ending a curly quote, a curly closing mark ending a straight
 * one, or a tokenised '' ending a straight one (`yelled , "Hide ! '' Vanore said`): '' never opens.
 */
function mixedClose(open: Mark, mark: Mark): boolean {
  const pair = new Set([open.family, mark.family]);
  if (open.family === 'straight' && mark.family === 'ptb') return mark.direction === 'close';
  // In tokenised text a straight mark has spaces on both sides (`“ They drive reckless , " a bystander said`): inside a curly quote it closes.
  if (open.family === 'curly' && mark.family === 'straight' && mark.direction === 'either') return true;
  return pair.has('straight') && pair.has('curly') && mark.direction === 'close';
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    if (!m[0].trim()) continue;
    lines.push({ start: m.index!, end: m.index! + m[0].length, marks: marksOf(m[0], m.index!) });
  }
  return lines;
}

/**
 * How an open quote at the end of a line goes on, if it does:
 * - `multi-paragraph`: the next paragraph opens with a mark again. News style repeats the opening
 *   mark at each paragraph of a long quote and closes only at the end ("“We will look at…\n\n“The people…”").
 * - `over-lines`: the next line closes it before opening anything (text with one sentence per
 *   line: `he said , `` We will do it right .\nAnd we will do it once . ''`); for straight marks,
 *   an odd number of them on the next line.
 * Fails when a paragraph of someone else's quote follows an unclosed quote (a typo): the two are joined.
 */
export function continuation(text: string, following: Line[], family: Mark['family']): 'multi-paragraph' | 'over-lines' | null {
  const next = following[0];
  if (!next) return null;
  const first = next.marks[0];
  // A line with no marks inside a quote that runs over lines: the quote goes on if a later line closes it first.
  if (!first) return following.slice(1, DEFAULT_MAX_UNMARKED_LINES + 1).some((l) => l.marks.length > 0) ? laterCloses(text, following.slice(1), family) : null;
  const leading = text.slice(next.start, first.at).trim() === '';
  if (leading && first.direction !== 'close' && first.family === family) return 'multi-paragraph';
  if (family === 'ptb' && first.family === 'ptb' && ptbClosedAsOpen(text, first)) return 'over-lines';
  // "…, 'Stop.'\nThey really are … shooting little kids. ”": sloppy text may close a straight quote with a lone curly mark on the next line.
  if (family === 'straight') return (first.family === 'straight' && next.marks.filter((m) => m.family === 'straight').length % 2 === 1) || (first.family === 'curly' && first.direction === 'close' && next.marks.length === 1) ? 'over-lines' : null;
  return first.family === family && first.direction === 'close' ? 'over-lines' : null;
}

function laterCloses(text: string, lines: Line[], family: Mark['family']): 'over-lines' | null {
  for (const line of lines.slice(0, DEFAULT_MAX_UNMARKED_LINES)) {
    if (line.marks.length === 0) continue;
    return continuation(text, [line], family) === 'over-lines' ? 'over-lines' : null;
  }
  return null;
}

/**
 * Every span in double quotation marks (and single curly ones), paired per line with quotes that
 * run on over paragraphs joined. A closing mark with nothing open is ignored (a stray or an inch
 * sign); an open mark met while a quote is open restarts the quote (the earlier mark was a stray).
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const lines = linesOf(text);
  const found: QuotedSpan[] = [];
  let open: Mark | null = null;
  let parts: Span[] = [];
  let partStart = 0;
  let rule: QuotedSpan['rule'] = 'paired';
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let skipFirst = false;
    if (open) {
      // Continuing from the previous line: a repeated opening mark is not a new quote.
      const first = line.marks[0];
      if (first && first.direction !== 'close' && rule === 'multi-paragraph') {
        skipFirst = true;
        partStart = first.end;
      } else partStart = line.start;
    }
    for (const [mi, mark] of line.marks.entries()) {
      if (skipFirst && mi === 0) continue;
      if (!open) {
        if (mark.direction === 'close' || isUnitMark(text, mark, false)) continue;
        open = mark;
        partStart = mark.end;
        parts = [];
        rule = 'paired';
        continue;
      }
      // Marks of another family inside a quote are nested quotes or strays; only the same family closes,
      // except that sloppy text closes a curly quote with a straight mark and the other way round (“…" and "…”).
      if (mark.family !== open.family && !(mixedClose(open, mark))) continue;
      if (mark.direction === 'open' && !ptbClosedAsOpen(text, mark)) {
        open = mark;
        partStart = mark.end;
        parts = [];
        rule = 'paired';
        continue;
      }
      parts.push(trimQuoted(text, partStart, mark.at));
      found.push({ open: open.at, close: mark.end, parts: parts.filter((p) => p.end > p.start), rule });
      open = null;
    }
    if (open) {
      parts.push(trimQuoted(text, partStart, line.end));
      // Only the lines `continuation` can look at: the whole rest, sliced at every line left open, was quadratic.
      const how = continuation(text, lines.slice(li + 1, li + 2 + DEFAULT_MAX_UNMARKED_LINES), open.family);
      if (how) rule = how;
      else {
        found.push({ open: open.at, close: line.end, parts: parts.filter((p) => p.end > p.start), rule: 'unclosed' });
        open = null;
      }
    }
  }
  return [...found, ...singleQuotedSpans(text, found)].filter((q) => q.parts.length > 0).sort((a, b) => a.open - b.open);
}

/**
 * Single curly quotes (‘…’) outside double ones, inside one line: headlines quote that way
 * ("‘Nobody was talking’: passengers recount…"). Closed by the first ’ not followed by a letter.
 * Fails on a plural possessive (‘the drivers’ union’), which closes too early.
 */
function singleQuotedSpans(text: string, doubles: QuotedSpan[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  // `doubles` are in text order and do not overlap, and marks are met in text order: one pointer
  // walks them (testing each against every double quote was quadratic).
  let next = 0;
  const inside = (at: number) => {
    while (next < doubles.length && doubles[next]!.close <= at) next++;
    return next < doubles.length && doubles[next]!.open <= at;
  };
  for (const line of text.matchAll(/[^\n]+/g)) {
    const start = line.index!;
    let from = 0;
    while (from < line[0].length) {
      const rest = line[0].slice(from);
      const m = PATTERNS.singleOpen.exec(rest);
      if (!m) break;
      const openAt = start + from + m.index + m[1]!.length;
      PATTERNS.singleClose.lastIndex = openAt - start + 1;
      const close = PATTERNS.singleClose.exec(line[0]);
      if (!close) break;
      const closeAt = start + close.index;
      if (!inside(openAt)) spans.push({ open: openAt, close: closeAt + 1, parts: [trimQuoted(text, openAt + 1, closeAt)], rule: 'single-marks' });
      from = closeAt - start + 1;
    }
  }
  return spans;
}
