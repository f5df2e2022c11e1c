// `/assets/details` of a scripted asset as AssetsApiRoute.jsonDetails prints it: `scripted` true, and with
// `full=true` a `scriptDetails` {scriptComplexity, script, scriptText}; a plain asset has neither.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const ASSET_SCRIPT = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case t: TransferTransaction => t.amount <= 100
  case _ => true
}`

let node: Devnode
let api: ReturnType<typeof client>
const issuerSeed = seed('asset details issuer')
const issuer = addressOf(issuerSeed)
let compiled: { script: string; complexity: number }

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await api.broadcast(wt.transfer({ recipient: issuer, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT, { 'content-type': 'text/plain' })).body
})

afterAll(() => node.close())

const issued = async (script: string | null) => {
  const tx = wt.issue({ name: 'Details', description: 'd', quantity: 1000, decimals: 2, reissuable: true, ...(script === null ? {} : { script }), chainId: 'R', timestamp: Date.now() + (script ? 1 : 0) }, issuerSeed)
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  const info = (await api.get(`/transactions/info/${tx.id}`)).body as { height: number; timestamp: number }
  return {
    tx,
    expected: {
      assetId: tx.id,
      issueHeight: info.height,
      issueTimestamp: info.timestamp,
      issuer,
      issuerPublicKey: tx.senderPublicKey,
      name: 'Details',
      description: 'd',
      decimals: 2,
      reissuable: true,
      quantity: 1000,
      scripted: script !== null,
      minSponsoredAssetFee: null,
      originTransactionId: tx.id,
      sequenceInBlock: 0,
    },
  }
}

it('prints a scripted asset as scripted, and its script details only with full=true', async () => {
  const { tx, expected } = await issued(compiled.script)
  expect((await api.get(`/assets/details/${tx.id}`)).body).toEqual(expected)
  // scriptText is script.expr.toString (Terms.scala): the compiler's `match` is a LET_BLOCK of $match0, the case an
  // IF on $isInstanceOf (Native(1)), and `t.amount <= 100` the >= of GE_LONG (Native(103)) with its arguments swapped
  const scriptText =
    'LET_BLOCK(LET($match0,REF(tx)),IF(FUNCTION_CALL(Native(1),List(REF($match0), TransferTransaction)),' +
    'LET_BLOCK(LET(t,REF($match0)),FUNCTION_CALL(Native(103),List(100, GETTER(REF(t),amount)))),true))'
  const scriptDetails = { scriptComplexity: compiled.complexity, script: compiled.script, scriptText }
  expect((await api.get(`/assets/details/${tx.id}?full=true`)).body).toEqual({ ...expected, scriptDetails })
  expect((await api.get(`/assets/details?id=${tx.id}&full=true`)).body).toEqual([{ ...expected, scriptDetails }])
  expect((await api.post(`/assets/details?full=true`, { ids: [tx.id] })).body).toEqual([{ ...expected, scriptDetails }])
  expect((await api.get(`/assets/details/${tx.id}?full=false`)).body).toEqual(expected)
})

it('prints a plain asset without script details, full or not', async () => {
  const { tx, expected } = await issued(null)
  expect((await api.get(`/assets/details/${tx.id}?full=true`)).body).toEqual({ ...expected, scripted: false })
})
