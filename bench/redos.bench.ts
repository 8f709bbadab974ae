import { latinSkeleton } from '../src/clean/lexicon/confusables.js';
import { PATTERNS as CLEAN_PATTERNS } from '../src/clean/patterns.js';
import { LINE_RULES, type Line } from '../src/clean/rules/line-rules.js';
import { findQuantities } from '../src/corroborate/quantities/parse-quantity.js';
import { findQuotedSpans } from '../src/analyze/quotes/01-find-marks.js';
import { HTML_PATTERNS } from '../src/ingest/html/patterns.js';
import { sentencesAndTokens } from '../src/analyze/sentences.js';
import { findTimexes } from '../src/analyze/time/detect.js';
import { TIME_PATTERNS } from '../src/analyze/time/patterns.js';
import { findDateline } from '../src/analyze/time/published-at.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { REPO, round } from './args.js';

/** Characters of the smaller hostile input; the larger is four times it. */
const N = 10_000;
/** A ratio time(4n) / time(n) above this is superlinear: linear is about 4, quadratic about 16. */
const SUPERLINEAR = 8;
/** A quick ratio above this is timed again carefully (a loaded machine puts quick ratios of linear work up to about 7). */
const RETIME_ABOVE = 6;
/**
 * How each ratio is timed: each size `rounds` times, interleaved, the least counting (other jobs
 * only ever add time: cache misses, collections), with enough calls per timing that the smaller
 * input takes `minMs` (one call can take microseconds). Every case is screened quickly; one over
 * `RETIME_ABOVE` is timed again carefully, as is the baseline, and that ratio is the one reported.
 */
const SCREEN = { rounds: 3, minMs: 1 };
const CAREFUL = { rounds: 9, minMs: 10 };
/** A case whose timings reach this many ms in all stops after two rounds: it is far from linear already. */
const CASE_BUDGET_MS = 3_000;
/**
 * A case over `SUPERLINEAR` is timed again from 4n to 16n, and listed as superlinear only if it is
 * over there too: garbage collection can put one step of linear work over 8 (a young generation
 * outgrown), not two in a row. Unless one call at 4n already takes this long: at 16n it would
 * take seconds, and work that slow on 40,000 characters is not linear anyway.
 */
const CONFIRM_BELOW_MS = CASE_BUDGET_MS / 16;

/**
 * A hostile input: `prefix`, each of `units` repeated k times, `suffix`, with k chosen so the whole
 * is about `chars` long. The shapes that make a backtracking regex try every split: long runs of
 * whitespace (a dateline's "Posted    ", a range's "11 December    -"), of letters, digits, marks
 * and repeated keywords.
 */
interface Shape {
  name: string;
  prefix: string;
  units: string[];
  suffix: string;
}
const shape = (name: string, prefix: string, unit: string | string[], suffix = ''): Shape => ({ name, prefix, units: [unit].flat(), suffix });
function build(s: Shape, chars: number): string {
  const unitChars = s.units.reduce((sum, u) => sum + u.length, 0);
  const k = Math.max(1, Math.round((chars - s.prefix.length - s.suffix.length) / unitChars));
  // Copied through a buffer so the string is flat: `repeat` builds a tree of halves that the
  // first scan would flatten, timing that too.
  return Buffer.from(s.prefix + s.units.map((u) => u.repeat(k)).join('') + s.suffix).toString();
}

