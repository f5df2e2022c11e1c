// The dashboard's requests, counted on the wire: exact keys only. A node answers a `matches` request by
// reading every data key of the dApp (CommonAccountsApi in node 1.5.7), so a dashboard that used one would
// cost the node the whole program (attack 11 of ride/README.md#attacks).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { seed, wt } from '../../../../test/waves.ts'
import { createAffiliate } from '../affiliate.ts'
import { addressOf, countingFetch, fakeTxId, fundAccount, writeData } from '../testing.ts'

const dAppSeed = seed('dashboard dapp')
const dApp = addressOf(dAppSeed)
const me = addressOf(seed('dashboard me'))
const member = addressOf(seed('dashboard member'))
let node: Devnode
let assetId: string

beforeAll(async () => {
  node = await createDevnode()
  await fundAccount(node.url, dApp)
  const issue = wt.issue({ name: 'Bonus', description: '', quantity: '100000000', decimals: 2, reissuable: false, chainId: 'R' } as never, dAppSeed)
  const answer = await fetch(`${node.url}/transactions/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(issue) })
  expect(answer.status).toBe(200)
  assetId = issue.id
  await writeData(node.url, dAppSeed, {
    version: 2n,
    config_asset: assetId,
    assets: `WAVES,${assetId}`,
    [`${me}_balance_${assetId}`]: 250n,
    [`${me}_funds`]: 1n,
    [`fund_${me}_1`]: `${member}:250:l1:1795000000000:${assetId}:${fakeTxId('d1')}`,
    [`${me}_l1_count`]: 1n,
    [`${me}_l1_1`]: member,
    // other members' keys, which a scan would have to read too
    ...Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`fund_${addressOf(seed(`other ${k}`))}_1`, `${member}:1:l1:1795000000000:WAVES:${fakeTxId(`o${k}`)}`])),
  })
}, 60_000)

afterAll(() => node?.close())

test('no `matches` request: a POST of fixed keys, a POST of the keys they name, a POST for the members, the height; the asset is asked once per client', async () => {
  const counter = countingFetch()
  const affiliate = createAffiliate({ node: node.url, dApp, fetch: counter.fetch })
  const first = await affiliate.fetchDashboard(me)
  expect(first.config.asset).toEqual({ id: assetId, name: 'Bonus', decimals: 2 })
  expect(first.balance).toBe(250n)
  expect(first.referrals[0]).toEqual({ level: 1, count: 1, members: [{ address: member, income: 0n }], earned: 0n })
  expect(first.income.map((r) => r.amount)).toEqual([250n])
  const post = `POST /addresses/data/${dApp}`
  expect(counter.requests.sort()).toEqual([`GET /assets/details/${assetId}`, 'GET /blocks/height', post, post, post].sort())
  expect(counter.requests.filter((r) => r.includes('matches'))).toEqual([])

  counter.clear()
  await affiliate.fetchDashboard(me)
  expect(counter.requests.sort()).toEqual(['GET /blocks/height', post, post, post].sort())
})
