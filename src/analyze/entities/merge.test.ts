import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import { entityDoc } from '../../../test/entity-doc.js';
import { entityId, mergeEntities, type StoryEntity } from './merge.js';

const story = (...texts: string[]) => mergeEntities(texts.map((t, i) => entityDoc(`a${i}`, t)));
const holding = (entities: StoryEntity[], spelling: string) => entities.filter((e) => e.name === spelling || e.aliases.includes(spelling));

describe('entities: merging across the articles of a story', () => {
  test('spellings that differ by accents and case are one entity, named with the accents', () => {
    const entities = story('Talks with José Ibarra began.', 'Jose Ibarra arrived late.', 'The envoy met JOSÉ IBARRA.');
    const ibarra = holding(entities, 'José Ibarra');
    assert.equal(ibarra.length, 1);
    assert.equal(ibarra[0]!.name, 'José Ibarra');
    assert.deepEqual(holding(entities, 'Jose Ibarra'), ibarra);
  });

  test('a name one article calls an index is an index in every article of the story', () => {
    const entities = story('The Nikkei stock index fell 400 points.', 'The Nikkei recovered on Friday.', 'Nikkei traders were calm.');
    const nikkei = holding(entities, 'Nikkei');
    assert.equal(nikkei.length, 1);
    assert.equal(nikkei[0]!.type, 'other');
  });

  test('surname, title and possessive forms join the full name, and the title becomes a description', () => {
    const entities = story('Chilean President Rosa Varela will visit Lima.', 'President Varela spoke on Monday.', "Critics attacked Varela's plan.");
    const varela = entities.filter((e) => e.type === 'person');
    assert.equal(varela.length, 1, JSON.stringify(entities));
    assert.equal(varela[0]!.name, 'Rosa Varela');
    assert.equal(varela[0]!.mentions.length, 3);
    assert.deepEqual(varela[0]!.descriptions, ['Chilean President']);
  });

  test('people who share a surname stay apart; a bare surname goes to the one the article named last', () => {
    const entities = story('Ana Ruiz won the race. Tomas Ruiz came second. Ruiz said the course was hard.', 'Tomas Ruiz trains in Quito.');
    const ana = holding(entities, 'Ana Ruiz');
    const tomas = holding(entities, 'Tomas Ruiz');
    assert.equal(ana.length, 1);
    assert.equal(tomas.length, 1);
    assert.notEqual(ana[0]!.id, tomas[0]!.id);
    assert.equal(tomas[0]!.mentions.length, 3, 'the bare "Ruiz" after "Tomas Ruiz" is his');
    assert.equal(ana[0]!.mentions.length, 1);
  });

  test('a bare shared surname in an article that names neither namesake is left alone', () => {
    const entities = story('Ana Ruiz won the race.', 'Tomas Ruiz came second.', 'Later, officials praised Ruiz.');
    assert.equal(holding(entities, 'Ana Ruiz')[0]!.mentions.length, 1);
    assert.equal(holding(entities, 'Tomas Ruiz')[0]!.mentions.length, 1);
  });

  test('a full name with a middle name joins the same first and last name; another first name does not', () => {
    const entities = story('Juan Fernando Cristo resigned.', 'Juan Cristo left office.', 'Pedro Cristo stayed.');
    assert.equal(holding(entities, 'Juan Cristo')[0]!.name, 'Juan Fernando Cristo');
    assert.notEqual(holding(entities, 'Pedro Cristo')[0]!.id, holding(entities, 'Juan Cristo')[0]!.id);
  });

  test('every spelling of a country is one entity with one id in every story', () => {
    const entities = story('Aid from the U.S. arrived.', 'The US sent ships.', 'Officials in the United States agreed, the U.S.A. said.');
    const us = holding(entities, 'United States');
    assert.equal(us.length, 1);
    assert.deepEqual([...us[0]!.aliases].sort(), ['U.S.', 'U.S.A.', 'US']);
    assert.equal(story('Aid from the U.S. arrived.')[0]!.id, us[0]!.id);
  });

  test('an organisation joins its longer corporate name and its acronym; two cue-sharing bodies stay apart', () => {
    const entities = story('Kestrel Motor Company cut jobs.', 'Shares of Kestrel fell.', 'The Office of Transit Safety (OTS) will report.', 'OTS staff met the National Guard and the National Assembly.');
    assert.equal(holding(entities, 'Kestrel')[0]?.name, 'Kestrel Motor Company');
    assert.equal(holding(entities, 'OTS')[0]?.name, 'Office of Transit Safety');
    assert.notEqual(holding(entities, 'National Guard')[0]!.id, holding(entities, 'National Assembly')[0]!.id);
  });

  test('a bare name joins the place it names with a geographic noun', () => {
    const entities = story('The cabin hung above the Varn valley.', 'Divers searched the Varn river valley and found nothing near Varn.');
    const varn = holding(entities, 'Varn valley');
    assert.equal(varn.length, 1);
    assert.equal(varn[0]!.type, 'location');
  });

  test('a lone unknown word that is a place of the story plus a demonym ending is dropped; other lone words stay', () => {
    const entities = story('Floods hit villages in Dunmara on Monday.', 'A Dunmaran rescue boat and a Kestrel boat came.');
    assert.deepEqual(holding(entities, 'Dunmaran'), []);
    assert.equal(holding(entities, 'Dunmara')[0]?.type, 'location');
    assert.equal(holding(entities, 'Kestrel').length, 1);
  });

  test('ids come from the canonical name and type only', () => {
    assert.equal(entityId('person', 'Rosa Varela'), entityId('person', 'rosa  varela'));
    assert.notEqual(entityId('person', 'Rosa Varela'), entityId('organization', 'Rosa Varela'));
    assert.equal(story('Chilean President Rosa Varela spoke.')[0]!.id, entityId('person', 'Rosa Varela'));
  });
});