/** Shapes every family is timed on. */
const COMMON: Shape[] = [
  shape('whitespace run after a capital', 'A', ' ', 'x'),
  shape('whitespace run after a dateline', 'WASHINGTON, Jan 09', ' ', 'x'),
  shape('mixed whitespace run', 'By', ' \t\u00a0', '!'),
  shape('letters', '', 'a', '!'),
  shape('capitalised words', 'By ', 'Aa ', '!'),
  shape('digits', '', '1', 'x'),
  shape('digits and commas', '', '1,', 'x'),
  shape('dashes', '', '-', 'x'),
];
/** Shapes of each family's own syntax (the inputs its unit tests once timed). */
const OWN: Record<string, Shape[]> = {
  lineRules: [shape('open tags', '<', 'div ', ''), shape('brackets then links', '', ['[', ']('], ''), shape('byline names and commas', 'By ', 'Aa , ', '!')],
  quantities: [shape('number words', '', 'one two three four five six seven eight nine ten ', ''), shape('modifiers before numbers', '', 'more than about ', '1')],
  quotes: [
    shape('alternating marks', '', '“quoted ” and " word "', ''),
    shape('straight marks', '', '" ', 'x'),
    shape('apostrophes', '', "’'", 'x'),
    shape('a quote left open on every line', '', '"a\n', ''),
    shape('double quotes then single ones', '', ['"a" ', '‘b’ '], ''),
  ],
  html: [shape('share words', 'Share ', 'share ', 'x'), shape('published dates', 'Published ', 'Jan 1 ', ''), shape('more-', '', 'more-', '!'), shape('image credits', '(Image: ', '© ', 'x')],
  time: [shape('early', '', 'early ', ''), shape('bare numbers', '', '1 ', ''), shape('the first', '', 'the first ', ''), shape('capitals', '', 'WASHINGTON ', ''), shape('month names', '', 'Jan ', '')],
  dateline: [
    shape('capitals and spaces', 'A', ' A', 'x'),
    shape('spaces before a year', 'WASHINGTON, Jan 09,', ' ', 'x'),
    shape('spaces inside a source', 'WASHINGTON, Jan 09 (', ' ', 'x'),
    shape('spaces after a date-line label', 'Posted', ' ', 'x'),
    shape('spaces after a clock time', '10:32', ' ', 'x'),
    shape('spaces after a full date', 'January 9, 2026', ' ', 'x'),
  ],
  rangeJoin: [shape('spaces between words', 'on 11 December', ' a ', ''), shape('newlines', '11 December', '\n', 'four years')],
};

/** One function or regex on inputs of one shape: `prepare` builds its argument outside the timing. */
interface Case {
  family: string;
  name: string;
  shapes: Shape[];
  /** Characters of the smaller input, when not `N`. */
  chars?: number;
  prepare: (text: string) => () => unknown;
}

const asLine = (text: string): Line => {
  const skeleton = latinSkeleton(text);
  return { index: 0, rawStart: 0, rawEnd: text.length, text, skeleton, words: skeleton.match(CLEAN_PATTERNS.word) ?? [] };
};
/** A regex as its callers run it: every match when global (counted, not kept: kept matches time the collector), else the first. */
const scan = (re: RegExp) => (text: string) => () => {
  re.lastIndex = 0;
  if (!re.global) return re.exec(text);
  let found = 0;
  for (const _ of text.matchAll(re)) found++;
  return found;
};

/**
 * Whole documents of real article text (the seeds' bodies, 2,000 characters of them repeated), as
 * paragraphs and as one long line, and a long "word" inside a sentence: what once cost more than
 * linear time in the analysis as a whole (a one-line document overflowed the stack).
 */
function documentShapes(): Shape[] {
  const seeds = join(REPO, '..', 'shared', 'seeds');
  const body = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seeds, f), 'utf8').split('\n').slice(1).join('\n').trim()).join('\n\n');
  const excerpt = `${body.slice(0, 2_000)}\n\n`;
  return [
    shape('real article text', 'Long report on the talks\n\n', excerpt, ''),
    shape('real article text on one line', 'Long report on the talks\n\n', `${excerpt.replace(/\s+/g, ' ')} `, ''),
    shape('a long word in a sentence', 'Long report on the talks\n\nThe ministry published the file ', 'Ab0+', ' on Tuesday, officials said.'),
  ];
}

