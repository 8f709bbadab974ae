import type { Paragraph } from '../../doc/types.js';
import { messageSink } from '../../doc/messages.js';
import type { Stage } from '../../pipeline/stage.js';
import { findTimexes } from './detect.js';
import { decidePublication } from './published-at.js';

/**
 * Writes `timexes` and settles the publication date: metadata, else dateline, else inferred from
 * the content, else unknown (see `decidePublication`). The ingest stage's `date-unknown` warning
 * is dropped when a date is found; otherwise it stays, with this stage's reason beside it.
 */
export const timexesStage: Stage = {
  name: 'analyze/time',
  reads: ['paragraphs', 'sentences', 'tokens'],
  writes: ['timexes'],
  run(doc) {
    const { sentences, tokens } = doc.layers;
    const decision = decidePublication(doc.text, doc.layers.paragraphs as Paragraph[], sentences, tokens, { publishedAt: doc.meta.publishedAt, basis: doc.meta.publishedAtBasis });
    const dateline = decision.dateline;
    // An undated text's timexes were found while deciding its date (most undated texts stay so): not searched again.
    const found = decision.anchor === null && decision.timexes ? decision.timexes : findTimexes(doc.text, { anchor: decision.anchor, sentences, tokens });
    const timexes = found.map((t) =>
      dateline && t.start < dateline.end && dateline.start < t.end ? { ...t, label: 'dateline' } : t,
    );
    const messages = decision.publishedAt ? doc.messages.filter((m) => m.code !== 'date-unknown') : [...doc.messages];
    const sink = messageSink('analyze/time', messages);
    if (decision.basis === 'dateline' || decision.basis === 'inferred') sink.info('date-' + decision.basis, `publication date ${decision.publishedAt}: ${decision.reason}`);
    else if (!decision.publishedAt) sink.info('date-not-inferred', decision.reason);
    return {
      ...doc,
      meta: { ...doc.meta, publishedAt: decision.publishedAt, publishedAtBasis: decision.basis },
      layers: { ...doc.layers, timexes },
      messages,
    };
  },
};
