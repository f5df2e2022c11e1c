// The dashboard's request budget, counted on the wire: public nodes allow about 17 data `matches`
// requests a minute, so a dashboard must spend exactly one.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { seed, wt } from '../../../../test/waves.ts'
import { createAffiliate } from '../affiliate.ts'
import { addressOf, countingFetch, fakeTxId, fundAccount, writeData } from '../testing.ts'

const dAppSeed = seed('dashboard dapp')
const dApp = addressOf(dAppSeed)
const me = addressOf(seed('dashboard me'))
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
    config_asset: assetId,
    [`${me}_balance`]: 250n,
    [`fund_${me}_${fakeTxId('d1')}`]: `${me}:250:cashback:1795000000000`,
  })
}, 60_000)

afterAll(() => node?.close())

test('one `matches` request, one POST of exact keys and the height; the asset is asked once per client', async () => {
  const counter = countingFetch()
  const affiliate = createAffiliate({ node: node.url, dApp, fetch: counter.fetch })
  const first = await affiliate.fetchDashboard(me)
  expect(first.config.asset).toEqual({ id: assetId, name: 'Bonus', decimals: 2 })
  expect(first.balance).toBe(250n)
  const matches = `GET /addresses/data/${dApp}?matches=${me}_referer|${me}_balance|${me}_referral_.+|fund_${me}_.+|withdraw_${me}_.+`
  expect(counter.requests.sort()).toEqual([`GET /assets/details/${assetId}`, 'GET /blocks/height', matches, `POST /addresses/data/${dApp}`].sort())
  expect(counter.requests.filter((r) => r.includes('matches='))).toHaveLength(1)

  counter.clear()
  await affiliate.fetchDashboard(me)
  expect(counter.requests.sort()).toEqual(['GET /blocks/height', matches, `POST /addresses/data/${dApp}`].sort())
})
