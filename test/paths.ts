import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Paths the tests share; compiled tests live in dist/test, two levels below the repo root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = join(REPO, '..', 'shared', 'seeds');
export const SCHEMA = join(REPO, '..', 'shared', 'spec', 'story-export.schema.json');
export const EXAMPLES = join(REPO, 'examples', 'articles');
export const EXAMPLES_GOLD = join(REPO, 'examples', 'gold.json');
export const BIN = join(REPO, 'bin', 'corroborate.js');
