// /addresses, /alias and /leasing as AddressApiRoute, AliasApiRoute and LeaseApiRoute answer: balances over a range
// of blocks, the balances of many addresses at a height, script meta, public keys, the wallet routes of a node
// without wallet accounts, path segments refused with the node's texts, and lease and alias lists in the node order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, crypto, deploySource, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'
import { scalaTupleSetOrder } from '../scala-order.ts'
import { NodeError } from '../errors.ts'
import { keysMatching } from './addresses.ts'
import { javaRegex } from './java-regex.ts'

const R = 'R'
let node: Devnode
let api: ReturnType<typeof client>

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
})

afterAll(() => node.close())

async function ok(tx: { id: string }): Promise<number> {
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  return (await api.get(`/transactions/info/${tx.id}`)).body.height as number
}

const pay = (recipient: string, amount: number, from = RICH_SEED) => ok(wt.transfer({ recipient, amount, chainId: R, timestamp: Date.now() }, from))
const currentHeight = async () => (await api.get('/blocks/height')).body.height as number

describe('balances over blocks (Blockchain.balance and effectiveBalance over balanceSnapshots)', () => {
  const holderSeed = seed('balance history holder')
  const holder = addressOf(holderSeed)
  const lessee = addressOf(seed('balance history lessee'))
  let h1: number
  let h2: number

  beforeAll(async () => {
    h1 = await pay(holder, 5_00000000)
    h2 = await pay(holder, 3_00000000)
    await pay(addressOf(seed('balance history other')), 1)
  })

  it('gives the least balance of the last `confirmations` blocks, 0 before the first change', async () => {
    const h = await currentHeight()
    expect(h).toBe(h2 + 1)
    const balance = async (confirmations: number) => (await api.get(`/addresses/balance/${holder}/${confirmations}`)).body
    expect(await balance(0)).toEqual({ address: holder, confirmations: 0, balance: 8_00000000 })
    expect(await balance(2)).toEqual({ address: holder, confirmations: 2, balance: 8_00000000 })
    // bottom height h - 3 + 1 = h1: the balance of h1 counts
    expect(await balance(3)).toEqual({ address: holder, confirmations: 3, balance: 5_00000000 })
    expect(await balance(4)).toEqual({ address: holder, confirmations: 4, balance: 0 })
    expect((await api.get(`/addresses/balance/${holder}`)).body).toEqual({ address: holder, confirmations: 0, balance: 8_00000000 })
  })

  it('refuses a depth past max-rollback-depth (AddressApiRoute.validateBalanceDepth)', async () => {
    const h = await currentHeight()
    for (const path of [`/addresses/balance/${holder}/2001`, `/addresses/effectiveBalance/${holder}/2001`]) {
      const answer = await api.get(path)
      expect([answer.status, answer.body]).toEqual([400, { error: 199, message: `Unable to get balance past height ${h - 2000}` }])
    }
    expect((await api.get(`/addresses/balance/${holder}/2000`)).body).toEqual({ address: holder, confirmations: 2000, balance: 0 })
  })

  it('does not match confirmations that are not an IntNumber (404)', async () => {
    for (const c of ['-1', 'x', '2147483648']) expect((await api.get(`/addresses/balance/${holder}/${c}`)).status).toBe(404)
  })

  it('counts leases in the effective balance and its history, and in the generating balance of 1,000 blocks', async () => {
    const hLease = await ok(wt.lease({ recipient: lessee, amount: 2_00000000, chainId: R }, holderSeed))
    const effective = async (who: string, confirmations?: number) =>
      (await api.get(`/addresses/effectiveBalance/${who}${confirmations === undefined ? '' : `/${confirmations}`}`)).body
    expect(await effective(holder)).toEqual({ address: holder, confirmations: 0, balance: 5_99900000 })
    expect(await effective(holder, 1)).toEqual({ address: holder, confirmations: 1, balance: 5_99900000 })
    expect(await effective(lessee, 1)).toEqual({ address: lessee, confirmations: 1, balance: 2_00000000 })
    // the block before the lease counts from 2 confirmations: the lessee had nothing, the holder more
    expect(await effective(lessee, 2)).toEqual({ address: lessee, confirmations: 2, balance: 0 })
    expect(await effective(holder, hLease - h2 + 1)).toEqual({ address: holder, confirmations: hLease - h2 + 1, balance: 5_99900000 })
    // AddressApiRoute.effectiveBalance has no method directive
    expect((await api.post(`/addresses/effectiveBalance/${lessee}`, {})).body).toEqual({ address: lessee, confirmations: 0, balance: 2_00000000 })
    // GeneratingBalanceProvider.balance: the least effective balance of 1,000 blocks, here 0 before the first payment
    expect((await api.get(`/addresses/balance/details/${holder}`)).body).toEqual({
      address: holder,
      regular: 7_99900000,
      generating: 0,
      available: 5_99900000,
      effective: 5_99900000,
    })
  })

  it('gives the balances of many addresses at a height, GET and POST (AddressApiRoute.balances, balancesPost)', async () => {
    const h = await currentHeight()
    const nobody = addressOf(seed('balance history nobody'))
    // duplicates and invalid addresses are left out; up to 4 keep their order (a Scala Set)
    const query = `address=${nobody}&address=${holder}&address=bad&address=${nobody}`
    expect((await api.get(`/addresses/balance?${query}&height=${h1}`)).body).toEqual([
      { id: nobody, balance: 0 },
      { id: holder, balance: 5_00000000 },
    ])
    expect((await api.get(`/addresses/balance?${query}`)).body).toEqual([
      { id: nobody, balance: 0 },
      { id: holder, balance: 7_99900000 },
    ])
    expect((await api.post('/addresses/balance', { addresses: [holder], height: h1 - 1 })).body).toEqual([{ id: holder, balance: 0 }])
    expect((await api.post('/addresses/balance', { addresses: [`address:${holder}`], height: h1 })).body).toEqual([{ id: `address:${holder}`, balance: 5_00000000 }])
    // from 5 distinct strings on, the node's Set is a HashSet, and so is the Set of (address, balance) it maps to
    const five = [nobody, holder, lessee, addressOf(seed('balance history other')), 'bad']
    const rows = (await api.post('/addresses/balance', { addresses: five })).body as { id: string; balance: number }[]
    expect(rows.map((r) => r.id)).toEqual(scalaTupleSetOrder(rows, 5, (r) => [r.id, BigInt(r.balance)]).map((r) => r.id))
    expect(rows.map((r) => r.id).sort()).toEqual(five.slice(0, 4).sort())
    // a query lists them last first (akka's Query.getAll), a JSON body in its order
    expect((await api.get(`/addresses/balance?address=${holder}&address=${lessee}`)).body).toEqual([
      { id: lessee, balance: 0 },
      { id: holder, balance: 7_99900000 },
    ])
    expect((await api.post('/addresses/balance', { addresses: [holder, lessee], height: 'x' })).body).toEqual([
      { id: holder, balance: 7_99900000 },
      { id: lessee, balance: 0 },
    ])
    const refused = async (answer: Promise<{ status: number; body: unknown }>) => {
      const { status, body } = await answer
      return [status, body]
    }
    expect(await refused(api.get(`/addresses/balance?address=${holder}&height=0`))).toEqual([400, { error: 199, message: 'Illegal height: 0' }])
    expect(await refused(api.post('/addresses/balance', { addresses: [holder], height: h + 1 }))).toEqual([400, { error: 199, message: `Illegal height: ${h + 1}` }])
    expect(await refused(api.get(`/addresses/balance?address=${holder}&height=-2000`))).toEqual([
      400,
      { error: 199, message: `Unable to get balance past height ${h - 2000}` },
    ])
    expect(await refused(api.post('/addresses/balance', { addresses: Array(1001).fill(holder) }))).toEqual([400, { error: 10, message: 'Too big sequence requested' }])
    expect(await refused(api.post('/addresses/balance', { height: 1 }))).toEqual([
      400,
      {
        cause: null,
        validationErrors: { obj: [{ msg: ['\'addresses\' is undefined on object: {"height":1}'], args: [] }] },
        error: 1,
        message: 'json data validation error, see validationErrors for details',
      },
    ])
  })

  it('gives asset balances at a height', async () => {
    const issuerSeed = seed('balance history issuer')
    const issuer = addressOf(issuerSeed)
    await pay(issuer, 2_00000000)
    const issue = wt.issue({ name: 'Hist', description: '', quantity: 1000, decimals: 0, reissuable: true, chainId: R }, issuerSeed)
    const issued = await ok(issue)
    await ok(wt.burn({ assetId: issue.id, amount: 400, chainId: R }, issuerSeed))
    const at = async (height: number) => (await api.get(`/addresses/balance?address=${issuer}&asset=${issue.id}&height=${height}`)).body
    expect(await at(issued - 1)).toEqual([{ id: issuer, balance: 0 }])
    expect(await at(issued)).toEqual([{ id: issuer, balance: 1000 }])
    expect(await at(issued + 1)).toEqual([{ id: issuer, balance: 600 }])
    // `asset=` is IssuedAsset of no bytes, which nobody holds
    expect((await api.get(`/addresses/balance?address=${issuer}&asset=`)).body).toEqual([{ id: issuer, balance: 0 }])
    const bad = await api.get(`/addresses/balance?address=${issuer}&asset=0x`)
    expect([bad.status, bad.body]).toEqual([400, { error: 4007, message: 'Invalid asset id' }])
  })
})

