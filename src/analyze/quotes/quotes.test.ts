import test from 'node:test';
import assert from 'node:assert/strict';
import { sentencesAndTokens } from '../sentences.js';
import { findQuotes } from './quotes.js';

/** Every quoted span of a text as `[words, kind, speakerName or [role phrase] or null]`. */
function quotesOf(text: string) {
  const { sentences, tokens } = sentencesAndTokens(text);
  return findQuotes(text, sentences, tokens).map((q) => ({
    words: text.slice(q.start, q.end),
    kind: q.kind,
    speaker: q.speakerName ?? (q.speaker ? `[${text.slice(q.speaker.start, q.speaker.end)}]` : null),
    rule: q.attribution,
  }));
}
const only = (text: string) => {
  const all = quotesOf(text);
  assert.equal(all.length, 1, JSON.stringify(all));
  return all[0]!;
};

test('“…,” said X and “…,” X said name the speaker after the quote', () => {
  assert.deepEqual(only('“The road reopens on Friday,” said Transport Minister Ana Lindqvist.').speaker, 'Ana Lindqvist');
  assert.deepEqual(only('“The road reopens on Friday,” Lindqvist said.').speaker, 'Lindqvist');
  assert.equal(only('“The road reopens on Friday,” said the report.').speaker, '[the report]', 'a document with no author in sight speaks as itself, with no name');
  // An AP-style abbreviated title before the name, its stops spaced off (tokenised text) or not.
  assert.equal(only('“He will face the court,” said Dist. Atty. Ana Ruiz.').speaker, 'Ana Ruiz');
  assert.equal(only('" He will face the court , " said Dist . Atty . Ana Ruiz .').speaker, 'Ana Ruiz');
});

test('according to X, X wrote on a platform, X told reporters', () => {
  assert.equal(only('Repairs will take a week, “and maybe longer,” according to engineer Piet Dorn.').speaker, 'Piet Dorn');
  assert.equal(only('“We stand with the workers,” Mara Keel wrote on X.').speaker, 'Mara Keel');
  assert.equal(only('“Nobody was hurt,” Chief Ravi Anand told reporters.').speaker, 'Ravi Anand');
});

test('a colon after a verb of saying or after a name introduces the quote', () => {
  assert.equal(only('In a letter sent on Monday, Judge Tova Renn wrote: “The hearing is postponed.”').speaker, 'Tova Renn');
  assert.equal(only('Mayor Olek Brandes praised the crews, stating: “They worked through the night.”').speaker, 'Olek Brandes');
  assert.equal(only('Council member Jana Holt: “We were never consulted.”').speaker, 'Jana Holt');
});

test('a partial quote inside a sentence takes the subject of its verb of saying', () => {
  const q = only('Mayor Olek Brandes said the new plan “looks solid” and would be voted on soon.');
  assert.equal(q.kind, 'speech');
  assert.equal(q.speaker, 'Olek Brandes');
  assert.equal(only('Ana Lindqvist described the delay as “a serious failure of planning”.').speaker, 'Ana Lindqvist');
});

test('he/she and "the minister" point back to the person named before', () => {
  const text = 'Transport Minister Ana Lindqvist visited the site on Tuesday. She met the crews. “The bridge will be safe,” she said. “We owe them that,” the minister added.';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Ana Lindqvist', 'Ana Lindqvist']);
});

test('"…, said sheriff’s Sgt. X" names X, not the noun before the comma; "she" then points back to X', () => {
  // ECB+ 16_8ecbplus, tokenised as the corpus gives it.
  const tokenised = 'A passer - by who found the wounded deputy shortly after 3 p . m . called the Lakewood sheriff ’ s station to report the shooting , said sheriff ’ s Sgt . Vanette Christiansen .\n“ Our Lakewood units responded out and in fact we found a deputy who works our gang enforcement team who had gunshot wounds , ” she said .';
  assert.equal(only(tokenised).speaker, 'Vanette Christiansen');
  assert.equal(only('Officers searched the area after the shooting, said the department\'s spokeswoman Sgt. Ann Lee.\n"We are still looking for him," she said.').speaker, 'Ann Lee');
  assert.equal(only('The road was closed for hours, said police spokesman Lt. John Smith.\n"It was a mess," he said.').speaker, 'John Smith');
});

test('"she" never stands for a thing: with no person before it, it stays unresolved', () => {
  const q = only('The deputy was shot near his home, the station said.\n"We found him on the sidewalk," she said.');
  assert.equal(q.speaker, null);
  assert.equal(q.rule, 'quotes/x-said');
  // A description of a person still may.
  assert.equal(only('A neighbor said she heard shots.\n"He was lying on the sidewalk," she said.').speaker, '[A neighbor]');
});

test('a quote standing alone takes the speaker of the sentence before', () => {
  const text = 'Piet Dorn said the crews had worked in shifts.\n\n“Nobody went home before midnight.”';
  assert.equal(only(text).speaker, 'Piet Dorn');
  assert.equal(only(text).rule, 'quotes/previous-sentence');
  // The sentence before is the attribution of the quote before it: that quote's speaker goes on.
  assert.deepEqual(quotesOf('“Hands up!” a deputy shouted. “Get out of the car.”').map((q) => q.speaker), ['[a deputy]', '[a deputy]']);
  assert.deepEqual(quotesOf('“We are ready,” Mayor Ana Ruiz told reporters on Monday. “The roads are clear.”').map((q) => q.speaker), ['Ana Ruiz', 'Ana Ruiz']);
});

test('a speaker given only by role is the role phrase, with no name', () => {
  assert.equal(only('“The figures are not final,” a ministry official said.').speaker, '[a ministry official]');
  assert.equal(only('“The figures are not final,” said a senior harbour official.').speaker, '[a senior harbour official]');
});

test('a post or statement "reads" as its author wrote it', () => {
  const text = 'Governor Lene Marsh announced the plan in a post on Sunday. “Help is on the way,” reads the post.';
  assert.equal(only(text).speaker, 'Lene Marsh');
});

test('when the speaker cannot be told, it is null rather than a guess', () => {
  assert.equal(only('“It was a mistake,” they said.').speaker, null);
  assert.equal(only('“It was a mistake from the start to the end of it.”').speaker, null);
});

test('scare quotes, names and titles are kept with their reason but are not speech', () => {
  assert.equal(only('Few riders know what the “routine” checks actually cover.').kind, 'term', 'a quoted word before a noun names something');
  assert.equal(only('The bridge, known locally as the “Iron Comb”, is closed.').kind, 'title');
  assert.equal(only('The phone has a new screen, dubbed a “clear view”, and a faster chip.').kind, 'term');
  assert.equal(only('She wrote a memoir, “Winters on the Coast”, in 2019.').kind, 'title');
  assert.equal(only('The parcel was addressed to “the officer on duty” at the station.').kind, 'scare');
});

test('a capitalised coinage, a gloss after ", or", and a quote joined to a term are not speech', () => {
  assert.equal(only('Mayor Olek Brandes said the row, an “Ashgate” in the press, was over.').kind, 'title');
  assert.equal(only('Mayor Olek Brandes said riders will get a free pass, or “token”, next week.').kind, 'term');
  const both = quotesOf('The new tools, dubbed “Night Shift” and “Harbour”, ship today.');
  assert.deepEqual(both.map((q) => q.kind), ['term', 'term']);
});

test('a short partial quote with a speaker, not before a noun, stays speech', () => {
  assert.equal(only('Mayor Olek Brandes said the plan was “frozen” for now.').kind, 'speech');
  assert.equal(only('Mayor Olek Brandes said a toll “makes sense,” remarks that angered drivers.').kind, 'speech', 'a comma after the quote: the noun is not modified');
});

