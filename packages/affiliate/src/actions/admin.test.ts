// The operator's actions against the contract deployed on a dev node: the program's counters
// (fetchProgramStats), the admin calls signed through @waves/signer with the dev wallet (administer), and
// the export of every record in a time range (fetchProgramRecords).
import { Signer } from '@waves/signer'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Program, account, blockTimeOf, invoke, register, startProgram } from '../../../../test/affiliate.ts'
import { type Client, createClient } from '../client.ts'
import { DevWalletProvider } from '../dev-wallet.ts'
import { ContractError, InvalidInputError } from '../errors.ts'
import { administer } from './administer.ts'
import { fetchConfig } from './fetchConfig.ts'
import { fetchProgramRecords } from './fetchProgramRecords.ts'
import { fetchProgramStats } from './fetchProgramStats.ts'

let program: Program
let fundId: string
let withdrawId: string
/** the setup's four refunded calls: two registrations, the fund and the withdrawal */
let setupIds: string[]

beforeAll(async () => {
  // the wall clock: the wallet stamps transactions with it
  program = await startProgram({ admin: account('admin').address, config: { minFund: 1n } })
  const { alice, bob } = program.users
  setupIds = [(await register(program, alice.seed, program.dApp)).id, (await register(program, bob.seed, alice.address)).id]
  const funded = await invoke(program, bob.seed, 'fund', [], { amount: 100_000_000n })
  fundId = (funded.body as { id: string }).id
  const withdrawn = await invoke(program, alice.seed, 'withdraw')
  withdrawId = (withdrawn.body as { id: string }).id
  setupIds.push(fundId, withdrawId)
}, 120_000)
afterAll(() => program?.close())

async function clientOf(seedPhrase: string): Promise<Client> {
  const signer = new Signer({ NODE_URL: program.node.url })
  await signer.setProvider(new DevWalletProvider(seedPhrase))
  await signer.login()
  return createClient({ node: program.node.url, dApp: program.dApp, signer, pollingIntervalMs: 5 })
}

describe('fetchProgramStats', () => {
  test('the counters, today refunds and no upgrade, by exact keys', async () => {
    const client = createClient({ node: program.node.url, dApp: program.dApp })
    const stats = await fetchProgramStats(client)
    const header = await (await fetch(`${program.node.url}/blocks/headers/last`)).json()
    const day = Math.floor(header.timestamp / 86_400_000)
    // each refunded its 0.005 WAVES fee; a run across midnight counts only today's in refunds_{day}
    const today = (await Promise.all(setupIds.map((id) => blockTimeOf(program, id)))).filter((t) => Math.floor(t / 86_400_000) === day)
    expect(stats).toEqual({
      members: 2n,
      funds: 1n,
      assets: [{ asset: 'WAVES', funded: 100_000_000n, withdrawn: 10_000_000n }],
      refunded: 2_000_000n,
      refundsToday: { day, amount: 500_000n * BigInt(today.length) },
      upgrade: null,
      height: header.height,
      timestamp: header.timestamp,
      skipped: [],
    })
  })
})

describe('administer', () => {
  test('the admin sets the rates; the config reads them back', async () => {
    const admin = await clientOf(program.users.admin.seed)
    const { confirmed } = await administer(admin, { call: { function: 'setRates', args: [120, 40, 20, 15] } })
    await confirmed
    expect((await fetchConfig(admin)).rates).toEqual({ l1: 120, l2: 40, l3: 20, cashback: 15 })
  })

  test('an upgrade announced with its script hash is pending for the delay; cancelled, it is gone', async () => {
    const admin = await clientOf(program.users.admin.seed)
    const hash = Uint8Array.from({ length: 32 }, (_, i) => i + 1)
    const { id, confirmed } = await administer(admin, { call: { function: 'announceUpgrade', args: [hash] } })
    const { height } = await confirmed
    expect((await fetchProgramStats(admin)).upgrade).toEqual({ hash: Buffer.from(hash).toString('base64'), height: height + 1440 })
    const info = await (await fetch(`${program.node.url}/transactions/info/${id}`)).json()
    // an ordinary account pays the plain invoke fee; admin calls are never refunded
    expect([info.fee, info.call]).toEqual([500_000, { function: 'announceUpgrade', args: [{ type: 'binary', value: `base64:${Buffer.from(hash).toString('base64')}` }] }])
    await (await administer(admin, { call: { function: 'cancelUpgrade', args: [] } })).confirmed
    expect((await fetchProgramStats(admin)).upgrade).toBe(null)
  })

  test('the dApp administers itself, paying the extra fee the node names for its script', async () => {
    const dApp = await clientOf(program.dAppSeed)
    const { id, confirmed } = await administer(dApp, { call: { function: 'setPowBits', args: [12] } })
    await confirmed
    expect((await fetchConfig(dApp)).powBits).toBe(12)
    // 0 while the contract has no @Verifier (ride/affiliate.ride), 400,000 with one
    const { extraFee } = await (await fetch(`${program.node.url}/addresses/scriptInfo/${program.dApp}`)).json()
    expect((await (await fetch(`${program.node.url}/transactions/info/${id}`)).json()).fee).toBe(500_000 + extraFee)
  })

  test('a member is refused by the contract; a hash of the wrong length is refused before the wallet', async () => {
    const member = await clientOf(program.users.carol.seed)
    const error = await administer(member, { call: { function: 'pause', args: [] } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContractError)
    expect(error).toMatchObject({ code: 'admin', contractMessage: 'admin: caller is not admin' })
    const short = await administer(member, { call: { function: 'announceUpgrade', args: [new Uint8Array(31)] } }).catch((e: unknown) => e)
    expect(short).toBeInstanceOf(InvalidInputError)
    expect((short as InvalidInputError).message).toBe(
      'Invalid hash: announceUpgrade takes blake2b256 of the script: 32 bytes\nDocs: waves-affiliate/README.md#invalidinputerror',
    )
  })
})

describe('fetchProgramRecords', () => {
  test('every credit and withdrawal in the range, oldest first; outside the range none', async () => {
    const client = createClient({ node: program.node.url, dApp: program.dApp })
    const { alice, bob } = program.users
    const [fundTime, withdrawTime] = [await blockTimeOf(program, fundId), await blockTimeOf(program, withdrawId)]
    const { records, skipped } = await fetchProgramRecords(client, { from: fundTime, to: withdrawTime + 1 })
    const credit = { kind: 'fund', n: 1, txId: fundId, payer: bob.address, timestamp: fundTime, asset: 'WAVES' }
    const byTx = [
      { ...credit, beneficiary: alice.address, amount: 10_000_000n, level: 'l1' },
      { ...credit, beneficiary: bob.address, amount: 1_000_000n, level: 'cashback' },
      { ...credit, beneficiary: program.dApp, amount: 89_000_000n, level: 'change' },
    ].sort((a, b) => a.beneficiary.localeCompare(b.beneficiary))
    expect(records).toEqual([...byTx, { kind: 'withdraw', n: 1, txId: withdrawId, user: alice.address, amount: 10_000_000n, timestamp: withdrawTime, asset: 'WAVES' }])
    expect(skipped).toEqual([])
    expect((await fetchProgramRecords(client, { from: 0, to: fundTime })).records).toEqual([])
    await expect(fetchProgramRecords(client, { from: 2, to: 1 })).rejects.toThrow('Invalid from: 2..1 is not a range of ms timestamps\nDocs: waves-affiliate/README.md#invalidinputerror')
  })
})