/** Characters of the smaller document: whole analysis at this size takes tens of milliseconds. */
const DOCUMENT_CHARS = 50_000;

function cases(): Case[] {
  const time = [...COMMON, ...OWN.time!];
  const analyse = (text: string) => () => docsFromInput({ input: 'long.txt', bytes: Buffer.from(text), sidecar: null }, { maxChars: Number.MAX_SAFE_INTEGER, ctx: { now: new Date('2026-01-20T00:00:00Z') } });
  return [
    { family: 'whole analysis', name: 'docsFromInput', shapes: documentShapes(), chars: DOCUMENT_CHARS, prepare: analyse },
    ...LINE_RULES.map((rule): Case => ({ family: 'line rules', name: rule.name, shapes: [...COMMON, ...OWN.lineRules!], prepare: (text) => { const line = asLine(text); return () => rule(line); } })),
    { family: 'quantity parsing', name: 'findQuantities', shapes: [...COMMON, ...OWN.quantities!], prepare: (text) => () => findQuantities(text) },
    { family: 'quote marks', name: 'findQuotedSpans', shapes: [...COMMON, ...OWN.quotes!], prepare: (text) => () => findQuotedSpans(text) },
    ...Object.entries(HTML_PATTERNS).map(([name, re]): Case => ({ family: 'html extract patterns', name, shapes: [...COMMON, ...OWN.html!], prepare: scan(re) })),
    ...Object.entries(TIME_PATTERNS)
      .filter(([name]) => !['dateline', 'dateOnlyLine', 'rangeJoin'].includes(name))
      .map(([name, re]): Case => ({ family: 'time expressions', name, shapes: time, prepare: scan(re) })),
    {
      family: 'time expressions',
      name: 'findTimexes',
      shapes: time,
      prepare: (text) => {
        const { sentences, tokens } = sentencesAndTokens(text);
        return () => findTimexes(text, { anchor: { y: 2026, m: 1, d: 14 }, sentences, tokens });
      },
    },
    { family: 'dateline', name: 'dateline', shapes: [...COMMON, ...OWN.dateline!], prepare: scan(TIME_PATTERNS.dateline) },
    { family: 'dateline', name: 'dateOnlyLine', shapes: [...COMMON, ...OWN.dateline!], prepare: scan(TIME_PATTERNS.dateOnlyLine) },
    { family: 'dateline', name: 'findDateline', shapes: [...COMMON, ...OWN.dateline!], prepare: (text) => () => findDateline(text, [{ start: 0, end: text.length }]) },
    // As chrono's joined results are cut: `search`, the first match only.
    { family: 'rangeJoin', name: 'rangeJoin', shapes: [...COMMON, ...OWN.rangeJoin!], prepare: (text) => () => text.search(TIME_PATTERNS.rangeJoin) },
  ];
}

/** The baseline: one pass over the same input that looks at every character once. */
const linearScan = (text: string) => () => {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 32) spaces++;
  return spaces;
};

/** CPU ms per call, not wall: on a shared machine wall time counts the turns of other processes. */
const msOf = (run: () => unknown, calls: number) => {
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e3 / calls;
};

/** time(4n) / time(n) and ms per call at each size (n = `chars`), timed as `how` says. */
function ratio(prepare: (text: string) => () => unknown, s: Shape, how: { rounds: number; minMs: number }, chars = N): { small: number; large: number; ratio: number } {
  const small = prepare(build(s, chars));
  const large = prepare(build(s, 4 * chars));
  // Warm both up first: V8 interprets a regex's first runs and compiles it once it is hot.
  const first = Math.min(msOf(small, 1), msOf(small, 1));
  msOf(large, 1);
  const calls = Math.max(1, Math.ceil(how.minMs / Math.max(first, 1e-3)));
  let least = [Infinity, Infinity];
  let spent = 0;
  for (let r = 0; r < how.rounds && !(r >= 2 && spent > CASE_BUDGET_MS); r++) {
    const a = msOf(small, calls);
    const b = msOf(large, calls);
    least = [Math.min(least[0]!, a), Math.min(least[1]!, b)];
    spent += (a + b) * calls;
  }
  return { small: least[0]!, large: least[1]!, ratio: least[1]! / least[0]! };
}

