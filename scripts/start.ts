// `npm start`: the whole affiliate program on this machine. Starts waves-devnode with its chain in .devnode/,
// deploys the contract and writes the demo history the first time, serves the web app, and prints where
// everything is. A second start reuses the chain. With --node and --dapp it serves the web app against a
// real node and an already deployed dApp instead.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDevnode, DEFAULT_PORT, type Devnode } from '../packages/devnode/src/index.ts'
import { KEY_LAYOUT_VERSION } from '../packages/affiliate/src/keys.ts'
import { compileRide } from '../ride/compile.ts'
import { DEFAULT_FILE } from '../ride/deploy.ts'
import { DEMO_ADMIN_SEED, DEMO_DAYS, DEMO_DAPP_SEED, DEMO_HOST_SEED, demoAdmin, demoDApp, demoHost, seedDemo, type DemoAccount } from './demo.ts'
import { buildSpaIfStale, serveSpa, type SpaServer } from './spa-server.ts'

const DEFAULT_SPA_PORT = 5173
const DAY = 86_400_000

const HELP = `npm start [-- options]

Runs the affiliate program locally: a Waves dev node (chain kept in .devnode/), the contract deployed with a
demo referral tree and six weeks of history, and the web app. Stop with Ctrl-C; the next start goes on
from the same chain (delete .devnode/ to start over).

  --port N          the web app's port (default ${DEFAULT_SPA_PORT})
  --node-port N     the dev node's port (default ${DEFAULT_PORT})
  --data-dir DIR    where the dev node keeps its chain (default .devnode)
  --node URL        serve the web app against this node instead of a dev node (env AFFILIATE_NODE)
  --dapp ADDRESS    the affiliate dApp on that node (env AFFILIATE_DAPP)
  --explorer URL    explorer links in the web app, e.g. https://wavesexplorer.com/testnet (env AFFILIATE_EXPLORER)
  --help            this text`

function fail(message: string): never {
  console.error(`npm start: ${message}`)
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'node-port': { type: 'string' },
        'data-dir': { type: 'string' },
        node: { type: 'string' },
        dapp: { type: 'string' },
        explorer: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    })
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n\n${HELP}`)
  }
})()
if (values.help) {
  console.log(HELP)
  process.exit(0)
}

function port(flag: string, text: string | undefined, fallback: number): number {
  const n = Number(text ?? fallback)
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--${flag} must be a port number, got ${text}`)
  return n
}
const spaPort = port('port', values.port, DEFAULT_SPA_PORT)
const nodePort = port('node-port', values['node-port'], DEFAULT_PORT)
const externalNode = values.node ?? process.env['AFFILIATE_NODE']
const externalDApp = values.dapp ?? process.env['AFFILIATE_DAPP']
const explorer = values.explorer ?? process.env['AFFILIATE_EXPLORER']
if ((externalNode === undefined) !== (externalDApp === undefined)) fail('--node and --dapp go together: the node to use and the dApp deployed on it')

const inUse = (e: unknown) => (e as { code?: string }).code === 'EADDRINUSE'
const log = (line: string) => console.log(`  ${line}`)

let devnode: Devnode | undefined
let spa: SpaServer | undefined
/** the chain file of a first start until its demo is complete: a start stopped before then removes it */
let unfinishedChain: string | undefined
let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await spa?.close()
  await devnode?.close()
  if (unfinishedChain) rmSync(unfinishedChain, { force: true })
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

/** The dApp's `version` key: the contract's key layout (none on the first contract). */
async function versionOf(node: Devnode, dApp: string): Promise<number | null> {
  const answer = await fetch(`${node.url}/addresses/data/${dApp}/version`)
  if (answer.status !== 200) return null
  const entry = (await answer.json()) as { type?: string; value?: unknown }
  return entry.type === 'integer' ? Number(entry.value) : null
}

/** Whether the dApp runs exactly the contract of ride/affiliate.ride, verifier included (what a first start deploys). */
async function runsThisContract(node: Devnode, dApp: string): Promise<boolean> {
  const answer = await fetch(`${node.url}/addresses/scriptInfo/${dApp}`)
  if (answer.status !== 200) return false
  const info = (await answer.json()) as { script?: string | null }
  return info.script === `base64:${compileRide(DEFAULT_FILE).base64}`
}

/** The dev node's clock runs this many ms from now: a fresh chain starts six weeks back and catches up. */
let offset = 0

async function openDevnode(dataDir: string): Promise<Devnode> {
  try {
    devnode = await createDevnode({ port: nodePort, dataDir, clock: () => Date.now() + offset, onError: (e) => console.error('waves-devnode: internal error', e) })
  } catch (e) {
    if (unfinishedChain) rmSync(unfinishedChain, { force: true })
    if (inUse(e)) fail(`port ${nodePort} is in use (another dev node?); choose another with --node-port`)
    throw e
  }
  return devnode
}

