// RIDE sources the script tests compile with @waves/ride-js and read back (reader) or estimate (estimator): every
// stdlib version and content type, each literal kind, unions and lists in callables, verifiers, deep nesting.
// Test data only: nothing outside *.test.ts imports it.

const header = (version: number, content: 'EXPRESSION' | 'DAPP', type: 'ACCOUNT' | 'ASSET' = 'ACCOUNT') =>
  `{-# STDLIB_VERSION ${version} #-}\n{-# CONTENT_TYPE ${content} #-}\n{-# SCRIPT_TYPE ${type} #-}\n`

export interface CorpusScript {
  name: string
  source: string
}

const expressions: CorpusScript[] = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((v) => [
  {
    name: `V${v} verifier`,
    source: `${header(v, 'EXPRESSION')}sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)`,
  },
  {
    name: `V${v} literals and lets`,
    source: `${header(v, 'EXPRESSION')}let a = 9223372036854775807
let b = -9223372036854775807 - 1
let c = "unicode: \\u00e9\\u4e2d \\ud83d\\ude00 and \\"quotes\\""
let d = base58'3xyZ'
let e = base64'AQIDBA=='
let f = base16'00ff10'
let g = true
let h = false
let i = ""
let j = base58''
a > b && size(c) > 0 && size(d) > 0 && size(e) == 4 && size(f) == 3 && g != h && i == "" && size(j) == 0`,
  },
  {
    name: `V${v} match and getters`,
    source: `${header(v, 'EXPRESSION')}match tx {
  case t: TransferTransaction => t.amount > 0 && t.fee > 0 && t.recipient == t.recipient
  case d: DataTransaction => size(d.data) < 10
  case _ => height > 0
}`,
  },
  {
    name: `V${v} asset script`,
    source: `${header(v, 'EXPRESSION', 'ASSET')}match tx {
  case t: TransferTransaction => t.amount <= 1000 && !isDefined(t.feeAssetId)
  case _ => true
}`,
  },
])

const modern = (v: number): CorpusScript[] =>
  v < 3
    ? []
    : [
        {
          name: `V${v} functions and nesting`,
          source: `${header(v, 'EXPRESSION')}func twice(x: Int) = x * 2
func both(a: Int, b: Int) = twice(a) + twice(b)
let nested = if (height > 1) then if (height > 2) then if (height > 3) then 3 else 2 else 1 else 0
let list = [1, 2, 3, 4, 5]
both(list[0], list[4]) == 12 && nested >= 0 && (((((1 + 2) * 3) - 4) / 5) % 6) == 1`,
        },
      ]

const v4up = (v: number): CorpusScript[] =>
  v < 4
    ? []
    : [
        {
          name: `V${v} FOLD and lists`,
          source: `${header(v, 'EXPRESSION')}func sum(acc: Int, x: Int) = acc + x
let total = FOLD<5>([1, 2, 3, 4, 5], 0, sum)
let strings = ["a", "b", "c"]
total == 15 && size(strings) == 3 && containsElement(strings, "b") && indexOf(strings, "c") == 2`,
        },
      ]

const v5up = (v: number): CorpusScript[] =>
  v < 5
    ? []
    : [
        {
          name: `V${v} BigInt and tuples`,
          source: `${header(v, 'EXPRESSION')}let big = toBigInt(9223372036854775807) * toBigInt(4)
let (x, y, z) = (1, "two", base58'3')
big > toBigInt(0) && x == 1 && y == "two" && size(z) == 1`,
        },
      ]

