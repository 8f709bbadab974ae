import type { ExportEntity } from '../../export/types.js';
import { placeOf } from './lexicon/gazetteer.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon/titles.js';
import { demonymOf } from './lexicon/gazetteer.js';
import { keyWords, nameKey } from './normalize.js';

/**
 * Links for other layers (quotes' speakers, claims' subjects) to the story's entities.
 */

/**
 * The entity that has a mention in that article overlapping `[start, end)` the most (ties:
 * the shorter mention, the tighter fit); null when no mention overlaps.
 * @example entityAt(story.entities, speaker.articleId, speaker.start, speaker.end)?.id
 */
export function entityAt(entities: ExportEntity[], articleId: string, start: number, end: number): ExportEntity | null {
  let best: { entity: ExportEntity; overlap: number; length: number } | null = null;
  for (const entity of entities) {
    for (const m of entity.mentions) {
      if (m.articleId !== articleId) continue;
      const overlap = Math.min(end, m.end) - Math.max(start, m.start);
      if (overlap <= 0) continue;
      const length = m.end - m.start;
      if (!best || overlap > best.overlap || (overlap === best.overlap && length < best.length)) best = { entity, overlap, length };
    }
  }
  return best?.entity ?? null;
}

/** Drops role words, demonyms and places in front of a name ("Colombian President Gustavo Petro" → "gustavo petro"). */
function withoutTitle(name: string): string[] {
  const words = keyWords(name);
  let at = 0;
  while (at < words.length - 1) {
    const w = words[at]!;
    if (TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || HONORIFICS.has(w) || demonymOf(w) || placeOf(w)) at++;
    else break;
  }
  return words.slice(at);
}

/**
 * The id of the entity a written name refers to, or null when none or more than one could be
 * meant. Tries the name as written (any alias, accents and case ignored), then without its
 * title, then as a role description of exactly one person ("the Colombian president"), then,
 * for a lone surname, the one person whose name ends with it, and for a full name, the one
 * person with the same first and last word.
 * @example resolveName(story.entities, "President Petro") // the id of "Gustavo Petro"
 */
export function resolveName(entities: ExportEntity[], name: string): string | null {
  const key = nameKey(name);
  const exact = entities.filter((e) => [e.name, ...e.aliases].some((a) => nameKey(a) === key));
  if (exact.length === 1) return exact[0]!.id;
  const words = withoutTitle(name);
  if (words.length === 0) return null;
  const bare = words.join(' ');
  const byBare = entities.filter((e) => [e.name, ...e.aliases].some((a) => nameKey(a) === bare));
  if (byBare.length === 1) return byBare[0]!.id;
  const people = entities.filter((e) => e.type === 'person');
  // A role alone ("the Colombian president") names the one person described so; "the president" beside two presidents names none.
  const described = people.filter((e) => (e.descriptions ?? []).some((d) => nameKey(d) === key));
  if (described.length === 1) return described[0]!.id;
  const matches = people.filter((e) => {
    const full = keyWords(e.name);
    if (words.length === 1) return full.at(-1) === words[0];
    return full[0] === words[0] && full.at(-1) === words.at(-1);
  });
  return matches.length === 1 ? matches[0]!.id : null;
}
