// Script bytes to terms: scripts compiled by the official compiler read back, and hostile bytes get the node's
// ScriptParseError texts (lang/script/ScriptReader.scala, v1/serialization/SerdeV1/V2, contract/serialization).
import ride from '@waves/ride-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client } from '../../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../../index.ts'
import type { DAppScript, Expr, Script } from '../terms.ts'
import { RideError } from '../values.ts'
import { base64Decode, readScriptBase64, scriptBytesFromBase64 } from './base64.ts'
import { argTypeName, compactName } from './meta.ts'
import { readScript, secureHash } from './reader.ts'
import { CORPUS } from './test-corpus.ts'

function compile(source: string, compact = false): { bytes: Uint8Array; base64: string } {
  const result = ride.compile(source, 3, compact)
  if ('error' in result) throw new Error(String(result.error))
  return { bytes: result.result.bytes, base64: result.result.base64 }
}

/** bytes with a correct checksum appended, so the reader gets past it to the body */
function withChecksum(...parts: (number[] | Uint8Array)[]): Uint8Array {
  const body = Uint8Array.from(parts.flatMap((p) => Array.from(p)))
  const out = new Uint8Array(body.length + 4)
  out.set(body)
  out.set(secureHash(body).subarray(0, 4), body.length)
  return out
}

const int32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const utf8 = (s: string) => Array.from(new TextEncoder().encode(s))
const v1String = (s: string) => [...int32(utf8(s).length), ...utf8(s)]
const v2String = (s: string) => [utf8(s).length, ...utf8(s)]

function parseError(read: () => unknown): string {
  try {
    read()
  } catch (e) {
    expect(e).toBeInstanceOf(RideError)
    return (e as Error).message
  }
  throw new Error('read did not fail')
}

const long = (n: bigint): Expr => ({ kind: 'long', value: n })
const ref = (name: string): Expr => ({ kind: 'ref', name })

