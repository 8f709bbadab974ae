import { articlesStage, briefStage, claimsStage, entityMergeStage, eventStage, utterancesStage, selectStage, sourcesStage, timelineStage, titleStage } from './stages.js';
import { DEFAULT_LIMITS } from './select.js';
import { buildStoryPipeline, type StoryInput, type StoryLimits } from './stage.js';
import { ANALYSIS_VERSION, type StoryAnalysis } from './types.js';

/**
 * The story-level stages, in order (after the per-document stages and grouping): which members
 * to read, the entity merge, quotes grouped by utterance, claims and conflicts, the brief, the
 * story's event, the timeline (its main event on the event's date), title and independent sources, each article's provenance. `buildStoryPipeline` checks the order at start-up.
 */
const runStages = buildStoryPipeline(
  [selectStage, entityMergeStage, utterancesStage, claimsStage, briefStage, eventStage, timelineStage, titleStage, sourcesStage, articlesStage],
  ['title', 'independentSourceCount', 'sourceWarnings', 'brief', 'entities', 'quotes', 'timeline', 'claims', 'conflicts', 'event', 'warnings', 'articles'],
);

/** The analysis of one version of a story: pure, plain JSON out (nothing references a `Doc`). */
export function analyzeStory(input: StoryInput, limits: StoryLimits = DEFAULT_LIMITS): StoryAnalysis {
  const out = runStages({ ...input, limits });
  return {
    storyId: input.storyId,
    version: input.version,
    analysisVersion: ANALYSIS_VERSION,
    articleIds: input.members.map((d) => d.id),
    title: out.title,
    independentSourceCount: out.independentSourceCount,
    brief: out.brief,
    entities: out.entities,
    quotes: out.quotes,
    timeline: out.timeline,
    claims: out.claims,
    conflicts: out.conflicts,
    event: out.event,
    warnings: [...out.warnings, ...out.sourceWarnings],
    articles: out.articles,
  };
}

export { isCurrent } from './types.js';
