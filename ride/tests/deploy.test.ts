// deployAffiliate and `npm run deploy` against a dev node: figures, SetScript, initial config, the check
// against /addresses/scriptInfo, idempotence, and clear errors.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GENESIS_SEED, createDevnode, type Devnode } from '../../packages/devnode/src/index.ts'
import { client, crypto, seed, wt } from '../../test/waves.ts'
import { compileRide } from '../compile.ts'
import { DeployError, deployAffiliate } from '../deploy.ts'

const run = promisify(execFile)
const here = import.meta.dirname
const CLI = join(here, '..', 'deploy.cli.ts')
const compiled = compileRide(join(here, '..', 'affiliate.ride'))
// Chain T, so that the chain id is seen to come from the node, not from a default.
const T = 'T'
const dAppSeed = seed('deploy test dapp')
const dApp = crypto.address(dAppSeed, T)
const admin = crypto.address(seed('deploy test admin'), T)
let node: Devnode
let api: ReturnType<typeof client>

async function fund(address: string, amount: number) {
  const answer = await api.broadcast(wt.transfer({ recipient: address, amount, chainId: T }, GENESIS_SEED))
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
}

beforeAll(async () => {
  node = await createDevnode({ chainId: T })
  api = client(node.url)
  await fund(dApp, 20_00000000)
})

afterAll(() => node.close())

