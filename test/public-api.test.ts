import test from 'node:test';
import assert from 'node:assert/strict';

/** Imported by its package name, as a user would; the specifier is a variable so tsc does not need dist/ to exist yet. */
const PACKAGE = 'corroborate';
const importPackage = () => import(PACKAGE) as Promise<typeof import('../src/index.js')>;

test('should expose the public api by the package name', async () => {
  const api = await importPackage();
  for (const name of ['analyze', 'openStore', 'ingestPaths', 'exportStories', 'annotate', 'cleanPlainText', 'decodeText', 'buildExport', 'renderMarkdown', 'main', 'CorroborateError', 'docsFromInput', 'docFromHtml', 'docsFromFeed', 'createFetcher', 'createAnalyser'])
    assert.equal(typeof (api as Record<string, unknown>)[name], 'function', `${name} is exported`);
});

test('analyze() runs the whole pipeline through the library', async () => {
  const { analyze, openStore } = await importPackage();
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-api-'));
  writeFileSync(
    join(dir, 'one.txt'),
    'Harbour cranes halted by strike\n\nDock workers in the port of Lendra stopped all cranes on Tuesday, the union said.\nThe strike is the first at the port in nine years.\n',
  );
  const store = await openStore(join(dir, 'api.db'));
  try {
    const { report, export: data } = await analyze([dir], { store });
    assert.equal(report.added, 1);
    assert.equal(data.stories.length, 1);
    assert.equal(data.articles[0]!.title, 'Harbour cranes halted by strike');
    assert.match(data.articles[0]!.text, /^Dock workers in the port of Lendra/);
  } finally {
    await store.close();
  }
});

test('analyze() analyses in worker threads when given createAnalyser(n)', async () => {
  const { analyze, openStore, createAnalyser } = await importPackage();
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-api-'));
  writeFileSync(join(dir, 'one.txt'), 'Ferry service resumes after storm\n\nThe ferry between Lendra and Osk sailed again on Monday, the operator said.\n');
  const store = await openStore(join(dir, 'api.db'));
  const analyser = createAnalyser(1);
  try {
    assert.equal(analyser.threads, 1);
    const { report, export: data } = await analyze([dir], { store, analyser });
    assert.equal(report.added, 1);
    assert.equal(data.articles[0]!.title, 'Ferry service resumes after storm');
  } finally {
    await analyser.close();
    await store.close();
  }
});

test('an injected fetcher feeds URL inputs through the library, with no network', async () => {
  const { analyze, openStore } = await importPackage();
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'corroborate-api-')), 'api.db'));
  const page = '<html><head><meta property="og:site_name" content="Lendra Post"></head><body><article><p>Dock workers in the port of Lendra stopped all cranes on Tuesday, the union said.</p></article></body></html>';
  try {
    const fetcher = async (url: string) => ({ url, finalUrl: url, contentType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(page) });
    const { export: data } = await analyze(['https://lendra.example/strike'], { store, fetcher });
    assert.equal(data.articles[0]!.source.name, 'Lendra Post');
    assert.equal(data.articles[0]!.url, 'https://lendra.example/strike');
  } finally {
    await store.close();
  }
});
