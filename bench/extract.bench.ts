import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../src/ingest/html/dom.js';
import { extractArticle, readabilityText } from '../src/ingest/html/extract.js';
import { readMetadata } from '../src/ingest/html/metadata.js';
import { round, SHARED_DATA } from './args.js';
import { corpusScore, pageScore, sameTokens } from './shingle-metric.js';

/**
 * Article-body extraction on pages with gold bodies (`pages/<id>.html` + `ground-truth.json`
 * `{id: {articleBody}}`), scored with the Zyte benchmark's shingle metric. Ours (metadata +
 * prune + Readability container + block rules, the same code `docFromHtml` runs) beside plain
 * Readability.js on linkedom (its `textContent`), both parsed and timed in the same run.
 */
type Extractor = (html: string) => string;

const ours: Extractor = (html) => {
  const document = parseHtmlDocument(html);
  const meta = readMetadata(document);
  return extractArticle(document, { title: meta.title, url: meta.url }).blocks.map((b) => b.text).join('\n\n');
};
const readabilityBaseline: Extractor = (html) => readabilityText(parseHtmlDocument(html));

function run(pages: Array<{ id: string; html: string; gold: string }>, extract: Extractor) {
  // Warm-up over every page, not timed: both systems run with warm JIT and module state, so the
  // one measured second does not gain from the first one's warm-up.
  for (const page of pages) {
    try {
      extract(page.html);
    } catch {
      // scored below
    }
  }
  // CPU time (user + system) per page, not wall time: the machine is shared, and wall time
  // measures the neighbours' load as much as the extractor.
  const times: number[] = [];
  const output: Record<string, string> = {};
  const wallStarted = performance.now();
  for (const page of pages) {
    const started = process.cpuUsage();
    let text = '';
    try {
      text = extract(page.html);
    } catch {
      text = '';
    }
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
    output[page.id] = text;
  }
  const wall = performance.now() - wallStarted;
  const scores = pages.map((p) => pageScore(p.gold, output[p.id]!));
  const exact = pages.map((p) => sameTokens(p.gold, output[p.id]!));
  const quality = corpusScore(scores, exact);
  const total = times.reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    figures: {
      f1: round(quality.f1), precision: round(quality.precision), recall: round(quality.recall), accuracy: round(quality.accuracy),
      pagesPerCpuSecond: round((pages.length / total) * 1000, 1), cpuMsPerPage: round(total / pages.length, 1), p95CpuMs: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0, 1),
      wallPagesPerSecond: round((pages.length / wall) * 1000, 1),
    },
    output,
  };
}

export function runExtractBench(data: string | undefined, predictions: string | undefined) {
  const dir = data ?? join(SHARED_DATA, 'zyte-article-extraction');
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  const files = new Set(readdirSync(join(dir, 'pages')));
  const pages = Object.keys(gold)
    .filter((id) => files.has(`${id}.html`))
    .map((id) => ({ id, html: readFileSync(join(dir, 'pages', `${id}.html`), 'utf8'), gold: gold[id]!.articleBody ?? '' }));
  const readability = run(pages, readabilityBaseline);
  const mine = run(pages, ours);
  if (predictions) writeFileSync(predictions, JSON.stringify(mine.output, null, 1));
  return {
    data: dir,
    pages: pages.length,
    note: 'the block rules and prune patterns were developed on the 88-page dev half in ../shared/data; figures on it are not held-out',
    ours: mine.figures,
    readabilityLinkedom: readability.figures,
    ...(predictions ? { predictions } : {}),
  };
}
