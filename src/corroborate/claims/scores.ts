import { valueCitation, type Conflict, type Position } from './conflicts.js';
import type { ClaimUnit } from './units.js';

/**
 * Conflicts over a game's score at one moment of its clock: "open a 45-36 lead with 13:41 to play"
 * against "take a double-digit lead at 45-35 … with 13:41 to go". Match reports time a score by the
 * clock; two outlets giving one moment of the clock give one score, so scores that differ there
 * are a dispute. The quantity parser reads neither the score nor the clock. A false dispute costs
 * more than a missed one: a clause is left alone unless it gives exactly one score and one clock,
 * scores of different named periods ("in the first half" / "in the second half") are never
 * compared, and only scores a slip apart are rivals (one side's points equal, the other's close):
 * the same clock in another period or another game gives a score far from this one.
 */

/** A score one clause gives at a moment of the game clock. */
interface TimedScore {
  unit: number;
  /** The clock as "mm:ss". */
  clock: string;
  /** The period the clause names ("second half"), null when none. */
  period: string | null;
  /** The two sides' points, higher first: "45-36" and "36-45" are one score. */
  points: [number, number];
  start: number;
  end: number;
  text: string;
}

/**
 * A score: two numbers of points joined by a hyphen or dash ("45-36", "45 - 36"). Not part of a
 * longer hyphenated run ("6-foot-9", "1995-99"), and not a run of points or a season's record, told
 * by the word after it ("a 15-2 run", "improved to 25-7 on the season").
 */
const SCORE = /(?<![\d\p{L}]\s?[-–]\s?|\d)(\d{1,3})\s?[-–]\s?(\d{1,3})(?!\s?[-–]\s?[\d\p{L}]|\d)(?!\s+(?:run|spurt|burst|streak|surge|record|overall|on the season|in (?:conference|league|the league)))/gu;
/** The game clock: "with 13:41 to play", "13 : 41 left", "with 4:43 remaining". */
const CLOCK = /\b(\d{1,2})\s?:\s?(\d{2})\s+(?:to play|to go|left|remaining)\b/giu;
/** A named period of a game. */
const PERIOD = /\b(first|second|third|fourth|final)\s+(half|quarter|period)\b|\bovertime\b/giu;
/** How far apart the other side's points may be for two scores to be one score misprinted. */
const SLIP = 3;

/** The one score at one clock a clause gives; null when it gives none, or more than one of either. */
function timedScore(unit: ClaimUnit, index: number): TimedScore | null {
  const clause = unit.doc.text.slice(unit.span.start, unit.span.end);
  const clocks = [...clause.matchAll(CLOCK)];
  if (clocks.length !== 1) return null;
  const scores = [...clause.matchAll(SCORE)];
  if (scores.length !== 1) return null;
  const periods = new Set([...clause.matchAll(PERIOD)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' ')));
  if (periods.size > 1) return null;
  const score = scores[0]!;
  const points = [Number(score[1]), Number(score[2])].sort((a, b) => b - a) as [number, number];
  const start = unit.span.start + score.index!;
  return {
    unit: index,
    clock: `${Number(clocks[0]![1])}:${clocks[0]![2]}`,
    period: [...periods][0] ?? null,
    points,
    start,
    end: start + score[0].length,
    text: score[0],
  };
}

/** Whether two scores are one score told two ways by a slip: one side's points equal, the other's close. */
function slip(a: [number, number], b: [number, number]): boolean {
  const [high, low] = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
  return (high === 0 && low > 0 && low <= SLIP) || (low === 0 && high > 0 && high <= SLIP);
}

/** Score conflicts of a story: different sources giving different scores at one moment of the clock of one period. */
export function findScoreConflicts(units: ClaimUnit[], sourceOf: (unit: ClaimUnit) => string): Conflict[] {
  const scores = units.map((u, i) => timedScore(u, i)).filter((s): s is TimedScore => s !== null);
  const byClock = new Map<string, TimedScore[]>();
  for (const s of scores) byClock.set(s.clock, [...(byClock.get(s.clock) ?? []), s]);
  const conflicts: Conflict[] = [];
  for (const [clock, moment] of byClock) {
    // Different named periods are different moments; one named period is the moment of the clauses naming none.
    const periods = new Set(moment.map((s) => s.period).filter((p) => p !== null));
    if (periods.size > 1) continue;
    const values = new Map<string, TimedScore[]>();
    for (const s of moment) values.set(s.points.join('-'), [...(values.get(s.points.join('-')) ?? []), s]);
    if (values.size !== 2) continue;
    const [a, b] = [...values.values()] as [TimedScore[], TimedScore[]];
    if (!slip(a[0]!.points, b[0]!.points)) continue;
    // An outlet printing both scores at one clock tells two moments (or corrects itself), not a dispute.
    const sources = [a, b].map((side) => new Set(side.map((s) => sourceOf(units[s.unit]!))));
    if ([...sources[0]!].some((x) => sources[1]!.has(x))) continue;
    const positions: Position[] = [a, b].map((side) => ({
      value: [...new Set(side.map((s) => s.text))].join(' / '),
      refs: side.map((s) => ({ unit: s.unit, value: { start: s.start, end: s.end, text: s.text }, cite: valueCitation(units[s.unit]!, s) })),
    }));
    conflicts.push({ subject: `what score: with ${clock} to play`, aspect: 'score', positions });
  }
  return conflicts;
}
