import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributeArticle } from './attribution.js';
import { docFromHtml } from './html/html-doc.js';
import { docFromText } from './plain-text.js';
import { independenceWarnings, independentSourceCount, OUTLET_UNKNOWN } from '../corroborate/independence.js';
import { REPO } from '../../test/paths.js';
import { detokenise } from '../../bench/meta.bench.js';

const DATA = join(REPO, '..', 'shared', 'data');
const PAGES = join(DATA, 'zyte-article-extraction', 'pages');
/** The Zyte pages that run Associated Press copy under an "(AP) —" dateline (found by reading the pages). */
const AP_PAGES = ['aec5deea', 'd0382c0d', 'eecd2575'];
const pageFile = (prefix: string) => readdirSync(PAGES).find((f) => f.startsWith(prefix))!;
const page = (prefix: string, strip = false) => {
  const html = readFileSync(join(PAGES, pageFile(prefix)), 'utf8');
  const bare = strip ? html.replace(/<head[\s>][\s\S]*?<\/head>/i, '').replace(/<script[^>]*ld\+json[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<meta\b[^>]*>/gi, '') : html;
  return docFromHtml(bare, prefix);
};

test('pages running AP copy are the wire, with the dateline as evidence; without metadata the dateline names the outlet', () => {
  for (const prefix of AP_PAGES) {
    const doc = page(prefix);
    const said = attributeArticle(doc);
    assert.equal(said.wire?.name, 'Associated Press', prefix);
    const [evidence] = said.wire!.evidence;
    assert.ok(evidence, `${prefix} has evidence in the text`);
    assert.equal(doc.text.slice(evidence.start, evidence.end), 'AP');
    assert.match(doc.text.slice(Math.max(0, evidence.start - 30), evidence.end + 3), /[A-Z]+ \(AP\) [—–-]/);
    const bare = attributeArticle(page(prefix, true));
    assert.deepEqual([bare.source.name, bare.source.basis], ['Associated Press', 'dateline'], prefix);
  }
});

test('naming an agency as a source ("told Reuters", "according to the Associated Press") is not running its copy', () => {
  const others = readdirSync(PAGES).filter((f) => !AP_PAGES.some((p) => f.startsWith(p)));
  for (const f of others) assert.equal(attributeArticle(docFromHtml(readFileSync(join(PAGES, f), 'utf8'), f)).wire, null, f);
  const ecb = readFileSync(join(DATA, 'ecbplus', 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
  const citing = ecb.filter((d) => /Associated Press|Reuters|AFP/.test(d.text));
  assert.ok(citing.length > 20, `ECB+ documents citing an agency: ${citing.length}`);
  for (const d of citing) {
    const doc = docFromText(d.text.split('\n').map(detokenise).join('\n\n'), d.id, null);
    assert.equal(attributeArticle(doc).wire, null, d.id);
  }
});

test('independence: three outlets running one AP story count as one source beside NBC; unknown outlets are counted with a story warning', () => {
  const docs = [...AP_PAGES.map((p) => page(p)), page('7a457a4f')];
  assert.deepEqual(docs.map((d) => d.meta.source.name), ['Associated Press', 'Associated Press', 'Associated Press', 'NBC News']);
  // The same AP copy under three publishers' names still counts once.
  const republished = docs.map((d, i) => (i < 3 ? { ...d, meta: { ...d.meta, source: { name: `Publisher ${i}`, domain: null } } } : d));
  assert.equal(independentSourceCount(republished, new Map()), 2);
  assert.deepEqual(independenceWarnings(republished, new Map()), []);

  const ecb = readFileSync(join(DATA, 'ecbplus', 'documents.jsonl'), 'utf8').trim().split('\n').slice(0, 3).map((l) => JSON.parse(l) as { id: string; text: string });
  const anonymous = ecb.map((d) => docFromText(d.text, d.id, null));
  assert.equal(independentSourceCount(anonymous, new Map()), 3);
  const [warning] = independenceWarnings(anonymous, new Map());
  assert.equal(warning?.code, OUTLET_UNKNOWN);
  assert.match(warning!.message, /^3 article\(s\) name no outlet/);
});