describe('path segments (AddrSegment, PublicKeySegment, TransactionId)', () => {
  it('refuses a non-base58 address with the decoder text (199) and other bytes as an invalid address (102)', async () => {
    const bad = await api.get('/addresses/balance/3M0l')
    expect([bad.status, bad.body]).toEqual([400, { error: 199, message: "requirement failed: Wrong char '0' in Base58 string '3M0l'" }])
    const wrongChain = crypto.address(seed('x'), 'T')
    for (const path of [`/addresses/effectiveBalance/${wrongChain}`, `/alias/by-address/${wrongChain}`, `/leasing/active/${wrongChain}`]) {
      const answer = await api.get(path)
      expect([answer.status, answer.body]).toEqual([400, { error: 102, message: 'invalid address' }])
    }
  })

  it('validates an address with or without the address: prefix (Address.fromString)', async () => {
    const rich = addressOf(RICH_SEED)
    expect((await api.get(`/addresses/validate/address:${rich}`)).body).toEqual({ address: `address:${rich}`, valid: true })
    expect((await api.get(`/addresses/validate/${rich}`)).body).toEqual({ address: rich, valid: true })
    expect((await api.get(`/addresses/validate/alias:R:x`)).body).toEqual({ address: 'alias:R:x', valid: false })
  })

  it('gives the address of a public key, and 108 for anything but 32 bytes of base58', async () => {
    const publicKey = crypto.publicKey(seed('public key owner'))
    expect((await api.get(`/addresses/publicKey/${publicKey}`)).body).toEqual({ address: addressOf(seed('public key owner')) })
    for (const key of ['abc', 'O0Il', publicKey + '1']) {
      const answer = await api.get(`/addresses/publicKey/${key}`)
      expect([answer.status, answer.body]).toEqual([400, { error: 108, message: 'invalid public key' }])
    }
  })

  it('refuses a lease id as the TransactionId matcher does (4001 with its text)', async () => {
    const short = await api.get('/leasing/info/abc')
    expect([short.status, short.body]).toEqual([400, { error: 4001, message: 'abc has invalid length 3. Length can either be 32 or 64' }])
    const wrong = await api.get('/leasing/info/0abc')
    expect([wrong.status, wrong.body]).toEqual([400, { error: 4001, message: "requirement failed: Wrong char '0' in Base58 string '0abc'" }])
  })
})

