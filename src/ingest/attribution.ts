import type { Doc, Span } from '../doc/types.js';
import { WIRE_SERVICES } from './lexicon/wire-services.js';

/** Only the first paragraphs hold a dateline or a byline; further down "(AP) —" is a quote or a list. */
const DEFAULT_HEAD_PARAGRAPHS = 3;
/** A credit or copyright line sits in the last paragraphs. */
const DEFAULT_TAIL_PARAGRAPHS = 4;
/** A byline or copyright line is short; a longer line is prose that mentions a name. */
const DEFAULT_MAX_CREDIT_WORDS = 14;

/**
 * Where the outlet name came from, as the export schema's `source.basis` lists them: the page,
 * sidecar or feed; the text's dateline, byline or copyright line; or the bare domain.
 */
export type OutletBasis = 'metadata' | 'sidecar' | 'feed' | 'dateline' | 'byline' | 'copyright' | 'domain';
/** Where the byline came from: the page, sidecar or feed, or a by-line printed in the text (`byline`). */
export type BylineBasis = 'metadata' | 'sidecar' | 'feed' | 'byline';

export interface Attribution {
  source: { name: string | null; domain: string | null; basis: OutletBasis | null };
  byline: string | null;
  bylineBasis: BylineBasis | null;
  /** The agency whose copy the article runs, with the words that say so (spans into `Doc.text`; a removed credit line has none). */
  wire: { name: string; evidence: Span[] } | null;
}

