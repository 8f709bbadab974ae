import { articleFeatures, type ArticleFeatures } from '../cluster/features.js';
import { articleVector, cosine, type TermVector } from '../cluster/stories.js';
import type { CopyLink } from '../cluster/copies.js';
import type { Doc } from '../doc/types.js';
import type { Selection, StoryLimits } from './stage.js';

/**
 * Members analysed in full (entities, quotes, claims, timeline). Past it, the story's
 * analysis reads the most central originals only, so a story of thousands of articles costs
 * no more than one of this size (`npm run bench -- story` measures time and memory).
 */
export const MAX_ANALYSED_ARTICLES = 200;

/**
 * Sentences (outside sub-headings) the claims stage reads over a whole story, shared out as
 * each article's lead: news puts what matters first. 4,000 keeps every sentence of stories of
 * up to ~60 ordinary articles (ECB+'s longest has 66 sentences) and gives each of 200 articles
 * its first 20, the floor below.
 */
export const SENTENCE_BUDGET = 4000;

/**
 * The shortest lead an article gets however large its story. `npm run bench -- story` measures
 * what a lead of N sentences loses on the ECB+ fact gold: at 20, 91% (tuned) / 97% (held-out) of
 * gold pairs stay inside the leads.
 */
export const MIN_LEAD_SENTENCES = 20;

export const DEFAULT_LIMITS: StoryLimits = { maxArticles: MAX_ANALYSED_ARTICLES, sentenceBudget: SENTENCE_BUDGET, minLeadSentences: MIN_LEAD_SENTENCES };

/**
 * The members a story's analysis reads. Within the caps, all of them; past `maxArticles`,
 * originals before copies (a copy adds no source and no wording), then the most central (cosine
 * of the article's TF-IDF vector to the story's centroid: the articles most about the story).
 * Every analysed article gives the claims stage its lead: its share of the sentence budget,
 * at least `minLeadSentences`.
 */
export function selectMembers(members: Doc[], copies: Map<string, CopyLink>, { maxArticles, sentenceBudget, minLeadSentences }: StoryLimits = DEFAULT_LIMITS): Selection {
  let analysed = members;
  if (members.length > maxArticles) {
    const centrality = centralities(members);
    const ranked = members
      .map((doc, i) => ({ doc, i, copy: copies.has(doc.id) ? 1 : 0, central: centrality[i]! }))
      .sort((a, b) => a.copy - b.copy || b.central - a.central || a.i - b.i)
      .slice(0, maxArticles);
    const chosen = new Set(ranked.map((r) => r.doc.id));
    analysed = members.filter((d) => chosen.has(d.id));
  }
  const leadSentences = Math.max(minLeadSentences, Math.floor(sentenceBudget / Math.max(1, analysed.length)));
  const leads = analysed.map((doc) => leadView(doc, leadSentences));
  return {
    analysed,
    leads,
    leadSentences,
    leftOut: members.length - analysed.length,
    cutShort: leads.filter((lead, i) => lead.layers.sentences.length < analysed[i]!.layers.sentences.length).length,
  };
}

/**
 * The document with its `sentences` layer cut after the first `n` sentences outside
 * sub-headings; text, offsets and every other layer unchanged, so spans stay valid.
 */
export function leadView(doc: Doc, n: number): Doc {
  const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading');
  let body = 0;
  let end = 0;
  for (const sentence of doc.layers.sentences) {
    const inHeading = headings.some((h) => sentence.start >= h.start && sentence.end <= h.end);
    if (!inHeading && ++body > n) break;
    end++;
  }
  if (end === doc.layers.sentences.length) return doc;
  return { ...doc, layers: { ...doc.layers, sentences: doc.layers.sentences.slice(0, end) } };
}

/** Each member's cosine to the story centroid, with document frequencies counted within the story. */
function centralities(members: Doc[]): number[] {
  const features: ArticleFeatures[] = members.map((d) => articleFeatures(d));
  const df = new Map<string, number>();
  for (const f of features) {
    for (const key of f.terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    for (const key of f.entities.keys()) df.set(`e:${key}`, (df.get(`e:${key}`) ?? 0) + 1);
  }
  const vectors = features.map((f) => articleVector(f, { docs: members.length - 1, df }));
  const centroid: TermVector = new Map();
  for (const v of vectors) for (const [k, w] of v) centroid.set(k, (centroid.get(k) ?? 0) + w);
  return vectors.map((v) => cosine(v, centroid));
}
