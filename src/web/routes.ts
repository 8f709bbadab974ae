import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ExportArticle, ExportSpan, ExportStory } from '../export/types.js';
import type { Store } from '../store/store.js';
import type { StoryExportCache } from '../api/story-cache.js';
import { STYLE } from './style.js';

type Fragment = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The web UI: plain server-rendered HTML, no client script. Every interpolated value goes
 * through `html`'s escaping, so article text containing `<script>` or `javascript:` links
 * shows as text; only http(s) URLs become links.
 */
export function webRoutes(store: Store, stories: StoryExportCache): Hono {
  const web = new Hono();

  web.get('/', async (c) => {
    const page = await store.pageStories(50, 0);
    // Summaries only (title and source count from the stored analyses): the home page never builds a story export.
    const byId = new Map(page.map((s) => [s.id, { title: s.title ?? undefined, independentSourceCount: s.independentSourceCount ?? 0 }]));
    return c.html(
      layout(
        'Stories',
        html`<h1>Stories</h1>
          ${searchForm('')}
          ${page.length === 0
            ? html`<p>No stories yet. Add articles with <code>corroborate ingest</code> or <code>POST /api/articles</code>.</p>`
            : html`<table>
                <thead><tr><th scope="col">Story</th><th scope="col">Articles</th><th scope="col">Independent sources</th><th scope="col">Last update</th></tr></thead>
                <tbody>
                  ${page.map((s) => html`<tr><td><a href="/stories/${s.id}">${byId.get(s.id)?.title ?? s.id}</a></td><td>${s.articleCount}</td><td>${byId.get(s.id)?.independentSourceCount ?? 0}</td><td><time datetime="${s.updatedAt}">${s.updatedAt.slice(0, 16).replace('T', ' ')}</time></td></tr>`)}
                </tbody>
              </table>`}`,
      ),
    );
  });

  web.get('/stories/:id', async (c) => {
    const exported = await stories.get(c.req.param('id'));
    const story = exported?.stories[0];
    if (!exported || !story) return c.html(layout('Not found', html`<h1>No such story</h1><p><a href="/">All stories</a></p>`), 404);
    return c.html(layout(story.title, storyPage(story, exported.articles)));
  });

  web.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const storyId = await store.storyOf(id);
    const exported = storyId ? await stories.get(storyId) : null;
    const article = exported?.articles.find((a) => a.id === id);
    if (!article || !storyId) return c.html(layout('Not found', html`<h1>No such article</h1><p><a href="/">All stories</a></p>`), 404);
    const start = Number(c.req.query('start'));
    const end = Number(c.req.query('end'));
    const cited = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= article.text.length ? { start, end } : null;
    return c.html(layout(article.title ?? article.id, articlePage(article, storyId, cited)));
  });

  web.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 500);
    const hits = q.trim() ? await store.search(q, 50) : [];
    return c.html(
      layout(
        `Search: ${q}`,
        html`<h1>Search</h1>${searchForm(q)}
          <ol>${hits.map((h) => html`<li><a href="/articles/${h.articleId}">${h.title ?? h.articleId}</a><p>${highlightSnippet(h.snippet)}</p></li>`)}</ol>
          ${q.trim() && hits.length === 0 ? html`<p>No article matches.</p>` : ''}`,
      ),
    );
  });
  return web;
}

