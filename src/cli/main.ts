import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { asInputError, CorroborateError, isCorroborateError } from '../doc/errors.js';
import type { Message } from '../doc/types.js';
import type { InputFile } from '../ingest/read-inputs.js';
import type { StoryExport } from '../export/types.js';
import { createFetcher } from '../ingest/fetch/fetch-url.js';
import { createAnalyser, defaultThreads, type Analyser } from '../pipeline/analyser.js';
import { expandInputs, exportStories, ingestPaths, openStore, readOrFetch, type IngestReport } from '../pipeline/analyze.js';
import { startsNewJob, toJobInput } from '../queue/jobs.js';
import type { JobQueue } from '../queue/queue.js';
import { storeLocation } from '../store/open.js';
import type { Store } from '../store/store.js';
import { writeExportStream } from '../pipeline/export-stream.js';
import { COMMANDS, commandHelp, mainHelp, parseByteSize, parseCommand, parseCount, parseThreads, type Parsed } from './options.js';
import { progressBar } from './progress.js';

export interface Io {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  readStdin: () => Promise<Uint8Array>;
  env?: Record<string, string | undefined>;
  /** Ends long-running commands (`serve`) when aborted; the bin aborts it on SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

/**
 * Exit codes: 0 all went through; 1 some inputs failed (or warned, with --frail); 2 usage error or
 * unusable store; 3 the tool itself failed (a bug, outside any one input: an input's own failure is 1).
 */
export const EXIT = { ok: 0, someFailed: 1, fatal: 2, internal: 3 } as const;

const version = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

/**
 * The CLI as a function (after unified-args): it never calls `process.exit`, so tests run it
 * in-process and the bin is a one-line shell around it.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr.write(mainHelp(version));
    return EXIT.fatal;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp(version));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    io.stderr.write(`corroborate: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`);
    return EXIT.fatal;
  }
  try {
    const parsed = parseCommand(spec, rest);
    if (parsed.values.help) {
      io.stdout.write(commandHelp(spec));
      return EXIT.ok;
    }
    if (parsed.positionals.length < spec.minPositionals) throw new CorroborateError('bad-option', `${spec.name}: missing arguments. Usage: ${spec.usage}`);
    switch (spec.name) {
      case 'analyze':
      case 'ingest':
        return await runIngest(spec.name, parsed, io);
      case 'export':
        return await runExport(parsed, io);
      case 'serve':
        return await runServe(parsed, io);
      case 'worker':
        return await runWorkerCommand(parsed, io);
      default:
        return await runAnnotate(parsed, io);
    }
  } catch (error) {
    if (isCorroborateError(error)) {
      io.stderr.write(`corroborate ${name}: ${error.message}\n`);
      return EXIT.fatal;
    }
    const debug = rest.includes('--debug');
    io.stderr.write(`corroborate ${name}: internal error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run with --debug for the stack)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

/** The stack of an `internal` failure's cause, for --debug. */
const stackOf = (error: CorroborateError): string | undefined => (error.code === 'internal' && error.cause instanceof Error ? error.cause.stack : undefined);

const str = (v: Parsed['values'][string]) => (typeof v === 'string' ? v : undefined);

/** `--timeout 2.5` → 2500 ms; anything but a positive number is a usage error. */
function parseSeconds(value: string, option = 'timeout'): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CorroborateError('bad-option', `--${option}: expected a positive number of seconds, got "${value}"`);
  return Math.round(seconds * 1000);
}

