// Compiles the contract and the host examples, and loads the contract and the library-importing host into the official RIDE REPL of ride-js
// (directives stripped, callables turned into functions of an Invocation), the evaluator the dev node's
// engine is checked against. No node needed: nothing here reads the chain. Behaviour on a chain is tested
// against the dev node.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileRide } from './compile.ts'

const ride: typeof import('@waves/ride-js') = createRequire(import.meta.url)('@waves/ride-js')
const here = import.meta.dirname

/** A dApp as declarations for the REPL, reduced to what these files use (a verifier has no place there). */
function replDeclarations(file: string): string {
  const { source, libraries } = compileRide(file, { withoutVerifier: true })
  const strip = (code: string) => code.replace(/\{-#[^#]*#-\}/g, '')
  const app = strip(source)
    .replace(/@Callable\((\w+)\)\s*\nfunc (\w+)\(\)/g, 'func $2($1: Invocation)')
    .replace(/@Callable\((\w+)\)\s*\nfunc (\w+)\(/g, 'func $2($1: Invocation, ')
  return [...Object.values(libraries).map(strip), app].join('\n')
}

async function evaluate(code: string): Promise<string> {
  const result = await ride.repl().evaluate(code)
  if ('error' in result) throw new Error(String(result.error))
  return result.result
}

describe('compileRide', () => {
  it('compiles affiliate.ride with its library, every callable far below 52,000', () => {
    const compiled = compileRide(join(here, 'affiliate.ride'))
    expect(Object.keys(compiled.libraries)).toEqual(['affiliate-lib.ride'])
    expect(compiled.libraries['affiliate-lib.ride']).toBe(readFileSync(join(here, 'affiliate-lib.ride'), 'utf8'))
    // an account verifier may spend 2,000 (ContractLimits.MaxAccountVerifierComplexityByVersion, V6)
    expect(compiled.verifierComplexity).toBe(414)
    expect(compiled.callableComplexities).toEqual({
      register: 817,
      fund: 1300,
      fundFor: 899,
      withdraw: 1562,
      withdrawAsset: 1562,
      topUpGas: 23,
      reserveGas: 70,
      init: 103,
      setAdmin: 56,
      setRoot: 69,
      setRates: 43,
      setPowBits: 34,
      setMinFund: 34,
      setMinWithdraw: 34,
      setMinReferrerPaid: 34,
      setRefundBudget: 47,
      setUpgradeDelay: 34,
      setAsset: 2489,
      addHost: 92,
      removeHost: 118,
      announceUpgrade: 52,
      cancelUpgrade: 25,
      pause: 24,
      unpause: 24,
    })
    expect(compiled.complexity).toBe(2489)
    expect(compiled.size).toBe(26101)
    expect(Buffer.from(compiled.base64, 'base64').length).toBe(compiled.size)
  })

  it('compiles affiliate.ride without its verifier (what the deploy sets first): the same callables', () => {
    const whole = compileRide(join(here, 'affiliate.ride'))
    const open = compileRide(join(here, 'affiliate.ride'), { withoutVerifier: true })
    expect(open.source).toBe(whole.source.slice(0, whole.source.indexOf('\n@Verifier(tx)') + 1))
    expect(open).toMatchObject({ verifierComplexity: 0, callableComplexities: whole.callableComplexities, size: 25263 })
  })

  it('keeps every refusal of register, fund, fundFor and withdraw within the first 1,000 complexity', () => {
    // Each member callable starts with `strict ... = aff...Checks(...)`, which throws every refusal and
    // builds no action; a dApp of only those checks has the complexity spent up to the last refusal.
    const dir = mkdtempSync(join(tmpdir(), 'ride-'))
    const file = join(dir, 'checks.ride')
    const probe = (name: string, params: string, checks: string) => `@Callable(i)\nfunc ${name}(${params}) = {\n  strict ok = ${checks}\n  []\n}\n`
    writeFileSync(
      file,
      '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n'
        + `{-# IMPORT ${join(here, 'affiliate-lib.ride')} #-}\n`
        + probe('register', 'referrer: String, salt: Int', 'affRegisterChecks(i, referrer)')
        + probe('fund', '', 'affPaymentChecks(i)')
        + probe('fundFor', 'payer: String', 'affFundForChecks(i, payer)')
        + probe('withdraw', '', 'affWithdrawChecks(i, "")')
        + probe('withdrawAsset', 'asset: String', 'affWithdrawChecks(i, asset)'),
    )
    expect(compileRide(file).callableComplexities).toEqual({ register: 230, fund: 88, fundFor: 140, withdraw: 257, withdrawAsset: 257 })
    // and each callable runs its checks first
    const source = readFileSync(join(here, 'affiliate-lib.ride'), 'utf8')
    for (const [fn, checks] of [
      ['affRegister(i: Invocation, referrer: String)', 'affRegisterChecks(i, referrer)'],
      ['affFund(i: Invocation)', 'affPaymentChecks(i)'],
      ['affFundFor(i: Invocation, payer: String)', 'affFundForChecks(i, payer)'],
      ['affWithdraw(i: Invocation, asset: String, heldWaves: Int)', 'affWithdrawChecks(i, asset)'],
    ]) {
      expect(source, fn).toMatch(new RegExp(`func ${fn!.replace(/[()]/g, '\\$&')} = \\{\\n  strict \\w+ = ${checks!.replace(/[()]/g, '\\$&')}\\n`))
    }
  })

  it('compiles the betting host that calls the program by invoke: no library, a small script', () => {
    const compiled = compileRide(join(here, 'examples', 'betting.ride'))
    expect(compiled.libraries).toEqual({})
    expect(compiled.callableComplexities).toEqual({ setAffiliate: 10, bet: 213, resolve: 29, claim: 99 })
    expect(compiled.size).toBe(2956)
  })

  it('compiles the betting host example that imports ../affiliate-lib.ride', () => {
    const compiled = compileRide(join(here, 'examples', 'betting-lib.ride'))
    expect(Object.keys(compiled.libraries)).toEqual(['../affiliate-lib.ride'])
    expect(compiled.callableComplexities).toEqual({
      register: 844,
      bet: 1444,
      resolve: 47,
      claim: 132,
      withdraw: 1588,
      topUpGas: 23,
    })
    expect(compiled.size).toBe(25954)
  })

  it('throws the compiler message on a compile error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ride-'))
    const file = join(dir, 'broken.ride')
    writeFileSync(file, '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n'
      + '@Callable(i)\nfunc f() = [IntegerEntry("a", "not an int")]\n')
    expect(() => compileRide(file)).toThrowError(
      /broken\.ride: Compilation failed: \[Non-matching types: expected: Int, actual: String in 104-135\]$/,
    )
  })

  it('throws when an imported library is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ride-'))
    const file = join(dir, 'host.ride')
    writeFileSync(file, '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n'
      + '{-# IMPORT missing.ride #-}\n@Callable(i)\nfunc f() = []\n')
    expect(() => compileRide(file)).toThrowError(/ENOENT.*missing\.ride/)
  })
})

