// Installs what `npm test`, `npm start` and `npm run bench` need on a fresh clone:
// the npm packages, when node_modules is missing or older than package-lock.json.
// Runs with Node alone: nothing here may import an npm package.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const lock = `${root}package-lock.json`
const installed = `${root}node_modules/.package-lock.json`

const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)
if (stale) {
  console.log('Installing npm packages...')
  execSync(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' })
}
