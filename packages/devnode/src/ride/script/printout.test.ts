// The node's printout of script terms (`script.expr.toString`, Terms.scala): bytes written tag by tag (Serde's V1
// format) so that each printed term is known, and scripts compiled by the official compiler.
import { describe, expect, it } from 'vitest'
import { compileRide } from '../compile.ts'
import { base58Encode } from '../../crypto.ts'
import { readScript, secureHash } from './reader.ts'
import { scriptText } from './printout.ts'
import { readScriptBase64 } from './base64.ts'

/** SerdeV1 pieces: big-endian ints, int-prefixed UTF-8 strings. */
const int = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const str = (s: string) => {
  const bytes = [...Buffer.from(s, 'utf8')]
  return [...int(bytes.length), ...bytes]
}
const long = (n: bigint) => [0, ...Array.from({ length: 8 }, (_, i) => Number((BigInt.asUintN(64, n) >> BigInt(56 - 8 * i)) & 255n))]
const bytesConst = (b: number[]) => [1, ...int(b.length), ...b]
const stringConst = (s: string) => [2, ...str(s)]
const ref = (name: string) => [5, ...str(name)]
const TRUE = [6]
const FALSE = [7]
const ifExpr = (c: number[], t: number[], f: number[]) => [3, ...c, ...t, ...f]
const letBlock = (name: string, value: number[], body: number[]) => [4, ...str(name), ...value, ...body]
const blockLet = (name: string, value: number[], body: number[]) => [10, 0, ...str(name), ...value, ...body]
const blockFunc = (name: string, args: string[], fnBody: number[], body: number[]) => [10, 1, ...str(name), ...int(args.length), ...args.flatMap(str), ...fnBody, ...body]
const getter = (e: number[], field: string) => [8, ...e, ...str(field)]
const native = (id: number, args: number[][]) => [9, 0, (id >> 8) & 255, id & 255, ...int(args.length), ...args.flat()]
const user = (name: string, args: number[][]) => [9, 1, ...str(name), ...int(args.length), ...args.flat()]
const arr = (items: number[][]) => [11, ...int(items.length), ...items.flat()]

function script(version: number, body: number[]): string | null {
  const unsigned = Uint8Array.from([version, ...body])
  const bytes = Uint8Array.from([...unsigned, ...secureHash(unsigned).subarray(0, 4)])
  return scriptText(readScript(bytes))
}

describe('expressions print as their case classes', () => {
  it('prints LET_BLOCK (E_BLOCK) and BLOCK (E_BLOCK_V2) apart, constants bare, and calls with Scala lists', () => {
    // LET_BLOCK.toStr "LET_BLOCK(" let "," body ")"; LET "LET(" name "," value ")"; FUNCTION_CALL "(" header "," List ")"
    expect(script(3, letBlock('x', long(-5n), native(0, [ref('x'), long(9223372036854775807n)])))).toBe(
      'LET_BLOCK(LET(x,-5),FUNCTION_CALL(Native(0),List(REF(x), 9223372036854775807)))',
    )
    expect(script(3, blockLet('x', TRUE, ref('x')))).toBe('BLOCK(LET(x,true),REF(x))')
    // FUNC "FUNC(" name "," args.toString "," body ")"; User's own toString; a call without arguments is List()
    expect(script(3, blockFunc('f', ['a', 'b'], ref('a'), user('f', [long(1n), FALSE])))).toBe(
      'BLOCK(FUNC(f,List(a, b),REF(a)),FUNCTION_CALL(User(f),List(1, false)))',
    )
    expect(script(3, blockFunc('g', [], TRUE, user('g', [])))).toBe('BLOCK(FUNC(g,List(),true),FUNCTION_CALL(User(g),List()))')
  })

  it('prints strings bare, bytes as ByteStr.toString, getters and ifs', () => {
    // CONST_STRING.toString is the string itself, so an empty one prints as nothing
    expect(script(3, native(1, [stringConst('a, b'), stringConst('')]))).toBe('FUNCTION_CALL(Native(1),List(a, b, ))')
    expect(script(3, ifExpr(getter(ref('tx'), 'fee'), bytesConst([0, 1, 2]), bytesConst([])))).toBe(
      `IF(GETTER(REF(tx),fee),${base58Encode(Uint8Array.of(0, 1, 2))},)`,
    )
    // ByteStr.toString: base58 below 1,024 bytes, "base64:" from 1,024
    const big = Array.from({ length: 1024 }, (_, i) => i & 255)
    const below = big.slice(0, 1023)
    expect(script(3, native(0, [bytesConst(below), bytesConst(big)]))).toBe(
      `FUNCTION_CALL(Native(0),List(${base58Encode(Uint8Array.from(below))}, base64:${Buffer.from(big).toString('base64')}))`,
    )
  })

  it('prints list constants as TermPrinter does: quoted and escaped strings, base58 and base64 bytes', () => {
    const big = Array.from({ length: 1025 }, () => 7)
    expect(script(4, arr([long(1n), TRUE, stringConst(`a"b'c/\\\n`), bytesConst([1]), arr([]), bytesConst(big)]))).toBe(
      `[1, true, "a\\"b\\'c\\/\\\\\\n", base58'2', [], base64'${Buffer.from(big).toString('base64')}']`,
    )
  })

  it('prints no dApp: its meta prints a JVM identity hash', () => {
    const dApp = compileRide({ source: '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n@Callable(i)\nfunc f() = []', libraries: {} })
    expect(scriptText(readScriptBase64(dApp.base64))).toBe(null)
  })
})

describe('compiled scripts', () => {
  it('prints an asset script of V6 (SerdeV2) as its terms', () => {
    const compiled = compileRide({
      source: `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
let limit = 100
match tx {
  case t: TransferTransaction => t.amount <= limit
  case _ => true
}`,
      libraries: {},
    })
    // the compiler's terms: a let is LET_BLOCK, `match` binds $match0 and tests the type with instanceOf (Native 1)
    expect(scriptText(readScriptBase64(compiled.base64))).toBe(
      'LET_BLOCK(LET(limit,100),LET_BLOCK(LET($match0,REF(tx)),IF(FUNCTION_CALL(Native(1),List(REF($match0), TransferTransaction)),' +
        'LET_BLOCK(LET(t,REF($match0)),FUNCTION_CALL(Native(103),List(REF(limit), GETTER(REF(t),amount)))),true)))',
    )
  })
})