describe('in the official RIDE REPL', () => {
  it('accepts affiliate.ride with every callable as a function of an Invocation', async () => {
    const printed = await evaluate(replDeclarations(join(here, 'affiliate.ride')))
    const callables = printed.split('\n').filter((line) => /^defined func (?!aff)/.test(line))
    expect(callables).toEqual([
      'defined func addHost(i: Invocation, host: String): List[StringEntry]',
      'defined func announceUpgrade(i: Invocation, hash: ByteVector): List[BinaryEntry|IntegerEntry]',
      'defined func cancelUpgrade(i: Invocation): List[DeleteEntry]',
      'defined func fund(i: Invocation): List[IntegerEntry|ScriptTransfer|StringEntry]',
      'defined func fundFor(i: Invocation, payer: String): List[IntegerEntry|StringEntry]',
      'defined func init(i: Invocation, admin: String, root: String): List[IntegerEntry|StringEntry]',
      'defined func keyCanSpend(asset: ByteVector|Unit, out: Int): Boolean',
      'defined func pause(i: Invocation): List[BooleanEntry]',
      'defined func register(i: Invocation, referrer: String, salt: Int): List[IntegerEntry|ScriptTransfer|StringEntry]',
      'defined func removeHost(i: Invocation, host: String): List[StringEntry]',
      'defined func reserveGas(i: Invocation, amount: Int): List[IntegerEntry]',
      'defined func setAdmin(i: Invocation, admin: String): List[StringEntry]',
      'defined func setAsset(i: Invocation, asset: String, minFund: Int, minWithdraw: Int, minReferrerPaid: Int): List[IntegerEntry|StringEntry]',
      'defined func setMinFund(i: Invocation, amount: Int): List[IntegerEntry]',
      'defined func setMinReferrerPaid(i: Invocation, amount: Int): List[IntegerEntry]',
      'defined func setMinWithdraw(i: Invocation, amount: Int): List[IntegerEntry]',
      'defined func setPowBits(i: Invocation, bits: Int): List[IntegerEntry]',
      'defined func setRates(i: Invocation, l1: Int, l2: Int, l3: Int, cashback: Int): List[IntegerEntry]',
      'defined func setRefundBudget(i: Invocation, budget: Int, share: Int): List[IntegerEntry]',
      'defined func setRoot(i: Invocation, root: String): List[StringEntry]',
      'defined func setUpgradeDelay(i: Invocation, blocks: Int): List[IntegerEntry]',
      'defined func topUpGas(i: Invocation): List[IntegerEntry]',
      'defined func unpause(i: Invocation): List[BooleanEntry]',
      'defined func withdraw(i: Invocation): List[IntegerEntry|ScriptTransfer|StringEntry]',
      'defined func withdrawAsset(i: Invocation, asset: String): List[IntegerEntry|ScriptTransfer|StringEntry]',
    ])
  })

  it('accepts the betting example that imports the library', async () => {
    const printed = await evaluate(replDeclarations(join(here, 'examples', 'betting-lib.ride')))
    expect(printed).toContain('defined func bet(i: Invocation, choice: Int): List[IntegerEntry|ScriptTransfer|StringEntry]')
    expect(printed).toContain('defined func claim(i: Invocation, round: Int): List[IntegerEntry|ScriptTransfer]')
  })

  it('counts leading zero bits of the transaction id exactly (affPowOk)', async () => {
    const lib = readFileSync(join(here, 'affiliate-lib.ride'), 'utf8').replace(/\{-#[^#]*#-\}/g, '')
    // First bytes 00 00 7f ff..: exactly 17 leading zero bits. All zero: 256. 80..: none. (pow_bits <= 28)
    const id17 = "base58'" + base58(Uint8Array.from([0, 0, 0x7f, ...Array<number>(29).fill(0xff)])) + "'"
    const id0 = "base58'" + base58(Uint8Array.from([0x80, ...Array<number>(31).fill(0)])) + "'"
    const zero = "base58'" + base58(new Uint8Array(32)) + "'"
    const calls = [
      `affPowOk(${id17}, 16)`, `affPowOk(${id17}, 17)`, `affPowOk(${id17}, 18)`,
      `affPowOk(${id0}, 0)`, `affPowOk(${id0}, 1)`, `affPowOk(${zero}, 28)`, `affPowOk(${id17}, 28)`,
    ]
    const printed = await evaluate(`${lib}\n[${calls.join(', ')}]`)
    expect(printed.slice(printed.lastIndexOf('\n') + 1)).toBe(
      'res1: List[Boolean] = [true, true, false, true, false, true, false]',
    )
  })

  it('checks rates: each >= 0, sum <= 1000', async () => {
    const lib = readFileSync(join(here, 'affiliate-lib.ride'), 'utf8').replace(/\{-#[^#]*#-\}/g, '')
    await expect(evaluate(`${lib}\naffValidRates(500, 300, 200, 1)`)).rejects.toThrow(/^config: rates sum above 1000$/)
    await expect(evaluate(`${lib}\naffValidRates(0, -1, 0, 0)`)).rejects.toThrow(/^config: rates must be >= 0$/)
    expect(await evaluate(`${lib}\naffValidRates(500, 300, 150, 50)`)).toMatch(
      /\nres1: \(Int, Int, Int, Int\) = Tuple\(\n\t_1 = 500\n\t_2 = 300\n\t_3 = 150\n\t_4 = 50\n\)$/,
    )
  })
})

function base58(bytes: Uint8Array): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
  let n = 0n
  for (const b of bytes) n = n * 256n + BigInt(b)
  let out = ''
  while (n > 0n) {
    out = alphabet[Number(n % 58n)] + out
    n /= 58n
  }
  for (const b of bytes) {
    if (b !== 0) break
    out = '1' + out
  }
  return out
}
