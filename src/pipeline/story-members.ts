import { articleFeatures } from '../cluster/features.js';
import type { StoryMember } from '../cluster/repair.js';
import { articleVector, vectorKeys } from '../cluster/stories.js';
import type { Doc } from '../doc/types.js';
import type { Store } from '../store/store.js';

/** Articles as the re-examination sees them: their vectors under the store's current statistics, dates and event signatures. */
export async function storyMembers(store: Store, docs: Doc[]): Promise<StoryMember[]> {
  const features = docs.map((doc) => articleFeatures(doc));
  const stats = await store.termStats([...new Set(features.flatMap(vectorKeys))]);
  // Articles stored before the event stage get their signature here (as in `placeArticle`, loaded only then).
  const signature = docs.every((doc) => doc.layers.event) ? null : (await import('../cluster/signature.js')).eventSignature;
  return docs.map((doc, i) => ({
    id: doc.id,
    vector: articleVector(features[i]!, stats),
    publishedAt: features[i]!.publishedAt,
    event: doc.layers.event ?? signature!(doc),
  }));
}
