import { inlineAnalyser, type Analyser } from '../pipeline/analyser.js';
import { ingestInputs } from '../pipeline/analyze.js';
import { refreshStoryAnalyses } from '../pipeline/story-analyses.js';
import type { Store } from '../store/store.js';
import { fromJobInput, jobResult, type IngestJob } from './jobs.js';
import type { JobQueue } from './queue.js';

export interface WorkerOptions {
  store: Store;
  queue: JobQueue;
  /** Jobs processed at once per queue by this process. */
  concurrency?: number;
  /**
   * Where articles and stories are analysed; default the calling thread. The CLI's worker gives it
   * worker threads, so that no analysis runs on the event loop while a batch holds the placement
   * lock: a story analysis there stalled the batch (and every other worker waiting for the lock)
   * for its whole length.
   */
  analyser?: Analyser;
}

/**
 * Processes ingest and story jobs until the queue is closed. An ingest job stores its articles
 * like `POST /api/articles` without a queue (each article with its story membership one unit
 * that commits or rolls back whole, the same content stored once), then enqueues one story job per story it touched instead of analysing them on
 * the ingest path. A job retried after its worker died stores what that worker had not: the
 * articles it had stored are found by content hash and reported `unchanged`.
 */
export async function runWorker({ store, queue, concurrency = 1, analyser = inlineAnalyser }: WorkerOptions): Promise<void> {
  await queue.work(
    {
      ingest: async (job: IngestJob) => {
        const report = await ingestInputs(store, job.inputs.map(fromJobInput), {
          ...(job.maxChars ? { maxChars: job.maxChars } : {}),
          ...(job.encoding ? { encoding: job.encoding } : {}),
          ...(job.meta ? { meta: job.meta } : {}),
          analyser,
          storyStage: async (storyIds) => queue.enqueueStories((await store.getStories(storyIds)).map((s) => ({ storyId: s.id, version: s.version }))),
        });
        return jobResult(report);
      },
      // Reads the story as it is now: a job enqueued for an older version analyses the latest one,
      // and one whose story is already analysed at its current version does nothing.
      story: async ({ storyId }) => refreshStoryAnalyses(store, [storyId], { analyze: analyser.story }),
    },
    concurrency,
  );
}
