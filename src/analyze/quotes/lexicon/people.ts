/**
 * Words about people and organisations that attribution needs: titles stripped from names,
 * role nouns that make a speaker without a name, cue words of organisations and media, pronouns.
 */

/** Capitalised title and rank words that precede a name ("Fire Chief Oskar Brandt" → "Oskar Brandt"). */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'chief', 'minister', 'secretary', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'judge',
  'officer', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'coo', 'cto', 'spokesman', 'spokeswoman', 'spokesperson',
  'inspector', 'commissioner', 'ambassador', 'general', 'gen.', 'colonel', 'col.', 'captain', 'capt.', 'lieutenant',
  'sergeant', 'admiral', 'prime', 'foreign', 'interior', 'defence', 'defense', 'treasury', 'state', 'mr', 'mr.', 'mrs',
  'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof.', 'professor', 'rep.', 'representative', 'king', 'queen', 'prince',
  'princess', 'pope', 'bishop', 'rev.', 'reverend', 'managing', 'head', 'investigator', 'fire', 'police', 'deputy',
  'attorney', 'sheriff', 'chancellor', 'premier', 'congressman', 'congresswoman', 'executive', 'founder', 'leader',
  'coach', 'manager', 'analyst', 'economist', 'justice', 'speaker', 'health', 'finance', 'trade', 'economy',
  'transport', 'transportation', 'energy', 'labor', 'labour', 'education', 'commerce', 'homeland', 'security',
  'u.s.', 'us', 'uk', 'u.k.', 'un', 'u.n.', 'eu', 'former', 'acting', 'interim', 'senior', 'assistant', 'associate',
  'vp', 'ex',
]);

/** Nouns that make a speaker of a phrase without a name ("a Colombian official said"). */
export const ROLE_NOUNS = new Set([
  'official', 'officials', 'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'source', 'sources',
  'passenger', 'passengers', 'witness', 'witnesses', 'analyst', 'analysts', 'expert', 'experts', 'police', 'company',
  'operator', 'board', 'government', 'ministry', 'department', 'agency', 'authorities', 'officer', 'officers',
  'resident', 'residents', 'minister', 'president', 'leader', 'chief', 'director', 'executive', 'executives',
  'manager', 'statement', 'representative', 'representatives', 'lawyer', 'lawyers', 'prosecutor', 'prosecutors',
  'diplomat', 'diplomats', 'aide', 'aides', 'observer', 'observers', 'critic', 'critics', 'investigator',
  'investigators', 'economist', 'economists', 'firm', 'union', 'group', 'military', 'army', 'ministry', 'service',
  'staff', 'employee', 'employees', 'worker', 'workers', 'doctor', 'doctors', 'rescuer', 'rescuers', 'victim',
  'survivor', 'survivors', 'fan', 'fans', 'student', 'students', 'teacher', 'customer', 'customers', 'user', 'users',
  'researcher', 'researchers', 'scientist', 'scientists', 'insider', 'insiders', 'negotiator', 'negotiators', 'trader',
  'traders', 'investor', 'investors', 'chairman', 'founder', 'ceo', 'bank', 'council', 'court', 'commission',
  'people', 'person', 'man', 'woman', 'mother', 'father', 'neighbour', 'neighbor', 'neighbours', 'neighbors',
  'organizers', 'organisers', 'administration', 'white', 'house', 'kremlin', 'pentagon',
]);

/** Nouns for a written text that "says" what its author wrote ("reads the post"): the speaker is the author, found in context. */
export const DOCUMENT_NOUNS = new Set(['post', 'statement', 'letter', 'tweet', 'note', 'message', 'release', 'report', 'memo', 'email', 'e-mail', 'filing', 'document', 'announcement', 'text', 'website', 'blog']);

/** Capitalised words that make a name chunk an organisation or a medium, not a person. */
export const ORG_WORDS = new Set([
  'company', 'co.', 'corp', 'corp.', 'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'group', 'service',
  'services', 'board', 'agency', 'ministry', 'department', 'council', 'university', 'bank', 'association', 'party',
  'government', 'court', 'office', 'airlines', 'airways', 'motors', 'force', 'times', 'news', 'post', 'journal',
  'herald', 'courier', 'wire', 'press', 'tribune', 'reuters', 'commission', 'committee', 'institute', 'foundation',
  'federation', 'union', 'organization', 'organisation', 'authority', 'administration', 'house', 'congress',
  'senate', 'parliament', 'army', 'navy', 'police', 'school', 'hospital', 'club', 'team', 'network', 'channel',
  'television', 'radio', 'tv', 'magazine', 'daily', 'gazette', 'al', 'el', 'la', 'le', 'systems', 'technologies',
  'industries', 'holdings', 'partners', 'fund', 'exchange', 'station', 'airport', 'street', 'city', 'county',
  'state', 'states', 'republic', 'kingdom', 'nations', 'united', 'social', 'truth', 'twitter', 'facebook',
  'instagram', 'x', 'league', 'cup', 'games', 'conference', 'summit', 'center', 'centre',
]);

/** Personal pronouns that can stand for one named person; "they"/"we" are left unresolved. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Noun heads of "the president", "the Colombian leader": a description that points back to a named person. */
export const ANAPHORIC_ROLES = new Set(['president', 'leader', 'minister', 'chief', 'director', 'executive', 'ceo', 'chairman', 'senator', 'governor', 'mayor', 'spokesman', 'spokeswoman', 'secretary', 'premier', 'chancellor', 'king', 'queen', 'pope', 'founder', 'manager', 'coach', 'head']);

/** Function words allowed inside a capitalised name chunk ("Velmora Fire and Rescue Service", "Bank of America"). */
export const NAME_CONNECTORS = new Set(['and', 'of', 'for', 'de', 'del', 'da', 'van', 'von', 'der', 'bin', 'al-', '&', 'the']);

/** Lowercase function words that a Title Case title may contain ("Talks Follow the Money in Caracas"). */
export const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'from', 'and', 'or', 'but', 'as', 'into', 'vs', 'vs.']);
