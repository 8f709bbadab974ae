import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../src/api/server.js';
import { ingestPaths } from '../src/pipeline/analyze.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { EXAMPLES, REPO } from './paths.js';

/** Debian's Chromium (installed by .ci/run); Playwright's own browser download is not reachable here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(REPO, 'test-output', 'screenshots');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

test('a reader browses the examples in a real browser', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (.ci/run installs it)` }, async (t) => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-browser-')), 'ui.db'));
  await ingestPaths(store, [EXAMPLES]);
  const { server, url } = await startServer({ store, port: 0 });
  let browser: Browser | undefined;
  mkdirSync(SHOTS, { recursive: true });
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const page = await browser.newPage();

    await t.test('the story list shows both stories with their counts', async () => {
      await page.goto(`${url}/`);
      const rows = page.locator('tbody tr');
      assert.equal(await rows.count(), 2);
      const gondola = rows.filter({ hasText: 'Gondola' });
      assert.deepEqual(await gondola.locator('td').allTextContents().then((cells) => cells.slice(1, 3)), ['6', '4']);
      await page.screenshot({ path: join(SHOTS, 'stories.png'), fullPage: true });
    });

    await t.test('the story page lists its articles and marks the syndicated copy', async () => {
      await page.getByRole('link', { name: /Gondola stalls/ }).click();
      await page.waitForURL(/\/stories\//);
      assert.equal(await page.locator('h1').textContent(), 'Gondola stalls over Velmora gorge; 34 lowered to safety by rope teams');
      assert.equal(await page.locator('.badge.copy').count(), 1);
      await page.screenshot({ path: join(SHOTS, 'story.png'), fullPage: true });
    });

    await t.test('clicking a citation opens the article with exactly the cited words highlighted', async () => {
      const citations = page.locator('a.cite');
      assert.ok((await citations.count()) > 5, 'the story page cites its sources');
      const storyUrl = page.url();
      for (const index of [0, Math.floor((await citations.count()) / 2)]) {
        await page.goto(storyUrl);
        const cite = page.locator('a.cite').nth(index);
        const cited = await cite.getAttribute('title');
        await cite.click();
        await page.waitForURL(/\/articles\/.*#cited$/);
        assert.equal(await page.locator('mark#cited').textContent(), cited);
      }
      await page.screenshot({ path: join(SHOTS, 'citation.png'), fullPage: true });
      await page.goto(storyUrl);
    });

    await t.test('claims carry status badges and a conflict shows both sides with their words', async () => {
      assert.ok((await page.locator('.badge.corroborated').count()) > 0, 'corroborated claims are badged');
      assert.ok((await page.locator('.badge.single-source').count()) > 0, 'single-source claims are badged');
      const conflict = page.locator('.conflict').filter({ hasText: 'three hours' });
      const values = await conflict.locator('.position .value').allTextContents();
      assert.ok(values.some((v) => v.includes('just under three hours')) && values.some((v) => v.includes('more than three hours')), `both sides: ${values.join(' | ')}`);
      // Each side quotes the words it rests on: the value is in its evidence.
      for (const position of await conflict.locator('.position').all()) {
        const value = (await position.locator('.value').textContent())!.split(' / ')[0]!;
        assert.ok((await position.locator('q').allTextContents()).some((q) => q.includes(value)));
      }
      await conflict.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'conflict.png'), fullPage: true });
    });

    await t.test('an article page shows clean text, what was removed and the homoglyph warning', async () => {
      await page.getByRole('link', { name: /passengers recount long wait/ }).click();
      await page.waitForURL(/\/articles\//);
      assert.match((await page.locator('section[aria-labelledby=warnings]').textContent()) ?? '', /mixed-script/);
      assert.match((await page.locator('#removed + ul').textContent()) ?? '', /clean\/navigation/);
      await page.screenshot({ path: join(SHOTS, 'article.png'), fullPage: true });
    });

    await t.test('a hostile article shows its markup as text and runs nothing', async () => {
      const hostile = 'Council vote delayed <script>alert("x")</script>\n\nThe council delayed its vote on Monday. <img src=x onerror="alert(1)"> Read <a href="javascript:alert(2)">the plan</a> before the next meeting.\n';
      const posted = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: hostile });
      const { results } = (await posted.json()) as { results: Array<{ id: string }> };
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.goto(`${url}/articles/${results[0]!.id}`);
      assert.match((await page.locator('.text').textContent()) ?? '', /<img src=x onerror="alert\(1\)">/);
      assert.equal(await page.locator('.text img, .text a, script:not(:empty)').count(), 0);
      assert.equal(dialogs, 0);
      await page.screenshot({ path: join(SHOTS, 'hostile-article.png'), fullPage: true });
    });

    await t.test('keyboard: the first link is reachable with Tab and shows a focus ring', async () => {
      await page.goto(`${url}/`);
      await page.keyboard.press('Tab');
      assert.equal(await page.locator(':focus').textContent(), 'Corroborate');
    });
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  }
});