function layout(title: string, body: Fragment): Fragment {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Corroborate</title>
        <style>${raw(STYLE)}</style>
      </head>
      <body>
        <header><nav aria-label="Site"><a href="/">Corroborate</a></nav></header>
        <main>${body}</main>
      </body>
    </html>`;
}

const searchForm = (q: string) =>
  html`<form action="/search" method="get" role="search"><label for="q">Search articles</label> <input id="q" name="q" type="search" value="${q}" /> <button type="submit">Search</button></form>`;

/** FTS snippets mark matches with « »; the text between is escaped, the marks become <mark>. */
const highlightSnippet = (snippet: string) => snippet.split(/«|»/).map((part, i) => (i % 2 ? html`<mark>${part}</mark>` : html`${part}`));

function storyPage(story: ExportStory, articles: ExportArticle[]): Fragment {
  const members = story.articleIds.map((id) => articles.find((a) => a.id === id)).filter((a): a is ExportArticle => a !== undefined);
  const cite = (span: ExportSpan) => {
    const n = members.findIndex((a) => a.id === span.articleId) + 1;
    return html`<a class="cite" href="/articles/${span.articleId}?start=${span.start}&end=${span.end}#cited" title="${span.text}">[${n}]</a>`;
  };
  const sourceName = (articleId: string) => {
    const a = members.find((m) => m.id === articleId);
    return a?.source.name ?? a?.source.domain ?? a?.title ?? articleId;
  };
  // One link per citing article (its first span): [2][2] would read as a mistake.
  const cites = (spans: ExportSpan[]) => spans.filter((span, i) => spans.findIndex((x) => x.articleId === span.articleId) === i).map(cite);
  return html`<h1>${story.title}</h1>
    <p>${members.length} article(s), ${story.independentSourceCount} independent source(s).</p>
    ${story.brief.length ? html`<section aria-labelledby="brief"><h2 id="brief">Brief</h2><ul>${story.brief.map((s) => html`<li>${s.text} ${cites(s.citations)}</li>`)}</ul></section>` : ''}
    ${story.timeline.length ? html`<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2><ol class="timeline">${story.timeline.map((t) => html`<li><time>${t.date}${t.end ? ` – ${t.end}` : ''}</time> ${t.description} ${cites(t.evidence)}</li>`)}</ol></section>` : ''}
    ${story.conflicts.length
      ? html`<section aria-labelledby="conflicts"><h2 id="conflicts">Conflicts</h2>${story.conflicts.map(
          (conflict) =>
            html`<div class="conflict"><h3>${conflict.subject}</h3><div class="positions">${conflict.positions.map(
              (p) =>
                html`<div class="position"><strong class="value">${p.value}</strong> <small>(${new Set(p.evidence.map((e) => e.articleId)).size} article(s))</small><ul>${p.evidence.map(
                  (e) => html`<li><q>${e.text}</q> — ${sourceName(e.articleId)} ${cite(e)}</li>`,
                )}</ul></div>`,
            )}</div></div>`,
        )}</section>`
      : ''}
    ${story.claims.length
      ? html`<section aria-labelledby="claims"><h2 id="claims">Claims</h2>${(['corroborated', 'disputed', 'single-source'] as const).map((status) => {
          const claims = story.claims.filter((claim) => claim.status === status);
          return claims.length ? html`<h3>${status}</h3><ul>${claims.map((claim) => html`<li><span class="badge ${status}">${status}</span> ${claim.text} <small>(${claim.independentSources} source(s))</small> ${cites(claim.evidence)}</li>`)}</ul>` : '';
        })}</section>`
      : ''}
    ${story.quotes.length ? html`<section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2><ul>${story.quotes.map((q) => html`<li><blockquote>${q.text}</blockquote> — ${q.speakerName ?? 'speaker unknown'} ${cites(q.mentions)}</li>`)}</ul></section>` : ''}
    ${story.entities.length ? html`<section aria-labelledby="entities"><h2 id="entities">Who and where</h2><ul>${story.entities.map((e) => html`<li><strong>${e.name}</strong> (${e.type})${e.aliases.length ? html`: also ${e.aliases.join(', ')}` : ''}</li>`)}</ul></section>` : ''}
    <section aria-labelledby="articles"><h2 id="articles">Articles</h2><ol>${members.map(
      (a) => html`<li><a href="/articles/${a.id}">${a.title ?? '(no headline)'}</a> — ${a.source.name ?? a.source.domain ?? 'outlet unknown'}, ${a.publishedAt ?? 'date unknown'}${a.duplicateOf ? html` <span class="badge copy">copy of [${members.findIndex((m) => m.id === a.duplicateOf) + 1}]</span>` : ''}</li>`,
    )}</ol></section>`;
}

function articlePage(article: ExportArticle, storyId: string, cited: { start: number; end: number } | null): Fragment {
  const body = cited
    ? html`${article.text.slice(0, cited.start)}<mark id="cited">${article.text.slice(cited.start, cited.end)}</mark>${article.text.slice(cited.end)}`
    : html`${article.text}`;
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return html`<article>
      <h1>${article.title ?? '(no headline)'}</h1>
      <p class="meta">${article.source.name ?? article.source.domain ?? 'outlet unknown'} · ${article.publishedAt ?? 'date unknown'} (${article.publishedAtBasis})${safeUrl ? html` · <a href="${safeUrl}" rel="noopener noreferrer">original</a>` : article.url ? html` · ${article.url}` : ''} · <a href="/stories/${storyId}">story</a></p>
      ${article.warnings.length ? html`<section aria-labelledby="warnings"><h2 id="warnings">Warnings</h2><ul>${article.warnings.map((w) => html`<li><code>${w.code}</code> ${w.message}</li>`)}</ul></section>` : ''}
      <div class="text">${body}</div>
    </article>
    <section aria-labelledby="removed"><h2 id="removed">Removed as page boilerplate (${article.removed.length})</h2>
      <ul>${article.removed.map((r) => html`<li><q>${r.text.trim() === '' ? '(blank lines)' : r.text}</q> — ${r.reason}</li>`)}</ul>
    </section>`;
}
