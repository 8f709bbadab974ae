import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { unitVectors } from './align.js';
import { findConflicts } from './conflicts.js';
import { findHappeningConflicts } from './happenings.js';
import { findNameConflicts } from './names.js';
import { claimUnits } from './units.js';
import { REPO } from '../../../test/paths.js';

const ECBPLUS = () =>
  readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; subtopic: string; text: string });

/** The text of an ECB+ article (`../shared/data/ecbplus`). */
const ecbplus = (id: string): string => ECBPLUS().find((d) => d.id === id)!.text;

/** Quantity conflicts among articles of one story, one outlet each, and the statements they rest on. Sentences are from ECB+ (CC BY 3.0). */
function storyConflicts(texts: string[]) {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return { docs, units, conflicts: findConflicts(units, unitVectors(units), (u) => u.doc.id) };
}

/** Each conflict's position values. */
const conflictsOf = (texts: string[]) => storyConflicts(texts).conflicts.map((c) => c.positions.map((p) => p.value));

/** Each conflict's positions among whole ECB+ articles, each statement as (article, cited words). */
function citedConflicts(ids: string[]) {
  const { docs, units, conflicts } = storyConflicts(ids.map(ecbplus));
  const name = (u: number) => ids[docs.indexOf(units[u]!.doc)]!.replace('ecbplus', '');
  return conflicts.map((c) => c.positions.map((p) => p.refs.map((r) => [name(r.unit), units[r.unit]!.doc.text.slice(r.cite.start, r.cite.end)])));
}

test('rival figures of one happening in two whole articles are a conflict', () => {
  // ECB+ 23_ecbplus, two whole articles: how far the climber fell.
  const fell = conflictsOf([ecbplus('23_1ecbplus'), ecbplus('23_7ecbplus')]);
  assert.ok(fell.some((values) => values.includes('about 150 metres') && values.includes('approximately 200 metres')), JSON.stringify(fell));
});

test('a clause that prints the other figure bare, its noun implied, states both things', () => {
  // ECB+ 5_10ecbplus: "played for the Sixers for 11 seasons and served as an assistant coach for
  // seven"; 5_4ecbplus: "after serving seven seasons as an assistant coach for the 76ers".
  const seasons = conflictsOf([ecbplus('5_10ecbplus'), ecbplus('5_4ecbplus')]).filter((values) => values.some((v) => /seasons/.test(v)));
  assert.deepEqual(seasons, []);
});

test('many rival values for one slot are several things taken for one: no conflict', () => {
  // ECB+ 18_ecb, every article: the gunman came in "around 4 p.m.", staff were told to leave "at
  // 5:30 p.m.", he gave himself up "just after 6 p.m." — times of different happenings.
  const conflicts = conflictsOf(ECBPLUS().filter((d) => d.subtopic === '18_ecb').map((d) => d.text));
  const clash = conflicts.find((values) => values.some((v) => /\b4 p\.m/.test(v)) && values.some((v) => /\b6 p\.m/.test(v)));
  assert.equal(clash, undefined, JSON.stringify(clash));
});

test('a denied figure is no side of a dispute, and different payers\' sums are different things', () => {
  // ECB+ 10_ecbplus: "none of those offers are believed to be for more than eight years" against
  // "for eight years"; the Nationals' "$160 million offer" against the Red Sox's "offer ... in excess
  // of $160 million". The one real dispute: "less than the $184 million" against "$184 million".
  const offers = conflictsOf(['10_1ecbplus', '10_2ecbplus', '10_4ecbplus', '10_6ecbplus'].map(ecbplus));
  assert.deepEqual(offers, [['less than the $184 million', '$184 million']]);
});