async function runIngest(command: 'analyze' | 'ingest', parsed: Parsed, io: Io): Promise<number> {
  const { values } = parsed;
  const queueUrl = str(values.queue);
  if (queueUrl) return runEnqueue(queueUrl, parsed, io);
  const quiet = values.quiet === true || values.json === true;
  // Options are checked before the store is opened, so a usage error leaves no database behind.
  const maxBytesOption = str(values['max-bytes']);
  const maxBytes = maxBytesOption !== undefined ? parseByteSize(maxBytesOption) : undefined;
  const maxCharsOption = str(values['max-chars']);
  const maxChars = maxCharsOption !== undefined ? parseCount('max-chars', maxCharsOption) : undefined;
  const timeBudget = str(values['time-budget']);
  const timeBudgetMs = timeBudget !== undefined ? parseSeconds(timeBudget, 'time-budget') : undefined;
  const fetcher = fetcherOf(values, maxBytes);
  const threads = threadsOption(parsed);
  const store = await openStore(storeLocation(str(values.db), io.env ?? {}));
  const progress = progressBar(io.stderr, !quiet);
  const analyser = createAnalyser(threads);
  try {
    const encoding = str(values.encoding);
    const report = await ingestPaths(store, parsed.positionals, {
      ...(maxBytes ? { maxBytes } : {}),
      ...(maxChars ? { maxChars } : {}),
      ...(timeBudgetMs ? { timeBudgetMs } : {}),
      fetcher,
      ...(encoding ? { encoding } : {}),
      meta: { source: str(values.source) ?? null, publishedAt: str(values['published-at']) ?? null },
      readStdin: io.readStdin,
      onProgress: ({ done, total, input }) => progress.update(done, total, input),
      analyser,
    });
    progress.stop();
    const debug = values.debug === true;
    if (!quiet) printOutcomes(report, io.stderr, debug);

    let exported: StoryExport | null = null;
    if (command === 'analyze') {
      const out = str(values.out);
      // With --json and no --out the export is part of the one JSON report on stdout.
      if (values.json && !out) exported = await exportStories(store, report.storyIds, new Date(), { analyze: analyser.story });
      else await writeExport(store, report.storyIds, out, str(values.format), io, analyser);
    }
    if (values.json) io.stdout.write(`${JSON.stringify({ ...jsonReport(report, debug), ...(exported ? { export: exported } : {}) }, null, 2)}\n`);

    const warned = report.files.some((f) => f.status !== 'failed' && f.messages.some((m) => m.level === 'warning'));
    return report.failed > 0 || (values.frail === true && warned) ? EXIT.someFailed : EXIT.ok;
  } finally {
    progress.stop();
    await analyser.close();
    await store.close();
  }
}

/**
 * A file name or message as it may be shown on a terminal: control characters (a name can hold
 * "\x1b[2J" or a newline) and bidirectional overrides are written as escapes, never sent raw.
 */
export const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function printOutcomes(report: IngestReport, stderr: Writable, debug: boolean): void {
  for (const f of report.files) {
    if (f.status === 'failed') {
      stderr.write(`${printable(`${f.input}: error: ${stripSubject(f.error.message, f.input)} [${f.error.code}]`)}\n`);
      const stack = debug ? stackOf(f.error) : undefined;
      if (stack) stderr.write(`${stack}\n`);
    }
    else if (f.status === 'added') for (const m of f.messages.filter((x) => x.level === 'warning')) stderr.write(formatMessage(f.input, m));
  }
  const unchanged = report.unchanged ? `, ${report.unchanged} already stored (unchanged)` : '';
  const failed = report.failed ? `, ${report.failed} failed` : '';
  const nothingNew = report.added === 0 && report.unchanged > 0 ? ' Nothing new to add.' : '';
  stderr.write(`${report.files.length} input(s): ${report.added} added${unchanged}${failed}; ${report.storyIds.length} story(ies).${nothingNew}\n`);
}

const stripSubject = (message: string, input: string) => (message.startsWith(`${input}: `) ? message.slice(input.length + 2) : message);

/** `file:start-end warning reason [code]`, like vfile-reporter; offsets index the article's clean text. */
const formatMessage = (input: string, m: Message) => `${printable(`${input}${m.place ? `:${m.place.start}-${m.place.end}` : ''}: ${m.level}: ${m.reason} [${m.source}/${m.code}]`)}\n`;

