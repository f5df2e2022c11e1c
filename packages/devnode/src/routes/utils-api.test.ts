// /utils as the node's UtilsApiRoute answers: evaluate (UtilsEvaluator, UtilsEvaluationRequest), the compile routes,
// decompile, estimate, hashes and seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, crypto, deploySource, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'
import { secureHash } from '../ride/script/index.ts'

const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
let greeting = "hello"
func double(n: Int) = n * 2
func counter() = getInteger(this, "counter").valueOrElse(0)
@Callable(i)
func set(n: Int) = ([IntegerEntry("counter", n)], double(n))
@Callable(i)
func paid() = ([ScriptTransfer(i.caller, 1, unit)], i.payments[0].amount)
@Callable(i)
func fails() = throw("no way")
@Callable(i)
func lend(amount: Int) = [Lease(i.caller, amount, 7)]
@Callable(i)
func whoami() = ([], i)
@Callable(i)
func mint() = [Issue("Token", "", 1000, 2, true)]`

let node: Devnode
let api: ReturnType<typeof client>
let dApp: string
const dAppSeed = seed('utils evaluate dApp')
const plain = addressOf(seed('utils plain account'))
const evaluate = (body: unknown, query = '') => api.post(`/utils/script/evaluate/${dApp}${query}`, body)

/** stateChanges of an evaluation that changes nothing (InvokeScriptResult.empty) */
const noChanges = { data: [], transfers: [], issues: [], reissues: [], burns: [], sponsorFees: [], leases: [], leaseCancels: [], invokes: [] }

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = await deploySource(api, dAppSeed, DAPP)
})

afterAll(() => node.close())

describe('POST /utils/script/evaluate/{address}', () => {
  it('runs an expression inside the dApp declarations; the answer is the result, then the request, then the address', async () => {
    // UtilsApiRoute.evaluate: apiResult ++ request ++ {"address"}; ScriptValuesJson.serializeValue for the result
    const answer = await evaluate({ expr: 'double(21)' })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ result: { type: 'Int', value: 42 }, complexity: 1, stateChanges: noChanges, expr: 'double(21)', address: dApp })
    expect(Object.keys(answer.body)).toEqual(['result', 'complexity', 'stateChanges', 'expr', 'address'])
    expect((await evaluate({ expr: 'greeting' })).body.result).toEqual({ type: 'String', value: 'hello' })
  })

  it('types the dApp names as the node compiles them: functions return Any, values are Nothing', async () => {
    // CompilerContext with arbitraryDeclarations: resolveFunction gives (Any...) => Any, resolveVar gives Nothing
    const answer = await evaluate({ expr: 'double(21) + 1' })
    expect(answer.body).toEqual({ error: 199, message: "Compilation failed: [Can't find a function overload '+'(Any, Int) in 0-14]", expr: 'double(21) + 1', address: dApp })
    expect((await evaluate({ expr: 'match double(21) { case n: Int => n + 1 case _ => 0 }' })).body.result).toEqual({ type: 'Int', value: 43 })
  })

  it('prints tuples, lists and entries as typed JSON, and the actions an expression returns as stateChanges', async () => {
    // a callable is a function of the synthetic call (ContractEvaluator.buildSyntheticCall); ScriptResult.fromObj reads
    // the tuple as actions and InvokeDiffsCommon.processActions prints them
    const answer = await evaluate({ expr: 'set(5)' })
    expect(answer.body).toEqual({
      result: {
        type: 'Tuple',
        value: {
          _1: { type: 'Array', value: [{ type: 'IntegerEntry', value: { key: { type: 'String', value: 'counter' }, value: { type: 'Int', value: 5 } } }] },
          _2: { type: 'Int', value: 10 },
        },
      },
      complexity: answer.body.complexity,
      stateChanges: { ...noChanges, data: [{ key: 'counter', type: 'integer', value: 5 }] },
      expr: 'set(5)',
      address: dApp,
    })
    // nothing is written
    expect((await api.get(`/addresses/data/${dApp}/counter`)).status).toBe(404)
  })

  it('writes the fields of a case object of more than four fields in the order of a Scala HashMap', async () => {
    // the Invocation of a V6 callable as the node's UtilsRouteEvaluateSpec traces it: originCaller, payments,
    // callerPublicKey, feeAssetId, originCallerPublicKey, transactionId, caller, fee
    const answer = await evaluate({ call: { function: 'whoami' } })
    expect(Object.keys(answer.body.result.value._2.value)).toEqual(['originCaller', 'payments', 'callerPublicKey', 'feeAssetId', 'originCallerPublicKey', 'transactionId', 'caller', 'fee'])
    // four fields or fewer keep their order: ScriptTransfer(recipient, amount, asset)
    const transfer = await evaluate({ expr: 'ScriptTransfer(this, 1, unit)' })
    expect(Object.keys(transfer.body.result.value)).toEqual(['recipient', 'amount', 'asset'])
  })

  it('prints unit, strings, bytes and booleans as the node does', async () => {
    const answer = await evaluate({ expr: `(unit, "a", base58'3yZe7d', true)` })
    expect(answer.body.result).toEqual({
      type: 'Tuple',
      value: { _1: { type: 'Unit', value: {} }, _2: { type: 'String', value: 'a' }, _3: { type: 'ByteVector', value: '3yZe7d' }, _4: { type: 'Boolean', value: true } },
    })
  })

  it('calls a callable as an invoke would, with the default caller and fee, and echoes the call', async () => {
    // UtilsInvocationRequest: call, id, fee, feeAssetId, sender, senderPublicKey, payment, state; defaults
    const call = { function: 'set', args: [{ type: 'integer', value: 7 }] }
    const answer = await evaluate({ call })
    expect(answer.body).toEqual({
      result: {
        type: 'Tuple',
        value: {
          _1: { type: 'Array', value: [{ type: 'IntegerEntry', value: { key: { type: 'String', value: 'counter' }, value: { type: 'Int', value: 7 } } }] },
          _2: { type: 'Int', value: 14 },
        },
      },
      complexity: answer.body.complexity,
      stateChanges: { ...noChanges, data: [{ key: 'counter', type: 'integer', value: 7 }] },
      call,
      address: dApp,
    })
  })

  it('takes payments from the default caller (credited with WAVES) and sends transfers to it', async () => {
    // UtilsEvaluator.addWavesToDefaultInvoker; the default caller is the address of 32 zero bytes' public key
    const defaultCaller = crypto.address({ publicKey: crypto.base58Encode(new Uint8Array(32)) }, 'R')
    const answer = await evaluate({ call: { function: 'paid' }, payment: [{ amount: 300, assetId: null }] })
    expect(answer.body.result).toEqual({
      type: 'Tuple',
      value: {
        _1: {
          type: 'Array',
          value: [
            {
              type: 'ScriptTransfer',
              value: { recipient: { type: 'Address', value: { bytes: { type: 'ByteVector', value: defaultCaller } } }, amount: { type: 'Int', value: 1 }, asset: { type: 'Unit', value: {} } },
            },
          ],
        },
        _2: { type: 'Int', value: 300 },
      },
    })
    expect(answer.body.stateChanges).toEqual({ ...noChanges, transfers: [{ address: defaultCaller, asset: null, amount: 1 }] })
  })

  it('refuses what a callable refuses before running, with the node text, answering 200', async () => {
    // ContractEvaluator.buildExprFromInvocation -> GenericError -> CustomValidationError (199)
    const answer = await evaluate({ call: { function: 'nope' } })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ error: 199, message: "@Callable function 'nope' doesn't exist in the script", call: { function: 'nope' }, address: dApp })
    const args = await evaluate({ call: { function: 'set' } })
    expect(args.body).toEqual({ error: 199, message: "function 'set takes 1 args but 0 were(was) given", call: { function: 'set' }, address: dApp })
  })

  it('answers a failing script with InvokeRejectError (306) and its evaluation log', async () => {
    // UtilsEvaluator.validationErrorToJson: InvokeRejectError -> ScriptExecutionError.Id with toStringWithLog
    // (ErrorWithLogPrinter): the callable's arguments, then throw's, its cost and the complexity left of 52,000
    const answer = await evaluate({ call: { function: 'fails' } })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      error: 306,
      message: 'InvokeRejectError(error = no way, log = \n\tfails.@args = []\n\tthrow.@args = [\n\t\t"no way"\n\t]\n\tthrow.@complexity = 1\n\t@complexityLimit = 51999\n)',
      call: { function: 'fails' },
      address: dApp,
    })
    // a trace adds nothing to an error
    expect((await evaluate({ call: { function: 'fails' } }, '?trace=true')).body).toEqual(answer.body)
  })

  it('starts the answer with the evaluation log as `vars` under ?trace=true, and only then', async () => {
    // UtilsApiRoute: parameter("trace".as[Boolean] ? false); UtilsEvaluator.evaluate: TraceStep.logJson(log) ++ result
    const traced = await evaluate({ expr: 'double(21)' }, '?trace=true')
    expect(traced.body).toEqual({
      vars: [
        { name: 'double.@args', type: 'Array', value: [{ type: 'Int', value: 21 }] },
        { name: 'n', type: 'Int', value: 21 },
        { name: '*.@args', type: 'Array', value: [{ type: 'Int', value: 21 }, { type: 'Int', value: 2 }] },
        { name: '*.@complexity', type: 'Int', value: 1 },
        { name: '@complexityLimit', type: 'Int', value: 51999 },
      ],
      result: { type: 'Int', value: 42 },
      complexity: 1,
      stateChanges: noChanges,
      expr: 'double(21)',
      address: dApp,
    })
    expect(Object.keys(traced.body)[0]).toBe('vars')
    expect(Object.keys((await evaluate({ expr: 'double(21)' }, '?trace=false')).body)).toEqual(['result', 'complexity', 'stateChanges', 'expr', 'address'])
  })

  it('refuses a body that is both an expression and a call (198), and a body neither reading accepts (1)', async () => {
    // UtilsEvaluationRequest.parse; ApiError.ConflictingRequestStructure
    const both = await evaluate({ expr: '1', call: { function: 'set' } })
    expect(both.body).toEqual({
      error: 198,
      message: 'Conflicting request structure. Both expression and invocation structure were sent',
      expr: '1',
      call: { function: 'set' },
      address: dApp,
    })
    // an expression with any other field than `state` is refused the same way
    expect((await evaluate({ expr: '1', fee: 1 })).body.error).toBe(198)
    // FunctionCallPart's reads: JsError texts under obj.call; WrongJson's JSON
    const noName = await evaluate({ call: { args: [] } })
    expect(noName.body).toEqual({
      error: 1,
      message: 'failed to parse json message',
      cause: null,
      validationErrors: { 'obj.call': [{ msg: ['Undefined call function name'], args: [] }] },
      call: { args: [] },
      address: dApp,
    })
    const badFee = await evaluate({ call: { function: 'set' }, fee: 'x' })
    expect(badFee.body.validationErrors).toEqual({ 'obj.fee': [{ msg: ['error.expected.jsnumber'], args: [] }] })
  })

  it('refuses an address without a dApp (199) and an invalid address (102) with HTTP 400', async () => {
    // UtilsApiRoute.ScriptedAddress; AddrSegment -> InvalidAddress
    const noDApp = await api.post(`/utils/script/evaluate/${plain}`, { expr: '1' })
    expect(noDApp.status).toBe(400)
    expect(noDApp.body).toEqual({ error: 199, message: `Address ${plain} is not dApp` })
    const invalid = await api.post('/utils/script/evaluate/3MzZz', { expr: '1' })
    expect(invalid.status).toBe(400)
    expect(invalid.body).toEqual({ error: 102, message: 'invalid address' })
  })

  it('applies balance overrides of `state` for the evaluation only', async () => {
    // UtilsEvaluationRequest.mkBlockchain: BlockchainOverrides.accounts.regularBalance
    const expr = `wavesBalance(Address(base58'${plain}')).regular`
    const answer = await evaluate({ expr, state: { accounts: { [plain]: { regularBalance: 123 } } } })
    expect(answer.body.result).toEqual({ type: 'Int', value: 123 })
    expect((await evaluate({ expr })).body.result).toEqual({ type: 'Int', value: 0 })
  })

  it('writes Int values as strings under large-significand-format=string', async () => {
    // ScriptValuesJson.serializeValue(intAsString)
    const answer = await api.post(`/utils/script/evaluate/${dApp}`, { expr: '9223372036854775807' }, { 'content-type': 'application/json', accept: 'application/json;large-significand-format=string' })
    expect(answer.body.result).toEqual({ type: 'Int', value: '9223372036854775807' })
  })
})

describe('POST /utils/script/evaluate/{address} leaves the chain as it was', () => {
  it('after expressions, calls from accounts the chain never saw, balance overrides, issues, leases and failures', async () => {
    const before = structuredClone(node.chain.state)
    const stranger = addressOf(seed('utils evaluate stranger'))
    for (const body of [
      { expr: 'set(5)' },
      { call: { function: 'paid' }, payment: [{ amount: 5, assetId: null }], sender: stranger },
      { call: { function: 'set', args: [{ type: 'integer', value: 1 }] }, state: { accounts: { [stranger]: { regularBalance: 10_00000000 } } } },
      { call: { function: 'mint' }, fee: 1_00500000 },
      { call: { function: 'lend', args: [{ type: 'integer', value: 1 }] } },
      { call: { function: 'fails' } },
    ]) {
      expect((await evaluate(body)).status).toBe(200)
    }
    // no key, not even an empty map or a zero balance, was left behind
    expect(node.chain.state).toEqual(before)
    // the asset routes walk the dApp's balances (an evaluated Issue left one of an asset no one issued: 500)
    expect(await api.get(`/assets/nft/${dApp}/limit/10`)).toMatchObject({ status: 200, body: [] })
  })
})

describe('POST /utils/script/evaluate/{address}: the cases of the node\'s UtilsRouteEvaluateSpec', () => {
  // the node's own route test ("simple expression"): a V5 dApp, expressions and their results. Its complexities (5 and
  // 92) are of a chain before RideV6, where every reference and getter costs 1 (EvaluatorV2 overheadCost); with
  // RideV6, as here, they are free
  const V5_DAPP = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
let letFromContract = 1000
func test(i: Int) = i * 10
func testB() = true
func testBS() = base58'MATCHER'
func testS() = "Test"
func testF() = throw("Test")
func testThis() = this
func testListArg(list: List[String|ByteVector|Int], str: String, bytes: ByteVector) = list.containsElement(str)
@Callable(i)
func testCallable() = [BinaryEntry("test", i.caller.bytes)]
@Callable(i)
func testWriteEntryType(b: ByteVector) = [ BinaryEntry("bytes", b) ]
@Callable(i)
func testThrow() = throw("nested no")
@Callable(i)
func testNestedFail() = {
  strict r = invoke(this, "testThrow", [], [])
  []
}
@Callable(i)
func testSyncInvoke() = {
  strict r = invoke(this, "testCallable", [], [])
  [BinaryEntry("testSyncInvoke", i.caller.bytes)]
}`
  let v5: string
  const evalV5 = async (expr: string) => (await api.post(`/utils/script/evaluate/${v5}`, { expr })).body
  const defaultCaller = () => crypto.address({ publicKey: crypto.base58Encode(new Uint8Array(32)) }, 'R')
  const binary = (address: string) => `base64:${Buffer.from(crypto.base58Decode(address)).toString('base64')}`

  beforeAll(async () => {
    v5 = await deploySource(api, seed('utils evaluate V5 dApp'), V5_DAPP)
  })

  it('evaluates the values of the spec', async () => {
    expect((await evalV5('testListArg(["test", 111, base64\'dGVzdA==\', false], "test", base58\'aaa\')')).result).toEqual({ type: 'Boolean', value: true })
    expect((await evalV5('testThis()')).result).toEqual({ type: 'Address', value: { bytes: { type: 'ByteVector', value: v5 } } })
    expect((await evalV5('test(123)')).result).toEqual({ type: 'Int', value: 1230 })
    expect((await evalV5('testS()')).result).toEqual({ type: 'String', value: 'Test' })
    expect((await evalV5('testB()')).result).toEqual({ type: 'Boolean', value: true })
    expect((await evalV5('testBS()')).result).toEqual({ type: 'ByteVector', value: 'MATCHER' })
    expect((await evalV5('match test(123) {\n  case i: Int => i * 123\n  case _ => throw("")\n}')).result).toEqual({ type: 'Int', value: 151290 })
    expect((await evalV5('letFromContract - 1')).result).toEqual({ type: 'Int', value: 999 })
  })

  it('runs a callable as a function with the default caller: complexity 2, its entry in stateChanges', async () => {
    // BinaryEntry 1 + the list constructor 1
    const body = await evalV5('testCallable()')
    expect(body).toEqual({
      result: {
        type: 'Array',
        value: [{ type: 'BinaryEntry', value: { key: { type: 'String', value: 'test' }, value: { type: 'ByteVector', value: defaultCaller() } } }],
      },
      complexity: 2,
      stateChanges: { ...noChanges, data: [{ key: 'test', type: 'binary', value: binary(defaultCaller()) }] },
      expr: 'testCallable()',
      address: v5,
    })
  })

  it('runs a dApp-to-dApp call: complexity 80, the inner call under invokes with the dApp as its caller', async () => {
    // invoke 75 + the strict check's == 1 + the inner call's 2 + its own entry 2
    const body = await evalV5(' testSyncInvoke() ')
    expect(body.complexity).toBe(80)
    expect(body.stateChanges).toEqual({
      ...noChanges,
      data: [{ key: 'testSyncInvoke', type: 'binary', value: binary(defaultCaller()) }],
      invokes: [
        {
          dApp: v5,
          call: { function: 'testCallable', args: [] },
          payment: [],
          stateChanges: { ...noChanges, data: [{ key: 'test', type: 'binary', value: binary(v5) }] },
        },
      ],
    })
  })

  it('compiles a name the dApp does not declare and fails where it runs; a throw is InvokeRejectError, with the log', async () => {
    expect(await evalV5('testNone()')).toEqual({
      error: 306,
      message: "InvokeRejectError(error = Function or type 'testNone' not found, log = \n\ttestNone.@args = []\n)",
      expr: 'testNone()',
      address: v5,
    })
    // the spec's text with its limit of 26,000 ends `@complexityLimit = 25999`; the default limit is 52,000
    expect((await evalV5('testF()')).message).toBe(
      'InvokeRejectError(error = Test, log = \n\ttestF.@args = []\n\tthrow.@args = [\n\t\t"Test"\n\t]\n\tthrow.@complexity = 1\n\t@complexityLimit = 51999\n)',
    )
  })

  it('prints a failed dApp-to-dApp call under the let that made it, with the callee\'s own log (the spec\'s testSyncCallComplexityExcess form)', async () => {
    // WavesEnvironment.callScript: CommonError("Nested invoke error", FailedTransactionError(code 1, error, log));
    // ErrorWithLogPrinter nests the callee's log one tab deeper and closes it; the callee's log opens with
    // @invokedDApp, @invokedFuncName and its Invocation (EvaluatorV2.logCall); the callee gets 52,000 - 75
    const address = `Address(\n\t\t\tbytes = base58'${v5}'\n\t\t)`
    const dAppKey = crypto.publicKey(seed('utils evaluate V5 dApp'))
    expect((await evalV5(' testNestedFail() ')).message).toBe(
      'InvokeRejectError(error = FailedTransactionError(code = 1, error = nested no), log = ' +
        '\n\ttestNestedFail.@args = []' +
        `\n\tinvoke.@args = [\n\t\t${address},\n\t\t"testThrow",\n\t\t[],\n\t\t[]\n\t]` +
        '\n\tinvoke.@complexity = 75\n\t@complexityLimit = 51925' +
        '\n\tr = FailedTransactionError(code = 1, error = nested no, log = ' +
        `\n\t\t@invokedDApp = ${address}` +
        '\n\t\t@invokedFuncName = "testThrow"' +
        `\n\t\ti = Invocation(\n\t\t\toriginCaller = Address(\n\t\t\t\tbytes = base58'${defaultCaller()}'\n\t\t\t)` +
        `\n\t\t\tpayments = []\n\t\t\tcallerPublicKey = base58'${dAppKey}'\n\t\t\tfeeAssetId = Unit` +
        "\n\t\t\toriginCallerPublicKey = base58'11111111111111111111111111111111'\n\t\t\ttransactionId = base58''" +
        `\n\t\t\tcaller = Address(\n\t\t\t\tbytes = base58'${v5}'\n\t\t\t)\n\t\t\tfee = 2000000\n\t\t)` +
        '\n\t\ttestThrow.@args = []' +
        '\n\t\tthrow.@args = [\n\t\t\t"nested no"\n\t\t]\n\t\tthrow.@complexity = 1\n\t\t@complexityLimit = 51924' +
        '\n\t)\n)',
    )
  })

  it('traces a dApp-to-dApp call by what it cost and what it left, not by the callee\'s own log', async () => {
    // DiffToLogConverter after a call that succeeded: <function>.@complexity (what the caller is charged) and the
    // complexity left; a trace leaves out its <function>.@stateChanges
    const answer = await api.post(`/utils/script/evaluate/${v5}?trace=true`, { expr: ' testSyncInvoke() ' })
    expect(answer.body.complexity).toBe(80)
    const int = (value: number) => ({ type: 'Int', value })
    expect(answer.body.vars.slice(0, 10)).toEqual([
      { name: 'testSyncInvoke.@args', type: 'Array', value: [] },
      {
        name: 'invoke.@args',
        type: 'Array',
        value: [
          { type: 'Address', value: { bytes: { type: 'ByteVector', value: v5 } } },
          { type: 'String', value: 'testCallable' },
          { type: 'Array', value: [] },
          { type: 'Array', value: [] },
        ],
      },
      { name: 'invoke.@complexity', ...int(75) },
      { name: '@complexityLimit', ...int(51925) },
      { name: 'testCallable.@complexity', ...int(2) },
      { name: '@complexityLimit', ...int(51923) },
      { name: 'r', type: 'Unit', value: {} },
      { name: '==.@args', type: 'Array', value: [{ type: 'Unit', value: {} }, { type: 'Unit', value: {} }] },
      { name: '==.@complexity', ...int(1) },
      { name: '@complexityLimit', ...int(51922) },
    ])
  })

  it('checks constructor argument types, the arguments printed as the node prints them, the log up to the constructor', async () => {
    // the spec's text, whole
    expect(await evalV5(' testWriteEntryType("abc") ')).toEqual({
      error: 306,
      message:
        'InvokeRejectError(error = Passed args (bytes, abc) are unsuitable for constructor BinaryEntry(String, ByteVector), log = \n\ttestWriteEntryType.@args = [\n\t\t"abc"\n\t]\n\tb = "abc"\n\tBinaryEntry.@args = [\n\t\t"bytes",\n\t\t"abc"\n\t]\n)',
      expr: ' testWriteEntryType("abc") ',
      address: v5,
    })
  })
})

