// `waves-devnode`: flags only; everything else is createDevnode().
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { DEFAULT_CHAIN_ID, DEFAULT_PORT, GENESIS_SEED, createDevnode, type GenesisAccount } from './index.ts'

const HELP = `waves-devnode: a local Waves node (REST API, RIDE V1-V8 scripts from compiled bytes)

  --port N          port to listen on (default ${DEFAULT_PORT})
  --host H          address to listen on (default 127.0.0.1)
  --chain C         chain id, one character (default ${DEFAULT_CHAIN_ID})
  --block-time MS   make a block every MS milliseconds; 0 makes a block per transaction (default 0)
  --data-dir DIR    keep the chain in DIR; it survives restarts and crashes (default: in memory)
  --genesis FILE    JSON list of more funded accounts: [{"address": "3M...", "amount": "100000000"}]
  --help            this text

The rich genesis account's seed is "${GENESIS_SEED}".`

function fail(message: string): never {
  console.error(`waves-devnode: ${message}`)
  process.exit(2)
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    chain: { type: 'string' },
    'block-time': { type: 'string' },
    'data-dir': { type: 'string' },
    genesis: { type: 'string' },
    help: { type: 'boolean' },
  },
  strict: true,
})

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

const port = Number(values.port ?? DEFAULT_PORT)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`)
const blockTime = Number(values['block-time'] ?? 0)
if (!Number.isInteger(blockTime) || blockTime < 0) fail(`--block-time must be milliseconds, got ${values['block-time']}`)

let genesis: GenesisAccount[] = []
if (values.genesis) {
  try {
    const list = JSON.parse(readFileSync(values.genesis, 'utf8')) as { address: string; amount: string | number }[]
    genesis = list.map((a) => ({ address: a.address, amount: BigInt(a.amount) }))
  } catch (e) {
    fail(`cannot read --genesis ${values.genesis}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

try {
  const node = await createDevnode({
    port,
    host: values.host ?? '127.0.0.1',
    chainId: values.chain ?? DEFAULT_CHAIN_ID,
    blockTime,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    genesis,
    onError: (e) => console.error('waves-devnode: internal error', e),
  })
  console.log(`waves-devnode listening on ${node.url} (chain ${node.chain.chainId}, height ${node.chain.height})`)
  const stop = () => {
    void node.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (e) {
  const code = (e as { code?: string }).code
  if (code === 'EADDRINUSE') fail(`port ${port} is in use; choose another with --port`)
  fail(e instanceof Error ? e.message : String(e))
}
