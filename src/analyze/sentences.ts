import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Paragraph, Span, Token } from '../doc/types.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './entities/lexicon/titles.js';
import type { Stage } from '../pipeline/stage.js';

/** Loaded once per process: the model takes ~100 ms to read and is shared by every document. */
let nlp: ReturnType<typeof winkNLP> | null = null;
const getNlp = () => (nlp ??= winkNLP(model, ['sbd', 'pos']));

export interface SentencesAndTokens {
  sentences: Span[];
  tokens: Token[];
}

/**
 * Sentences and tokens of a text with offsets into it. Line breaks are hard sentence
 * boundaries: in scraped text a line is a paragraph or a heading, and a sentence never
 * runs from a heading into the next paragraph ("Petro-Trump Talks\nThis came after…").
 * Token offsets come from wink's lossless tokenisation (preceding spaces + token value).
 */
export function sentencesAndTokens(text: string, offset = 0, into: SentencesAndTokens = { sentences: [], tokens: [] }): SentencesAndTokens {
  const lineRe = /[^\n]+/g;
  for (const line of text.matchAll(lineRe)) analyseLine(line[0], offset + line.index!, into);
  return into;
}

/**
 * A run of non-space characters longer than this is not a word (a pasted hash, base64, a line of
 * dashes): it becomes one token tagged `X` and is not given to wink, whose tokenizer takes time
 * growing with the square of a word's length.
 */
