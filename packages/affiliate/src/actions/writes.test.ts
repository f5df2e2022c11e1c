// Writes through @waves/signer with a real provider (the dev wallet) against the contract deployed on a
// dev node: register with proof of work, fund, withdraw, and every way a write can fail.
import { Signer } from '@waves/signer'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDevnode } from 'waves-devnode'
import { type Program, dataOf, invoke, startProgram, wavesOf } from '../../../../test/affiliate.ts'
import { addressOf, idZeroBits, seed } from '../../../../test/waves.ts'
import { type AffiliateClient, createAffiliate } from '../affiliate.ts'
import { DevWalletProvider, type DevWalletOptions } from '../dev-wallet.ts'
import {
  CannotPayFeeError,
  ContractError,
  InvalidInputError,
  MissingSignerError,
  NodeError,
  PowAbortedError,
  TransactionChangedError,
  UserRejectedError,
  WrongNetworkError,
} from '../errors.ts'
import type { MineProgress } from '../pow/index.ts'
import { countingFetch, flakyProxy } from '../testing.ts'

let program: Program

beforeAll(async () => {
  program = await startProgram({ config: { minFund: 1n } })
}, 120_000)
afterAll(() => program?.close())

async function signerFor(seedPhrase: string, options: DevWalletOptions = {}, nodeUrl = program.node.url): Promise<Signer> {
  const signer = new Signer({ NODE_URL: nodeUrl })
  await signer.setProvider(new DevWalletProvider(seedPhrase, options))
  await signer.login()
  return signer
}

async function clientFor(seedPhrase: string, extra: Partial<Parameters<typeof createAffiliate>[0]> = {}): Promise<AffiliateClient> {
  return createAffiliate({ node: program.node.url, dApp: program.dApp, signer: await signerFor(seedPhrase), pollingIntervalMs: 5, ...extra })
}
async function blockTimestamp(height: number): Promise<number> {
  return (await (await fetch(`${program.node.url}/blocks/headers/at/${height}`)).json()).timestamp
}

describe('the happy path: register, fund, withdraw', () => {
  test('register mines the salt, signs exactly that transaction and waits for its block', async () => {
    const { alice } = program.users
    const affiliate = await clientFor(alice.seed)
    const progress: MineProgress[] = []
    const { id, confirmed } = await affiliate.register(program.dApp, { workers: 1, onProgress: (p) => progress.push(p) })
    expect(idZeroBits(id)).toBeGreaterThanOrEqual(16)
    const result = await confirmed
    expect(result.id).toBe(id)
    const info = await (await fetch(`${program.node.url}/transactions/info/${id}`)).json()
    expect(result).toEqual({ id, height: info.height, timestamp: info.timestamp })
    expect(info.applicationStatus).toBe('succeeded')
    expect(await dataOf(program, `${alice.address}_referer|${program.dApp}_l1_.*`)).toEqual({
      [`${alice.address}_referer`]: program.dApp,
      [`${program.dApp}_l1_count`]: 1n,
      [`${program.dApp}_l1_1`]: alice.address,
    })
    const dashboard = await affiliate.fetchDashboard(alice.address)
    expect([dashboard.registered, dashboard.referrer, dashboard.isRoot]).toEqual([true, program.dApp, false])
    for (const p of progress) expect(p.expected).toBe(65536)
  })

  test('fund splits the payment; the dashboards show it exactly', async () => {
    const { alice, bob } = program.users
    const bobClient = await clientFor(bob.seed)
    await (await bobClient.register(alice.address, { workers: 1 })).confirmed
    const bobBefore = await wavesOf(program, bob.address)
    const { id, confirmed } = await bobClient.fund(100_000_000n)
    const { height } = await confirmed
    const timestamp = await blockTimestamp(height)
    // the fee is refunded from the gas reserve: bob pays exactly the payment
    expect(await wavesOf(program, bob.address)).toBe(bobBefore - 100_000_000n)

    const aliceView = await bobClient.fetchDashboard(alice.address)
    expect(aliceView.balance).toBe(10_000_000n)
    expect(aliceView.income).toEqual([{ n: 1, txId: id, beneficiary: alice.address, payer: bob.address, amount: 10_000_000n, level: 'l1', timestamp, asset: 'WAVES' }])
    expect(aliceView.referrals).toEqual([
      { level: 1, count: 1, members: [{ address: bob.address, income: 10_000_000n }], earned: 10_000_000n },
      { level: 2, count: 0, members: [], earned: 0n },
      { level: 3, count: 0, members: [], earned: 0n },
    ])
    const bobView = await bobClient.fetchDashboard(bob.address)
    expect([bobView.balance, bobView.referrer, bobView.income]).toEqual([
      1_000_000n,
      alice.address,
      [{ n: 1, txId: id, beneficiary: bob.address, payer: bob.address, amount: 1_000_000n, level: 'cashback', timestamp, asset: 'WAVES' }],
    ])
    expect(await bobClient.fetchBalance(program.dApp)).toBe(89_000_000n)
  })

  test('withdraw pays the whole balance and records it', async () => {
    const { alice } = program.users
    const affiliate = await clientFor(alice.seed)
    const before = await wavesOf(program, alice.address)
    const { id, confirmed } = await affiliate.withdraw()
    const { height } = await confirmed
    expect(await wavesOf(program, alice.address)).toBe(before + 10_000_000n)
    expect(await affiliate.fetchBalance(alice.address)).toBe(0n)
    expect(await affiliate.fetchWithdrawTransactions(alice.address)).toEqual([
      { n: 1, txId: id, user: alice.address, amount: 10_000_000n, timestamp: await blockTimestamp(height), asset: 'WAVES' },
    ])
  })
})

