// Prints the size and per-callable complexity of the contract and the host example as Markdown tables
// (the figures in ride/README.md). Run from the repository root: npx tsx ride/print-stats.ts
import { join } from 'node:path'
import { ESTIMATOR_VERSION, compileRide } from './compile.ts'

for (const file of ['affiliate.ride', 'examples/betting.ride', 'examples/betting-lib.ride']) {
  const compiled = compileRide(join(import.meta.dirname, file))
  console.log(`### ${file}: ${compiled.size} bytes, estimator ${ESTIMATOR_VERSION}\n`)
  console.log('| callable | complexity |\n| --- | ---: |')
  // In source order: the compiler's map comes in hash order.
  for (const [, name = ''] of compiled.source.matchAll(/@Callable\(\w+\)\s*func (\w+)/g)) {
    console.log(`| \`${name}\` | ${compiled.callableComplexities[name]} |`)
  }
  console.log(`| verifier | ${compiled.verifierComplexity === 0 ? 'none' : compiled.verifierComplexity} |\n`)
}
