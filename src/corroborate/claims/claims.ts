import { createHash } from 'node:crypto';
import type { CopyLink } from '../../cluster/copies.js';
import type { Doc, Span } from '../../doc/types.js';
import type { ExportEntity } from '../../export/types.js';
import { outletKey } from '../independence.js';
import { alignUnits, similarity, unitVectors, type UnitVectors } from './align.js';
import { ATTRIBUTE_SUBJECTS, findAttributeConflicts } from './attributes.js';
import { findConflicts, type Conflict } from './conflicts.js';
import { findHappeningConflicts } from './happenings.js';
import { findNameConflicts } from './names.js';
import { personFacets, valueFacets } from './facets.js';
import { PIECE_SOURCES, pieceFacts } from './pieces.js';
import { roleFacets } from './roles.js';
import { findScoreConflicts } from './scores.js';
import { findSlotConflicts } from './slots.js';
import { claimUnits, narrowedSpan, quoteClosedEnd, referents, type ClaimUnit } from './units.js';

export type ClaimStatus = 'corroborated' | 'single-source' | 'disputed';

/** One fact as the story's articles state it: its statements, its status and how many independent sources carry it. */
export interface Claim {
  id: string;
  /** The statement as the most typical article prints it, with its attribution when that lies outside the clause. */
  text: string;
  status: ClaimStatus;
  independentSources: number;
  /** Who the statement is attributed to in the representative article; null when the outlet states it itself or we cannot tell. */
  attributedTo: string | null;
  /** The representative statement first. */
  units: ClaimUnit[];
  /** How many of `units` (from the first) state the fact alone; the rest state it among other facts of their sentence. */
  core: number;
  /** What each of `units` is cited by: the clause, or for a joined unit the stretch of it that states the claim's fact. */
  spans: Span[];
  /** Mean place of the statements in their articles (0 = lead, 1 = last): news puts what matters first. */
  prominence: number;
  /** Whether the representative statement is mostly someone's quoted words (the quotes section shows those). */
  quoted: boolean;
}

export interface StoryClaims {
  claims: Claim[];
  conflicts: Conflict[];
  units: ClaimUnit[];
  space: UnitVectors;
  /** The outlet a statement counts as (a copy as the outlet it copies). */
  sourceOf: (unit: ClaimUnit) => string;
}

/**
 * Claims and conflicts of one story: statements are cut from each article (units), aligned
 * across articles (align), and checked for quantities that cannot all be true (conflicts).
 * A claim is `disputed` when one of its statements gives a value in a conflict,
 * `corroborated` when at least two independent sources state it, else `single-source`.
 * Sources are outlets: a copy counts as the outlet it copies, an outlet's articles count once.
 */
