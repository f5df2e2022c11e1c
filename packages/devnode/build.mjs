// `npm run build`: src/ to dist/ (ES modules + declarations) with tsc; fails if a `.ts` path survives in
// dist/ (the bin and every import must run as plain JavaScript in Node).
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const here = import.meta.dirname
const dist = join(here, 'dist')
rmSync(dist, { recursive: true, force: true })
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' })

// tsc rewrites `./x.ts` to `./x.js` in JavaScript but keeps it in declarations, where a user's tsc
// without allowImportingTsExtensions would look for a `.ts` file that is not shipped
const RELATIVE_TS = /(['"])(\.{1,2}\/[^'"]*)\.ts\1/g
for (const entry of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (!entry.endsWith('.js') && !entry.endsWith('.d.ts')) continue
  let code = readFileSync(join(dist, entry), 'utf8')
  if (entry.endsWith('.d.ts')) {
    code = code.replace(RELATIVE_TS, '$1$2.js$1')
    writeFileSync(join(dist, entry), code)
  }
  const left = /['"](\.{1,2}\/[^'"]*\.ts)['"]/.exec(code)
  if (left) throw new Error(`build: dist/${entry} still names a TypeScript file: ${left[1]}`)
}