describe('POST /utils/script/evaluate/{address}?trace=true: the node\'s UtilsRouteEvaluateSpec "invocation" trace', () => {
  // the spec's dApp and request (RideV6): a callable that checks every field of its Invocation, called with a fee in a
  // sponsored asset and a payment; its expectedTrace, with this chain's addresses
  const dAppSeed = seed('utils trace dApp')
  const callerSeed = seed('utils trace caller')
  const caller = addressOf(callerSeed)
  const callerPk = crypto.publicKey(callerSeed)
  const id = '3My3KZgFQ3CrVHgz6vGRt8687sH4oAA1qp8'
  let traced: string
  let asset: string

  beforeAll(async () => {
    const issue = wt.issue({ name: 'Fee asset', description: '', quantity: 100_000_000, decimals: 0, reissuable: true, chainId: 'R' }, RICH_SEED)
    asset = issue.id
    for (const tx of [
      issue,
      wt.sponsorship({ assetId: asset, minSponsoredAssetFee: 1, chainId: 'R' }, RICH_SEED),
      wt.transfer({ recipient: caller, amount: 12_345_678, assetId: asset, chainId: 'R' }, RICH_SEED),
      wt.transfer({ recipient: caller, amount: 1_00000000, chainId: 'R' }, RICH_SEED),
    ]) {
      expect((await api.broadcast(tx)).status).toBe(200)
    }
    const dAppAddress = addressOf(dAppSeed)
    traced = await deploySource(
      api,
      dAppSeed,
      `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func f(arg1: Int, arg2: String) = {
  let check =
    this                    == Address(base58'${dAppAddress}')            &&
    i.caller                == Address(base58'${caller}')                    &&
    i.originCaller          == Address(base58'${caller}')                    &&
    i.callerPublicKey       == base58'${callerPk}'                           &&
    i.originCallerPublicKey == base58'${callerPk}'                           &&
    i.fee                   == 1234567                                     &&
    i.payments              == [AttachedPayment(unit, 1)]                  &&
    i.transactionId         == base58'${id}' &&
    i.feeAssetId            == base58'${asset}'                              &&
    arg1 == 123 && arg2 == "abc"
  if (check) then [] else throw("wrong " + i.caller.toString() + " " + Address(base58'${caller}').toString())
}`,
    )
  })

  const int = (value: number) => ({ type: 'Int', value })
  const bytes = (value: string) => ({ type: 'ByteVector', value })
  const address = (a: string) => ({ type: 'Address', value: { bytes: bytes(a) } })
  const list = (...value: unknown[]) => ({ type: 'Array', value })
  const unit = { type: 'Unit', value: {} }
  /** a built-in of cost 1 before it runs: its arguments, its cost, the complexity left (EvaluatorV2.logFunc) */
  const costed = (name: string, args: unknown[], left: number) => [
    { name: `${name}.@args`, ...list(...args) },
    { name: `${name}.@complexity`, ...int(1) },
    { name: '@complexityLimit', ...int(left) },
  ]
  /** a constructor: its arguments, then the 1 it costs in newMode */
  const constructed = costed
  const request = () => ({
    call: { function: 'f', args: [{ type: 'integer', value: 123 }, { type: 'string', value: 'abc' }] },
    id,
    fee: 1234567,
    feeAssetId: asset,
    sender: caller,
    senderPublicKey: callerPk,
    payment: [{ amount: 1, assetId: null }],
  })

  it('answers the vars of the spec\'s expectedTrace, in its order', async () => {
    const answer = await api.post(`/utils/script/evaluate/${traced}?trace=true`, request())
    expect(answer.body.complexity).toBe(16)
    expect(answer.body.result).toEqual({ type: 'Array', value: [] })
    const payment = { type: 'AttachedPayment', value: { amount: int(1), assetId: unit } }
    expect(answer.body.vars).toEqual([
      { name: 'f.@args', ...list(int(123), { type: 'String', value: 'abc' }) },
      ...constructed('Address', [bytes(traced)], 51999),
      ...costed('==', [address(traced), address(traced)], 51998),
      {
        name: 'i',
        type: 'Invocation',
        value: {
          originCaller: address(caller),
          payments: list(payment),
          callerPublicKey: bytes(callerPk),
          feeAssetId: bytes(asset),
          originCallerPublicKey: bytes(callerPk),
          transactionId: bytes(id),
          caller: address(caller),
          fee: int(1234567),
        },
      },
      ...constructed('Address', [bytes(caller)], 51997),
      ...costed('==', [address(caller), address(caller)], 51996),
      ...constructed('Address', [bytes(caller)], 51995),
      ...costed('==', [address(caller), address(caller)], 51994),
      ...costed('==', [bytes(callerPk), bytes(callerPk)], 51993),
      ...costed('==', [bytes(callerPk), bytes(callerPk)], 51992),
      ...costed('==', [int(1234567), int(1234567)], 51991),
      ...constructed('AttachedPayment', [unit, int(1)], 51990),
      ...costed('cons', [payment, list()], 51989),
      ...costed('==', [list(payment), list(payment)], 51988),
      ...costed('==', [bytes(id), bytes(id)], 51987),
      ...costed('==', [bytes(asset), bytes(asset)], 51986),
      { name: 'arg1', ...int(123) },
      ...costed('==', [int(123), int(123)], 51985),
      { name: 'arg2', type: 'String', value: 'abc' },
      ...costed('==', [{ type: 'String', value: 'abc' }, { type: 'String', value: 'abc' }], 51984),
      { name: 'check', type: 'Boolean', value: true },
    ])
    // the Invocation's fields in the order the spec prints them (a Scala HashMap of eight)
    expect(Object.keys(answer.body.vars[7].value)).toEqual(['originCaller', 'payments', 'callerPublicKey', 'feeAssetId', 'originCallerPublicKey', 'transactionId', 'caller', 'fee'])
  })

  it('answers no vars without the trace', async () => {
    const answer = await api.post(`/utils/script/evaluate/${traced}`, request())
    expect(answer.body.complexity).toBe(16)
    expect(answer.body.vars).toBeUndefined()
  })
})

