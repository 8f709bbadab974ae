import { WORD } from '../text/words.js';

/** Every regex of the clean stage, compiled once (after Readability's REGEXPS table). */
export const PATTERNS = {
  /** A line that is only a count: "0", "5", "1.2K", "12 shares". */
  counter: /^\d[\d.,]*\s*[kKmM]?(\s+(shares?|comments?|likes?|views?|reads?|reactions?))?$/,
  /** Left-over of an image reference whose start was cut off: `.jpeg)`, `png")`, `webp]`. */
  imageFileTail: /^[^\p{L}\p{N}]*(jpe?g|png|gif|webp|svg|avif|bmp|tiff?)[^\p{L}\p{N}]*$/iu,
  /** One or more HTML tags (or comments) and nothing else: `<div class="ad">`, `</figure>`, `<!-- ad slot -->`. */
  tagsOnly: /^(\s*(<\/?[a-z][a-z0-9]*(\s+[a-z-]+(=("[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>|<!--.*?-->)\s*)+$/,
  /** Markdown image or link residue: `![](…)`, `](https://…)`, `[Image]`. */
  markdownResidue: /^(!\[[^\]]*\](\([^)]*\)?)?|\[[^\]]*\]\([^)]*\)?|\]\([^)]*\)?)\W*$/,
  /** CMS shortcodes and escaped entities left as text: `[/caption]`, `[gallery ids="1,2"]`, `[&hellip;]`. */
  shortcode: /^\[\/?[a-z_]+(\s[^\]]*)?\]$|^\[?(&[a-z]+;|&#x?[0-9a-f]+;)+\]?$/,
  /** A bare URL on its own line. */
  bareUrl: /^(https?:\/\/|www\.)\S+$/i,
  /** No letter and no digit at all: "|", "•••", "—". */
  symbolsOnly: /^[^\p{L}\p{N}]+$/u,
  /** "Photo: …", "Image credit: …", "Collage credit: site.com", "Credit: …", "© 2026 …", "/ Getty Images". */
  creditStart: /^\(?(main |top |cover |featured |file |lead )?(photo|photograph|image|picture|pic|collage|illustration|graphic|video|footage|screenshot|screengrab|credit|credits|courtesy|source)s?( (credit|courtesy|source|by))?\s*[:|–—-]/i,
  creditAnywhere: /\b(photo|image|picture|collage|illustration|graphic)s? (credit|courtesy|source)s?\b|©|\(c\) \d{4}|\/\s*(getty images|afp|reuters|ap|epa|shutterstock|alamy|dpa)\s*$/i,
  /** "One thought on “…”", "3 comments on …", "12 responses to …". */
  commentFooter: /^(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (thoughts?|comments?|responses?|replies|reactions?)( (on|to)\b.*)?$/i,
  /** "Read more: …", "Related: …", "See also — …": a link to another article. */
  relatedLink: /^(read (more|also)|also read|related( (stories|articles|posts|coverage|content))?|see also|more on this( story)?|more from [\p{L} ]+|recommended( for you)?|you (may|might) (also )?like|don'?t miss|watch|listen)\s*([:»>|–—-]|$)/iu,
  /** Blog taxonomy: "Posted in News | Tagged safety", "Filed under: …", "Tags: …". */
  taxonomy: /^(posted|filed) (in|under)\b|^tagged( with)?\b|^(tags|categories|category|topics)\s*:/i,
  /** Site paths: "Home › News › City Hall", "Outlet / Security / Breaches". */
  breadcrumbSeparator: /\s[›»>|/]\s/g,
  /** Symbols of page controls and pictographs: "🎧 Listen…", "Play ▶ 0:00", "LIVE ●", "Newest ▾". */
  controlSymbol: /\p{Extended_Pictographic}|[▶►▸◀●○▾▴▼▲⏵⏸⏯⏭⏮☰]/u,
  /** Arrows or bullets that lead a link: "→ Rail strike called off". */
  linkLead: /^[→⟶➜➔►▶▸»•·]\s*/u,
  /** "Sponsored · …", "Advertisement: …", "Promoted – …". */
  sponsoredLabel: /^(sponsored|advertisement|promoted|paid (post|content)|partner content|ad|newsletter)\b\s*[·:|–—-]/i,
  /** A count with its label first: "Shares 64", "Comments 12". */
  labelledCounter: /^(shares?|comments?|likes?|views?|reactions?)\s*\d[\d.,]*[kKmM]?$/i,
  /** An e-mail address: contact boxes ("Send us your news: desk@…"). */
  // Parts bounded by their maximum lengths (64, 63): unbounded, a long run of word characters with no "@" costs its length squared.
  email: /\b[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63})+\b/,
  /** "Now playing: …", "Listen to this article", "Story continues below". */
  mediaControl: /^(now playing|listen to (this|the) (article|story)|story continues (below|after)|live)\b/i,
  /** Headers of link lists: "Trending in Marrowick", "Most read", "More on this story". */
  linkListHeader: /^(trending|most (read|popular|viewed|shared|watched)|related|more (from|on|in|stories)|latest|top stories|recommended|popular|editor'?s picks|you (may|might) also like|read next|further reading)\b/i,
  /** Pictographs and control symbols before a count: "💬 17", "👍 4". */
  leadingPictographs: /^[\p{Extended_Pictographic}\u{FE0F}▶►●\s]+/u,
  /** Decorative symbols before a link label: "▶ Watch: …", "» Related: …", "• Read more". */
  leadingSymbols: /^[^\p{L}\p{N}"'“‘(]+/u,
  /** "By Jane Doe", "by Jonas Pell · 4 min read", "By A. Smith and B. Jones | Reuters". */
  byline: /^[Bb]y\s+(\p{Lu}[\p{L}.'’-]*\s*){1,4}((and|&|,)\s*(\p{Lu}[\p{L}.'’-]*\s*){1,4})*([·|•,–—-].*)?$/u,
  /** "4 min read", "Reading time: 3 minutes". */
  readingTime: /\b\d+\s*(min|mins|minutes?)\s+read\b|^reading time\b/i,
  /** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
  terminalPunctuation: /[.!?…:;]["'”’»)\]]*$/,
  /** Words as the clean rules count them (letters, digits, apostrophes, inner dots and hyphens). */
  word: WORD,
  /** Any letter. */
  letter: /\p{L}/u,
  lowercaseStart: /^[\p{Ll}]/u,
  uppercaseStart: /^["'“‘]?[\p{Lu}\p{N}]/u,
  quoteMark: /["“”«»„]/,
} as const;