export const MAX_WORD_CHARS = 256;
// Tried only where a run starts: a scan from each character inside a word re-reads the word's rest (the same matches).
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_WORD_CHARS + 1},}`, 'g');

/** Pronouns an "'s" after is a contracted "is" or "has", never a possessive ("it's", "that's", "there's"). */
const CONTRACTING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'that', 'he', 'she', 'there', 'here', 'what', 'who', 'this', 'where', 'how', 'when', 'why']);

/** Appends one line's sentences and tokens to `into` (appended one by one: a spread of a long line's tokens overflows the stack). */
function analyseLine(line: string, lineStart: number, into: SentencesAndTokens): void {
  const nlp = getNlp();
  const its = nlp.its;
  const longRuns = line.length > MAX_WORD_CHARS ? [...line.matchAll(LONG_RUN)] : [];
  // Blanked to spaces of the same length, so every offset wink gives still indexes `line`.
  const read = longRuns.length ? line.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : line;
  const doc = nlp.readDoc(read);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>['out']>[0]) as string[];
  const starts: number[] = [];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    const value = values[i]!;
    // wink keeps the text lossless; if a token ever does not sit where expected, search forward rather than emit a wrong span.
    if (!read.startsWith(value, at)) at = read.indexOf(value, at);
    starts.push(at);
    // "That 's more than…" in tokenised text: wink reads the "'s" after a pronoun as a possessive; a pronoun owns nothing so, it is "is" or "has".
    const contracted = pos[i] === 'PART' && /^['’]s$/i.test(value) && CONTRACTING_PRONOUNS.has(values[i - 1]?.toLowerCase() ?? '');
    tokens.push({ start: lineStart + at, end: lineStart + at + value.length, pos: contracted ? 'AUX' : pos[i]!, lemma: contracted ? 'be' : (lemmas[i] ?? value.toLowerCase()) });
    at += value.length;
  }
  // wink makes a token of a tab or other non-space blank: such tokens are neither words nor the ends of a sentence.
  const blank = values.map((v) => /^\s+$/.test(v));
  const firstOfLine = into.sentences.length;
  doc.sentences().each((sentence: { out(f: unknown): unknown }) => {
    let [from, to] = sentence.out(its.span) as unknown as [number, number];
    while (from <= to && blank[from]) from++;
    while (to >= from && blank[to]) to--;
    const start = starts[from];
    const lastToken = tokens[to];
    if (from > to || start === undefined || lastToken === undefined) return;
    // "told Polygraph.info that…", "MLB.com": a stop with a lowercase word glued after it is inside a word, not a sentence end.
    const previous = into.sentences.length > firstOfLine ? into.sentences.at(-1) : undefined;
    // "40 . 3 million people" in tokenised text (ECB+): a stop spaced between two digits is a decimal point.
    const decimal = previous && previous.end === lineStart + start - 1 && /\d \.$/.test(read.slice(0, start - 1)) && /\d/.test(read[start] ?? '');
    // "George W . Bush", "Capt . James Clark": a spaced-out initial or title before a name.
    // "Rep. Ana Ruiz (D-Calif.) said": a bracket closed after an abbreviation's stop, then a lowercase word, goes on with the sentence.
    const bracketed = previous && /\.\)$/.test(read.slice(0, start).trimEnd()) && /^\p{Ll}/u.test(read[start] ?? '');
    // "the adjacent Crowley Maritime Corp . fuel sales office" in tokenised text: an English sentence never opens on a
    // lowercase word, so a spaced stop before an all-lowercase word ends an abbreviation ("iPhone" may open one and does end it).
    const lowercaseAfterStop = previous && /^ +$/.test(read.slice(previous.end - lineStart, start)) && /\.$/.test(read.slice(0, previous.end - lineStart)) && /^\p{Ll}+(?![\p{L}\p{N}])/u.test(read.slice(start));
    if (previous && ((previous.end === lineStart + start && /^[\p{Ll}\d]/u.test(read[start] ?? '')) || decimal || bracketed || lowercaseAfterStop || initialBefore(values, pos, from) || titleBefore(values, pos, from))) {
      previous.end = lastToken.end;
      return;
    }
    into.sentences.push({ start: lineStart + start, end: lastToken.end });
  });
  const words = tokens.filter((_, i) => !blank[i]);
  // The long runs go back among wink's tokens in text order.
  let k = 0;
  for (const run of longRuns) {
    const start = lineStart + run.index!;
    while (k < words.length && words[k]!.start < start) into.tokens.push(words[k++]!);
    into.tokens.push({ start, end: start + run[0].length, pos: 'X', lemma: run[0].toLowerCase() });
  }
  while (k < words.length) into.tokens.push(words[k++]!);
}

const LONE_CAPITAL = /^\p{Lu}$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * Whether wink ended a sentence just before token `at` on an initial of tokenised text, where the
 * stop stands apart from its letter: "George W . Bush's rule", "the U . S . Fish and Wildlife
 * Service". wink keeps "George W. Bush" and "U.S." whole; spaced out, the same words are no sentence
 * end either: a lone capital and its stop after a name or another such letter ("John F .", "U . S ."),
 * then a name ("Kennedy", "Fish") or the abbreviation's next letter ("U . N ."). "Plan B . The" ends.
 */
function initialBefore(values: string[], pos: string[], at: number): boolean {
  const [before, letter, stop, next, nextStop] = [values[at - 3], values[at - 2], values[at - 1], values[at], values[at + 1]];
  if (stop !== '.' || letter === undefined || !LONE_CAPITAL.test(letter) || next === undefined) return false;
  if (LONE_CAPITAL.test(next) && nextStop === '.') return true;
  const afterName = before !== undefined && pos[at - 3] === 'PROPN' && CAPITALISED.test(before) && !LONE_CAPITAL.test(before);
  const afterLetter = before === '.' && LONE_CAPITAL.test(values[at - 4] ?? '');
  return (afterName || afterLetter) && pos[at] === 'PROPN' && CAPITALISED.test(next);
}

/**
 * Whether wink ended a sentence just before token `at` on a spaced-out abbreviated title (written
 * with its stop in the titles lexicon) before a capitalised noun or name: "Homicide Capt . James
 * Clark", "Dr . Park Dietz", "Dist . Atty . Steve Cooley" (wink keeps "Dr. Park Dietz" whole); "met the Gov . The end" ends.
 */
function titleBefore(values: string[], pos: string[], at: number): boolean {
  const [title, stop, next] = [values[at - 2], values[at - 1], values[at]];
  if (stop !== '.' || title === undefined || next === undefined || !CAPITALISED.test(title) || !CAPITALISED.test(next) || (pos[at] !== 'PROPN' && pos[at] !== 'NOUN')) return false;
  const written = `${title.toLowerCase()}.`;
  return TITLE_HEADS.has(written) || HONORIFICS.has(written) || TITLE_MODIFIERS.has(written);
}

/** Writes `sentences` and `tokens`; headings are one sentence each (they are single lines). */
export const sentencesStage: Stage = {
  name: 'analyze/sentences',
  reads: ['paragraphs'],
  writes: ['sentences', 'tokens'],
  run(doc) {
    const into: SentencesAndTokens = { sentences: [], tokens: [] };
    for (const paragraph of doc.layers.paragraphs as Paragraph[]) sentencesAndTokens(doc.text.slice(paragraph.start, paragraph.end), paragraph.start, into);
    const { sentences, tokens } = into;
    return { ...doc, layers: { ...doc.layers, sentences, tokens } };
  },
};