test('a quote is speech, not a title, when its words read as a sentence', () => {
  const q = only('“The water is rising faster than we planned for,” said Piet Dorn.');
  assert.equal(q.kind, 'speech');
  assert.equal(only('Ana Lindqvist called the delay “unacceptable”.').kind, 'speech');
});

test('a new sentence after a quote that ended with a full stop is not its attribution', () => {
  const text = 'Ana Lindqvist spoke first. “We will rebuild.” Piet Dorn said the money was there.';
  assert.equal(only(text).speaker, 'Ana Lindqvist');
});

test('an organisation named as a subject is what "it" or "they" said', () => {
  const text = 'The Harbor Water Authority closed the dam on Monday. “The water level is stable,” it said.';
  assert.equal(only(text).speaker, 'Harbor Water Authority');
  assert.equal(only('Piet Dorn closed the dam on Monday. “The water level is stable,” it said.').speaker, null, 'a person is not "it"');
});

test('a partial quote takes the attribution given after a later quote of its sentence', () => {
  const text = 'The closures were “deeply regrettable” and, for now, “we will not take any risk,” chief executive Ana Lindqvist said.';
  assert.deepEqual(quotesOf(text).map((q) => [q.kind, q.speaker]), [['speech', 'Ana Lindqvist'], ['speech', 'Ana Lindqvist']]);
});

test('a possessive apostrophe inside an attribution is not a quotation mark', () => {
  const text = '“Rates will fall,” Mara Keel, the Harbor Bank\' chief economist, said in a note.';
  assert.equal(only(text).speaker, 'Mara Keel');
});

test('after "!" a role or name right after the quote attributes it', () => {
  assert.equal(only('“Open the door!” an officer shouted.').speaker, '[an officer]');
});

test('"the former" and "the latter" point at the first and last person named before', () => {
  const text = 'Ana Lindqvist will meet Piet Dorn on Friday, after the former warned of a “real crisis” in the port.';
  assert.equal(only(text).speaker, 'Ana Lindqvist');
  assert.equal(only('The port is shut, after the former warned of a “real crisis” there.').kind, 'scare', 'nobody to point at');
});

test('"she" after a quote attributed with "said X" points at X', () => {
  const text = '“We will rebuild,” said Mayor Lena Hart. “It takes time,” she added.';
  assert.deepEqual(quotesOf(text).map((q) => [q.speaker, q.rule]), [['Lena Hart', 'quotes/said-x'], ['Lena Hart', 'quotes/x-said']]);
});

test('"she" and "he" go to the person whose first name or title has that gender', () => {
  assert.equal(only('Mary Holt met John Wade in the hall. Later she told reporters: “It went well.”').speaker, 'Mary Holt');
  assert.equal(only('Mary Holt met John Wade in the hall. Later he told reporters: “It went well.”').speaker, 'John Wade');
  // "Taylor" is in one first-name list only: no gender is taken from it, so a lone candidate stays the speaker.
  assert.equal(only('Taylor Swift spoke after the show. “I just want to perform,” she said.').speaker, 'Taylor Swift');
});

test('"it" and "they" stand for an organisation the entity layer typed, not for a person', () => {
  assert.equal(only('The airline Varnex cut 40 flights on Monday. “Safety comes first,” it said.').speaker, 'Varnex');
});

test('an adjunct between subject and verb is skipped; with no subject before it, no speaker rather than the adjunct', () => {
  assert.equal(only('The Coast Guard in November said it had sunk the pirate “mother ship”.').speaker, 'Coast Guard');
  assert.equal(only('Dana Whitlock on Tuesday recalled screaming “Somebody help me”.').speaker, 'Dana Whitlock');
  const adjunct = quotesOf('The mother of a girl killed by a stray bullet on a Denton street last year said she heard a crack, and “it was over”.');
  assert.ok(!adjunct.some((q) => q.speaker === 'Denton street' || q.speaker === '[a Denton street]'), JSON.stringify(adjunct));
});

test('a verb of calling out right before the quote is its own; a description naming someone else stays the description', () => {
  assert.equal(only('Before the door closed her son cried out “Wait for me”.').speaker, '[her son]');
  assert.equal(only('Friends of Mara Keel have described her as a “bright and kind student”.').speaker, '[Friends of Mara Keel]');
});

test('a long apposition after the name, a surname the tagger missed, and a split inside a web address', () => {
  assert.equal(only('“Water is hard to find,” study lead author Lucas Wren, a planetary scientist at the Goddard Center in Greenbelt, Maryland, and Ames University in Washington, D.C., said in a statement.').speaker, 'Lucas Wren');
  const fanning = quotesOf('Constable Tim Fanning spoke to reporters.\n`` Police locked down the area , \'\' Fanning said in a statement .');
  assert.equal(fanning.at(-1)?.speaker, 'Tim Fanning');
  const split = quotesOf('`` It is something they can consider , \'\' general manager Tony Reagins told MLB.com on Friday .\n`` They have the right . \'\'');
  assert.equal(split.at(-1)?.speaker, 'Tony Reagins');
  // A web address as the source after the quote: its stop ends nothing; "quoted her as saying" names the one quoted.
  assert.equal(only('“We need no new aircraft,” Detik.com quoted Ana Ruiz as saying.').speaker, 'Ana Ruiz');
  const her = quotesOf('Minister Ana Ruiz toured the plant on Monday.\n“We need no new aircraft,” Detik.com quoted her as saying.');
  assert.equal(her.at(-1)?.speaker, 'Ana Ruiz');
});

test('in tokenised text a `` typed to close a quote before its attribution closes it', () => {
  const q = quotesOf('`` I never dreamed I \'d be here , `` Hansbrough said as he stood at midcourt .\n`` This is a great honor . \'\'');
  assert.deepEqual(q.map((x) => x.words), ["I never dreamed I 'd be here", 'This is a great honor']);
  assert.equal(q[0]!.speaker, 'Hansbrough');
});

test('"said that X “…”" is the subject\'s quote, not X\'s; a coordinated verb shares its subject', () => {
  assert.equal(only('Nils Ovett, via a local paper, said that Rudolph “asked for it.”').speaker, 'Nils Ovett');
  assert.equal(only('Tom Bale phoned the office of Pam Ruiz. During the call, he asked about the plan, called Ruiz a “traitor” and hung up.').speaker, 'Tom Bale');
});

test('a verb of saying before a role and a name is the attribution, not part of the title', () => {
  assert.equal(only('“No one has built a wide body aircraft at that rate before,” claims writer John Ostrower.').speaker, 'John Ostrower');
});

test('"the statement" is the words of whoever brought it in; with no such subject it stays the document', () => {
  const kraft = quotesOf('Verno Foods issued a statement early this morning. The statement expresses condolences to the families, saying, “This is a tragic loss for all of us.”');
  assert.equal(kraft.at(-1)?.speaker, 'Verno Foods');
  const chain = quotesOf('On Monday, Halden Records issued a statement. The statement, obtained by a newspaper, claimed the deal was done. “Artists do not need approval,” the statement continued.');
  assert.equal(chain.at(-1)?.speaker, 'Halden Records');
  const unknown = quotesOf('The allegations were denied in a statement shared to a website. “We were shocked,” the statement read.');
  assert.equal(unknown.at(-1)?.speaker, '[the statement]');
  // "X said in a statement" names the statement's author, though the sentence's own verb is passive.
  const said = quotesOf('Two soldiers were killed in a crash near Kabul, the army said in a statement on Friday.\n\n“The cause is under investigation,” the statement said.');
  assert.equal(said.at(-1)?.speaker, '[the army]');
  const inverted = quotesOf('Three workers were injured, said Halden Records in a statement.\n\n“We are shocked,” the statement said.');
  assert.equal(inverted.at(-1)?.speaker, 'Halden Records');
});

