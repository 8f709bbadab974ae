import type { ExportClaim, ExportSpan, StoryChange } from '../export/types.js';
import type { StoryAnalysis } from './types.js';

/**
 * Entries of one kind logged per version at most: a new article can corroborate dozens of facts;
 * a follower reads the first ones and the count, and the story page has the rest.
 */
export const MAX_CHANGES_PER_KIND = 20;

const spanKey = (span: ExportSpan) => `${span.articleId}:${span.start}:${span.end}`;
const outletsOf = (analysis: StoryAnalysis, ids: string[]) => {
  const names = new Set(ids.map((id) => analysis.articles.find((a) => a.id === id)?.source ?? null).map((s) => s?.name ?? s?.domain ?? null).filter((n): n is string => n !== null));
  return names.size ? ` (${[...names].join(', ')})` : '';
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What a new analysis of a story brings over the previous one (null: the story's first). A claim
 * is the same claim across versions when the two share an evidence span (the same words of the
 * same article): claim ids and representative wording can change as articles join, the words
 * they rest on do not. `merged` names stories folded in since the previous analysis.
 */
export function storyChanges(before: StoryAnalysis | null, after: StoryAnalysis, merged: string[], at: string): StoryChange[] {
  const version = after.version;
  const entry = (kind: StoryChange['kind'], detail: string, extra: Pick<StoryChange, 'articleIds' | 'storyIds'> = {}): StoryChange => ({ version, at, kind, detail, ...extra });
  const out: StoryChange[] = [];
  if (!before) out.push(entry('created', `first analysed with ${plural(after.articleIds.length, 'article')}${outletsOf(after, after.articleIds)}`, { articleIds: after.articleIds }));
  if (merged.length) out.push(entry('merged', `${merged.length === 1 ? 'another story was' : `${merged.length} stories were`} folded into this one`, { storyIds: merged }));
  if (!before) return out;
  const had = new Set(before.articleIds);
  const has = new Set(after.articleIds);
  const added = after.articleIds.filter((id) => !had.has(id));
  const removed = before.articleIds.filter((id) => !has.has(id));
  if (added.length) out.push(entry('article-added', `${plural(added.length, 'article')} added${outletsOf(after, added)}`, { articleIds: added }));
  if (removed.length) out.push(entry('article-removed', `${plural(removed.length, 'article')} removed${outletsOf(before, removed)}`, { articleIds: removed }));

  const statusBefore = claimStatuses(before.claims);
  const wasStatus = (claim: ExportClaim, status: ExportClaim['status']) => claim.evidence.some((span) => statusBefore.get(spanKey(span))?.has(status));
  const articlesOf = (claim: ExportClaim) => [...new Set(claim.evidence.map((s) => s.articleId))];
  for (const status of ['corroborated', 'disputed'] as const) {
    const fresh = after.claims.filter((c) => c.status === status && !wasStatus(c, status));
    out.push(...capped(fresh.map((c) => entry(status === 'corroborated' ? 'fact-corroborated' : 'fact-disputed', c.text, { articleIds: articlesOf(c) })), `facts newly ${status}`, version, at));
  }
  // A fact that was corroborated or disputed and no longer is: an article went, or an outlet's wording was read anew.
  const statusAfter = claimStatuses(after.claims);
  const lost = before.claims.filter(
    (c) => c.status !== 'single-source' && !c.evidence.some((span) => statusAfter.get(spanKey(span))?.has(c.status)),
  );
  out.push(...capped(lost.map((c) => entry('corrected', `no longer ${c.status}: ${c.text}`, { articleIds: articlesOf(c) })), 'facts no longer corroborated or disputed', version, at));

  const subjects = new Set(before.conflicts.map((c) => c.subject.toLowerCase()));
  const conflicts = after.conflicts.filter((c) => !subjects.has(c.subject.toLowerCase()));
  out.push(
    ...capped(
      conflicts.map((c) => entry('conflict-added', `${c.subject}: ${c.positions.map((p) => p.value).join(' / ')}`, { articleIds: [...new Set(c.positions.flatMap((p) => p.evidence.map((s) => s.articleId)))] })),
      'new conflicts',
      version,
      at,
    ),
  );
  return out;
}

/** Evidence span → the statuses of the claims resting on it. */
function claimStatuses(claims: ExportClaim[]): Map<string, Set<ExportClaim['status']>> {
  const out = new Map<string, Set<ExportClaim['status']>>();
  for (const claim of claims)
    for (const span of claim.evidence) {
      const key = spanKey(span);
      if (!out.has(key)) out.set(key, new Set());
      out.get(key)!.add(claim.status);
    }
  return out;
}

/** The first MAX_CHANGES_PER_KIND entries, and one more saying how many were left out. */
function capped(entries: StoryChange[], what: string, version: number, at: string): StoryChange[] {
  if (entries.length <= MAX_CHANGES_PER_KIND) return entries;
  const kind = entries[0]!.kind;
  return [...entries.slice(0, MAX_CHANGES_PER_KIND), { version, at, kind, detail: `and ${entries.length - MAX_CHANGES_PER_KIND} more ${what}: see the story` }];
}
