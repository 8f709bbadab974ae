/** ISO 8601 at the precision the export accepts (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with an optional offset). */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
/** A date-time with seconds fractions or offsets that `ISO_DATE` almost accepts ("2019-11-19T08:38:00.000+0000"). */
const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/;

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
  if (ISO_DATE.test(text)) return text;
  const iso = ISO_PREFIX.exec(text);
  if (iso) return `${iso[1]}T${iso[2]}${iso[5] ?? ''}`;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(text)) return null;
  if (!/[a-z]{3}/i.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1900 || year > 2200) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
