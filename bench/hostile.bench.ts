import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHostileCorpus } from './hostile-corpus.js';

const BIN = fileURLToPath(new URL('../../bin/corroborate.js', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

interface Report {
  files: Array<{ input: string; status: string; error?: { code: string }; warnings?: Array<{ code: string }> }>;
}

/**
 * `npm run bench -- hostile`: writes the hostile corpus (bench/hostile-corpus.ts) beside the five
 * seed articles and runs `corroborate analyze` on the folder and the seeds in one process, as a
 * user would. Checks that every good file is stored, every hostile kind is refused with its code
 * (or stored with its warning), the export is written and the exit code is 1 (some inputs failed).
 */
export function runHostileBench(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-hostile-'));
  try {
    const kinds = writeHostileCorpus(join(dir, 'corpus'), join(SEEDS, readdirSync(SEEDS).sort()[0]!));
    const seeds = readdirSync(SEEDS).sort().map((f) => join(SEEDS, f));
    const out = join(dir, 'export.json');
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [BIN, 'analyze', join(dir, 'corpus'), ...seeds, '--db', join(dir, 'hostile.db'), '--max-bytes', '2M', '--json', '--out', out], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
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
      exitCode: run.status,
      exitCodeRight: run.status === 1,
      crashes: run.status !== 0 && run.status !== 1 ? 1 : 0,
      seconds: Number(seconds.toFixed(1)),
      wrong,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
