// What a node checks before it sets a script (SetScriptTransactionDiff, AssetTransactionsDiffs, the transaction
// validators, ContractLimits), with its texts.
import ride from '@waves/ride-js'
import { describe, expect, it } from 'vitest'
import type { StdlibVersion } from '../versions.ts'
import { checkSetScript, engineCosts, ScriptRefused, type CheckSetScriptOptions } from './checks.ts'
import type { FunctionCosts } from './estimator.ts'
import { secureHash } from './reader.ts'

function compile(source: string): { bytes: Uint8Array; complexity: number; verifierComplexity?: number; callableComplexities?: Record<string, number> } {
  const result = ride.compile(source, 3)
  if ('error' in result) throw new Error(String(result.error))
  return result.result as unknown as { bytes: Uint8Array; complexity: number }
}

function withChecksum(...parts: number[][]): Uint8Array {
  const body = Uint8Array.from(parts.flat())
  const out = new Uint8Array(body.length + 4)
  out.set(body)
  out.set(secureHash(body).subarray(0, 4), body.length)
  return out
}

function refusal(check: () => unknown): { stage: string; message: string } {
  try {
    check()
  } catch (e) {
    expect(e).toBeInstanceOf(ScriptRefused)
    return { stage: (e as ScriptRefused).stage, message: (e as ScriptRefused).message }
  }
  throw new Error('the script was accepted')
}

/** the engine's costs with one native's cost replaced */
function costsWith(id: number, cost: number): CheckSetScriptOptions {
  return {
    costs: (v: StdlibVersion): FunctionCosts => {
      const engine = engineCosts(v)
      return { native: (n) => (n === id ? cost : engine.native(n)), user: engine.user }
    },
  }
}

const header = (v: number, content: string) => `{-# STDLIB_VERSION ${v} #-}\n{-# CONTENT_TYPE ${content} #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n`
const SIGVERIFY = 500
// each costs exactly one sigVerify: getters, references and `if` cost nothing in node 1.5.7's estimator
const verifier = (v: number) => `${header(v, 'EXPRESSION')}sigVerify(tx.bodyBytes, tx.bodyBytes, tx.senderPublicKey)`
const dApp = (v: number) => `${header(v, 'DAPP')}
@Callable(i)
func check(n: Int) = if (sigVerify(i.transactionId, i.transactionId, i.callerPublicKey)) then [] else []

@Verifier(tx)
func verify() = sigVerify(tx.bodyBytes, tx.bodyBytes, tx.senderPublicKey)`

describe('scripts a node sets', () => {
  it('returns an account expression with its complexity', () => {
    const compiled = compile(verifier(6))
    const checked = checkSetScript(compiled.bytes, 'account')
    expect(checked.script.kind).toBe('expression')
    expect(checked.complexity).toEqual({ complexity: 180, verifierComplexity: 180, callableComplexities: {} })
    expect(compiled.complexity).toBe(180)
  })

  it('returns a dApp with its verifier and callable complexities as /addresses/scriptInfo shows them', () => {
    const compiled = compile(dApp(5))
    expect(checkSetScript(compiled.bytes, 'account').complexity).toEqual({
      complexity: 200,
      verifierComplexity: compiled.verifierComplexity,
      callableComplexities: compiled.callableComplexities,
    })
    expect(compiled.callableComplexities).toEqual({ check: 200 })
  })

  it('sets old versions unless the LightNode rule is asked for', () => {
    const v3 = compile(verifier(3)).bytes
    expect(checkSetScript(v3, 'account').complexity.complexity).toBe(100)
    expect(refusal(() => checkSetScript(v3, 'account', { refuseBelowV4: true }))).toEqual({
      stage: 'state',
      message: 'ActivationError(Script version below V4 is not allowed after Light Node feature activation)',
    })
    expect(checkSetScript(compile(verifier(4)).bytes, 'account', { refuseBelowV4: true }).complexity.complexity).toBe(200)
  })

  it('sets an expression on an asset', () => {
    const asset = compile(`{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ASSET #-}\nheight > 0`)
    expect(checkSetScript(asset.bytes, 'asset').complexity.complexity).toBe(asset.complexity)
  })
})