describe('scripts compiled by the official compiler', () => {
  it('reads a V1 expression into the node terms', () => {
    const { bytes } = compile('{-# STDLIB_VERSION 1 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nlet a = 1\na + 2 == 3')
    expect(bytes[0]).toBe(1)
    expect(readScript(bytes)).toEqual({
      kind: 'expression',
      version: 1,
      expr: {
        kind: 'block',
        declaration: { kind: 'let', name: 'a', value: long(1n) },
        body: {
          kind: 'call',
          function: { kind: 'native', id: 0 },
          args: [{ kind: 'call', function: { kind: 'native', id: 100 }, args: [ref('a'), long(2n)] }, long(3n)],
        },
      },
    } satisfies Script)
  })

  it('reads a V6 expression (SerdeV2) with a function, a list and each literal kind', () => {
    const { bytes } = compile(`{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
func f(x: Int) = x * -9223372036854775808
f(1) == 0 && "é中😀" != "" && base16'00ff' != base64'' && true != false`)
    expect([bytes[0], bytes[1]]).toEqual([6, 1])
    const script = readScript(bytes)
    expect(script).toEqual({
      kind: 'expression',
      version: 6,
      expr: {
        kind: 'block',
        declaration: {
          kind: 'func',
          name: 'f',
          args: ['x'],
          body: { kind: 'call', function: { kind: 'native', id: 104 }, args: [ref('x'), long(-9223372036854775808n)] },
        },
        body: expect.objectContaining({ kind: 'if' }),
      },
    })
    const text = JSON.stringify(script, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v))
    expect(text).toContain('{"kind":"string","value":"é中😀"}')
    expect(text).toContain('{"kind":"bytes","value":[0,255]}')
    expect(text).toContain('{"kind":"bytes","value":[]}')
    expect(text).toContain('{"kind":"call","function":{"kind":"user","name":"f"},"args":[{"kind":"long","value":"1n"}]}')
  })

  it.each(CORPUS.map((c) => [c.name, c.source] as const))('reads %s, compacted or not', (_name, source) => {
    for (const compact of [false, true]) {
      const { bytes } = compile(source, compact)
      const script = readScript(bytes)
      const version = Number(/STDLIB_VERSION (\d)/.exec(source)![1])
      expect(script.version).toBe(version)
      expect(script.kind).toBe(source.includes('CONTENT_TYPE DAPP') ? 'dapp' : 'expression')
    }
  })

  it('reads a V5 dApp: declarations, callables with their meta types (unions, lists), the verifier', () => {
    const source = CORPUS.find((c) => c.name === 'V5 dApp with verifier')!.source
    const script = readScript(compile(source).bytes) as DAppScript
    expect(script.declarations.map((d) => [d.kind, d.name])).toEqual([
      ['let', 'key'],
      ['let', 'limit'],
      ['func', 'clamp'],
      ['func', 'keyOf'],
    ])
    expect(script.callables.map((c) => [c.annotationArg, c.func.name, c.func.args])).toEqual([
      ['i', 'store', ['amount', 'note', 'flag', 'bin', 'items', 'names', 'either', 'any']],
      ['inv', 'nothing', []],
    ])
    expect(script.verifier?.annotationArg).toBe('tx')
    expect(script.verifier?.func.name).toBe('verify')
    expect(script.meta.version).toBe(2)
    expect(script.meta.typesError).toBeUndefined()
    expect(script.meta.callableArgTypes.map((types) => types.map(argTypeName))).toEqual([
      ['Int', 'String', 'Boolean', 'ByteVector', 'List[Int]', 'List[String]', 'Int|String', 'Boolean|ByteVector|Int|String'],
      [],
    ])
    expect(script.meta.callableArgTypes[0]![6]).toEqual(['Int', 'String'])
  })

  it('copies constants out of the input, a Node Buffer included', () => {
    for (const version of [5, 6]) {
      const buffer = Buffer.from(compile(`{-# STDLIB_VERSION ${version} #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nbase16'0a0b' != base16''`).bytes)
      const script = readScript(buffer) as unknown as { expr: { args: Expr[] } }
      buffer.fill(0)
      expect(script.expr.args[0]).toEqual({ kind: 'bytes', value: Uint8Array.of(10, 11) })
    }
  })

  it('reads a V3 dApp (meta version 1) and a V8 dApp (ContractSerDeV2)', () => {
    const v3 = readScript(compile(CORPUS.find((c) => c.name === 'V3 dApp with verifier')!.source).bytes) as DAppScript
    expect(v3.meta.version).toBe(1)
    expect(v3.meta.callableArgTypes).toEqual([['Int', 'String', 'Boolean', 'ByteVector'], []])
    const v8 = readScript(compile(CORPUS.find((c) => c.name === 'V8 dApp with verifier')!.source).bytes) as DAppScript
    expect(v8.meta.callableArgTypes).toEqual([['Int', 'String', 'Boolean', 'ByteVector', { list: 'Int' }, { list: 'String' }], []])
    expect(v8.verifier?.func.body.kind).toBe('block')
  })

  it('keeps the original names of a compacted dApp; the script runs under the compact names', () => {
    const source = CORPUS.find((c) => c.name === 'V6 dApp to compact')!.source
    const script = readScript(compile(source, true).bytes) as DAppScript
    expect([...script.meta.originalNames]).toEqual([
      ['a', 'rewardPerBlockKey'],
      ['b', 'readRewardPerBlock'],
      ['c', 'multiplyReward'],
      ['d', 'times'],
      ['e', 'invocation'],
      ['f', 'blocks'],
      ['g', 'transaction'],
      ['h', 'verifyTransaction'],
    ])
    expect(script.declarations.map((d) => d.name)).toEqual(['a', 'b', 'c'])
    expect(script.callables[0]!.func.name).toBe('claim')
    expect(script.callables[0]!.func.args).toEqual(['f'])
    expect(script.verifier!.func.name).toBe('h')
  })

  it('names compact names as the compactor does: a..z, A..Z, then two letters', () => {
    expect([0, 25, 26, 51, 52, 53, 103, 104, 2755, 2756].map(compactName)).toEqual(['a', 'z', 'A', 'Z', 'aa', 'ab', 'aZ', 'ba', 'ZZ', 'aaa'])
  })
})

describe('the dev node compile route and ride-js locally', () => {
  let node: Devnode
  beforeAll(async () => {
    node = await createDevnode()
  })
  afterAll(() => node.close())

  it.each(['V6 dApp with verifier', 'V4 dApp with verifier', 'V2 literals and lets', 'V8 FOLD and lists'])('gives the same bytes for %s', async (name) => {
    const source = CORPUS.find((c) => c.name === name)!.source
    const answer = await client(node.url).post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })
    expect(answer.status).toBe(200)
    const local = compile(source)
    expect(answer.body.script).toBe(`base64:${local.base64}`)
    expect(readScriptBase64(answer.body.script)).toEqual(readScript(local.bytes))
  })
})

