// Installs what `npm test`, `npm start` and `npm run bench` need on a fresh clone:
// the npm packages, when node_modules is missing or older than package-lock.json; and Debian's
// `chromium` (the browser journey and the SPA bench drive it), when /usr/bin/chromium is missing.
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