describe('scripts a node refuses, with its texts', () => {
  it('passes the reader errors on as the parse stage', () => {
    expect(refusal(() => checkSetScript(Uint8Array.of(9, 1, 2, 3), 'account'))).toEqual({ stage: 'parse', message: 'Invalid version of script: 9' })
  })

  it('refuses a dApp on an asset (SetAssetScriptTxValidator, IssueTxValidator)', () => {
    expect(refusal(() => checkSetScript(compile(dApp(6)).bytes, 'asset'))).toEqual({
      stage: 'validation',
      message: 'Asset can only be assigned with Expression script, not Contract',
    })
  })

  // a V6 dApp with one callable `c(a)` whose meta types byte is `types`; body `true`, no verifier
  const v6DAppWithTypes = (metaVersion: number, types: number) =>
    withChecksum([6, 2, 7, 0x08, metaVersion, 0x12, 3, 0x0a, 1, types, 0, 1, 1, 0x69, 1, 1, 0x63, 1, 1, 0x61, 6, 0])

  it('refuses unions in callable arguments from V6 (SetScriptTxValidator), lists of a single type pass', () => {
    const union = { stage: 'validation', message: 'Union type is not allowed in callable function arguments of script' }
    expect(refusal(() => checkSetScript(v6DAppWithTypes(2, 0x09), 'account'))).toEqual(union)
    expect(refusal(() => checkSetScript(v6DAppWithTypes(2, 0x19), 'account'))).toEqual(union)
    expect(checkSetScript(v6DAppWithTypes(2, 0x11), 'account').complexity).toEqual({ complexity: 1, verifierComplexity: 0, callableComplexities: { c: 1 } })
    expect(refusal(() => checkSetScript(v6DAppWithTypes(3, 0x01), 'account'))).toEqual({ stage: 'validation', message: 'Unsupported meta version 3' })
  })

  it('refuses an expression above 8 KB (MaxExprSizeInBytes), on accounts and assets', () => {
    // "a...a" == "a...a", 4,200 bytes each
    const s = [0x02, 0xe8, 0x20, ...new Array(4200).fill(0x61)]
    const big = withChecksum([6, 1, 9, 0, 0, 2], s, s)
    expect(big.length).toBe(8416)
    const tooLarge = { stage: 'state', message: 'Script is too large: 8416 bytes > 8192 bytes' }
    expect(refusal(() => checkSetScript(big, 'account'))).toEqual(tooLarge)
    expect(refusal(() => checkSetScript(big, 'asset'))).toEqual(tooLarge)
  })

  it('refuses an account expression above 2,000 (MaxAccountVerifierComplexityByVersion)', () => {
    expect(refusal(() => checkSetScript(compile(verifier(6)).bytes, 'account', costsWith(SIGVERIFY, 2001)))).toEqual({
      stage: 'state',
      message: 'Script is too complex: 2001 > 2000',
    })
    expect(checkSetScript(compile(verifier(6)).bytes, 'account', costsWith(SIGVERIFY, 2000)).complexity.complexity).toBe(2000)
  })

  it('refuses an asset script above 4,000 (2,000 for V1 and V2: MaxComplexityByVersion)', () => {
    const asset = (v: number) => compile(`{-# STDLIB_VERSION ${v} #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ASSET #-}\nsigVerify(tx.bodyBytes, tx.bodyBytes, tx.senderPublicKey)`).bytes
    expect(refusal(() => checkSetScript(asset(6), 'asset', costsWith(SIGVERIFY, 4001)))).toEqual({ stage: 'state', message: 'Script is too complex: 4001 > 4000' })
    expect(checkSetScript(asset(6), 'asset', costsWith(SIGVERIFY, 4000)).complexity.complexity).toBe(4000)
    expect(refusal(() => checkSetScript(asset(2), 'asset', costsWith(SIGVERIFY, 2001)))).toEqual({ stage: 'state', message: 'Script is too complex: 2001 > 2000' })
  })

  it('refuses a callable above its version limit (MaxCallableComplexityByVersion: 4,000 to V4, 10,000 in V5, 52,000 from V6)', () => {
    for (const [v, limit] of [
      [4, 4000],
      [5, 10000],
      [6, 52000],
      [8, 52000],
    ] as const) {
      const bytes = compile(dApp(v)).bytes
      expect(refusal(() => checkSetScript(bytes, 'account', costsWith(SIGVERIFY, limit + 1)))).toEqual({
        stage: 'state',
        message: `Contract function (check) is too complex: ${limit + 1} > ${limit}`,
      })
    }
  })

  it('refuses a dApp verifier above 2,000, callables within their limit', () => {
    const bytes = compile(`${header(6, 'DAPP')}
func heavy() = sigVerify(base58'', base58'', base58'')
@Callable(i)
func light() = []
@Verifier(tx)
func verify() = heavy()`).bytes
    expect(refusal(() => checkSetScript(bytes, 'account', costsWith(SIGVERIFY, 2001)))).toEqual({
      stage: 'state',
      message: 'Contract verifier is too complex: 2001 > 2000',
    })
  })

  it('refuses a verifier that can reach invoke, which the compiler lets through (ContractScript.estimateVerifier)', () => {
    const bytes = compile(`${header(5, 'DAPP')}
func callOut() = { strict r = invoke(this, "f", [], []); true }
@Callable(i)
func f() = []
@Verifier(tx)
func verify() = callOut()`).bytes
    expect(refusal(() => checkSetScript(bytes, 'account'))).toEqual({ stage: 'state', message: 'DApp-to-dApp invocations are not allowed from verifier' })
    // the callables are checked first (SetScriptTransactionDiff.estimate before countVerifierComplexity)
    const heavy = compile(`${header(5, 'DAPP')}
func callOut() = { strict r = invoke(this, "f", [], []); true }
@Callable(i)
func f() = if (sigVerify(base58'', base58'', base58'')) then [] else []
@Verifier(tx)
func verify() = callOut()`).bytes
    expect(refusal(() => checkSetScript(heavy, 'account', costsWith(SIGVERIFY, 10001)))).toEqual({
      stage: 'state',
      message: 'Contract function (f) is too complex: 10001 > 10000',
    })
  })

  it('refuses what the estimator refuses', () => {
    const noSigVerify: CheckSetScriptOptions = { costs: () => ({ native: (id) => (id === SIGVERIFY ? undefined : 1), user: () => 1 }) }
    expect(refusal(() => checkSetScript(compile(verifier(6)).bytes, 'account', noSigVerify))).toEqual({
      stage: 'state',
      message: "function 'Native(500)' not found",
    })
  })
})

