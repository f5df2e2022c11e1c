// dApp-to-dApp invoke (node: WavesEnvironment DAppEnvironment.callScript, InvokeScriptDiff, Functions.callDAppF,
// InvokeScriptResult's JSON writes): payments and actions of a called dApp are visible to its caller, results come
// back, the reentrancy rule, nested stateChanges.invokes, the outer transaction's fee and id inside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const CALLER = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func call(b: String) = {
  strict r = invoke(addressFromStringValue(b), "deposit", [5], [AttachedPayment(unit, 100000000)])
  let seen = getIntegerValue(addressFromStringValue(b), "n")
  let returned = match r {
    case x: Int => x
    case _ => -1
  }
  ([IntegerEntry("returned", returned), IntegerEntry("seen", seen)], unit)
}

@Callable(i)
func loop(b: String) = {
  strict r = invoke(addressFromStringValue(b), "back", [toString(this)], [])
  ([], unit)
}

@Callable(i)
func loopReentrant(b: String) = {
  strict r = reentrantInvoke(addressFromStringValue(b), "back", [toString(this)], [])
  ([], unit)
}

@Callable(i)
func manyBoth(b: String) = {
  strict r = invoke(addressFromStringValue(b), "many", [60], [])
  func entry(acc: List[IntegerEntry], k: Int) = acc :+ IntegerEntry("a" + toString(k), k)
  (FOLD<41>([${Array.from({ length: 41 }, (_, i) => i).join(', ')}], [], entry), unit)
}

@Callable(i)
func ping() = ([IntegerEntry("pinged", 1)], 7)

@Callable(i)
func heavyThenThrow(b: String) = {
  strict r = invoke(addressFromStringValue(b), "heavy", [], [])
  throw("after heavy")
}

@Callable(i)
func old(b: String) = {
  strict r = invoke(addressFromStringValue(b), "any", [], [])
  ([], unit)
}
`

const CALLEE = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func deposit(n: Int) = ([
  IntegerEntry("n", n),
  IntegerEntry("fee", i.fee),
  StringEntry("txId", toBase58String(i.transactionId)),
  StringEntry("caller", toString(i.caller)),
  StringEntry("origin", toString(i.originCaller)),
  IntegerEntry("paid", i.payments[0].amount),
  ScriptTransfer(i.caller, 1000, unit)
], n * 2)

@Callable(i)
func heavy() = {
  func step(acc: ByteVector, i: Int) = sha256_16Kb(sha256_16Kb(sha256_16Kb(sha256_16Kb(acc))))
  strict h = FOLD<25>([${Array.from({ length: 25 }, (_, i) => i).join(', ')}], base58'abc', step)
  ([IntegerEntry("heavy", size(h))], unit)
}

@Callable(i)
func many(n: Int) = {
  func entry(acc: List[IntegerEntry], k: Int) = if (k < n) then acc :+ IntegerEntry("b" + toString(k), k) else acc
  (FOLD<60>([${Array.from({ length: 60 }, (_, i) => i).join(', ')}], [], entry), unit)
}

@Callable(i)
func selfPay() = {
  strict r = invoke(this, "rec", [0], [AttachedPayment(unit, 1)])
  ([], unit)
}

@Callable(i)
func rec(n: Int) = if (n == 0) then ([], 0) else {
  strict r = invoke(this, "rec", [n - 1], [])
  ([], n)
}

@Callable(i)
func back(a: String) = {
  strict r = invoke(addressFromStringValue(a), "ping", [], [])
  ([], r)
}
`

const OLD = `{-# STDLIB_VERSION 4 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func any() = []
`

const EMPTY = { data: [], transfers: [], issues: [], reissues: [], burns: [], sponsorFees: [], leases: [], leaseCancels: [], invokes: [] }

let node: Devnode
let api: ReturnType<typeof client>
const userSeed = seed('invoke user')
const user = addressOf(userSeed)
const a = addressOf(seed('invoke caller dapp'))
const b = addressOf(seed('invoke callee dapp'))
const old = addressOf(seed('invoke v4 dapp'))
const invoke = (fn: string, arg: string) => wt.invokeScript({ dApp: a, call: { function: fn, args: [{ type: 'string', value: arg }] }, chainId: 'R' }, userSeed)

