import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { buildGenerated, generatedPath } from './build-wasm.ts'

test('the committed generated.ts is what build-wasm.ts builds from blake2b.wat.ts and search.ts', async () => {
  // On failure: npx tsx packages/affiliate/src/pow/build-wasm.ts, and commit generated.ts.
  expect(readFileSync(generatedPath, 'utf8')).toBe(await buildGenerated())
})
