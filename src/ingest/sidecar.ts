import { z } from 'zod';

/**
 * The optional `NAME.json` beside `NAME.txt`: what a crawler knew about the page.
 * Unknown keys are kept out (strip) so a crawler's extra fields do no harm.
 */
export const SidecarSchema = z
  .object({
    url: z.url().nullish(),
    source: z.string().min(1).nullish(),
    publishedAt: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'an ISO 8601 date such as 2026-01-09 or 2026-01-09T14:00:00Z')
      .nullish(),
    language: z.string().min(2).max(35).nullish(),
    title: z.string().nullish(),
    byline: z.string().nullish(),
  })
  .strip();

export type Sidecar = z.infer<typeof SidecarSchema>;
