/**
 * Lemmas of verbs that report what someone said or wrote (wink's lemmas). "describe" and "call"
 * report a wording too: "described the fault as “a very rare mechanical event”".
 */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'state', 'write', 'post', 'tweet', 'explain', 'claim', 'note', 'argue', 'insist', 'warn',
  'announce', 'declare', 'describe', 'call', 'reply', 'respond', 'ask', 'comment', 'confirm', 'deny', 'admit',
  'acknowledge', 'suggest', 'stress', 'emphasize', 'emphasise', 'observe', 'remark', 'recall', 'predict', 'promise',
  'urge', 'conclude', 'testify', 'vow', 'quip', 'joke', 'exclaim', 'shout', 'answer', 'read', 'caution', 'mention',
  'reveal', 'indicate', 'report', 'complain', 'concede', 'assert', 'maintain', 'boast', 'dub', 'label', 'term',
  'refer', 'pledge', 'reiterate', 'contend', 'plead', 'lament', 'speak', 'dare', 'characterize', 'characterise',
  'slam', 'blast', 'hail', 'praise', 'accuse', 'criticise', 'criticize', 'condemn', 'brand', 'allege',
  // "rejected the accusations as “patently false”": turning words down as a wording, like "described … as".
  'reject', 'dismiss', 'denounce',
]);

/**
 * The verbs of saying whose object is what was said ("said the toll rose", "confirmed that two
 * died"): they attribute a whole sentence. The others ("called", "urged", "praised", "denied")
 * report an act aimed at someone, and attribute only a quotation.
 */
export const REPORTING_VERBS = new Set([
  'say', 'tell', 'add', 'state', 'write', 'post', 'tweet', 'explain', 'claim', 'note', 'argue', 'insist', 'warn',
  'announce', 'declare', 'reply', 'respond', 'comment', 'confirm', 'admit', 'acknowledge', 'suggest', 'stress',
  'emphasize', 'emphasise', 'observe', 'remark', 'predict', 'conclude', 'testify', 'report', 'concede', 'assert',
  'maintain', 'reiterate', 'contend', 'indicate', 'reveal', 'allege',
]);

/**
 * Nouns for an act of saying, which a possessive owner turns into an attribution: "Henry's reference to
 * the “other offers”", "the minister's warning of “grave consequences”".
 */
export const SPEECH_NOUNS = new Set([
  'reference', 'remark', 'remarks', 'comment', 'comments', 'words', 'description', 'claim', 'claims', 'promise',
  'warning', 'vow', 'pledge', 'statement', 'assertion', 'complaint', 'prediction', 'insistence', 'admission',
  'characterization', 'characterisation', 'call', 'plea', 'denial', 'boast', 'charge', 'accusation',
]);

/** Verbs that name something rather than report speech when a quote follows them directly ("dubbed a “retina display”"). */
export const NAMING_CUES = new Set(['called', 'dubbed', 'nicknamed', 'named', 'titled', 'entitled', 'termed', 'labelled', 'labeled', 'branded', 'christened', 'so-called', 'formerly', 'word', 'term', 'phrase', 'slogan', 'motto', 'hashtag', 'headline', 'on', 'about']);

/** Words between a subject and its speech verb that do not break the link: "Trump has repeatedly said". */
export const SUBJECT_VERB_FILLERS = new Set([
  'also', 'later', 'then', 'previously', 'repeatedly', 'publicly', 'has', 'have', 'had', 'was', 'were', 'is',
  'once', 'again', 'further', 'simply', 'only', 'already', 'recently', 'earlier', 'first', 'finally', 'would', 'will',
  'could', 'did', 'reportedly', 'allegedly', 'just', 'often', 'frequently', 'privately', 'openly', 'today',
  'yesterday', 'tonight', "n't", 'not', 'never', 'several', 'times', 'this', 'last', 'week', 'month', 'year', 'night',
  'morning',
]);

/** Verbs that attribute a quote only right after it ("…,” he continued", "…,” enthused Scott Fancher"). */
export const TRAILER_VERBS = new Set([
  'continue', 'enthuse', 'chime', 'quote', 'cite', 'conclude', 'recount', 'order', 'yell', 'scream', 'cry', 'whisper', 'beg',
  // Verbs of manner and of posting that news writing puts after a quote ("…,” she laughed", "…,” he captioned the photo").
  'laugh', 'chuckle', 'sigh', 'gush', 'rave', 'muse', 'wonder', 'retort', 'counter', 'elaborate', 'agree', 'echo', 'caption', 'share', 'pen', 'text', 'tease', 'snap',
  'fume', 'grumble', 'mutter', 'scoff', 'marvel', 'gasp', 'sob', 'thunder', 'roar', 'bellow',
]);

/** Verbs of calling out that attribute the quote right after them ("cried out “Mommy…”", "screaming “Help!”"). */
export const CALL_OUT_VERBS = new Set(['cry', 'scream', 'yell', 'shout', 'whisper', 'chant']);
