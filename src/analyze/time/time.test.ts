import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import { sentencesAndTokens } from '../sentences.js';
import { isoWeek } from './calendar.js';
import { findTimexes, type FindTimexOptions } from './detect.js';
import { TIME_PATTERNS } from './patterns.js';
import { findDateline } from './published-at.js';
import type { Anchor } from './resolve.js';
import { clauseTense } from './tense.js';

const anchorOf = (iso: string): Anchor => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });

/** Timexes of our own sentence, resolved against an ISO date (or none). */
function timexes(text: string, anchor: string | null, extra: Partial<FindTimexOptions> = {}) {
  const { sentences, tokens } = sentencesAndTokens(text);
  return findTimexes(text, { anchor: anchor ? anchorOf(anchor) : null, sentences, tokens, ...extra }).map((t) => ({ ...t, text: text.slice(t.start, t.end) }));
}
const find = (text: string, anchor: string | null, phrase: string) => timexes(text, anchor).find((t) => t.text.includes(phrase));

test('should expose the time API: findTimexes returns spans with TIMEX3 type and value', () => {
  const [t] = timexes('The ferry sank on March 2, 2025.', null);
  assert.equal(t?.type, 'DATE');
  assert.equal(t?.value, '2025-03-02');
  assert.deepEqual(t?.known.sort(), ['day', 'month', 'year']);
});

describe('calendar', () => {
  test('ISO weeks start on Monday and week 1 holds the first Thursday', () => {
    assert.equal(isoWeek({ y: 2026, m: 1, d: 9 }), '2026-W02');
    assert.equal(isoWeek({ y: 2004, m: 11, d: 24 }), '2004-W48');
    assert.equal(isoWeek({ y: 2021, m: 1, d: 1 }), '2020-W53');
    assert.notEqual(isoWeek({ y: 2026, m: 1, d: 4 }), '2026-W02');
  });
});

describe('tense', () => {
  const tenseOf = (text: string, phrase: string) => {
    const { sentences, tokens } = sentencesAndTokens(text);
    const start = text.indexOf(phrase);
    return clauseTense(text, tokens, sentences[0], { start, end: start + phrase.length });
  };
  test('a modal before the date reads as future, a past form as past', () => {
    assert.equal(tenseOf('The council will vote on the plan on Tuesday.', 'on Tuesday'), 'future');
    assert.equal(tenseOf('The council voted on the plan on Tuesday.', 'on Tuesday'), 'past');
  });
  test('"would" is a future in the past, but "would like" is a wish', () => {
    assert.equal(tenseOf('The board said it would decide on Monday.', 'on Monday'), 'future');
    assert.equal(tenseOf('I would like them to start with January.', 'January'), 'none');
  });
  test('a nearer present verb outweighs a farther past form', () => {
    assert.equal(tenseOf('The planned June summit comes amid heightened tension.', 'June'), 'none');
    assert.equal(tenseOf('The June summit came amid tension.', 'June'), 'past');
  });
  test('an adjectival participle ("a scheduled check") is not a future cue', () => {
    assert.equal(tenseOf('The lift passed a scheduled check on May 4.', 'on May 4'), 'past');
    assert.equal(tenseOf('The check is scheduled for May 4.', 'May 4'), 'future');
  });
  test('getting ready ("prepares to … on Wednesday") plans; an -ed word between a number and a noun is no past verb', () => {
    // ECB+ 9_11ecbplus and 22_8ecbplus.
    assert.equal(find('The decision comes as President Obama prepares to mark his first 100 days in office on Wednesday .', '2009-04-28', 'Wednesday')?.value, '2009-04-29');
    assert.equal(tenseOf('Hiller is expected to be arraigned on two murder charges and one attempted murder charge later today .', 'today'), 'future');
  });
  test('"plans" taken as a verb\'s object ("announced plans Tuesday to resume …") is no future cue; "plans to" still is', () => {
    // ECB+ 9_10ecbplus, published Wednesday March 4, 2009: the announcement was that Tuesday.
    assert.equal(find('President Barack Obama announced plans Tuesday to resume full scientific reviews of projects that might harm endangered wildlife and plants .', '2009-03-04', 'Tuesday')?.value, '2009-03-03');
    assert.equal(tenseOf('Obama plans to visit Paris on Tuesday.', 'on Tuesday'), 'future');
  });
  test('a possessive "\'s" is not "is": the farther "will" decides', () => {
    assert.equal(tenseOf("Cheeks will be introduced as Philadelphia's 21st head coach at a Tuesday news conference.", 'Tuesday'), 'future');
    assert.equal(tenseOf("The coach's contract runs through Tuesday.", 'Tuesday'), 'none');
  });
});