describe('POST /utils/script/evaluate/{address}: actions and dApp-to-dApp calls', () => {
  const defaultCaller = () => crypto.address({ publicKey: crypto.base58Encode(new Uint8Array(32)) }, 'R')

  it('prints a Lease as InvokeScriptResult.Lease (recipient, amount, nonce, id), its id from the request id', async () => {
    // InvokeScriptResult.jsonFormat (Lease: recipient, amount, nonce, id); Lease.calculateId(recipient, invokeId,
    // nonce, amount); the request id defaults to 32 zero bytes
    const answer = await evaluate({ call: { function: 'lend', args: [{ type: 'integer', value: 1000 }] } })
    const long = (n: number) => Uint8Array.from(Buffer.from(n.toString(16).padStart(16, '0'), 'hex'))
    const idBytes = crypto.blake2b(Uint8Array.from([...crypto.base58Decode(defaultCaller()), ...new Uint8Array(32), ...long(7), ...long(1000)]))
    expect(answer.body.stateChanges).toEqual({ ...noChanges, leases: [{ recipient: defaultCaller(), amount: 1000, nonce: 7, id: crypto.base58Encode(idBytes) }] })
    // an expression's transaction has an empty id (Evaluation.emptyInvokeScriptLike)
    const fromExpr = await evaluate({ expr: 'lend(1000)' })
    const exprIdBytes = crypto.blake2b(Uint8Array.from([...crypto.base58Decode(defaultCaller()), ...long(7), ...long(1000)]))
    expect(fromExpr.body.stateChanges.leases).toEqual([{ recipient: defaultCaller(), amount: 1000, nonce: 7, id: crypto.base58Encode(exprIdBytes) }])
  })

  it('refuses a dApp paying itself as the node\'s action checks do (FailedTransactionError, 199)', async () => {
    // InvokeDiffsCommon.checkSelfPayments: the payer is the address of senderPublicKey; the error goes through
    // ApiError.fromValidationError as FailedTransactionError.toString
    const senderPublicKey = crypto.publicKey(dAppSeed)
    const answer = await evaluate({ call: { function: 'paid' }, senderPublicKey, payment: [{ amount: 5, assetId: null }] })
    expect(answer.body).toEqual({
      error: 199,
      message: 'FailedTransactionError(code = 1, error = DApp self-payment is forbidden since V4)',
      call: { function: 'paid' },
      senderPublicKey,
      payment: [{ amount: 5, assetId: null }],
      address: dApp,
    })
  })

  it('checks the fee as processActions does: per step, per issued asset, in a sponsored asset only', async () => {
    // InvokeDiffsCommon.calcAndCheckFee (FailedTransactionError.feeForActions: code 2) and txFeeDiff (GenericError);
    // the node's UtilsRouteEvaluateSpec ("validation of root call") expects the same texts
    const low = await evaluate({ call: { function: 'set', args: [{ type: 'integer', value: 1 }] }, fee: 100 })
    expect(low.body).toEqual({
      error: 199,
      message: 'FailedTransactionError(code = 2, error = Fee in WAVES for InvokeScriptTransaction (100 in WAVES) does not exceed minimal value of 500000 WAVES.)',
      call: { function: 'set', args: [{ type: 'integer', value: 1 }] },
      fee: 100,
      address: dApp,
    })
    const issuing = await evaluate({ call: { function: 'mint' } })
    expect(issuing.body.message).toBe(
      'FailedTransactionError(code = 2, error = Fee in WAVES for InvokeScriptTransaction (500000 in WAVES) with 1 assets issued does not exceed minimal value of 100500000 WAVES.)',
    )
    const paid = await evaluate({ call: { function: 'mint' }, fee: 100500000 })
    expect(paid.body.result.value[0].type).toBe('Issue')
    expect(paid.body.stateChanges.issues).toHaveLength(1)
    const unknownAsset = await evaluate({ call: { function: 'set', args: [{ type: 'integer', value: 1 }] }, feeAssetId: 'xxxxx' })
    expect(unknownAsset.body.error).toBe(199)
    expect(unknownAsset.body.message).toBe('Asset xxxxx does not exist, cannot be used to pay fees')
  })

  it('counts a V3-V4 dApp\'s payments twice in the final balances, as the node\'s evaluation does', async () => {
    // UtilsEvaluator: paymentsPart before the call, and processActions adds paymentsPart again for versions below V5
    const payerSeed = seed('utils evaluate payer')
    const payer = addressOf(payerSeed)
    const request = (balance: number) => ({
      call: { function: 'give' },
      senderPublicKey: crypto.publicKey(payerSeed),
      payment: [{ amount: 1000, assetId: null }],
      state: { accounts: { [payer]: { regularBalance: balance } } },
    })
    const v4 = await deploySource(api, seed('utils evaluate V4 dApp'), '{-# STDLIB_VERSION 4 #-}\n{-# CONTENT_TYPE DAPP #-}\n@Callable(i)\nfunc give() = []')
    const once = await api.post(`/utils/script/evaluate/${v4}`, request(500000 + 1000))
    expect(once.body.error).toBe(402)
    expect(once.body.details).toEqual({ [payer]: `negative waves balance: ${payer}, old: 501000, new: -1000` })
    expect((await api.post(`/utils/script/evaluate/${v4}`, request(500000 + 2000))).body.result).toEqual({ type: 'Array', value: [] })
  })

  it('refuses a payment of an asset the caller lacks with the balance errors (402)', async () => {
    // UtilsEvaluator: paymentsPart does not look the asset up; TransactionDiffer.validateBalance refuses the result
    const answer = await evaluate({ call: { function: 'paid' }, payment: [{ amount: 1, assetId: 'xxxxx' }] })
    expect(answer.body).toEqual({
      error: 402,
      message: 'Accounts balance errors',
      details: { [defaultCaller()]: `negative asset balance: ${defaultCaller()}, new portfolio: Map(xxxxx -> -1)` },
      call: { function: 'paid' },
      payment: [{ amount: 1, assetId: 'xxxxx' }],
      address: dApp,
    })
  })

  it('runs the dApp-to-dApp calls of a callable and prints them under invokes, changing nothing', async () => {
    // UtilsEvaluator.executeExpression: the inner calls' results (invokes) |+| the root's actions
    const callerSource = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func relay(n: Int) = {
  strict r = invoke(Address(base58'${dApp}'), "set", [n], [])
  ([IntegerEntry("relayed", n)], r)
}`
    const caller = await deploySource(api, seed('utils relaying dApp'), callerSource)
    const answer = await api.post(`/utils/script/evaluate/${caller}`, { call: { function: 'relay', args: [{ type: 'integer', value: 4 }] } })
    expect(answer.body.result).toEqual({ type: 'Tuple', value: { _1: { type: 'Array', value: [{ type: 'IntegerEntry', value: { key: { type: 'String', value: 'relayed' }, value: { type: 'Int', value: 4 } } }] }, _2: { type: 'Int', value: 8 } } })
    expect(answer.body.stateChanges).toEqual({
      ...noChanges,
      data: [{ key: 'relayed', type: 'integer', value: 4 }],
      invokes: [
        {
          dApp,
          call: { function: 'set', args: [{ type: 'Int', value: 4 }] },
          payment: [],
          stateChanges: { ...noChanges, data: [{ key: 'counter', type: 'integer', value: 4 }] },
        },
      ],
    })
    expect((await api.get(`/addresses/data/${dApp}/counter`)).status).toBe(404)
    expect((await api.get(`/addresses/data/${caller}/relayed`)).status).toBe(404)
  })
})

describe('the compile routes', () => {
  it('compileCode prints the script, complexities and extra fee; compact=true renames the declarations', async () => {
    // UtilsApiRoute.compileCode
    const full = await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })
    expect(Object.keys(full.body)).toEqual(['script', 'complexity', 'verifierComplexity', 'callableComplexities', 'extraFee'])
    expect(full.body.verifierComplexity).toBe(0)
    expect(full.body.extraFee).toBe(0)
    const compact = await api.post('/utils/script/compileCode?compact=true', DAPP, { 'content-type': 'text/plain' })
    expect(compact.body.script).not.toBe(full.body.script)
    expect(compact.body.callableComplexities).toEqual(full.body.callableComplexities)
    // a compacted dApp is evaluated under its original names (UtilsEvaluator decompacts it)
    const compactSeed = seed('utils compacted dApp')
    const compacted = addressOf(compactSeed)
    await api.broadcast(wt.transfer({ recipient: compacted, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
    expect((await api.broadcast(wt.setScript({ script: compact.body.script, chainId: 'R', fee: 100_000 }, compactSeed))).status).toBe(200)
    expect((await api.post(`/utils/script/evaluate/${compacted}`, { expr: 'double(21)' })).body.result).toEqual({ type: 'Int', value: 42 })
    const shadowing = 'func twice(n: Int) = n * 2; (twice(3), double(1))'
    expect((await api.post(`/utils/script/evaluate/${compacted}`, { expr: shadowing })).body.result).toEqual({
      type: 'Tuple',
      value: { _1: { type: 'Int', value: 6 }, _2: { type: 'Int', value: 2 } },
    })
  })

  it('compiles a source without STDLIB_VERSION as V5', async () => {
    // UtilsApiRoute.defaultStdlibVersion: V5 once SynchronousCalls is active
    const answer = await api.post('/utils/script/compileCode', 'true', { 'content-type': 'text/plain' })
    expect(Buffer.from(answer.body.script.slice('base64:'.length), 'base64')[0]).toBe(5)
    expect(answer.body).toEqual({ script: answer.body.script, complexity: 0, verifierComplexity: 0, callableComplexities: {}, extraFee: 0 })
  })

  it('compileWithImports prints the verifier complexity and the full extra fee, and needs both fields', async () => {
    // UtilsApiRoute.compileWithImports; ScriptWithImportsRequest read by Json.reads
    const answer = await api.post('/utils/script/compileWithImports', { script: DAPP, imports: {} })
    expect(answer.body).toEqual({ script: answer.body.script, complexity: 0, extraFee: 400000 })
    const missing = await api.post('/utils/script/compileWithImports', { script: DAPP })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual({ error: 1, message: 'failed to parse json message', cause: null, validationErrors: { 'obj.imports': [{ msg: ['error.path.missing'], args: [] }] } })
    const empty = await api.post('/utils/script/compileWithImports', {})
    expect(empty.body.validationErrors).toEqual({ 'obj.script': [{ msg: ['error.path.missing'], args: [] }], 'obj.imports': [{ msg: ['error.path.missing'], args: [] }] })
  })

  it('answers a compilation error with 305', async () => {
    // ApiError.ScriptCompilerError
    const answer = await api.post('/utils/script/compileCode', '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nfoo', { 'content-type': 'text/plain' })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error: 305, message: "Compilation failed: [A definition of 'foo' is not found in 57-60]" })
  })
})

describe('decompile and estimate', () => {
  const EXPRESSION = '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n1 + 1 == 2'
  let script: string

  beforeAll(async () => {
    script = (await api.post('/utils/script/compileCode', EXPRESSION, { 'content-type': 'text/plain' })).body.script
  })

  it('decompile prints the directives, then the text', async () => {
    // UtilsApiRoute.decompile: Script.decompile's meta, then "script"
    const answer = await api.post('/utils/script/decompile', script, { 'content-type': 'text/plain' })
    expect(answer.body).toEqual({ STDLIB_VERSION: 6, CONTENT_TYPE: 'EXPRESSION', script: '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n((1 + 1) == 2)' })
    const dApp = (await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })).body.script
    const decompiled = await api.post('/utils/script/decompile', dApp, { 'content-type': 'text/plain' })
    expect(Object.keys(decompiled.body)).toEqual(['STDLIB_VERSION', 'SCRIPT_TYPE', 'CONTENT_TYPE', 'script'])
  })

  it('decompile reads V1-V3 expressions and a dApp with blanks around it (the node\'s UtilsRouteSpec)', async () => {
    const expression = async (base64: string) => (await api.post('/utils/script/decompile', base64, { 'content-type': 'text/plain' })).body
    for (const [base64, version] of [['AQa3b8tH', 1], ['AgZ7TN8j', 2], ['AwZd0cYf', 3]] as const) {
      expect(await expression(base64)).toEqual({
        STDLIB_VERSION: version,
        CONTENT_TYPE: 'EXPRESSION',
        script: `{-# STDLIB_VERSION ${version} #-}\n{-# CONTENT_TYPE EXPRESSION #-}\ntrue`,
      })
    }
    const verifier = (await api.post('/utils/script/compileCode', '{-# STDLIB_VERSION 3 #-}\n{-# CONTENT_TYPE DAPP #-}\n@Verifier(tx)\nfunc verify() = true', { 'content-type': 'text/plain' })).body.script
    expect(await expression(`\t\t \n\n${verifier} \t \n \t`)).toEqual({
      STDLIB_VERSION: 3,
      SCRIPT_TYPE: 'ACCOUNT',
      CONTENT_TYPE: 'DAPP',
      script: '{-# STDLIB_VERSION 3 #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n{-# CONTENT_TYPE DAPP #-}\n\n\n\n@Verifier(tx)\nfunc verify () = true\n',
    })
  })

  it('estimate prints a V1 expression as its terms print (UtilsRouteSpec: FUNCTION_CALL(Native(0),List(1, 2)))', async () => {
    const v1 = (await api.post('/utils/script/compileCode', '{-# STDLIB_VERSION 1 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n1 == 2', { 'content-type': 'text/plain' })).body.script
    expect((await api.post('/utils/script/estimate', v1, { 'content-type': 'text/plain' })).body.scriptText).toBe('FUNCTION_CALL(Native(0),List(1, 2))')
    const dAppScript = (await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })).body.script
    expect((await api.post('/utils/script/estimate', dAppScript, { 'content-type': 'text/plain' })).body.scriptText).toBeNull()
    const blocks = (await api.post('/utils/script/compileCode', '{-# STDLIB_VERSION 2 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nlet a = "x"\na == "x"', { 'content-type': 'text/plain' })).body.script
    expect((await api.post('/utils/script/estimate', blocks, { 'content-type': 'text/plain' })).body.scriptText).toBe('LET_BLOCK(LET(a,x),FUNCTION_CALL(Native(0),List(REF(a), x)))')
  })

  it('decompile refuses what is not a script with ScriptParseError (199)', async () => {
    // Script.fromBase64String -> ScriptParseError -> CustomValidationError(toString)
    const answer = await api.post('/utils/script/decompile', 'base64:AAA.', { 'content-type': 'text/plain' })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error: 199, message: 'ScriptParseError(Unable to decode base64: Illegal base64 character 2e)' })
  })

  it('estimate prints the script, its terms and complexities; what is not a script is 305', async () => {
    // UtilsApiRoute.estimate: scriptText is script.expr.toString (Terms' toString)
    const answer = await api.post('/utils/script/estimate', script, { 'content-type': 'text/plain' })
    expect(answer.body).toEqual({
      script,
      scriptText: 'FUNCTION_CALL(Native(0),List(FUNCTION_CALL(Native(100),List(1, 1)), 2))',
      complexity: 2,
      verifierComplexity: 2,
      callableComplexities: {},
      extraFee: 0,
    })
    const bad = await api.post('/utils/script/estimate', 'AAA.', { 'content-type': 'text/plain' })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ error: 305, message: 'Unable to decode base64: Illegal base64 character 2e' })
  })

  it('refuses to decompile a script nested so deep that its text would run the process out of memory', async () => {
    // a V6 expression of `depth` nested IF(TRUE, ..., TRUE), with its checksum
    const nestedIfs = (depth: number) => {
      const body = Uint8Array.from([6, 1, ...Array<number[]>(depth).fill([3, 6]).flat(), 6, ...Array<number>(depth).fill(6)])
      return `base64:${Buffer.concat([body, secureHash(body).subarray(0, 4)]).toString('base64')}`
    }
    const shallow = await api.post('/utils/script/decompile', nestedIfs(3), { 'content-type': 'text/plain' })
    expect(shallow.body.script).toBe(
      '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nif (true)\n    then if (true)\n        then if (true)\n            then true\n            else true\n        else true\n    else true',
    )
    expect((await api.post('/utils/script/decompile', nestedIfs(1000), { 'content-type': 'text/plain' })).status).toBe(200)
    for (const depth of [1500, 20_000, 190_000]) {
      const deep = await api.post('/utils/script/decompile', nestedIfs(depth), { 'content-type': 'text/plain' })
      expect([deep.status, deep.body]).toEqual([400, { error: 199, message: 'ScriptParseError(Script is too deeply nested to decompile)' }])
    }
  }, 20_000)
})