test('a noun the tagger reads as an adjective still heads the speaker phrase: "the military said", "a local told"', () => {
  assert.deepEqual(quotesOf('“No one was hurt,” the US military said. “It was loud,” a local told reporters.').map((q) => q.speaker), ['[the US military]', '[a local]']);
});

test('"the statement" read after quoted passive words and a hyphenated adverb is still the words of the subject that issued it', () => {
  const text = 'Halden Records sued the singer. The label flat-out denied the allegations in a statement shared to its website.\n\n"As her partner, we were shocked," the statement read. "At no point did we say she could not perform."\n\n"The truth is, she owes us money," the statement continued.';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Halden Records', 'Halden Records', 'Halden Records']);
  // With the adverb before the verb the subject is the phrase before it, not the adverb or nothing.
  assert.equal(quotesOf('Halden Records sued the singer. The label flat-out denied it in a statement.\n\n"We were shocked," the statement read.')[0]?.speaker, 'Halden Records');
});

test('a participle of saying tagged as a noun ("warning visitors") introduces the quote for the subject of its sentence', () => {
  assert.equal(only('A sign hung on the wall warning business associates against loose talk : "This place is bugged . "').speaker, '[A sign]');
  assert.equal(only('The mayor stood at the door warning reporters against loose talk: "This place is bugged."').speaker, '[The mayor]');
  // A noun "warning" with no object after it is not a verb of saying.
  assert.equal(only('Residents ignored the flood warning: "Stay at home for now."').speaker, null);
});

test('a title used alone points back to the person named with it; another title word does not', () => {
  const q = quotesOf('Police commissioner Carl Remsey says the officers acted fast.\nThe commissioner says he trained them for this :\n“ We learned that you cannot wait for backup . ”');
  assert.equal(q.at(-1)?.speaker, 'Carl Remsey');
  const premier = quotesOf('“It is unacceptable,” said German economy minister Rainer Brudel. The premier of the German state of Saxony remarked that “this shows the ugly face of greed.”');
  assert.notEqual(premier.at(-1)?.speaker, 'Rainer Brudel');
});

test('a description with "of" before a name in apposition; a description that told something speaks the lone quote after it', () => {
  assert.equal(quotesOf('" We have distributed tents , " the head of the provincial disaster service , Massoud Dalvan , told state television .')[0]?.speaker, 'Massoud Dalvan');
  assert.equal(quotesOf('Her rep told a news channel that this was not the whole truth. "The label is trying to deflect."')[0]?.speaker, '[Her rep]');
});

test('"described as" with no subject is passive: speech, no speaker; "rejected … as" reports a wording', () => {
  const climber = only('A British climber, described as “lacking experience”, died after a fall.');
  assert.equal(climber.kind, 'speech');
  assert.equal(climber.speaker, null);
  assert.equal(only('What Steve Jobs described as “a nominal charge” applies.').speaker, 'Steve Jobs');
  const pentagon = only('The Pentagon rejected these accusations as “patently false.”');
  assert.equal(pentagon.kind, 'speech');
  assert.equal(pentagon.speaker, 'Pentagon');
});

test('a quote that is a line of its own with no stop is a subheading; a place that said nothing speaks no quote', () => {
  const heading = quotesOf('Simpson said the claims are false.\n\n“U.S.-controlled bandit formations”\n\nThe base trains local forces.');
  assert.equal(heading.find((q) => q.words.startsWith('U.S.'))?.kind, 'title');
  const dubai = quotesOf('Dubai felt a slight tremor today, resulting in the evacuation of towers :\n" Witnesses said they felt the ground shaking . "');
  assert.equal(dubai.at(-1)?.speaker, null);
});

test('a lowercase word glued after a stop does not end the sentence: "told Polygraph.info that X is “…”"', () => {
  assert.equal(only('United Nations spokesman Farhan Haq told Polygraph.info that the agency is “working with all sides to reach the camp.”').speaker, 'Farhan Haq');
});

test('a name that qualifies a role after "said" is not the speaker; the name in apposition is', () => {
  assert.equal(quotesOf('“Some reports were disappointing,” said T Rowe Price Head trader, Andy Brooks.')[0]?.speaker, 'Andy Brooks');
  assert.equal(only('Ryanair CEO, Michael Leary, justified his choice by saying, “The plane has the best reliability.”').speaker, 'Michael Leary');
  assert.equal(quotesOf('Dick Clark Productions denied the report. “We have no further comment,” the production company said.')[0]?.speaker, 'Dick Clark Productions');
});

test('a quote running into an attributed one shares its speaker; a quote in its own paragraph does not', () => {
  assert.deepEqual(quotesOf('“We will win.” “It is our time,” said Jose Mourinho.').map((q) => q.speaker), ['Jose Mourinho', 'Jose Mourinho']);
  assert.equal(quotesOf('The club was calm.\n\n“We will win.”\n\n“It is our time,” said Jose Mourinho.')[0]?.speaker, null);
});

test('a relative clause after the name, a colon ending the line before, and a pronoun named only in the next sentence', () => {
  assert.equal(only('“It was a mistake,” Ana Ruiz, who leads the inquiry, told reporters.').speaker, 'Ana Ruiz');
  assert.equal(only('Expect experts in the papers tomorrow, such as the prophetic Dr Azm Homoud :\n" We should stop saying the region is safe . "').speaker, 'Azm Homoud');
  assert.equal(only('“It was a mistake,” she said. Ana Ruiz, the police chief, spoke after the hearing.').speaker, 'Ana Ruiz');
  assert.equal(only('“It was a mistake,” she said. John Ruiz, the police chief, spoke after the hearing.').speaker, null, 'a man named next is not "she"');
});

test('"they" after an untyped name with a plural verb is that group; two people with "have" are not one organisation', () => {
  assert.equal(quotesOf('Big Machine have twice denied doing anything wrong.\n\n"At no point did we say she could not perform," they said in a statement.')[0]?.speaker, 'Big Machine');
  assert.equal(quotesOf('Ana Ruiz and Tom Bale have denied it. "We did nothing," they said.')[0]?.speaker, null);
});

test('"the spokeswoman" points back to a person given that role in an apposition or a predicate, not to one given another', () => {
  assert.equal(quotesOf('Ana Ruiz, a police spokeswoman, spoke on Monday. “We found him,” the spokeswoman said.')[0]?.speaker, 'Ana Ruiz');
  assert.equal(quotesOf('Ana Ruiz is the police spokeswoman. “We found him,” the spokeswoman told reporters.')[0]?.speaker, 'Ana Ruiz');
  assert.equal(quotesOf('Tom Bale, a police officer, was asked. “We found him,” the spokesman said.')[0]?.speaker, '[the spokesman]');
});

test('an abbreviated rank is a title, so the full name is found: "Insp Gaskin" is Dave Gaskin', () => {
  const q = quotesOf('Area Commander Inspector Dave Gaskin spoke on Sunday. “We found them,” Insp Gaskin said.');
  assert.equal(q[0]?.speaker, 'Dave Gaskin');
});

test('after "according to" the words are a noun phrase even when the tagger reads a verb ("according to police")', () => {
  assert.equal(only('“The shot only creased his head,” according to police.').speaker, '[police]');
  const partial = only('The shot had only “creased his head,” according to reports at the time.');
  assert.equal(partial.kind, 'speech');
  assert.equal(partial.speaker, '[reports]');
});

test('"she" stands for a name typed as a person rather than an untyped name beside it', () => {
  const q = quotesOf('Taylor Swift\'s albums were released through Big Machine, which was sold this year. In a post she described this as the “worst case scenario”.');
  assert.equal(q.at(-1)?.speaker, 'Taylor Swift');
});

