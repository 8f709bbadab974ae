import { findEntities } from '../analyze/entities/extract.js';
import { entityAt, resolveName } from '../analyze/entities/link.js';
import { mergeEntities } from '../analyze/entities/merge.js';
import { storyQuotes } from '../analyze/quotes/story-quotes.js';
import { buildBrief } from '../brief/brief.js';
import { storyTitle } from '../brief/title.js';
import { corroborateStory, type StoryClaims } from '../corroborate/claims/claims.js';
import { attributionOf, independenceWarnings, independentSourceCount } from '../corroborate/independence.js';
import { inferStoryDates } from '../analyze/time/story-dates.js';
import { buildTimeline } from '../corroborate/timeline.js';
import { storyEventView } from '../cluster/signature.js';
import type { ExportClaim, ExportConflict, ExportEntity, ExportQuote, ExportWarning } from '../export/types.js';
import { selectMembers } from './select.js';
import { storyStage } from './stage.js';
import { spanOf } from './span-of.js';

export { spanOf };

/** Which members are analysed, and how much of each; a story over the caps says so. */
export const selectStage = storyStage('select', ['members', 'copies', 'limits'], ['selection', 'warnings'], ({ members, copies, limits }) => {
  const selection = selectMembers(members, copies, limits);
  const warnings: ExportWarning[] = [];
  if (selection.leftOut > 0 || selection.cutShort > 0) {
    const parts = [
      ...(selection.leftOut > 0
        ? [`only the ${selection.analysed.length} most central of ${members.length} articles were analysed (originals before copies); the other ${selection.leftOut} count toward the title and the independent sources only`]
        : []),
      ...(selection.cutShort > 0 ? [`claims were read from the first ${selection.leadSentences} sentences of ${selection.cutShort} longer article(s)`] : []),
    ];
    warnings.push({ code: 'story-truncated', message: `${parts.join('; ')}.` });
  }
  return { selection, warnings };
});

/**
 * The story's entities merged across its articles. Articles stored before the entities stage
 * existed have no `entities` layer; theirs are found now from the stored tokens.
 */
export const entityMergeStage = storyStage('entity-merge', ['selection'], ['entities'], ({ selection }) => {
  const withLayer = selection.analysed.map((d) => (d.layers.entities ? d : { ...d, layers: { ...d.layers, entities: findEntities(d) } }));
  const byId = new Map(withLayer.map((d) => [d.id, d]));
  const entities: ExportEntity[] = mergeEntities(withLayer).map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    descriptions: e.descriptions,
    mentions: e.mentions.map((m) => spanOf(byId.get(m.docId)!, m)),
  }));
  return { entities };
});

/**
 * One entry per utterance in the story; each printing is a mention spanning the quoted words.
 * The speaker is the entity whose mention covers the speaker's words in some printing; failing
 * that, the entity the speaker's name resolves to unambiguously; else null (never a guess).
 */
export const utterancesStage = storyStage('utterances', ['selection', 'entities'], ['quotes'], ({ selection, entities }) => {
  const quotes: ExportQuote[] = storyQuotes(selection.analysed).map((q) => {
    const covering = q.speakerMentions.map((s) => entityAt(entities, s.doc.id, s.span.start, s.span.end)).find((e) => e?.type === 'person' || e?.type === 'organization');
    const speakerId = covering?.id ?? (q.speakerName ? resolveName(entities, q.speakerName) : null);
    const speaker = entities.find((e) => e.id === speakerId);
    return { id: q.id, text: q.text, speakerId, speakerName: speaker?.name ?? q.speakerName, mentions: q.mentions.map((m) => spanOf(m.doc, m.quote)) };
  });
  return { quotes };
});

/** Statements of the analysed articles' leads, aligned into claims, and the conflicts among them. */
export const claimsStage = storyStage('claims', ['selection', 'copies', 'entities'], ['corroboration', 'claims', 'conflicts'], ({ selection, copies, entities }) => {
  const corroboration = corroborateStory(selection.leads, copies, entities);
  return { corroboration, ...exportClaims(corroboration) };
});

export const briefStage = storyStage('brief', ['corroboration'], ['brief'], ({ corroboration }) => ({
  brief: buildBrief(corroboration).map((s) => ({ text: s.text, citations: s.citations.map((c) => spanOf(c.unit.doc, c.span)) })),
}));

/** The story's dated happenings; the story's event date decides the main event between equals. */
export const timelineStage = storyStage('timeline', ['selection', 'event'], ['timeline'], ({ selection, event }) => ({
  timeline: buildTimeline(selection.analysed, event?.when).map((e) => ({ ...e, evidence: e.evidence.map((x) => spanOf(x.doc, x.span)) })),
}));

/** Title and source count read every member: both are cheap (headlines; outlets). */
export const titleStage = storyStage('title', ['members'], ['title'], ({ members }) => ({ title: storyTitle(members) }));

export const sourcesStage = storyStage('sources', ['members', 'copies'], ['independentSourceCount', 'sourceWarnings'], ({ members, copies }) => ({
  independentSourceCount: independentSourceCount(members, copies),
  sourceWarnings: independenceWarnings(members, copies),
}));

/** What the members' leads report, read from each member's stored event signature (cheap: leads only). */
export const eventStage = storyStage('event', ['members'], ['event'], ({ members }) => {
  const { evidence, ...event } = storyEventView(members);
  return { event: { ...event, evidence: evidence.map((e) => spanOf(e.doc, e.span)) } };
});

/** Each member's outlet, byline and wire (from its text when no metadata gives them), and the publication range the story's dated articles give an undated one. */
export const articlesStage = storyStage('articles', ['members'], ['articles'], ({ members }) => {
  const ranges = new Map(inferStoryDates(members).map((r) => [r.articleId, r]));
  return {
    articles: members.map((doc) => {
      const said = attributionOf(doc);
      const range = ranges.get(doc.id);
      return {
        id: doc.id,
        source: said.source,
        byline: said.byline,
        bylineBasis: said.bylineBasis,
        wire: said.wire && { name: said.wire.name, evidence: said.wire.evidence.map((span) => spanOf(doc, span)) },
        ...(range ? { publishedAtRange: { start: range.start, end: range.end, basis: 'inferred' as const, reason: range.reason, evidence: range.evidence.map((e) => spanOf(e.doc, e.span)) } } : {}),
      };
    }),
  };
});

function exportClaims(story: StoryClaims): { claims: ExportClaim[]; conflicts: ExportConflict[] } {
  return {
    claims: story.claims.map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      independentSources: c.independentSources,
      attributedTo: c.attributedTo,
      evidence: c.units.map((u, i) => spanOf(u.doc, c.spans[i]!)),
    })),
    conflicts: story.conflicts.map((c) => ({
      subject: c.subject,
      positions: c.positions.map((p) => {
        // Each statement cited by the words that give its value; a statement giving it twice in those words, once.
        const cited = new Map(p.refs.map((r) => [`${story.units[r.unit]!.doc.id}:${r.cite.start}:${r.cite.end}`, spanOf(story.units[r.unit]!.doc, r.cite)]));
        return { value: p.value, evidence: [...cited.values()] };
      }),
    })),
  };
}
