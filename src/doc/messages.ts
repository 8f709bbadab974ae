import type { Message, MessageLevel, Span } from './types.js';

export interface MessageDetails {
  place?: Span;
  actual?: string;
  expected?: string;
}

/**
 * A stage's message sink (vfile's `info`/`message`): every message is stamped with the
 * stage that raised it, so a reader can tell `ingest/encoding-replaced` from `clean/empty-body`.
 */
export interface MessageSink {
  info(code: string, reason: string, details?: MessageDetails): void;
  warn(code: string, reason: string, details?: MessageDetails): void;
}

export function messageSink(source: string, into: Message[]): MessageSink {
  const push = (level: MessageLevel) => (code: string, reason: string, details: MessageDetails = {}) => {
    into.push({ level, code, reason, source, ...details });
  };
  return { info: push('info'), warn: push('warning') };
}
