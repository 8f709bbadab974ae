import test from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities } from './parse-quantity.js';
import { formatInterval, overlaps } from './interval.js';

/** [sentence, quoted span, dimension:unit, interval as formatted] — our own sentences, one phrasing each. */
const READINGS: Array<[string, string, string, string]> = [
  ['The call lasted just under an hour, officials said.', 'just under an hour', 'duration:minute', '[45, 60)'],
  ['The rescue took more than three hours in the end.', 'more than three hours', 'duration:minute', '(180, ∞)'],
  ['It followed a more than hour-long telephone conversation.', 'more than hour-long', 'duration:minute', '(60, ∞)'],
  ['The vote came after about two hours of debate.', 'about two hours', 'duration:minute', '[108, 132]'],
  ['Crews worked for 90 minutes before the line moved.', '90 minutes', 'duration:minute', '90'],
  ['The ferry was late by an hour and a half.', 'an hour and a half', 'duration:minute', '90'],
  ['Talks lasted nearly four hours.', 'nearly four hours', 'duration:minute', '[204, 240]'],
  ['The strike could last up to three weeks.', 'up to three weeks', 'duration:minute', '[0, 30240]'],
  ['The death toll exceeded 100 people, the minister said.', 'exceeded 100 people', 'count:person', '(100, ∞)'],
  ['The death toll from the landslide in Orvik rose to 12 on Monday.', '12', 'count:dead', '12'],
  ['The attack left 12 dead and 30 wounded.', '12 dead', 'count:dead', '12'],
  ['At least 23 Velmoran soldiers were killed.', 'At least 23 Velmoran soldiers', 'count:soldier', '[23, ∞)'],
  ['Thirty-four passengers were lowered by rope.', 'Thirty-four passengers', 'count:passenger', '34'],
  ['About two dozen protesters broke away from the march.', 'About two dozen protesters', 'count:protester', '[21.6, 26.4]'],
  ['Police said he carried a .38-caliber revolver.', '.38-caliber', 'count:caliber', '0.38'],
  // Printed to two decimals: .357 inches.
  ['Police said he carried a . 357 caliber revolver .', '. 357 caliber', 'count:caliber', '0.36'],
  ['Rescuers lowered 34 passengers to the ground.', '34 passengers', 'count:passenger', '34'],
  ['Fewer than 12 boats left the harbour.', 'Fewer than 12 boats', 'count:boat', '[0, 12)'],
  ['Between 10 and 20 people were evacuated.', 'Between 10 and 20 people', 'count:person', '[10, 20]'],
  ['Some 40 firefighters were at the scene.', 'Some 40 firefighters', 'count:firefighter', '[36, 44]'],
  ['Dozens of families were moved to shelters.', 'Dozens of families', 'count:family', '[24, 100)'],
  ['The city approved about $5 million for repairs.', 'about $5 million', 'money:USD', '[4500000, 5500000]'],
  ['The fund holds 2,500 euros.', '2,500 euros', 'money:EUR', '2500'],
  ['Turnout rose to 64% this year.', '64%', 'percent:percent', '64'],
  ['Turnout was 64 percent.', '64 percent', 'percent:percent', '64'],
  ['He was fined more than £2,000 in total.', 'more than £2,000', 'money:GBP', '(2000, ∞)'],
  ['The folder held records on 12,000-plus people.', '12,000-plus people', 'count:person', '[12000, ∞)'],
  ['The files were open for nearly three weeks.', 'nearly three weeks', 'duration:minute', '[25704, 30240]'],
  ['The response will cost under €10,000.', 'under €10,000', 'money:EUR', '[0, 10000)'],
  ['The council says some 4,000 residents are affected.', 'some 4,000 residents', 'count:resident', '[3600, 4400]'],
  ['Marrowick spent €6.2 million on repairs.', '€6.2 million', 'money:EUR', '6200000'],
  // Times of day, in minutes after midnight; tokenised text spaces out the colon and the stops.
  ['It stopped at 5:40 p.m. on Friday.', '5:40 p.m.', 'time:clock', '[1057, 1063]'],
  ['He was stopped at about 1 : 30 a . m . on Sunday.', 'about 1 : 30 a . m .', 'time:clock', '[80, 100]'],
  ['She was struck just after 7 p.m., police said.', 'just after 7 p.m.', 'time:clock', '(1140, 1155]'],
  ['He was arrested at 9.35am on Saturday.', '9.35am', 'time:clock', '[572, 578]'],
  // A comparative bounds a figure named with "the"; "or more" bounds it from after; "MM" is a million.
  ['Sources say it is less than the $184 million reported.', 'less than the $184 million', 'money:USD', '[0, 184000000)'],
  ['He raised concern about a contract of eight years or more.', 'eight years or more', 'duration:minute', '[4207680, ∞)'],
  ['The Red Sox offered him an eight-year, $200MM deal.', '$200MM', 'money:USD', '200000000'],
  // ECB+ 10_3ecbplus: "over" after an amount spreads it over the years; it does not bound them.
  ['Reports pegged the offer to be as high as $184 million over eight years .', 'eight years', 'duration:minute', '4207680'],
  ['He ran for over eight years .', 'over eight years', 'duration:minute', '(4207680, ∞)'],
  // Tokenised text (ECB+) spaces out thousands separators and decimal points.
  ['Violence also broke out in the northern city of Thessaloniki , where another 20 , 000 people marched .', '20 , 000 people', 'count:person', '20000'],
  ['The broadcast drew high ratings – 40 . 3 million people watched , 2% higher than last year .', '40 . 3 million people', 'count:person', '40300000'],
  // A sum paid per period is a rate, never the same thing as a total.
  ['They offered $184 million or $23 million per season.', '$23 million per season', 'money:USD/year', '23000000'],
  // A figure printed in millions is its writer's rounding: "roughly" reaches what rounds to it, no further.
  ['The club offered roughly $22 million per season.', 'roughly $22 million per season', 'money:USD/year', '[21500000, 22500000]'],
  ['The state spent about $2.5 billion on the bridge.', 'about $2.5 billion', 'money:USD', '[2250000000, 2750000000]'],
];

