import { INGEST_PATTERNS } from './patterns.js';

/**
 * A date string from metadata or a feed as the export's ISO form, or null when it cannot be read.
 * Decides: ISO strings are kept as written (their offset is the publisher's); other forms that
 * JavaScript reads unambiguously (RFC 822 "Tue, 19 Nov 2019 08:38:00 GMT", as RSS uses) become
 * UTC ISO. Why: a date we re-write must be the same instant, and a date we cannot read is unknown,
 * not guessed. Fails on: numeric day/month orders ("03/04/2019") — refused, since they are ambiguous.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (INGEST_PATTERNS.isoDate.test(text)) return text;
  const iso = INGEST_PATTERNS.isoPrefix.exec(text);
  if (iso) return `${iso[1]}T${iso[2]}${iso[5] ?? ''}`;
  if (INGEST_PATTERNS.numericDate.test(text)) return null;
  if (!/[a-z]{3}/i.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1900 || year > 2200) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
