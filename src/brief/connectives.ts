/**
 * The only words a brief sentence may add to what its citations say: the leads that mark a
 * sentence as disputed or single-source. Every other word of a brief sentence is found in one of
 * its citations, which is what `npm run bench -- corroborate` checks.
 */
export const BRIEF_LEADS = {
  disputed: 'Accounts differ:',
  versus: 'vs',
  singleSource: 'Only one source reports:',
} as const;

/** The words of the leads, lower case: what the citation check allows beyond the cited text. */
export const BRIEF_CONNECTIVE_WORDS: ReadonlySet<string> = new Set(
  Object.values(BRIEF_LEADS).flatMap((lead) => lead.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
);
