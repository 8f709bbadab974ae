import { basename } from 'node:path';
import type { ExportArticle, ExportSpan, StoryExport } from './types.js';

const sourceLabel = (a: ExportArticle) => a.source.name ?? a.source.domain ?? basename(a.input);

/**
 * An article's date as the reader must take it: a date the text only implies says so ("inferred"),
 * and a range worked out from the story's other articles gives its bounds and why.
 */
function publicationLabel(a: ExportArticle): string {
  const range = a.publishedAtRange;
  const fromStory = range && `inferred ${range.start === range.end ? range.start : `${range.start} – ${range.end}`} from the story: ${range.reason}`;
  if (a.publishedAt && a.publishedAtBasis !== 'inferred') return a.publishedAt;
  // A date inferred from the article's own text is its earliest possible day; the story may bound it above.
  if (a.publishedAt) return `${a.publishedAt}, inferred from the text${fromStory ? `; ${fromStory}` : ''}`;
  return fromStory ? `date unknown; ${fromStory}` : 'date unknown';
}

/**
 * A readable report of an export: per story its articles (copies marked), brief with numbered
 * citations, timeline, claims by status, conflicts side by side, then per-article warnings.
 * Sections the analysis has not filled are left out rather than shown empty.
 */
export function renderMarkdown(data: StoryExport): string {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const out: string[] = [];
  for (const story of data.stories) {
    const members = story.articleIds.map((id) => articles.get(id)).filter((a): a is ExportArticle => a !== undefined);
    const cite = citer(members);
    out.push(`# ${story.title}`, '');
    out.push(`${members.length} article(s), ${story.independentSourceCount} independent source(s). Story \`${story.id}\`.`, '');
    for (const w of story.warnings ?? []) out.push(`> \`${w.code}\`: ${w.message}`, '');
    out.push('## Articles', '');
    members.forEach((a, i) => {
      const copy = a.duplicateOf ? ` — copy of [${members.findIndex((m) => m.id === a.duplicateOf) + 1}] (similarity ${a.duplicateSimilarity})` : '';
      out.push(`${i + 1}. **${sourceLabel(a)}**: ${a.title ?? '(no headline)'} (${publicationLabel(a)})${copy} \`${a.id}\``);
    });
    out.push('');
    if (story.brief.length) {
      out.push('## Brief', '');
      for (const s of story.brief) out.push(`- ${s.text} ${cite(s.citations)}`);
      out.push('');
    }
    if (story.timeline.length) {
      out.push('## Timeline', '');
      const line = (t: (typeof story.timeline)[number]) => `- **${t.kind === 'scheduled' ? 'scheduled: ' : ''}${t.days ? `${t.days.join(' or ')} (reports differ)` : `${t.date}${t.end ? ` – ${t.end}` : ''}`}**${t.main ? ' (main event)' : ''}: ${t.description} ${cite(t.evidence)}`;
      for (const t of story.timeline.filter((e) => e.kind !== 'background')) out.push(line(t));
      const background = story.timeline.filter((e) => e.kind === 'background');
      if (background.length) out.push('', '### Background', '', ...background.map(line));
      out.push('');
    }
    if (story.claims.length) {
      out.push('## Claims', '');
      for (const status of ['corroborated', 'disputed', 'single-source'] as const) {
        const claims = story.claims.filter((c) => c.status === status);
        if (!claims.length) continue;
        out.push(`### ${status}`, '');
        for (const c of claims) out.push(`- ${c.text} (${c.independentSources} source(s)) ${cite(c.evidence)}`);
        out.push('');
      }
    }
    if (story.conflicts.length) {
      out.push('## Conflicts', '');
      for (const c of story.conflicts) {
        out.push(`### ${c.subject}`, '', '| value | sources |', '|---|---|');
        for (const p of c.positions) out.push(`| ${p.value.replace(/\|/g, '\\|')} | ${cite(p.evidence)} |`);
        out.push('');
      }
    }
    if (story.quotes.length) {
      out.push('## Quotes', '');
      for (const q of story.quotes) out.push(`- “${q.text}” — ${q.speakerName ?? 'speaker unknown'} ${cite(q.mentions)}`);
      out.push('');
    }
    if (story.entities.length) {
      out.push('## Who and where', '');
      for (const e of story.entities) out.push(`- **${e.name}** (${e.type})${e.aliases.length ? `: also ${e.aliases.join(', ')}` : ''}`);
      out.push('');
    }
    const warned = members.filter((a) => a.warnings.length);
    if (warned.length) {
      out.push('## Warnings', '');
      for (const a of warned) for (const w of a.warnings) out.push(`- [${members.indexOf(a) + 1}] \`${w.code}\`: ${w.message}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** `[n]` per citing article, n its number in the story's article list; one mark per article however many spans it gives. */
function citer(members: ExportArticle[]): (spans: ExportSpan[]) => string {
  return (spans) => [...new Set(spans.map((span) => members.findIndex((m) => m.id === span.articleId) + 1))].map((n) => `[${n}]`).join('');
}