for (const [sentence, span, kind, interval] of READINGS) {
  test(`reads "${span}" as ${kind} ${interval}`, () => {
    const q = findQuantities(sentence).find((x) => x.text === span);
    assert.ok(q, `found "${span}" in: ${JSON.stringify(findQuantities(sentence).map((x) => x.text))}`);
    assert.equal(`${q.dimension}:${q.unit}`, kind);
    assert.equal(formatInterval(q.interval), interval);
    assert.equal(sentence.slice(q.start, q.end), span, 'offsets point at the words');
  });
}

/** Dates, hours without a.m./p.m., years and bare articles are not quantities. */
const NOT_QUANTITIES = [
  'The meeting is on January 14.',
  'They met at 10 Downing Street.',
  'The visa was revoked in September 2025.',
  'A man said nothing.',
  'Tension rose often after the 1990s.',
  'The 3rd bridge was closed.',
  'Every single passenger came down on foot.',
  'A second researcher confirmed it.',
  // ECB+ 12_12ecb and 12_19ecb: a model's name, not 47 rifles or guns.
  "The Naval commandos also boarded the pirates ' boats and seized seven AK-47 assault rifles",
  'The Indian commandos also recovered 12 AK 47 guns',
  // ECB+ 5_10ecbplus: a team's name, not 76 of something.
  'Maurice Cheeks was officially introduced as the 21st head coach of the 76ers .',
];
for (const sentence of NOT_QUANTITIES) {
  test(`finds no quantity in "${sentence}"`, () => assert.deepEqual(findQuantities(sentence).map((q) => q.text), []));
}

/** Pairs of readings and whether both can be true at once (interval overlap). */
const COMPATIBILITY: Array<[string, string, boolean]> = [
  ['The call lasted just under an hour.', 'The call lasted more than an hour.', false],
  ['At least 23 people died.', 'The toll exceeded 100 people.', true],
  ['The rescue took more than three hours.', 'The rescue took just under three hours.', false],
  ['Thirty-four passengers were aboard.', '34 passengers were aboard.', true],
  ['About 30 people were hurt.', '32 people were hurt.', true],
  ['The club offered roughly $22 million per season.', 'The club offered $23 million per season.', false],
  ['About 1.2 million people live there.', 'Some 1.25 million people live there.', true],
  ['About 1.2 million people live there.', 'The census counted 1.3 million people there.', false],
  ['Fewer than 10 boats sailed.', 'At least 10 boats sailed.', false],
  ['Up to 10 boats sailed.', 'At least 10 boats sailed.', true],
  ['11 people were injured.', 'At least 16 people were injured.', false],
  ['He was stopped around 1 : 30 a . m .', 'He was driving at about 1 : 00 am.', false],
  ['She was hit around 7 p.m.', 'She was hit just after 7 p.m.', true],
  ['Police were called at 8 . 39am.', 'Police were called at 8.40am.', true],
  // ECB+ 9_ecb: one figure, one outlet rounding it; the other outlet's figure is another.
  ['The agency received nearly 235,000 comments on the endangered species proposal .', 'he had concerns about how fast the estimated 235,000 public comments were processed .', true],
  ['The agency received nearly 235,000 comments on the endangered species proposal .', 'since has received nearly 300,000 comments , the vast majority opposing the changes .', false],
];
for (const [a, b, compatible] of COMPATIBILITY) {
  test(`"${a}" vs "${b}": ${compatible ? 'compatible' : 'conflict'}`, () => {
    const [qa] = findQuantities(a);
    const [qb] = findQuantities(b);
    assert.ok(qa && qb);
    assert.equal(`${qa.dimension}:${qa.unit}`, `${qb.dimension}:${qb.unit}`);
    assert.equal(overlaps(qa.interval, qb.interval), compatible);
  });
}

// Their cost on such input is `npm run bench -- redos`'s (no timing asserts in unit tests).
test('long hostile input: bare number words and broken digit groups are no quantities', () => {
  assert.deepEqual(findQuantities('one two three four five six seven eight nine ten '.repeat(2000)), []);
  assert.deepEqual(findQuantities(`${'1,'.repeat(5000)}x`), []);
});

test('a bare number naming a record or a total counts what the count before it counts', () => {
  const [, record] = findQuantities('She needed 12 goals to break the club scoring record of 1,210.');
  assert.deepEqual([record?.text, record?.unit, record?.interval.low], ['1,210', 'goal', 1210]);
  // With no count before it, a bare number still counts nothing.
  assert.deepEqual(findQuantities('She broke the club record of 1,210 on Friday.'), []);
});
