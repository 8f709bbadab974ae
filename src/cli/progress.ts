import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/** A progress bar on a terminal; nothing at all when the output is a pipe or a log file. */
export function progressBar(stream: Writable & { isTTY?: boolean }, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {value}/{total} {label}', hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) {
        bar.start(total, 0, { label: '' });
        started = true;
      }
      bar.update(done, { label: label.length > 50 ? `…${label.slice(-49)}` : label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