describe('weekdays (past bias by tense)', () => {
  // 2026-01-14 is a Wednesday.
  test('past tense: the latest such day on or before the article date', () => {
    assert.equal(find('The mayor resigned on Friday.', '2026-01-14', 'Friday')?.value, '2026-01-09');
    assert.equal(find('The mayor resigned on Wednesday.', '2026-01-14', 'Wednesday')?.value, '2026-01-14');
  });
  test('future tense: the next such day', () => {
    assert.equal(find('The mayor will resign on Friday.', '2026-01-14', 'Friday')?.value, '2026-01-16');
  });
  test('a fixture told in the present (starting, meeting, playing) is the next such day', () => {
    assert.equal(find('The club begins its playoff run Saturday against Leeds.', '2026-01-14', 'Saturday')?.value, '2026-01-17');
    assert.equal(find('The rivals meet Sunday in Turin.', '2026-01-14', 'Sunday')?.value, '2026-01-18');
    assert.equal(find('The cup final kicks off Friday evening.', '2026-01-14', 'Friday')?.value, '2026-01-16TEV');
    assert.equal(find('On Monday, the retrial opens in Lyon.', '2026-01-14', 'Monday')?.tense, 'future');
  });
  test('a fixture verb near a past verb keeps the past reading; a present verb of another kind too', () => {
    assert.equal(find('The club, which lost on Tuesday, plays Saturday.', '2026-01-14', 'Saturday')?.value, '2026-01-10');
    assert.equal(find('The coach said the squad meets Saturday.', '2026-01-14', 'Saturday')?.value, '2026-01-10');
    assert.equal(find('The striker scores Saturday.', '2026-01-14', 'Saturday')?.value, '2026-01-10');
    assert.equal(find('The club was beaten Saturday.', '2026-01-14', 'Saturday')?.value, '2026-01-10');
  });
  test('"last Friday" is before the article day even on a Friday', () => {
    assert.equal(find('Stocks fell last Friday.', '2026-01-16', 'Friday')?.value, '2026-01-09');
  });
  test('a part of day makes a TIME with its TIMEX3 code', () => {
    const t = find('Fans gathered on Saturday night.', '2026-01-14', 'Saturday');
    assert.equal(t?.type, 'TIME');
    assert.equal(t?.value, '2026-01-10TNI');
  });
  test('without an anchor the weekday stays unresolved', () => {
    assert.equal(find('The mayor resigned on Friday.', null, 'Friday')?.value, 'XXXX-WXX-5');
  });
  test('chrono misreadings are dropped: "will march", "may resign", "The Sun reported", "at 10 Downing Street"', () => {
    assert.deepEqual(timexes('Crowds will march and the mayor may resign. The Sun reported talks at 10 Downing Street.', '2026-01-14'), []);
  });
  test('capitalised months and clock times with a.m./p.m. are kept', () => {
    assert.equal(find('The bridge reopened in May.', '2026-01-14', 'May')?.value, '2025-05');
    assert.equal(find('Doors open at 10 a.m. tomorrow.', '2026-01-14', '10')?.type, 'TIME');
  });
  test('"midnight" naming a kind of rule and "9 - 11" naming the attacks are no clock times; "at midnight yesterday" is', () => {
    // ECB+ 9_13ecbplus, 9_12ecbplus, 22_5ecbplus.
    assert.deepEqual(timexes('The Obama administration plans to head off many of Bush ’ s midnight hour rules still in the pipeline .', '2009-03-05'), []);
    assert.deepEqual(timexes('There was no word on another so - called midnight regulation that undermined protection for polar bear .', '2009-04-28'), []);
    assert.deepEqual(timexes('It is unclear if the shooting had anything to do with the approaching anniversary of the 9 - 11 attacks on America .', '2010-09-10'), []);
    assert.equal(find('The strike ended at midnight yesterday .', '2026-01-14', 'midnight')?.type, 'TIME');
  });
  test('lowercase "sat" is a verb, not Saturday', () => {
    assert.equal(timexes('I sat in the cabin.', '2026-01-14').length, 0);
  });
});

