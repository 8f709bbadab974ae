/**
 * A synthetic news stream built from the ECB+ dev texts, for the scale bench: many events (each
 * an ECB+ subtopic with its names replaced by invented ones, so two instances of one subtopic are
 * two events with different actors), their reports shuffled together, dates spread over months,
 * and perturbed copies (words changed, a paragraph cut) of earlier reports.
 */
export interface SourceText {
  subtopic: string;
  text: string;
}

export interface StreamArticle {
  /** Synthetic gold: the event instance. */
  event: string;
  /** The article this one was copied from (stream index), if it is a perturbed copy. */
  copyOf: number | null;
  /** The source text it was made from (index into the sources; a copy has its original's). */
  base: number;
  text: string;
  publishedAt: string;
  source: string;
}

/** Share of articles that are perturbed copies of an earlier report of the same event. */
const COPY_SHARE = 0.15;
/** Days over which event dates are spread. */
const SPAN_DAYS = 180;
/** Days after its event over which an event's reports are spread. */
const EVENT_DAYS = 5;
/** Events alive at once: new reports come from this many recent events, as in a news day. */
const ACTIVE_EVENTS = 40;
const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'bru', 'ne', 'pha', 'gil', 'run', 'os', 'te', 'mar', 'lin', 'qua', 'dor', 'fe', 'zen', 'ar', 'bel', 'cor', 'dun'];
const CAPITALISED = /\b[A-Z][a-z]{2,}\b/g;
const LONG_WORD = /\b[a-z]{4,}\b/g;
/** Share of an event's longer common words replaced by invented ones, so two events from one ECB+ subtopic share under half their vocabulary and few phrases, as two events of one kind do. */
const WORD_SWAP_SHARE = 0.7;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `count` articles; the same arguments always give the same stream. */
export function syntheticStream(sources: SourceText[], count: number, seed = 1): StreamArticle[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const bySubtopic = new Map<string, number[]>();
  for (const [i, s] of sources.entries()) bySubtopic.set(s.subtopic, [...(bySubtopic.get(s.subtopic) ?? []), i]);
  const subtopics = [...bySubtopic.keys()].sort();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const out: StreamArticle[] = [];
  const active: Array<{ id: string; texts: number[]; names: Map<string, string>; at: number; reports: number[] }> = [];
  let events = 0;
  const newEvent = () => {
    const subtopic = pick(subtopics);
    const id = `e${events}`;
    // Events arrive in date order across the span, so the stream moves forward in time like a feed.
    const at = start + (events / Math.max(1, count / 8)) * SPAN_DAYS * 86_400_000 * (0.9 + 0.2 * random());
    events++;
    return { id, texts: shuffle([...bySubtopic.get(subtopic)!], random), names: new Map<string, string>(), at, reports: [] as number[] };
  };
  while (out.length < count) {
    if (active.length < ACTIVE_EVENTS) active.push(newEvent());
    const slot = Math.floor(random() * active.length);
    const event = active[slot]!;
    const published = new Date(event.at + random() * EVENT_DAYS * 86_400_000).toISOString();
    if (event.reports.length > 0 && random() < COPY_SHARE) {
      const original = pick(event.reports);
      // A copy runs after its original: hours to two days later.
      const later = new Date(Date.parse(out[original]!.publishedAt) + random() * 2 * 86_400_000).toISOString();
      out.push({ event: event.id, copyOf: original, base: out[original]!.base, text: perturb(out[original]!.text, random), publishedAt: later, source: `outlet-${Math.floor(random() * 500)}` });
    } else {
      const base = event.texts.pop()!;
      const text = sources[base]!.text
        .replace(CAPITALISED, (word) => rename(word, event.names, random))
        .replace(LONG_WORD, (word) => {
          if (!event.names.has(word)) event.names.set(word, random() < WORD_SWAP_SHARE ? rename(word, event.names, random).toLowerCase() : word);
          return event.names.get(word)!;
        });
      event.reports.push(out.length);
      out.push({ event: event.id, copyOf: null, base, text, publishedAt: published, source: `outlet-${Math.floor(random() * 500)}` });
    }
    if (event.texts.length === 0) active.splice(slot, 1);
  }
  return out;
}

/** The event's invented name for a capitalised word (sentence-initial common words get renamed too; harmless here). */
function rename(word: string, names: Map<string, string>, random: () => number): string {
  let name = names.get(word);
  if (!name) {
    name = '';
    const syllables = 2 + Math.floor(random() * 2);
    for (let i = 0; i < syllables; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    name = name.charAt(0).toUpperCase() + name.slice(1);
    names.set(word, name);
  }
  return name;
}

/** A syndicated-style copy: the last line cut when there are several, a few words swapped for others, a new first line. */
function perturb(text: string, random: () => number): string {
  let lines = text.split('\n');
  if (lines.length > 3) lines = lines.slice(0, -1);
  const words = lines.join('\n').split(' ');
  for (let k = 0; k < 3; k++) {
    const i = Math.floor(random() * words.length);
    if (/^[a-z]{4,}$/.test(words[i]!)) words[i] = `${words[i]}s`;
  }
  return `Reported by wire ${Math.floor(random() * 1e9)} .\n${words.join(' ')}`;
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
