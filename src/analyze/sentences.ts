import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Paragraph, Span, Token } from '../doc/types.js';
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
export function sentencesAndTokens(text: string, offset = 0): SentencesAndTokens {
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  const lineRe = /[^\n]+/g;
  for (const line of text.matchAll(lineRe)) {
    const lineStart = offset + line.index!;
    const { sentences: s, tokens: t } = analyseLine(line[0], lineStart);
    sentences.push(...s);
    tokens.push(...t);
  }
  return { sentences, tokens };
}

function analyseLine(line: string, lineStart: number): SentencesAndTokens {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(line);
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
    if (line.slice(at, at + value.length) !== value) at = line.indexOf(value, at);
    starts.push(at);
    tokens.push({ start: lineStart + at, end: lineStart + at + value.length, pos: pos[i]!, lemma: lemmas[i] ?? value.toLowerCase() });
    at += value.length;
  }
  const sentences: Span[] = [];
  doc.sentences().each((sentence: { out(f: unknown): unknown }) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    const start = starts[first];
    const lastToken = tokens[last];
    if (start === undefined || lastToken === undefined) return;
    sentences.push({ start: lineStart + start, end: lastToken.end });
  });
  return { sentences, tokens };
}

/** Writes `sentences` and `tokens`; headings are one sentence each (they are single lines). */
export const sentencesStage: Stage = {
  name: 'analyze/sentences',
  reads: ['paragraphs'],
  writes: ['sentences', 'tokens'],
  run(doc) {
    const sentences: Span[] = [];
    const tokens: Token[] = [];
    for (const paragraph of doc.layers.paragraphs as Paragraph[]) {
      const result = sentencesAndTokens(doc.text.slice(paragraph.start, paragraph.end), paragraph.start);
      sentences.push(...result.sentences);
      tokens.push(...result.tokens);
    }
    return { ...doc, layers: { ...doc.layers, sentences, tokens } };
  },
};