describe('partial dates (year from tense or context)', () => {
  test('a past month-day takes the year that puts it on or before the article', () => {
    assert.equal(find('The minister spoke on December 3.', '2026-01-14', 'December 3')?.value, '2025-12-03');
  });
  test('a future month-day takes the next such day', () => {
    assert.equal(find('The minister will speak on January 3.', '2026-01-14', 'January 3')?.value, '2027-01-03');
    assert.equal(find('The minister will speak on February 3.', '2026-01-14', 'February 3')?.value, '2026-02-03');
  });
  test('"in September": last September when past, the coming one when future', () => {
    assert.equal(find('The levy was raised in September.', '2026-01-14', 'September')?.value, '2025-09');
    assert.equal(find('The levy will be raised in September.', '2026-01-14', 'September')?.value, '2026-09');
  });
  test('without an anchor, a month-day falls on or after the latest fully dated event', () => {
    const text = 'The visa was revoked in October 2025. The cabinet met on January 12.';
    assert.equal(find(text, null, 'January 12')?.value, '2026-01-12');
  });
  test('a bare year is background and gives no context', () => {
    assert.equal(find('The line opened in 1998. The cabinet met on January 12.', null, 'January 12')?.value, 'XXXX-01-12');
  });
});

describe('relative units', () => {
  test('"last week", "earlier this week", "next month", "last year" keep their unit precision', () => {
    const text = 'Talks stalled last week and resumed earlier this week; a deal is due next month, after the slump of last year.';
    const values = Object.fromEntries(timexes(text, '2026-01-14').map((t) => [t.text, t.value]));
    assert.equal(values['last week'], '2026-W02');
    assert.equal(values['earlier this week'], '2026-W03');
    assert.equal(values['next month'], '2026-02');
    assert.equal(values['last year'], '2025');
  });
  test('"the past year" is a duration, not a date', () => {
    assert.equal(find('Prices doubled over the past year.', '2026-01-14', 'year')?.type, 'DURATION');
  });
  test('"two years ago" is a date', () => {
    assert.deepEqual(pick(find('The plant closed two years ago.', '2026-01-14', 'ago')), { type: 'DATE', value: '2024' });
  });
  test('"the following day", "two days later" shift the date last named', () => {
    const found = timexes('The court met on March 3. The following day the minister resigned; a week later he left.', '2026-03-14');
    const by = Object.fromEntries(found.map((t) => [t.text, t.value]));
    assert.equal(by['The following day'], '2026-03-04');
    assert.equal(by['a week later'], '2026-03-10');
  });
  test('with no date named before it, "two days later" stays a duration', () => {
    const t = find('Two days later the minister resigned.', '2026-03-14', 'days');
    assert.deepEqual(t && { type: t.type, value: t.value }, { type: 'DURATION', value: 'P2D' });
  });
  test('"a day after the vote" counts from the vote, so only its length is kept', () => {
    const t = find('A day after the vote, the minister quit.', '2026-01-14', 'day');
    assert.equal(t?.type, 'DURATION');
    assert.equal(t?.value, 'P1D');
  });
});
const pick = (t: { type: string; value: string } | undefined) => (t ? { type: t.type, value: t.value } : undefined);