function jsonReport(report: IngestReport, debug: boolean) {
  return {
    added: report.added,
    unchanged: report.unchanged,
    failed: report.failed,
    storyIds: report.storyIds,
    files: report.files.map((f) =>
      f.status === 'failed'
        ? { input: f.input, status: f.status, error: { code: f.error.code, message: f.error.message, ...(debug && stackOf(f.error) ? { stack: stackOf(f.error) } : {}) } }
        : { input: f.input, status: f.status, id: f.id, storyId: f.storyId, warnings: f.messages.filter((m) => m.level === 'warning').map((m) => ({ code: m.code, message: m.reason })) },
    ),
  };
}

async function runExport(parsed: Parsed, io: Io): Promise<number> {
  const threads = threadsOption(parsed);
  const store = await openStore(storeLocation(str(parsed.values.db), io.env ?? {}));
  const analyser = createAnalyser(threads);
  try {
    const ids = parsed.values.story as string[] | undefined;
    if (ids) {
      const found = new Set((await store.getStories(ids)).map((s) => s.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw new CorroborateError('bad-option', `no such story: ${missing.join(', ')}`);
    }
    await writeExport(store, ids, str(parsed.values.out), str(parsed.values.format), io, analyser);
    return EXIT.ok;
  } finally {
    await analyser.close();
    await store.close();
  }
}

/** `--threads`, checked before anything is opened; default one per core. */
const threadsOption = (parsed: Parsed): number => {
  const value = str(parsed.values.threads);
  return value === undefined ? defaultThreads() : parseThreads(value);
};

/**
 * Streams the export story by story (memory bounded by the largest story), to stdout or to a
 * file written atomically (temp file + rename) so a reader never sees half an export.
 */
async function writeExport(store: Store, storyIds: string[] | undefined, out: string | undefined, format: string | undefined, io: Io, analyser: Analyser): Promise<void> {
  const chosen = format ?? (out?.toLowerCase().endsWith('.md') ? 'md' : 'json');
  if (chosen !== 'json' && chosen !== 'md') throw new CorroborateError('bad-option', `--format must be json or md, not "${chosen}"`);
  if (!out) {
    await writeExportStream(store, storyIds, chosen, (chunk) => writeChunk(io.stdout, chunk), { analyser });
    return;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  let counts;
  try {
    const file = await open(tmp, 'w');
    try {
      counts = await writeExportStream(store, storyIds, chosen, async (chunk) => void (await file.write(chunk)), { analyser });
    } finally {
      await file.close();
    }
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true });
    if (isCorroborateError(error)) throw error;
    throw new CorroborateError('unwritable', `${out}: cannot write (${(error as Error).message})`, { subject: out, cause: error });
  }
  io.stderr.write(`wrote ${out} (${counts.stories} story(ies), ${counts.articles} article(s))\n`);
}

/** Writes to a stream, waiting while its buffer is full, so a slow reader of stdout does not make the export pile up in memory. */
async function writeChunk(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/** Temp file + rename: a reader (or a crash) never sees half a file. */
async function writeAtomically(path: string, body: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, body);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new CorroborateError('unwritable', `${path}: cannot write (${(error as Error).message})`, { subject: path, cause: error });
  }
}