describe('wallet routes of a node without wallet accounts', () => {
  it('lists no addresses and refuses what needs the api key (ApiKeyNotValid)', async () => {
    expect((await api.get('/addresses')).body).toEqual([])
    expect((await api.get('/addresses/seq/0/10')).body).toEqual([])
    const invalid = await api.get('/addresses/seq/5/1')
    expect([invalid.status, invalid.body]).toEqual([400, { error: 199, message: 'Invalid sequence' }])
    const tooMany = await api.get('/addresses/seq/0/1000')
    expect([tooMany.status, tooMany.body]).toEqual([400, { error: 10, message: 'Too big sequence requested: max limit is 1000 entries' }])
    const deleted = await api.request('DELETE', `/addresses/${addressOf(RICH_SEED)}`)
    for (const answer of [await api.post('/addresses', ''), await api.get(`/addresses/seed/${addressOf(RICH_SEED)}`), deleted]) {
      expect([answer.status, answer.body]).toEqual([403, { error: 2, message: 'Provided API key is not correct' }])
    }
  })
})

describe('scripts: /addresses/scriptInfo and its meta', () => {
  const dAppSeed = seed('script meta dapp')
  const accountSeed = seed('script meta account')

  beforeAll(async () => {
    await deploySource(
      api,
      dAppSeed,
      `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func deposit(amount: Int, memo: String, flag: Boolean, data: ByteVector) = []
@Callable(i)
func many(xs: List[Int], s: List[String]) = []
@Callable(i)
func none() = []`,
    )
    await deploySource(api, accountSeed, `{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nsigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)`)
  })

  it('prints the callables with their argument types, the version as a string (AccountScriptMeta, JsonFormats)', async () => {
    const dApp = addressOf(dAppSeed)
    expect((await api.get(`/addresses/scriptInfo/${dApp}/meta`)).body).toEqual({
      address: dApp,
      meta: {
        version: '2',
        callableFuncTypes: {
          deposit: [
            { name: 'amount', type: 'Int' },
            { name: 'memo', type: 'String' },
            { name: 'flag', type: 'Boolean' },
            { name: 'data', type: 'ByteVector' },
          ],
          many: [
            { name: 'xs', type: 'List[Int]' },
            { name: 's', type: 'List[String]' },
          ],
          none: [],
        },
      },
    })
  })

  it('writes callables of a dApp with 5 or more in the order of the Scala HashMap the node keeps them in', async () => {
    const dApp = await deploySource(
      api,
      seed('script meta five callables'),
      `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
@Callable(i)
func deposit() = []
@Callable(i)
func withdraw(a: Int) = []
@Callable(i)
func claim() = []
@Callable(i)
func stake() = []
@Callable(i)
func init() = []`,
    )
    const order = ['claim', 'stake', 'withdraw', 'deposit', 'init']
    expect(Object.keys((await api.get(`/addresses/scriptInfo/${dApp}`)).body.callableComplexities)).toEqual(order)
    expect(Object.keys((await api.get(`/addresses/scriptInfo/${dApp}/meta`)).body.meta.callableFuncTypes)).toEqual(order)
  })

  it('prints only the address without a script, and ScriptParseError for an expression (Global.dAppFuncTypes)', async () => {
    const nobody = addressOf(seed('script meta nobody'))
    expect((await api.get(`/addresses/scriptInfo/${nobody}/meta`)).body).toEqual({ address: nobody })
    const account = await api.get(`/addresses/scriptInfo/${addressOf(accountSeed)}/meta`)
    expect([account.status, account.body]).toEqual([400, { error: 199, message: 'ScriptParseError(Expected DApp)' }])
  })

  it('prints scriptInfo with the printout of an expression script, null for a dApp (ride/script/printout.ts)', async () => {
    const account = addressOf(accountSeed)
    const info = (await api.get(`/addresses/scriptInfo/${account}`)).body
    expect(Object.keys(info)).toEqual(['address', 'script', 'scriptText', 'version', 'complexity', 'verifierComplexity', 'callableComplexities', 'extraFee', 'publicKey'])
    // sigVerify is Native(500); the proof is GETTER then the list getter Native(401)
    expect(info.scriptText).toBe(
      'FUNCTION_CALL(Native(500),List(GETTER(REF(tx),bodyBytes), FUNCTION_CALL(Native(401),List(GETTER(REF(tx),proofs), 0)), GETTER(REF(tx),senderPublicKey)))',
    )
    expect((await api.get(`/addresses/scriptInfo/${addressOf(dAppSeed)}`)).body.scriptText).toBe(null)
  })

  it('prints scriptInfo of an address without a script with every field, null where there is no script', async () => {
    const nobody = addressOf(seed('script meta nobody'))
    const answer = await api.get(`/addresses/scriptInfo/${nobody}`)
    expect(JSON.stringify(answer.body)).toBe(
      JSON.stringify({ address: nobody, script: null, scriptText: null, version: null, complexity: 0, verifierComplexity: 0, callableComplexities: {}, extraFee: 0, publicKey: null }),
    )
  })
})