// deploySource pays for scripts of 1 KB; these are larger
async function deploy(dAppSeed: string, source: string) {
  await api.broadcast(wt.transfer({ recipient: addressOf(dAppSeed), amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  const compiled = (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body
  const set = await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R', fee: 1_000_000 }, dAppSeed))
  if (set.status !== 200) throw new Error(JSON.stringify(set.body))
}

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await deploy(seed('invoke caller dapp'), CALLER)
  await deploy(seed('invoke callee dapp'), CALLEE)
  await deploy(seed('invoke v4 dapp'), OLD)
  await api.broadcast(wt.transfer({ recipient: user, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
})

afterAll(() => node.close())

describe('invoke', () => {
  it('pays the callee, sees its entries and its result, and prints the call in stateChanges.invokes', async () => {
    const aBefore = (await api.get(`/addresses/balance/${a}`)).body.balance as number
    const bBefore = (await api.get(`/addresses/balance/${b}`)).body.balance as number
    const tx = invoke('call', b)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('succeeded')
    expect(info.stateChanges).toEqual({
      ...EMPTY,
      data: [
        { key: 'returned', type: 'integer', value: 10 },
        { key: 'seen', type: 'integer', value: 5 },
      ],
      invokes: [
        {
          dApp: b,
          call: { function: 'deposit', args: [{ type: 'Int', value: 5 }] },
          payment: [{ assetId: null, amount: 100000000 }],
          stateChanges: {
            ...EMPTY,
            data: [
              { key: 'n', type: 'integer', value: 5 },
              { key: 'fee', type: 'integer', value: 500000 },
              { key: 'txId', type: 'string', value: tx.id },
              { key: 'caller', type: 'string', value: a },
              { key: 'origin', type: 'string', value: user },
              { key: 'paid', type: 'integer', value: 100000000 },
            ],
            transfers: [{ address: a, asset: null, amount: 1000 }],
          },
        },
      ],
    })
    expect((await api.get(`/addresses/balance/${a}`)).body.balance).toBe(aBefore - 100000000 + 1000)
    expect((await api.get(`/addresses/balance/${b}`)).body.balance).toBe(bBefore + 100000000 - 1000)
    const [listed] = (await api.get(`/transactions/address/${b}/limit/1`)).body as Record<string, unknown>[][]
    expect(listed![0]).toMatchObject({ id: tx.id })
  })

  it('refuses a call back into a dApp with another dApp between them', async () => {
    const tx = invoke('loop', b)
    const answer = await api.broadcast(tx)
    expect(answer.body).toMatchObject({
      error: 306,
      message: `Error while executing dApp: GenericError(The invocation stack contains multiple invocations of the dApp at address ${a} with invocations of another dApp between them)`,
    })
    expect((await api.get(`/addresses/data/${a}/pinged`)).status).toBe(404)
  })

  it('lets the callee of reentrantInvoke call back', async () => {
    const tx = invoke('loopReentrant', b)
    expect((await api.broadcast(tx)).status).toBe(200)
    expect((await api.get(`/addresses/data/${a}/pinged`)).body).toEqual({ key: 'pinged', type: 'integer', value: 1 })
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.stateChanges.invokes).toEqual([
      {
        dApp: b,
        call: { function: 'back', args: [{ type: 'String', value: a }] },
        payment: [],
        stateChanges: {
          ...EMPTY,
          invokes: [{ dApp: a, call: { function: 'ping', args: [] }, payment: [], stateChanges: { ...EMPTY, data: [{ key: 'pinged', type: 'integer', value: 1 }] } }],
        },
      },
    ])
  })

  it("counts the callee's complexity: a caller failing after a heavy call is stored as failed, with the call", async () => {
    const tx = invoke('heavyThenThrow', b)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    expect(info.stateChanges).toEqual({
      ...EMPTY,
      invokes: [{ dApp: b, call: { function: 'heavy', args: [] }, payment: [], stateChanges: EMPTY }],
      error: { code: 1, text: 'after heavy' },
    })
    expect((await api.get(`/addresses/data/${b}/heavy`)).status).toBe(404)
  })

  it('allows 100 calls in one transaction; the 101st fails it with the node text', async () => {
    const rec = (n: number) => wt.invokeScript({ dApp: b, call: { function: 'rec', args: [{ type: 'integer', value: n }] }, chainId: 'R' }, userSeed)
    const hundred = rec(100)
    expect((await api.broadcast(hundred)).status).toBe(200)
    expect((await api.get(`/transactions/info/${hundred.id}`)).body.applicationStatus).toBe('succeeded')
    const more = rec(101)
    expect((await api.broadcast(more)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${more.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    expect(info.stateChanges.error).toEqual({ code: 1, text: 'ScriptRunsLimitError(DApp calls limit = 100 is exceeded)' })
  })

  it('counts data entries over all calls: 60 in the callee and 41 in the caller are one too many', async () => {
    const tx = invoke('manyBoth', b)
    // past 1,000 complexity: stored as failed
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    expect(info.stateChanges.error).toEqual({ code: 1, text: 'Stored data count limit is exceeded' })
    expect((await api.get(`/addresses/data/${b}/b0`)).status).toBe(404)
  })

  it('refuses a dApp paying itself through invoke', async () => {
    const tx = wt.invokeScript({ dApp: b, call: { function: 'selfPay', args: [] }, chainId: 'R' }, userSeed)
    expect((await api.broadcast(tx)).body).toMatchObject({ error: 306, message: 'Error while executing dApp: DApp self-payment is forbidden since V4' })
  })

  it('refuses a callee of RIDE V4', async () => {
    const answer = await api.broadcast(invoke('old', old))
    expect(answer.body).toMatchObject({
      error: 306,
      message: `Error while executing dApp: GenericError(DApp ${a} invoked DApp ${old} that uses RIDE V4, but dApp-to-dApp invocation requires version 5 or higher)`,
    })
  })

  it('refuses an address without a script, and the sender before that: it is on the stack', async () => {
    const nobody = addressOf(seed('invoke nobody'))
    const answer = await api.broadcast(invoke('old', nobody))
    expect(answer.body).toMatchObject({ error: 306, message: `Error while executing dApp: GenericError(No contract at address ${nobody})` })
    const back = await api.broadcast(invoke('old', user))
    expect(back.body).toMatchObject({
      error: 306,
      message: `Error while executing dApp: GenericError(The invocation stack contains multiple invocations of the dApp at address ${user} with invocations of another dApp between them)`,
    })
  })
})