describe('failures, each as its class with its whole message', () => {
  test('ContractError: the contract refuses (code word parsed from the 306 answer)', async () => {
    const { carol, stranger } = program.users
    const affiliate = await clientFor(carol.seed)
    const error = await affiliate.register(stranger.address, { workers: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContractError)
    expect(error).toMatchObject({ code: 'referrer', contractMessage: 'referrer: not registered' })
    expect((error as ContractError).message).toBe('The affiliate contract refused the call: referrer: not registered\nDocs: waves-affiliate/README.md#contracterror')
    expect((error as ContractError).cause).toMatchObject({ name: 'NodeError', status: 400, code: 306 })

    const withdrawal = await affiliate.withdraw().catch((e: unknown) => e)
    expect(withdrawal).toMatchObject({ name: 'ContractError', code: 'balance', contractMessage: 'balance: nothing to withdraw' })
  })

  test('UserRejectedError: the wallet refuses to sign; nothing is broadcast', async () => {
    const counter = countingFetch()
    const signer = await signerFor(program.users.dave.seed, { confirm: (request) => request.kind === 'login' })
    const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp, signer, fetch: counter.fetch })
    const error = await affiliate.fund(1_000n).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserRejectedError)
    expect((error as UserRejectedError).message).toBe('The user rejected the request in the wallet\nDocs: waves-affiliate/README.md#userrejectederror')
    expect((error as UserRejectedError).cause).toBe('Error: User rejection!')
    expect(counter.requests.filter((r) => r.includes('broadcast'))).toEqual([])
  })

  test('UserRejectedError at login', async () => {
    const signer = new Signer({ NODE_URL: program.node.url })
    await signer.setProvider(new DevWalletProvider(program.users.dave.seed, { confirm: () => false }))
    const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp, signer })
    await expect(affiliate.withdraw()).rejects.toBeInstanceOf(UserRejectedError)
    await signer.getNetworkByte()
  })

  test('WrongNetworkError: a wallet on another chain', async () => {
    const other = await createDevnode({ chainId: 'T' })
    try {
      const signer = await signerFor(program.users.erin.seed, {}, other.url)
      const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp, signer })
      const error = await affiliate.fund(1_000n).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WrongNetworkError)
      expect(error).toMatchObject({ expected: 'R', actual: 'T' })
      expect((error as WrongNetworkError).message).toBe(
        "The wallet is on chain 'T', the node on chain 'R'\n\nDetails: switch the wallet to the network of the node\nDocs: waves-affiliate/README.md#wrongnetworkerror",
      )
    } finally {
      await other.close()
    }
  })

  test('TransactionChangedError: a wallet that changes the mined transaction; nothing is broadcast', async () => {
    // a wallet that sets its own timestamp and fee, as some do
    const wallet = new DevWalletProvider(program.users.frank.seed)
    const sign = wallet.sign.bind(wallet) as (list: object[]) => Promise<never>
    wallet.sign = ((list: { timestamp: number }[]) => sign(list.map((tx) => ({ ...tx, timestamp: tx.timestamp + 1, fee: 900000 })))) as never
    const signer = new Signer({ NODE_URL: program.node.url })
    await signer.setProvider(wallet)
    await signer.login()
    const counter = countingFetch()
    const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp, signer, fetch: counter.fetch })
    const error = await affiliate.register(program.dApp, { workers: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransactionChangedError)
    const changed = error as TransactionChangedError
    expect(changed.changed).toEqual(['fee', 'timestamp'])
    expect(changed.message).toBe(
      [
        'The wallet changed the transaction (fee, timestamp), so its id is no longer the mined one; nothing was broadcast',
        '',
        `Expected id: ${changed.expectedId}`,
        `Signed id:   ${changed.actualId}`,
        'Docs: waves-affiliate/README.md#transactionchangederror',
      ].join('\n'),
    )
    expect(idZeroBits(changed.expectedId)).toBeGreaterThanOrEqual(16)
    expect(counter.requests.filter((r) => r.includes('broadcast'))).toEqual([])
  })

  test('MissingSignerError', async () => {
    const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp })
    const error = await affiliate.fund(1n).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingSignerError)
    expect((error as MissingSignerError).message).toBe('fund() needs a signer: pass { signer } to createAffiliate\nDocs: waves-affiliate/README.md#missingsignererror')
  })

  test('InvalidInputError: checked before the wallet or the miner', async () => {
    const affiliate = await clientFor(program.users.alice.seed)
    await expect(affiliate.fund(0n)).rejects.toThrow('Invalid amount: 0 is not a positive bigint')
    await expect(affiliate.fund(5 as never)).rejects.toMatchObject({ name: 'InvalidInputError', field: 'amount' })
    await expect(affiliate.register('3MzzzNotAnAddress')).rejects.toThrow('Invalid referrer: "3MzzzNotAnAddress" is not an address')
    const badChecksum = `${program.users.bob.address.slice(0, -1)}${program.users.bob.address.endsWith('a') ? 'b' : 'a'}`
    await expect(affiliate.register(badChecksum)).rejects.toThrow(`Invalid referrer: "${badChecksum}" is not an address`)
    await expect(affiliate.register(program.users.alice.address)).rejects.toBeInstanceOf(InvalidInputError)
    await expect(affiliate.register(program.users.alice.address)).rejects.toThrow('Invalid referrer: an address cannot refer itself')
  })

  test('CannotPayFeeError: a caller without WAVES for the fee (a 4xx refusal, not retried)', async () => {
    const proxy = await flakyProxy(program.node.url)
    try {
      const pauper = seed('pauper')
      const affiliate = createAffiliate({ node: proxy.url, dApp: program.dApp, signer: await signerFor(pauper) })
      const error = await affiliate.withdraw().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(CannotPayFeeError)
      expect(error).toMatchObject({ address: addressOf(pauper), needed: 500_000n, balance: 0n })
      expect((error as CannotPayFeeError).message).toBe(
        [
          'The account cannot pay the fee: it needs 0.005 WAVES up front, and holds 0 WAVES',
          '',
          `Account: ${addressOf(pauper)}`,
          'Needed: 500000 wavelets, held: 0 wavelets',
          '',
          'Details: a node takes the fee before the call runs; the program refunds it afterwards, while its daily refund budget lasts',
          'Docs: waves-affiliate/README.md#cannotpayfeeerror',
        ].join('\n'),
      )
      // the node's own answer stays reachable
      const cause = (error as CannotPayFeeError).cause as NodeError
      expect(cause).toBeInstanceOf(NodeError)
      expect(cause).toMatchObject({ status: 400, code: 112, nodeMessage: 'State check failed. Reason: Accounts balance errors' })
      expect((cause.response as { details: unknown }).details).toEqual({
        [addressOf(pauper)]: `negative waves balance: ${addressOf(pauper)}, old: 0, new: -500000`,
      })
      expect(proxy.arrived.filter((r) => r.includes('broadcast'))).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  test('PowAbortedError: aborting during mining stops it; nothing is signed or sent', async () => {
    // 28 bits (the contract's bound) take many seconds on one worker: the abort is what ends this search
    const set = await invoke(program, program.dAppSeed, 'setPowBits', [28])
    expect(set.status).toBe(200)
    try {
      const counter = countingFetch()
      let signed = 0
      const signer = await signerFor(program.users.carol.seed, { confirm: (r) => (r.kind === 'sign' && signed++, true) })
      const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp, signer, fetch: counter.fetch })
      const controller = new AbortController()
      const error = await affiliate
        .register(program.dApp, { workers: 2, signal: controller.signal, onProgress: () => controller.abort() })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PowAbortedError)
      expect((error as PowAbortedError).message).toMatch(/^Proof of work aborted after \d+ attempts$/)
      expect((error as PowAbortedError).attempts).toBeGreaterThan(0)
      expect(signed).toBe(0)
      expect(counter.requests.filter((r) => r.includes('broadcast'))).toEqual([])
    } finally {
      expect((await invoke(program, program.dAppSeed, 'setPowBits', [16])).status).toBe(200)
    }
  })
})

