import { INGEST_PATTERNS } from './patterns.js';

/**
 * A date string from metadata or a feed as the export's ISO form, or null when it cannot be read.
 * Decides: ISO strings are kept as written (their offset is the publisher's); other forms that
 * JavaScript reads unambiguously (RFC 822 "Tue, 19 Nov 2019 08:38:00 GMT", as RSS uses) become
 * UTC ISO. Why: a date we re-write must be the same instant, and a date we cannot read is unknown,
 * not guessed. Fails on: numeric day/month orders ("03/04/2019") — refused, since they are ambiguous.
 * Placeholder dates CMSs emit for "not set" ("0001-01-01T00:00:00Z") are refused by their year.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (INGEST_PATTERNS.isoDate.test(text)) return plausibleYear(text) ? text : null;
  const iso = INGEST_PATTERNS.isoPrefix.exec(text);
  if (iso) return plausibleYear(iso[1]!) ? `${iso[1]}T${iso[2]}${iso[5] ?? ''}` : null;
  if (INGEST_PATTERNS.numericDate.test(text)) return null;
  if (!/[a-z]{3}/i.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  if (!plausibleYear(String(new Date(ms).getUTCFullYear()))) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Earliest and latest publication years taken as real; outside them a date is a CMS placeholder or a typo. */
const DEFAULT_MIN_YEAR = 1800;
const DEFAULT_MAX_YEAR = 2200;

const plausibleYear = (date: string): boolean => {
  const year = Number(date.slice(0, 4));
  return year >= DEFAULT_MIN_YEAR && year <= DEFAULT_MAX_YEAR;
};
