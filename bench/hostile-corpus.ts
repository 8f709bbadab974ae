import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One hostile input: the file(s) it writes into the corpus folder, and what the run must say
 * about it: refused with `code`, or stored (`stored`, with `warning` when a warning must come with it).
 */
export interface HostileKind {
  name: string;
  expect: { refused: string } | { stored: true; warning?: string };
  write: (dir: string, seed: string) => void;
}

const file = (name: string, content: string | Buffer) => (dir: string) => writeFileSync(join(dir, name), content);
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.com/</link>${items}</channel></rss>`;
/** A seed article with one change, so each stored kind has its own content. */
const variant = (seed: string, tag: string) => seed.replace(/\n\n/, `\n\nFiled under ${tag}.\n\n`);

/**
 * The kinds of the issue's list and the error model's codes: over 30 inputs a crawler, a user or an
 * attacker can hand the tool. Written fresh on each run (never committed: some are large).
 */
export const HOSTILE_KINDS: HostileKind[] = [
  { name: 'empty file', expect: { refused: 'empty-file' }, write: file('empty.txt', '') },
  { name: 'whitespace only', expect: { refused: 'empty-file' }, write: file('blank.txt', ' \n\t\n  \n') },
  { name: 'PNG image named .txt', expect: { refused: 'binary-file' }, write: file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])) },
  { name: 'PDF named .html', expect: { refused: 'binary-file' }, write: file('doc.html', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)])) },
  { name: 'gzip archive', expect: { refused: 'binary-file' }, write: file('feed.xml', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])) },
  { name: 'random bytes with NULs', expect: { refused: 'binary-file' }, write: file('random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))) },
  { name: 'control bytes', expect: { refused: 'binary-file' }, write: file('controls.txt', Buffer.from('abc\u0001\u0002\u0003\u0004\u0005\u0006\u0007def'.repeat(50))) },
  { name: 'over --max-bytes', expect: { refused: 'too-large' }, write: (dir, seed) => writeFileSync(join(dir, 'huge.txt'), seed.repeat(Math.ceil((3 * 1024 * 1024) / seed.length))) },
  { name: 'invalid sidecar JSON', expect: { refused: 'bad-sidecar' }, write: (dir, seed) => (writeFileSync(join(dir, 'side.txt'), variant(seed, 'sidecar')), writeFileSync(join(dir, 'side.json'), '{"url": ')) },
  { name: 'sidecar of the wrong shape', expect: { refused: 'bad-sidecar' }, write: (dir, seed) => (writeFileSync(join(dir, 'shape.txt'), variant(seed, 'shape')), writeFileSync(join(dir, 'shape.json'), '{"publishedAt": 12}')) },
  { name: 'feed that is not XML', expect: { refused: 'bad-input' }, write: file('broken.rss', '<rss version="2.0"><channel><<<>>>') },
  { name: 'feed of empty items', expect: { refused: 'empty-body' }, write: file('empty-items.xml', rss('<item><title>A</title><link>https://e.x/1</link></item><item><title>B</title><link>https://e.x/2</link><description></description></item>')) },
  { name: 'page with no body', expect: { refused: 'empty-body' }, write: file('nobody.html', '<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>') },
  { name: 'headline only', expect: { refused: 'empty-body' }, write: file('headline.txt', 'Trump announces February White House talks\n') },
  { name: 'three words', expect: { refused: 'empty-body' }, write: file('short.txt', 'Headline here\n\nPolice declined comment.\n') },
  { name: 'JSON that is not a feed', expect: { refused: 'bad-input' }, write: file('config.json', '{"version": "https://jsonfeed.org/version/1.1", "items": 5}') },
  { name: 'broken symbolic link', expect: { refused: 'not-found' }, write: (dir) => symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt')) },
  { name: 'FIFO named like an article', expect: { refused: 'not-regular-file' }, write: (dir) => execFileSync('mkfifo', [join(dir, 'pipe.txt')]) },
  { name: 'file name with control characters', expect: { refused: 'empty-file' }, write: file('evil\u001b[2J\nname.txt', '') },
  { name: 'one 800 kB line', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'one-line.txt'), `One line\n\n${seed.replace(/\s+/g, ' ').repeat(Math.ceil(800_000 / seed.length))}`) },
  { name: '100 kB "word"', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'long-word.txt'), variant(seed, `the file ${'Ab0+'.repeat(25_000)} today`)) },
  { name: 'text over the 1,000,000-character cap', expect: { stored: true, warning: 'truncated' }, write: (dir, seed) => writeFileSync(join(dir, 'capped.txt'), `Capped\n\n${`${seed}\n\n`.repeat(Math.ceil(1_300_000 / seed.length))}`) },
  { name: 'bidi override in the title', expect: { stored: true, warning: 'title-invisible-removed' }, write: (dir, seed) => writeFileSync(join(dir, 'bidi.txt'), `\u202E${variant(seed, 'bidi')}`) },
  { name: 'zero-width spaces in the title', expect: { stored: true, warning: 'title-invisible-removed' }, write: (dir, seed) => writeFileSync(join(dir, 'zwsp.txt'), `Talks\u200B\u200B set\n\n${variant(seed, 'zwsp').split('\n').slice(1).join('\n')}`) },
  { name: 'UTF-16 without BOM', expect: { stored: true, warning: 'encoding-guessed' }, write: (dir, seed) => writeFileSync(join(dir, 'utf16.txt'), Buffer.from(variant(seed, 'utf16'), 'utf16le')) },
  { name: 'UTF-16 with BOM', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'utf16bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(variant(seed, 'utf16bom'), 'utf16le')])) },
  { name: 'UTF-8 with invalid bytes', expect: { stored: true, warning: 'encoding-replaced' }, write: (dir, seed) => writeFileSync(join(dir, 'bad-utf8.txt'), Buffer.concat([Buffer.from(variant(seed, 'badutf8 “quoted”')), Buffer.from([0xff, 0x20, 0x41])])) },
  { name: 'windows-1252 text', expect: { stored: true, warning: 'encoding-guessed' }, write: (dir, seed) => writeFileSync(join(dir, 'latin.txt'), Buffer.from(variant(seed, 'caf\u00e9').replace(/[^\u0000-\u00ff]/g, ' '), 'latin1')) },
  { name: 'CRLF line ends', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'crlf.txt'), variant(seed, 'crlf').replace(/\n/g, '\r\n')) },
  { name: 'thousands of quote marks', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'quotes.txt'), variant(seed, `"a" ${'“b” "c" '.repeat(5000)}`)) },
  { name: 'thousands of clock times in one sentence', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'times.txt'), variant(seed, `times ${'12:00 '.repeat(10_000)}`)) },
  { name: 'deeply nested HTML', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'nested.html'), `<!doctype html><html><body>${'<div>'.repeat(5000)}<article><h1>Nested</h1>${variant(seed, 'nested').split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article>${'</div>'.repeat(5000)}</body></html>`) },
  { name: 'unclosed HTML tags', expect: { stored: true }, write: (dir, seed) => writeFileSync(join(dir, 'unclosed.html'), `<!doctype html><html><body><article><h1>Unclosed<p>${variant(seed, 'unclosed').split('\n\n').join('<p>')}`) },
  { name: 'truncated feed', expect: { stored: true, warning: 'feed-truncated' }, write: (dir, seed) => writeFileSync(join(dir, 'truncated.xml'), rss(`<item><title>Whole</title><link>https://e.x/w</link><description>${variant(seed, 'feed').replace(/[<&]/g, ' ')}</description></item><item><title>Cut`).replace(/<\/channel><\/rss>$/, '')) },
];

/** Writes every kind into `dir` (a fresh folder), with the seed text each one varies; returns each kind with the path it is judged by. */
export function writeHostileCorpus(dir: string, seedFile: string): Array<{ kind: HostileKind; path: string }> {
  mkdirSync(dir, { recursive: true });
  const seed = readFileSync(seedFile, 'utf8');
  return HOSTILE_KINDS.map((kind) => {
    const before = new Set(readdirSync(dir));
    kind.write(dir, seed);
    const added = readdirSync(dir).filter((f) => !before.has(f) && !f.endsWith('.json')).concat(readdirSync(dir).filter((f) => !before.has(f)));
    return { kind, path: join(dir, added[0]!) };
  });
}
