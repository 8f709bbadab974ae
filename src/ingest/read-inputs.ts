import { open, readdir, readFile, stat } from 'node:fs/promises';
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
 * de-duplicated list of article paths. A path that matches nothing is reported, not ignored.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const files = new Set<string>();
  const failures: InputFailure[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.add('-');
      continue;
    }
    if (isDynamicPattern(path)) {
      const matches = await glob(path, { onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) failures.push(notFound(path, 'the pattern matches no file'));
      for (const match of matches.sort()) files.add(match);
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (!info) failures.push(notFound(path, 'no such file or directory'));
    else if (info.isDirectory()) {
      const found = await walk(path);
      if (found.length === 0) failures.push(notFound(path, `the directory holds no article files (${[...ARTICLE_EXTENSIONS].join(', ')})`));
      for (const file of found) files.add(file);
    } else files.add(path);
  }
  return { files: [...files], failures };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name.toLowerCase()));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const ext = extname(entry.name).toLowerCase();
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && ARTICLE_EXTENSIONS.has(ext) && (ext !== '.json' || (!isSidecar(entry.name, names) && (await isJsonFeed(path))))) out.push(path);
  }
  return out;
}

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

/** Reads at most `maxBytes + 1` bytes, so a file that grows after `stat` is still refused. */
async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, (await handle.stat()).size + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(path, length, maxBytes);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
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