describe('hashes and seeds', () => {
  it('hashes the message text: secure is keccak256(blake2b256), fast is blake2b256', async () => {
    // UtilsApiRoute.hashSecure, hashFast
    const bytes = crypto.stringToBytes('hello, Waves')
    expect((await api.post('/utils/hash/secure', 'hello, Waves', { 'content-type': 'text/plain' })).body).toEqual({
      message: 'hello, Waves',
      hash: crypto.base58Encode(crypto.keccak(crypto.blake2b(bytes))),
    })
    expect((await api.post('/utils/hash/fast', 'hello, Waves', { 'content-type': 'text/plain' })).body).toEqual({
      message: 'hello, Waves',
      hash: crypto.base58Encode(crypto.blake2b(bytes)),
    })
  })

  it('makes seeds of 32 bytes, of a given length up to 1,024, and refuses longer ones', async () => {
    // UtilsApiRoute.seedRoute and length: DefaultSeedSize 32, MaxSeedSize 1024, TooBigArrayAllocation
    expect(crypto.base58Decode((await api.get('/utils/seed')).body.seed).length).toBe(32)
    expect(crypto.base58Decode((await api.get('/utils/seed/1024')).body.seed).length).toBe(1024)
    const tooLong = await api.get('/utils/seed/1025')
    expect(tooLong.status).toBe(400)
    expect(tooLong.body).toEqual({ error: 10, message: 'Too big sequence requested' })
    expect((await api.get('/utils/seed/abc')).status).toBe(404)
  })
})