const dApps: CorpusScript[] = [3, 4, 5, 6, 7, 8].flatMap((v) => {
  const list = v >= 4 ? ', items: List[Int], names: List[String]' : ''
  const union = v >= 4 && v < 6 ? ', either: Int|String, any: Int|String|ByteVector|Boolean' : ''
  const result =
    v === 3
      ? 'WriteSet([DataEntry(key, amount), DataEntry("note", note), DataEntry("flag", flag), DataEntry("bin", bin)])'
      : '[IntegerEntry(key, amount), StringEntry("note", note), BooleanEntry("flag", flag), BinaryEntry("bin", bin)]'
  const payment = v >= 4 ? 'size(i.payments)' : 'if (isDefined(i.payment)) then 1 else 0'
  return [
    {
      name: `V${v} dApp with verifier`,
      source: `${header(v, 'DAPP')}let key = "amount"
let limit = 1000
func clamp(x: Int) = if (x > limit) then limit else x
func keyOf(a: Address) = toBase58String(a.bytes) + "_" + key

@Callable(i)
func store(amount: Int, note: String, flag: Boolean, bin: ByteVector${list}${union}) = {
  let payments = ${payment}
  if (payments > 2) then throw("too many payments") else
  ${result}
}

@Callable(inv)
func nothing() = ${v === 3 ? 'WriteSet([])' : '[]'}

@Verifier(tx)
func verify() = match tx {
  case d: DataTransaction => sigVerify(d.bodyBytes, d.proofs[0], d.senderPublicKey) && clamp(size(d.data)) < 10
  case _ => sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)
}`,
    },
    {
      name: `V${v} dApp without verifier`,
      source: `${header(v, 'DAPP')}@Callable(i)
func a() = ${v === 3 ? 'WriteSet([])' : '[]'}`,
    },
  ]
})

const compacted: CorpusScript[] = [5, 6, 8].map((v) => ({
  name: `V${v} dApp to compact`,
  source: `${header(v, 'DAPP')}let rewardPerBlockKey = "reward_per_block"
func readRewardPerBlock() = getInteger(this, rewardPerBlockKey).valueOrElse(0)
func multiplyReward(times: Int) = readRewardPerBlock() * times

@Callable(invocation)
func claim(blocks: Int) = [IntegerEntry(rewardPerBlockKey, multiplyReward(blocks))]

@Verifier(transaction)
func verifyTransaction() = sigVerify(transaction.bodyBytes, transaction.proofs[0], transaction.senderPublicKey)`,
}))

/** `depth` nested ifs: deep trees must read (and estimate) without exhausting the stack */
export function deepScript(version: number, depth: number): string {
  let body = 'true'
  for (let i = 0; i < depth; i++) body = `if (height > ${i}) then ${body} else false`
  return `${header(version, 'EXPRESSION')}${body}`
}

export const CORPUS: readonly CorpusScript[] = [
  ...expressions,
  ...[3, 4, 5, 6, 7, 8].flatMap((v) => [...modern(v), ...v4up(v), ...v5up(v)]),
  ...dApps,
  ...compacted,
  { name: 'V6 deep nesting', source: deepScript(6, 40) },
  { name: 'V5 deep nesting', source: deepScript(5, 40) },
]

/**
 * Costs of the few pure built-ins the estimator tests use, per version, from the node's source
 * (lang/v1/evaluator/ctx/impl/PureContext.scala: createOp/createTryOp cost 1; eq 1; `!` and `!=` and unary `-` 11/26/9
 * in V1-V2 then 1; cons 2 in V1-V3 then 1; getElement 2; size of a list 2; throw 1; _isInstanceOf 1). Natives are
 * keyed by FunctionIds. Everything else comes from the engine's table (crypto, once joined).
 */
export function pureTestCosts(version: number): { native: Record<number, number>; user: Record<string, number> } {
  const old = version <= 2
  return {
    native: {
      0: 1, // EQ
      1: 1, // ISINSTANCEOF
      2: 1, // THROW
      100: 1, // SUM_LONG
      101: 1, // SUB_LONG
      102: 1, // GT_LONG
      103: 1, // GE_LONG
      104: 1, // MUL_LONG
      105: 1, // DIV_LONG
      106: 1, // MOD_LONG
      400: 2, // SIZE_LIST
      401: 2, // GET_LIST
      1100: version <= 3 ? 2 : 1, // CREATE_LIST
    },
    user: { '!': old ? 11 : 1, '!=': old ? 26 : 1, '-': old ? 9 : 1 },
  }
}
