import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { roleFacets } from './roles.js';
import { claimUnits } from './units.js';

/** The roles several of the articles (one outlet each) print beside one person: each as its text and cited words. */
function rolesOf(texts: string[]): Array<{ text: string; cites: string[] }> {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return roleFacets(units, (i) => units[i]!.doc.id).map((f) => ({ text: f.text, cites: f.refs.map((r) => units[r.unit]!.doc.text.slice(r.cite.start, r.cite.end)).sort() }));
}

test('a role three outlets print beside one name, before it or after it, is a fact cited by the name with its role and the verb it is the subject of', () => {
  const found = rolesOf([
    'The council approved the budget on Monday, harbour master Ana Ruiz said.',
    'Ana Ruiz, the harbour master of Vigo, told reporters the port would reopen on Friday.',
    'Harbour master Ana Ruiz was at the quay when the ferry docked.',
  ]);
  assert.deepEqual(found, [{ text: 'Ana Ruiz is a harbour master', cites: ['Ana Ruiz, the harbour master of Vigo, told', 'Harbour master Ana Ruiz was', 'harbour master Ana Ruiz said'] }]);
});

test('roles with other heads, a former role beside a held one, or two outlets alone are no shared fact', () => {
  const held = 'The council approved the budget on Monday, harbour master Ana Ruiz said.';
  const third = 'Harbour master Ana Ruiz was at the quay when the ferry docked.';
  assert.deepEqual(rolesOf([held, 'Ana Ruiz, the council treasurer, told reporters the port would reopen on Friday.', 'Treasurer Ana Ruiz was at the quay when the ferry docked.']), []);
  assert.deepEqual(rolesOf([held, 'Ana Ruiz, the former harbour master of Vigo, told reporters the port would reopen on Friday.', 'Former harbour master Ana Ruiz was at the quay.']), []);
  assert.deepEqual(rolesOf([held, third]), []);
});

test('an appositive role whose closing comma was left out ends at the verb it is the subject of', () => {
  const found = rolesOf([
    'The council approved the budget on Monday, harbour master Ana Ruiz said.',
    'Ana Ruiz, the harbour master of Vigo was at the quay when the ferry docked.',
    'Harbour master Ana Ruiz told reporters the port would reopen on Friday.',
  ]);
  assert.deepEqual(found, [{ text: 'Ana Ruiz is a harbour master', cites: ['Ana Ruiz, the harbour master of Vigo was', 'Harbour master Ana Ruiz told', 'harbour master Ana Ruiz said'] }]);
});
