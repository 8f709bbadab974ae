/**
 * Place cues: a multi-word name ending in one ("Orlen Gorge", "Lower Quay District", "Plaza
 * de Bolívar" by its head) or starting with a place prefix ("New…", "San…", "Lake…") names a
 * place. Lower case.
 */
export const LOCATION_SUFFIX_CUES = new Set([
  'street', 'st.', 'avenue', 'road', 'boulevard', 'square', 'plaza', 'bridge', 'river', 'valley', 'mountain',
  'mountains', 'mount', 'ridge', 'hill', 'hills', 'lake', 'bay', 'gulf', 'sea', 'ocean', 'strait', 'channel', 'coast',
  'island', 'islands', 'peninsula', 'desert', 'forest', 'park', 'station', 'airport', 'port', 'harbor',
  'district', 'province', 'county', 'region', 'state', 'territory', 'city', 'town', 'village', 'quarter', 'prefecture',
  'canyon', 'falls', 'pass', 'border', 'strip', 'bank', 'heights', 'field', 'fields', 'pacific', 'atlantic', 'beach',
  'highway', 'motorway', 'freeway', 'lane', 'drive',
]);

export const LOCATION_PREFIX_CUES = new Set([
  'new', 'san', 'santa', 'santo', 'sao', 'los', 'las', 'el', 'la', 'port', 'fort', 'mount', 'mt.', 'lake',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'gulf',
  'plaza', 'isle', 'saint', 'st.', 'lake',
]);

/** Places above and beside countries that the country gazetteer lacks (cities come from `cities.ts`). */
export const REGIONS = new Set([
  'latin america', 'south america', 'north america', 'central america', 'the americas', 'americas', 'europe', 'asia',
  'africa', 'middle east', 'caribbean', 'the caribbean', 'balkans', 'scandinavia', 'gulf', 'persian gulf', 'antarctica',
  'arctic', 'oceania', 'southeast asia', 'east asia', 'west africa', 'east africa', 'sahel', 'eastern pacific',
  'western pacific', 'pacific', 'atlantic', 'mediterranean', 'gaza', 'west bank', 'crimea', 'donbas', 'kashmir',
  'tibet', 'hong kong', 'california', 'texas', 'florida', 'silicon valley',
]);

/** Lower-case geographic nouns that complete a place name written after it ("Orlen gorge", "Lower Quay district"). */
export const PLACE_FEATURES = new Set([ 'river', 'valley', 'mountains', 'mountain', 'lake', 'bay', 'station', 'district', 'island', 'islands', 'canyon',
  'strait', 'sea', 'coast', 'province', 'county', 'peninsula', 'desert', 'ridge', 'pass', 'square', 'street', 'quarter',
]);

/** Demonyms of regions and peoples that the country data lacks ("Latin American", "European"). */
export const REGIONAL_DEMONYMS = [ 'North American', 'Central American', 'European', 'Asian', 'African', 'Arab',
  'Caribbean', 'Middle Eastern', 'Western', 'Palestinian', 'Kurdish', 'Scandinavian', 'Balkan',
];