async function fails(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

describe('deployAffiliate', () => {
  it('compiles, sets the script, applies the config and checks scriptInfo', async () => {
    const lines: string[] = []
    const result = await deployAffiliate({
      node: node.url,
      seed: dAppSeed,
      admin,
      config: {
        rates: { l1: 200, l2: 100, l3: 50, cashback: 20 },
        powBits: 8,
        minFund: 5_000n,
        minWithdraw: 1000n,
        minReferrerPaid: 10_000n,
        refundBudget: 2_00000000n,
        refundShare: 1_000_000n,
        upgradeDelay: 2_880,
        hosts: [admin],
      },
      gasReserve: 3_00000000n,
      log: (line) => lines.push(line),
    })
    expect(result).toMatchObject({
      dApp,
      chainId: T,
      size: 26101,
      callableComplexities: compiled.callableComplexities,
      verifierComplexity: 414,
      script: `base64:${compiled.base64}`,
      scriptHash: crypto.base58Encode(crypto.blake2b(crypto.base64Decode(compiled.base64))),
      setScriptFee: 2_600_000n,
      // 0.025 without the verifier, 0.026 with it, ten calls before the verifier binds the key
      feesPaid: 2_500_000n + 2_600_000n + 10n * 500_000n,
      alreadyDeployed: false,
      dryRun: false,
    })
    expect(result.txIds).toHaveLength(12)
    // the dry run's figures: every callable's complexity, in source order
    expect(lines.slice(0, 27)).toEqual([
      'ride/affiliate.ride: 26101 bytes, complexity 2489 (estimator 3)',
      '  register         817',
      '  fund             1300',
      '  fundFor          899',
      '  withdraw         1562',
      '  withdrawAsset    1562',
      '  topUpGas         23',
      '  reserveGas       70',
      '  init             103',
      '  setAdmin         56',
      '  setRoot          69',
      '  setRates         43',
      '  setPowBits       34',
      '  setMinFund       34',
      '  setMinWithdraw   34',
      '  setMinReferrerPaid 34',
      '  setRefundBudget  47',
      '  setUpgradeDelay  34',
      '  setAsset         2489',
      '  addHost          92',
      '  removeHost       118',
      '  announceUpgrade  52',
      '  cancelUpgrade    25',
      '  pause            24',
      '  unpause          24',
      '  verifier         414',
      '  set first without the verifier: 25263 bytes',
    ])
    expect(lines).toContain(`node ${node.url}: Waves v1.5.7 (waves-devnode 0.1.0), chain 'T'`)
    expect(lines).toContain('SetScript fee 0.026 WAVES (0.025 without the verifier); each call to the dApp costs at least 0.005 WAVES, 0.009 from the dApp\'s own key')
    expect(lines.slice(-13).map((l) => l.replace(/: \w{43,44}$/, ''))).toEqual([
      'SetScript without the verifier',
      `init(${admin}, ${dApp})`,
      'setRates(200, 100, 50, 20)',
      'setPowBits(8)',
      'setMinFund(5000)',
      'setMinWithdraw(1000)',
      'setMinReferrerPaid(10000)',
      'setRefundBudget(200000000, 1000000)',
      'setUpgradeDelay(2880)',
      `addHost(${admin})`,
      'reserveGas(300000000)',
      'SetScript with the verifier',
      `verified: ${dApp} runs 26101 bytes, verifier 414, extra fee 400000`,
    ])
    const info = (await api.get(`/addresses/scriptInfo/${dApp}`)).body
    expect(info).toMatchObject({
      script: `base64:${compiled.base64}`,
      complexity: 2489,
      verifierComplexity: 414,
      callableComplexities: compiled.callableComplexities,
      extraFee: 400_000,
    })
    const data = (await api.get(`/addresses/data/${dApp}`)).body.map((e: { key: string; value: unknown }) => [e.key, e.value])
    expect(Object.fromEntries(data)).toEqual({
      version: 2,
      config_admin: admin,
      config_root: dApp,
      config_rate_l1: 200,
      config_rate_l2: 100,
      config_rate_l3: 50,
      config_rate_cashback: 20,
      config_pow_bits: 8,
      config_min_fund: 5_000,
      config_min_withdraw: 1000,
      config_min_referrer_paid: 10_000,
      config_refund_budget: 2_00000000,
      config_refund_share: 1_000_000,
      config_upgrade_delay: 2_880,
      config_hosts: admin,
      gas_reserve: 3_00000000,
    })
  })

  it('sends nothing again when the chain already has the script and config; only what differs', async () => {
    const same = await deployAffiliate({ node: node.url, seed: dAppSeed, admin, config: { powBits: 8, refundShare: 1_000_000n, hosts: [admin] }, gasReserve: 3_00000000n })
    expect(same).toMatchObject({ alreadyDeployed: true, txIds: [] })
    const changed = await deployAffiliate({ node: node.url, seed: dAppSeed, config: { powBits: 4 }, gasReserve: 3_50000000n })
    expect(changed.alreadyDeployed).toBe(true)
    expect(changed).toMatchObject({ txIds: [expect.any(String), expect.any(String)], feesPaid: 2n * 900_000n }) // the key's calls pass the verifier
    expect((await api.get(`/addresses/data/${dApp}/config_pow_bits`)).body.value).toBe(4)
    expect((await api.get(`/addresses/data/${dApp}/gas_reserve`)).body.value).toBe(3_50000000)
  })

  it('a dry run compiles and reads the chain only', async () => {
    const before = (await api.get('/blocks/height')).body.height
    const lines: string[] = []
    const dry = await deployAffiliate({ node: node.url, dryRun: true, log: (l) => lines.push(l) })
    expect(dry).toMatchObject({ dApp: '', chainId: T, size: 26101, txIds: [], dryRun: true, alreadyDeployed: false })
    expect(lines.at(-1)).toBe('dry run: nothing sent')
    const fresh = seed('deploy test fresh')
    expect(await deployAffiliate({ node: node.url, seed: fresh, dryRun: true })).toMatchObject({ dApp: crypto.address(fresh, T), txIds: [] })
    expect((await api.get('/blocks/height')).body.height).toBe(before)
  })
})

describe('deployAffiliate on an account whose verifier is set', () => {
  it('sets another script only as an announced upgrade, from upgrade_height on', async () => {
    const upgradeSeed = seed('deploy test upgrade')
    const upgraded = crypto.address(upgradeSeed, T)
    await fund(upgraded, 2_00000000)
    await deployAffiliate({ node: node.url, seed: upgradeSeed })
    // the next script: here the same contract without its verifier
    const next = compileRide(join(here, '..', 'affiliate.ride'), { withoutVerifier: true })
    const hash = crypto.base58Encode(crypto.blake2b(crypto.base64Decode(next.base64)))
    const early = await fails(deployAffiliate({ node: node.url, seed: upgradeSeed, verifier: false }))
    expect(early.step).toBe('upgrade')
    expect(early.message).toBe(
      `the dApp's verifier accepts only an announced script: call announceUpgrade(base58:${hash}) as the admin, wait config_upgrade_delay blocks, then deploy again`,
    )
    const announce = wt.invokeScript(
      { dApp: upgraded, call: { function: 'announceUpgrade', args: [{ type: 'binary', value: `base64:${crypto.base64Encode(crypto.base58Decode(hash))}` }] }, fee: 900_000, chainId: T } as never,
      upgradeSeed,
    )
    expect((await api.broadcast(announce)).status).toBe(200)
    await node.mine()
    const from = (await api.get(`/addresses/data/${upgraded}/upgrade_height`)).body.value as number
    const height = (await api.get('/blocks/height')).body.height as number
    expect(from).toBe(height - 1 + 1440) // announced in the block before
    const waiting = await fails(deployAffiliate({ node: node.url, seed: upgradeSeed, verifier: false }))
    expect(waiting).toMatchObject({ step: 'upgrade', message: `the upgrade ${hash} may be set from height ${from} on; the chain is at ${height}: deploy again then` })
    while ((await node.mine()) < from);
    const lines: string[] = []
    const done = await deployAffiliate({ node: node.url, seed: upgradeSeed, verifier: false, log: (l) => lines.push(l) })
    expect(done).toMatchObject({ scriptHash: hash, verifierComplexity: 0, alreadyDeployed: false, setScriptFee: 2_900_000n, feesPaid: 2_900_000n }) // 0.025 and the smart account's 0.004
    expect(lines.slice(-2).map((l) => l.replace(/: \w{43,44}$/, ''))).toEqual([`SetScript (the upgrade ${hash})`, `verified: ${upgraded} runs 25263 bytes, no verifier, extra fee 0`])
  })
})

describe('deployAffiliate errors', () => {

  it('the node is down', async () => {
    const error = await fails(deployAffiliate({ node: 'http://127.0.0.1:9', seed: dAppSeed }))
    expect(error.step).toBe('node')
    expect(error.message).toMatch(/^cannot reach the node at http:\/\/127\.0\.0\.1:9 \(.+\): check --node and that the node is running$/)
  })

  it('an account without funds (or the wrong seed)', async () => {
    const empty = seed('deploy test empty')
    const error = await fails(deployAffiliate({ node: node.url, seed: empty }))
    expect(error.step).toBe('funds')
    expect(error.message).toBe(
      `${crypto.address(empty, T)} has 0 WAVES, the deploy needs 0.056: fund it (or check that WAVES_SEED is the dApp account's seed)`,
    )
  })

  it('the node refuses a step', async () => {
    const error = await fails(deployAffiliate({ node: node.url, seed: dAppSeed, config: { rates: { l1: 600, l2: 300, l3: 100, cashback: 100 } } }))
    expect(error.step).toBe('broadcast')
    expect(error.message).toBe('the node refused setRates(600, 300, 100, 100): Error while executing dApp: config: rates sum above 1000')
  })

  it('an empty seed', async () => {
    const error = await fails(deployAffiliate({ node: node.url, seed: ' ' }))
    expect(error.message).toBe("the seed is empty: set WAVES_SEED to the dApp account's seed phrase")
  })
})

describe('npm run deploy', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: join(here, '..', '..') }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    )

  it('deploys with WAVES_SEED and prints the figures', async () => {
    const cliSeed = seed('deploy test cli')
    await fund(crypto.address(cliSeed, T), 5_00000000)
    const out = await cli(['--node', node.url, '--gas', '0.5', '--pow-bits', '4'], { WAVES_SEED: cliSeed })
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    const lines = out.stdout.trim().split('\n')
    expect(lines[0]).toBe('ride/affiliate.ride: 26101 bytes, complexity 2489 (estimator 3)')
    expect(lines).toContain('  setAsset         2489')
    expect(lines).toContain('  verifier         414')
    // init, setPowBits and reserveGas between the two SetScripts
    expect(lines.at(-1)).toBe(`dApp ${crypto.address(cliSeed, T)} on chain 'T': script set, verifier last, 5 transaction(s) sent, fees 0.066 WAVES`)
    const again = await cli(['--node', node.url, '--gas', '0.5', '--pow-bits', '4'], { WAVES_SEED: cliSeed })
    expect(again.stdout.trim().split('\n').at(-1)).toBe(`dApp ${crypto.address(cliSeed, T)} on chain 'T': script already deployed, 0 transaction(s) sent, fees 0 WAVES`)
  })

  it('refuses to run without WAVES_SEED, except for a dry run', async () => {
    const out = await cli(['--node', node.url], {})
    expect(out).toMatchObject({ code: 2, stdout: '' })
    expect(out.stderr).toBe("deploy: WAVES_SEED is not set: export the dApp account's seed phrase as WAVES_SEED (or use --dry-run)\n")
    const dry = await cli(['--node', node.url, '--dry-run'], {})
    expect(dry.code).toBe(0)
    expect(dry.stdout.trim().split('\n').slice(-2)).toEqual(['dry run: nothing sent', 'dry run: done'])
  })

  it('reports a deploy error with exit code 1', async () => {
    const out = await cli(['--node', 'http://127.0.0.1:9'], { WAVES_SEED: 'anything' })
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/^deploy: cannot reach the node at http:\/\/127\.0\.0\.1:9 \(.+\): check --node and that the node is running\n$/)
  })
})
