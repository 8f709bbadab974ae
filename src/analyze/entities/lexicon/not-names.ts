/**
 * Capitalised words that are never a person, organisation or place by themselves: calendar
 * words (handled by the time layer) and words capitalised by convention. Lower case.
 */
export const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'god', 'christmas', 'easter', 'ramadan', 'today',
  'tonight', 'yesterday', 'tomorrow', 'am', 'pm', 'a.m.', 'p.m.', 'gmt', 'utc', 'est', 'edt', 'ok', 'okay', 'no', 'yes',
  'no.', 'breaking', 'update', 'updated', 'exclusive', 'live', 'video', 'photo', 'photos', 'watch', 'read', 'more', 'see',
  'all', 'start', 'share', 'subscribe', 'sponsored', 'opinion', 'analysis', 'editorial',
]);

/** Connectors allowed inside a name between two capitalised words ("Council of Ministers", "Plaza de Bolívar"). */
export const NAME_CONNECTORS = new Set(['of', 'and', '&', 'de', 'del', 'da', 'do', 'dos', 'das', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'du', 'y', 'al', 'el', 'for', 'on']);

/** First words of names of operations, storms and events: such a name is `other` ("Operation Absolute Resolve"). */
export const EVENT_PREFIXES = new Set(['operation', 'hurricane', 'storm', 'typhoon', 'cyclone', 'tropical', 'battle', 'treaty', 'accord', 'summit', 'olympics', 'cup']);

/** Last words of names of events: such a name is `other` ("Worldwide Developers Conference"). */
export const EVENT_SUFFIXES = new Set(['conference', 'summit', 'festival', 'games', 'championship', 'championships', 'olympics', 'cup', 'war', 'crisis', 'agreement', 'act', 'treaty', 'accords', 'award', 'awards', 'prize', 'flight']);

