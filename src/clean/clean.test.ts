import test from 'node:test';
import assert from 'node:assert/strict';
import { cleanPlainText } from './clean.js';

const removedBy = (raw: string, rule: string) => cleanPlainText(raw).removed.filter((r) => r.reason.startsWith(`${rule}:`)).map((r) => r.text);

test('a list of links after a link-list header goes, whichever end it is reached from', () => {
  const raw = [
    'Port strike ends',
    'Dock workers returned to the cranes on Monday after a deal on night-shift pay was signed.',
    'Most read this week',
    'Ferry fares to rise in May',
    'New bridge opens to cyclists',
    'Weather warning for the coast road',
    'Trending in Lendra',
  ].join('\n');
  assert.deepEqual(removedBy(raw, 'clean/link-list'), ['Ferry fares to rise in May', 'New bridge opens to cyclists', 'Weather warning for the coast road']);
});

test('a sub-heading next to an ad line stays when text follows it', () => {
  const raw = [
    'Port strike ends',
    'Dock workers returned to the cranes on Monday after a deal on night-shift pay was signed.',
    'Advertisement',
    'What the Deal Says',
    'The agreement raises night pay by a fifth and sets up a safety committee at each terminal.',
  ].join('\n');
  const cleaned = cleanPlainText(raw);
  assert.ok(cleaned.text.includes('What the Deal Says'));
  assert.deepEqual(cleaned.paragraphs.filter((p) => p.kind === 'heading').map((p) => cleaned.text.slice(p.start, p.end)), ['What the Deal Says']);
});

test('a caption above a credit goes with it; a sentence above a credit stays', () => {
  assert.deepEqual(removedBy('Headline here\nDock workers at the gate on Monday\n(Photo: Lendra Post)\nThe strike ended after talks on pay and safety rules at the port.', 'clean/image-caption'), ['Dock workers at the gate on Monday']);
  assert.deepEqual(removedBy('Headline here\nThe strike ended after talks on pay and safety rules at the port.\nPhoto: Lendra Post', 'clean/image-caption'), []);
});

test('a line broken mid-sentence by the crawler is joined back', () => {
  const cleaned = cleanPlainText('Dock workers returned to the cranes on Monday after a deal on\nnight-shift pay was signed, the union said.\n');
  assert.equal(cleaned.title, null);
  assert.equal(cleaned.text, 'Dock workers returned to the cranes on Monday after a deal on night-shift pay was signed, the union said.');
});
