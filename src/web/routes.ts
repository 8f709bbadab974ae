import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { ArticleInputSchema } from '../api/schemas.js';
import type { Analyser } from '../pipeline/analyser.js';
import { deleteArticle, ingestInputs, ingestPaths, readOrFetch, type FileOutcome } from '../pipeline/analyze.js';
import { toJobInput } from '../queue/jobs.js';
import type { JobQueue } from '../queue/queue.js';
import type { Fetcher } from '../ingest/fetch/fetch-url.js';
import type { InputFile } from '../ingest/read-inputs.js';
import { charsetOfContentType } from '../ingest/markup-encoding.js';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ExportArticle, ExportClaim, ExportSpan, StoryChange, StoryExport } from '../export/types.js';
import { renderMarkdown } from '../export/markdown.js';
import { MARK_END, MARK_START, type Store, type StoryCard } from '../store/store.js';
import type { StoryExportCache } from '../api/story-cache.js';
import { GenerationCache } from '../api/read-cache.js';
import { EncodedBody } from '../api/encoded-body.js';
import { STYLE } from './style.js';
import { atomFeed, changesSince, type FollowableStory } from './feed.js';

type Fragment = HtmlEscapedString | Promise<HtmlEscapedString>;
/** Pages kept encoded (see StoryExportCache, GenerationCache, EncodedBody) carry the type `c.html` would give. */
const HTML = 'text/html; charset=UTF-8';
type Status = ExportClaim['status'];

/** Stories per home page: a phone screen shows two or three, a desktop screen five or six. */
export const STORIES_PER_PAGE = 20;
/**
 * Claims per page of a story: enough for every corroborated and disputed claim of a typical story,
 * few enough that a 50-article story page stays within its size budget (see the browser test).
 */
export const CLAIMS_PER_PAGE = 40;
/** Rows per page of the coverage grid. */
export const GRID_ROWS_PER_PAGE = 100;

const STATUSES: Status[] = ['corroborated', 'disputed', 'single-source'];
const STATUS_RANK: Record<Status, number> = { corroborated: 0, disputed: 1, 'single-source': 2 };
const BASIS: Record<ExportArticle['publishedAtBasis'], string> = {
  metadata: 'from its metadata',
  feed: 'from the feed',
  dateline: 'from the dateline',
  inferred: 'inferred',
  unknown: 'unknown',
};

/** The story's event signature, when the export carries one (a later stage adds it; the schema has it). */
interface StoryEvent {
  what: string | null;
  who: string[];
  where: string | null;
  when: { start: string; end?: string } | null;
}
type ExportStoryPlus = FollowableStory & { event?: StoryEvent | null };

/**
 * The web UI: plain server-rendered HTML, no client script. Every interpolated value goes
 * through `html`'s escaping, so article text containing `<script>` or `javascript:` links
 * shows as text; only http(s) URLs become links. Lists read stored figures only
 * (`pageStoryCards`, search); only a story's own pages build its export.
 */
export interface WebOptions {
  /** The server's write token: the add form asks for it when set. */
  token?: string | undefined;
  maxBodyBytes?: number;
  /** Fetches a page the add form names by URL (tests pass one that serves local pages). */
  fetcher?: Fetcher;
  /** Where a posted article is analysed (the server's worker threads). */
  analyser?: Analyser;
  /** With a queue, the add form enqueues its articles for `corroborate worker` (as `POST /api/articles` does). */
  queue?: JobQueue;
  /** Keeps the home pages and searches until the next commit (default: a cache of this router's own). */
  reads?: GenerationCache;
}