test('"X, president and CEO of Boeing Commercial Airplanes said": the organisation after "of" is not the speaker', () => {
  assert.equal(only('Scott Carson, president and CEO of Boeing Commercial Airplanes said, “This has been a wonderful day.”').speaker, 'Scott Carson');
});

test('"the company" is not the medium a person spoke to, and falls back on the organisation the article names most', () => {
  const text = 'Two workers were hurt at the Dorval Foods plant on Monday. Dorval Foods closed the site.\n' +
    'A driver, Lee Amos, was at the gate. "I ran," he told The Daily Ledger.\n' +
    'Officers searched the building. Nobody else was hurt. The road was shut.\n' +
    '"This is a sad day for our staff," the company said in a statement.';
  assert.equal(quotesOf(text).at(-1)!.speaker, 'Dorval Foods');
});

test('a speaker phrase read past a participle and a preposition: "ex-NYPD organized crime detective Joe Coffey", "one user on Weibo"', () => {
  assert.equal(only('“He was the last of his kind,” said ex-NYPD organized crime detective Joe Coffey on Monday.').speaker, 'Joe Coffey');
  assert.equal(only('One user on Weibo, a social network, posted: “Why was nobody told?”').speaker, '[One user]');
  assert.equal(only('“Waste is not a budget line,” said Lena Ortiz of the Project on Government Oversight.').speaker, 'Lena Ortiz');
});

test('a capitalised word the article also writes in lower case is no name ("Police said" beside "police said")', () => {
  const quotes = quotesOf('Police said the group was “poorly” equipped. “They had hired boots,” police said.');
  assert.deepEqual(quotes.map((q) => q.speaker), ['[Police]', '[police]']);
});

test('a participle describing the quote is passed for the attribution after it; an "as" clause attributes the quote before it', () => {
  assert.equal(only('“The deal is bigger than the little deal” announced in October, said Derek Scissors, a scholar.').speaker, 'Derek Scissors');
  const quotes = quotesOf('They care about their customers’ “financial health,” as one bank CEO told me, and easing the “pain” of debt.');
  assert.deepEqual(quotes.map((q) => [q.kind, q.speaker]), [['speech', '[one bank CEO]'], ['scare', null]]);
});

test('"One said", "Another added": a determiner standing for a person describes the speaker, it is no name', () => {
  assert.deepEqual(quotesOf('Residents were angry. One said: “We were never told.” Another added, “Nobody came.”').map((q) => q.speaker), ['[One]', '[Another]']);
});

test('a name the entity layer misses at the end of a description, tokenised initials included, names the speaker', () => {
  assert.equal(only('"Mo is family . He bleeds Philadelphia , " team president Billy King said .').speaker, 'Billy King');
  assert.equal(only('“ It is disappointing , ” said General Manager A . J . Smith in a news release .').speaker, 'A . J . Smith');
  assert.equal(only('"He has been feigning , " U . S . District Judge Jack B . Weinstein said in sentencing him .').speaker, 'Jack B . Weinstein');
  assert.equal(only('"We were never told," a police spokesman said.').speaker, '[a police spokesman]');
});

test('"“…,” comments Johnston in a statement, “…”": a speech word between a closing mark and a name attributes both quotes', () => {
  const quotes = quotesOf('The band will tour. “We are truly excited about our tour,” comments Johnston in a statement, “as it is a celebration of our history.”');
  assert.deepEqual(quotes.map((q) => [q.kind, q.speaker]), [['speech', 'Johnston'], ['speech', 'Johnston']]);
});

// Real text below: ECB+ documents (CC BY 3.0, tokenised as in the corpus) and a Zyte benchmark page (MIT).

test('a paragraph opening with an unattributed quote goes on with the last speaker when no one else is named between (ECB+ 25_15ecbplus)', () => {
  const text = [
    '“ With Pierre , last week during practice he had a setback , ” head coach Sean Payton said .',
    '“ We got to that point in discussing it with him where it was at .',
    'He came back and was very effective for a couple of games , particular the ATL game .',
    'But the setback was substantial .',
    '“ We ’ re at the time of year where you want to do what ’ s best .',
    'The doctors , trainers and ourselves , we thought it was the best move . ”',
  ].join('\n');
  assert.deepEqual(quotesOf(text).map((q) => [q.speaker, q.rule]), [['Sean Payton', 'quotes/x-said'], ['Sean Payton', 'quotes/previous-sentence'], ['Sean Payton', 'quotes/continued']]);
  // A person named between them may be the new speaker: no guess.
  const named = text.replace('particular the ATL game', 'alongside Drew Brees');
  assert.equal(quotesOf(named)[2]!.speaker, null);
});

test('a description followed by an apposed name is that person, and the letter they wrote is theirs (ECB+ 19_2ecbplus)', () => {
  const text = [
    "Gray's school principal , Matthew Willoughby of the Urban Assembly School of Design and Construction , wrote a heartfelt letter describing the teen as a hard - working student .",
    '"Kimani made great strides this year academically , ” the letter read .',
  ].join('\n');
  assert.equal(only(text).speaker, 'Matthew Willoughby');
});

test('after a quote that ends its sentence, a new sentence with a verb in its middle does not attribute it (Zyte ea25dd7e)', () => {
  const text = 'Li explained that plague cases need to be carefully investigated and verified, and announcements about them cannot be “transmitted casually.” But her post was still taken down by censors.';
  assert.deepEqual([only(text).speaker, only(text).rule], ['Li', 'quotes/intro-verb']);
});

test('a short quote takes the attribution its sentence closes on after a comma (Zyte ea25dd7e)', () => {
  const text = 'The center said it had investigated, according to Sui-Lee Wee of the New York Times. All “relevant sites” were also disinfected, reports Wee.';
  assert.deepEqual([only(text).kind, only(text).speaker], ['speech', 'Sui-Lee Wee']);
});

test('"X, one of the lawyers, said his client grew up “…”": the possessive after the verb opens its object, X speaks (ECB+ 16_6ecbplus)', () => {
  const text = 'Stanley Perlo , one of Orozco\'s lawyers , said his client grew up "in a gang - infested area .\nFor all intents and purposes , the gang became his family . "';
  assert.deepEqual([only(text).kind, only(text).speaker], ['speech', 'Stanley Perlo']);
});

test('"it says she devised a scheme “…”" with no organisation for "it": speech by an unnamed document (ECB+ 13_14ecbplus)', () => {
  const text = 'Where Olson learned of it is not explained in the indictment against her , but it says she devised a scheme "to conceal the true nature of the Valley Dairy finances and the fraudulent activity of Beus . "';
  const q = only(text);
  assert.deepEqual([q.kind, q.speaker, q.rule], ['speech', null, 'quotes/intro-verb']);
});

test('tokenised "Mr ." is no sentence end: the name after it speaks (ECB+ 19_7ecbplus, 28_3ecbplus)', () => {
  const blacks = 'A family friend , Kevin Blacks , 33 , said he was not surprised .\n“ The dad is shook , ” Mr . Blacks said , standing by a makeshift memorial for Mr . Gray .';
  assert.equal(only(blacks).speaker, 'Kevin Blacks');
  const magruder = '"LaRue had stressed that it was time for both of us to think about protecting ourselves , " Mr . Magruder wrote in his 1974 book .';
  assert.equal(only(magruder).speaker, 'Magruder');
});

