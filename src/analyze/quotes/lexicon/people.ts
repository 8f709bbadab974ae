/**
 * Words about people and organisations that attribution needs: titles stripped from names,
 * role nouns that make a speaker without a name, cue words of organisations and media, pronouns.
 */

/** Capitalised title and rank words that precede a name ("Fire Chief Oskar Brandt" → "Oskar Brandt"). */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'chief', 'minister', 'secretary', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'judge',
  'officer', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'coo', 'cto', 'spokesman', 'spokeswoman',
  'spokesperson', 'inspector', 'commissioner', 'ambassador', 'general', 'gen.', 'colonel', 'col.', 'captain',
  'capt.', 'lieutenant', 'sergeant', 'admiral', 'prime', 'foreign', 'interior', 'defence', 'defense', 'treasury',
  'state', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof.', 'professor', 'rep.', 'representative',
  'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'rev.', 'reverend', 'managing', 'head', 'investigator',
  'fire', 'police', 'deputy', 'attorney', 'sheriff', 'chancellor', 'premier', 'congressman', 'congresswoman',
  'executive', 'founder', 'leader', 'coach', 'manager', 'analyst', 'economist', 'justice', 'speaker', 'health',
  'finance', 'trade', 'economy', 'transport', 'transportation', 'energy', 'labor', 'labour', 'education', 'commerce', 'security', 'u.s.', 'us', 'uk', 'u.k.', 'un', 'u.n.', 'eu', 'former', 'acting', 'interim', 'senior',
  'assistant', 'associate', 'vp', 'ex',
  // Abbreviated ranks of police and armed forces, written with or without a stop ("Insp Dave Gaskin", "Sgt. Ana Ruiz").
  'insp', 'insp.', 'det', 'det.', 'supt', 'supt.', 'sgt', 'sgt.', 'lt', 'lt.', 'maj', 'maj.', 'cpl', 'cpl.', 'capt',
  'constable', 'const.', 'cst.',
  'adm.', 'pvt.',
  // AP-style abbreviations of civil titles ("Dist. Atty. Steve Cooley").
  'atty.', 'dist.',
]);

/** Lowercase job words that make the single name after them a person ("analyst Keller", "president Obama"). */
export const ROLE_TITLES = new Set(['analyst', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'senator', 'president', 'minister', 'director', 'chairman', 'executive', 'officer', 'economist', 'professor', 'lawyer', 'attorney', 'writer', 'reporter', 'editor', 'engineer', 'passenger', 'witness', 'resident', 'manager', 'founder', 'ceo', 'secretary', 'governor', 'mayor', 'representative', 'congressman', 'congresswoman', 'chief', 'head', 'leader', 'coach', 'expert']);

/** Nouns that are never the speaker of a verb of saying next to them ("last week said"). */
export const NOT_SPEAKERS = new Set(['today', 'yesterday', 'week', 'month', 'year', 'day', 'time', 'morning', 'evening', 'night', 'afternoon', 'weekend', 'quarter', 'way', 'thing', 'things', 'point', 'fact', 'plan', 'deal', 'move']);

/** Nouns for a written text that "says" what its author wrote ("reads the post"): the speaker is the author, found in context. */
export const DOCUMENT_NOUNS = new Set(['post', 'statement', 'letter', 'tweet', 'note', 'message', 'release', 'report', 'memo', 'email', 'e-mail', 'filing', 'document', 'announcement', 'text', 'website', 'blog']);