/** Constant-time comparison, so the time a wrong token takes says nothing of the right one. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function webRoutes(store: Store, stories: StoryExportCache, options: WebOptions = {}): Hono {
  const web = new Hono();
  // Posts, deletes and reads share one analysis per story (see StoryExportCache.refresh).
  const storyStage = (ids: string[]) => stories.refresh(ids);
  const reads = options.reads ?? new GenerationCache(store);

  web.get('/add', (c) => c.html(layout('Add articles', addPage(Boolean(options.token), null, {}))));

  const tooLarge = bodyLimit({ maxSize: options.maxBodyBytes ?? 5 * 1024 * 1024, onError: (c) => c.html(layout('Too large', html`<h1>Too large</h1><p>The request is over the size this server accepts.</p>`), 413) });

  // A form post from another site is refused (csrf(): Origin / Sec-Fetch-Site must be this site), and a
  // server with a token wants it in the form: a page cannot make the browser add it.
  web.post('/add', tooLarge, csrf(), async (c) => {
    const form = await c.req.parseBody({ all: true });
    const field = (name: string) => (typeof form[name] === 'string' && (form[name] as string).trim() ? (form[name] as string).trim() : undefined);
    const values = { text: field('text'), source: field('source'), url: field('url'), publishedAt: field('publishedAt'), page: field('page') };
    const again = (status: 400 | 401, message: string) => c.html(layout('Add articles', addPage(Boolean(options.token), message, values)), status);
    if (options.token && !sameSecret(field('token') ?? '', options.token)) return again(401, 'The token is missing or wrong.');
    const uploads = [form['files']].flat().filter((f): f is File => f instanceof File && f.size > 0);
    if (!values.text && !values.page && uploads.length === 0) return again(400, 'Nothing to add: paste the article text, give a page URL, or choose files.');
    if (values.page && !/^https?:\/\//i.test(values.page)) return again(400, `page URL: "${values.page}" does not start with http:// or https://`);
    const inputs: InputFile[] = [];
    if (values.text) {
      const { page: _page, ...pasted } = values;
      const parsed = ArticleInputSchema.safeParse(Object.fromEntries(Object.entries(pasted).filter(([, v]) => v !== undefined)));
      if (!parsed.success) return again(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; '));
      const { text, ...sidecar } = parsed.data;
      inputs.push({ input: 'pasted text', bytes: new TextEncoder().encode(text), sidecar });
    }
    // A file's name only (browsers send no folder; a crafted name with one shows no path either).
    for (const file of uploads) inputs.push({ input: file.name.split(/[\\/]/).pop() || 'upload', bytes: new Uint8Array(await file.arrayBuffer()), sidecar: null, transportCharset: charsetOfContentType(file.type) });
    if (options.queue) {
      // The page is fetched here, so the job carries its bytes like any other input.
      if (values.page) {
        const read = await readOrFetch(values.page, options.fetcher ? { fetcher: options.fetcher } : {});
        if (!read.ok) return again(400, `${read.failure.error.code}: ${read.failure.error.message}`);
        inputs.push(read.file);
      }
      const jobId = await options.queue.enqueueIngest({ inputs: inputs.map(toJobInput) });
      return c.html(layout('Queued', queuedPage(jobId, inputs.length)), 202);
    }
    const ingest = { storyStage, ...(options.analyser ? { analyser: options.analyser } : {}) };
    const reports = [...(inputs.length ? [await ingestInputs(store, inputs, ingest)] : []), ...(values.page ? [await ingestPaths(store, [values.page], { ...ingest, ...(options.fetcher ? { fetcher: options.fetcher } : {}) })] : [])];
    const outcomes = reports.flatMap((r) => r.files);
    const only = outcomes.length === 1 ? outcomes[0]! : null;
    if (only?.status === 'failed') return again(400, `${only.error.code}: ${only.error.message}`);
    // Post/redirect/get: reloading the article page does not post again.
    if (only) return c.redirect(`/articles/${only.id}?${only.status}=1`, 303);
    return c.html(layout('Added', addedPage(outcomes)), outcomes.every((o) => o.status === 'failed') ? 400 : 200);
  });

  // Deleting is a form post too (a link could be followed by a prefetcher), with the same CSRF check and token.
  web.post('/articles/:id/delete', tooLarge, csrf(), async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    const token = typeof form['token'] === 'string' ? form['token'] : '';
    if (options.token && !sameSecret(token, options.token)) return c.html(layout('Not deleted', html`<h1>Not deleted</h1><p class="error" role="alert">The token is missing or wrong.</p><p><a href="/articles/${id}">Back to the article</a></p>`), 401);
    const deleted = await deleteArticle(store, id, options.analyser, storyStage);
    if (!deleted) return notFound(c, 'article');
    return c.redirect(deleted.storyDeleted ? '/?deleted=1' : `/stories/${deleted.storyId}?deleted=1#changes`, 303);
  });

  web.get('/', async (c) => {
    const page = positiveInt(c.req.query('page'), 1);
    // Rendered once per page and store generation: the busiest page of the site.
    const body = await reads.get(`home ${page}`, async () => {
      const [cards, counts] = await Promise.all([store.pageStoryCards(STORIES_PER_PAGE, (page - 1) * STORIES_PER_PAGE), store.counts()]);
      const pages = Math.max(1, Math.ceil(counts.stories / STORIES_PER_PAGE));
      const rendered = (
        await layout(
          page > 1 ? `Stories, page ${page}` : 'Stories',
          html`<h1>Stories</h1>
            ${searchForm('')}
            ${counts.stories === 0
              ? html`<p>No stories yet. Add articles with <code>corroborate ingest</code> or <code>POST /api/articles</code>.</p>`
              : html`<p class="meta">${counts.stories} stories from ${counts.articles} articles, the latest reported first.</p>
                  <ol class="cards">${cards.map(storyCard)}</ol>
                  ${pager('/', page, pages, {})}`}`,
        )
      ).toString();
      return EncodedBody.ofText(rendered);
    });
    return body.respond(c, HTML);
  });

  web.get('/stories/:id', async (c) => {
    const page = await stories.page(c.req.param('id'), new URL(c.req.url).search, async (exported) => {
      const loaded = storyOf(exported);
      if (!loaded) return '';
      const filters = claimFilters(c.req.query('status'), c.req.query('outlet'), c.req.query('page'));
      const notice = c.req.query('deleted') ? html`<p class="notice" role="status">Deleted. The story was analysed again without the article; see its changes.</p>` : '';
      return (await layout(loaded.story.title, html`${notice}${storyPage(loaded.story, loaded.members, filters, c.req.query('since'))}`)).toString();
    });
    return page?.length ? page.respond(c, HTML) : notFound(c, 'story');
  });

  web.get('/stories/:id/feed.atom', async (c) => {
    const exported = await stories.get(c.req.param('id'));
    const story = exported?.stories[0];
    if (!exported || !story) return notFound(c, 'story');
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(await atomFeed(story, new URL(c.req.url).origin, exported.generatedAt));
  });

  web.get('/stories/:id/coverage', async (c) => {
    const loaded = await loadStory(stories, c.req.param('id'));
    if (!loaded) return notFound(c, 'story');
    const filters = claimFilters(c.req.query('status'), c.req.query('outlet'), c.req.query('page'));
    return c.html(layout(`Coverage: ${loaded.story.title}`, coveragePage(loaded.story, loaded.members, filters)));
  });

  web.get('/stories/:id/export.json', async (c) => {
    const id = c.req.param('id');
    const exported = await stories.get(id);
    if (!exported?.stories[0]) return notFound(c, 'story');
    c.header('Content-Disposition', `attachment; filename="${id}.json"`);
    return c.json(exported);
  });

  web.get('/stories/:id/export.md', async (c) => {
    const id = c.req.param('id');
    const exported = await stories.get(id);
    if (!exported?.stories[0]) return notFound(c, 'story');
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${id}.md"`);
    return c.body(renderMarkdown(exported));
  });

  web.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const storyId = await store.storyOf(id);
    const exported = storyId ? await stories.get(storyId) : null;
    const article = exported?.articles.find((a) => a.id === id);
    if (!article || !storyId) return notFound(c, 'article');
    const start = Number(c.req.query('start'));
    const end = Number(c.req.query('end'));
    const cited = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= article.text.length ? { start, end } : null;
    const q = (c.req.query('q') ?? '').slice(0, 500).trim();
    // The store marks what its stemmed index matched, so "tariff" lights up "tariffs" too.
    const highlighted = !cited && q ? await store.highlightArticle(id, q) : null;
    const notice = c.req.query('added') ? 'Added. The story below now includes it.' : c.req.query('unchanged') ? 'This text was already stored: here it is.' : null;
    return c.html(
      layout(
        article.title ?? article.id,
        html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}${articlePage(article, storyId, exported!.stories[0]?.title ?? storyId, cited, highlighted)}${deleteForm(id, Boolean(options.token))}`,
      ),
    );
  });

  web.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 500);
    const rendered = await reads.get(`search ${q}`, async () => EncodedBody.ofText((await searchPage(store, q)).toString()));
    return rendered.respond(c, HTML);
  });
  return web;
}

async function searchPage(store: Store, q: string): Promise<HtmlEscapedString> {
    const [storyHits, hits] = q.trim() ? await Promise.all([store.searchStories(q, 10), store.search(q, 50)]) : [[], []];
    const articleLink = (articleId: string) => `/articles/${articleId}?q=${encodeURIComponent(q.trim())}#match`;
    return (
      layout(
        q.trim() ? `Search: ${q}` : 'Search',
        html`<h1>Search</h1>${searchForm(q)}
          ${q.trim()
            ? html`<section aria-labelledby="story-hits"><h2 id="story-hits">Stories (${storyHits.length})</h2>
                  ${storyHits.length
                    ? html`<ol class="hits">${storyHits.map((h) => html`<li><a href="/stories/${h.storyId}">${h.title}</a><p>${marked(h.snippet)}</p></li>`)}</ol>`
                    : html`<p>No analysed story matches. Stories are indexed by title and brief once opened or exported.</p>`}
                </section>
                <section aria-labelledby="article-hits"><h2 id="article-hits">Articles (${hits.length}${hits.length === 50 ? ', the best 50' : ''})</h2>
                  ${hits.length
                    ? html`<ol class="hits">${hits.map(
                        (h) => html`<li><a href="${articleLink(h.articleId)}">${h.title ?? '(no headline)'}</a>
                          <p class="meta">${h.source.name ?? h.source.domain ?? 'outlet unknown'} · ${dateLabel(h.publishedAt, h.publishedAtBasis)}${h.storyId ? html` · story: <a href="/stories/${h.storyId}">${h.storyTitle ?? 'open the story'}</a>` : ''}</p>
                          <p>${marked(h.snippet)}</p></li>`,
                      )}</ol>`
                    : html`<p>No article matches.</p>`}
                </section>`
            : ''}`,
      )
    );
}

async function loadStory(stories: StoryExportCache, id: string): Promise<{ story: ExportStoryPlus; members: ExportArticle[] } | null> {
  const exported = await stories.get(id);
  return exported ? storyOf(exported) : null;
}

/** The export's story with its member articles in joining order. */
function storyOf(exported: StoryExport): { story: ExportStoryPlus; members: ExportArticle[] } | null {
  const story = exported.stories[0];
  if (!story) return null;
  const byId = new Map(exported.articles.map((a) => [a.id, a]));
  return { story, members: story.articleIds.map((m) => byId.get(m)).filter((a): a is ExportArticle => a !== undefined) };
}