describe('base64 as the node decodes it (java.util.Base64)', () => {
  it('decodes with or without the prefix and padding', () => {
    expect(Array.from(base64Decode('base64:AQID'))).toEqual([1, 2, 3])
    expect(Array.from(base64Decode('AQI='))).toEqual([1, 2])
    expect(Array.from(base64Decode('AQI'))).toEqual([1, 2])
    expect(Array.from(base64Decode('AQ=='))).toEqual([1])
    expect(Array.from(base64Decode('base64:'))).toEqual([])
  })

  it("refuses what Java's decoder refuses, with its texts", () => {
    const error = (s: string) => parseError(() => scriptBytesFromBase64(s))
    expect(error('base64:AQ-D')).toBe('Unable to decode base64: Illegal base64 character 2d')
    expect(error('AQ D')).toBe('Unable to decode base64: Illegal base64 character 20')
    expect(error('AQIDé')).toBe('Unable to decode base64: Illegal base64 character -17')
    expect(error('A')).toBe('Unable to decode base64: Input byte[] should at least have 2 bytes for base64 bytes')
    expect(error('AQIDB')).toBe('Unable to decode base64: Last unit does not have enough valid bits')
    expect(error('AQ=A')).toBe('Unable to decode base64: Input byte array has wrong 4-byte ending unit')
    expect(error('AQID=')).toBe('Unable to decode base64: Input byte array has wrong 4-byte ending unit')
    expect(error('AQ==AQ')).toBe('Unable to decode base64: Input byte array has incorrect ending byte at 4')
  })
})

