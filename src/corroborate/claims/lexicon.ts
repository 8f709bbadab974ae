/** Words the claim stages read: clause joints, and nouns for people in general. */

/**
 * Nouns that count people without saying more about them: "4,000 residents" and "12,000 people"
 * count the same things, "34 passengers" and "34 riders" too. Nouns that name a group with a role
 * of its own (soldiers, officers) stay their own unit: "23 soldiers" is not a count of everyone.
 */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set([
  'person', 'people', 'resident', 'passenger', 'rider', 'citizen', 'individual', 'civilian', 'inhabitant', 'man', 'woman',
  'adult', 'child', 'victim', 'patient', 'tourist', 'visitor', 'traveller', 'traveler', 'customer', 'user', 'member',
  'voter', 'applicant', 'claimant', 'tenant', 'household', 'family', 'survivor', 'commuter', 'guest', 'occupant',
  // "left 12 dead", "claimed nine lives": people counted by what befell them.
  'dead', 'life',
]);

/**
 * Nouns for the people of a crowd: news sizes one crowd as "3,000 people" in one outlet and "10,000
 * protesters" in another (the commonest dispute in protest news), so a conflict counts them as people.
 * Alignment keeps them apart from `PEOPLE_NOUNS`: "two protesters" says more than "two people".
 * Not rioters or looters: the part of a crowd that turned violent, counted apart from the crowd.
 */
export const CROWD_NOUNS: ReadonlySet<string> = new Set(['protester', 'protestor', 'demonstrator', 'marcher', 'mourner']);

/** Content words that say nothing about which fact a clause states. */
export const CLAIM_STOP_LEMMAS: ReadonlySet<string> = new Set([
  'say', 'be', 'have', 'do', 'tell', 'get', 'make', 'go', 'come', 'will', 'would', 'can', 'could', 'may', 'might', 'should',
  'must', 'report', 'add', 'accord', 'also', 'not', 'then', 'now', 'just', 'so', 'very', 'too', 'even', 'still', 'later',
]);

/**
 * Words news uses interchangeably for one happening, by lemma: "died" / "was killed" / "the
 * death", "was fired" / "was dismissed". A statement's term is its family's name, so that two
 * outlets' wordings of one event meet; how rare the family is in the story still decides what
 * it weighs. Only families whose members are near-synonyms in news reports of events: a word
 * with a common other sense ("run", "take", "name") stays out.
 */
const EVENT_FAMILIES: Record<string, readonly string[]> = {
  die: ['die', 'kill', 'death', 'dead', 'fatal', 'fatally', 'killing', 'slay'],
  strike: ['strike', 'hit', 'knock'],
  arrest: ['arrest', 'detain', 'custody', 'apprehend'],
  dismiss: ['dismiss', 'sack', 'oust'],
  hire: ['hire', 'appoint'],
  // A roster or contract move; the phrasal verbs only ever meet the timeline's verb-and-particle key (`deedOf`).
  sign: ['sign', 'pick up', 'snap up'],
  host: ['host', 'emcee'],
  accuse: ['accuse', 'charge', 'indict'],
  injure: ['injure', 'wound', 'hurt', 'injury'],
  car: ['car', 'vehicle', 'automobile'],
  police: ['police', 'officer', 'cop', 'policeman'],
};

/** The family name of a lemma in `EVENT_FAMILIES`. */
export const EVENT_FAMILY: ReadonlyMap<string, string> = new Map(Object.entries(EVENT_FAMILIES).flatMap(([family, lemmas]) => lemmas.map((l) => [l, family] as const)));

/**
 * Head nouns of the bodies people serve in or with ("for 15 years with the Sheriff's Department",
 * "with the gang unit for five years"): a stretch of service in one body is no rival of one in another.
 */
export const SERVICE_BODIES: ReadonlySet<string> = new Set(['department', 'unit', 'team', 'squad', 'force', 'office', 'agency', 'bureau', 'division', 'company', 'firm', 'club', 'board', 'council', 'army', 'navy', 'service', 'school', 'university', 'college', 'committee', 'party', 'ministry', 'band', 'newspaper', 'church', 'court', 'staff']);