/** Capitalised words that make a name chunk an organisation or a medium, not a person. */
export const ORG_WORDS = new Set([
  'company', 'co.', 'corp', 'corp.', 'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'group', 'service',
  'services', 'board', 'agency', 'ministry', 'department', 'council', 'university', 'bank', 'association', 'party',
  'government', 'court', 'office', 'airways', 'motors', 'force', 'times', 'news', 'post', 'journal',
  'herald', 'courier', 'wire', 'tribune', 'commission', 'committee', 'institute', 'foundation',
  'federation', 'union', 'organization', 'organisation', 'authority', 'administration', 'house', 'congress',
  'senate', 'parliament', 'army', 'navy', 'police', 'school', 'hospital', 'club', 'team', 'network', 'channel',
  'television', 'radio', 'tv', 'magazine', 'daily', 'gazette', 'al', 'el', 'la', 'le', 'systems', 'technologies',
  'industries', 'holdings', 'partners', 'fund', 'exchange', 'station', 'airport', 'street', 'city', 'county',
  'state', 'states', 'republic', 'kingdom', 'nations', 'united', 'social', 'league', 'cup', 'games', 'conference', 'summit', 'center', 'centre', 'management', 'capital',
  'securities', 'research', 'investments', 'advisors', 'advisers', 'associates', 'llc', 'ag', 'sa', 'gmbh',
]);

/**
 * Nouns for a public body or a team that "the bureau", "the ministry" use for an organisation whose
 * name holds the same word ("Federal Bureau of Investigation"); the kind nouns of companies are ORG_KIND_NOUNS.
 */
export const BODY_NOUNS = new Set(['bureau', 'department', 'ministry', 'office', 'commission', 'council', 'committee', 'board', 'court', 'team', 'league', 'authority', 'administration', 'agency', 'service', 'institute', 'foundation', 'association']);

/** Family nouns that a first name is apposed to ("Hale's wife, Maria, said"): the name is the speaker. */
export const RELATION_NOUNS = new Set(['wife', 'husband', 'widow', 'widower', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'grandson', 'granddaughter', 'grandmother', 'grandfather', 'aunt', 'uncle', 'niece', 'nephew', 'cousin', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'partner', 'girlfriend', 'boyfriend']);

/** Personal pronouns that can stand for one named person; "they"/"we" are left unresolved. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Noun heads of "the president", "the Colombian leader": a description that points back to a named person. */
export const ANAPHORIC_ROLES = new Set(['president', 'leader', 'minister', 'chief', 'director', 'executive', 'ceo', 'chairman', 'senator', 'governor', 'mayor', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'premier', 'chancellor', 'king', 'queen', 'pope', 'founder', 'manager', 'coach', 'head']);

/**
 * Occupations a news story uses as an epithet for the person it is about ("the star said", "the
 * actress told"): unlike a title ("the minister"), no one is given them as a title before a name, so
 * they can only point back to someone named before, never match a title.
 */
export const EPITHET_ROLES = new Set(['star', 'actress', 'actor', 'singer', 'rapper', 'musician', 'comedian', 'novelist', 'filmmaker', 'songwriter', 'entertainer', 'celebrity', 'socialite']);

/** Function words allowed inside a capitalised name chunk ("Velmora Fire and Rescue Service", "Bank of America"). */
export const NAME_CONNECTORS = new Set(['and', 'of', 'for', 'de', 'del', 'da', 'van', 'von', 'der', 'al-', '&', 'the']);

/** Lowercase function words that a Title Case title may contain ("Talks Follow the Money in Caracas"). */
export const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'from', 'and', 'or', 'but', 'as', 'into', 'vs', 'vs.']);

/** Abbreviated titles (AP style, with or without the stop) and the word "the governor", "the senator" use for them. */
export const TITLE_ABBREVIATIONS = new Map([
  ['gov', 'governor'], ['sen', 'senator'], ['rep', 'representative'], ['lt', 'lieutenant'], ['sgt', 'sergeant'],
  ['det', 'detective'], ['insp', 'inspector'], ['supt', 'superintendent'], ['capt', 'captain'], ['col', 'colonel'],
  ['gen', 'general'], ['adm', 'admiral'], ['cpl', 'corporal'], ['maj', 'major'], ['pvt', 'private'], ['prof', 'professor'],
  ['dr', 'doctor'], ['atty', 'attorney'], ['amb', 'ambassador'], ['cmdr', 'commander'],
].flatMap(([short, long]) => [[short!, long!], [`${short}.`, long!]]));

/** Capitalised words for a member of a party or movement: "the Democrat said" describes a person named before, it names no one. */
export const PARTY_MEMBERS = new Set(['democrat', 'republican', 'conservative', 'liberal', 'socialist', 'communist', 'tory', 'nationalist', 'independent']);
