import type { CopyLink } from '../cluster/copies.js';
import { independentSourceCount } from '../corroborate/independence.js';
import { storyTitle } from '../brief/title.js';
import { buildTimeline } from '../corroborate/timeline.js';
import { corroborateStory, type StoryClaims } from '../corroborate/claims/claims.js';
import { buildBrief } from '../brief/brief.js';
import { storyQuotes } from '../analyze/quotes/story-quotes.js';
import { entityAt, resolveName } from '../analyze/entities/link.js';
import { findEntities } from '../analyze/entities/extract.js';
import { mergeEntities } from '../analyze/entities/merge.js';
import { storyEventView } from '../cluster/signature.js';
import type { Doc, Span } from '../doc/types.js';
import type { StoredStory } from '../store/store.js';
import type { ExportArticle, ExportClaim, ExportConflict, ExportEntity, ExportEvent, ExportQuote, ExportSpan, ExportStory, StoryExport } from './types.js';

export const exportSpan = (doc: Doc, span: Span): ExportSpan => ({
  articleId: doc.id,
  start: span.start,
  end: span.end,
  text: doc.text.slice(span.start, span.end),
});

/**
 * The export of some stories and their articles. Pure: everything comes from the stored
 * documents and the copy links found at ingest, so the same store gives the same export.
 * A copy whose original is in another story counts as a source of its own story: there it is
 * the only instance of the text.
 */
export function buildExport(docs: Doc[], stories: StoredStory[], generatedAt: Date, copies: Map<string, CopyLink> = new Map()): StoryExport {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const exportStories: ExportStory[] = [];
  for (const story of stories) {
    const members = story.articleIds.map((id) => byId.get(id)).filter((d): d is Doc => d !== undefined);
    if (members.length === 0) continue;
    const inStory = new Set(story.articleIds);
    const storyCopies = new Map([...copies].filter(([id, link]) => inStory.has(id) && inStory.has(link.of)));
    const entities = storyEntities(members);
    const corroborated = corroborateStory(members, storyCopies, entities);
    exportStories.push({
      id: story.id,
      title: storyTitle(members),
      articleIds: members.map((d) => d.id),
      independentSourceCount: independentSourceCount(members, storyCopies),
      brief: buildBrief(corroborated).map((s) => ({ text: s.text, citations: s.citations.map((c) => exportSpan(c.unit.doc, c.span)) })),
      entities,
      quotes: exportQuotes(members, entities),
      timeline: buildTimeline(members).map((e) => ({ ...e, evidence: e.evidence.map((x) => exportSpan(x.doc, x.span)) })),
      ...exportClaims(corroborated),
      event: exportEvent(members),
      ...(story.redirects?.length ? { redirects: story.redirects } : {}),
    });
  }
  const inStories = new Set(exportStories.flatMap((s) => s.articleIds));
  const articles = docs.filter((d) => inStories.has(d.id)).map((d) => exportArticle(d, copies.get(d.id) ?? null));
  return { version: 1, generatedAt: generatedAt.toISOString(), articles, stories: exportStories };
}

/**
 * The story's entities merged across its articles. Articles stored before the entities stage
 * existed have no `entities` layer; theirs are found now from the stored tokens.
 */
function storyEntities(members: Doc[]): ExportEntity[] {
  const withLayer = members.map((d) => (d.layers.entities ? d : { ...d, layers: { ...d.layers, entities: findEntities(d) } }));
  const byId = new Map(withLayer.map((d) => [d.id, d]));
  return mergeEntities(withLayer).map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    descriptions: e.descriptions,
    mentions: e.mentions.map((m) => exportSpan(byId.get(m.docId)!, m)),
  }));
}

/**
 * One entry per utterance in the story; each printing is a mention spanning the quoted words.
 * The speaker is the entity whose mention covers the speaker's words in some printing; failing
 * that, the entity the speaker's name resolves to unambiguously; else null (never a guess).
 */
function exportQuotes(members: Doc[], entities: ExportEntity[]): ExportQuote[] {
  return storyQuotes(members).map((q) => {
    const covering = q.speakerMentions.map((s) => entityAt(entities, s.doc.id, s.span.start, s.span.end)).find((e) => e?.type === 'person' || e?.type === 'organization');
    const speakerId = covering?.id ?? (q.speakerName ? resolveName(entities, q.speakerName) : null);
    const speaker = entities.find((e) => e.id === speakerId);
    return {
      id: q.id,
      text: q.text,
      speakerId,
      speakerName: speaker?.name ?? q.speakerName,
      mentions: q.mentions.map((m) => exportSpan(m.doc, m.quote)),
    };
  });
}

function exportEvent(members: Doc[]): ExportEvent {
  const { evidence, ...event } = storyEventView(members);
  return { ...event, evidence: evidence.map((e) => ({ articleId: e.doc.id, start: e.span.start, end: e.span.end, text: e.doc.text.slice(e.span.start, e.span.end) })) };
}

function exportClaims(story: StoryClaims): { claims: ExportClaim[]; conflicts: ExportConflict[] } {
  return {
    claims: story.claims.map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      independentSources: c.independentSources,
      attributedTo: c.attributedTo,
      evidence: c.units.map((u) => exportSpan(u.doc, u.span)),
    })),
    conflicts: story.conflicts.map((c) => ({
      subject: c.subject,
      positions: c.positions.map((p) => {
        const units = [...new Set(p.refs.map((r) => story.units[r.unit]!))];
        return { value: p.value, evidence: units.map((u) => exportSpan(u.doc, u.span)) };
      }),
    })),
  };
}

function exportArticle(doc: Doc, copy: { of: string; similarity: number } | null): ExportArticle {
  return {
    id: doc.id,
    input: doc.meta.input,
    source: doc.meta.source,
    url: doc.meta.url,
    title: doc.title,
    byline: doc.meta.byline,
    publishedAt: doc.meta.publishedAt,
    publishedAtBasis: doc.meta.publishedAtBasis,
    language: doc.meta.language,
    text: doc.text,
    removed: doc.removed.map((r) => ({ text: r.text, reason: r.reason })),
    duplicateOf: copy?.of ?? null,
    duplicateSimilarity: copy?.similarity ?? null,
    warnings: doc.messages
      .filter((m) => m.level === 'warning')
      .map((m) => ({ code: m.code, message: m.reason, ...(m.place ? { span: exportSpan(doc, m.place) } : {}) })),
  };
}