test('sums of one payer are one slot; another payer\'s or the agent\'s ask never joins a side; a rate is a slot of its own', () => {
  // ECB+ 10_ecbplus: the Red Sox's offer "as high as $184 million" (10_3, its payer printed only as
  // "the Boston offer"), "$184 million" (10_4, 10_6) against "an eight-year, $200 million offer"
  // (10_13, "the Boston Red Sox", an entity apart from 10_4's "Red Sox"). The Nationals' and Angels'
  // "$160 million" offers and the "$200 million" the agent asked for (10_4) are other slots. The
  // yearly value is another slot: "roughly $22 million per season" (10_9) is a rounding no $23 million reaches.
  const conflicts = citedConflicts(['1', '2', '3', '4', '6', '9', '13', '15', '17', '18', '19', '20'].map((n) => `10_${n}ecbplus`));
  assert.deepEqual(conflicts, [
    [
      [
        ['10_3', 'to be as high as $184 million over eight years'],
        ['10_4', 'an eight - year deal worth $184 million'],
        ['10_6', 'it was eight years and $184 million'],
      ],
      [['10_13', '$200 million offer']],
    ],
    [
      [['10_9', 'worth roughly $22 million per season']],
      [
        ['10_4', 'deal worth $184 million or $23 million per season'],
        ['10_6', 'a $23 million average annual value'],
      ],
    ],
  ]);
});

test('a part of a list of people, a number opening a name and a stretch "over" years are no side of a dispute', () => {
  // Self-written. Three people in all, one outlet naming the parts.
  assert.deepEqual(conflictsOf(['Three people died when the bank in Larch Street caught fire on Tuesday.', 'A man and two women died when the bank in Larch Street caught fire on Tuesday.']), []);
  // A family's count stays a total: "a wife and two children" against "a wife and three children".
  assert.deepEqual(conflictsOf(['Officer Dale Brook, 41, leaves behind a wife and two children.', 'Dale Brook leaves behind a wife and three children.']), [['two children', 'three children']]);
  // "an 8 Block gang member" counts no members.
  assert.deepEqual(conflictsOf(['Police said an alleged 8 Block gang member fired the shots.', 'Police said two gang members fired the shots.']), []);
  // Loans spread "over three years" are not loans of more than three years.
  assert.deepEqual(conflictsOf(['The country will receive loans of 40 billion euros over three years.', 'The loans of 40 billion euros will run for three years.']), []);
});

test('the dead counted bare ("left 12 dead") dispute a count of people killed', () => {
  // Self-written.
  assert.deepEqual(conflictsOf(['The attack on the market in Orvik left 12 dead and 30 wounded on Friday.', 'At least 17 people were killed in the attack on the market in Orvik on Friday.']), [['12 dead', 'At least 17 people']]);
});

test('figures of clauses naming different days are of different happenings', () => {
  // Self-written. Monday's march and Wednesday's vigil are two gatherings.
  assert.deepEqual(conflictsOf(['On Monday about 130 people marched from the vigil to the precinct station.', 'On Wednesday night about 200 people marched from the vigil to the precinct station.']), []);
  // The same day: one march, two counts.
  assert.deepEqual(conflictsOf(['On Monday about 130 people marched from the vigil to the precinct station.', 'On Monday nearly 100 people marched from the vigil to the precinct station.']), [['nearly 100 people', 'about 130 people']]);
});

test('an outlet printing both rival values of a slot disputes nothing', () => {
  // Self-written. The first outlet gives the blocks of the late run and of the game; the second the game's.
  const both = conflictsOf(['Olsen grabbed three of his rebounds and blocked two shots in the game against the Hawks. Olsen finished with 11 rebounds and six blocked shots in the game against the Hawks.', 'Olsen had 11 rebounds and six blocked shots in the game against the Hawks.']);
  assert.deepEqual(both, []);
});

test("counts printed after different names are different people's; the same name's rival counts are a dispute", () => {
  // Self-written: a player's and his teammate's points.
  assert.deepEqual(conflictsOf(['Tom Reyes scored 12 points for the Hawks in the loss.', 'Dan Price scored 14 points for the Hawks in the loss.']), []);
  // One clause naming both players: each count is the player's it is printed after.
  const points = conflictsOf(['Tom Reyes scored 14 points off the bench and Dan Price had 11 points in the loss.', 'Tom Reyes had 12 points off the bench in the loss.']);
  assert.deepEqual(points, [['12 points', '14 points']]);
});