describe('ranges and parts of periods', () => {
  test('"the first week of February" is a range of its first seven days', () => {
    const t = find('The leaders will meet during the first week of February.', '2026-01-09', 'week');
    assert.equal(t?.text, 'the first week of February');
    assert.deepEqual(t?.range, { start: '2026-02-01', end: '2026-02-07' });
  });
  test('"early February" carries mod START and the month\'s first days', () => {
    const t = find('The talks are planned for early February.', '2026-01-09', 'February');
    assert.equal(t?.value, '2026-02');
    assert.equal(t?.mod, 'START');
    assert.equal(t?.range?.start, '2026-02-01');
  });
  test('a month alone has no range and no mod', () => {
    const t = find('The talks are planned for February.', '2026-01-09', 'February');
    assert.equal(t?.mod, undefined);
    assert.equal(t?.range, undefined);
  });
  test('"mid-2011" is the year with mod MID', () => {
    assert.deepEqual({ value: find('Sales begin in mid-2011.', '2010-10-01', '2011')?.value, mod: find('Sales begin in mid-2011.', '2010-10-01', '2011')?.mod }, { value: '2011', mod: 'MID' });
  });
  test('a range written "January 3-9, 2026" keeps its end', () => {
    assert.deepEqual(find('Reports from January 3-9, 2026 agree.', null, 'January')?.range, { start: '2026-01-03', end: '2026-01-09' });
  });
});

describe('quarters, halves, seasons, parts of relative periods', () => {
  test('a quarter without a year is the latest one begun by the article date', () => {
    assert.equal(find('Profit rose in the third quarter.', '2008-11-05', 'quarter')?.value, '2008-Q3');
    assert.equal(find('Profit rose in the fourth quarter.', '2008-02-05', 'quarter')?.value, '2007-Q4');
  });
  test('a quarter or half with its year, and "fourth-quarter" as an adjective', () => {
    assert.equal(find('Sales fell in the first half of 2008.', null, 'half')?.value, '2008-H1');
    assert.equal(find('Its fourth-quarter profit doubled.', '2009-01-20', 'quarter')?.value, '2008-Q4');
  });
  test('"quarter" alone is no quarter of a year', () => {
    assert.equal(find('A quarter of the staff left.', '2008-11-05', 'quarter'), undefined);
  });
  test('seasons need a reference or a year; "fall" alone is a verb', () => {
    assert.equal(find('The mill closed last summer.', '2026-01-14', 'summer')?.value, '2025-SU');
    assert.equal(find('Prices may fall sharply.', '2026-01-14', 'fall'), undefined);
  });
  test('"the beginning of the year" is the anchor year with mod START', () => {
    const t = find('Shares have doubled since the beginning of the year.', '2008-04-09', 'year');
    assert.deepEqual({ value: t?.value, mod: t?.mod }, { value: '2008', mod: 'START' });
  });
  test('"to be held on October 12" is scheduled: the coming October 12', () => {
    assert.equal(find('Apple announced an event to be held on October 12.', '2005-10-04', 'October')?.value, '2005-10-12');
  });
  test('a date chrono joins to a length ("on 11 December -- four years late") keeps the date alone', () => {
    const found = timexes('It first flew on 11 December -- four years late.', '2010-01-25');
    assert.equal(found.find((t) => t.text.includes('December'))?.value, '2009-12-11');
    assert.equal(found.find((t) => t.text.includes('years'))?.type, 'DURATION');
  });
});