async function runAnnotate(parsed: Parsed, io: Io): Promise<number> {
  const path = parsed.positionals[0]!;
  const input = path === '-' ? Buffer.from(await io.readStdin()).toString('utf8') : await readFile(path, 'utf8').catch((e: Error) => {
    throw new CorroborateError('unreadable', `${path}: cannot read (${e.message})`);
  });
  // The analysis modules load only for this command (ingest analyses in worker threads).
  const { annotate, AnnotateInputSchema } = await import('../analyze/annotate.js');
  const lines: string[] = [];
  let failed = 0;
  for (const [i, line] of input.split('\n').entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      io.stderr.write(`${path}:${i + 1}: error: not valid JSON (${(error as Error).message})\n`);
      failed++;
      continue;
    }
    const doc = AnnotateInputSchema.safeParse(json);
    if (!doc.success) {
      io.stderr.write(`${path}:${i + 1}: error: ${doc.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}\n`);
      failed++;
      continue;
    }
    try {
      lines.push(JSON.stringify(annotate(doc.data)));
    } catch (error) {
      const failure = asInputError(error, `${path}:${i + 1}`);
      io.stderr.write(`${failure.message} [${failure.code}]\n`);
      const stack = parsed.values.debug === true ? stackOf(failure) : undefined;
      if (stack) io.stderr.write(`${stack}\n`);
      failed++;
    }
  }
  const body = lines.length ? `${lines.join('\n')}\n` : '';
  const out = str(parsed.values.out);
  if (out) await writeAtomically(out, body);
  else io.stdout.write(body);
  io.stderr.write(`annotated ${lines.length} document(s)${failed ? `, ${failed} line(s) failed` : ''}\n`);
  return failed ? EXIT.someFailed : EXIT.ok;
}

/** `--timeout`, `--max-bytes` and `--allow-private` as a fetcher, checked before anything is opened. */
function fetcherOf(values: Parsed['values'], maxBytes: number | undefined) {
  const timeout = str(values.timeout);
  return createFetcher({ allowPrivate: values['allow-private'] === true, ...(maxBytes ? { maxBytes } : {}), ...(timeout ? { timeoutMs: parseSeconds(timeout) } : {}) });
}

/**
 * `analyze|ingest --queue URL`: reads (or fetches) each input here and enqueues it as one ingest
 * job carrying its bytes, so workers need no access to the files. Prints `JOB-ID<TAB>INPUT` per
 * job on stdout (or, with --json, a JSON report); the workers store, group and analyse.
 */
async function runEnqueue(queueUrl: string, parsed: Parsed, io: Io): Promise<number> {
  const { values } = parsed;
  if (str(values.out) || str(values.format)) throw new CorroborateError('bad-option', '--queue enqueues the inputs for workers: there is no export yet; run `corroborate export` once the jobs are done');
  const maxBytesOption = str(values['max-bytes']);
  const maxBytes = maxBytesOption !== undefined ? parseByteSize(maxBytesOption) : undefined;
  const maxCharsOption = str(values['max-chars']);
  const maxChars = maxCharsOption !== undefined ? parseCount('max-chars', maxCharsOption) : undefined;
  const fetcher = fetcherOf(values, maxBytes);
  const encoding = str(values.encoding);
  const meta = { source: str(values.source) ?? null, publishedAt: str(values['published-at']) ?? null };
  const queue = await (await loadQueue()).JobQueue.open(queueUrl);
  try {
    const { files, failures } = await expandInputs(parsed.positionals);
    const failed = failures.map((f) => ({ input: f.input, error: f.error }));
    const jobs: Array<{ input: string; jobId: string }> = [];
    // Inputs are read a job's worth at a time, so memory holds one job's bytes however many inputs there are.
    let group: InputFile[] = [];
    let groupBytes = 0;
    const flush = async () => {
      if (group.length === 0) return;
      const jobId = await queue.enqueueIngest({ inputs: group.map(toJobInput), ...(maxChars ? { maxChars } : {}), ...(encoding ? { encoding } : {}), meta });
      for (const file of group) jobs.push({ input: file.input, jobId });
      group = [];
      groupBytes = 0;
    };
    for (const path of files) {
      const read = await readOrFetch(path, { fetcher, readStdin: io.readStdin, ...(maxBytes ? { maxBytes } : {}) });
      if (!read.ok) {
        failed.push({ input: read.failure.input, error: read.failure.error });
        continue;
      }
      if (startsNewJob(group.length, groupBytes, read.file.bytes.byteLength)) await flush();
      group.push(read.file);
      groupBytes += read.file.bytes.byteLength;
    }
    await flush();
    if (values.json) io.stdout.write(`${JSON.stringify({ jobs, failed: failed.map((f) => ({ input: f.input, error: { code: f.error.code, message: f.error.message } })) }, null, 2)}\n`);
    else {
      for (const job of jobs) io.stdout.write(`${job.jobId}\t${printable(job.input)}\n`);
      for (const f of failed) io.stderr.write(`${printable(`${f.input}: error: ${stripSubject(f.error.message, f.input)} [${f.error.code}]`)}\n`);
      io.stderr.write(`${jobs.length} job(s) enqueued${failed.length ? `, ${failed.length} input(s) failed` : ''}; \`corroborate worker\` processes them\n`);
    }
    return failed.length > 0 ? EXIT.someFailed : EXIT.ok;
  } finally {
    await queue.close();
  }
}

