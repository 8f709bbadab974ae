import { z } from 'zod';
import type { IngestReport } from '../pipeline/analyze.js';
import type { InputFile } from '../ingest/read-inputs.js';
import { SidecarSchema } from '../ingest/sidecar.js';

/**
 * What crosses the queue, as plain JSON checked with zod on both sides: an ingest job carries the
 * bytes of its inputs (read or fetched by whoever enqueued them, so a worker needs no access to
 * their files), and its result is the ingest report a synchronous call would have returned.
 */
export const JobInputSchema = z.object({
  input: z.string(),
  bytes: z.base64(),
  sidecar: SidecarSchema.nullable(),
  url: z.string().nullish(),
  transportCharset: z.string().nullish(),
});

export const IngestJobSchema = z.object({
  inputs: z.array(JobInputSchema).min(1),
  maxChars: z.number().int().min(1).optional(),
  encoding: z.string().optional(),
  meta: z.object({ source: z.string().nullish(), publishedAt: z.string().nullish() }).optional(),
});
export type IngestJob = z.infer<typeof IngestJobSchema>;

/**
 * Inputs per ingest job when many are enqueued at once (`analyze --queue`), and the bytes a job
 * holds at most (one larger input still makes a job alone). A job's articles are analysed, then
 * placed and stored as one batch under the store's placement lock: per-job costs (the queue's
 * fetch and completion, a transaction, the lock, the per-batch counts) are paid once for all of
 * them, where one article per job paid them at every article.
 */
export const JOB_INPUTS = 16;
export const JOB_BYTES = 4 * 1024 * 1024;

/** Whether an input of `next` bytes goes to a new job after a job of `inputs` inputs and `bytes` bytes. */
export const startsNewJob = (inputs: number, bytes: number, next: number): boolean => inputs > 0 && (inputs >= JOB_INPUTS || bytes + next > JOB_BYTES);

/** Splits inputs, in order, into jobs as `analyze --queue` does (`startsNewJob`). */
export function groupJobInputs<T extends { bytes: { byteLength: number } }>(files: T[]): T[][] {
  const groups: T[][] = [];
  let size = 0;
  for (const file of files) {
    if (startsNewJob(groups.at(-1)?.length ?? 0, size, file.bytes.byteLength) || groups.length === 0) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(file);
    size += file.bytes.byteLength;
  }
  return groups;
}

export const StoryJobSchema = z.object({ storyId: z.string(), version: z.number().int() });
export type StoryJob = z.infer<typeof StoryJobSchema>;

const WarningSchema = z.object({ code: z.string(), message: z.string() });
const ErrorSchema = z.object({ code: z.string(), message: z.string() });

/** One article (or one input that failed) of an ingest job, as the API reports it. */
export const ArticleOutcomeSchema = z.object({
  input: z.string(),
  status: z.enum(['added', 'unchanged', 'failed']).describe('unchanged: the same content was stored already (by an earlier job, or by an earlier attempt of this one)'),
  id: z.string().optional(),
  storyId: z.string().nullable().optional(),
  warnings: z.array(WarningSchema).optional(),
  error: ErrorSchema.optional(),
});

export const IngestJobResultSchema = z.object({
  added: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  articles: z.array(ArticleOutcomeSchema),
  stories: z.array(z.string()),
});
export type IngestJobResult = z.infer<typeof IngestJobResultSchema>;

export const toJobInput = (file: InputFile): IngestJob['inputs'][number] => ({
  input: file.input,
  bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64'),
  sidecar: file.sidecar,
  ...(file.url ? { url: file.url } : {}),
  ...(file.transportCharset ? { transportCharset: file.transportCharset } : {}),
});

export const fromJobInput = (input: IngestJob['inputs'][number]): InputFile => ({
  input: input.input,
  bytes: new Uint8Array(Buffer.from(input.bytes, 'base64')),
  sidecar: input.sidecar,
  url: input.url ?? null,
  transportCharset: input.transportCharset ?? null,
});

/** What a caller is told of one input of an ingest: its error, or its article, story and warnings (the API's and the job's results alike). */
export const fileOutcome = (f: IngestReport['files'][number]) =>
  f.status === 'failed'
    ? { status: f.status, error: { code: f.error.code, message: f.error.message } }
    : { status: f.status, id: f.id, storyId: f.storyId, warnings: f.messages.filter((m) => m.level === 'warning').map((m) => ({ code: m.code, message: m.reason })) };

export function jobResult(report: IngestReport): IngestJobResult {
  return {
    added: report.added,
    unchanged: report.unchanged,
    failed: report.failed,
    articles: report.files.map((f) => ({ input: f.input, ...fileOutcome(f) })),
    stories: report.storyIds,
  };
}