test('"she" is not the one she told: a name after "told" is spoken to, not speaking (ECB+ 16_10ecbplus)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { REPO } = await import('../../../test/paths.js');
  const line = readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8').split('\n').find((l) => l.startsWith('{"id":"16_10ecbplus"'))!;
  const text = (JSON.parse(line) as { text: string }).text;
  const q = quotesOf(text).find((x) => x.words.startsWith('Our Jerry is in heaven'))!;
  // "Chela Ortiz, who married the deputy …, told Orozco in a firm voice, “…” … “Our Jerry is in heaven …,” she said"
  assert.equal(q.speaker, 'Chela Ortiz');
});

test('"she" agrees with an untyped name whose fullest form has a woman\'s first name, over a man typed as a person (Zyte 3d8f3404)', () => {
  const text = [
    "The bizarre odyssey of how Oscar-winning actress Mary Steenburgen came to co-write the euphoric power-ballad that Jessie Buckley performs at the end of “ Wild Rose ” — easily the year’s best original movie song — began 10 years ago, when the “Melvin and Howard” star woke up after a minor arm surgery feeling like her mind was on fire.",
    "“I felt strange as soon as the anesthesia started to wear off,” Steenburgen said. “The best way I can describe it is that it just felt like my brain was only music, and that everything anybody said to me became musical. All of my thoughts became musical. Every street sign became musical. I couldn’t get my mind into any other mode.”",
    "Fun as that might sound in an Oliver Sacks kind of way — the late neurologist wrote about similar, potentially stroke-inspired symptoms in his book “Musicophilia” — Steenburgen wasn’t thrilled about the sudden mental shift. The next two months were tough. “I couldn’t focus, I couldn’t have acted,” she said.",
  ].join('\n\n');
  assert.deepEqual(quotesOf(text).filter((q) => q.kind === 'speech').map((q) => q.speaker), ['Mary Steenburgen', 'Mary Steenburgen', 'Mary Steenburgen']);
});

test('a speaker named with a spaced apostrophe or a masthead-like surname keeps the whole name', () => {
  assert.equal(only("The airline's chief , Michael O' Leary , said , \" We will buy more planes . \"").speaker, "Michael O' Leary");
  assert.equal(only('“Sales are picking up,” said the vice president of the carmaker Jim Press.').speaker, 'Jim Press');
});

test('a name after a preposition or after "told" is no colon header: the verb\'s subject speaks', () => {
  assert.equal(only('Paula Brandt told reporters at the Capitol: “This is a great day.”').speaker, 'Paula Brandt');
  assert.equal(only('Carlo Benetti told the Daily Mail: “It was a shock.”').speaker, 'Carlo Benetti');
  assert.notEqual(only('Paula Brandt posted on Instagram: “It is the wrong decision.”').speaker, 'Instagram');
  // A header standing alone still introduces the quote.
  assert.equal(only('Council member Jana Holt: “We were never consulted.”').speaker, 'Jana Holt');
});

test('a description with a possessive or "for the …" before the speaker after a quote', () => {
  assert.equal(only('“We lost everything,” the company\'s chief executive, Marta Lindgren, said.').speaker, 'Marta Lindgren');
  assert.equal(only('“We were not consulted,” Governor Tom Reyes\'s spokesman, Luis Ortega, said.').speaker, 'Luis Ortega');
  assert.equal(only('“It spread very quickly,” a spokesman for the fire department said.').speaker, '[a spokesman for the fire department]');
  assert.equal(only('A spokesperson for the Metropolitan Police said: "Officers were called at 9pm."').speaker, '[A spokesperson]');
});

test('"the spokeswoman", "the singer" point back to a name apposed to that description', () => {
  const text = 'A spokeswoman for the city council, Marta Lindgren, declined to comment on Monday.\n“We lost everything,” the spokeswoman said later.';
  assert.equal(quotesOf(text)[0]!.speaker, 'Marta Lindgren');
  assert.equal(quotesOf('The band\'s singer and guitarist, Jim Beck, recalled the tour. “It was wild,” the singer said.')[0]!.speaker, 'Jim Beck');
});

test('a party tag (D-Calif.) neither ends the sentence nor hides its speaker', () => {
  assert.equal(only('Rep. Ilse Moran (D-Calif.) called the bill “a betrayal of working families.”').speaker, 'Ilse Moran');
  assert.equal(only('“This bill is a betrayal of working families,” Rep. Ilse Moran, D-Calif., said in a statement.').speaker, 'Ilse Moran');
});

test('"she" is not the man quoted before: the one who answers him in the sentence before speaks', () => {
  const text = 'Union leader Tom Hale was less forgiving.\n\n“They lied to us for years,” Hale said. “Nobody believes them now.”\n\nLindgren rejected that. “We were always honest with our workers,” she said.';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Tom Hale', 'Tom Hale', 'Lindgren']);
});

test('"he"/"she" reach past four sentences when no one else is named in between', () => {
  const text = 'Marta Lindgren took over the company in 2015. Sales doubled in three years. The plant in Ohio was expanded. Hundreds of workers were hired. Then the orders dried up. The plant closed last year.\n\n“It was the hardest decision of my life,” she said.';
  assert.equal(only(text).speaker, 'Marta Lindgren');
});

test('"the 56-year-old" and "the Italian" stand for the person last named, when that is also the last subject', () => {
  assert.equal(only('Jose Ferreira has agreed a deal to coach the club. The 56-year-old said after his appointment: “I am excited to be here.”').speaker, 'Jose Ferreira');
  assert.equal(quotesOf('Manager Carlo Benetti praised his players.\n\n“The lads were brilliant today,” the Italian said.')[0]!.speaker, 'Carlo Benetti');
  // Another person's name nearer than the last subject: the description stays a description.
  const text = 'Ana Ruiz was sacked last night. Talks between the club and Jose Ferreira\'s agents went on.\n\n“I am excited to be here,” the 56-year-old said.';
  assert.equal(only(text).speaker, '[the 56-year-old]');
});

test('a phrase the quote goes straight on from is the quoted clause\'s subject, not an inverted speaker', () => {
  const text = 'One former engineer, who asked not to be named for fear of retaliation, said managers “changed priorities every week.”';
  assert.equal(only(text).speaker, '[One former engineer]');
});

test('verbs of manner and of posting after a quote attribute it', () => {
  assert.equal(only('“Not a chance,” Tom Hale laughed.').speaker, 'Tom Hale');
  assert.equal(only('“I\'m so grateful for all of you,” Ana Ruiz captioned the post.').speaker, 'Ana Ruiz');
});

test('"the governor" points back to "Gov. X"; "the Democrat" is a description of the person last named, not a name', () => {
  assert.equal(only('Gov. Ana Ruiz signed the bill on Monday. “This is a historic day,” the governor said.').speaker, 'Ana Ruiz');
  assert.equal(only('Ana Ruiz, a Democrat, signed the bill on Monday. “This is a historic day,” the Democrat said.').speaker, 'Ana Ruiz');
});

test('a name followed by an auxiliary is its sentence\'s subject: "she" may stand for it', () => {
  const text = 'Tom Hale, the club\'s captain, said the team was “gutted.” His teammate Ana Ruiz was more upbeat. “We\'ll bounce back,” she said.';
  assert.equal(quotesOf(text).at(-1)!.speaker, 'Ana Ruiz');
});

test('"when asked" is a reduced passive: the quote after it goes on with the speaker named before', () => {
  const text = 'Dave Clark has led operations since 2012.\n\n“We are not going anywhere,” he said when asked about the layoffs, “and we will keep hiring.”';
  assert.deepEqual(quotesOf(text).map((q) => [q.kind, q.speaker]), [['speech', 'Dave Clark'], ['speech', 'Dave Clark']]);
});