const ATTRIBUTION_PATTERNS = {
  /**
   * "WASHINGTON (Reuters) —", "(AP) —", "Mannheim, Germany (Sports Network) -", "VELMORA, March 13
   * (Meridian Wire) —": the outlet in brackets before the dash that opens the lede.
   */
  datelineOutlet: /^(?:\p{Lu}[\p{L}.'’ -]*(?:,\s*[\p{L}.'’ ]+)*(?:,\s*\p{L}{3,}\.?\s+\d{1,2})?\s*)?\((\p{Lu}[\p{L}&.'’ -]{1,40}?)\)\s*[—–-]{1,2}\s/u,
  /** "By Jill Colvin, Associated Press", "By A. Smith | Reuters", "By Reuters", "By Jane Doe (AFP)". */
  bylineLine: /^by\s+(.+)$/iu,
  /** "Jane Doe | Reuters": a name, a bar, an outlet, nothing else. */
  nameBarOutlet: /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})\s*\|\s*(\p{Lu}[\p{L}&.'’ -]{1,40})$/u,
  /** "© 2018 Reuters", "Copyright 2019 The Associated Press. All rights reserved.", "(c) AFP 2020". */
  copyright: /(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?((?:the\s+)?\p{Lu}[\p{L}&.'’ -]{1,50}?)\s*(?:\d{4}\s*)?(?:[.,;|]|\ball rights\b|$)/iu,
  /** "Associated Press contributed to this report", "Additional reporting by Reuters", "(Reporting by … for Reuters)". */
  contributed: /\b((?:the\s+)?\p{Lu}[\p{L}.'’ -]{1,40}?)\s+contributed\b|\breporting by\s+((?:the\s+)?\p{Lu}[\p{L}.'’ -]{1,40}?)\s*[.;,)]|\bfor\s+(Reuters|the Associated Press)\b/gu,
  /** Words after a byline's separator that are not an outlet: roles and reading times. */
  notOutlet: /\b(staff|writer|reporter|correspondent|editor|contributor|columnist|special to|min(ute)?s?|read|updated|published|posted)\b|\d/i,
} as const;

const wireForms = WIRE_SERVICES.flatMap((w) => w.forms.map((form) => ({ form: form.toLowerCase(), name: w.name })));
/** The agency a printed name is ("AP", "The Associated Press" → "Associated Press"), or null. */
export function wireNamed(printed: string): string | null {
  const key = printed.trim().replace(/\s+/g, ' ').toLowerCase();
  return wireForms.find((w) => w.form === key)?.name ?? null;
}

interface Found {
  outlet: string;
  basis: 'dateline' | 'byline' | 'copyright';
  /** Where in `Doc.text`, when the words are still there (not in a removed line). */
  span: Span | null;
}

/**
 * The outlet, byline and wire an article's own words give, beside what its metadata says.
 * Metadata wins for the outlet and byline (a page's publisher is the outlet even when it runs
 * agency copy); the text fills what metadata leaves empty, with `basis` saying where each came
 * from. The wire is read from the text only: a dateline "(Reuters) —", a byline or copyright
 * line naming an agency, or "Associated Press contributed to this report".
 * Pure: it reads the clean text, its paragraphs and the lines cleaning removed.
 * Known failure: an agency named only in a photo credit ("Photo: AP") is not a wire (credits are removed unread).
 */
export function attributeArticle(doc: Pick<Doc, 'text' | 'raw' | 'removed' | 'meta' | 'layers'>): Attribution {
  const found = textOutlets(doc);
  const credit = bylineFromText(doc);
  const wire = wireOf(doc, found);

  const { name, domain } = doc.meta.source;
  const named = name !== null && name !== domain;
  const fromText = found[0] ?? null;
  const source: Attribution['source'] = named
    ? { name, domain, basis: metadataBasis(doc) }
    : fromText
      ? { name: fromText.outlet, domain, basis: fromText.basis }
      : { name, domain, basis: domain !== null ? 'domain' : null };

  let byline = doc.meta.byline;
  let bylineBasis: BylineBasis | null = null;
  if (byline !== null) {
    // Plain text gets its byline from a sidecar or from a by-line the clean stage removed ("By Jill Colvin, Associated Press").
    const basis = metadataBasis(doc);
    const printed = basis === 'sidecar' && doc.removed.some((r) => r.text.includes(byline!));
    bylineBasis = printed ? 'byline' : basis;
    if (printed && credit !== null && byline.startsWith(credit)) byline = credit;
  } else if (credit !== null) [byline, bylineBasis] = [credit, 'byline'];
  return { source, byline, bylineBasis, wire };
}

/** Plain text takes its outlet from a sidecar or flag; a page from its tags; a feed item from the feed. */
function metadataBasis(doc: Pick<Doc, 'raw' | 'meta'>): 'metadata' | 'sidecar' | 'feed' {
  if (/#item-\d+$/.test(doc.meta.input)) return 'feed';
  return /^\s*</.test(doc.raw) ? 'metadata' : 'sidecar';
}

/** Paragraph spans of the text (the `paragraphs` layer, else blank-line blocks). */
function paragraphsOf(doc: Pick<Doc, 'text' | 'layers'>): Span[] {
  if (doc.layers.paragraphs.length) return doc.layers.paragraphs;
  const out: Span[] = [];
  for (const m of doc.text.matchAll(/[^\n]+/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Short lines that may be credits: removed byline/credit lines, and the first and last paragraphs. */
function creditLines(doc: Pick<Doc, 'text' | 'removed' | 'layers'>): Array<{ text: string; span: Span | null }> {
  const paragraphs = paragraphsOf(doc);
  const inText = [...paragraphs.slice(0, DEFAULT_HEAD_PARAGRAPHS), ...paragraphs.slice(Math.max(DEFAULT_HEAD_PARAGRAPHS, paragraphs.length - DEFAULT_TAIL_PARAGRAPHS))]
    .map((p) => ({ text: doc.text.slice(p.start, p.end), span: p as Span | null }));
  const removed = doc.removed.map((r) => ({ text: r.text, span: null }));
  return [...removed, ...inText].filter((l) => l.text.split(/\s+/).length <= DEFAULT_MAX_CREDIT_WORDS);
}

/** Outlets the text names, most telling first: dateline, byline, an agency's copyright. */
function textOutlets(doc: Pick<Doc, 'text' | 'removed' | 'layers'>): Found[] {
  const out: Found[] = [];
  for (const p of paragraphsOf(doc).slice(0, DEFAULT_HEAD_PARAGRAPHS)) {
    const m = ATTRIBUTION_PATTERNS.datelineOutlet.exec(doc.text.slice(p.start, p.end));
    if (!m) continue;
    const start = p.start + m[0].indexOf(`(${m[1]})`) + 1;
    out.push({ outlet: wireNamed(m[1]!) ?? m[1]!.trim(), basis: 'dateline', span: { start, end: start + m[1]!.length } });
    break;
  }
  const lines = creditLines(doc);
  for (const line of lines) {
    const outlet = bylineParts(line.text)?.outlet;
    if (outlet) out.push({ outlet: wireNamed(outlet) ?? outlet, basis: 'byline', span: line.span && spanOf(doc.text, line.span, outlet) });
  }
  for (const line of lines) {
    const m = ATTRIBUTION_PATTERNS.copyright.exec(line.text);
    const owner = m?.[1]?.replace(/^the\s+(?=associated press|canadian press)/i, 'The ').trim();
    // A page footer's copyright names the owning company ("NBCUniversal Media"), not the outlet; an agency's is its copy.
    const wire = owner ? wireNamed(owner) : null;
    if (wire) out.push({ outlet: wire, basis: 'copyright', span: line.span && spanOf(doc.text, line.span, owner!) });
  }
  return out;
}

/** A byline's names and outlet: "By Jill Colvin, Associated Press" → names "Jill Colvin", outlet "Associated Press"; "By Reuters" → outlet only. */
function bylineParts(line: string): { names: string | null; outlet: string | null } | null {
  const bar = ATTRIBUTION_PATTERNS.nameBarOutlet.exec(line.trim());
  if (bar && !ATTRIBUTION_PATTERNS.notOutlet.test(bar[2]!)) return { names: bar[1]!, outlet: bar[2]!.trim() };
  const by = ATTRIBUTION_PATTERNS.bylineLine.exec(line.trim());
  if (!by) return null;
  const body = by[1]!.trim();
  if (wireNamed(body)) return { names: null, outlet: body };
  const parts = /^(.*?)\s*(?:\(([^)]+)\)|[,|·•–—]\s*(.+))$/u.exec(body);
  const outlet = (parts?.[2] ?? parts?.[3])?.trim();
  if (!parts || !outlet) return { names: body, outlet: null };
  const isOutlet = /^\p{Lu}/u.test(outlet) && outlet.split(/\s+/).length <= 4 && !ATTRIBUTION_PATTERNS.notOutlet.test(outlet) && !/\band\b/.test(outlet);
  return { names: parts[1] || null, outlet: isOutlet ? outlet : null };
}

/** Author names from a byline line printed in the text or removed from it. */
function bylineFromText(doc: Pick<Doc, 'text' | 'removed' | 'layers'>): string | null {
  for (const line of creditLines(doc)) {
    const names = bylineParts(line.text)?.names;
    if (names && /^\p{Lu}/u.test(names) && names.split(/\s+/).length <= 10) return names.replace(/\s*[·|•–—,]\s*$/, '');
  }
  return null;
}

function spanOf(text: string, within: Span, words: string): Span | null {
  const at = text.slice(within.start, within.end).indexOf(words);
  return at === -1 ? null : { start: within.start + at, end: within.start + at + words.length };
}

/** The agency whose copy this is, from the dateline, a byline or copyright naming one, or a "contributed" credit. */
function wireOf(doc: Pick<Doc, 'text' | 'removed' | 'layers'>, found: Found[]): Attribution['wire'] {
  const evidence = new Map<string, Span[]>();
  const add = (name: string, span: Span | null) => {
    const list = evidence.get(name) ?? [];
    if (span) list.push(span);
    evidence.set(name, list);
  };
  for (const f of found) {
    const name = wireNamed(f.outlet);
    if (name) add(name, f.span);
  }
  const tail = paragraphsOf(doc).slice(-DEFAULT_TAIL_PARAGRAPHS);
  const places: Array<{ text: string; offset: number | null }> = [
    ...tail.map((p) => ({ text: doc.text.slice(p.start, p.end), offset: p.start as number | null })),
    ...doc.removed.map((r) => ({ text: r.text, offset: null })),
  ];
  for (const place of places) {
    for (const m of place.text.matchAll(ATTRIBUTION_PATTERNS.contributed)) {
      const printed = (m[1] ?? m[2] ?? m[3])!;
      const name = wireNamed(printed);
      if (!name) continue;
      const at = m.index + m[0].indexOf(printed);
      add(name, place.offset === null ? null : { start: place.offset + at, end: place.offset + at + printed.length });
    }
  }
  const [first] = evidence;
  return first ? { name: first[0], evidence: first[1] } : null;
}
