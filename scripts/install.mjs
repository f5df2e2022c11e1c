// Installs what `npm test`, `npm start` and `npm run bench` need on a fresh clone:
// the npm packages, when node_modules does not hold what package-lock.json names; and Debian's
// `chromium` (the browser journey and the SPA bench drive it), when /usr/bin/chromium is missing.
// Runs with Node alone: nothing here may import an npm package.
import { execSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const lock = `${root}package-lock.json`
const installed = `${root}node_modules/.package-lock.json`
// The hash of the package-lock.json that the last `npm ci` here installed. A lock file that is only newer (a checkout
// or a rebase touches it without changing it) must not reinstall: `npm ci` empties node_modules, and a test that runs
// `npm start` while others run would pull the packages from under them.
const stamp = `${root}node_modules/.installed-lock-hash`

const lockHash = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : ''
const stampHash = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : ''
const newerLock = existsSync(lock) && existsSync(installed) && statSync(lock).mtimeMs > statSync(installed).mtimeMs
const stale = !existsSync(installed) || (newerLock && stampHash !== lockHash)
if (stale) {
  console.log('Installing npm packages...')
  execSync(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' })
  if (lockHash) writeFileSync(stamp, `${lockHash}\n`)
}

// Playwright's own browser download is not used: Debian's package is what every machine here can get.
const CHROMIUM = '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) {
  console.log(`Installing Debian's chromium (${CHROMIUM} is missing)...`)
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  try {
    execSync(`${sudo}apt-get update`, { stdio: 'inherit', env })
    execSync(`${sudo}apt-get install -y --no-install-recommends chromium`, { stdio: 'inherit', env })
  } catch (error) {
    console.error(`Could not install chromium with apt-get: install it yourself (apt-get install chromium) so that ${CHROMIUM} exists.`)
    throw error
  }
}