test('"X was blunt:" gives the quote after the colon to X; other verbs before a colon do not', () => {
  assert.equal(only('Dave Clark has led operations since 2012.\n\nAsked about the layoffs, he was defiant: “We are not going anywhere.”').speaker, 'Dave Clark');
  assert.equal(only('Ana Ruiz was blunt: “We lost.”').speaker, 'Ana Ruiz');
  assert.equal(only('Ana Ruiz faced a question from Tom Hale: “Why did you lose?”').speaker, null);
});

test('"the bureau", "the ministry" name the one body named before with that word, and stay descriptions otherwise', () => {
  assert.equal(quotesOf('The Federal Bureau of Investigation opened an inquiry in May. “We are reviewing the evidence,” the bureau said.')[0]?.speaker, 'Federal Bureau of Investigation');
  assert.equal(only('The Ministry of Health ordered more vaccines. “Supplies will arrive next week,” the ministry said.').speaker, 'Ministry of Health');
  assert.equal(only('The Velmora City Council voted on Monday. “The plan is approved,” the council said.').speaker, 'Velmora City Council');
  assert.equal(only('Acme Corp. lost the case. “The contract was void,” the court said.').speaker, '[the court]', 'no court named: the description stays');
  assert.equal(only('The Ministry of Health and the Ministry of Finance met. “Supplies will arrive,” the ministry said.').speaker, '[the ministry]', 'two ministries: no guess');
});

test('"a source close to X", "a person familiar with X" is the speaker, never X', () => {
  assert.equal(only('“The deal is dead,” a source close to Mayor Ana Ruiz told reporters.').speaker, '[a source close to Mayor Ana Ruiz]');
  assert.equal(only('A source close to Olek Brandes said: “He will not resign.”').speaker, '[A source close to Olek Brandes]');
  assert.equal(only('“He will not resign,” said a person familiar with Olek Brandes\'s thinking.').speaker, '[a person familiar with Olek Brandes\'s thinking]');
  assert.equal(only('“I am sorry,” Ana Ruiz, close to tears, said.').speaker, 'Ana Ruiz', 'a name close to something is still the speaker');
});

test('a known first name apposed to a family noun is the speaker ("Hale\'s wife, Maria, said")', () => {
  assert.equal(only('Tomas Hale died in March. “He loved this town,” Hale\'s wife, Maria, said.').speaker, 'Maria');
  assert.equal(only('“He loved this town,” said Hale\'s wife, Maria.').speaker, 'Maria');
  assert.equal(only('“He loved this town,” said Hale\'s lawyer, Maria.').speaker, '[lawyer]', 'a first name alone after a job noun is not taken');
});

test('an aside between dashes is passed over: its verb is not the quote\'s', () => {
  const text = 'Prosecutor Lena Voss told reporters after the hearing — where the defence lawyer Tom Baker said his client was “deeply sorry” — “I expect a plea by Friday.”';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Tom Baker', 'Lena Voss']);
});

test('"said X\'s attorney, Y" gives Y; "said X\'s attorney" the attorney, never X', () => {
  assert.equal(quotesOf('Coach Paul Brant was suspended. “We deny any wrongdoing,” said Brant\'s attorney, Rhea Kettle.')[0]?.speaker, 'Rhea Kettle');
  assert.equal(quotesOf('Coach Paul Brant was suspended . " We deny any wrongdoing , " said Brant \'s attorney , Rhea Kettle .')[0]?.speaker, 'Rhea Kettle');
  assert.equal(quotesOf('Coach Paul Brant was suspended. “We deny any wrongdoing,” said Brant\'s attorney.')[0]?.speaker, '[attorney]');
});

test('an organisation\'s name with "of" and "and" may stand in the description before the name after a quote', () => {
  assert.equal(only('“The clinic has no licence,” Velmora Department of Health and Welfare deputy director Ana Ruiz told reporters.').speaker, 'Ana Ruiz');
});

test('a document that states, a report that said, a web site that reports: the quote is theirs', () => {
  assert.equal(only('A ban is possible. The league\'s conduct policy states: “A second offense is likely to lead to a ban.”').speaker, '[policy]');
  const report = 'The league report says the coach paid a player. The coaches are accused of acting “against every rule of fair play” by hiding the payments, the report said.';
  assert.deepEqual(quotesOf(report).map((q) => [q.kind, q.speaker]), [['speech', '[the report]']]);
  assert.equal(only('At the same time, Velmora.com is reporting that “the club will sell its stadium.”').speaker, 'Velmora.com');
  assert.equal(only('At the same time , Velmora . com is reporting that , “ the club will sell its stadium . ”').speaker, 'Velmora . com');
});

test('"has been described as “…”" with no agent is speech by no one named; "someone say “…”" is someone\'s', () => {
  assert.deepEqual(quotesOf('He is a fine hitter. He has been described as the “apple of the manager\'s eye.”').map((q) => [q.kind, q.speaker]), [['speech', null]]);
  assert.deepEqual(quotesOf('She ran when she heard someone say “he is armed,” and hid in a shop.').map((q) => [q.kind, q.speaker]), [['speech', '[someone]']]);
});

test('a relative clause ending in a title\'s closing mark stands between the speaker and the verb', () => {
  const text = 'Actor Tom Waits, who on Monday won an award for his work in “Big Night,” said money worries are hurting “everyone.”';
  assert.deepEqual(quotesOf(text).map((q) => [q.words, q.kind, q.speaker]), [['Big Night', 'title', null], ['everyone', 'speech', 'Tom Waits']]);
  const tokenised = "Actor Tom Waits , who on Monday won an award for his work in `` Big Night , '' said money worries are hurting `` everyone . ''";
  assert.equal(quotesOf(tokenised).at(-1)?.speaker, 'Tom Waits');
});

test('a work\'s title after a verb stays a title though the words after it attribute the next quote', () => {
  const text = 'Pat Orrin teased the tour on Monday. After playing “Down By The River,” the singer told the crowd, “That was good, maybe we should go on the road.”';
  assert.deepEqual(quotesOf(text).map((q) => q.kind), ['title', 'speech']);
});

test('"the company" after a brand the entity layer left untyped, named alone, is that brand', () => {
  assert.equal(only('Taylor Swift left Big Machine last year. “Any agreement must be made with the artist,” the company said.').speaker, 'Big Machine');
  assert.equal(only('Taylor Swift left her label last year. “Any agreement must be made with the artist,” the company said.').speaker, '[the company]');
});

test('one capitalised word right after a verb of saying is an utterance, not a name', () => {
  const text = 'When the lawyer asked whether she had seen the van, Nadia Okafor answered, "Yes." She said the driver never slowed.';
  assert.deepEqual(only(text), { words: 'Yes', kind: 'speech', speaker: 'Nadia Okafor', rule: 'quotes/intro-verb' });
  // With no verb of saying before it, a capitalised word inside a sentence still names a thing.
  assert.equal(only('Fans queued all night for the new "Voyager" at the shop.').kind, 'title');
});

test('a possessive owner of a noun of saying speaks the quote after it, over a reporter at the sentence end', () => {
  const text = 'Mayor Lena Ortiz spoke on Monday. Ortiz\'s warning of "a long winter" worried traders, the Courier reported.';
  assert.deepEqual(only(text), { words: 'a long winter', kind: 'speech', speaker: 'Lena Ortiz', rule: 'quotes/possessive-speech' });
  // A possessive before a noun that is no act of saying gives no speaker.
  assert.equal(only('Ortiz\'s office in the "old mill" was closed.').kind, 'scare');
});

test('"she" with no one named before stands for the description that spoke last, of her gender', () => {
  assert.equal(quotesOf('A council spokeswoman said the bridge would stay shut. She added: “Safety comes first.”')[0]!.speaker, '[A council spokeswoman]');
  // A spokesman is no "she": the pronoun stays unresolved.
  assert.equal(quotesOf('A council spokesman said the bridge would stay shut. She added: “Safety comes first.”')[0]!.speaker, null);
});

