import test from 'node:test';
import assert from 'node:assert/strict';
import { latinSkeleton } from '../lexicon/confusables.js';
import { PATTERNS } from '../patterns.js';
import { arrowLink, byline, bylineNames, commentFooter, commentForm, imageCredit, LINE_RULES, markupFragment, navigation, pageControl, promo, relatedLink, shareCounter, taxonomy, type Line, type LineRule } from './line-rules.js';

const line = (text: string): Line => {
  const skeleton = latinSkeleton(text);
  return { index: 0, rawStart: 0, rawEnd: text.length, text, skeleton, words: skeleton.match(PATTERNS.word) ?? [] };
};

/** Each rule: lines it must remove, and article lines (our own writing) it must keep. */
const CASES: Array<[string, LineRule, string[], string[]]> = [
  ['shareCounter', shareCounter, ['0', '17', '1.2K', '3,401', '12 shares', '💬 9', 'Shares 120'], ['17 people were hurt.', 'Section 3', '2026 budget', '$139.00']],
  ['markupFragment', markupFragment, ['.jpeg)', 'png")', '<div class="promo">', '<!-- slot 2 -->', '](https://cdn.example/a.jpg)', '![](x.png)', '[/caption]', '[&hellip;]', 'https://example.org/x', '•••'], ['The JPEG files were leaked.', '(Reporting by Ana Ruiz)', '<The Palace: A Tale>', '[Proverbs, ch. 4]']],
  ['pageControl', pageControl, ['Home › World › Europe', 'Site / Tech / Security', 'We use cookies to give you the best experience. Accept all', 'Sponsored · 30% off this week', '🎧 Listen to this story (3 min)', 'Play ▶ 0:00 / 2:10', 'Now playing: Morning Show', 'Tips: desk@paper.example'], ['The council voted 7 / 2 in favour of the plan.', 'He posted a photo with a 🙂 and said he was fine.', 'Cookies were sold at the fair to raise money for the school.']],
  ['arrowLink', arrowLink, ['→ Harbour strike ends after talks', '» Ferry fares to rise in May'], ['→ The strike ended on Monday.', 'Harbour strike ends after talks']],
  ['markupFragment', markupFragment, ['.jpeg)', 'png")', '<div class="promo">', '](https://cdn.example/a.jpg)', 'https://example.org/x', '•••'], ['The JPEG files were leaked.', '(Reporting by Ana Ruiz)']],
  ['imageCredit', imageCredit, ['Photo: Jane Doe / Harbor Times', 'Image credit: example.com', 'Cоllage credit: example.com', 'Credit: AFP', '© 2026 Example Media', 'Firefighters at work / Getty Images'], ['The photo was taken on Monday by a passer-by who later gave it to police.', 'Image problems dogged the campaign.']],
  ['commentForm', commentForm, ['Leave a Comment', 'Please enter your email address here', 'Your email address will not be published. Required fields are marked *', 'Post Comment', 'Comments are closed.', 'Name *', 'Be the first to comment', 'Sort comments by: Oldest', 'Comments are moderated before they appear.'], ['The minister declined to comment on the report.', 'Residents were asked to leave a message with the council.']],
  ['commentFooter', commentFooter, ['One thought on “Harbour reopens”', '12 Comments', '3 responses to “Storm damage”'], ['One thought dominated the meeting: money.', 'Two comments by the mayor drew criticism.']],
  ['navigation', navigation, ['Most popular', 'See all', 'Top Stories', 'Advertisement', 'Back to top', 'Most read this week', 'Loading...'], ['Regional Stakes High', 'Petro Responds With Warning', 'It did not.', 'Read the full statement below.', 'This Week']],
  ['relatedLink', relatedLink, ['Read more: Harbour strike enters second week', 'Related: Storm damage in the north', '▶ Watch: Riders describe the wait (2:41)', 'You may also like', 'Trending in Lendra', 'More on this story'], ['Related charges were filed on Monday.', 'Watchdogs said the audit was late.', 'Trending prices rose sharply in the port city last year.']],
  ['promo', promo, ['Unlock unlimited access, start your free trial today.', 'Sign up for our evening newsletter', 'Subscribe now for unlimited access — first month free', 'You have 3 free articles left this month. Subscribe now', 'Already a member? Log in', 'Get our 6am briefing in your inbox'], ['Subscriptions to the service rose by a third last year.', '“Subscribe today,” the ad said, and sales doubled.', 'You can read the report on the ministry website.']],
  ['taxonomy', taxonomy, ['Posted in Politics | Tagged budget, council', 'Filed under: Transport', 'Tags: strike, port'], ['Posted guards stood at the gate.']],
  ['byline', byline, ['By Jane Doe', 'by Jonas Pell · 4 min read', 'By Ana Ruiz and Tom Ek', '5 min read'], ['By Friday, the crews had lowered all 34 passengers.', 'By then it was dark.']],
];

for (const [name, rule, junk, prose] of CASES) {
  test(`${name}: removes its boilerplate and keeps article lines`, () => {
    for (const text of junk) assert.ok(rule(line(text)), `removes: ${text}`);
    for (const text of prose) assert.equal(rule(line(text)), null, `keeps: ${text}`);
  });
}

test('no rule removes ordinary article sentences, headings or quotes', () => {
  const prose = [
    'Colombian President Gustavo Petro will meet his US counterpart in early February.',
    '“We will see the results of that meeting,” he said.',
    'Drug Trade Central to Dispute',
    'No one was killed.',
    'Analysts say the talks could shape future policy.',
  ];
  for (const text of prose) for (const rule of LINE_RULES) assert.equal(rule(line(text)), null, `${rule.name} keeps: ${text}`);
});

test('bylineNames takes the names out of a byline', () => {
  assert.equal(bylineNames('by Jonas Pell · 4 min read'), 'Jonas Pell');
  assert.equal(bylineNames('By Ana Ruiz and Tom Ek'), 'Ana Ruiz and Tom Ek');
});

// Their cost on such lines is `npm run bench -- redos`'s (no timing asserts in unit tests).
test('long and adversarial lines: only markdown residue is removed, the rest is kept', () => {
  const hostile = ['By ' + 'Aa '.repeat(5000), 'a'.repeat(20000) + '!', '<' + 'div '.repeat(5000), '['.repeat(5000) + ']('.repeat(5000), '1'.repeat(20000) + 'x'];
  const removedBy = (text: string) => LINE_RULES.filter((rule) => rule(line(text))).map((rule) => rule.name);
  assert.deepEqual(hostile.map(removedBy), [[], [], [], ['markupFragment'], []]);
});
