/**
 * `npm run build`'s last step: computes the package name tables once and keeps them beside the
 * compiled modules (see `prebuilt.ts`), so no process or analysis thread computes them again.
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { computeCities } from './cities.js';
import { computePackageTables } from './package-names.js';
import { writePrebuiltLexicons } from './prebuilt.js';

export function prebuildLexicons(): string {
  const { names, ordinary } = computePackageTables();
  return writePrebuiltLexicons({ names: [...names].map(([key, kinds]) => [key, [...kinds]]), ordinary: [...ordinary], cities: [...computeCities()] });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A kept file from an earlier build must not feed the cities' filter: computed from the packages only.
  rmSync(new URL('./prebuilt-lexicons.json', import.meta.url), { force: true });
  console.log(`wrote ${prebuildLexicons()}`);
}