/**
 * `npm run bench -- redos`: the whole analysis of long documents (`DOCUMENT_CHARS` and 4×), and each guarded pattern family (line rules, quantity parsing, quote
 * marks, the HTML extractor's patterns, the time patterns and `findTimexes`, the dateline and
 * chrono's range join) timed on hostile inputs of n and 4n characters. The ratio is about 4 for
 * linear work and 16 for quadratic; above `SUPERLINEAR` from n to 4n and from 4n to 16n, the
 * case is listed as superlinear (over it once only, in `overOnceOnly`). Baseline in the same
 * run: a linear scan of the same inputs. Why a bench and not a unit test: wall time is no unit
 * test's to assert on a shared machine; a ratio of two sizes measured together is steady under load.
 */
export function runRedosBench(): unknown {
  const baseline = new Map<string, number>();
  const families: Record<string, { cases: number; worst: string; worstRatio: number; baselineRatio: number }> = {};
  type Listed = { family: string; name: string; input: string; msAtN: number; msAt4n: number; ratio: number; ratio4nTo16n: number | null; baselineRatio: number };
  const superlinear: Listed[] = [];
  const overOnceOnly: Listed[] = [];
  for (const c of cases()) {
    for (const s of c.shapes) {
      if (!baseline.has(s.name)) baseline.set(s.name, ratio(linearScan, s, CAREFUL, c.chars ?? N).ratio);
      const chars = c.chars ?? N;
      const screened = ratio(c.prepare, s, SCREEN, chars);
      const r = screened.ratio > RETIME_ABOVE ? ratio(c.prepare, s, CAREFUL, chars) : screened;
      const family = (families[c.family] ??= { cases: 0, worst: '', worstRatio: 0, baselineRatio: 0 });
      family.cases++;
      if (r.ratio > family.worstRatio) Object.assign(family, { worst: `${c.name} on ${s.name}`, worstRatio: round(r.ratio, 1), baselineRatio: round(baseline.get(s.name)!, 1) });
      if (r.ratio <= SUPERLINEAR) continue;
      const next = r.large < CONFIRM_BELOW_MS ? ratio(c.prepare, s, CAREFUL, 4 * chars).ratio : null;
      const listed = { family: c.family, name: c.name, input: s.name, msAtN: round(r.small, 3), msAt4n: round(r.large, 3), ratio: round(r.ratio, 1), ratio4nTo16n: next === null ? null : round(next, 1), baselineRatio: round(baseline.get(s.name)!, 1) };
      (next === null || next > SUPERLINEAR ? superlinear : overOnceOnly).push(listed);
    }
  }
  const baselineRatios = [...baseline.values()];
  return {
    inputs: `hostile inputs of n = ${N.toLocaleString('en')} and 4n characters (whole documents: n = ${DOCUMENT_CHARS.toLocaleString('en')}); ratio time(4n) / time(n), CPU time, least of ${SCREEN.rounds} interleaved timings (${CAREFUL.rounds} for a case over ${RETIME_ABOVE} and for the baseline); linear ≈ 4, quadratic ≈ 16; a case over ${SUPERLINEAR} is timed from 4n to 16n too (ratio4nTo16n; null: one call at 4n took over ${CONFIRM_BELOW_MS} ms) and is superlinear if over ${SUPERLINEAR} there as well`,
    flaggedAbove: SUPERLINEAR,
    baseline: `linear scan of the same inputs: ratio ${round(Math.min(...baselineRatios), 1)}–${round(Math.max(...baselineRatios), 1)}`,
    families,
    superlinear,
    overOnceOnly,
  };
}