describe('POST /utils/transactionSerialize', () => {
  it('answers the body bytes of a transaction as numbers, its proofs unchecked', async () => {
    // UtilsApiRoute.transactionSerialize: tx.bodyBytes().map(_.toInt & 0xff)
    const tx = wt.transfer({ recipient: plain, amount: 5, chainId: 'R', timestamp: 1_700_000_000_000 }, RICH_SEED)
    const expected = Array.from(wt.makeTxBytes({ ...tx, proofs: [] } as never))
    expect((await api.post('/utils/transactionSerialize', tx)).body).toEqual({ bytes: expected })
    expect((await api.post('/utils/transactionSerialize', { ...tx, proofs: [] })).body).toEqual({ bytes: expected })
  })
})

describe('malformed requests', () => {
  it('answers every malformed body of every /utils route without a 500, and changes nothing', async () => {
    const bodies = [
      '',
      'null',
      '[]',
      '"x"',
      '{}',
      '{"expr": 1}',
      '{"expr": "1 +"}',
      '{"expr": "}"}',
      '{"call": 5}',
      '{"call": {"function": 5}}',
      '{"call": {"function": "set", "args": [{"type": "list", "value": [{"type": "list", "value": []}]}]}}',
      '{"call": {"function": "set", "args": [{"type": "binary", "value": "%%"}]}}',
      '{"call": {"function": "set", "args": {}}}',
      '{"payment": [null]}',
      '{"payment": [{"amount": 1, "assetId": 5}]}',
      '{"payment": [{"amount": 1e3}]}',
      '{"state": 5}',
      '{"state": {"accounts": {"x": null}}}',
      '{"state": {"accounts": {"x": {"regularBalance": -1}}}}',
      '{"senderPublicKey": "!!!"}',
      '{"sender": 5}',
      '{"sender": "3MzZz"}',
      '{"id": "0OIl"}',
      '{"feeAssetId": "0"}',
      '{"fee": 99999999999999999999}',
      'base64:',
      'AAAA',
      'base64:AAECAwQ=',
      '{-# STDLIB_VERSION 99 #-}',
      '{"script": 1, "imports": {}}',
      '{"script": "true", "imports": {"a": 1}}',
      '{"type": 4}',
      '{"type": 99, "senderPublicKey": "x"}',
    ]
    const routes = [
      `/utils/script/evaluate/${dApp}`,
      '/utils/script/compileCode',
      '/utils/script/compileCode?compact=maybe',
      '/utils/script/compileWithImports',
      '/utils/script/decompile',
      '/utils/script/estimate',
      '/utils/transactionSerialize',
      '/utils/hash/secure',
      '/utils/hash/fast',
    ]
    const height = (await api.get('/blocks/height')).body.height
    for (const route of routes) {
      for (const body of bodies) {
        for (const contentType of ['application/json', 'text/plain']) {
          const answer = await api.post(route, body, { 'content-type': contentType })
          expect(answer.status, `${route} ${body}`).not.toBe(500)
        }
      }
    }
    for (const path of ['/utils/seed/-1', '/utils/seed/99999999999', '/utils/seed/1e3', '/utils/seed/0']) expect((await api.get(path)).status).not.toBe(500)
    expect((await api.get('/blocks/height')).body.height).toBe(height)
    expect((await api.get(`/addresses/data/${dApp}`)).body).toEqual([])
  })
})

