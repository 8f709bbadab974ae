/**
 * Regexes of the ingest stage (what a file is, what it declares, what its dates say), compiled once.
 * Sniffing patterns run on the lower-cased first bytes of a file.
 */
export const INGEST_PATTERNS = {
  /** A file name's extension, without the dot. */
  extension: /\.([a-z0-9]+)$/i,
  /** A JSON Feed names its version by URL: "version": "https://jsonfeed.org/version/1.1". */
  jsonFeedVersion: /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//,
  /** What may precede the root element: an XML declaration and comments. */
  markupPrologue: /^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)+/,
  /** A feed's root element: RSS 2.0, Atom, RSS 1.0 (RDF). */
  feedRoot: /<(rss|feed|rdf:rdf)[\s>]/i,
  /** An HTML document: a doctype, or an <html>, <head> or <body> tag. */
  htmlDocument: /^<!doctype html|^<html[\s>]|<head[\s>]|<body[\s>]/,
  /** Block tags that make a `.html` fragment HTML rather than text. */
  htmlFragment: /<(p|div|article|h[1-6]|br)[\s>/]/,
  /** `<?xml … encoding="KOI8-R"?>` */
  xmlEncoding: /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i,
  /** `<meta charset="…">` and `<meta http-equiv="Content-Type" content="text/html; charset=…">`. */
  metaCharset: /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i,
  /** `charset=…` inside a Content-Type header. */
  contentTypeCharset: /charset\s*=\s*["']?([\w.:-]+)/i,
  /** ISO 8601 at the precision the export accepts. */
  isoDate: /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
  /** A date-time the export almost accepts ("2019-11-19T08:38:00.000+0000", "2019-11-19 08:38"). */
  isoPrefix: /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/,
  /** A numeric day/month date, ambiguous between orders ("03/04/2019"). */
  numericDate: /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/,
  /** A feed whose root is closed at the very end (not cut off). */
  closedFeed: /<\/(?:rss|rdf:RDF|feed)\s*>$/i,
  /** The closing tag of a feed item or entry, with or without a namespace prefix. */
  itemEnd: /<\/(?:\w+:)?(?:item|entry)\s*>/g,
  /** Closing tags and whitespace: what may follow the last item of a feed that is not cut. */
  closingOnly: /<\/[^>]+>|\s/g,
} as const;