/** The queue client (pg-boss), loaded only by commands given a queue: it adds about 0.4 CPU s to every start otherwise. */
const loadQueue = () => import('../queue/queue.js');

/** Parses `--concurrency` (default 1). */
const concurrencyOf = (value: string | undefined): number => (value === undefined ? 1 : parseCount('concurrency', value));

/**
 * A worker's analysis threads unless `--threads` says: one, so that the event loop, which places and
 * writes under the store's lock, never analyses; more workers (processes) use more cores.
 */
const WORKER_THREADS = 1;

/** `corroborate worker`: processes queued jobs into the store until SIGINT/SIGTERM, then lets running jobs finish. */
async function runWorkerCommand(parsed: Parsed, io: Io): Promise<number> {
  const queueUrl = str(parsed.values.queue);
  if (!queueUrl) throw new CorroborateError('bad-option', 'worker: --queue postgres://… is required (the queue to take jobs from)');
  const concurrency = concurrencyOf(str(parsed.values.concurrency));
  const threadsValue = str(parsed.values.threads);
  const threads = threadsValue === undefined ? WORKER_THREADS : parseThreads(threadsValue);
  const store = await openStore(storeLocation(str(parsed.values.db), io.env ?? {}));
  const analyser = createAnalyser(threads);
  let queue: JobQueue | undefined;
  try {
    const [{ JobQueue }, { runWorker }] = await Promise.all([loadQueue(), import('../queue/worker.js')]);
    queue = await JobQueue.open(queueUrl, { supervise: true });
    await runWorker({ store, queue, concurrency, analyser });
    io.stderr.write(`worker ${process.pid}: processing jobs (concurrency ${concurrency}, ${threads} analysis thread(s)); Ctrl-C stops after the running jobs\n`);
    await aborted(io.signal);
    return EXIT.ok;
  } finally {
    await queue?.close();
    await analyser.close();
    await store.close();
  }
}

/** Resolves when the signal aborts (never without one). */
const aborted = (signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });

async function runServe(parsed: Parsed, io: Io): Promise<number> {
  // The server's modules (and the analysis modules they import) load only for this command.
  const { DEFAULT_HOST, DEFAULT_PORT, startServer } = await import('../api/server.js');
  const portText = str(parsed.values.port);
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CorroborateError('bad-option', `--port must be a number from 0 to 65535, not "${portText}"`);
  const queueUrl = str(parsed.values.queue);
  const threads = threadsOption(parsed);
  const store = await openStore(storeLocation(str(parsed.values.db), io.env ?? {}));
  let queue: JobQueue | undefined;
  try {
    if (queueUrl) queue = await (await loadQueue()).JobQueue.open(queueUrl);
    const allowedOrigins = (str(parsed.values['allowed-origins']) ?? '').split(',').map((o) => o.trim()).filter(Boolean);
    const { server, url } = await startServer({ store, ...(queue ? { queue } : {}), threads, port, host: str(parsed.values.host) ?? DEFAULT_HOST, token: io.env?.CORROBORATE_TOKEN || undefined, allowedOrigins });
    io.stderr.write(`serving ${url} (web UI at ${url}/, API at ${url}/api/stories${queue ? '; articles are queued for workers' : ''}); Ctrl-C stops\n`);
    await aborted(io.signal);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return EXIT.ok;
  } finally {
    await queue?.close();
    await store.close();
  }
}