describe('POST /utils/script/evaluate/{address}: the scripts of the paid assets', () => {
  // UtilsEvaluator.executeExpression ends with TransactionDiffer.assetsVerifierDiff: each paid asset's script judges
  // the evaluated call, which it sees as Evaluation.toInvokeScriptLike builds it (version 0, sent by the address of
  // senderPublicKey); a refusal is FailedTransactionError.assetExecution / notAllowedByAsset (code 4), printed through
  // ApiError.fromValidationError's CustomValidationError (199)
  const ASSET_SCRIPT = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case i: InvokeScriptTransaction =>
    let amount = i.payments[0].amount
    if (amount <= 10) then true
    else if (amount <= 20) then false
    else throw("called " + i.function + " with " + toString(amount) + " from " + toBase58String(i.sender.bytes) + " v" + toString(i.version))
  case _ => true
}`
  const payerSeed = seed('utils evaluate smart asset payer')
  const payer = addressOf(payerSeed)
  const senderPublicKey = crypto.publicKey(payerSeed)
  let assetId: string

  beforeAll(async () => {
    await api.broadcast(wt.transfer({ recipient: payer, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
    const compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT, { 'content-type': 'text/plain' })).body
    const issue = wt.issue({ name: 'Judged', description: '', quantity: 1000, decimals: 0, reissuable: false, script: compiled.script, chainId: 'R' }, payerSeed)
    const issued = await api.broadcast(issue)
    if (issued.status !== 200) throw new Error(JSON.stringify(issued.body))
    assetId = issue.id
  })

  it('answers the evaluation the script allows, a refusal and a script error with the node texts', async () => {
    const request = (amount: number, extra: Record<string, unknown> = {}) => ({ call: { function: 'paid' }, senderPublicKey, payment: [{ amount, assetId }], ...extra })
    const allowed = await evaluate(request(5))
    expect(allowed.body.result).toEqual({ type: 'Tuple', value: { _1: { type: 'Array', value: [expect.objectContaining({ type: 'ScriptTransfer' })] }, _2: { type: 'Int', value: 5 } } })
    expect(allowed.body.stateChanges.transfers).toEqual([{ address: payer, asset: null, amount: 1 }])

    const refused = await evaluate(request(15))
    expect(refused.body).toEqual({
      error: 199,
      message: `FailedTransactionError(code = 4, error = Transaction is not allowed by script of the asset ${assetId})`,
      ...request(15),
      address: dApp,
    })

    // `sender` names the caller the dApp sees; the transaction the asset sees is sent by the key's address
    const failing = await evaluate(request(50, { sender: plain }))
    expect(failing.body).toEqual({
      error: 199,
      message: `FailedTransactionError(code = 4, error = Transaction is not allowed by script of the asset ${assetId}: called paid with 50 from ${payer} v0)`,
      ...request(50, { sender: plain }),
      address: dApp,
    })
    expect((await api.get(`/assets/balance/${payer}/${assetId}`)).body.balance).toBe(1000)
  })
})

describe('POST /utils/script/evaluate/{address}: a transfer to an alias nobody claimed', () => {
  it('answers the result without actions, as a result ScriptResult.fromObj cannot read', async () => {
    // UtilsEvaluator: ScriptResult.fromObj fails on the alias (WavesEnvironment.resolveAlias), and its failure is an
    // empty snapshot; complexity: Alias 1, ScriptTransfer 1, cons 1
    const expr = '[ScriptTransfer(Alias("nobodyhere"), 1, unit)]'
    const answer = await evaluate({ expr })
    expect(answer.body).toEqual({
      result: {
        type: 'Array',
        value: [
          {
            type: 'ScriptTransfer',
            value: { recipient: { type: 'Alias', value: { alias: { type: 'String', value: 'nobodyhere' } } }, amount: { type: 'Int', value: 1 }, asset: { type: 'Unit', value: {} } },
          },
        ],
      },
      complexity: 3,
      stateChanges: noChanges,
      expr,
      address: dApp,
    })
  })
})
