import type { StoryInput } from '../story/stage.js';
import { fromRow, type ArticleRow } from '../store/rows.js';

/**
 * What the story stage is asked to analyse: the story's members as the store holds them (rows of
 * strings), not as parsed documents. A story's members go to an analysis thread, and a row of
 * strings is copied between threads for a fraction of what a parsed document's object tree costs
 * (and the main thread never parses the layers it does not read): together ~2 ms of the main
 * thread per article in an ingest profile. The thread parses them (`storyInputOf`).
 */
export interface StoryRequest extends Omit<StoryInput, 'members'> {
  /** Members in joining order, as stored. */
  memberRows: ArticleRow[];
}

/** The story stage's input from a request: the rows parsed into documents, as `Store.getArticles` would. */
export const storyInputOf = ({ memberRows, ...rest }: StoryRequest): StoryInput => ({ ...rest, members: memberRows.map(fromRow) });
