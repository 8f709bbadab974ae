import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { FUZZ_EXTENSION, FUZZ_SEED, generatedText, mutatedText, wrapAs, type FuzzKind } from '../test/fuzz-texts.js';
import { writeHostileCorpus } from './hostile-corpus.js';

const BIN = fileURLToPath(new URL('../../bin/corroborate.js', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

interface Report {
  files: Array<{ input: string; status: string; error?: { code: string }; warnings?: Array<{ code: string }> }>;
}

/** Fuzzed inputs beside the corpus: real articles mutated at random (as text, page and feed), generated text and random bytes. */
const FUZZED = { mutated: 150, generated: 50, bytes: 50 };

/** Writes the fuzzed inputs (the property tests' generators, same seed) into `dir`; returns their paths. */
function writeFuzzed(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const kinds: FuzzKind[] = ['text', 'html', 'feed'];
  const files: Array<[string, string | Uint8Array]> = [
    ...fc.sample(mutatedText, { seed: FUZZ_SEED, numRuns: FUZZED.mutated }).map((t, i): [string, string] => [`mutated-${i}.${FUZZ_EXTENSION[kinds[i % 3]!]}`, wrapAs(t, kinds[i % 3]!)]),
    ...fc.sample(generatedText, { seed: FUZZ_SEED, numRuns: FUZZED.generated }).map((t, i): [string, string] => [`generated-${i}.txt`, t]),
    ...fc.sample(fc.uint8Array({ maxLength: 4000 }), { seed: FUZZ_SEED, numRuns: FUZZED.bytes }).map((b, i): [string, Uint8Array] => [`bytes-${i}.txt`, b]),
  ];
  return files.map(([name, content]) => (writeFileSync(join(dir, name), content), join(dir, name)));
}

/**
 * `npm run bench -- hostile`: writes the hostile corpus (bench/hostile-corpus.ts) beside the five
 * seed articles and runs `corroborate analyze` on the folder and the seeds in one process, as a
 * user would. Checks that every good file is stored, every hostile kind is refused with its code
 * (or stored with its warning), the export is written and the exit code is 1 (some inputs failed).
 * Beside them, fuzzed inputs (`FUZZED`): any outcome but `internal` (a bug the run isolated) or a
 * dead process counts as handled.
 */
export function runHostileBench(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-hostile-'));
  try {
    const kinds = writeHostileCorpus(join(dir, 'corpus'), join(SEEDS, readdirSync(SEEDS).sort()[0]!));
    const seeds = readdirSync(SEEDS).sort().map((f) => join(SEEDS, f));
    const fuzzed = writeFuzzed(join(dir, 'fuzz'));
    const out = join(dir, 'export.json');
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [BIN, 'analyze', join(dir, 'corpus'), join(dir, 'fuzz'), ...seeds, '--db', join(dir, 'hostile.db'), '--max-bytes', '2M', '--json', '--out', out], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const report = JSON.parse(run.stdout) as Report;
    const outcomesOf = (path: string) => report.files.filter((f) => f.input === path || f.input.startsWith(`${path}#`));
    const wrong: string[] = [];
    for (const { kind, path } of kinds) {
      const outcomes = outcomesOf(path);
      const ok =
        outcomes.length > 0 &&
        ('refused' in kind.expect
          ? outcomes.every((o) => o.status === 'failed' && o.error?.code === (kind.expect as { refused: string }).refused)
          : outcomes.some((o) => o.status !== 'failed' && (!('warning' in kind.expect) || kind.expect.warning === undefined || o.warnings?.some((w) => w.code === (kind.expect as { warning: string }).warning))));
      if (!ok) wrong.push(`${kind.name}: ${JSON.stringify(outcomes)}`);
    }
    const goodStored = seeds.filter((s) => outcomesOf(s).every((o) => o.status === 'added' || o.status === 'unchanged')).length;
    const fuzzOutcomes = fuzzed.flatMap(outcomesOf);
    const fuzzByOutcome: Record<string, number> = {};
    for (const o of fuzzOutcomes) fuzzByOutcome[o.error?.code ?? o.status] = (fuzzByOutcome[o.error?.code ?? o.status] ?? 0) + 1;
    const exported = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { articles: unknown[]; stories: unknown[] }) : null;
    return {
      corpus: `${kinds.length} hostile kinds (bench/hostile-corpus.ts) beside the ${seeds.length} seed articles, one analyze run`,
      kinds: kinds.length,
      kindsAsExpected: kinds.length - wrong.length,
      refused: kinds.filter((k) => 'refused' in k.kind.expect).length,
      storedWithCare: kinds.filter((k) => 'stored' in k.kind.expect).length,
      goodStored: `${goodStored} of ${seeds.length}`,
      exportWritten: exported !== null,
      exportedArticles: exported?.articles.length ?? 0,
      fuzzedInputs: fuzzed.length,
      fuzzedReported: fuzzed.filter((f) => outcomesOf(f).length > 0).length,
      fuzzedOutcomes: fuzzByOutcome,
      exitCode: run.status,
      exitCodeRight: run.status === 1,
      // A dead process, or an input failed as `internal` (a bug the isolation caught).
      crashes: (run.status !== 0 && run.status !== 1 ? 1 : 0) + report.files.filter((f) => f.error?.code === 'internal').length,
      seconds: Number(seconds.toFixed(1)),
      wrong,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