describe('durations', () => {
  test('hedged lengths keep the hedge as mod', () => {
    const values = timexes('The cabins hung for just under three hours; the call lasted more than an hour and crews arrived within 40 minutes.', '2026-01-14');
    const by = Object.fromEntries(values.map((t) => [t.text, `${t.type} ${t.value} ${t.mod ?? ''}`.trim()]));
    assert.equal(by['just under three hours'], 'DURATION PT3H LESS_THAN');
    assert.equal(by['more than an hour'], 'DURATION PT1H MORE_THAN');
    assert.equal(by['within 40 minutes'], 'DURATION PT40M EQUAL_OR_LESS');
  });
  test('"for about 40 minutes" is a length, not a clock time', () => {
    const t = find('We waited for about 40 minutes.', '2026-01-14', 'minutes');
    assert.equal(t?.type, 'DURATION');
    assert.equal(t?.value, 'PT40M');
  });
  test('"a second plane" is an ordinal, not a second of time', () => {
    assert.equal(find('A second plane landed.', '2026-01-14', 'second'), undefined);
  });
  test('lengths of unknown count: "for years", "decades-long"', () => {
    assert.equal(find('The feud ran for years.', null, 'years')?.value, 'PXY');
    assert.equal(find('A decades-long feud ended.', null, 'decades')?.value, 'PXY');
    assert.equal(find('The years ahead look bright.', null, 'years'), undefined);
  });
  test('an hour-long call', () => {
    assert.equal(find('They held a more than hour-long call.', '2026-01-14', 'hour')?.value, 'PT1H');
  });
});

describe('years, sets, references', () => {
  test('a bare year is a DATE; its preposition is left out', () => {
    const t = find('The bridge, which opened in 2009, is closed.', null, '2009');
    assert.equal(t?.text, '2009');
    assert.equal(t?.value, '2009');
  });
  test('money, counts and thousands are not years', () => {
    assert.equal(timexes('It cost $2009 and 2,009 people came; 2000 passengers waited.', null).length, 0);
  });
  test('"the 1990s" is a decade', () => {
    assert.equal(find('Built in the 1990s, the tower leans.', null, '1990s')?.value, '199');
  });
  test('"annually" and "15 a year" are SETs; "a year ago" is not', () => {
    assert.equal(find('The fair is held annually.', null, 'annually')?.type, 'SET');
    assert.equal(find('It builds 15 a year.', null, 'year')?.value, 'P1Y');
    assert.notEqual(find('It closed a year ago.', '2026-01-14', 'year')?.type, 'SET');
  });
  test('fiscal years, centuries, fixed-day holidays, "quarterly"', () => {
    assert.equal(find('Profit rose in fiscal 2008.', null, '2008')?.value, 'FY2008');
    assert.equal(find('Built in the 20th century.', null, 'century')?.value, '19');
    assert.equal(find('The shop reopened before Christmas.', '2026-01-14', 'Christmas')?.value, '2025-12-25');
    assert.equal(find('Results are reported quarterly.', null, 'quarterly')?.value, 'P3M');
  });
  test('"christmas" in lowercase is left alone; "20th century" needs its article', () => {
    assert.equal(find('a christmas tree', '2026-01-14', 'christmas'), undefined);
    assert.equal(find('A 20th century chair.', null, 'century'), undefined);
  });
  test('"currently" is PRESENT_REF', () => {
    assert.equal(find('The store currently sells music.', null, 'currently')?.value, 'PRESENT_REF');
  });
});