const notFound = (c: { html: (body: Fragment, status: 404) => Response | Promise<Response> }, what: string) =>
  c.html(layout('Not found', html`<h1>No such ${what}</h1><p><a href="/">All stories</a></p>`), 404);

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
        <a class="skip" href="#main">Skip to content</a>
        <header><nav aria-label="Site"><a href="/">Corroborate</a> <a href="/search">Search</a> <a href="/add">Add an article</a></nav></header>
        <main id="main" tabindex="-1">${body}</main>
      </body>
    </html>`;
}

const positiveInt = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : fallback;
};

const searchForm = (q: string) =>
  html`<form class="search" action="/search" method="get" role="search"><label for="q">Search stories and articles</label> <input id="q" name="q" type="search" value="${q}" /> <button type="submit">Search</button></form>`;

/** Store snippets mark matches with control characters; the text between is escaped, the marks become <mark>. */
const marked = (snippet: string) => snippet.split(new RegExp(`[${MARK_START}${MARK_END}]`)).map((part, i) => (i % 2 ? html`<mark>${part}</mark>` : html`${part}`));

/** Articles that name no outlet are grouped under this label (listed last, not counted as an outlet). */
const NO_OUTLET = 'outlet unknown';
const outletOf = (a: Pick<ExportArticle, 'source'>) => a.source.name ?? a.source.domain ?? NO_OUTLET;

/**
 * A date as the reader needs it (day, and time when stated), with how it was learned: always when
 * `withBasis` (the source list), else only when that was not the page itself.
 */
function dateLabel(iso: string | null, basis: ExportArticle['publishedAtBasis'], withBasis = false): Fragment {
  if (!iso) return html`date unknown`;
  const shown = /T00:00(:00(\.0+)?)?Z$/.test(iso) || !iso.includes('T') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return html`<time datetime="${iso}">${shown}</time>${basis === 'metadata' && !withBasis ? '' : html` <small class="basis">(${BASIS[basis]})</small>`}`;
}

const day = (iso: string) => iso.slice(0, 10);

/** The publication range the story's other articles give an undated article (or close for one dated from its own text), marked inferred, with why. */
function rangeLabel(a: ExportArticle): Fragment | '' {
  const r = !a.publishedAt || a.publishedAtBasis === 'inferred' ? a.publishedAtRange : undefined;
  if (!r) return '';
  return html` <small class="basis" title="${r.reason}">(inferred from the story: ${r.start === r.end ? r.start : `${r.start} – ${r.end}`})</small>`;
}

function storyCard(card: StoryCard): Fragment {
  const range = card.firstPublishedAt && card.lastPublishedAt ? (day(card.firstPublishedAt) === day(card.lastPublishedAt) ? day(card.firstPublishedAt) : `${day(card.firstPublishedAt)} – ${day(card.lastPublishedAt)}`) : null;
  const shownOutlets = card.outlets.slice(0, 4);
  return html`<li class="card">
    <h2><a href="/stories/${card.id}">${card.title ?? '(no headline)'}</a></h2>
    <p class="meta">${range ? html`Reported <time datetime="${card.firstPublishedAt}">${range}</time>${card.datesInferred ? html` <small class="basis">(some dates inferred)</small>` : ''}` : 'Dates unknown'}
      · ${card.articleCount} ${card.articleCount === 1 ? 'article' : 'articles'}
      · ${card.outlets.length} ${card.outlets.length === 1 ? 'outlet' : 'outlets'}${shownOutlets.length ? html`: ${shownOutlets.join(', ')}${card.outlets.length > shownOutlets.length ? ` and ${card.outlets.length - shownOutlets.length} more` : ''}` : ''}</p>
    <p class="meta">${card.digest
      ? html`<span class="badge corroborated">${card.digest.corroborated} corroborated</span> <span class="badge disputed">${card.digest.disputed} disputed</span> of ${card.digest.claims} claims`
      : html`<span class="badge">claims not counted yet: open the story</span>`}
      ${card.lastPublishedAt ? html` · latest article <time datetime="${card.lastPublishedAt}">${day(card.lastPublishedAt)}</time>` : ''}</p>
  </li>`;
}

/** Previous/next links that keep the other query parameters. */
function pager(path: string, page: number, pages: number, keep: Record<string, string>, fragment = ''): Fragment {
  if (pages <= 1) return html``;
  const href = (p: number) => `${path}?${new URLSearchParams({ ...keep, ...(p > 1 ? { page: String(p) } : {}) }).toString()}${fragment}`;
  return html`<nav class="pager" aria-label="Pages"><span>Page ${page} of ${pages}</span>
    ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">Previous</a>` : ''}
    ${page < pages ? html`<a href="${href(page + 1)}" rel="next">Next</a>` : ''}</nav>`;
}

interface ClaimFilters {
  status: Status | null;
  outlet: string | null;
  page: number;
}

function claimFilters(status: string | undefined, outlet: string | undefined, page: string | undefined): ClaimFilters {
  return {
    status: (STATUSES as string[]).includes(status ?? '') ? (status as Status) : null,
    outlet: outlet ? outlet.slice(0, 300) : null,
    page: positiveInt(page, 1),
  };
}

/** What the story's pages share: who said what, per outlet. */
class StoryView {
  readonly byId: Map<string, ExportArticle>;
  /** Outlets most claims first, NO_OUTLET (if any member lacks one) last. */
  readonly outlets: string[];
  readonly namedOutlets: number;
  /** Claim ids each outlet carries (through any of its articles). */
  readonly claimsOf = new Map<string, Set<string>>();
  readonly claims: ExportClaim[];

  constructor(
    readonly story: ExportStoryPlus,
    readonly members: ExportArticle[],
  ) {
    this.byId = new Map(members.map((a) => [a.id, a]));
    for (const claim of story.claims)
      for (const span of claim.evidence) {
        const outlet = this.outletOfSpan(span);
        if (!this.claimsOf.has(outlet)) this.claimsOf.set(outlet, new Set());
        this.claimsOf.get(outlet)!.add(claim.id);
      }
    const articlesOf = new Map<string, number>();
    for (const a of members) articlesOf.set(outletOf(a), (articlesOf.get(outletOf(a)) ?? 0) + 1);
    this.outlets = [...articlesOf.keys()].sort(
      (a, b) => Number(a === NO_OUTLET) - Number(b === NO_OUTLET) || (this.claimsOf.get(b)?.size ?? 0) - (this.claimsOf.get(a)?.size ?? 0) || a.localeCompare(b),
    );
    this.namedOutlets = this.outlets.filter((o) => o !== NO_OUTLET).length;
    // Corroborated first, then disputed, then what one source says; more sources first within each.
    this.claims = story.claims
      .map((claim, i) => ({ claim, i }))
      .sort((a, b) => STATUS_RANK[a.claim.status] - STATUS_RANK[b.claim.status] || b.claim.independentSources - a.claim.independentSources || a.i - b.i)
      .map(({ claim }) => claim);
  }

  outletOfSpan(span: ExportSpan): string {
    const a = this.byId.get(span.articleId);
    return a ? outletOf(a) : NO_OUTLET;
  }

  /** One link per citing article (its first span), named by its outlet: a screen reader says who, not "[2]". */
  cites(spans: ExportSpan[]): Fragment[] {
    return spans.filter((span, i) => spans.findIndex((x) => x.articleId === span.articleId) === i).map((span) => this.cite(span));
  }

  /** A citation link named by its outlet; `compact` shows a tick instead (the grid's column already says which outlet). */
  cite(span: ExportSpan, compact = false): Fragment {
    const outlet = this.outletOfSpan(span);
    return html`<a class="cite" href="/articles/${span.articleId}?start=${span.start}&end=${span.end}#cited" title="${span.text}">${compact ? html`<span aria-hidden="true">✓</span><span class="vh">${outlet}</span>` : outlet}</a>`;
  }

  filtered(filters: ClaimFilters): ExportClaim[] {
    return this.claims.filter(
      (claim) => (!filters.status || claim.status === filters.status) && (!filters.outlet || claim.evidence.some((span) => this.outletOfSpan(span) === filters.outlet)),
    );
  }
}

function storyPage(story: ExportStoryPlus, members: ExportArticle[], filters: ClaimFilters, since: string | undefined): Fragment {
  const view = new StoryView(story, members);
  const dated = members.filter((a) => a.publishedAt).sort((a, b) => Date.parse(a.publishedAt!) - Date.parse(b.publishedAt!));
  const first = dated[0];
  const last = dated.at(-1);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, story.claims.filter((c) => c.status === s).length])) as Record<Status, number>;
  const changes = changesSince(story, since);
  const changesTitle = since ? `Changes since ${/^\d+$/.test(since) ? `version ${since}` : since} (${changes.length})` : `Changes (${changes.length})`;
  const sections: Array<[string, string, boolean]> = [
    ['brief', 'Brief', story.brief.length > 0],
    ['sources', `Sources (${view.namedOutlets})`, true],
    ['conflicts', `Conflicts (${story.conflicts.length})`, story.conflicts.length > 0],
    ['claims', `Claims (${story.claims.length})`, story.claims.length > 0],
    ['quotes', `Quotes (${story.quotes.length})`, story.quotes.length > 0],
    ['timeline', `Timeline (${story.timeline.length})`, story.timeline.length > 0],
    ['entities', `Who and where (${story.entities.length})`, story.entities.length > 0],
    // Last on the page, folded unless asked for: the feed's entries link straight to it.
    ['changes', changesTitle, story.changes !== undefined],
  ];
  return html`<h1>${story.title}</h1>
    <p class="meta">${members.length} articles from ${view.namedOutlets} outlets${view.namedOutlets < view.outlets.length ? ' and unnamed ones' : ''}, ${story.independentSourceCount} independent
      ${first && last ? html` · reported ${dateLabel(first.publishedAt, first.publishedAtBasis)}${first !== last ? html` to ${dateLabel(last.publishedAt, last.publishedAtBasis)}` : ''}` : ''}
      · <span class="badge corroborated">${counts.corroborated} corroborated</span> <span class="badge disputed">${counts.disputed} disputed</span> <span class="badge single-source">${counts['single-source']} single-source</span>
    </p>
    ${story.event ? eventBlock(story.event) : ''}
    <nav class="toc" aria-label="On this page"><ul>
      ${sections.filter(([, , shown]) => shown).map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}
      <li><a href="/stories/${story.id}/coverage">Coverage grid</a></li>
      <li><a href="/stories/${story.id}/export.json" download>JSON</a></li>
      <li><a href="/stories/${story.id}/export.md" download>Markdown</a></li>
      <li><a href="/stories/${story.id}/feed.atom" type="application/atom+xml">Follow (Atom)</a></li>
    </ul></nav>
    ${story.brief.length ? section('brief', 'Brief', true, html`<ul class="brief">${story.brief.map((s) => html`<li>${s.text} <span class="cites">${view.cites(s.citations)}</span></li>`)}</ul>`) : ''}
    ${section('sources', `Sources (${view.namedOutlets})`, true, sourceList(view))}
    ${story.conflicts.length ? section('conflicts', `Conflicts (${story.conflicts.length})`, true, conflictList(view)) : ''}
    ${story.claims.length ? section('claims', `Claims (${story.claims.length})`, true, claimList(view, filters)) : ''}
    ${story.quotes.length
      ? section('quotes', `Quotes (${story.quotes.length})`, false, html`<ul>${story.quotes.map((q) => html`<li><blockquote>${q.text}</blockquote> — ${q.speakerName ?? 'speaker unknown'} <span class="cites">${view.cites(q.mentions)}</span></li>`)}</ul>`)
      : ''}
    ${story.timeline.length
      ? section('timeline', `Timeline (${story.timeline.length})`, false, html`<ol class="timeline">${story.timeline.map((t, i) => html`${t.kind === 'background' && story.timeline[i - 1]?.kind !== 'background' ? html`<li class="timeline-heading"><strong>Background</strong></li>` : ''}<li class="${t.kind ?? 'happening'}${t.main ? ' main' : ''}">${t.kind === 'scheduled' ? 'scheduled: ' : ''}<time datetime="${t.date}">${t.date}${t.end ? ` – ${t.end}` : ''}</time>${t.main ? html` <strong>main event</strong>` : ''} ${t.description} <span class="cites">${view.cites(t.evidence)}</span></li>`)}</ol>`)
      : ''}
    ${story.entities.length
      ? section('entities', `Who and where (${story.entities.length})`, false, html`<ul>${story.entities.map((e) => html`<li><strong>${e.name}</strong> (${e.type})${e.aliases.length ? html`: also ${e.aliases.join(', ')}` : ''}</li>`)}</ul>`)
      : ''}
    ${story.changes !== undefined ? section('changes', changesTitle, since !== undefined, changeList(view, changes, since)) : ''}`;
}

const CHANGE_LABEL: Record<StoryChange['kind'], string> = {
  created: 'Story first analysed',
  'article-added': 'Articles added',
  'article-removed': 'Articles removed',
  'fact-corroborated': 'Newly corroborated',
  'fact-disputed': 'Newly disputed',
  'conflict-added': 'New conflict',
  merged: 'Stories merged in',
  split: 'Story split',
  corrected: 'Correction',
};

function changeList(view: StoryView, changes: StoryChange[], since: string | undefined): Fragment {
  const story = view.story;
  const versions = [...new Set((story.changes ?? []).map((c) => c.version))].reverse();
  return html`<p class="meta">This is version ${story.version ?? 'unknown'} of the story. ${since ? html`<a href="/stories/${story.id}#changes">Show every change</a>` : ''}</p>
    ${versions.length > 1 ? html`<form class="since" method="get" action="/stories/${story.id}#changes"><label>Changes since <select name="since">${versions.slice(1).map((v) => html`<option value="${v}" ${since === String(v) ? 'selected' : ''}>version ${v}</option>`)}</select></label> <button type="submit">Show</button></form>` : ''}
    <form class="since" method="get" action="/stories/${story.id}#changes"><label>Changes since the date <input name="since" type="date" value="${since && !/^\d+$/.test(since) ? since.slice(0, 10) : ''}" /></label> <button type="submit">Show</button></form>
    ${changes.length ? '' : html`<p>No change${since ? ' since then' : ''}.</p>`}
    <ol class="changes">${changes.map(
      (c) => html`<li><strong>v${c.version}</strong> <time datetime="${c.at}">${c.at.slice(0, 16).replace('T', ' ')} UTC</time> · ${CHANGE_LABEL[c.kind] ?? c.kind}${c.detail ? html`: ${c.detail}` : ''}
        ${c.articleIds?.length && c.kind !== 'article-removed' ? html`<span class="cites">${c.articleIds.filter((id) => view.byId.has(id)).slice(0, 8).map((id) => html`<a class="cite" href="/articles/${id}">${outletOf(view.byId.get(id)!)}</a>`)}</span>` : ''}</li>`,
    )}</ol>`;
}

/** A collapsible section; its heading stays a heading (inside the summary) so heading navigation finds it. */
const section = (id: string, title: string, open: boolean, body: Fragment) =>
  html`<section aria-labelledby="${id}"><details ${open ? 'open' : ''}><summary><h2 id="${id}">${title}</h2></summary>${body}</details></section>`;

function eventBlock(event: StoryEvent): Fragment {
  const rows: Array<[string, string | null]> = [
    ['What', event.what],
    ['Who', event.who.length ? event.who.join(', ') : null],
    ['Where', event.where],
    ['When', event.when ? `${event.when.start}${event.when.end && event.when.end !== event.when.start ? ` – ${event.when.end}` : ''}` : null],
  ];
  const known = rows.filter((r): r is [string, string] => r[1] !== null);
  return known.length ? html`<dl class="event">${known.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>` : html``;
}

function sourceList(view: StoryView): Fragment {
  const total = view.story.claims.length;
  return html`<ul class="sources">${view.outlets.map((outlet) => {
    const articles = view.members.filter((a) => outletOf(a) === outlet);
    const carried = view.claimsOf.get(outlet)?.size ?? 0;
    return html`<li><strong>${outlet}</strong> <span class="meta">carries ${carried} of ${total} claims</span>
      ${total ? html` · <a href="?${new URLSearchParams({ outlet }).toString()}#claims">its claims<span class="vh"> (${outlet})</span></a>` : ''}
      <ul>${articles.map((a) => {
        const original = a.duplicateOf ? view.byId.get(a.duplicateOf) : undefined;
        const safeUrl = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
        return html`<li><a href="/articles/${a.id}">${a.title ?? '(no headline)'}</a> · ${dateLabel(a.publishedAt, a.publishedAtBasis, true)}${rangeLabel(a)}
          ${a.wire ? html` <span class="badge copy">wire: ${a.wire.name}</span>` : ''}
          ${a.duplicateOf ? html` <span class="badge copy">copy of ${copiedFrom(original, a.duplicateOf)}${a.duplicateSimilarity !== null ? ` (${Math.round(a.duplicateSimilarity * 100)}% shared)` : ''}</span>` : ''}
          ${safeUrl ? html` · <a href="${safeUrl}" rel="noopener noreferrer">original<span class="vh"> at ${outlet}</span></a>` : ''}</li>`;
      })}</ul></li>`;
  })}</ul>`;
}

/** Names the article a copy was taken from: its outlet, else its headline. */
function copiedFrom(original: ExportArticle | undefined, id: string): string {
  if (!original) return id;
  if (outletOf(original) !== NO_OUTLET) return outletOf(original);
  return original.title ? `“${original.title}”` : id;
}

function conflictList(view: StoryView): Fragment {
  return html`${view.story.conflicts.map(
    (conflict) =>
      html`<div class="conflict"><h3>${conflict.subject}</h3><div class="positions">${conflict.positions.map(
        (p) =>
          html`<div class="position"><strong class="value">${p.value}</strong> <small>(${new Set(p.evidence.map((e) => view.outletOfSpan(e))).size} outlet(s))</small><ul>${p.evidence.map(
            (e) => html`<li><q>${e.text}</q> ${view.cite(e)}</li>`,
          )}</ul></div>`,
      )}</div></div>`,
  )}`;
}

/** The filter form: plain GET, so it works without script and every filtered view has a URL. */
function filterForm(view: StoryView, filters: ClaimFilters, action: string): Fragment {
  return html`<form class="filters" method="get" action="${action}">
    <label>Status <select name="status"><option value="">all</option>${STATUSES.map((s) => html`<option value="${s}" ${filters.status === s ? 'selected' : ''}>${s}</option>`)}</select></label>
    <label>Outlet <select name="outlet"><option value="">all</option>${view.outlets.map((o) => html`<option value="${o}" ${filters.outlet === o ? 'selected' : ''}>${o}</option>`)}</select></label>
    <button type="submit">Show</button>
  </form>`;
}

function claimList(view: StoryView, filters: ClaimFilters): Fragment {
  const matching = view.filtered(filters);
  const pages = Math.max(1, Math.ceil(matching.length / CLAIMS_PER_PAGE));
  const page = Math.min(filters.page, pages);
  const shown = matching.slice((page - 1) * CLAIMS_PER_PAGE, page * CLAIMS_PER_PAGE);
  const keep = { ...(filters.status ? { status: filters.status } : {}), ...(filters.outlet ? { outlet: filters.outlet } : {}) };
  const statusLink = (status: Status | null, label: string) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(filters.outlet ? { outlet: filters.outlet } : {}) }).toString();
    return html`<a href="?${query}#claims" ${filters.status === status ? html`aria-current="true"` : ''}>${label}</a>`;
  };
  return html`${filterForm(view, filters, '#claims')}
    <p class="quick">${statusLink(null, 'All')} ${STATUSES.map((s) => statusLink(s, s))}</p>
    <p class="meta" role="status">${matching.length} of ${view.story.claims.length} claims${filters.status ? ` ${filters.status}` : ''}${filters.outlet ? html` carried by <strong>${filters.outlet}</strong>` : ''}${pages > 1 ? `, ${CLAIMS_PER_PAGE} a page` : ''}. Open a claim to read each outlet's own words.</p>
    <ol class="claims">${shown.map((claim) => claimItem(view, claim))}</ol>
    ${pager(`/stories/${view.story.id}`, page, pages, keep, '#claims')}`;
}

function claimItem(view: StoryView, claim: ExportClaim): Fragment {
  const outlets = new Set(claim.evidence.map((span) => view.outletOfSpan(span)));
  const perArticle = claim.evidence.filter((span, i) => claim.evidence.findIndex((x) => x.articleId === span.articleId) === i);
  return html`<li id="${claim.id}"><details><summary><span class="badge ${claim.status}">${claim.status}</span> ${claim.text}
      <small>· ${outlets.size} ${outlets.size === 1 ? 'outlet' : 'outlets'}, ${claim.independentSources} independent${claim.attributedTo ? html` · attributed to ${claim.attributedTo}` : ''}</small></summary>
    <ul class="evidence">${perArticle.map((span) => html`<li>${view.cite(span)} <q>${span.text}</q></li>`)}</ul></details></li>`;
}

function coveragePage(story: ExportStoryPlus, members: ExportArticle[], filters: ClaimFilters): Fragment {
  const view = new StoryView(story, members);
  const matching = view.filtered(filters);
  const pages = Math.max(1, Math.ceil(matching.length / GRID_ROWS_PER_PAGE));
  const page = Math.min(filters.page, pages);
  const rows = matching.slice((page - 1) * GRID_ROWS_PER_PAGE, page * GRID_ROWS_PER_PAGE);
  const keep = { ...(filters.status ? { status: filters.status } : {}), ...(filters.outlet ? { outlet: filters.outlet } : {}) };
  return html`<h1>Coverage: <a href="/stories/${story.id}">${story.title}</a></h1>
    <p>Which outlet carries which claim: corroborated claims first, then disputed, then claims only one source makes. An empty cell is a claim that outlet leaves out.</p>
    ${filterForm(view, filters, '')}
    <div class="scroll" role="region" aria-label="Coverage grid, scrolls sideways" tabindex="0">
      <table class="grid">
        <caption>${matching.length} claims × ${view.outlets.length} outlets${pages > 1 ? `, page ${page} of ${pages}` : ''}</caption>
        <thead><tr><th scope="col">Claim</th>${view.outlets.map((o) => html`<th scope="col">${o} <small>(${view.claimsOf.get(o)?.size ?? 0})</small></th>`)}</tr></thead>
        <tbody>${rows.map((claim) => {
          const first = new Map<string, ExportSpan>();
          for (const span of claim.evidence) if (!first.has(view.outletOfSpan(span))) first.set(view.outletOfSpan(span), span);
          return html`<tr><th scope="row"><span class="badge ${claim.status}">${claim.status}</span> <a href="/stories/${story.id}#${claim.id}">${claim.text}</a></th>${view.outlets.map((o) => {
            const span = first.get(o);
            return span ? html`<td class="has">${view.cite(span, true)}</td>` : html`<td><span class="vh">not in ${o}</span></td>`;
          })}</tr>`;
        })}</tbody>
      </table>
    </div>
    ${pager(`/stories/${story.id}/coverage`, page, pages, keep)}`;
}

function addPage(needsToken: boolean, error: string | null, values: Record<string, string | undefined>): Fragment {
  return html`<h1>Add articles</h1>
    <p>Paste an article as a crawler would save it (the headline on the first line, then the body), give the address of a page to fetch, or choose files (text, HTML pages, RSS, Atom or JSON feeds). Each article joins the story it belongs to.</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <form class="add" method="post" action="/add" enctype="multipart/form-data">
      <fieldset><legend>Paste the text</legend>
        <label for="text">Article text</label>
        <textarea id="text" name="text" rows="12">${values.text ?? ''}</textarea>
        <label for="source">Outlet</label> <input id="source" name="source" value="${values.source ?? ''}" />
        <label for="url">Original URL</label> <input id="url" name="url" type="url" value="${values.url ?? ''}" />
        <label for="publishedAt">Published (date or date and time)</label> <input id="publishedAt" name="publishedAt" value="${values.publishedAt ?? ''}" placeholder="2026-03-13" />
      </fieldset>
      <fieldset><legend>Or fetch a page</legend>
        <label for="page">Page URL</label> <input id="page" name="page" type="url" value="${values.page ?? ''}" placeholder="https://" />
      </fieldset>
      <fieldset><legend>Or upload files</legend>
        <label for="files">Files</label> <input id="files" name="files" type="file" multiple accept=".txt,.html,.htm,.xml,.rss,.atom,.json,text/plain,text/html,application/xml" />
      </fieldset>
      ${needsToken ? html`<label for="token">Write token</label> <input id="token" name="token" type="password" autocomplete="current-password" required />` : ''}
      <button type="submit">Add</button>
    </form>`;
}

/** What a form post with several inputs (files, a feed) did, input by input. */
function addedPage(outcomes: FileOutcome[]): Fragment {
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return html`<h1>Added ${count('added')} of ${outcomes.length}</h1>
    <p class="meta" role="status">${count('added')} added, ${count('unchanged')} already stored, ${count('failed')} failed.</p>
    <ul class="results">${outcomes.map((o) =>
      o.status === 'failed'
        ? html`<li><strong>${o.input}</strong>: <span class="error">failed: ${o.error.code}: ${o.error.message}</span></li>`
        : html`<li><strong>${o.input}</strong>: ${o.status === 'added' ? 'added' : 'already stored'} · <a href="/articles/${o.id}">the article</a>${o.storyId ? html` · <a href="/stories/${o.storyId}">its story</a>` : ''}</li>`,
    )}</ul>
    <p><a href="/add">Add more</a></p>`;
}

function queuedPage(jobId: string, inputs: number): Fragment {
  return html`<h1>Queued</h1>
    <p class="meta" role="status">${inputs} ${inputs === 1 ? 'input was' : 'inputs were'} queued for the workers, which store and group them, then analyse their stories.</p>
    <p>Job <code>${jobId}</code>: <a href="/api/jobs/${jobId}">its state and results</a> (JSON).</p>
    <p><a href="/add">Add more</a></p>`;
}

/** Delete form under an article: a POST (never a link), with the token when the server has one. */
function deleteForm(articleId: string, needsToken: boolean): Fragment {
  return html`<section aria-labelledby="delete"><h2 id="delete">Delete this article</h2>
    <p>Removes it from the store; its story is analysed again without it and the removal enters the story's change log.</p>
    <form class="delete" method="post" action="/articles/${articleId}/delete">
      ${needsToken ? html`<label for="delete-token">Write token</label> <input id="delete-token" name="token" type="password" autocomplete="current-password" required />` : ''}
      <button type="submit">Delete the article</button>
    </form></section>`;
}

function articlePage(article: ExportArticle, storyId: string, storyTitle: string, cited: { start: number; end: number } | null, highlighted: string | null): Fragment {
  let body: Fragment = html`${article.text}`;
  if (cited) body = html`${article.text.slice(0, cited.start)}<mark id="cited">${article.text.slice(cited.start, cited.end)}</mark>${article.text.slice(cited.end)}`;
  // A text that itself holds the mark characters is shown unmarked rather than marked wrongly.
  else if (highlighted && highlighted !== article.text && !/[\u0002\u0003]/.test(article.text)) {
    const parts = highlighted.split(new RegExp(`[${MARK_START}${MARK_END}]`));
    body = html`${parts.map((part, i) => (i % 2 ? html`<mark ${i === 1 ? html`id="match"` : ''}>${part}</mark>` : html`${part}`))}`;
  }
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return html`<article>
      <h1>${article.title ?? '(no headline)'}</h1>
      <p class="meta">${outletOf(article)} · ${dateLabel(article.publishedAt, article.publishedAtBasis)}${rangeLabel(article)}${safeUrl ? html` · <a href="${safeUrl}" rel="noopener noreferrer">original</a>` : ''} · story: <a href="/stories/${storyId}">${storyTitle}</a></p>
      ${article.warnings.length ? html`<section aria-labelledby="warnings"><h2 id="warnings">Warnings</h2><ul>${article.warnings.map((w) => html`<li><code>${w.code}</code> ${w.message}</li>`)}</ul></section>` : ''}
      <div class="text">${body}</div>
    </article>
    <section aria-labelledby="removed"><h2 id="removed">Removed as page boilerplate (${article.removed.length})</h2>
      <ul>${article.removed.map((r) => html`<li><q>${r.text.trim() === '' ? '(blank lines)' : r.text}</q> — ${r.reason}</li>`)}</ul>
    </section>`;
}