test('a count over part of a stretch, a need and a speaker described by age are no side of a dispute', () => {
  // Self-written.
  assert.deepEqual(conflictsOf(['The teenager had been arrested three times since October, police said.', 'The teenager had been arrested four times before the shooting, police said.']), []);
  assert.deepEqual(conflictsOf(['Jones came into the game needing 11 points to break the school scoring record.', 'Jones scored 10 points in the game to break the school scoring record.']), []);
  assert.deepEqual(conflictsOf(['“I will be back next season,” said the 29-year-old after the final game of the season.', 'The 23-year-old will miss the final game of the season with a knee sprain.']), []);
  // The whole of a partitive and a count of one kind ("receiving") are not the season's total.
  assert.deepEqual(conflictsOf(['He scored three of his four touchdowns in that stretch of the season.', 'Bush scored six touchdowns on offense this season for the Saints.']), []);
  assert.deepEqual(conflictsOf(['Bush finished the season with 440 yards and four touchdowns receiving.', 'Bush finished the season with six touchdowns on offense.']), []);
});

test("rival calibres of one gun are a dispute", () => {
  // Self-written.
  assert.deepEqual(conflictsOf(['Police said the teenager pointed a .38-caliber revolver at the two officers.', 'Police said the teenager pointed a .357 caliber revolver at the two officers.']), [['.357 caliber', '.38-caliber']]);
});

test('a count per game, night or season is a rate, no rival of a count in one game', () => {
  // Self-written. One game's rebounds against his season's average.
  assert.deepEqual(conflictsOf(['Olsen scored 23 points and grabbed seven rebounds against the Hawks on Saturday.', 'His coach said Olsen, who has 23 points and eight rebounds a game, will be back next season.']), []);
  assert.deepEqual(conflictsOf(['Olsen grabbed seven rebounds against the Hawks on Saturday.', 'Olsen, who is averaging eight rebounds, will be back next season.']), []);
  // Two rates of one measure still dispute it.
  assert.deepEqual(conflictsOf(['Olsen, who has 23 points and eight rebounds a game, will be back next season.', 'Olsen, who has 23 points and six rebounds per game, will be back next season.']), [['six rebounds', 'eight rebounds']]);
});

test('counts of people given different fates (killed, shot, wounded) are different measures', () => {
  // Self-written. Two of the three people shot died: the dead and the shot are counted apart.
  assert.deepEqual(conflictsOf(['Police said the gunman killed two women at the plant on Thursday night.', 'Police said the gunman shot three victims at the plant on Thursday night.']), []);
  assert.deepEqual(conflictsOf(['Police said two people were killed in the shooting at the plant on Thursday.', 'Police said three people were shot in the shooting at the plant on Thursday.']), []);
  assert.deepEqual(conflictsOf(['Police said the gunman fatally shot two women at the plant on Thursday night.', 'Police said the gunman shot three victims at the plant on Thursday night.']), []);
  // The same fate counted apart is a dispute.
  assert.deepEqual(conflictsOf(['Police said two people were killed in the shooting at the plant on Thursday.', 'Police said three people were killed in the shooting at the plant on Thursday.']), [['two people', 'three people']]);
});

test('the times a person was hit, told as "shot N times" or as N bullets that hit, are one measure', () => {
  const seven = 'The medical examiner said seven bullets struck Mr. Ortega in the chest and legs.';
  const eleven = 'Ortega, 19, was shot eleven times by the deputies.';
  assert.deepEqual(conflictsOf([seven, eleven]), [['seven bullets', 'eleven times']]);
  // Shots fired are another measure than the times someone was hit.
  assert.deepEqual(conflictsOf(['The deputies fired eleven shots at the car.', seven]), []);
  // Another person's wounds are no rival.
  assert.deepEqual(conflictsOf([seven, 'His cousin Luis Vega was shot eleven times.']), []);
  // "shot eleven times" with no one shot named may count the shots fired.
  assert.deepEqual(conflictsOf([seven, 'Both deputies shot eleven times from the road.']), []);
});