describe('clock times and lead-in words', () => {
  test('"at about 5:40 p.m." keeps "at about" with mod APPROX', () => {
    const t = find('The line stopped at about 5:40 p.m. on the ridge.', '2026-03-13', '5:40');
    assert.equal(t?.text, 'at about 5:40 p.m.');
    assert.equal(t?.mod, 'APPROX');
    assert.equal(t?.value, '2026-03-13T17:40');
  });
  test('a possessive day keeps its preposition out ("in Wednesday\'s session")', () => {
    assert.equal(find('Shares fell in Wednesday\'s session.', '2008-10-09', 'Wednesday')?.text, 'Wednesday');
    assert.equal(find('Shares fell on Wednesday.', '2008-10-09', 'Wednesday')?.text, 'on Wednesday');
  });
  test('a clock time takes the day named just before it', () => {
    assert.equal(find('The jet first flew on Tuesday in Everett at 18:00 UTC.', '2009-12-16', '18:00')?.value, '2009-12-15T18:00Z');
  });
  test('with no day named before it, a clock time falls on the article day', () => {
    assert.equal(find('The jet first flew at 18:00 UTC.', '2009-12-16', '18:00')?.value, '2009-12-16T18:00Z');
  });
  test('"tonight" is the anchor day\'s night', () => {
    assert.equal(find('The line stays shut tonight.', '2026-03-13', 'tonight')?.value, '2026-03-13TNI');
  });
  test('a part of a day tied to another day or happening dates nothing; "this morning", "last night", "Thursday night", "by late afternoon" do', () => {
    for (const text of ['On the night of the shooting, she confronted her coworkers again.', 'The morning after the vote, crowds gathered.', 'That afternoon the minister resigned.', 'One evening he called the police.']) {
      assert.deepEqual(timexes(text, '2010-12-08').map((t) => t.text), [], text);
    }
    assert.equal(find('The marchers had dispersed by late afternoon.', '2010-12-08', 'afternoon')?.value, '2010-12-08TAF');
    assert.equal(find('The minister resigned this morning.', '2010-12-08', 'morning')?.value, '2010-12-08TMO');
    assert.equal(find('Police arrived last night.', '2010-12-08', 'night')?.value, '2010-12-07TNI');
    assert.equal(find('The shooting happened Thursday night.', '2010-12-08', 'Thursday')?.value.slice(0, 10), '2010-12-02');
  });
});

// Their cost on such inputs is `npm run bench -- redos`'s (no timing asserts in unit tests).
test('long hostile inputs: no time expression where there is none, the dateline and range join as on short ones', () => {
  const long = `${'early '.repeat(2000)}${'1 '.repeat(2000)}${'the first '.repeat(1000)}${'WASHINGTON '.repeat(500)}`;
  const found = Object.entries(TIME_PATTERNS).filter(([, re]) => re.global && [...long.matchAll(re)].length > 0);
  assert.deepEqual(found.map(([name]) => name), []);
  assert.deepEqual(timexes(long, '2026-01-14'), []);
  const spaces = ' '.repeat(5000);
  assert.equal(findDateline(`Posted${spaces}x`, [{ start: 0, end: 5007 }]), null);
  assert.deepEqual(TIME_PATTERNS.dateOnlyLine.exec(`Posted${spaces}January 9,${spaces}2026${spaces}10:32 AM${spaces}`)?.slice(1, 4), ['January', '9', '2026']);
  assert.equal(`11 December${spaces}-- four years`.search(TIME_PATTERNS.rangeJoin), 11);
  assert.equal(`11 December${spaces}four years`.search(TIME_PATTERNS.rangeJoin), -1);
});

test('"at the weekend" is both days of the weekend its tense points to; a deadline weekday lies ahead unless told in the past', () => {
  // 2010-05-05 is a Wednesday: the weekend just gone is May 1–2 (ISO week 17), the coming one May 8–9.
  assert.equal(find('The government agreed at the weekend to slash spending.', '2010-05-05', 'weekend')?.value, '2010-W17-WE');
  assert.equal(find('Regional elections will be held over the weekend.', '2010-05-05', 'weekend')?.value, '2010-W18-WE');
  assert.equal(find('The goal is passage by Friday.', '2010-05-05', 'Friday')?.value, '2010-05-07');
  assert.equal(find('The strikers had gone home by Friday.', '2010-05-05', 'Friday')?.value, '2010-04-30');
});
