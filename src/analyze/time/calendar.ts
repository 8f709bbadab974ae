/**
 * Calendar arithmetic on plain year/month/day numbers (UTC, proleptic Gregorian), so resolution
 * never depends on the machine's time zone or clock.
 */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const ymdString = (t: Ymd): string => `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;
export const ymString = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;

const toDate = (t: Ymd) => new Date(Date.UTC(t.y, t.m - 1, t.d));
const fromDate = (d: Date): Ymd => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });

export const addDays = (t: Ymd, days: number): Ymd => fromDate(new Date(toDate(t).getTime() + days * 86_400_000));

/** 0 = Sunday … 6 = Saturday, as chrono numbers weekdays. */
export const weekdayOf = (t: Ymd): number => toDate(t).getUTCDay();

/** Days from a to b (b − a). */
// Date.UTC gives the same milliseconds as toDate(t).getTime() without making two Date objects per comparison.
export const daysBetween = (a: Ymd, b: Ymd): number => Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);

export const compareYmd = (a: Ymd, b: Ymd): number => daysBetween(b, a);

export const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO 8601 week (`2026-W02`): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(t: Ymd): string {
  const thursday = toDate(t);
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3); // the Thursday of this week
  const weekYear = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${weekYear}-W${pad(week)}`;
}

export const parseYmd = (iso: string): Ymd | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
};
