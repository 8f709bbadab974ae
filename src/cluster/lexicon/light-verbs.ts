/** Verbs that carry no event of their own (reporting verbs, auxiliaries): they do not tell one story from another. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'say', 'be', 'have', 'do', 'tell', 'get', 'make', 'go', 'take', 'come', 'will', 'would', 'can', 'could',
  'may', 'might', 'should', 'must', 'report', 'add', 'accord',
]);
