import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import { entityDoc } from '../../../test/entity-doc.js';
import type { ExportEntity } from '../../export/types.js';
import { entityAt, resolveName } from './link.js';
import { mergeEntities } from './merge.js';

function exported(...texts: string[]): ExportEntity[] {
  const docs = texts.map((t, i) => entityDoc(`a${i}`, t));
  return mergeEntities(docs).map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
}

describe('entities: linking names and spans to entities', () => {
  const text = 'Chilean President Rosa Varela met Ana Ruiz and Tomas Ruiz in Lima.';
  const entities = exported(text);

  test('entityAt finds the entity under a span, and null where there is none', () => {
    const at = text.indexOf('Varela');
    assert.equal(entityAt(entities, 'a0', at, at + 6)?.name, 'Rosa Varela');
    assert.equal(entityAt(entities, 'a0', 0, 7), null, '"Chilean" is a description, not a mention');
    assert.equal(entityAt(entities, 'other-article', at, at + 6), null);
  });

  test('resolveName takes titles, accents and surnames', () => {
    const varela = entities.find((e) => e.name === 'Rosa Varela')!.id;
    assert.equal(resolveName(entities, 'President Varela'), varela);
    assert.equal(resolveName(entities, 'ROSA VARELA'), varela);
    assert.equal(resolveName(entities, 'Varela'), varela);
  });

  test('resolveName takes a role description that fits one person only', () => {
    const story = exported('Chilean President Rosa Varela met Peruvian President Ana Ruiz.', 'Chilean Foreign Minister Ivo Brask came too.');
    assert.equal(resolveName(story, 'the Chilean president'), story.find((e) => e.name === 'Rosa Varela')!.id);
    assert.equal(resolveName(story, 'the president'), null);
  });

  test('resolveName answers null when a surname fits two people, and when nothing fits', () => {
    assert.equal(resolveName(entities, 'Ruiz'), null);
    assert.equal(resolveName(entities, 'Tomas Ruiz'), entities.find((e) => e.name === 'Tomas Ruiz')!.id);
    assert.equal(resolveName(entities, 'Mira Solt'), null);
  });
});