export function corroborateStory(members: Doc[], copies: Map<string, CopyLink>, entities: ExportEntity[]): StoryClaims {
  const referent = referents(entities);
  const units = members.flatMap((doc) => claimUnits(doc, entities, referent));
  const space = unitVectors(units);
  const byId = new Map(members.map((d) => [d.id, d]));
  // Read once per article: the conflict and fact searches ask it of every pair of statements.
  const outletOf = new Map<string, string>();
  const sourceOf = (unit: ClaimUnit) => {
    let key = outletOf.get(unit.doc.id);
    if (key === undefined) outletOf.set(unit.doc.id, (key = outletKey(byId.get(copies.get(unit.doc.id)?.of ?? '') ?? unit.doc)));
    return key;
  };
  // Conflicts and facts told inside other statements are found between outlets only: a story one outlet tells (most stories of one article) has none to look for.
  const outlets = new Set(units.map(sourceOf)).size;
  const attributeConflicts = outlets > 1 ? findAttributeConflicts(units, (i) => sourceOf(units[i]!)) : [];
  const conflicts = outlets > 1 ? [...findConflicts(units, space, sourceOf), ...attributeConflicts, ...findSlotConflicts(units, sourceOf), ...findHappeningConflicts(units, space, sourceOf), ...findNameConflicts(units, space, sourceOf), ...findScoreConflicts(units, sourceOf)] : [];
  const disputedUnits = new Set(conflicts.flatMap((c) => c.positions.flatMap((p) => p.refs.map((r) => r.unit))));
  const sentenceCount = new Map(members.map((d) => [d.id, Math.max(1, d.layers.sentences.length - 1)]));
  // Statements on different sides of one conflict never unite into one claim.
  const opposed = new Set<string>();
  for (const c of conflicts) for (const p of c.positions) for (const q of c.positions) if (p !== q) for (const r of p.refs) for (const s of q.refs) opposed.add(`${r.unit}:${s.unit}`);
  const claims = alignUnits(units, space, undefined, (i, j) => opposed.has(`${i}:${j}`)).map(({ core, joined, alike }): Claim => {
    const group = [...core, ...joined];
    // The representative states the claim's fact alone (a core unit); joined units state it among others.
    const ordered = [...representativeFirst(core, space, copies, units), ...joined];
    const coreTerms = new Set(core.flatMap((i) => [...units[i]!.terms.keys()]));
    const representative = units[ordered[0]!]!;
    const statements = ordered.map((i) => units[i]!);
    const sources = new Set(statements.map(sourceOf)).size;
    const status = group.some((i) => disputedUnits.has(i)) ? 'disputed' : sources >= 2 ? 'corroborated' : 'single-source';
    const prominence = statements.reduce((sum, u) => sum + sentenceIndex(u) / sentenceCount.get(u.doc.id)!, 0) / statements.length;
    return {
      id: claimId(representative),
      text: claimText(representative),
      status,
      independentSources: sources,
      attributedTo: representative.attribution?.who ?? null,
      units: statements,
      core: core.length,
      spans: statements.map((u, k) => (k < core.length || alike.includes(ordered[k]!) ? u.span : narrowedSpan(u, coreTerms))),
      prominence,
      quoted: quotedShare(representative) > 0.5,
    };
  });
  // A fact stated inside sentences that say more: no member states it alone (`core` 0), each cited by `spans`.
  const insideClaim = (statements: ClaimUnit[], idPart: string, text: string, status: ClaimStatus, sources: number, spans: Span[]): Claim => ({
    id: `c-${createHash('sha1').update(`${claimId(statements[0]!)}:${idPart}`).digest('hex').slice(0, 12)}`,
    text,
    status,
    independentSources: sources,
    attributedTo: null,
    units: statements,
    core: 0,
    spans,
    prominence: statements.reduce((sum, u) => sum + sentenceIndex(u) / sentenceCount.get(u.doc.id)!, 0) / statements.length,
    quoted: false,
  });
  // A person's age or home town that several outlets print inside sentences about other things: a claim of its own.
  for (const facet of personFacets(units)) {
    const statements = facet.units.map((i) => units[i]!);
    const sources = new Set(statements.map(sourceOf)).size;
    const disputed = attributeConflicts.some((c) => c.subject === ATTRIBUTE_SUBJECTS[facet.kind](facet.name));
    claims.push(insideClaim(statements, facet.text, facet.text, disputed ? 'disputed' : sources >= 2 ? 'corroborated' : 'single-source', sources, statements.map((u) => u.span)));
  }
  // A figure several outlets print inside sentences about other things: a claim of its own, cited by the words giving it.
  const disputedValues = new Set(conflicts.flatMap((c) => c.positions.flatMap((p) => p.refs.map((r) => `${r.unit}:${r.value.start}`))));
  for (const facet of outlets > 1 ? valueFacets(units, space, sourceOf) : []) {
    // Statements already aligned as one claim need no second one.
    if (claims.some((c) => facet.refs.every((r) => c.units.includes(units[r.unit]!)))) continue;
    // Worded from the clause's start (the subject) to the value's words.
    const { refs, statements, sources, first, text } = briefestFirst(facet.refs, units, sourceOf);
    const status = refs.some((r) => disputedValues.has(`${r.unit}:${r.value.start}`)) ? 'disputed' : 'corroborated';
    claims.push(insideClaim(statements, `${first.cite.start}:${first.cite.end}`, text, status, sources, refs.map((r) => r.cite)));
  }
  // A fact several outlets tell in a phrase of sentences that say more: a claim of its own, cited by each phrase.
  for (const fact of outlets >= PIECE_SOURCES ? pieceFacts(units, space, sourceOf) : []) {
    if (claims.some((c) => fact.refs.every((r) => c.units.includes(units[r.unit]!)))) continue;
    // Worded from the clause's start (the subject) to the phrase's end.
    const { refs, statements, sources, first, text } = briefestFirst(fact.refs, units, sourceOf);
    // A phrase giving a value in a conflict is disputed, as the value facets are.
    const status = conflicts.some((c) => c.positions.some((p) => p.refs.some((r) => refs.some((x) => x.unit === r.unit && r.value.start >= x.cite.start && r.value.end <= x.cite.end)))) ? 'disputed' : 'corroborated';
    claims.push(insideClaim(statements, `p:${first.cite.start}:${first.cite.end}`, text, status, sources, refs.map((r) => r.cite)));
  }
  // A role several outlets print beside one person's name: a claim of its own, cited by the name with its role.
  for (const facet of roleFacets(units, (i) => sourceOf(units[i]!))) {
    const statements = facet.refs.map((r) => units[r.unit]!);
    claims.push(insideClaim(statements, `r:${facet.text}`, facet.text, 'corroborated', new Set(statements.map(sourceOf)).size, facet.refs.map((r) => r.cite)));
  }
  const rank: Record<ClaimStatus, number> = { corroborated: 0, disputed: 1, 'single-source': 2 };
  claims.sort((a, b) => rank[a.status] - rank[b.status] || b.independentSources - a.independentSources || a.prominence - b.prominence);
  return { claims, conflicts, units, space, sourceOf };
}

