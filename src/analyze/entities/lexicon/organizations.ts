/**
 * Organisation cues. A multi-word name ending in a suffix cue ("Council", "Agency", "News",
 * "Times") or starting with a prefix cue ("Ministry of…", "University of…") names an
 * organisation. Lower case.
 */
export const ORG_SUFFIX_CUES = new Set([
  'ministry', 'council', 'agency', 'board', 'department', 'news', 'times', 'post', 'journal', 'herald', 'courier',
  'tribune', 'gazette', 'wire', 'press', 'daily', 'telegraph', 'guardian', 'observer', 'chronicle', 'review', 'magazine',
  'network', 'broadcasting', 'radio', 'tv', 'television', 'channel', 'company', 'co', 'co.', 'corp', 'corp.', 'corporation',
  'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'gmbh', 'sa', 'group', 'holdings', 'partners', 'bank', 'fund',
  'service', 'services', 'office', 'commission', 'committee', 'assembly', 'parliament', 'congress', 'senate', 'court',
  'tribunal', 'party', 'union', 'association', 'federation', 'foundation', 'institute', 'institution', 'university',
  'college', 'school', 'academy', 'hospital', 'clinic', 'library', 'museum', 'police', 'army', 'navy', 'force', 'forces',
  'guard', 'command', 'authority', 'administration', 'bureau', 'directorate', 'secretariat', 'government', 'airways', 'corps', 'air', 'motors', 'systems', 'technologies', 'industries', 'energy', 'oil', 'petroleum',
  'pharmaceuticals', 'labs', 'laboratories', 'exchange', 'reserve', 'organization', 'organisation', 'alliance',
  'coalition', 'movement', 'front', 'brigade', 'brigades', 'railway', 'railways', 'club', 'team', 'church',
  'center', 'centre', 'society', 'trust', 'cartel', 'gang', 'aircraft', 'computer', 'computers',
  'software', 'electronics', 'communications', 'telecom', 'motor', 'steel', 'mining', 'capital', 'securities',
  'investments', 'insurance', 'foods', 'entertainment', 'media', 'records', 'studios', 'pictures', 'brands', 'stores',
  'markets', 'enterprises', 'shipping', 'lines', 'international', 'worldwide', 'global', 'management', 'se',
  // Company-name endings that outrank a first name at the start ("Dick Clark Productions", "Burkhardt & Associates").
  'productions', 'associates', 'publishing', 'consulting', 'solutions', 'resources', 'hotels',
]);

/**
 * Suffix cues that are also common surnames ("Jim Press", "Emily Post"). Papers are named after
 * their town ("Denver Post", "Detroit Free Press"), so after a first name that is no town such a
 * word is a surname.
 */
export const SURNAME_CUES = new Set(['press', 'post']);

export const ORG_PREFIX_CUES = new Set([
  'ministry', 'department', 'university', 'bank', 'office', 'council', 'board', 'commission', 'committee', 'bureau',
  'house', 'institute', 'institutes', 'federation', 'league', 'organization', 'organisation', 'church', 'court', 'agency', 'party',
  // "Centers for Disease Control", "Center for Strategic and International Studies".
  'center', 'centre', 'centers', 'centres',
]);

/** First words that make an organisation whatever follows ("Air Canada", "Radio Free Europe", "Banco Santander"). */
export const ORG_LEADING_CUES = new Set(['air', 'radio', 'banco', 'club', 'team', 'hotel', 'casa']);

/**
 * Institutions and outlets that carry no cue word but are organisations wherever they are
 * named (the seat-of-government metonyms and the large news agencies).
 */
export const KNOWN_ORGANIZATIONS = new Set([
  'white house', 'pentagon', 'downing street', 'elysee', 'congress', 'senate', 'nato', 'un', 'united nations',
  'european union', 'eu', 'reuters', 'associated press', 'ap', 'afp', 'agence france-presse', 'bbc', 'cnn', 'al jazeera',
  'bloomberg', 'xinhua', 'tass', 'interfax', 'efe', 'dpa', 'ansa', 'nbc', 'cbs', 'abc', 'fox news', 'politico',
  'axios', 'el pais', 'le monde', 'der spiegel', 'interpol', 'opec', 'imf', 'who', 'fbi', 'cia',
  'dea', 'ice', 'nasa', 'hamas', 'hezbollah',
  'taliban', 'wall street',
]);

/**
 * Trailing words that a short form of a company or outlet may leave out ("VTV 9" for "VTV 9
 * News", "Ford" for "Ford Motor Company"). Compared on name keys, so without full stops.
 */
export const ORG_DROPPABLE_SUFFIXES = new Set([
  'news', 'company', 'co', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'group',
  'holdings', 'computer', 'motor', 'ag', 'sa', 'se', 'gmbh',
]);