async function startDevnode(): Promise<{ node: Devnode; dApp: string; accounts: DemoAccount[] }> {
  const dataDir = values['data-dir'] ?? fileURLToPath(new URL('../.devnode', import.meta.url))
  const chainFile = join(dataDir, 'chain.jsonl')
  const accountsFile = join(dataDir, 'demo-accounts.json')
  if (existsSync(chainFile)) {
    const node = await openDevnode(dataDir)
    const version = await versionOf(node, demoDApp(node.chain.chainId))
    const same = version === KEY_LAYOUT_VERSION && (await runsThisContract(node, demoDApp(node.chain.chainId)))
    if (same) {
      // Written last by the first start: without it, that start was stopped before the demo was complete.
      if (!existsSync(accountsFile)) fail(`the chain in ${dataDir} has no complete demo (the first start was stopped early); delete that folder and start again`)
      const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as DemoAccount[]
      return { node, dApp: demoDApp(node.chain.chainId), accounts }
    }
    // A chain of another contract (an older one: no `version` key) would be misread by this web app, and one of
    // another build (an older script, without the verifier) would show rules this one no longer has: it is
    // replaced, not reused.
    await node.close()
    devnode = undefined
    console.log(
      version === KEY_LAYOUT_VERSION
        ? `The chain in ${dataDir} holds another build of the contract (its script is not ride/affiliate.ride as it is now): starting a new chain.`
        : `The chain in ${dataDir} holds another version of the contract (key layout ${version ?? 1}; this one reads ${KEY_LAYOUT_VERSION}): starting a new chain.`,
    )
    rmSync(chainFile, { force: true })
    rmSync(accountsFile, { force: true })
  }
  unfinishedChain = chainFile
  offset = -(DEMO_DAYS + 1) * DAY
  const node = await openDevnode(dataDir)
  console.log('First start: deploying the contract and writing six weeks of demo history (under a minute)...')
  const { deployed, accounts } = await seedDemo({
    node,
    start: Date.now() + offset,
    setTime: (ms) => {
      offset = ms - Date.now()
    },
    log,
  })
  offset = 0
  writeFileSync(accountsFile, `${JSON.stringify(accounts, null, 2)}\n`)
  unfinishedChain = undefined
  return { node, dApp: deployed.dApp, accounts }
}

try {
  await buildSpaIfStale(log)
  let config: { node: string; dApp: string; explorer?: string }
  let local: Awaited<ReturnType<typeof startDevnode>> | undefined
  if (externalNode !== undefined && externalDApp !== undefined) {
    config = { node: externalNode.replace(/\/+$/, ''), dApp: externalDApp, ...(explorer ? { explorer } : {}) }
  } else {
    local = await startDevnode()
    config = { node: local.node.url, dApp: local.dApp, ...(explorer ? { explorer } : {}) }
  }
  try {
    spa = await serveSpa({ config, port: spaPort })
  } catch (e) {
    if (inUse(e)) fail(`port ${spaPort} is in use; choose another with --port`)
    throw e
  }
  console.log('')
  console.log(`Affiliate program: ${spa.url}`)
  console.log(`  node:  ${config.node}${local ? ` (waves-devnode, chain ${local.node.chain.chainId}, height ${local.node.chain.height})` : ''}`)
  console.log(`  dApp:  ${config.dApp}`)
  if (local) {
    console.log('')
    console.log('Demo accounts (log in with "Dev wallet" and paste the seed):')
    for (const account of local.accounts.slice(0, 6)) console.log(`  ${account.name.padEnd(8)} ${account.address}  seed: ${account.seed}`)
    console.log(`  ... ${local.accounts.length} members in all, listed in ${join(values['data-dir'] ?? '.devnode', 'demo-accounts.json')}`)
    const chainId = local.node.chain.chainId
    console.log(`  operator  ${demoAdmin(chainId)}  seed: ${DEMO_ADMIN_SEED}  (config_admin: the /admin pages)`)
    console.log(`  host      ${demoHost(chainId)}  seed: ${DEMO_HOST_SEED}  (pays with fundFor for members)`)
    console.log(`  dApp      ${config.dApp}  seed: ${DEMO_DAPP_SEED}  (the dApp account, takes the change)`)
    console.log(`  invite link of alice: ${spa.url}/join/${local.accounts[0]?.address ?? ''}`)
  }
  console.log('')
  console.log('Ctrl-C stops it; the next npm start goes on from the same chain.')
} catch (e) {
  console.error(`npm start: ${e instanceof Error ? e.message : String(e)}`)
  await spa?.close()
  await devnode?.close()
  if (unfinishedChain) rmSync(unfinishedChain, { force: true })
  process.exit(1)
}
