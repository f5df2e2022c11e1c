// `watch` polls the height only, and reads the data again only when a block arrives or a transaction
// this client sent is confirmed.
import { Signer } from '@waves/signer'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { startProgram } from '../../../../test/affiliate.ts'
import { seed } from '../../../../test/waves.ts'
import { createAffiliate } from '../affiliate.ts'
import { DevWalletProvider } from '../dev-wallet.ts'
import type { AffiliateError } from '../errors.ts'
import type { Dashboard } from '../types.ts'
import { addressOf, countingFetch, fundAccount, waitFor, writeData } from '../testing.ts'

const dAppSeed = seed('watch dapp')
const dApp = addressOf(dAppSeed)
const me = addressOf(seed('watch me'))
let node: Devnode

beforeAll(async () => {
  // blocks only when the test mines them: a transaction lands in the open block, the height stays
  node = await createDevnode({ autoMine: false })
  await fundAccount(node.url, dApp)
  await writeData(node.url, dAppSeed, { [`${me}_balance_WAVES`]: 100n })
  await node.mine()
}, 60_000)

afterAll(() => node?.close())

test('refetches only on a new block, counting requests', async () => {
  const counter = countingFetch()
  const affiliate = createAffiliate({ node: node.url, dApp, fetch: counter.fetch })
  const seen: Dashboard[] = []
  const errors: AffiliateError[] = []
  const stop = affiliate.watch(me, (d) => seen.push(d), { intervalMs: 5, onError: (e) => errors.push(e) })
  const heightPolls = () => counter.requests.filter((r) => r === 'GET /blocks/height').length
  const dataReads = () => counter.requests.filter((r) => r.startsWith('GET /addresses/data') || r.startsWith('POST /addresses/data')).length
  try {
    await waitFor(() => seen.length === 1, 'the first dashboard')
    expect([seen[0]!.balance, seen[0]!.height]).toEqual([100n, 12])

    // the data changes inside the open block: no new block, so nothing is read again
    await writeData(node.url, dAppSeed, { [`${me}_balance_WAVES`]: 200n })
    const polls = heightPolls()
    await waitFor(() => heightPolls() >= polls + 10, 'ten more height polls')
    expect(seen).toHaveLength(1)
    expect(dataReads()).toBe(2)

    await node.mine()
    await waitFor(() => seen.length === 2, 'the dashboard of the new block')
    expect([seen[1]!.balance, seen[1]!.height]).toEqual([200n, 13])
    expect(dataReads()).toBe(4)
    // two dashboards, two POSTs of exact keys each, no `matches` request
    expect(counter.requests.filter((r) => r.includes('matches='))).toEqual([])
    expect(errors).toEqual([])
  } finally {
    stop()
  }
  const after = counter.requests.length
  await node.mine()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(counter.requests.length).toBe(after)
})

test('a failing node is reported to onError and watching goes on', async () => {
  const affiliate = createAffiliate({ node: 'http://127.0.0.1:9', dApp, retry: { attempts: 1 } })
  const errors: AffiliateError[] = []
  const stop = affiliate.watch(me, () => undefined, { intervalMs: 5, onError: (e) => errors.push(e) })
  await waitFor(() => errors.length >= 2, 'two failed polls')
  stop()
  expect(errors[0]!.shortMessage).toBe('The node is unavailable: network error (1 try)')
})

test('a transaction this client awaited is read at once, even inside the same block', async () => {
  const program = await startProgram({ devnode: { autoMine: false } })
  try {
    const { alice } = program.users
    const signer = new Signer({ NODE_URL: program.node.url })
    await signer.setProvider(new DevWalletProvider(alice.seed))
    await signer.login()
    const counter = countingFetch()
    const affiliate = createAffiliate({ node: program.node.url, dApp: program.dApp, signer, fetch: counter.fetch, pollingIntervalMs: 5 })
    const seen: Dashboard[] = []
    // a long interval: only the confirmation can bring the second read soon
    // the root's view: alice has no referrer, so her whole payment is the root's change
    const stop = affiliate.watch(program.dApp, (d) => seen.push(d), { intervalMs: 60_000 })
    try {
      await waitFor(() => seen.length === 1, 'the first dashboard')
      expect(seen[0]!.balance).toBe(0n)
      const height = seen[0]!.height
      const { confirmed } = await affiliate.fund(100_000_000n)
      await confirmed
      await waitFor(() => seen.length === 2, 'the dashboard after the confirmation')
      expect([seen[1]!.height, seen[1]!.balance, seen[1]!.income.map((r) => [r.level, r.payer, r.amount])]).toEqual([
        height,
        100_000_000n,
        [['change', alice.address, 100_000_000n]],
      ])
    } finally {
      stop()
    }
  } finally {
    await program.close()
  }
}, 120_000)
