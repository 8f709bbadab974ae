import { z } from 'zod';
import { SidecarSchema } from '../ingest/sidecar.js';

/**
 * The API's request and response shapes. The same schemas validate requests and generate the
 * OpenAPI document, so the two cannot drift apart.
 */
export const ArticleInputSchema = SidecarSchema.extend({
  text: z.string().min(1, 'text must not be empty').describe('the article as a crawler saved it: headline line, then body'),
}).meta({ id: 'ArticleInput' });

export const ArticlesBodySchema = z
  .union([ArticleInputSchema, z.object({ articles: z.array(ArticleInputSchema).min(1).max(500) })])
  .meta({ id: 'ArticlesBody' });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q is required').max(500),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdParamSchema = z.object({ id: z.string().regex(/^[as]-[0-9a-f]{12}$/, 'not an article or story id') });

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
        title: z.string(),
        articleCount: z.number().int(),
        independentSourceCount: z.number().int(),
        updatedAt: z.string(),
      }),
    ),
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'StoryList' });

export const SearchResultSchema = z
  .object({ hits: z.array(z.object({ articleId: z.string(), title: z.string().nullable(), snippet: z.string(), storyId: z.string().nullable() })) })
  .meta({ id: 'SearchResult' });
