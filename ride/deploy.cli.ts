// `npm run deploy -- --node URL [--dry-run] ...`: flags and the environment only; the work is deployAffiliate().
import { parseArgs } from 'node:util'
import { DeployError, deployAffiliate, formatWaves, type DeployConfig, type DeployOptions } from './deploy.ts'

const HELP = `npm run deploy -- --node URL [options]

Compiles ride/affiliate.ride, prints its size and complexity per callable, sets it as the script of the
account of WAVES_SEED (chain id read from the node), applies the configuration given, and checks what
the node then reports. Run it again at any time: what is already on the chain is not sent again.

  --node URL           the node's REST API, e.g. https://nodes-testnet.wavesnodes.com (required)
  --dry-run            compile and print the figures only; WAVES_SEED is optional
  --file F             RIDE file (default ride/affiliate.ride)
  --admin A            config_admin: an address that administers beside the dApp (set once, by init)
  --root R             config_root: the operator that takes the change (default: the dApp)
  --gas N              WAVES of the dApp's own balance to keep as gas reserve for fee refunds (e.g. 10)
  --pow-bits N         config_pow_bits, 0..28 (default 16)
  --rates L1,L2,L3,C   per mille rates (default 100,50,25,10)
  --min-fund N         config_min_fund, in the asset's smallest unit (default 1000000)
  --min-withdraw N     config_min_withdraw: the smallest refunded withdrawal (default 1000000)
  --min-referrer-paid N  config_min_referrer_paid: paid before inviting (default 0, off)
  --refund-budget N    config_refund_budget, wavelets per day (default 1000000000)
  --refund-share N     config_refund_share, wavelets per account per day (default 5000000)
  --upgrade-delay N    config_upgrade_delay, blocks (default 1440)
  --asset ID           WAVES or the base58 id of an existing asset
  --host A             a host account allowed to call fundFor (repeat for several)
  --help               this text

Environment: WAVES_SEED, the dApp account's seed phrase. The account pays the SetScript fee and 0.005
WAVES per configuration call, and must hold the gas reserve.`

function fail(message: string, code = 2): never {
  console.error(`deploy: ${message}`)
  process.exit(code)
}

/** "10" or "0.5" WAVES into wavelets, exactly. */
function parseWaves(text: string, flag: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,8}))?$/.exec(text)
  if (!match) fail(`${flag} expects an amount of WAVES such as 10 or 0.5, got '${text}'`)
  return BigInt(match[1]!) * 100_000_000n + BigInt((match[2] ?? '').padEnd(8, '0'))
}

function parseInteger(text: string, flag: string): bigint {
  if (!/^\d+$/.test(text)) fail(`${flag} expects a whole number, got '${text}'`)
  return BigInt(text)
}

let values
try {
  ;({ values } = parseArgs({
    options: {
      node: { type: 'string' },
      'dry-run': { type: 'boolean' },
      file: { type: 'string' },
      admin: { type: 'string' },
      root: { type: 'string' },
      gas: { type: 'string' },
      'pow-bits': { type: 'string' },
      rates: { type: 'string' },
      'min-fund': { type: 'string' },
      'min-withdraw': { type: 'string' },
      'min-referrer-paid': { type: 'string' },
      'refund-budget': { type: 'string' },
      'refund-share': { type: 'string' },
      'upgrade-delay': { type: 'string' },
      host: { type: 'string', multiple: true },
      asset: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  }))
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)} (see --help)`)
}

if (values.help) {
  console.log(HELP)
  process.exit(0)
}
if (!values.node) fail('--node URL is required (see --help)')
const dryRun = values['dry-run'] === true
const seed = process.env['WAVES_SEED']
if (!dryRun && (seed === undefined || seed.trim() === '')) {
  fail('WAVES_SEED is not set: export the dApp account\'s seed phrase as WAVES_SEED (or use --dry-run)')
}

const config: DeployConfig = {}
if (values['pow-bits'] !== undefined) config.powBits = Number(parseInteger(values['pow-bits'], '--pow-bits'))
if (values.rates !== undefined) {
  const parts = values.rates.split(',')
  if (parts.length !== 4) fail(`--rates expects four per mille numbers L1,L2,L3,CASHBACK, got '${values.rates}'`)
  const [l1, l2, l3, cashback] = parts.map((p) => Number(parseInteger(p, '--rates'))) as [number, number, number, number]
  config.rates = { l1, l2, l3, cashback }
}
if (values['min-fund'] !== undefined) config.minFund = parseInteger(values['min-fund'], '--min-fund')
if (values['min-withdraw'] !== undefined) config.minWithdraw = parseInteger(values['min-withdraw'], '--min-withdraw')
if (values['min-referrer-paid'] !== undefined) config.minReferrerPaid = parseInteger(values['min-referrer-paid'], '--min-referrer-paid')
if (values['refund-budget'] !== undefined) config.refundBudget = parseInteger(values['refund-budget'], '--refund-budget')
if (values['refund-share'] !== undefined) config.refundShare = parseInteger(values['refund-share'], '--refund-share')
if (values['upgrade-delay'] !== undefined) config.upgradeDelay = Number(parseInteger(values['upgrade-delay'], '--upgrade-delay'))
if (values.host !== undefined) config.hosts = values.host
if (values.asset !== undefined) config.asset = values.asset

const options: DeployOptions = { node: values.node, dryRun, config, log: (line) => console.log(line) }
if (seed !== undefined && seed.trim() !== '') options.seed = seed
if (values.file !== undefined) options.file = values.file
if (values.admin !== undefined) options.admin = values.admin
if (values.root !== undefined) options.root = values.root
if (values.gas !== undefined) options.gasReserve = parseWaves(values.gas, '--gas')

try {
  const result = await deployAffiliate(options)
  if (result.dryRun) console.log('dry run: done')
  else {
    console.log(`dApp ${result.dApp} on chain '${result.chainId}': ${result.alreadyDeployed ? 'script already deployed' : result.verifierComplexity > 0 ? 'script set, verifier last' : 'script set'}, ${result.txIds.length} transaction(s) sent, fees ${formatWaves(result.feesPaid)} WAVES`)
  }
} catch (e) {
  if (e instanceof DeployError) fail(e.message, 1)
  throw e
}
