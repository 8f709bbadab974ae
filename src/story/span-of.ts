import type { Doc, Span } from '../doc/types.js';
import type { ExportSpan } from '../export/types.js';

/** A span of a document as the export and the stored analysis carry it: with its words. */
export const spanOf = (doc: Pick<Doc, 'id' | 'text'>, span: Span): ExportSpan => ({
  articleId: doc.id,
  start: span.start,
  end: span.end,
  text: doc.text.slice(span.start, span.end),
});
