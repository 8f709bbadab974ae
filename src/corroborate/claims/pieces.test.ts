import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { unitVectors } from './align.js';
import { pieceFacts } from './pieces.js';
import { claimUnits } from './units.js';

/** The facts found by pieces among articles of one story, one outlet each: each fact as its cited words, by article. */
function factsOf(texts: string[]): string[][] {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return pieceFacts(units, unitVectors(units), (u) => u.doc.id).map((f) => f.refs.map((r) => `${docs.indexOf(units[r.unit]!.doc)}: ${units[r.unit]!.doc.text.slice(r.cite.start, r.cite.end)}`).sort());
}

const SUSPENDED = [
  'The storm closed the port for two days. Harbour master Ana Ruiz, who has run the port since 2015, confirmed that the ferry company suspended all crossings to Vigo until Thursday, citing high winds.',
  'Ferries stayed in dock on Tuesday. Waves reached six metres overnight, and the ferry company suspended all crossings to Vigo, leaving hundreds of travellers stranded at the terminal.',
  'Schools in the region stayed shut. With gusts above 120 km/h, the ferry company has suspended all crossings to Vigo, while trains to Madrid ran late.',
];

test('a fact each outlet tells inside a sentence about more is one fact, cited by the phrase stating it', () => {
  assert.deepEqual(factsOf(SUSPENDED), [['0: that the ferry company suspended all crossings to Vigo', '1: the ferry company suspended all crossings to Vigo', '2: the ferry company has suspended all crossings to Vigo']]);
  // Two outlets' phrases are not enough: a phrase cut from its sentence loses what told two similar happenings apart.
  assert.deepEqual(factsOf(SUSPENDED.slice(0, 2)), []);
});

test('another figure or another particle of the shared verb is another fact', () => {
  const forty = SUSPENDED.map((t) => t.replace('all crossings', '40 crossings'));
  const twelve = forty[2]!.replace('40 crossings', '12 crossings');
  const fourth = 'Flights were diverted to Porto. Because of the storm, the ferry company suspended 40 crossings to Vigo, a spokesman for the port said.';
  const facts = factsOf([forty[0]!, forty[1]!, twelve, fourth]);
  assert.equal(facts.length, 1);
  assert.ok(facts[0]!.every((cite) => !cite.startsWith('2:')), JSON.stringify(facts));

  const checkedIn = [
    'Fans waited outside all night. As the rain stopped, singer Marta Vidal checked into the Hotel Miramar in Vigo, hours before the concert was called off.',
    'Tickets will be refunded. Singer Marta Vidal, who cancelled her tour, checked into the Hotel Miramar in Vigo, according to local radio.',
    'The storm closed the port for two days. After the winds eased, singer Marta Vidal checked into the Hotel Miramar in Vigo, her manager said on Friday.',
  ];
  const checkedOut = 'Roads reopened on Saturday. Her concert cancelled, Marta Vidal checked out of the Hotel Miramar in Vigo, ending a three-day stay.';
  const stays = factsOf([...checkedIn, checkedOut]);
  assert.ok(stays.length > 0);
  assert.ok(stays.every((fact) => fact.every((cite) => !cite.startsWith('3:'))), JSON.stringify(stays));
});
