import type { Doc, Paragraph } from '../src/doc/types.js';
import { emptyLayers } from '../src/doc/types.js';
import { findEntities } from '../src/analyze/entities/extract.js';
import { sentencesAndTokens } from '../src/analyze/sentences.js';

/**
 * A document for entity tests, without cleaning: its lines are paragraphs, and lines starting
 * with "## " are marked headings (the marks stay in the text).
 */
export function entityDoc(id: string, text: string): Pick<Doc, 'id' | 'text' | 'layers'> {
  const paragraphs: Paragraph[] = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: m[0].startsWith('## ') ? 'heading' : 'paragraph' }));
  const { sentences, tokens } = sentencesAndTokens(text);
  const doc = { id, text, layers: { ...emptyLayers(), paragraphs, sentences, tokens } };
  return { ...doc, layers: { ...doc.layers, entities: findEntities(doc) } };
}