test('"a statement from X" is X\'s words; "it" after "said X" stands for X', () => {
  assert.equal(only('A statement from Harbourline said: “No one was hurt.”').speaker, 'Harbourline');
  const text = 'The bugs could be used to take over a computer, said Quillsoft. It is also urging users to upgrade and said it is “not planning any further fixes for version 2”.';
  assert.equal(only(text).speaker, 'Quillsoft');
});

test('people described by the firm they work at speak, not the firm; a quote closed before "according to" on the next line is not its', () => {
  assert.equal(only('Analysts at the research firm Brightline Data said sales were falling “like a stone”.').speaker, '[Analysts at the research firm]');
  const text = 'A shop worker said some customers had trouble due to “minor technical difficulties.”\nAccording to Telnor, the problems began at 8 am.';
  assert.equal(only(text).speaker, '[A shop worker]');
});

test('a quote alone after a sentence with its own verb of saying is that speaker\'s, not the speaker of a quote that closed before it', () => {
  const text = 'A plaque reads, “This hall was built by the town.”\nThe old hall was damp inside, Ana Ruiz said.\n“But the beams were sound.”';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['[A plaque]', 'Ana Ruiz']);
});

test('a capitalised "Times" is part of the name before the verb, not a filler between subject and verb', () => {
  assert.equal(only('“He was a secret operator,” The New York Times reported in 1973.').speaker, 'New York Times');
});

test('"labelled … as “…”" gives a rating\'s name; "described … as “…”" is speech', () => {
  assert.equal(only('Northwind labelled the flaw as “critical”, its highest rating.').kind, 'term');
  assert.equal(only('The mayor described the plan as “reckless”.').kind, 'speech');
});

test('an organisation named alone is not the longer name that starts with it', () => {
  const text = 'Northwind Corp. shares data with partners in the Northwind Active Shield Program. Northwind said it saw a “huge increase” in attacks.';
  assert.equal(only(text).speaker, 'Northwind');
});

test('a straight quote running to the next line may close with a lone curly mark', () => {
  const text = 'A witness told reporters , "He was running for his life , telling the police , \'Stop . \'\nThey just kept shooting . ”\nA crowd gathered later .';
  assert.deepEqual(quotesOf(text).map((q) => q.words), ["He was running for his life , telling the police , 'Stop . '\nThey just kept shooting"]);
});

test('a verb after an apposition\'s closing comma has its subject before ("X, a critic, blasted outsiders"); "fumed" after a quote attributes it', () => {
  const text = 'Councilman Ana Ruiz, a frequent critic of the police, blasted outsiders.\n“Please stay out of our town,” Ruiz fumed on Twitter.\n“It is dangerous.”';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Ana Ruiz', 'Ana Ruiz']);
  assert.equal(quotesOf('Councilman Ana Ruiz, a frequent critic of the police, blasted outsiders.\n“Please stay out of our town.”')[0]!.speaker, 'Ana Ruiz');
});

test('"he" with no one named reaches back past four sentences to the description that spoke', () => {
  const text = '“The crew fired warning shots,” said an officer.\nThe ship reached the spot at noon.\nThe boat halted.\nCommandos sped across in boats.\nThe search took an hour.\n“The pirates surrendered quite easily,” he said.';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['[an officer]', '[an officer]']);
});

test('manner verbs after a quote ("thundered") attribute it; "it added" after "X said" is X', () => {
  assert.equal(only('“A protest is one thing and murder is another,” Prime Minister Ana Ruiz thundered in parliament.').speaker, 'Ana Ruiz');
  const text = 'On Friday, Harbourline said the store would be rebuilt.\n“We have set up a fund for staff,” it added.';
  assert.equal(only(text).speaker, 'Harbourline');
});

test('"said her nephew, X" is X; "said Firm advanced threat researcher X" is X, and "he" after it too', () => {
  assert.equal(only('“We are really just shocked,” said her nephew, Ravi Singh, 32, of Queens.').speaker, 'Ravi Singh');
  const text = '“Patch now,” said Northwind advanced threat researcher Ana Ruiz.\n“The flaw is being exploited,” she said.';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Ana Ruiz', 'Ana Ruiz']);
});

test('a capitalised word the tagger read as a verb inside a name does not end the attribution ("Drew Brees", "CEO Rob Friedman")', () => {
  assert.equal(only('“That is tough,” quarterback Drew Brees said of the loss.').speaker, 'Drew Brees');
  assert.equal(only('“This is not a rush job,” Summit CEO Rob Friedman told the Los Angeles Times.').speaker, 'Rob Friedman');
  assert.equal(only('“So which is it?” Deputy Public Defender Peter Lynch asked Coleman.').speaker, 'Peter Lynch');
});

test('a name with a spaced middle initial and a relative clause after it speaks ("Councilman Jumaane D . Williams , who …, said")', () => {
  assert.equal(only('" Things are tense , " Councilman Jumaane D . Williams , who represents the area , said on Twitter .').speaker, 'Jumaane D . Williams');
});

test('"Const." (constable, Canadian and British police) is a rank before a name, not a sentence end', () => {
  assert.equal(only('“Two men were taken to hospital,” Toronto police Const. Ana Ruiz told reporters.').speaker, 'Ana Ruiz');
  assert.equal(only('" Two men were taken to hospital , " said RCMP Cst . Ana Ruiz .').speaker, 'Ana Ruiz');
});

test('"the actress said" is the person last named, of her gender; a speaker\'s quoted sentences do not push her name out of reach', () => {
  const text = 'Ana Ruiz, who runs a fashion line called Mantra, entered a clinic on Tuesday.\n“I feel strong,” she told a magazine.\n“My body is tired. I partied hard. I need a rest. I will be back.”\nEarlier this year, the actress said she was now a “social drinker.”';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Ana Ruiz', 'Ana Ruiz', 'Ana Ruiz']);
  // An epithet of the other gender is not her.
  assert.equal(quotesOf(text.replace('the actress', 'the actor')).at(-1)!.speaker, '[the actor]');
});


test('an -ing noun after a determiner in an opening phrase ("after the Friday shooting,") is no verb: the coordinated speaker is the main subject', () => {
  assert.equal(only('Moments after the Friday shooting, one officer put both hands on his head and said, "We are in trouble."').speaker, '[one officer]');
});

test('"a woman who claims she had a “…”": a speech verb in -s after "who" is a verb, and "who" stands for the noun before it', () => {
  assert.deepEqual(only('A Boston woman who claims she had a "bird\'s-eye view" of the crash says the driver ran a red light.'), { words: "bird's-eye view", kind: 'speech', speaker: '[A Boston woman]', rule: 'quotes/intro-verb' });
});

test('"she" stands for a woman whose surname is also a title ("Zelphia King"), named again as "King"', () => {
  const text = 'Zelphia King saw the crash from her window.\nKing told reporters the driver ran a red light.\n“I could not see the other car,” she said during the hearing.';
  assert.equal(only(text).speaker, 'Zelphia King');
});

test('"was described in a newspaper profile as “…”": the writing named after "in" speaks; "described in detail as" names none', () => {
  assert.equal(only('Ana Ruiz came to the capital in 1969 and was described in a 1972 newspaper profile as a "quiet, patient man who never sought the spotlight."').speaker, '[a 1972 newspaper profile]');
  assert.equal(only('The plan was described in great detail as a "slow, careful return to normal trading."').speaker, null);
});

