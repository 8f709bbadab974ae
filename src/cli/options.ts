import { parseArgs } from 'node:util';
import { CorroborateError } from '../doc/errors.js';

/**
 * Options are data (after unified-args' schema): parsing and `--help` both come from this
 * table, so the help can never drift from what is accepted.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments: how many at least. */
  minPositionals: number;
}

const debug: OptionSpec = { type: 'boolean', help: 'with an internal error (a bug), print its stack' };
const common: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  debug,
  json: { type: 'boolean', help: 'print a machine-readable JSON report on stdout' },
};
const db: Record<string, OptionSpec> = { db: { type: 'string', value: 'FILE|URL', help: 'store: an SQLite file, or a postgres:// URL (default $CORROBORATE_DB, else ./corroborate.db)' } };
const queue: Record<string, OptionSpec> = {
  queue: { type: 'string', value: 'URL', help: 'PostgreSQL job queue (postgres://host/db, ?schema=NAME; default schema corroborate_queue): enqueue for `corroborate worker` instead of analysing here' },
};
/** Worker threads for the analyses (per document and per story); 0 runs them in the main thread. */
const threads: Record<string, OptionSpec> = { threads: { type: 'string', value: 'N', help: 'worker threads analysing articles and stories (default: one per core; 0 = in the main thread)' } };
const output: Record<string, OptionSpec> = {
  out: { type: 'string', short: 'o', value: 'FILE', help: 'write the export here instead of stdout' },
  format: { type: 'string', short: 'f', value: 'json|md', help: 'export format (default: from --out extension, else json)' },
};
const ingest: Record<string, OptionSpec> = {
  'max-bytes': { type: 'string', value: 'N', help: 'refuse input files larger than N bytes (default 20000000; suffixes K, M)' },
  'max-chars': { type: 'string', value: 'N', help: 'analyse and store at most N characters of clean text per article, with a truncated warning (default 1000000)' },
  'time-budget': { type: 'string', value: 'SECONDS', help: 'refuse an article whose analysis runs past this many seconds, with over-time-budget (default 60)' },
  encoding: { type: 'string', value: 'NAME', help: 'read inputs in this encoding instead of detecting it' },
  source: { type: 'string', value: 'NAME', help: 'outlet name for every input (overrides sidecars)' },
  'published-at': { type: 'string', value: 'DATE', help: 'publication date for every input, ISO 8601 (overrides sidecars)' },
  frail: { type: 'boolean', help: 'exit 1 when any article has a warning' },
  quiet: { type: 'boolean', short: 'q', help: 'no progress bar and no per-file messages' },
  timeout: { type: 'string', value: 'SECONDS', help: 'time limit for fetching one URL input (default 15)' },
  'allow-private': { type: 'boolean', help: 'let URL inputs reach private, loopback and link-local addresses (refused by default)' },
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'analyze',
    usage: 'corroborate analyze PATH|URL… [options]',
    summary: 'ingest articles (text, HTML and feed files, directories, globs, http(s) URLs, - for stdin), group them into stories and export those stories',
    options: { ...common, ...db, ...output, ...ingest, ...threads, ...queue },
    minPositionals: 1,
  },
  {
    name: 'ingest',
    usage: 'corroborate ingest PATH|URL… [options]',
    summary: 'store articles and place them in stories, without exporting',
    options: { ...common, ...db, ...ingest, ...threads, ...queue },
    minPositionals: 1,
  },
  {
    name: 'export',
    usage: 'corroborate export [--story ID…] [options]',
    summary: 'export stories from the store as JSON (the export contract) or Markdown',
    options: { help: common.help!, debug, ...db, ...output, ...threads, story: { type: 'string', value: 'ID', help: 'only this story (repeatable; default all)' } },
    minPositionals: 0,
  },
  {
    name: 'serve',
    usage: 'corroborate serve [--port 8080] [--host 127.0.0.1] [--db FILE|URL] [--queue postgres://…]',
    summary: 'HTTP API and web UI over the store (writes need CORROBORATE_TOKEN when one is set; required off loopback)',
    options: {
      help: common.help!,
      debug,
      ...db,
      queue: { type: 'string', value: 'URL', help: 'PostgreSQL job queue: POST /api/articles enqueues (202 and a job id, GET /api/jobs/:id) and stories are analysed by `corroborate worker`' },
      ...threads,
      port: { type: 'string', short: 'p', value: 'N', help: 'port to listen on (default 8080; 0 picks a free one)' },
      host: { type: 'string', value: 'ADDR', help: 'address to bind (default 127.0.0.1)' },
      'allowed-origins': { type: 'string', value: 'LIST', help: 'without a token, comma-separated origins besides the server\'s own whose pages may write (e.g. https://desk.example)' },
    },
    minPositionals: 0,
  },
  {
    name: 'worker',
    usage: 'corroborate worker --queue postgres://… [--db STORE] [--concurrency N] [--threads N]',
    summary: 'process queued jobs (ingest, then story analysis) into the store until stopped; run several on one queue',
    options: {
      help: common.help!,
      debug,
      ...db,
      queue: { type: 'string', value: 'URL', help: 'PostgreSQL job queue to take jobs from (required; postgres://host/db, ?schema=NAME)' },
      concurrency: { type: 'string', value: 'N', help: 'jobs processed at once by this process, per queue (default 1)' },
      threads: { type: 'string', value: 'N', help: 'worker threads analysing articles and stories (default 1; 0 = in the main thread)' },
    },
    minPositionals: 0,
  },
  {
    name: 'annotate',
    usage: 'corroborate annotate INPUT.jsonl [--out OUT.jsonl]',
    summary: 'analysis layers for JSONL lines {id, text, publishedAt?}, offsets into the given text (no cleaning)',
    options: { help: common.help!, debug, out: { type: 'string', short: 'o', value: 'FILE', help: 'write JSONL here instead of stdout (written atomically)' } },
    minPositionals: 1,
  },
];

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommand(spec: CommandSpec, argv: string[]): Parsed {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(name === 'story' ? { multiple: true } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    throw new CorroborateError('bad-option', `${spec.name}: ${(error as Error).message}. See: corroborate ${spec.name} --help`);
  }
}

export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`, o.help] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [`Usage: ${spec.usage}`, '', spec.summary, '', 'Options:', ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`), ''].join('\n');
}

export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `corroborate ${version}: many news reports of the same events in, one cross-checked story out`,
    '',
    'Usage: corroborate COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `corroborate COMMAND --help` for the options of a command.',
    '',
  ].join('\n');
}

/** "20M", "512K", "1000" → bytes; a cap of 0 would refuse every input, so it is a usage error, not "no cap". */
export function parseByteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?$/.exec(value.trim());
  if (!m) throw new CorroborateError('bad-option', `--max-bytes: "${value}" is not a size (examples: 500000, 512K, 20M)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw new CorroborateError('bad-option', `--max-bytes: "${value}" is no size at all; give at least 1 byte (examples: 500000, 512K, 20M)`);
  return bytes;
}

/** A count option (`--max-chars 500000`): a whole number of at least 1. */
export function parseCount(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new CorroborateError('bad-option', `--${option}: expected a whole number of at least 1, got "${value}"`);
  return Number(value);
}

/** `--threads N`: a whole number, 0 allowed (analyse in the main thread). */
export function parseThreads(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 256) throw new CorroborateError('bad-option', `--threads: expected a whole number from 0 to 256, got "${value}"`);
  return Number(value);
}
