/**
 * A set of values on the number line, with open or closed ends: what a phrase such as
 * "just under an hour" ([45, 60) minutes) or "more than 100" ((100, ∞)) allows.
 */
export interface Interval {
  low: number;
  high: number;
  lowClosed: boolean;
  highClosed: boolean;
}

export const closed = (low: number, high: number): Interval => ({ low, high, lowClosed: true, highClosed: true });

/**
 * Whether two intervals share a value: two reports are compatible exactly when some true value
 * could make both right ("at least 23" and "exceeded 100" share (100, ∞)).
 */
export function overlaps(a: Interval, b: Interval): boolean {
  if (a.high < b.low || b.high < a.low) return false;
  if (a.high === b.low) return a.highClosed && b.lowClosed;
  if (b.high === a.low) return b.highClosed && a.lowClosed;
  return true;
}

/** "[45, 60)", "(100, ∞)", "34": for messages and conflict values. */
export function formatInterval(i: Interval): string {
  if (i.low === i.high && i.lowClosed && i.highClosed) return formatNumber(i.low);
  return `${i.lowClosed ? '[' : '('}${formatNumber(i.low)}, ${formatNumber(i.high)}${i.highClosed ? ']' : ')'}`;
}

const formatNumber = (n: number) => (n === Infinity ? '∞' : Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2))));