describe('hostile bytes get the node errors, never a crash or a hang', () => {
  const v6 = compile('{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nheight > 0').bytes
  const v6DApp = compile(CORPUS.find((c) => c.name === 'V6 dApp with verifier')!.source).bytes
  const v5DApp = compile(CORPUS.find((c) => c.name === 'V5 dApp with verifier')!.source).bytes

  it('refuses empty, short, unknown versions and content types (ScriptReader)', () => {
    expect(parseError(() => readScript(new Uint8Array(0)))).toBe("Can't parse empty script bytes")
    expect(parseError(() => readScript(Uint8Array.of(0, 2)))).toBe('Illegal length of script: 2')
    expect(parseError(() => readScript(Uint8Array.of(0, 4, 6, 1, 2, 3, 4)))).toBe('Invalid content type of script: 4')
    expect(parseError(() => readScript(Uint8Array.of(0, 2, 9, 1, 2, 3, 4)))).toBe('Invalid version of script: 9')
    expect(parseError(() => readScript(Uint8Array.of(9, 1, 2, 3)))).toBe('Invalid version of script: 9')
    expect(parseError(() => readScript(Uint8Array.of(0xff, 1, 2, 3)))).toBe('Invalid version of script: -1')
    expect(parseError(() => readScript(Uint8Array.of(6)))).toBe('Illegal length of script: 1')
    expect(parseError(() => readScript(Uint8Array.of(6, 0x80, 1, 2)))).toBe('Invalid content type of script: -128')
  })

  it('refuses a wrong checksum and every truncation of a valid script', () => {
    const flipped = v6DApp.slice()
    flipped[flipped.length - 1]! ^= 1
    expect(parseError(() => readScript(flipped))).toBe('Invalid checksum')
    for (let n = 3; n < v6DApp.length; n++) expect(parseError(() => readScript(v6DApp.subarray(0, n)))).toBe('Invalid checksum')
  })

  it('refuses bytes after the expression (Serde.deserialize all = true)', () => {
    const body = v6.subarray(2, v6.length - 4)
    expect(parseError(() => readScript(withChecksum([6, 1], body, [7, 7, 7])))).toBe('3 bytes left')
    const v1 = compile('{-# STDLIB_VERSION 2 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\ntrue').bytes
    expect(parseError(() => readScript(withChecksum(v1.subarray(0, v1.length - 4), [0])))).toBe('1 bytes left')
  })

  it('refuses truncated bodies with a valid checksum, in both formats', () => {
    expect(parseError(() => readScript(withChecksum(v6.subarray(0, v6.length - 6))))).toBe(
      'While parsing a protocol message, the input ended unexpectedly in the middle of a field.  This could mean either that the input has been truncated or that an embedded message misreported its own length.',
    )
    const v3 = compile('{-# STDLIB_VERSION 3 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\nheight > 0').bytes
    expect(parseError(() => readScript(withChecksum(v3.subarray(0, v3.length - 6))))).toBe('java.nio.BufferUnderflowException')
    expect(parseError(() => readScript(withChecksum(v5DApp.subarray(0, v5DApp.length - 40))))).toBe('java.nio.BufferUnderflowException')
  })

  it('refuses huge counts and sizes without allocating them', () => {
    // V1: a call claiming 2^31-1 arguments
    expect(parseError(() => readScript(withChecksum([3, 9, 0, 0, 100], int32(0x7fffffff))))).toBe('At position 8 array of arguments too big.')
    // V1: a string claiming more bytes than the buffer holds
    expect(parseError(() => readScript(withChecksum([3, 2], int32(1_000_000))))).toBe('Invalid array size (1000000)')
    expect(parseError(() => readScript(withChecksum([3, 2], int32(-1))))).toBe('Invalid array size (-1)')
    // V1: a function claiming more argument names than bytes remain
    expect(parseError(() => readScript(withChecksum([3, 10, 1], v1String('f'), int32(1000))))).toBe('At position 11 array of arguments names too big.')
    // V2: a list claiming 2^32-1 elements (a negative Java int: no elements), then the rest of the bytes
    expect(parseError(() => readScript(withChecksum([6, 1, 11, 0xff, 0xff, 0xff, 0xff, 0x0f, 6])))).toBe('1 bytes left')
    // V2: a list claiming 2^31-1 elements reads until the bytes end
    expect(parseError(() => readScript(withChecksum([6, 1, 11, 0xff, 0xff, 0xff, 0xff, 0x07, 0, 1])))).toBe(
      'While parsing a protocol message, the input ended unexpectedly in the middle of a field.  This could mean either that the input has been truncated or that an embedded message misreported its own length.',
    )
    // V2: a string with a negative size
    expect(parseError(() => readScript(withChecksum([6, 1, 2, 0xff, 0xff, 0xff, 0xff, 0x0f])))).toBe(
      'CodedInputStream encountered an embedded string or message which claimed to have negative size.',
    )
    // V2: an eleven-byte varint
    expect(parseError(() => readScript(withChecksum([6, 1, 0], new Array(11).fill(0xff), [1])))).toBe('CodedInputStream encountered a malformed varint.')
    // V6 dApp: 2^31-1 declarations
    expect(parseError(() => readScript(withChecksum([6, 2, 0, 0xff, 0xff, 0xff, 0xff, 0x07])))).toBe('At position 6 array of arguments too big.')
  })

  it('refuses unknown tags, headers and list elements that are not constants', () => {
    expect(parseError(() => readScript(withChecksum([6, 1, 13])))).toBe('13 (of class java.lang.Byte)')
    // E_CASE_OBJ is not admitted in script bytes
    expect(parseError(() => readScript(withChecksum([6, 1, 12])))).toBe('12 (of class java.lang.Byte)')
    expect(parseError(() => readScript(withChecksum([6, 1, 10, 2])))).toBe('2 (of class java.lang.Byte)')
    expect(parseError(() => readScript(withChecksum([6, 1, 9, 5])))).toBe('Unknown function header type: 5')
    expect(parseError(() => readScript(withChecksum([6, 1, 11, 1, 5], v2String('x'))))).toBe('Unsupported array element: REF(x)')
    const longString = new Array(32768).fill(0x61)
    expect(parseError(() => readScript(withChecksum([6, 1, 2, 0x80, 0x80, 0x02], longString)))).toBe('String size=32768 exceeds 32767 bytes')
    expect(parseError(() => readScript(withChecksum([3, 1], int32(32768), longString)))).toBe('ByteStr size=32768 exceeds 32767 bytes')
  })

  it('reads list constants (E_ARR) into values', () => {
    const script = readScript(withChecksum([6, 1, 11, 3, 0, 1, 2], v2String('ab'), [11, 1, 6]))
    expect(script).toEqual({ kind: 'expression', version: 6, expr: { kind: 'value', value: [1n, 'ab', [true]] } })
  })

  it('refuses dApp bodies the node refuses (ContractSerDe)', () => {
    // V2: option flag of the verifier other than 0 or 1; meta empty, no declarations, no callables
    expect(parseError(() => readScript(withChecksum([6, 2, 0, 0, 0, 2])))).toBe('At position 4 unknown option flag value')
    // V2: a callable that is a LET
    expect(parseError(() => readScript(withChecksum([6, 2, 0, 0, 1], v2String('i'), [0])))).toBe('At position 5 invalid type 0 for function')
    // V2: a callable name of 256 bytes
    const name = 'n'.repeat(256)
    expect(parseError(() => readScript(withChecksum([6, 2, 0, 0, 1], v2String('i'), [1, 0x80, 0x02], utf8(name), [0, 6, 0])))).toBe(
      `Callable function name (${name}) size = 256 bytes exceeds 255`,
    )
    // V2: a meta that is not protobuf
    expect(parseError(() => readScript(withChecksum([6, 2, 2, 0x0f, 0x01, 0, 0, 0])))).toBe('Protocol message tag had invalid wire type.')
    // V1: a negative meta size
    expect(parseError(() => readScript(withChecksum([0, 2, 3], int32(0), int32(-5))))).toBe('-5')
    // V1: an empty dApp with nothing after the meta
    expect(parseError(() => readScript(withChecksum([0, 2, 3], int32(0), int32(0))))).toBe('java.nio.BufferUnderflowException')
    // V1: the smallest dApp: no meta, declarations, callables or verifier
    expect(readScript(withChecksum([0, 2, 3], int32(0), int32(0), int32(0), int32(0), int32(0)))).toEqual({
      kind: 'dapp',
      version: 3,
      meta: { version: 0, callableArgTypes: [], originalNames: new Map() },
      declarations: [],
      callables: [],
      verifier: null,
    })
  })

  it('refuses a dApp above 160 KB (ContractScript.validateBytes), takes one at the limit', () => {
    const varint = (n: number): number[] => (n < 0x80 ? [n] : [0x80 | (n & 0x7f), ...varint(n >>> 7)])
    // DEC_LET, the name, E_STRING, the size, the bytes: 32,775 bytes for a 32,767-byte string
    const stringLet = (name: string, size: number) => [0, ...v2String(name), 2, ...varint(size), ...new Array(size).fill(0x61)]
    // version, DAPP, an empty meta, the number of lets; after them no callables and no verifier
    const dAppOf = (lets: number[][]) => withChecksum([6, 2, 0, lets.length], ...lets, [0, 0])
    const big = dAppOf([0, 1, 2, 3, 4, 5].map((i) => stringLet(`a${i}`, 32767)))
    expect(big.length).toBe(196_660)
    expect(parseError(() => readScript(big))).toBe('Script is too large: 196660 bytes > 163840 bytes')
    const atLimit = dAppOf([...[0, 1, 2, 3].map((i) => stringLet(`a${i}`, 32767)), stringLet('a4', 32722)])
    expect(atLimit.length).toBe(163_840)
    expect((readScript(atLimit) as DAppScript).declarations.length).toBe(5)
    const above = dAppOf([...[0, 1, 2, 3].map((i) => stringLet(`a${i}`, 32767)), stringLet('a4', 32723)])
    expect(parseError(() => readScript(above))).toBe('Script is too large: 163841 bytes > 163840 bytes')
  })

  it('keeps meta types the node reads only later as typesError', () => {
    // meta { version: 3 }
    const v3 = readScript(withChecksum([6, 2, 2, 0x08, 3, 0, 0, 0])) as DAppScript
    expect(v3.meta.typesError).toBe('Unsupported meta version 3')
    // meta { version: 2, funcs: [{ types: [0x20] }] }: bit 5 names no type (bit 4 is "a list of")
    const bad = readScript(withChecksum([6, 2, 7, 0x08, 2, 0x12, 3, 0x0a, 1, 0x20, 0, 0, 0])) as DAppScript
    expect(bad.meta.typesError).toBe('Unexpected callable type absence for index=5')
    // meta version 1 has no list bit: bit 4 names no type
    const v1 = readScript(withChecksum([6, 2, 7, 0x08, 1, 0x12, 3, 0x0a, 1, 0x11, 0, 0, 0])) as DAppScript
    expect(v1.meta.typesError).toBe('Unexpected callable type absence for index=4')
    // funcs: [{ types: [0x00] }]
    const none = readScript(withChecksum([6, 2, 7, 0x08, 1, 0x12, 3, 0x0a, 1, 0x00, 0, 0, 0])) as DAppScript
    expect(none.meta.typesError).toBe('Unexpected callable func arg type absence')
  })

  it('reads 100,000 nested getters without exhausting the stack', () => {
    const depth = 100_000
    const fields = Array.from({ length: depth }, () => v2String('f')).flat()
    const script = readScript(withChecksum([6, 1], new Array(depth).fill(8), [6], fields))
    let expr = (script as { expr: Expr }).expr
    let n = 0
    while (expr.kind === 'getter') {
      expr = expr.expr
      n++
    }
    expect(n).toBe(depth)
    expect(expr).toEqual({ kind: 'boolean', value: true })
  })
})
