import type { Dirent, Stats } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CorroborateError, isCorroborateError } from '../doc/errors.js';
import { SidecarSchema, type Sidecar } from './sidecar.js';

/** Files larger than this are refused unless the caller raises the cap. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** File endings a directory walk picks up: text, pages and feeds. A `.json` is a JSON Feed unless it is a sidecar. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.xml', '.rss', '.atom', '.json']);
/** Files whose same-named `.json` is their sidecar, not a feed. */
const SIDECAR_OWNERS = ['.txt', '.text', '.html', '.htm'];

export interface InputFile {
  /** Path as the user gave it (or `stdin`). */
  input: string;
  bytes: Uint8Array;
  sidecar: Sidecar | null;
  /** Where a fetched input was fetched from (after redirects). */
  url?: string | null;
  /** The charset the server declared for a fetched input. */
  transportCharset?: string | null;
}

export interface InputFailure {
  input: string;
  error: CorroborateError;
}

export type ReadResult = { ok: true; file: InputFile } | { ok: false; failure: InputFailure };

export interface ReadOptions {
  maxBytes?: number;
  /** Read from here when a path is `-`. */
  readStdin?: () => Promise<Uint8Array>;
}

/**
 * Expands paths, directories (recursively, article files only) and globs into a sorted,
 * de-duplicated list of article paths. A path that matches nothing is reported, not ignored; a
 * directory or entry that cannot be read fails alone and the walk goes on.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const files = new Set<string>();
  const failures: InputFailure[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.add('-');
      continue;
    }
    try {
      if (isDynamicPattern(path)) {
        const matches = await glob(path, { onlyFiles: true, expandDirectories: false });
        if (matches.length === 0) failures.push(notFound(path, 'the pattern matches no file'));
        for (const match of matches.sort()) files.add(match);
        continue;
      }
      const info = await stat(path).catch(() => null);
      if (!info) failures.push(notFound(path, (await lstat(path).catch(() => null))?.isSymbolicLink() ? 'a broken symbolic link' : 'no such file or directory'));
      else if (info.isDirectory()) {
        const walked: Walk = { files: [], failures: [], seen: new Set() };
        await walk(path, walked);
        for (const failure of walked.failures) failures.push(failure);
        if (walked.files.length === 0 && walked.failures.length === 0) failures.push(notFound(path, `the directory holds no article files (${[...ARTICLE_EXTENSIONS].join(', ')})`));
        for (const file of walked.files) files.add(file);
      } else files.add(path);
    } catch (error) {
      failures.push({ input: path, error: unreadable(path, error) });
    }
  }
  return { files: [...files], failures };
}

interface Walk {
  files: string[];
  failures: InputFailure[];
  /** Real paths of the directories walked, so a symbolic link loop is walked once. */
  seen: Set<string>;
}

/**
 * Walks one directory into `into`. Symbolic links are followed (a broken one is reported); a
 * FIFO, socket or device named like an article is reported, never opened: reading it could block
 * or never end. A sub-directory that cannot be read fails alone.
 */
async function walk(dir: string, into: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (into.seen.has(real)) return;
    into.seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    into.failures.push({ input: dir, error: unreadable(dir, error) });
    return;
  }
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name.toLowerCase()));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const ext = extname(entry.name).toLowerCase();
    let kind: Stats | Dirent = entry;
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (!target) {
        if (ARTICLE_EXTENSIONS.has(ext)) into.failures.push(notFound(path, 'a broken symbolic link'));
        continue;
      }
      kind = target;
    }
    try {
      if (kind.isDirectory()) await walk(path, into);
      else if (!ARTICLE_EXTENSIONS.has(ext)) continue;
      else if (!kind.isFile()) into.failures.push({ input: path, error: notRegular(path) });
      else if (ext !== '.json' || (!isSidecar(entry.name, names) && (await isJsonFeed(path)))) into.files.push(path);
    } catch (error) {
      into.failures.push({ input: path, error: unreadable(path, error) });
    }
  }
}

const unreadable = (subject: string, error: unknown): CorroborateError =>
  isCorroborateError(error) ? error : new CorroborateError('unreadable', `${subject}: cannot read (${error instanceof Error ? error.message : String(error)})`, { subject, cause: error });

const notRegular = (subject: string): CorroborateError =>
  new CorroborateError('not-regular-file', `${subject}: not a regular file (a FIFO, socket or device); name it explicitly to read it`, { subject });

/** `story.json` is a sidecar when `story.txt` (or `.html`…) sits beside it. */
const isSidecar = (name: string, siblings: Set<string>): boolean => SIDECAR_OWNERS.some((ext) => siblings.has(`${basename(name, extname(name)).toLowerCase()}${ext}`));

/**
 * A directory walk takes a `.json` only when it declares itself a JSON Feed (its `version` names
 * jsonfeed.org in the first bytes): folders hold other JSON (gold files, configs) that is not an
 * article. A `.json` named explicitly is read whatever it holds, and fails clearly if not a feed.
 */
async function isJsonFeed(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /jsonfeed\.org\/version\//.test(head.subarray(0, bytesRead).toString('latin1'));
  } finally {
    await handle.close();
  }
}

const notFound = (input: string, why: string): InputFailure => ({
  input,
  error: new CorroborateError('not-found', `${input}: ${why}`, { subject: input }),
});

/** Reads one article file and its sidecar, refusing oversized files before reading them. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    if (path === '-') {
      if (!options.readStdin) throw new CorroborateError('bad-input', 'reading standard input is not available here', { subject: 'stdin' });
      const bytes = await options.readStdin();
      if (bytes.length > maxBytes) throw tooLarge('stdin', bytes.length, maxBytes);
      return { ok: true, file: { input: 'stdin', bytes, sidecar: null } };
    }
    const info = await stat(path);
    if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
    const bytes = await readBounded(path, maxBytes);
    const sidecar = await readSidecar(path);
    return { ok: true, file: { input: path, bytes, sidecar } };
  } catch (error) {
    if (isCorroborateError(error)) return { ok: false, failure: { input: path, error } };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { input: path, error: new CorroborateError('unreadable', `${path}: cannot read (${reason})`, { subject: path, cause: error }) } };
  }
}

/**
 * Reads at most `maxBytes + 1` bytes, so a file that grows after `stat` is still refused. A FIFO
 * or device named explicitly (`<(curl …)`, /dev/stdin) reports size 0: it is read in chunks to its end.
 */
async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    const chunkSize = info.isFile() ? info.size + 1 : 64 * 1024;
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.max(1, Math.min(chunkSize, maxBytes + 1 - length)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(path, length, maxBytes);
    }
    return Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}

const tooLarge = (subject: string, size: number, maxBytes: number): CorroborateError =>
  new CorroborateError('too-large', `${subject}: ${formatBytes(size)} is over the size cap of ${formatBytes(maxBytes)} (raise it with --max-bytes)`, { subject });

const formatBytes = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

/** `story.txt` → `story.json`; a sidecar that exists but is not valid is an error for that article, not a silent skip. */
async function readSidecar(path: string): Promise<Sidecar | null> {
  const ext = extname(path);
  if (ext.toLowerCase() === '.json') return null;
  const sidecarPath = join(path.slice(0, path.length - basename(path).length), `${basename(path, ext)}.json`);
  const text = await readFile(sidecarPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorroborateError('bad-sidecar', `${sidecarPath}: not valid JSON (${(error as Error).message})`, { subject: sidecarPath });
  }
  const parsed = SidecarSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CorroborateError('bad-sidecar', `${sidecarPath}: ${details}`, { subject: sidecarPath });
  }
  return parsed.data;
}
