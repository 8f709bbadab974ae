/**
 * Words that make a role title before a name ("Interior Minister Juan Cristo", "Fire Chief
 * Oskar Brandt", "managing director Tomas Elling"). Heads end a title; modifiers may stand
 * before a head inside it. Lower case; matched on the lower-cased word.
 */
export const TITLE_HEADS = new Set([
  'president', 'minister', 'secretary', 'senator', 'sen.', 'representative', 'rep.', 'governor', 'gov.',
  'mayor', 'chief', 'director', 'investigator', 'leader', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson',
  'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'coo', 'commissioner', 'judge', 'justice', 'king', 'queen', 'prince',
  'princess', 'pope', 'general', 'gen.', 'colonel', 'col.', 'captain', 'capt.', 'lieutenant', 'lt.', 'sergeant', 'admiral',
  'commander', 'officer', 'inspector', 'superintendent', 'premier', 'chancellor', 'councillor', 'councilor', 'councilman',
  'councilwoman', 'deputy', 'adviser', 'advisor', 'attorney', 'prosecutor', 'sheriff', 'lawmaker', 'congressman',
  'congresswoman', 'speaker', 'founder', 'co-founder', 'executive', 'manager', 'head', 'coach', 'bishop',
  'archbishop', 'cardinal', 'rabbi', 'imam', 'dr.', 'professor', 'prof.', 'economist', 'analyst', 'correspondent',
  'reporter', 'editor', 'columnist', 'dictator', 'monarch', 'emir', 'sheikh', 'ayatollah', 'marshal',
  'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady',
  // Occupations written before a name like a title ("Actress Tara Reid", "singer Ana Tijoux").
  'actress', 'actor', 'singer', 'rapper', 'musician', 'comedian', 'author', 'writer', 'novelist', 'poet', 'filmmaker',
  'producer', 'designer', 'artist', 'model', 'star', 'lawyer', 'doctor', 'scientist', 'researcher', 'historian',
  'player', 'striker', 'goalkeeper', 'midfielder', 'defender', 'quarterback', 'pitcher', 'champion', 'teammate',
  'activist', 'campaigner', 'businessman', 'businesswoman', 'entrepreneur', 'investor', 'candidate',
  'nominee', 'teacher', 'schoolteacher', 'engineer', 'pilot', 'passenger', 'witness', 'survivor', 'victim', 'suspect',
  'defendant', 'plaintiff', 'owner', 'resident', 'farmer', 'worker', 'nurse', 'surgeon', 'paramedic', 'firefighter',
  'officer', 'detective', 'agent', 'photographer', 'journalist', 'blogger', 'presenter', 'host', 'anchor',
  // Abbreviated police and military ranks, with or without a stop ("Insp Dave Gaskin", "Det. Sgt. Ana Ruiz").
  'insp', 'insp.', 'det', 'det.', 'supt', 'supt.', 'sgt', 'sgt.', 'lt', 'maj', 'maj.', 'cpl', 'cpl.', 'capt',
  // Constable, as Canadian and British police write it ("Const. Ana Ruiz", RCMP "Cst. Ana Ruiz"); no stop-less form ("const" is a word).
  'constable', 'const.', 'cst.',
  'adm.', 'pvt.',
  // AP-style abbreviations of civil titles ("Dist. Atty. Steve Cooley").
  'atty.',
]);

/** Words that qualify a title head inside a title ("Interior", "Foreign", "Managing", "Fire"). */
export const TITLE_MODIFIERS = new Set([
  'interior', 'foreign', 'defence', 'defense', 'finance', 'treasury', 'justice', 'health', 'education', 'energy', 'trade',
  'economy', 'agriculture', 'transport', 'labour', 'labor', 'environment', 'prime', 'vice', 'deputy', 'acting', 'interim',
  'former', 'chief', 'fire', 'police', 'managing', 'executive', 'general', 'state', 'attorney', 'supreme', 'head',
  'senior', 'assistant', 'associate', 'principal', 'press', 'national', 'security', 'foreign-affairs',
  'opposition', 'party', 'army', 'military', 'defense-ministry', 'district', 'county', 'city', 'federal', 'regional',
  'communications', 'information', 'public', 'first', 'lady', 'elect', 'designate', 'emeritus', 'retired', 'top',
  'leftist', 'rightist', 'conservative', 'liberal', 'socialist', 'veteran', 'longtime',
  // Abbreviated, as AP style writes them before a name ("Dist. Atty.").
  'dist.',
]);

/** Courtesy titles: the next capitalised words are a person's name ("Mr Petro", "Dr. Ruiz"). */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'prof', 'prof.']);
