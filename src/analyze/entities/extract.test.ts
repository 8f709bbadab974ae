import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../index.js';
import { entityDoc } from '../../../test/entity-doc.js';
import { isCommonNounInDisguise, lowerCaseWords } from './extract.js';
import { isHeadingLike } from './chunk.js';

const names = (text: string) => {
  const doc = entityDoc('t', text);
  return doc.layers.entities.map((m) => `${text.slice(m.start, m.end)}/${m.type}${m.description ? `[${text.slice(m.description.start, m.description.end)}]` : ''}`);
};

describe('entities: per-article mentions', () => {
  test('should expose the public api', () => {
    for (const name of ['findEntities', 'mergeEntities', 'entityId', 'entityAt', 'resolveName']) assert.equal(typeof (api as Record<string, unknown>)[name], 'function', name);
    assert.deepEqual(api.entitiesStage.writes, ['entities']);
  });

  test('a company ending then a first name starts a person: "Fort Pitt Capital Group Charlie Smith"; "Dick Clark Productions" is a company', () => {
    const found = names('The chief officer at Fort Pitt Capital Group Charlie Smith spoke. The stock of Dick Clark Productions rose.');
    assert.ok(found.includes('Charlie Smith/person'), found.join(', '));
    assert.ok(found.includes('Dick Clark Productions/organization'), found.join(', '));
  });

  test('a title and a full name before "of" split from the place after it: "Senator Doug Pratt of Kansas"', () => {
    const found = names('Senator Doug Pratt of Kansas voted against the bill.');
    assert.ok(found.some((f) => f.startsWith('Doug Pratt/person')), found.join(', '));
    assert.ok(found.includes('Kansas/location'), found.join(', '));
  });

  test('a first name before a cue that is also a surname is a person ("Jim Press"); a town before it is a paper', () => {
    const found = names('The board met on Monday, and later Jim Press spoke to staff. The Denver Post reported the vote.');
    assert.ok(found.includes('Jim Press/person'), found.join(', '));
    assert.ok(found.includes('Denver Post/organization'), found.join(', '));
    assert.ok(names('Staff at the Detroit Free Press walked out.').includes('Detroit Free Press/organization'));
  });

  test('initials before a surname are a person, stops spaced off or not: "A . J . Smith", "A. J. Smith", "A.J. Jones"', () => {
    assert.ok(names('The club said general manager A . J . Smith would not comment .').includes('A . J . Smith/person[general manager]'));
    const found = names('Later A. J. Smith met A.J. Jones, who runs U.S. Steel.');
    assert.ok(found.includes('A. J. Smith/person'), found.join(', '));
    assert.ok(found.includes('A.J. Jones/person'), found.join(', '));
    assert.ok(found.includes('U.S. Steel/organization'), found.join(', '));
  });

  test('a title word after a first name is a surname: "Billy King" is a person, "General Manager Tom King" keeps his title', () => {
    assert.ok(names('On Monday Billy King fired the coach.').includes('Billy King/person'));
    assert.ok(names('The team said General Manager Tom King hired him.').includes('Tom King/person[General Manager]'));
    assert.ok(names('The King of Spain spoke.').includes('Spain/location'));
  });

  test('a title word that is also a surname, after a given name no list has, is a name ("Zelphia King"), and then "King" alone is her', () => {
    const found = names('Zelphia King saw the crash from her window. King told reporters the driver ran a red light. The Saudi King was not there.');
    assert.ok(found.some((f) => f.startsWith('Zelphia King/')), found.join(', '));
    assert.ok(found.includes('King/person'), found.join(', '));
    // A qualifying word before the title keeps it a title.
    assert.ok(!found.some((f) => f.startsWith('Saudi King')), found.join(', '));
  });

  test('a name opening with a first name that the article always writes after "the" is no person: "the Red Herons"; "the Dan Okafor deal" beside "Dan Okafor" keeps him one', () => {
    const found = names('Red Herons sign a pitcher\nThe Red Herons signed Dan Okafor on Monday. Fans of the Red Herons cheered the Dan Okafor deal.');
    assert.ok(found.filter((f) => f.startsWith('Red Herons')).every((f) => f === 'Red Herons/organization'), found.join(', '));
    assert.ok(found.filter((f) => f.startsWith('Dan Okafor')).every((f) => f === 'Dan Okafor/person'), found.join(', '));
  });

  test('a title and a full name before "of" split from the firm ending in a cue: "Analyst Rob Dunne of Dunne Group"', () => {
    const found = names('Analyst Rob Dunne of Dunne Group said the fix was fast.');
    assert.ok(found.some((f) => f.startsWith('Rob Dunne/person')), found.join(', '));
    assert.ok(found.includes('Dunne Group/organization'), found.join(', '));
  });

  test('a city and a plural name after it is a team, kept whole: "San Diego Chargers", "Tulsa Drillers"', () => {
    assert.ok(names('San Diego Chargers defensive tackle Roy Hale was arrested.').includes('San Diego Chargers/organization'));
    assert.ok(names('A day later the Tulsa Drillers won again.').includes('Tulsa Drillers/organization'));
    const found = names('The Tulsa 66ers hired coach Ron Mack on Monday.');
    assert.ok(found.includes('Tulsa 66ers/organization'), found.join(', '));
  });

  test('a team named without its city is the team: "Drillers" after "Tulsa Drillers"', () => {
    const found = names('The Tulsa Drillers lost on Sunday. Drillers manager Ron Mack said the team would recover.');
    assert.ok(found.includes('Drillers/organization'), found.join(', '));
    assert.ok(!names('Drillers manager Ron Mack said the team would recover.').includes('Drillers/organization'));
  });

  test('a surname written with a spaced apostrophe stays whole: "O\' Leary", "D \' Angelo"', () => {
    assert.ok(names("The airline's boss , Michael O' Leary , spoke on Monday .").includes("Michael O' Leary/person"));
    assert.ok(names("Later Maria D ' Angelo left the court .").includes("Maria D ' Angelo/person"));
  });

  test('one capitalised modifier before an institution\'s head noun keeps "of" inside the name', () => {
    assert.ok(names('Agents of the Federal Bureau of Investigation searched the house.').includes('Federal Bureau of Investigation/organization'));
    assert.ok(names('A study by the National Institutes of Health came out.').includes('National Institutes of Health/organization'));
  });

  test('an institution with "for"/"of" keeps the field after "and"; a second named party splits off', () => {
    const found = names('Staff at the Centers for Disease Control and Prevention tested the samples.');
    assert.ok(found.includes('Centers for Disease Control and Prevention/organization'), found.join(', '));
    assert.ok(names('A report by the Office of Management and Budget came out.').includes('Office of Management and Budget/organization'));
    const two = names('A deal between the Ministry of Defence and Google was signed.');
    assert.ok(two.includes('Ministry of Defence/organization') && two.includes('Google/organization'), two.join(', '));
  });

  test('a sentence-opening descriptor before a first name and surname is no part of the name: "Moviemaker Gary Ross has…"', () => {
    const found = names('Moviemaker Gary Ross has reportedly pulled out of negotiations to direct a sequel. Ross declined to comment.');
    assert.ok(found.some((n) => n.startsWith('Gary Ross/person')), found.join(', '));
    assert.ok(!found.some((n) => n.startsWith('Moviemaker')), found.join(', '));
    // A first name opening the sentence is the name's own.
    assert.ok(names('Anna Maria Lopez spoke to reporters. Lopez left.').includes('Anna Maria Lopez/person'));
  });

  test('a person\'s full name before "of" is the person, of the organisation after it; an organisation with "of" stays whole', () => {
    const found = names('Later David Brenner of Halden Partners commented on the falls.');
    assert.ok(found.includes('David Brenner/person'), found.join(', '));
    assert.ok(found.includes('Halden Partners/organization'), found.join(', '));
    assert.ok(names('The Bank of Harbor Partners merged.').some((n) => n.startsWith('Bank of Harbor Partners/')));
  });

  test('a capital opening a sentence is not a name; the same word inside a sentence can be', () => {
    const found = names('Speaking after the vote, Mara Quill thanked the volunteers. Afterwards they went home.');
    assert.deepEqual(found, ['Mara Quill/person']);
  });

  test('a surname opening a sentence is kept when the article gives the full name', () => {
    const found = names('The mayor, Mara Quill, opened the bridge. Quill said it was overdue.');
    assert.ok(found.includes('Quill/person'), found.join(', '));
  });

  test('marked headings and title-case lines without a full stop give no entities; prose lines do', () => {
    assert.deepEqual(names('## Harbour Talks Follow Storm Warning\nThe talks in Peru went on.'), ['Peru/location']);
    assert.deepEqual(names('Harbour Talks Follow Storm Warning\nThe talks in Peru went on.'), ['Peru/location']);
    assert.ok(isHeadingLike('See All', { kind: 'paragraph' }));
    assert.ok(!isHeadingLike('Quill met Rand in Lima.', { kind: 'paragraph' }));
  });

  test('a title before a name becomes its description and makes it a person', () => {
    assert.deepEqual(names('Estonian Interior Minister Kalle Rand spoke.'), ['Kalle Rand/person[Estonian Interior Minister]']);
    assert.deepEqual(names('She met Secretary of State Lena Hart on Monday.'), ['Lena Hart/person[Secretary of State]']);
  });

  test('an abbreviated title whose stop wink splits off is a title, not a name: "Dist. Atty. Ana Ruiz"', () => {
    assert.deepEqual(names('The case was filed by Dist. Atty. Ana Ruiz on Monday.'), ['Ana Ruiz/person[Dist. Atty.]']);
    assert.deepEqual(names('Dist. Atty. Lena Hart met Adm. Paul Orrin.'), ['Lena Hart/person[Dist. Atty.]', 'Paul Orrin/person[Adm.]']);
  });

  test('a bare title is no person, and a place after "of" stays a place', () => {
    assert.deepEqual(names('The Interior Minister said nothing.'), []);
    assert.deepEqual(names('He called the President of Chile twice.'), ['Chile/location']);
  });

  test('a lower-case role right before a name is its description', () => {
    assert.deepEqual(names("The firm's managing director Ivo Brask resigned."), ['Ivo Brask/person[managing director]']);
    // Without a role, two capitalised words are a person's name only when the first is a known first name.
    assert.deepEqual(names('A report by Anna Brask was published.'), ['Anna Brask/person']);
    assert.deepEqual(names('A report by Ivo Brask was published.'), ['Ivo Brask/other']);
  });

  test('countries by any spelling, capitals with or without accents are places; currency and company codes are not', () => {
    assert.deepEqual(names('Talks between the U.S. and Peru moved to Bogota and Bogotá.'), ['U.S./location', 'Peru/location', 'Bogota/location', 'Bogotá/location']);
    assert.deepEqual(names('The deal is worth US$ 5 million to GM shareholders.').filter((n) => n.endsWith('/location')), []);
  });

  test('organisation cues type a name; the shape of a personal name types a person', () => {
    assert.deepEqual(names('Staff of the Harlow Transit Agency met Mira Solt.'), ['Harlow Transit Agency/organization', 'Mira Solt/person']);
    assert.deepEqual(names('She flew with Air Estrava to meet Mira Solt.'), ['Air Estrava/organization', 'Mira Solt/person']);
  });

  test('"and" splits two names unless the whole is an organisation', () => {
    assert.deepEqual(names('Rain hit Peru and Chile.'), ['Peru/location', 'Chile/location']);
    assert.deepEqual(names('Crews of the Harlow Fire and Rescue Service came.'), ['Harlow Fire and Rescue Service/organization']);
  });

  test('a person\'s full name before "and" splits off even when the run ends in an organisation word', () => {
    assert.deepEqual(names('The talks between R.T. Varga and Velmora Steel ended.'), ['R.T. Varga/person', 'Velmora Steel/organization']);
    assert.deepEqual(names('The talks between Mira Solt and Velmora Steel ended.'), ['Mira Solt/person', 'Velmora Steel/organization']);
    assert.deepEqual(names('A deal between A.J. Jones and U.S. Steel was signed.'), ['A.J. Jones/person', 'U.S. Steel/organization']);
    assert.deepEqual(names('The shares of Varga & Varga Steel fell.'), ['Varga & Varga Steel/organization']);
    assert.deepEqual(names('She joined Mira Solt & Partners.'), ['Mira Solt & Partners/organization']);
    assert.deepEqual(names('She joined Mira Solt & Associates Group.'), ['Mira Solt & Associates Group/organization']);
    assert.deepEqual(names('Crews of the Delmar Fire and Rescue Service came.'), ['Delmar Fire and Rescue Service/organization']);
  });

  test('"&" between two surnames is one firm\'s name; between places or first names it splits', () => {
    assert.deepEqual(names('Shares of Varga & Solt rose after the report.').map((n) => n.split('/')[0]), ['Varga & Solt']);
    assert.deepEqual(names('Rain hit Peru & Chile.'), ['Peru/location', 'Chile/location']);
    assert.equal(names('The gifts went to Mira & Lena yesterday.').length, 2);
    // A founder's surname that is also a first name: "Simon & Schuster", "Ernst & Young" stay whole.
    assert.deepEqual(names('Shares of Lena & Varga rose after the report.').map((n) => n.split('/')[0]), ['Lena & Varga']);
  });

  test('a title-case phrase in quotation marks is not a name; a name inside a longer quotation is', () => {
    assert.deepEqual(names('He called the deal a “Great Victory” for all.'), []);
    assert.deepEqual(names('“I met Lena Hart there,” he said.'), ['Lena Hart/person']);
  });

  test('a capitalised common noun that the article also writes in lower case is no name', () => {
    const words = lowerCaseWords('the government said so');
    assert.ok(isCommonNounInDisguise('Governments', words));
    assert.ok(!isCommonNounInDisguise('Harlow', words));
  });

  test('demonyms and contractions are not entities', () => {
    assert.deepEqual(names('Chilean officials and Peruvians agreed with Chile.'), ['Chile/location']);
    assert.deepEqual(names('“Now I’m sure,” she said.'), []);
  });

  test('a geographic noun after an unknown name makes a place; an organisation noun after it stops that', () => {
    assert.deepEqual(names('The cabin hung above the Varn valley for hours.'), ['Varn valley/location']);
    assert.ok(!names('A Varn coast guard boat came.').includes('Varn coast/location'));
  });

  test('capitals opening a paragraph before a comma or dash are the dateline place; capitals elsewhere are not', () => {
    assert.deepEqual(names('DUNMERE — The ferry left at noon.'), ['DUNMERE/location']);
    assert.deepEqual(names('The ferry left DUNMERE at noon.').filter((n) => n.includes('dateline')), []);
    assert.deepEqual(names('The crew shouted STOPPED at noon.'), []);
  });

  test('short codes name a place only in capitals, and a lone letter is no name', () => {
    assert.deepEqual(names('The UK and the US agreed.'), ['UK/location', 'US/location']);
    assert.ok(!names('Readers of Us Weekly wrote in.').some((n) => n.startsWith('Us/')));
    assert.deepEqual(names('Under Plan B the ferry stops.').filter((n) => n.startsWith('B/')), []);
  });

  test('a middle initial stays inside a name; "on" between two names splits them', () => {
    assert.deepEqual(names('Judge James R. Bodiford ruled.'), ['James R. Bodiford/person[Judge]']);
    assert.deepEqual(names('A Porsche on Pacific Coast Highway crashed.'), ['Porsche/other', 'Pacific Coast Highway/location']);
  });

  test('a role between commas after a name is its description and makes it a person', () => {
    assert.deepEqual(names('We met Ivo Brask, the mayor of Lima, at noon.'), ['Ivo Brask/person[the mayor of Lima]', 'Lima/location']);
    assert.deepEqual(names('We met Anna Brask, Hana Lee and Mira Solt at noon.'), ['Anna Brask/person', 'Hana Lee/person', 'Mira Solt/person']);
  });

  test('a short number after an acronym is part of its name unless it counts the next word', () => {
    assert.deepEqual(names('Staff told KTV 4 about it.'), ['KTV 4/organization']);
    assert.deepEqual(names('The KTV 4 crews left.'), ['KTV/organization']);
  });

  test('an occupation written before a name is its description, with the lower-case compound before it but not a verb', () => {
    assert.deepEqual(names('The film starred actress Mara Quill.'), ['Mara Quill/person[actress]']);
    assert.deepEqual(names('He met retired ferry engineer Ivo Brask.'), ['Ivo Brask/person[retired ferry engineer]']);
  });

  test('a city of the package gazetteer is a place; a city named like an ordinary word or a person needs more evidence', () => {
    assert.deepEqual(names('The plant near Dearborn will close, and talks moved to Toulouse.'), ['Dearborn/location', 'Toulouse/location']);
    // "Mobile" is an adjective and "Jackson" a surname before they are cities.
    assert.deepEqual(names('Talks between Mobile officials and Jackson ended.').filter((n) => n.endsWith('/location')), []);
  });

  test('a name followed by a model number names the model; a score does not', () => {
    assert.deepEqual(names('The carrier ordered the Boeing 737-800 and more Boeing jets.'), ['Boeing 737-800/other', 'Boeing/organization']);
    assert.deepEqual(names('Last night Kestrel Rovers beat Harlton Athletic 2-1.').filter((n) => /\d/.test(n)), []);
  });

  test('a name the article calls an index is an index at every mention, not an organisation', () => {
    const found = names('The Nikkei stock index fell sharply. Traders said the Nikkei would recover. The primary UK index, the FTSE 100, dropped.');
    assert.deepEqual(found, ['Nikkei/other', 'Nikkei/other', 'UK/location', 'FTSE 100/other']);
  });

  test('a lone unknown name after "in" is a place', () => {
    assert.deepEqual(names('Shops in Dunmere closed early.'), ['Dunmere/location']);
  });
  test('headings, tables and datelines on lines of their own give the names the prose or a gazetteer knows', () => {
    assert.deepEqual(names('## Velbrook Board Quits After Audit\nThe audit was long.'), []);
    assert.deepEqual(names('## Anna Brask Quits Velbrook Post\nAnna Brask left on Monday.'), ['Anna Brask/person', 'Anna Brask/person']);
    assert.deepEqual(names('LONDON 1996-12-06\nThe markets fell.'), ['LONDON/location']);
    assert.deepEqual(names('DUNMERE 1996-12-06\nThe markets fell.'), ['DUNMERE/location']);
    assert.deepEqual(names('SOCCER - LEAGUE RESULTS\nVelbrook 3 Dunmere 1'), []);
  });

  test('a lone unknown capitalised word stays untyped; context types it', () => {
    assert.deepEqual(names('Crews from Varnex arrived.'), ['Varnex/other']);
    assert.deepEqual(names('The airline Varnex cut flights.'), ['Varnex/organization']);
    assert.deepEqual(names('Varnex CEO Anna Brask resigned.'), ['Varnex/organization', 'Anna Brask/person[Varnex CEO]']);
    assert.deepEqual(names('Varnex Airways cut flights, and Varnex said more would go.'), ['Varnex Airways/organization', 'Varnex/organization']);
  });

  test('two capitalised words without a first name or role are no person; a hyphenated name is one word', () => {
    assert.ok(!names('Customs and Border Protection agents came.').some((n) => n.endsWith('/person')));
    assert.deepEqual(names('Shares of Bre-X fell.'), ['Bre-X/organization']);
  });
});
