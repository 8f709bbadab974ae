/**
 * Words that set the time reference of a clause. wink's tags are Universal POS, which carry no
 * tense, so tense is read from these cues and from `-ed` verb forms.
 */

/** A cue for the future: "Trump will host Petro on February 3", "the trial is set to begin on Wednesday". */
export const FUTURE_CUES: readonly string[] = [
  'will', "'ll", '’ll', 'shall', 'wo', 'would', 'upcoming', 'plans', 'intends', 'aims', 'next', 'forthcoming',
];

/** Words after "would" that make it a wish, not a future in the past ("I would like them to start with January"). */
export const WISH_AFTER_WOULD: readonly string[] = ['like', 'love', 'prefer', 'rather', 'have', 'be'];

/** Present-tense auxiliaries: a nearer present verb outweighs a farther past one ("The planned February meeting comes amid heightened…"). */
export const PRESENT_CUES: readonly string[] = ['is', 'are', 'am', 'has', 'have', 'does', 'do', "'s", '’s'];

/**
 * Words that announce the future only before "to" or "for": participles as verbs ("is scheduled
 * to open", "set for March", not "passed a scheduled inspection on March 9"), and getting ready
 * ("prepares to mark his first 100 days in office on Wednesday").
 */
export const FUTURE_PARTICIPLES: readonly string[] = ['scheduled', 'planned', 'expected', 'due', 'set', 'going', 'slated', 'poised', 'prepares', 'preparing'];

/**
 * Verbs (lemmas) whose present simple tells a fixture: starting, meeting, playing ("the team
 * begins its postseason Saturday", "the two sides meet Saturday"). Told in the present with no
 * past verb near, they are scheduled. Not "face": "Greece faces a May 19 due date" is a burden, not a game.
 */
export const SCHEDULE_VERBS: readonly string[] = ['begin', 'start', 'open', 'kick', 'tip', 'resume', 'launch', 'debut', 'premiere', 'commence', 'play', 'meet', 'host'];

/** A cue for the past that is not an `-ed` form: irregular past tenses and past auxiliaries. */
export const PAST_CUES: readonly string[] = [
  'was', 'were', 'had', 'did', 'said', 'told', 'spoke', 'made', 'took', 'came', 'went', 'gave', 'met', 'held', 'began', 'broke', 'fell', 'rose', 'won', 'lost', 'left', 'sent', 'saw', 'found', 'got', 'put', 'ran', 'wrote', 'brought', 'bought', 'sold', 'paid', 'led', 'kept', 'felt', 'stood', 'hung', 'thought', 'became', 'flew', 'drove', 'knew', 'struck', 'ago', 'last', 'earlier', 'since', 'former', 'previously', 'already', 'spent', 'chose', 'shot', 'hit', 'cut',
];

/** `-ed` words that are not past verbs ("need", "speed", "red"). */
export const NOT_PAST_ED: readonly string[] = ['need', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'hundred', 'indeed', 'proceed', 'exceed', 'succeed', 'breed', 'bleed', 'weed', 'heed'];
