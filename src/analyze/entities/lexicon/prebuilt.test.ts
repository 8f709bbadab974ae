import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCities, isCity } from './cities.js';
import { computePackageTables, genderOfFirstName, isOrdinaryWord, packageKinds } from './package-names.js';
import { lexiconFingerprint, prebuiltLexicons } from './prebuilt.js';

test('the name tables the build keeps are those computed from the packages, and the lookups read them', () => {
  const kept = prebuiltLexicons();
  assert.ok(kept, 'npm run build keeps the tables beside the compiled modules');
  assert.equal(kept.fingerprint, lexiconFingerprint());
  const { names, ordinary } = computePackageTables();
  assert.deepEqual(new Map(kept.names.map(([key, kinds]) => [key, new Set(kinds)])), names);
  assert.deepEqual(new Set(kept.ordinary), ordinary);
  assert.deepEqual(new Set(kept.cities), computeCities());
  // Spot checks through the lookups the stages call.
  assert.ok(packageKinds('Paris').has('location'));
  assert.equal(genderOfFirstName('Margaret'), 'female');
  assert.ok(isOrdinaryWord('reading'));
  assert.ok(isCity('Lagos'));
  assert.ok(!isCity('Mobile'), 'a city named by an ordinary word needs other evidence');
});
