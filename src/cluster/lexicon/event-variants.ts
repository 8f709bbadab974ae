/**
 * Words outlets use interchangeably for one happening, mapped to one key: "quake" and
 * "earthquake", "dies" and "death" tell the same event, and a short report that words it the other
 * way should not look like another story. Only plain variants of one happening: "killed" is not
 * "died" (one names a killer), "fire" is not "explosion".
 */
export const EVENT_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['quake', 'earthquake'],
  ['temblor', 'earthquake'],
  ['death', 'die'],
  ['dead', 'die'],
  ['blaze', 'fire'],
  ['shooting', 'shoot'],
]);