test('"over" after a noun spreads a count of seasons or games, it is no "more than"', () => {
  assert.deepEqual(conflictsOf(['Reyes has scored his 900 goals in 310 games over four seasons with the club.', 'Reyes reached 900 goals in only four seasons with the club.']), []);
});

test('a figure printed without its owner, which another outlet gives someone else, is no side of a named owner\'s dispute', () => {
  const sides = (texts: string[]) => storyConflicts(texts).conflicts.map((c) => c.positions.map((p) => p.refs.length));
  const nine = 'Tom Baker had 9 points and five rebounds for the visitors.';
  const eleven = 'Tom Baker scored 11 points for the visitors on Friday.';
  const lee = 'Sam Lee scored 11 points in his first start of the season.';
  const his = 'His 11 points were a career high, and the crowd cheered him off the floor.';
  assert.deepEqual(sides([nine, eleven, lee]), [[1, 1]]);
  // "His 11 points" agrees with Sam Lee's 11 in another outlet: it may be Lee's, so it joins no side of Baker's.
  assert.deepEqual(sides([nine, eleven, lee, his]), [[1, 1]]);
});

test('years served in different bodies are no rivals; years in one body still are', () => {
  assert.deepEqual(conflictsOf(['The officer had served with the county police department for 15 years, officials said.', 'The officer had served with the police department\'s narcotics unit for 12 years, officials said.']), []);
  assert.equal(conflictsOf(['The officer had served with the county police department for 20 years, officials said.', 'The officer had served with the county police department for 12 years, officials said.']).length, 1);
});

test('a statement closed by a tagged-on question still states its figure; a question does not', () => {
  // Self-written.
  const after = 'Olsen ended the game against the Hawks with 1,530 career points.';
  assert.deepEqual(conflictsOf(['Olsen now has 1,430 career points after the game against the Hawks, but who is counting?', after]), [['1,430 career points', '1,530 career points']]);
  assert.deepEqual(conflictsOf(['Does Olsen now have 1,430 career points after the game against the Hawks, or is it more?', after]), []);
});

test("a figure in a name's possessed phrase is that name's: the record broken is not the breaker's total", () => {
  // Self-written. Reyes broke Hall's record of 1,116 points and reached 1,117; Hall's figure is no rival of Reyes's.
  assert.deepEqual(conflictsOf(['Dan Reyes broke Tom Hall’s school scoring record of 1,116 points on Friday.', 'Dan Reyes became the school’s scoring leader with 1,117 points on Friday.']), []);
});

test('an outlet printing both values, neither of them its own, makes them no rivals', () => {
  // Self-written. A third outlet gives the milestone reached during the game and the total after it.
  const milestone = 'Dan Reyes passed Tom Hall with 1,117 career points on Friday.';
  const total = 'Dan Reyes ended the game with 1,129 career points on Friday.';
  assert.equal(conflictsOf([milestone, total]).length, 1);
  assert.deepEqual(conflictsOf([milestone, total, `${milestone} ${total.replace('Dan Reyes', 'He')}`]), []);
});

test("a figure's citation reaches the owner of a possessive before it", () => {
  // Self-written.
  const { units, conflicts } = storyConflicts(['Dan Reyes broke Tom Hall’s school scoring record of 1,116 points on Friday night.', 'On Friday night Reyes passed Tom Hall’s school scoring record of 1,106 points.']);
  const cited = conflicts.flatMap((c) => c.positions.flatMap((p) => p.refs.map((r) => units[r.unit]!.doc.text.slice(r.cite.start, r.cite.end))));
  assert.ok(cited.length === 2 && cited.every((c) => c.startsWith('Hall’s school scoring record of')), JSON.stringify(cited));
});

