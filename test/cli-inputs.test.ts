/**
 * End-to-end tests of the real binary (`bin/corroborate.js`) on inputs generated here:
 * good, bad and oddly encoded files, sidecars, stdin, re-runs, --frail, annotate and
 * stores that are not Corroborate stores. Every run uses a `--db` inside a fresh temp dir.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** dist/test/cli-inputs.test.js → <repo>/bin/corroborate.js */
const BIN = fileURLToPath(new URL('../../bin/corroborate.js', import.meta.url));

let TMP = '';
before(() => {
  TMP = mkdtempSync(join(tmpdir(), 'corroborate-'));
});
after(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { input?: string | Buffer } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: TMP,
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Shows both streams when an exit code is not the expected one. */
function assertExit(r: Run, expected: number, what: string): void {
  assert.equal(r.status, expected, `${what}: exit ${r.status}, expected ${expected}\n--- stdout:\n${r.stdout.slice(0, 3000)}\n--- stderr:\n${r.stderr.slice(0, 3000)}`);
}

/** A fresh directory under the test's temp dir. */
function freshDir(name: string): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

interface ExportedArticle {
  id: string;
  input: string;
  source: { name: string | null; domain: string | null };
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  publishedAtBasis: string;
  text: string;
  warnings: Array<{ code: string; message: string }>;
}
interface Exported {
  version: number;
  articles: ExportedArticle[];
  stories: Array<{ id: string; articleIds: string[] }>;
}

/** `export --db DB --format json` on stdout, parsed. */
function exportStore(db: string): Exported {
  const r = run(['export', '--db', db, '--format', 'json']);
  assertExit(r, 0, 'export');
  return JSON.parse(r.stdout) as Exported;
}

/** A plain-text article: headline line, blank line, paragraphs separated by blank lines. */
const article = (headline: string, paragraphs: string[]): string => `${headline}\n\n${paragraphs.join('\n\n')}\n`;

const GOOD_ONE_SENTENCE = 'Engineers at the Talvik reservoir lowered the water level by four metres on Wednesday to inspect a cracked spillway.';
const GOOD_TWO_SENTENCE = 'The orchestra of Brenmoor cancelled its winter tour after the concert hall roof was damaged by hail.';
const BAD_UTF8_SENTENCE = 'Volunteers counted 312 nesting terns on the Orla sandbank this spring';
const W1252_SENTENCE = 'The owners said the decision was \u201clong overdue\u201d and that the caf\u00e9 on the quay would stay open until midnight.';
const UTF16_SENTENCE = 'Heavy snow closed the Kessel pass on Sunday, the regional road authority said.';

const goodOne = article('Reservoir lowered for spillway inspection', [
  GOOD_ONE_SENTENCE,
  'The water authority said the crack was found during a routine dive survey last month and posed no immediate danger to the villages downstream.',
  'Inspectors expect to finish their work within two weeks, after which the reservoir will be refilled gradually over the summer.',
  'Local anglers were asked to keep away from the exposed banks, which are soft and unstable.',
]);
const goodTwo = article('Hail damage forces orchestra to cancel tour', [
  GOOD_TWO_SENTENCE,
  'Musicians learned of the decision at a rehearsal on Thursday evening, according to a spokesperson for the ensemble.',
  'Ticket holders will be refunded in full, and the orchestra hopes to reschedule the concerts for the autumn.',
  'Repairs to the hall are expected to take at least three months, the city council said.',
]);

/**
 * UTF-8 text with two invalid sequences (a lone 0xFF and a truncated 0xC3). It also holds
 * valid multi-byte characters (curly quotes), as real UTF-8 articles do: the decoder only
 * repairs in place when the rest of the file proves to be UTF-8.
 */
function badUtf8Bytes(): Buffer {
  const text = article('Tern colony grows on the sandbank', [
    `${BAD_UTF8_SENTENCE}, the bird society said in its yearly count published on Tuesday.`,
    'The society\u2019s warden said the colony had doubled since the sandbank was closed to boats five years ago.',
    'Wardens will keep the area fenced until the chicks have fledged in late August, and visitors are asked to use the hide.',
  ]);
  const bytes = Buffer.from(text, 'utf8');
  const cut1 = bytes.indexOf(Buffer.from('bird society'));
  const cut2 = bytes.indexOf(Buffer.from('colony had'));
  return Buffer.concat([bytes.subarray(0, cut1), Buffer.from([0xff]), bytes.subarray(cut1, cut2), Buffer.from([0xc3, 0x28]), bytes.subarray(cut2)]);
}

/** windows-1252: curly quotes are 0x93/0x94 and é is 0xE9, none of which is valid UTF-8 here. */
function windows1252Bytes(): Buffer {
  const text = article('Cafe owners welcome longer opening hours', [
    W1252_SENTENCE,
    'The town clerk confirmed that the permit was signed on Friday and that the new hours would start next week.',
    'Residents of the harbour district had asked for a trial period of one year, which the council granted.',
  ]);
  const out: number[] = [];
  for (const ch of text) {
    const map: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u00e9': 0xe9 };
    const code = map[ch] ?? ch.charCodeAt(0);
    assert.ok(code < 0x100, `unexpected character ${ch}`);
    out.push(code);
  }
  return Buffer.from(out);
}

function utf16Bytes(): Buffer {
  const text = article('Snow closes mountain pass', [
    UTF16_SENTENCE,
    'Drivers were told to use the valley road instead, which adds about forty minutes to the journey.',
    'Ploughs will start clearing the pass once the wind drops, probably on Tuesday morning.',
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** About 5 KB of ordinary article text, over a 2 KB cap. */
function oversizedArticle(): string {
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join('\n\n').length < 5000; i++)
    paragraphs.push(`Paragraph ${i + 1} of the long report describes how the new tram line through the eastern district was planned, debated and finally approved by the council.`);
  return article('Tram line approved after long debate', paragraphs);
}

describe('help and usage errors', () => {
  test('top-level --help exits 0 and prints Usage', () => {
    const r = run(['--help']);
    assertExit(r, 0, '--help');
    assert.match(r.stdout, /Usage/);
  });

  for (const command of ['analyze', 'ingest', 'export', 'annotate']) {
    test(`${command} --help exits 0 and prints Usage`, () => {
      const r = run([command, '--help']);
      assertExit(r, 0, `${command} --help`);
      assert.match(r.stdout, new RegExp(`Usage: corroborate ${command}`));
    });
  }

  test('an unknown command exits 2 and says so on stderr', () => {
    const r = run(['frobnicate', '--db', join(TMP, 'unused.db')]);
    assertExit(r, 2, 'unknown command');
    assert.match(r.stderr, /unknown command "frobnicate"/);
    for (const command of ['analyze', 'ingest', 'export', 'serve', 'annotate']) assert.match(r.stderr, new RegExp(`\\b${command}\\b`));
    assert.equal(existsSync(join(TMP, 'unused.db')), false, 'no store is created for a usage error');
  });

  test('an unknown option exits 2 and names the option on stderr', () => {
    const dir = freshDir('unknown-option');
    writeFileSync(join(dir, 'a.txt'), goodOne);
    const db = join(dir, 'store.db');
    const r = run(['ingest', dir, '--db', db, '--no-such-flag']);
    assertExit(r, 2, 'unknown option');
    assert.match(r.stderr, /Unknown option '--no-such-flag'/);
    assert.match(r.stderr, /corroborate ingest --help/);
    assert.equal(existsSync(db), false, 'nothing is ingested when an option is wrong');
  });
});

describe('a directory mixing good and bad files', () => {
  let dir = '';
  const p = (name: string) => join(dir, name);
  const GOOD = ['good-one.txt', 'good-two.txt', 'bad-utf8.txt', 'windows-1252.txt', 'utf16le.txt'];
  const BAD: Record<string, string> = {
    'image-as-text.txt': 'binary-file',
    'nul-bytes.txt': 'binary-file',
    'empty.txt': 'empty-file',
    'whitespace.txt': 'empty-file',
    'oversized.txt': 'too-large',
  };

  before(() => {
    dir = freshDir('mixed');
    writeFileSync(p('good-one.txt'), goodOne);
    writeFileSync(p('good-two.txt'), goodTwo);
    writeFileSync(p('image-as-text.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(600)]));
    writeFileSync(p('nul-bytes.txt'), Buffer.from('Some words\0 then\0\0 more words with nul bytes between them\0\0\0 and again.\n'));
    writeFileSync(p('empty.txt'), '');
    writeFileSync(p('whitespace.txt'), '   \n\t\n  \r\n\n   ');
    writeFileSync(p('bad-utf8.txt'), badUtf8Bytes());
    writeFileSync(p('windows-1252.txt'), windows1252Bytes());
    writeFileSync(p('utf16le.txt'), utf16Bytes());
    const big = oversizedArticle();
    assert.ok(big.length > 4500 && big.length < 6000, `oversized article is ${big.length} bytes`);
    writeFileSync(p('oversized.txt'), big);
    // A non-article file in the directory is not picked up.
    writeFileSync(p('notes.md'), '# not an article\n');
  });

  test('ingest exits 1 and names each bad file with its error code on stderr', () => {
    const r = run(['ingest', dir, '--db', join(dir, '..', 'mixed-plain.db'), '--max-bytes', '2K']);
    assertExit(r, 1, 'ingest mixed dir');
    const lines = r.stderr.split('\n');
    for (const [name, code] of Object.entries(BAD)) {
      const line = lines.find((l) => l.startsWith(`${p(name)}: error:`));
      assert.ok(line, `stderr names ${name}:\n${r.stderr}`);
      assert.ok(line.endsWith(`[${code}]`), `${name} fails with [${code}]: ${line}`);
    }
    for (const name of GOOD) assert.ok(!lines.some((l) => l.startsWith(`${p(name)}: error:`)), `${name} is not reported as an error`);
    assert.ok(!r.stderr.includes('notes.md'), 'non-article files are not inputs');
    assert.match(r.stderr, /10 input\(s\): 5 added, 5 failed; \d+ story\(ies\)\./);
    // Encoding warnings are printed for the files that were stored anyway.
    assert.ok(lines.some((l) => l.startsWith(`${p('bad-utf8.txt')}: warning:`) && l.endsWith('[ingest/encoding-replaced]')), r.stderr);
    assert.ok(lines.some((l) => l.startsWith(`${p('windows-1252.txt')}: warning:`) && l.endsWith('[ingest/encoding-guessed]')), r.stderr);

    const exported = exportStore(join(dir, '..', 'mixed-plain.db'));
    assert.deepEqual(exported.articles.map((a) => a.input).sort(), GOOD.map(p).sort());
  });

  test('ingest --json reports each file as added or failed, with codes, and the store holds exactly the good articles', () => {
    const db = join(dir, '..', 'mixed-json.db');
    const r = run(['ingest', dir, '--db', db, '--max-bytes', '2K', '--json']);
    assertExit(r, 1, 'ingest --json mixed dir');
    assert.equal(r.stderr, '', '--json implies quiet');
    const report = JSON.parse(r.stdout) as {
      added: number;
      unchanged: number;
      failed: number;
      files: Array<{ input: string; status: string; error?: { code: string; message: string }; warnings?: Array<{ code: string }> }>;
    };
    assert.equal(report.added, GOOD.length);
    assert.equal(report.failed, Object.keys(BAD).length);
    assert.equal(report.unchanged, 0);
    assert.equal(report.files.length, GOOD.length + Object.keys(BAD).length);
    const byInput = new Map(report.files.map((f) => [f.input, f]));
    for (const name of GOOD) assert.equal(byInput.get(p(name))?.status, 'added', `${name} added`);
    for (const [name, code] of Object.entries(BAD)) {
      const f = byInput.get(p(name));
      assert.equal(f?.status, 'failed', `${name} failed`);
      assert.equal(f?.error?.code, code, `${name} code`);
      assert.ok(f?.error?.message.includes(name), `${name}: message names the file: ${f?.error?.message}`);
    }
    assert.match(byInput.get(p('image-as-text.txt'))!.error!.message, /PNG/);
    assert.match(byInput.get(p('nul-bytes.txt'))!.error!.message, /NUL/);
    const codes = (name: string) => (byInput.get(p(name))?.warnings ?? []).map((w) => w.code);
    assert.ok(codes('bad-utf8.txt').includes('encoding-replaced'), `bad-utf8 warnings: ${codes('bad-utf8.txt')}`);
    assert.ok(codes('windows-1252.txt').includes('encoding-guessed'), `windows-1252 warnings: ${codes('windows-1252.txt')}`);
    assert.ok(!codes('utf16le.txt').some((c) => c.startsWith('encoding-')), `utf16 warnings: ${codes('utf16le.txt')}`);
    assert.ok(!codes('good-one.txt').some((c) => c.startsWith('encoding-')), `good-one warnings: ${codes('good-one.txt')}`);

    const exported = exportStore(db);
    assert.equal(exported.articles.length, GOOD.length, `articles: ${exported.articles.map((a) => a.input).join(', ')}`);
    assert.deepEqual(exported.articles.map((a) => a.input).sort(), GOOD.map(p).sort());
    for (const sentence of [GOOD_ONE_SENTENCE, GOOD_TWO_SENTENCE, BAD_UTF8_SENTENCE, W1252_SENTENCE, UTF16_SENTENCE])
      assert.ok(exported.articles.some((a) => a.text.includes(sentence)), `some article's text holds: ${sentence}`);
    const byName = (name: string) => exported.articles.find((a) => a.input === p(name))!;
    // windows-1252: curly quotes and é decoded, no replacement characters.
    const w1252 = byName('windows-1252.txt');
    assert.ok(w1252.text.includes('\u201clong overdue\u201d'), w1252.text);
    assert.ok(w1252.text.includes('caf\u00e9'), w1252.text);
    assert.ok(!w1252.text.includes('\uFFFD'));
    assert.ok(w1252.warnings.some((w) => w.code === 'encoding-guessed' && /windows-1252/.test(w.message)), JSON.stringify(w1252.warnings));
    // Invalid UTF-8: exactly the two bad sequences became U+FFFD, the rest decoded as UTF-8.
    const bad = byName('bad-utf8.txt');
    assert.equal(bad.text.match(/\uFFFD/g)?.length, 2, bad.text);
    assert.ok(bad.text.includes('society\u2019s warden'), bad.text);
    assert.ok(bad.warnings.some((w) => w.code === 'encoding-replaced' && /2 invalid UTF-8/.test(w.message)), JSON.stringify(bad.warnings));
    // UTF-16LE with BOM: decoded, headline taken, no BOM left.
    const u16 = byName('utf16le.txt');
    assert.equal(u16.title, 'Snow closes mountain pass');
    assert.ok(!u16.text.includes('\uFEFF') && !u16.text.includes('\u0000'));
  });
});

describe('sidecars', () => {
  let dir = '';
  before(() => {
    dir = freshDir('sidecars');
    writeFileSync(join(dir, 'with-meta.txt'), goodOne);
    writeFileSync(join(dir, 'with-meta.json'), JSON.stringify({ url: 'https://www.example-news.test/2026/01/reservoir', source: 'Example News', publishedAt: '2026-01-09T14:00:00Z', crawlerField: 'ignored' }));
    writeFileSync(join(dir, 'broken-meta.txt'), goodTwo);
    writeFileSync(join(dir, 'broken-meta.json'), '{"url": "https://example.test/a", "source": ');
    writeFileSync(join(dir, 'no-meta.txt'), article('Bakery wins regional bread prize', ['A small bakery in the village of Holm won the regional bread prize on Saturday for its rye loaf.', 'The baker said she would keep her prices unchanged.']));
  });

  test('a sidecar gives url, source and date; a broken sidecar fails only its article with [bad-sidecar]', () => {
    const db = join(dir, 'store.db');
    const r = run(['ingest', dir, '--db', db]);
    assertExit(r, 1, 'ingest with a broken sidecar');
    const line = r.stderr.split('\n').find((l) => l.startsWith(`${join(dir, 'broken-meta.txt')}: error:`));
    assert.ok(line, r.stderr);
    assert.ok(line.endsWith('[bad-sidecar]'), line);
    assert.ok(line.includes('broken-meta.json'), `the message names the sidecar: ${line}`);
    assert.match(r.stderr, /3 input\(s\): 2 added, 1 failed/);

    const exported = exportStore(db);
    assert.deepEqual(exported.articles.map((a) => a.input).sort(), [join(dir, 'no-meta.txt'), join(dir, 'with-meta.txt')]);
    const withMeta = exported.articles.find((a) => a.input === join(dir, 'with-meta.txt'))!;
    assert.equal(withMeta.source.name, 'Example News');
    assert.equal(withMeta.source.domain, 'example-news.test');
    assert.equal(withMeta.url, 'https://www.example-news.test/2026/01/reservoir');
    assert.equal(withMeta.publishedAt, '2026-01-09T14:00:00Z');
    assert.equal(withMeta.publishedAtBasis, 'metadata');
    assert.ok(!withMeta.warnings.some((w) => w.code === 'date-unknown'));
    const noMeta = exported.articles.find((a) => a.input === join(dir, 'no-meta.txt'))!;
    assert.equal(noMeta.url, null);
    assert.equal(noMeta.publishedAt, null);
    assert.equal(noMeta.publishedAtBasis, 'unknown');
  });
});

describe('standard input', () => {
  test('analyze - reads an article from stdin and stores it with input "stdin"', () => {
    const db = join(freshDir('stdin'), 'store.db');
    const text = article('Lighthouse keeper retires after forty years', [
      'The last keeper of the Skerra lighthouse retired on Friday after forty years of service, the coast guard said.',
      'The light has been automatic since 2019, but the keeper stayed on to maintain the building.',
    ]);
    const r = run(['analyze', '-', '--db', db], { input: text });
    assertExit(r, 0, 'analyze -');
    const out = JSON.parse(r.stdout) as Exported;
    assert.equal(out.articles.length, 1);
    assert.equal(out.articles[0]!.input, 'stdin');
    assert.equal(out.articles[0]!.title, 'Lighthouse keeper retires after forty years');
    const stored = exportStore(db);
    assert.equal(stored.articles.length, 1);
    assert.equal(stored.articles[0]!.input, 'stdin');
    assert.ok(stored.articles[0]!.text.includes('The last keeper of the Skerra lighthouse retired on Friday'));
  });
});

describe('re-running on the same inputs', () => {
  test('a second analyze stores nothing new, says so, and exits 0', () => {
    const dir = freshDir('rerun');
    const inputs = freshDir('rerun/articles');
    writeFileSync(join(inputs, 'one.txt'), goodOne);
    writeFileSync(join(inputs, 'two.txt'), goodTwo);
    const db = join(dir, 'store.db');
    const out = join(dir, 'a.json');

    const first = run(['analyze', inputs, '--db', db, '--out', out]);
    assertExit(first, 0, 'first analyze');
    assert.match(first.stderr, /2 input\(s\): 2 added;/);
    assert.match(first.stderr, /wrote .*a\.json/);
    const firstExport = JSON.parse(readFileSync(out, 'utf8')) as Exported;
    assert.equal(firstExport.articles.length, 2);
    const before = exportStore(db);
    assert.equal(before.articles.length, 2);

    const second = run(['analyze', inputs, '--db', db, '--out', out]);
    assertExit(second, 0, 'second analyze');
    assert.match(second.stderr, /0 added, 2 already stored \(unchanged\)/);
    assert.match(second.stderr, /already stored/);
    assert.match(second.stderr, /Nothing new to add\./);
    const secondExport = JSON.parse(readFileSync(out, 'utf8')) as Exported;
    assert.deepEqual(secondExport.articles.map((a) => a.id).sort(), firstExport.articles.map((a) => a.id).sort(), 'the export still covers the unchanged articles');

    const afterRun = exportStore(db);
    assert.equal(afterRun.articles.length, before.articles.length);
    assert.deepEqual(afterRun.articles.map((a) => a.id).sort(), before.articles.map((a) => a.id).sort());
    assert.equal(afterRun.stories.length, before.stories.length);
  });
});

describe('--frail', () => {
  let dir = '';
  before(() => {
    dir = freshDir('frail');
    // "Pаris" with U+0430 CYRILLIC SMALL LETTER A in place of the Latin a.
    writeFileSync(join(dir, 'homoglyph.txt'), article('Summit opens in the capital', ['Delegates arrived in P\u0430ris on Monday for a two-day summit on river pollution.', 'The talks are expected to end with a joint statement on Tuesday evening.']));
    writeFileSync(join(dir, 'clean.txt'), article('Summit opens in the capital', ['Delegates arrived in Paris on Monday for a two-day summit on river pollution.', 'The talks are expected to end with a joint statement on Tuesday evening.']));
  });
  // A date is given so that `date-unknown` (a warning every undated article gets) does not trip --frail.
  const date = ['--published-at', '2026-01-09'];

  test('a Cyrillic letter inside a Latin word warns mixed-script; --frail turns it into exit 1', () => {
    const homoglyph = join(dir, 'homoglyph.txt');
    const plain = run(['ingest', homoglyph, '--db', join(dir, 'plain.db'), ...date]);
    assertExit(plain, 0, 'without --frail');
    assert.match(plain.stderr, /mixes scripts/);
    assert.match(plain.stderr, /\[clean\/mixed-script\]/);

    const frail = run(['ingest', homoglyph, '--db', join(dir, 'frail.db'), ...date, '--frail']);
    assertExit(frail, 1, 'with --frail');
    assert.match(frail.stderr, /\[clean\/mixed-script\]/);

    const json = run(['ingest', homoglyph, '--db', join(dir, 'json.db'), ...date, '--frail', '--json']);
    assertExit(json, 1, 'with --frail --json');
    const report = JSON.parse(json.stdout) as { files: Array<{ status: string; warnings: Array<{ code: string; message: string }> }> };
    assert.equal(report.files[0]!.status, 'added');
    const mixed = report.files[0]!.warnings.find((w) => w.code === 'mixed-script');
    assert.ok(mixed, JSON.stringify(report.files[0]!.warnings));
    assert.match(mixed.message, /U\+0430/);

    const stored = exportStore(join(dir, 'json.db')).articles[0]!;
    assert.ok(stored.warnings.some((w) => w.code === 'mixed-script'));
  });

  test('the same article without the homoglyph passes --frail (exit 0)', () => {
    const r = run(['ingest', join(dir, 'clean.txt'), '--db', join(dir, 'control.db'), ...date, '--frail']);
    assertExit(r, 0, 'clean article with --frail');
    assert.doesNotMatch(r.stderr, /mixed-script/);
  });
});

describe('annotate', () => {
  test('good JSONL lines are annotated with offsets into the given text; a bad line fails alone (exit 1)', () => {
    const dir = freshDir('annotate');
    const docs = [
      { id: 'first', text: 'The bridge reopened on Monday. Traffic was light in the morning. Officials were pleased.' },
      { id: 7, text: '  Rain fell all night in Orlen.\nThe river rose by a metre, and two roads were closed!  ' },
    ];
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${JSON.stringify(docs[0])}\n{"id": "broken", "text": "no closing brace"\n${JSON.stringify(docs[1])}\n`);
    const r = run(['annotate', input]);
    assertExit(r, 1, 'annotate with a bad line');
    assert.match(r.stderr, new RegExp(`${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: error: not valid JSON`));
    assert.ok(!/:1: error|:3: error/.test(r.stderr), r.stderr);
    assert.match(r.stderr, /annotated 2 document\(s\), 1 line\(s\) failed/);

    const lines = r.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 2, r.stdout);
    for (const [i, line] of lines.entries()) {
      const doc = docs[i]!;
      const out = JSON.parse(line) as {
        id: string;
        sentences: Array<{ start: number; end: number; text: string }>;
        entities: Array<{ start: number; end: number; text: string; type: string; entityId: string }>;
        quotes: unknown[];
        timexes: Array<{ start: number; end: number; text: string; value: string }>;
      };
      assert.equal(out.id, String(doc.id));
      assert.ok(out.sentences.length >= 2, `sentences of ${doc.id}: ${JSON.stringify(out.sentences)}`);
      for (const s of out.sentences) {
        assert.ok(s.start >= 0 && s.start < s.end && s.end <= doc.text.length, JSON.stringify(s));
        assert.equal(s.text, doc.text.slice(s.start, s.end));
      }
      for (const e of out.entities) assert.equal(e.text, doc.text.slice(e.start, e.end));
      if (doc.id === 7) assert.deepEqual(out.entities.map((e) => [e.text, e.type]), [['Orlen', 'location']]);
      assert.deepEqual(out.quotes, []);
      for (const t of out.timexes) assert.equal(t.text, doc.text.slice(t.start, t.end));
    }
    // No publishedAt on the line: a weekday keeps TIMEX3's unknown week rather than a guessed date.
    assert.ok((JSON.parse(lines[0]!) as { timexes: Array<{ text: string; value: string }> }).timexes.some((t) => t.text === 'on Monday' && t.value === 'XXXX-WXX-1'));
  });
});

describe('a store path that is not a Corroborate store', () => {
  let dir = '';
  let articleDir = '';
  before(() => {
    dir = freshDir('not-a-store');
    articleDir = freshDir('not-a-store/articles');
    writeFileSync(join(articleDir, 'one.txt'), goodOne);
  });

  test('a plain text file as --db: exit 2, clear message, file unchanged', () => {
    const db = join(dir, 'notes.txt');
    writeFileSync(db, 'These are my notes, not a database.\nSecond line of notes.\n');
    const original = readFileSync(db);
    for (const args of [['ingest', articleDir, '--db', db], ['export', '--db', db]]) {
      const r = run(args);
      assertExit(r, 2, `${args[0]} on a text file`);
      assert.match(r.stderr, /cannot open as a Corroborate store/);
      assert.ok(r.stderr.includes(db), r.stderr);
      assert.deepEqual(readFileSync(db), original, 'the file is left as it was');
      assert.equal(existsSync(`${db}-wal`), false);
      assert.equal(existsSync(`${db}-shm`), false);
    }
  });

  function makeForeignDb(path: string): Buffer {
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    foreign.prepare('INSERT INTO recipes (name) VALUES (?)').run('bread');
    foreign.close();
    return readFileSync(path);
  }

  test('an SQLite db with an unrelated table as --db: exit 2 with a clear message, its table left alone', () => {
    const db = join(dir, 'recipes.db');
    makeForeignDb(db);
    for (const args of [['ingest', articleDir, '--db', db], ['export', '--db', db]]) {
      const r = run(args);
      assertExit(r, 2, `${args[0]} on a foreign SQLite db`);
      assert.match(r.stderr, /is an SQLite database but not a Corroborate store; refusing to touch it/);
      assert.ok(r.stderr.includes(db), r.stderr);
    }
    const check = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const tables = check.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>;
      assert.deepEqual(tables.map((t) => t.name), ['recipes']);
      assert.equal(check.pragma('user_version', { simple: true }), 0);
    } finally {
      check.close();
    }
  });

  // Regression: the store once switched the file to WAL (header bytes 18-19: 1,1 -> 2,2) before refusing it.
  test('an SQLite db with an unrelated table as --db is left byte-for-byte unchanged', () => {
    const db = join(dir, 'recipes-bytes.db');
    const original = makeForeignDb(db);
    for (const args of [['ingest', articleDir, '--db', db], ['export', '--db', db]]) {
      const r = run(args);
      assertExit(r, 2, `${args[0]} on a foreign SQLite db`);
      const now = readFileSync(db);
      assert.ok(now.equals(original), `${args[0]} changed the file: header bytes 18-19 were ${original[18]},${original[19]} and are now ${now[18]},${now[19]}`);
      assert.equal(existsSync(`${db}-wal`), false);
      assert.equal(existsSync(`${db}-shm`), false);
    }
  });
});