/**
 * Citations inside longer statements, the briefest first (its clause's start to the cited words'
 * end): the claim is worded as the article printing it most briefly does, with its subject.
 */
function briefestFirst<R extends { unit: number; cite: Span }>(found: R[], units: ClaimUnit[], sourceOf: (unit: ClaimUnit) => string) {
  const toEnd = (r: R) => r.cite.end - units[r.unit]!.span.start;
  const refs = [...found].sort((a, b) => toEnd(a) - toEnd(b));
  const statements = refs.map((r) => units[r.unit]!);
  const first = refs[0]!;
  return { refs, statements, first, sources: new Set(statements.map(sourceOf)).size, text: statements[0]!.doc.text.slice(statements[0]!.span.start, quoteClosedEnd(statements[0]!.doc.text, statements[0]!.span, first.cite.end)) };
}

/** The group's most central statement (highest summed similarity to the others), preferring originals to copies. */
function representativeFirst(group: number[], space: UnitVectors, copies: Map<string, CopyLink>, units: ClaimUnit[]): number[] {
  const score = (i: number) => (copies.has(units[i]!.doc.id) ? -1 : 0) * 1e6 + group.reduce((s, j) => (j === i ? s : s + similarity(space, i, j)), 0);
  return [...group].sort((a, b) => score(b) - score(a));
}

/** The share of a statement's characters inside quotations of speech. */
function quotedShare(unit: ClaimUnit): number {
  let quoted = 0;
  for (const q of unit.doc.layers.quotes) {
    if (q.kind !== 'speech') continue;
    quoted += Math.max(0, Math.min(q.end, unit.span.end) - Math.max(q.start, unit.span.start));
  }
  return quoted / Math.max(1, unit.span.end - unit.span.start);
}

/** Where a statement's sentence stands in its article (0: the first, the headline when it has one). */
export function sentenceIndex(unit: ClaimUnit): number {
  return unit.doc.layers.sentences.findIndex((s) => s.start === unit.sentence.start);
}

/** The spans a claim's statement rests on: the clause (or the stretch of it given), and the attribution when it lies outside that. */
export function statementSpans(unit: ClaimUnit, span: Span = unit.span): Span[] {
  const a = unit.attribution?.span;
  if (!a || (a.start >= span.start && a.end <= span.end)) return [span];
  return [span, a];
}

/** The clause (or the stretch of it given) as printed; an attribution outside it follows in brackets, as printed ("(officials said)"). */
export function claimText(unit: ClaimUnit, span: Span = unit.span): string {
  const [clause, attribution] = statementSpans(unit, span).map((s) => unit.doc.text.slice(s.start, s.end));
  return attribution ? `${clause} (${attribution})` : clause!;
}

const claimId = (unit: ClaimUnit) => `c-${createHash('sha1').update(`${unit.doc.id}:${unit.span.start}:${unit.span.end}`).digest('hex').slice(0, 12)}`;
