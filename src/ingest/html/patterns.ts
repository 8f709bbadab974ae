/**
 * Regexes of the HTML extractor, compiled once. Class/id patterns are matched against
 * `class` + `id` joined by spaces and lower-cased; text patterns against one block's text.
 */
export const HTML_PATTERNS = {
  /** Share and follow bars: "share-tools", "social-links", "sharebar". */
  shareChrome: /(^|[\s_-])(share|sharing|social|sharebar|share-?tools|addthis|sharethis|follow-us)([\s_-]|s\b|$)/,
  /** Newsletter and subscription boxes: "newsletter-signup", "subscribe-box", "optin". */
  newsletterChrome: /(newsletter|subscribe|subscription|signup|sign-up|optin|opt-in|mailing-?list)/,
  /** Related, recommended and most-read link lists, and the widgets that fill them. */
  relatedChrome: /(related|recommend|more-?stories|more-?from|read-?more|also-?read|read-?next|up-?next|trending|popular|most-?read|most-?viewed|outbrain|taboola|you-?may|suggested|further-?reading|more-?on)/,
  /** Comment sections: "comments", "disqus_thread", "respond". */
  commentChrome: /(^|[\s_-])(comment|comments|comment-?list|disqus|respond|discussion|replies)([\s_-]|$)/,
  /** Breadcrumbs, tag lists and author boxes around the article. */
  navChrome: /(breadcrumb|\btags?\b|tag-?list|taxonomy|author-?bio|author-?box|about-?the-?author|byline|dateline|timestamp|post-?meta|entry-?meta|article-?meta|published-?date|pubdate)/,
  /** Image captions and credits: "caption", "credit", "wp-caption-text", "image-source". */
  captionChrome: /(caption|credit|image-?source|photo-?source|copyright|gallery-?count|slide-?count)/,
  /** Advertising slots: "ad-slot", "advert", "sponsored", "promo". */
  adChrome: /(^|[\s_-])(ad|ads|advert|advertisement|adslot|ad-?slot|dfp|gpt|sponsor|sponsored|promo|promotion|affiliate-?disclosure)([\s_-]|$)/,
  /** A class/id that names the article body itself; never pruned even when another pattern matches ("article-body-related" is still the body). */
  articleBody: /(article-?body|story-?body|entry-?content|post-?content|article-?content|story-?content|articletext|post-?body|main-?content)/,
  /** A caption credit: "(Image: © NASA)", "Photo: AP", "Image copyright Reuters", "Credit: ESA", "Getty Images". */
  creditLine: /^[([]?\s*(image|photo|picture|pic|foto|credit|source|video|graphic|illustration)s?(\s+(copyright|credit|source|by))?\s*[:©]|^\(?©|^(image|photo) copyright\b|^copyright\b|^caption$|^image \d+ of \d+$|^\d+\s*of\s*\d+\b|^close$|\b(getty images|shutterstock|associated press|reuters|afp)\)?\.?$/i,
  /** A link-out line: "Read more: …", "Related: …", "Also on example.com …", "See also …", "READ MORE". */
  readMore: /^\(?(read more|read also|also read|related|see also|also on\b|also:|more:|watch:|listen:|recommended|don'?t miss|click here|more from|more on|you (may|might) also like|leggi anche|baca juga|veja também|lesen sie auch|читайте также)\b/i,
  /** A heading over a list of other stories: "More Great Stories", "Most Popular", "Trending now". */
  relatedHeading: /^(more (great |top |latest )?[\p{L}\d ]{0,30}stories|most (popular|read|viewed)|trending( now)?|popular( now| stories)?|latest( news| stories)?|related (stories|articles|coverage|content)|recommended( for you)?|you (may|might) also like)$/iu,
  /** A reading-time note: "Reading time: 3 minutes", "5 min read", "Tempo de leitura: 1 minuto". */
  readingTime: /^(reading time|read time|estimated reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura)\b|^\d+\s*min(ute)?s?\.? read$/i,
  /** Affiliate and sponsorship disclosures: "This post may contain affiliate links", "…may earn an affiliate commission". */
  disclosure: /\baffiliate (links?|commission|partnerships?)\b|\bwe may earn (a|an) (commission|fee)\b/i,
  /** Copyright and citation notices: "This document is subject to copyright", "All rights reserved", "Citation: … retrieved … from". */
  copyright: /^(this (document|article|material|content) is (subject to|protected by) copyright|copyright\s*(©|\(c\)|\d{4})|©\s*\d{4}|citation:.*\bretrieved\b)|\ball rights reserved\.?$/i,
  /** A contact or contributor line: "Write to Jane Roe at jroe@example.com", "Additional reporting by …", "… contributed to this report." */
  contactLine: /^(write to|contact|e-?mail)\b.*@\S+\.\w+|^additional reporting (by|from)\b|\bcontributed to this (report|story|article)\.?$/i,
  /** A call to subscribe or sign up: "Sign up to our newsletter…", "Subscribe to …", "…delivered to your inbox". */
  signUpCall: /\b(sign up|signup|subscribe|newsletter|delivered to your inbox|in your inbox|get the .* app|download the .* app|click here to get|follow us on)\b|^follow\b[^.!]*\b(on|at) (twitter|facebook|instagram|youtube|linkedin|tiktok)\b|\bshare (it|this)( story| article| post)? with\b/i,
  /** Share bar text: "Share Tweet Email", "Whatsapp Facebook Pint", "Share this article". */
  shareWords: /^(share|tweet|pin|pinterest|whatsapp|facebook|twitter|linkedin|reddit|email|e-mail|print|copy link|flipboard|messenger|sms|submit|pint|baixar|comments?|\d+)(\s+(share|tweet|pin|pinterest|whatsapp|facebook|twitter|linkedin|reddit|email|e-mail|print|copy link|flipboard|messenger|sms|submit|pint|baixar|this|article|story|on|via|it|with|a|friend|comments?|\d+))*[.!:]?$/i,
  /** A date/byline line: "Published 11:11 PM EST Nov 19, 2019", "Updated on: …", "Posted on March 30, 2015 by Admin". */
  dateLine: /^(published|updated|posted|last updated|first published|created|modified|date)\b|^(by\s+[\p{Lu}][\p{L}.'-]+(\s+[\p{Lu}][\p{L}.'-]+){0,3}\s*[,|·•-]?\s*)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b/iu,
  /** A month name or numeric date inside a short line (supports `dateLine`). */
  dateInside: /\b(\d{1,2}:\d{2}\s*(am|pm)?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})/i,
  /** "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline block. */
  byline: /^([Bb]y|BY|[Vv]on|[Pp]or|[Pp]ar|[Dd]i|[Oo]leh)\s+[\p{Lu}][\p{L}.'’-]*(\s+([\p{Lu}][\p{L}.'’-]*|and|&|de|van|von|da|,))*\s*(,\s*[\p{L} ]+)?$/u,
  /** Ends like a sentence (period, question, exclamation, colon, closing quote, ellipsis). */
  terminal: /[.!?:;…"”’»)\]]\s*$/,
  /** Ends like a sentence: a period, question or exclamation mark, possibly in quotes. */
  terminalSentence: /[.!?…]["'”’»)]*\s*$/,
  /** Where a printed publication date starts: "Published 4:00 am CST, Nov 20, 2019", "Posted on March 30, 2015". */
  publishedCue: /\b(published|posted|first published)\b/gi,
  /** "Nov 19, 2019", "November 19th, 2019" (month first). */
  monthDayYear: /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i,
  /** "19 November 2019", "19 Nov. 2019" (day first). */
  dayMonthYear: /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i,
  /**
   * Markup shown as text: a block that starts with an escaped tag ("&lt;div&gt;") or a raw tag with
   * attributes ("<span class=\"x\">"); a title in angle brackets ("<The Palace: A Tale>") is not markup.
   */
  markupText: /^&lt;\/?[a-z][\w-]*[^&]{0,2000}?&gt;|^<\/?[a-z][a-z0-9-]*(\s+[\w:-]+\s*=\s*("[^"]*"|'[^']*'))+\s*\/?>/,
  /** Words, for counting (any script). */
  word: /[\p{L}\p{N}]+/gu,
  whitespace: /\s+/g,
} as const;