test('"he said" never stands for a name the article always writes after "the" ("the Red Herons"), a team, not a man', () => {
  const text = 'Red Herons sign pitcher\nThe Red Herons have signed pitcher Dan Okafor.\nManager Leo Brandt was asked whether the Red Herons would add another arm.\n“We are looking,” he said.';
  assert.equal(only(text).speaker, 'Leo Brandt');
});

test('words called out right before the mark are the caller\'s; "people report" after them is second-hand', () => {
  assert.equal(only('Outside, marchers chanted “Justice now,” witnesses report from the square.').speaker, '[marchers]');
});

test('"according to the officers involved in the stop": the noun before a participle heads the source', () => {
  assert.equal(only('According to the officers involved in the stop, the driver reached for the glovebox “suddenly,” and both drew their weapons.').speaker, '[the officers]');
});

test('"which the navy announced by saying it had sunk a “…”": the verb "by saying" hangs on gives the speaker', () => {
  const text = 'A sailor died in the raid, which the coast guard had first announced by saying it had stopped a “smuggling boat.”';
  assert.equal(only(text).speaker, '[the coast guard]');
});

test('a statement "from X" is X\'s; "the statement" brought in long before still speaks as a description', () => {
  const text = 'Divers reached the wreck, according to a statement from the harbour authority.\nThey recovered “two intact engines and the logbook,” the statement said.';
  assert.equal(quotesOf(text)[0]!.speaker, '[the harbour authority]');
  const far = 'The ferry sank on Monday.\nNo one was hurt.\nThe crew swam ashore.\nThe cargo was lost.\nThe owner is insured.\nThe port reopened.\nThe statement said only that the captain would be “questioned next week.”';
  assert.equal(only(far).speaker, '[The statement]');
});

test('"the Skyfall star said": a capitalised work before an epithet still stands for the person last named', () => {
  const text = 'Ana Ruiz checked into a clinic in Malibu.\nAsked about her plans, the Skyfall star said, “I need a long rest.”';
  assert.equal(only(text).speaker, 'Ana Ruiz');
});

test('"Analyst Rob Dunne of Dunne Group in Silicon Valley said": the person, not the place after his firm', () => {
  assert.equal(only('Analyst Rob Dunne of Dunne Group in Silicon Valley said the fix was “remarkably fast” for a patch.').speaker, 'Rob Dunne');
});

test('"couldn ’ t say" spaced apart by tokenised text is no subject "t"', () => {
  const text = '“ It made me angry , ” Ana Ruiz said .\nI had to keep calm , and I couldn ’ t say anything to the referee .\n“ I think I did the right thing . ”';
  assert.ok(!quotesOf(text).some((q) => q.speaker === '[t]'), JSON.stringify(quotesOf(text)));
});

test('"X asked Y, “…?”" is X\'s question though Y then speaks; "“Yes,” he responded" is the one asked', () => {
  const text = 'Ray Coleman took the stand on Tuesday .\nAt one point , prosecutor Dan Rossi asked Coleman , “ You lied to this jury , correct ? ”\n“ Yes , ” he responded .\nRossi then asked , “ Are you going to change it again ? ” Coleman also said that he had lied before .';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Dan Rossi', 'Ray Coleman', 'Dan Rossi']);
});

test('"Gravano quoted Mr . Gotti as saying": the one quoted speaks, past an abbreviated title', () => {
  assert.equal(only('" He is crazy like a fox , " Mr . Gravano quoted Mr . Gotti as saying after a meeting .').speaker, 'Gotti');
});

test('"it said" after a body described, not named, as the subject before ("The union rejected…") is that body', () => {
  assert.equal(only('The union rejected the offer on Monday. “We will strike if we must,” it said.').speaker, '[The union]');
});

test('a quote alone, then "That was the promise from Mayor X": the next sentence names its speaker', () => {
  assert.equal(only('“We will rebuild every house.” That was the promise from Mayor Tom Hale on Tuesday.').speaker, 'Tom Hale');
  assert.equal(only('Ana Ruiz spoke first. “It is over.” She left soon after.').speaker, 'Ana Ruiz');
});

test('"X had this to say" and "to let fans know that “…”" name the speaker before the quote', () => {
  assert.equal(only('In a statement released on Monday, the organisers had this to say about the choice of venue: “It is the right city for us.”').speaker, '[the organisers]');
  assert.equal(only('After thanking the crew, Lena Hart went on to praise the cast and to let fans know that “a second season is already written.”').speaker, 'Lena Hart');
});

test('"Outlet\'s “Column” is reporting" after a quote is the outlet\'s; "He asked not to be identified" attributes nothing', () => {
  const owned = quotesOf('“A new editor will start in May,” Harbour Weekly\'s “City Desk” is reporting.').filter((q) => q.kind === 'speech');
  assert.deepEqual(owned.map((q) => q.speaker), ['Harbour Weekly']);
  const text = 'Mayor Tom Hale spoke in the morning. “We lost time,” a fire official said.\n“If we had come earlier, the house would still stand.”\nHe asked not to be identified.';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['[a fire official]', '[a fire official]']);
});

test('"said before X arrived" after a quote is no inverted subject; a bracketed aside after a name does not hide its verb', () => {
  const text = '“ The mayor should be here now , ” Ana Ruiz , a critic of the council , said before Tom Hale arrived .\n“ There is a feeling that nobody listens . ”';
  assert.deepEqual(quotesOf(text).map((q) => q.speaker), ['Ana Ruiz', 'Ana Ruiz']);
  const aside = 'Mira Holt wrote the score.\nHer brother, director Tom Holt ("North Road"), also remembers that summer. “It was a hard time,” he said.';
  assert.equal(quotesOf(aside).find((q) => q.kind === 'speech')?.speaker, 'Tom Holt');
});

test('a document owned by a possessive is that owner\'s, or speaks itself, never a person named near it', () => {
  assert.equal(only('Deputy Tom Hart was shot in May. Kraft\'s statement says Deputy Hart “was a friend to every worker here.”').speaker, 'Kraft');
  assert.equal(only('Deputy Tom Hart was shot in May. The D . A . \'s release says Deputy Hart " chased the suspect to the door . "').speaker, '[release]');
});

test('"His exact words:" gives the quote to the owner of the words; a name joined to a preposition\'s object heads no colon', () => {
  assert.equal(only('Team owner John Henry said his club would not bid.\nHis exact words:\n“We met him and were impressed, but we are not going to be a factor.”').speaker, 'John Henry');
  const text = 'Ana Ruiz has found one drawback to working with Mira Holt and Lena York: “They sing so well that nobody else dares to.”';
  assert.notEqual(only(text).speaker, 'Lena York');
});

test('"Paulo “The Fox” Rinaldi": the surname after a nickname is a person\'s, so "he" can stand for it', () => {
  const text = 'Crime boss Paulo "The Fox" Rinaldi , the feared gangster , died in prison on Monday .\nFor decades , Rinaldi had beaten prosecutors in court .\nHe was jailed in 1999 .\nAt his last hearing , he smiled at his son and said "thank you all" to the judge .';
  assert.equal(quotesOf(text).find((q) => q.kind === 'speech')?.speaker, 'Rinaldi');
});

test('a line quoted between an article and a noun labels it; a short Title Case quote its sentence goes on from is a title', () => {
  assert.notEqual(only('A “the mayor is so slow” joke is never in bad taste here.').kind, 'speech');
  assert.deepEqual(quotesOf('“Harbour” will be adapted for the screen by Lena York.').map((q) => q.kind), ['title']);
  assert.equal(only('“Stop,” she said.').kind, 'speech');
});

test('", `` police said" closes a quote whose closing mark was typed as an opening one', () => {
  assert.deepEqual(only('`` The man entered the shop with a gun , `` police said in a statement .').speaker, '[police]');
});