describe('/addresses/data beyond one key segment (AddressApiRoute.getData)', () => {
  const ownerSeed = seed('data segments owner')
  const owner = addressOf(ownerSeed)

  beforeAll(async () => {
    await pay(owner, 1_00000000)
    await ok(wt.data({ data: [{ key: 'a', type: 'integer', value: 1 }, { key: 'b/c', type: 'string', value: 'x' }], chainId: R }, ownerSeed))
  })

  it('reads an escaped slash as part of the key, and more segments as the whole list', async () => {
    expect((await api.get(`/addresses/data/${owner}/b%2Fc`)).body).toEqual({ key: 'b/c', type: 'string', value: 'x' })
    const all = [
      { key: 'a', type: 'integer', value: 1 },
      { key: 'b/c', type: 'string', value: 'x' },
    ]
    expect((await api.get(`/addresses/data/${owner}/b/c`)).body).toEqual(all)
    expect((await api.get(`/addresses/data/${owner}/x/y?matches=a`)).body).toEqual([all[0]])
    expect((await api.post(`/addresses/data/${owner}/x`, { keys: ['b/c'] })).body).toEqual([all[1]])
  })
})

describe('/alias and /leasing lists', () => {
  const ownerSeed = seed('alias lease owner')
  const owner = addressOf(ownerSeed)
  const lessee = addressOf(seed('alias lease lessee'))

  beforeAll(async () => {
    await pay(owner, 10_00000000)
  })

  it('lists the aliases of an address newest first (aliasesOfAddress reads its transactions back)', async () => {
    await ok(wt.alias({ alias: 'first-one', chainId: R }, ownerSeed))
    await ok(wt.alias({ alias: 'second-one', chainId: R }, ownerSeed))
    expect((await api.get(`/alias/by-address/${owner}`)).body).toEqual(['alias:R:second-one', 'alias:R:first-one'])
  })

  it('lists active leases newest first and refuses ids of no lease (LeaseApiRoute.leasingInfosMap: 116)', async () => {
    const first = wt.lease({ recipient: lessee, amount: 1_00000000, chainId: R }, ownerSeed)
    await ok(first)
    const second = wt.lease({ recipient: lessee, amount: 2_00000000, chainId: R }, ownerSeed)
    await ok(second)
    const active = (await api.get(`/leasing/active/${lessee}`)).body as { id: string }[]
    expect(active.map((l) => l.id)).toEqual([second.id, first.id])

    const ids = [second.id, first.id, second.id]
    expect(((await api.get(`/leasing/info?${ids.map((id) => `id=${id}`).join('&')}`)).body as { id: string }[]).map((l) => l.id)).toEqual(ids)
    const missing = 'C'.repeat(44)
    const refused = await api.post('/leasing/info', { ids: [first.id, missing, 'x0'] })
    expect([refused.status, refused.body]).toEqual([400, { ids: [missing, 'x0'], error: 116, message: `Request contains invalid IDs. ${missing}, x0` }])
    const notArray = await api.post('/leasing/info', { ids: first.id })
    expect([notArray.status, notArray.body.error, notArray.body.validationErrors]).toEqual([400, 1, { obj: [{ msg: ['error.expected.jsarray'], args: [] }] }])
  })
})

describe('a matches pattern that backtracks without end', () => {
  it('is stopped at the time budget and answered as RouteTimeout answers (5031, HTTP 503); others match as before', () => {
    // over a 28-character key this pattern tries for minutes, in java.util.regex as here
    const endless = javaRegex('(a|a){1,16}(a|a){1,16}b')
    let refusal: unknown
    try {
      keysMatching(endless, ['b', 'a'.repeat(28)], 100)
    } catch (e) {
      refusal = e
    }
    expect(refusal).toBeInstanceOf(NodeError)
    expect([(refusal as NodeError).status, (refusal as NodeError).toJSON()]).toEqual([503, { error: 5031, message: 'The server was not able to produce a timely response to request' }])
    expect(keysMatching(javaRegex('a.*'), ['ab', 'b', 'ac'], 100)).toEqual(['ab', 'ac'])
  })
})