/** Conflicts in words (days, parts of the day, months and years, towns, names) among articles of one story, one outlet each unless `outlets` says otherwise. Sentences are our own. */
function wordConflicts(texts: string[], outlets: string[] = texts.map((_, i) => `outlet-${i}`)) {
  const docs = texts.map((text, i) => processDoc(docFromText(`Report ${i}\n\n${text}`, `a${i}.txt`, null), { now: new Date('2024-05-10T00:00:00Z') }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  const space = unitVectors(units);
  const sourceOf = (u: (typeof units)[number]) => outlets[docs.indexOf(u.doc)]!;
  return [...findHappeningConflicts(units, space, sourceOf), ...findNameConflicts(units, space, sourceOf)].map((c) => ({ subject: c.subject, aspect: c.aspect, values: c.positions.map((p) => p.value) }));
}

test('rival parts of one day for one happening are a conflict; a day and its part, evening and night, or "late morning" and "afternoon" are not', () => {
  const afternoon = 'Phone services were disrupted in Lendra on Tuesday afternoon, the regulator said.';
  assert.deepEqual(wordConflicts([afternoon, 'Phone services were disrupted in Lendra on Tuesday morning.']), [{ subject: 'what time of day: disrupted', aspect: 'time', values: ['on Tuesday afternoon', 'on Tuesday morning'] }]);
  // A value and its refinement.
  assert.deepEqual(wordConflicts([afternoon, 'Phone services were disrupted in Lendra on Tuesday.']), []);
  assert.deepEqual(wordConflicts(['Phone services were disrupted in Lendra on Tuesday evening.', 'Phone services were disrupted in Lendra on Tuesday night.']), []);
  assert.deepEqual(wordConflicts([afternoon, 'Phone services were disrupted in Lendra late Tuesday morning.']), []);
  // One outlet printing both parts tells two happenings.
  assert.deepEqual(wordConflicts([afternoon, 'Phone services were disrupted in Lendra on Tuesday morning.'], ['same', 'same']), []);
});

test('rival months or years of one happening are a conflict; a year and a date within it, or a date of a noun, are not', () => {
  assert.deepEqual(wordConflicts(['Ray Dunn pleaded guilty to fraud in July 1998.', 'On June 12, 1998, Ray Dunn pleaded guilty to fraud.']), [{ subject: 'when: pleaded', aspect: 'date', values: ['in July 1998', 'On June 12, 1998'] }]);
  assert.deepEqual(wordConflicts(['Ray Dunn pleaded guilty to fraud in 1998.', 'On June 12, 1998, Ray Dunn pleaded guilty to fraud.']), []);
  // The same price ties two sales told with different names to one deal; a participle after an article ("a reported") is no deed.
  assert.deepEqual(wordConflicts(['The family sold its Texas ranch for a reported $12 million in 1981, to fund a campaign.', 'The Pike ranch, which Dunn\'s brothers sold for $12 million in 1991, was later split up.']), [{ subject: 'when: sold', aspect: 'date', values: ['1981', '1991'] }]);
  // "his January start date" dates the start, not the signing.
  assert.deepEqual(wordConflicts(['Ray Dunn signed the contract in 1998, the club said.', 'Ray Dunn signed the contract before his January start date.']), []);
});

test('two towns of one city told at two scales are no conflict; two cities apart still are', () => {
  const arrested = (town: string) => `Actor Sam Reed was arrested in ${town} on Sunday, police said.`;
  assert.deepEqual(wordConflicts([arrested('Los Angeles'), 'Sam Reed was arrested in Hollywood on Sunday.']), []);
  assert.deepEqual(wordConflicts([arrested('Los Angeles'), 'Sam Reed was arrested in Santa Monica on Sunday.']), []);
  assert.deepEqual(wordConflicts([arrested('Fresno'), 'Sam Reed was arrested in Oakland on Sunday.']), [{ subject: 'where: arrested', aspect: 'place', values: ['Fresno', 'Oakland'] }]);
});

test('two names for who underwent or did one deed are a conflict; different people, several names or other deeds are not', () => {
  const webb = 'Police said Carl Webb was arrested at the Eastport mall on Sunday after the shooting.';
  const ortiz = 'Dan Ortiz was arrested at the Eastport mall on Sunday after the shooting, police said.';
  assert.deepEqual(wordConflicts([webb, ortiz]), [{ subject: 'whom: arrested', aspect: 'name', values: ['Carl Webb', 'Dan Ortiz'] }]);
  assert.deepEqual(wordConflicts(['Carl Webb fired the shot that killed Ann Lee at the Eastport mall.', 'Dan Ortiz fired the shot that killed Ann Lee at the Eastport mall.']), [{ subject: 'who: fired', aspect: 'name', values: ['Carl Webb', 'Dan Ortiz'] }]);
  // An outlet that names the other's person too knows of both: two arrests, not a dispute.
  assert.deepEqual(wordConflicts([webb, `${ortiz} Carl Webb, his cousin, was questioned.`]), []);
  // Names joined in one deed are several people.
  assert.deepEqual(wordConflicts(['Carl Webb and Tom Hale were arrested at the Eastport mall on Sunday after the shooting.', ortiz]), []);
  // Different days: different arrests.
  assert.deepEqual(wordConflicts([webb, 'Dan Ortiz was arrested at the Eastport mall on Friday after the shooting.']), []);
  // Another deed ("charged"), or a plan, is no rival of the arrest.
  assert.deepEqual(wordConflicts([webb, 'Dan Ortiz was charged at the Eastport mall on Sunday after the shooting.']), []);
  assert.deepEqual(wordConflicts([webb, 'Dan Ortiz will be arrested at the Eastport mall on Sunday after the shooting.']), []);
  // One outlet never disputes itself.
  assert.deepEqual(wordConflicts([webb, ortiz], ['same', 'same']), []);
});

test('three outlets giving three values of one deed are one conflict with every position; other deeds and two-valued outlets are not', () => {
  const served = ['Ray Dunn served four months in a state prison for fraud.', 'Dunn served four and a half months in prison for his part in the fraud.', 'He served five months in a state prison, the court record shows.'];
  assert.deepEqual(conflictsOf(served), [['four months', 'four and a half months', 'five months']]);
  // Three values of different deeds from three outlets are several things: time served, time on parole, time in hospital.
  assert.deepEqual(conflictsOf([served[0]!, 'Dunn spent four and a half months on parole after the fraud.', 'He lingered five months in a state prison hospital, the court record shows.']).filter((values) => values.length > 2), []);
  // A figure of another deed ("with all but six months suspended") that joined the slot is left out; the rest still stand.
  assert.deepEqual(conflictsOf([...served, 'Dunn was sentenced to two years in prison, with all but six months suspended.']), [['four months', 'four and a half months', 'five months']]);
  // An outlet holding two of the values tells two things (or an update).
  assert.deepEqual(conflictsOf([served[0]!, `${served[1]!} He served five months in all.`, served[2]!]).filter((values) => values.length > 2), []);
  // A fraction's denominator is no figure: "4 1/2 months" printed as "41 / 2 months" is not two months.
  assert.deepEqual(conflictsOf(['Ray Dunn served 41 / 2 months in a state prison for fraud.', served[2]!]), []);
});

test('a dozen is a round count: it covers 11 and 13, and is no rival of them', () => {
  assert.deepEqual(conflictsOf(['Police said the gunman fired 13 shots from the roof of the building.', 'Police said the gunman fired a dozen shots from the roof of the building.']), []);
  // A tally of 12 is a rival of 13; a dozen is a rival of a figure it does not cover.
  assert.deepEqual(conflictsOf(['Police said the gunman fired 13 shots from the roof of the building.', 'Police said the gunman fired 12 shots from the roof of the building.']), [['12 shots', '13 shots']]);
  assert.deepEqual(conflictsOf(['Police said the gunman fired 16 shots from the roof of the building.', 'Police said the gunman fired a dozen shots from the roof of the building.']), [['a dozen shots', '16 shots']]);
});
