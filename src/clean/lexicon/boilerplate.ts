/**
 * Words that make up site chrome rather than prose. A short line made only of these
 * (and function words) is navigation: "Most popular", "See all", "Top stories", "Read more".
 * Kept to words whose job on a page is to point elsewhere; subject words never go here,
 * so a sub-heading such as "Regional Stakes High" can never be read as navigation.
 */
export const NAVIGATION_WORDS = new Set([
  'advertisement', 'ad', 'ads', 'all', 'also', 'archive', 'article', 'articles', 'back', 'breaking', 'click', 'close',
  'comment', 'comments', 'content', 'continue', 'copy', 'editor', "editor's", 'editors', 'email', 'explore', 'facebook',
  'featured', 'follow', 'gallery', 'hide', 'home', 'instagram', 'latest', 'like', 'link', 'linkedin', 'listen', 'live',
  'load', 'loading', 'log', 'login', 'main', 'menu', 'more', 'most', 'news', 'newsletter', 'newsletters', 'next', 'now', 'open',
  'pick', 'picks', 'popular', 'post', 'posts', 'prev', 'previous', 'print', 'read', 'reading', 'recommended',
  'register', 'related', 'reply', 'scroll', 'search', 'section', 'sections', 'see', 'share', 'shares', 'show', 'sign',
  'skip', 'sponsored', 'stories', 'story', 'subscribe', 'tags', 'telegram', 'top', 'topics', 'trending', 'tweet',
  'twitter', 'updates', 'video', 'videos', 'view', 'viewed', 'watch', 'whatsapp', 'x', 'youtube', 'photos', 'podcast',
  'submit', 'send', 'accept', 'cancel', 'page', 'continues', 'below', 'above', 'playing', 'play', 'pause', 'menu', 'sections',
]);

/** Function words allowed inside a navigation line ("Back to top", "Follow us on X"). */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'it', 'me', 'my', 'of', 'on', 'or', 'our', 'the', 'this',
  'to', 'up', 'us', 'we', 'with', 'you', 'your', 'here', 'may', 'might',
  // periods that qualify a chart of links: "Most read this week", "Top stories today"
  'today', 'week', 'month', 'day', 'hour', 'hours', 'year',
]);

/**
 * Calls to action of subscription walls and newsletter boxes, with a weight each.
 * A line needs several (see `DEFAULT_MIN_PROMO_SCORE`): one word such as "subscription"
 * also occurs in real reporting ("subscription prices rose"), a pile of them does not.
 */
export const PROMO_CUES: Array<[RegExp, number]> = [
  [/^(subscribe|sign up|sign in|log ?in|register|unlock|start your|get (unlimited|full|premium|instant|access)|join (now|today|us|our)|try (it|us)?\s*(free|for)|download (our|the) app|follow us|become an? (member|subscriber|supporter)|support (our|us|independent)|don'?t miss|never miss)\b/i, 2],
  [/\bfree trial\b/i, 1],
  [/\bpremium\b/i, 1],
  [/\bunlimited( digital)? access\b/i, 1],
  [/\bsubscri(be|ption|ber)s?\b/i, 1],
  [/\bnewsletters?\b|\bbriefing\b/i, 1],
  [/^get (the|our)\b/i, 2],
  [/\bfree (articles?|stories|reads)\b|\b(articles?|stories) (left|remaining)\b/i, 1],
  [/\balready an? (subscriber|member)\b/i, 2],
  [/\b(log|sign) ?in\b/i, 1],
  [/\b(sign up|subscribe( now)?|log ?in|sign in|join now)\s*[›»>]?$/i, 1],
  [/\bsign up\b/i, 1],
  [/\bpaywall\b/i, 1],
  [/\b(per|a|\/) ?month\b|\bcancel any ?time\b|\bad-free\b|\bfirst month\b/i, 1],
  [/\b(today|now)\b/i, 1],
  [/\byour?\b/i, 1],
  [/\binbox\b/i, 1],
];

/** Phrases of comment forms left by blog and CMS templates. */
export const COMMENT_FORM = [
  /\bleave an? (reply|comment|response)\b/i,
  /\bplease enter (your|a) (comment|name|e-?mail)/i,
  /\byour e-?mail( address)? will not be (published|shared)\b/i,
  /\brequired fields are marked\b/i,
  /^(post|submit|add|write) (a |your )?(comment|reply|response)\b/i,
  /\bsave my name,? e-?mail\b/i,
  /\bjoin the (discussion|conversation)\b/i,
  /\bcomments? (are|is) (closed|disabled)\b/i,
  /\bcancel reply\b/i,
  /\blog ?in to (comment|reply)\b/i,
  /\bnotify me of (new|follow-up) (comments|posts)\b/i,
  /\byou must be logged in to\b/i,
  /\bcomments are (moderated|reviewed)\b/i,
  /\bbe the first to (comment|reply)\b/i,
  /^sort (comments )?by\b/i,
  /^(name|e-?mail|website|comment)\s*\*$/i,
];

/** Cookie and consent banners: "We use cookies … Accept all | Manage settings". */
export const CONSENT = /\bcookies?\b.*\b(accept|consent|settings|preferences|privacy|agree)\b|\b(accept|reject) all\b/i;