describe('mutated scripts', () => {
  // Fixed-seed mutations of valid scripts of each format, with the checksum recomputed so the body is read: each is
  // either set or refused with the node's kind of error; nothing else escapes.
  it('are set or refused with a ScriptRefused, never another error', () => {
    const sources = [verifier(2), verifier(6), dApp(4), dApp(8)]
    let seed = 42
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const counts = { set: 0, parse: 0, validation: 0, state: 0 }
    for (const source of sources) {
      const bytes = compile(source).bytes
      const body = Array.from(bytes.subarray(0, bytes.length - 4))
      for (let k = 0; k < 400; k++) {
        const mutated = [...body]
        for (let m = 1 + next(3); m > 0; m--) {
          const at = 1 + next(mutated.length - 1)
          const kind = next(4)
          if (kind === 0) mutated[at] = next(256)
          else if (kind === 1) mutated.splice(at, 1)
          else if (kind === 2) mutated.splice(at, 0, next(256))
          else mutated.length = at
        }
        try {
          // every native known and cheap, no built-in user function: the outcome depends on the bytes alone, not on
          // the table's growth
          checkSetScript(withChecksum(mutated), 'account', { costs: () => ({ native: () => 1, user: () => undefined }) })
          counts.set++
        } catch (e) {
          if (!(e instanceof ScriptRefused)) throw new Error(`escaped: ${String(e)} for ${mutated.join(',')}`)
          counts[e.stage]++
        }
      }
    }
    expect(counts).toEqual({ set: 899, parse: 686, validation: 15, state: 0 })
  })
})
