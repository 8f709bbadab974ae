import { z } from 'zod';
import { SidecarSchema } from '../ingest/sidecar.js';

/**
 * The API's request and response shapes. The same schemas validate requests and generate the
 * OpenAPI document, so the two cannot drift apart.
 */
export const ArticleInputSchema = SidecarSchema.extend({
  text: z
    .string({ error: (issue) => (issue.input === undefined ? 'text is required (the article: headline line, then body)' : 'text must be a string') })
    .min(1, 'text must not be empty').describe('the article as a crawler saved it: headline line, then body'),
}).meta({ id: 'ArticleInput' });

const ArticleListSchema = z.object({ articles: z.array(ArticleInputSchema).min(1, 'articles must hold at least one article').max(500, 'at most 500 articles per request') });

export const ArticlesBodySchema = z
  .union([ArticleInputSchema, ArticleListSchema])
  .meta({ id: 'ArticlesBody' });

/**
 * Parses a POST body with the branch of the union it means: `{articles: […]}` or one article.
 * (The union's own error says only "Invalid input", naming no field.)
 */
export function parseArticlesBody(json: unknown) {
  const many = typeof json === 'object' && json !== null && !Array.isArray(json) && 'articles' in json;
  return many ? ArticleListSchema.safeParse(json) : ArticleInputSchema.safeParse(json);
}

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const SearchQuerySchema = z.object({
  q: z.string({ error: 'q is required: the words to search for' }).trim().min(1, 'q is required: the words to search for').max(500),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// 24 hex digits; 12 in stores made before ids grew.
export const IdParamSchema = z.object({ id: z.string().regex(/^[as]-(?:[0-9a-f]{12}){1,2}$/, 'not an article or story id') });

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error' });

export const IngestResultSchema = z
  .object({
    added: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.object({
        status: z.enum(['added', 'unchanged', 'failed']),
        id: z.string().optional(),
        storyId: z.string().nullable().optional(),
        warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .meta({ id: 'IngestResult' });

export const StoryListSchema = z
  .object({
    stories: z.array(
      z.object({
        id: z.string(),
        articleCount: z.number().int(),
        updatedAt: z.string().describe('when the story last changed in this store (an article joined, stories merged)'),
        title: z.string().nullable().describe("the stored analysis's title (possibly of an earlier version); before the story's first analysis, its first article's headline"),
        outlets: z.array(z.string()).describe('outlet names (else domains), most articles first'),
        firstPublishedAt: z.string().nullable(),
        lastPublishedAt: z.string().nullable().describe('publication date of the latest article: the list is sorted by it'),
        datesInferred: z.boolean().describe("whether any member's date was inferred rather than stated"),
        digest: z
          .object({ independentSources: z.number().int(), claims: z.number().int(), corroborated: z.number().int(), disputed: z.number().int(), conflicts: z.number().int() })
          .nullable()
          .describe("figures of the story's stored analysis; null when the story (or the analysis code) changed since, or it was never analysed"),
      }),
    ),
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'StoryList' });

export const SearchResultSchema = z
  .object({
    hits: z.array(
      z.object({
        articleId: z.string(),
        title: z.string().nullable(),
        snippet: z.string().describe('the matched words between « and »'),
        storyId: z.string().nullable(),
        storyTitle: z.string().nullable(),
        source: z.object({ name: z.string().nullable(), domain: z.string().nullable() }),
        publishedAt: z.string().nullable(),
        publishedAtBasis: z.enum(['metadata', 'feed', 'dateline', 'inferred', 'unknown']),
      }),
    ),
  })
  .meta({ id: 'SearchResult' });

export const DeletedSchema = z
  .object({
    deleted: z.string().describe('the deleted article'),
    storyId: z.string().describe('the story it left'),
    storyDeleted: z.boolean().describe("true when it was the story's last article"),
  })
  .meta({ id: 'Deleted' });

export const ChangesSchema = z
  .object({
    storyId: z.string(),
    version: z.number().int().nullable(),
    changes: z.array(
      z.object({
        version: z.number().int(),
        at: z.string(),
        kind: z.string().describe('created, article-added, article-removed, fact-corroborated, fact-disputed, conflict-added, merged, corrected'),
        detail: z.string().optional(),
        articleIds: z.array(z.string()).optional(),
        storyIds: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({ id: 'Changes' });

export const JobIdParamSchema = z.object({ id: z.uuid('not a job id') });

export const JobAcceptedSchema = z
  .object({ jobId: z.uuid(), state: z.literal('created'), location: z.string().describe('where the job is followed: GET /api/jobs/{id}') })
  .meta({ id: 'JobAccepted' });

export const JobStatusSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']).describe('created: waiting for a worker; retry: an attempt failed (e.g. its worker died) and it waits for another; failed: every attempt failed'),
    retries: z.number().int().describe('attempts that ended without completing the job'),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
    articles: z
      .array(
        z.object({
          input: z.string(),
          status: z.enum(['added', 'unchanged']).describe('unchanged: the same content was already stored (by an earlier job or an earlier attempt of this one)'),
          id: z.string().optional(),
          storyId: z.string().nullable().optional(),
          warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
        }),
      )
      .describe('the stored articles, once the job is completed'),
    stories: z.array(z.string()).describe('the stories those articles are in; their analysis is a job of its own, served when done'),
    errors: z.array(z.object({ input: z.string().nullable(), code: z.string(), message: z.string() })).describe("inputs that failed (the others went in), or why the job's last attempt failed"),
  })
  .meta({ id: 'JobStatus' });