describe('retries re-send the same signed transaction', () => {
  test('503, then a dropped connection, then the node: one id arrives once and is applied once', async () => {
    const proxy = await flakyProxy(program.node.url)
    try {
      const { bob } = program.users
      const affiliate = await clientFor(bob.seed, { node: proxy.url, retry: { attempts: 4, baseDelayMs: 1 } })
      const before = await affiliate.fetchBalance(bob.address)
      proxy.fail('/transactions/broadcast', ['503', 'drop'])
      const { id, confirmed } = await affiliate.fund(1_000n)
      await confirmed
      expect(proxy.arrived.filter((r) => r === 'POST /transactions/broadcast')).toHaveLength(3)
      const sent = proxy.forwarded.filter((f) => f.request === 'POST /transactions/broadcast')
      expect(sent.map((f) => JSON.parse(f.body).id)).toEqual([id])
      expect(await affiliate.fetchBalance(bob.address)).toBe(before + 10n) // 1% cashback of 1,000, once
      expect(Object.values(await dataOf(program, 'fund_.*')).filter((record) => String(record).endsWith(`:${id}`))).toHaveLength(3)
    } finally {
      await proxy.close()
    }
  })

  test('an answer lost after the node applied it: the retry meets its own transaction, applied once', async () => {
    const proxy = await flakyProxy(program.node.url)
    try {
      const { bob } = program.users
      const affiliate = await clientFor(bob.seed, { node: proxy.url, retry: { attempts: 4, baseDelayMs: 1 } })
      const before = await affiliate.fetchBalance(bob.address)
      proxy.fail('/transactions/broadcast', ['forward-then-drop'])
      const { id, confirmed } = await affiliate.fund(1_000n)
      await confirmed
      const sent = proxy.forwarded.filter((f) => f.request === 'POST /transactions/broadcast')
      expect(sent.map((f) => JSON.parse(f.body).id)).toEqual([id, id])
      expect(await affiliate.fetchBalance(bob.address)).toBe(before + 10n)
    } finally {
      await proxy.close()
    }
  })
})
