import { z } from 'zod';
import { ArticlesBodySchema, ChangesSchema, DeletedSchema, ErrorSchema, IdParamSchema, IngestResultSchema, JobAcceptedSchema, JobIdParamSchema, JobStatusSchema, PageQuerySchema, SearchQuerySchema, SearchResultSchema, StoryListSchema } from './schemas.js';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Each property of an object schema becomes one OpenAPI parameter. */
function parameters(schema: z.ZodObject, where: 'query' | 'path'): JsonSchema[] {
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema: schemaOf(schema) } } });
const error = (description: string) => json(ErrorSchema, description);
const exportContract = { description: 'the export contract (story-export.schema.json, version 1) for one story', content: { 'application/json': { schema: { $ref: 'https://corroborate.invalid/spec/story-export.schema.json' } } } };

/**
 * The OpenAPI 3.1 document, generated from the zod schemas that validate the requests. Any other
 * method on these paths is answered 405 with an `Allow` header.
 */
export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Corroborate API', version: '1', description: 'Articles in, cross-checked stories out. Writes need `Authorization: Bearer <token>` when the server has a token.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/api/articles': {
        post: {
          summary: 'Add articles: JSON (one or {articles: […]}), a text/plain article, an HTML page, or an RSS/Atom/JSON feed',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(ArticlesBodySchema, 'input') }, 'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } }, 'application/rss+xml': { schema: { type: 'string' } }, 'application/atom+xml': { schema: { type: 'string' } }, 'application/feed+json': { schema: { type: 'object' } } } },
          responses: { 202: json(JobAcceptedSchema, 'queued for a worker (a server started with --queue): follow the job at its location'), 201: json(IngestResultSchema, 'stored (some articles new)'), 200: json(IngestResultSchema, 'nothing new: all already stored'), 400: error('invalid body (the message names the field) or every article failed'), 401: error('missing or wrong token'), 413: error('body too large'), 415: error('unsupported content type') },
        },
      },
      '/api/jobs/{id}': { get: { summary: 'A queued ingest job: its state, and once completed its articles, stories and errors', parameters: parameters(JobIdParamSchema, 'path'), responses: { 200: json(JobStatusSchema, 'the job'), 404: error('no such job, or a server without a queue') } } },
      '/api/stories': { get: { summary: 'Stories, newest first', parameters: parameters(PageQuerySchema, 'query'), responses: { 200: json(StoryListSchema, 'a page of stories'), 400: error('invalid query') } } },
      '/api/stories/{id}': { get: { summary: 'One story as the export contract', parameters: parameters(IdParamSchema, 'path'), responses: { 200: exportContract, 404: error('no such story') } } },
      '/api/stories/{id}/changes': {
        get: {
          summary: "One story's change log, newest first: articles added or removed, facts newly corroborated or disputed, new conflicts, merges, corrections",
          parameters: [...parameters(IdParamSchema, 'path'), { name: 'since', in: 'query', required: false, schema: { type: 'string', description: 'a version number or an ISO date: only later changes' } }],
          responses: { 200: json(ChangesSchema, 'the changes'), 404: error('no such story') },
        },
      },
      '/api/articles/{id}': {
        get: { summary: 'One article as exported, with its story id', parameters: parameters(IdParamSchema, 'path'), responses: { 200: { description: 'the article' }, 404: error('no such article') } },
        delete: {
          summary: "Delete one article; its story's analysis is recomputed (the removal enters the story's change log) and a story left empty is deleted",
          security: [{ bearer: [] }],
          parameters: parameters(IdParamSchema, 'path'),
          responses: { 200: json(DeletedSchema, 'deleted'), 401: error('missing or wrong token'), 403: error('refused origin or host (server without a token)'), 404: error('no such article') },
        },
      },
      '/api/search': { get: { summary: 'Full-text search over articles', parameters: parameters(SearchQuerySchema, 'query'), responses: { 200: json(SearchResultSchema, 'matching articles'), 400: error('invalid query') } } },
      '/stories/{id}/feed.atom': { get: { summary: "Atom feed of one story's change log, newest first", parameters: parameters(IdParamSchema, 'path'), responses: { 200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, 404: { description: 'no such story (HTML page)' } } } },
      '/stories/{id}/export.json': { get: { summary: 'One story as the export contract, as a download', parameters: parameters(IdParamSchema, 'path'), responses: { 200: exportContract, 404: { description: 'no such story (HTML page)' } } } },
      '/stories/{id}/export.md': { get: { summary: 'One story as a Markdown report, as a download', parameters: parameters(IdParamSchema, 'path'), responses: { 200: { description: 'Markdown', content: { 'text/markdown': { schema: { type: 'string' } } } }, 404: { description: 'no such story (HTML page)' } } } },
      '/add': {
        post: {
          summary: 'The add form (HTML, same-origin only): pasted text with its outlet, URL and date, a page URL to fetch, or uploaded files; `token` when the server has one',
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { text: { type: 'string' }, source: { type: 'string' }, url: { type: 'string' }, publishedAt: { type: 'string' }, page: { type: 'string', description: 'a page to fetch (http or https)' }, files: { type: 'array', items: { type: 'string', format: 'binary' } }, token: { type: 'string' } } } } } },
          responses: { 303: { description: 'one article: to its page' }, 200: { description: 'several inputs: what happened to each (HTML)' }, 400: { description: 'nothing to add, or every input failed (HTML, the form again with the reason)' }, 401: { description: 'token missing or wrong' }, 403: { description: 'cross-site post' }, 413: { description: 'too large' } },
        },
      },
      '/articles/{id}/delete': {
        post: {
          summary: "The delete form under an article (HTML, same-origin only; `token` when the server has one): like DELETE /api/articles/{id}",
          parameters: parameters(IdParamSchema, 'path'),
          responses: { 303: { description: 'to the story (its change log), or home when the story went with it' }, 401: { description: 'token missing or wrong' }, 403: { description: 'cross-site post' }, 404: { description: 'no such article (HTML page)' } },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
}
