import assert from 'node:assert/strict';
import type { Doc } from '../src/doc/types.js';
import type { StoryExport } from '../src/export/types.js';

/**
 * Every span of every layer of `doc` lies inside its text (0 <= start <= end <= length), nested
 * ones too (a quote's parts, speaker and cue; the event signature's parts and date words).
 */
export function assertSpansValid(doc: Doc): void {
  const n = doc.text.length;
  const walk = (v: unknown, where: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, where));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number')
      assert.ok(Number.isInteger(o.start) && Number.isInteger(o.end) && o.start >= 0 && o.start <= o.end && o.end <= n, `${where} span ${o.start}-${o.end} outside 0-${n}`);
    for (const [key, child] of Object.entries(o)) walk(child, `${where}.${key}`);
  };
  for (const [name, layer] of Object.entries(doc.layers)) walk(layer, name);
  for (const m of doc.messages) if (m.place) walk(m.place, `message ${m.code}`);
}

/** Walks an export for every span-shaped object and checks its words against its article's text; returns how many. */
export function assertSpansMatch(data: StoryExport): number {
  const texts = new Map(data.articles.map((a) => [a.id, a.text]));
  let spans = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('articleId' in o && 'start' in o && 'end' in o) {
      spans++;
      const text = texts.get(o.articleId as string);
      assert.ok(text !== undefined, `span names a known article: ${String(o.articleId)}`);
      assert.equal(text.slice(o.start as number, o.end as number), o.text);
    }
    Object.values(o).forEach(walk);
  };
  walk(data);
  return spans;
}
