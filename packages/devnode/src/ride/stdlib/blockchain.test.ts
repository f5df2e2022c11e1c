// WavesContext over a fixture chain: the reads, their errors and the objects scripts see, per version. Expected
// texts and shapes come from the node's tests and source, cited per case (lang/tests ... ValueErrorMessageTest,
// IntegrationTest; Functions.scala, Bindings.scala, Types.scala, WavesEnvironment.scala). Addresses are computed by
// @waves/ts-lib-crypto, Waves' reference library, not by the code under test.
import { createRequire } from 'node:module'
import ride from '@waves/ride-js'
import { describe, expect, it } from 'vitest'
import type { AssetDescription, BlockDescription, EntryType, EntryValue, Environment, InvokeRequest } from '../environment.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'
import type { StdlibVersion } from '../versions.ts'
import { invocationObject, transactionObject, type TransactionDescription } from './bindings.ts'
import { evaluate } from '../evaluate/evaluator.ts'
import { readScript } from '../script/reader.ts'
import { blockchainEntries, servesScriptKind } from './blockchain.ts'
import { stdlib } from './index.ts'
import type { CallContext, CaseType, GlobalValue, NativeFunction, UserFunction } from './types.ts'

const wavesCrypto = createRequire(import.meta.url)('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')
const b58 = (s: string) => wavesCrypto.base58Decode(s)
const utf8 = (s: string) => new TextEncoder().encode(s)

const CHAIN_ID = 82 // 'R'
const alicePk = b58(wavesCrypto.publicKey('alice'))
const alice = b58(wavesCrypto.address('alice', 'R'))
const bob = b58(wavesCrypto.address('bob', 'R'))
const dApp = b58(wavesCrypto.address('dapp', 'R'))
const onMainnet = b58(wavesCrypto.address('alice', 'W'))
const assetId = new Uint8Array(32).fill(7)
const txId = b58('aaaa')

const asset: AssetDescription = {
  id: assetId,
  quantity: 1_000_000n,
  decimals: 2,
  issuer: alice,
  issuerPublicKey: alicePk,
  reissuable: true,
  scripted: false,
  minSponsoredFee: 5n,
  name: 'Token',
  description: 'a token',
}

const block = (height: number): BlockDescription => ({
  timestamp: 1_700_000_000_000n + BigInt(height) * 60_000n,
  height,
  baseTarget: 100n,
  generationSignature: new Uint8Array(32).fill(height),
  generator: bob,
  generatorPublicKey: b58(wavesCrypto.publicKey('bob')),
  vrf: new Uint8Array(32).fill(9),
  rewards: [{ address: bob, reward: 600_000_000n }],
})

/** A small chain: alice's data and balances, an alias of bob, one asset, blocks 1-10. */
class FixtureEnvironment implements Environment {
  readonly chainId = CHAIN_ID
  readonly height = 10
  readonly tx: CaseObj | null = null
  readonly txId = txId
  invokes: InvokeRequest[] = []
  constructor(
    readonly thisAddress: Uint8Array | null = dApp,
    readonly thisAsset: Uint8Array | null = null,
  ) {}
  private readonly entries = new Map<string, EntryValue>([
    [`${b58key(alice)}/count`, 42n],
    [`${b58key(alice)}/name`, 'alice'],
    [`${b58key(dApp)}/flag`, true],
    [`${b58key(bob)}/blob`, Uint8Array.of(1, 2)],
  ])
  lastBlock() {
    return block(10)
  }
  data(address: Uint8Array, key: string, type: EntryType): EntryValue | null {
    const value = this.entries.get(`${b58key(address)}/${key}`)
    if (value === undefined) return null
    const actual = typeof value === 'bigint' ? 'integer' : typeof value === 'boolean' ? 'boolean' : typeof value === 'string' ? 'string' : 'binary'
    return actual === type ? value : null
  }
  isDataStorageUntouched(address: Uint8Array) {
    return ![...this.entries.keys()].some((k) => k.startsWith(`${b58key(address)}/`))
  }
  balance(address: Uint8Array, id: Uint8Array | null) {
    if (b58key(address) !== b58key(alice)) return 0n
    return id === null ? 500_000_000n : 77n
  }
  wavesBalanceDetails(address: Uint8Array) {
    const regular = this.balance(address, null)
    return { available: regular - 1n, regular, generating: regular - 2n, effective: regular - 3n }
  }
  assetInfo(id: Uint8Array) {
    return b58key(id) === b58key(assetId) ? asset : null
  }
  blockInfoByHeight(height: number) {
    return height >= 1 && height <= 10 ? block(height) : null
  }
  transactionHeightById(id: Uint8Array) {
    return b58key(id) === b58key(txId) ? 3 : null
  }
  transferTransactionById() {
    return null
  }
  resolveAlias(alias: string) {
    return alias === 'bobby' ? bob : null
  }
  accountScriptHash(address: Uint8Array) {
    return b58key(address) === b58key(dApp) ? new Uint8Array(32).fill(1) : null
  }
  invoke(request: InvokeRequest): Value {
    this.invokes.push(request)
    return 5n
  }
}

function b58key(bytes: Uint8Array): string {
  return wavesCrypto.base58Encode(bytes)
}

const address = (bytes: Uint8Array) => new CaseObj('Address', new Map([['bytes', bytes]]))
const alias = (name: string) => new CaseObj('Alias', new Map([['alias', name]]))
const fields = (v: Value) => Object.fromEntries((v as CaseObj).fields)
const fieldNames = (v: Value) => [...(v as CaseObj).fields.keys()]

function ctx(version: StdlibVersion, env: Environment = new FixtureEnvironment()): CallContext {
  return { version, env, remaining: 10_000 }
}

function nativeCall(id: number, version: StdlibVersion, args: Value[], env?: Environment): Value {
  const f = blockchainEntries.find((e): e is NativeFunction => e.kind === 'native' && e.id === id && e.costs[version] !== undefined)
  if (f === undefined) throw new Error(`no native ${id} in V${version}`)
  return f.apply(args, ctx(version, env))
}

function userCall(name: string, version: StdlibVersion, args: Value[], env?: Environment): Value {
  const f = blockchainEntries.find((e): e is UserFunction => e.kind === 'user' && e.name === name && e.costs[version] !== undefined)
  if (f === undefined || !('apply' in f)) throw new Error(`no user function ${name} in V${version}`)
  return f.apply(args, ctx(version, env))
}

function globalValue(name: string, version: StdlibVersion, env?: Environment): Value {
  const g = blockchainEntries.find((e): e is GlobalValue => e.kind === 'global' && e.name === name && e.versions.includes(version))
  if (g === undefined) throw new Error(`no global ${name} in V${version}`)
  return g.value(ctx(version, env))
}

function failure(f: () => unknown): { message: string; thrown: boolean } {
  try {
    f()
  } catch (e) {
    if (e instanceof RideError) return { message: e.message, thrown: e.thrown }
    throw e
  }
  throw new Error('no error')
}

function cost(kind: 'native' | 'user', key: number | string, version: StdlibVersion): number | undefined {
  const f = blockchainEntries.find(
    (e) => e.kind === kind && (kind === 'native' ? (e as NativeFunction).id === key : (e as UserFunction).name === key) && (e as NativeFunction).costs[version] !== undefined,
  ) as NativeFunction | undefined
  return f?.costs[version]
}

describe('data reads', () => {
  // Functions.getDataFromStateF over WavesEnvironment.data: a missing key, another type, a bad address or an unknown
  // alias all read as unit
  it('read an account by address or alias, unit for anything missing', () => {
    expect(nativeCall(1050, 4, [address(alice), 'count'])).toBe(42n)
    expect(nativeCall(1053, 1, [address(alice), 'name'])).toBe('alice')
    expect(nativeCall(1052, 5, [alias('bobby'), 'blob'])).toEqual(Uint8Array.of(1, 2))
    expect(nativeCall(1051, 5, [address(alice), 'count'])).toBe(UNIT)
    expect(nativeCall(1050, 5, [address(alice), 'nothing'])).toBe(UNIT)
    expect(nativeCall(1050, 5, [address(Uint8Array.of(1, 2, 3)), 'count'])).toBe(UNIT)
    expect(nativeCall(1050, 5, [address(onMainnet), 'count'])).toBe(UNIT)
    expect(nativeCall(1050, 5, [alias('nobody'), 'count'])).toBe(UNIT)
    expect(nativeCall(1056, 5, ['flag'])).toBe(true)
    expect([1, 3, 4, 8].map((v) => cost('native', 1050, v as StdlibVersion))).toEqual([100, 100, 10, 10])
    expect([4, 5, 8].map((v) => cost('native', 1055, v as StdlibVersion))).toEqual([undefined, 10, 10])
  })

  // ValueErrorMessageTest "data functions"
  it('name the key and the address when a ...Value read finds nothing (V4+)', () => {
    const abc = b58('abc')
    for (const [suffix, id, selfId, arrayId] of [
      ['Integer', 1050, 1055, 1040],
      ['String', 1053, 1058, 1043],
      ['Boolean', 1051, 1056, 1041],
      ['Binary', 1052, 1057, 1042],
    ] as const) {
      const f = `get${suffix}Value`
      expect(failure(() => userCall(`@extrNative(${id})`, 4, [address(abc), 'data']))).toEqual({
        message: `value by key 'data' not found for the address base58'abc' on function '${f}' call`,
        thrown: true,
      })
      expect(failure(() => userCall(`@extrNative(${selfId})`, 5, ['data'])).message).toBe(
        `value by key 'data' not found for the contract address on function '${f}' call`,
      )
      expect(failure(() => userCall(`@extrNative(${arrayId})`, 4, [[], 'data'])).message).toBe(
        `value by key 'data' not found in the list on function '${f}' call`,
      )
      const unsuitable = suffix === 'Integer' ? booleanEntry('data', true) : integerEntry('data', 1n)
      expect(failure(() => userCall(`@extrUser(get${suffix})`, 4, [[unsuitable], 0n])).message).toBe(
        `value by index 0 not found in the list on function '${f}' call`,
      )
    }
    expect(userCall('@extrNative(1050)', 6, [address(alice), 'count'])).toBe(42n)
    // V3 extracts with extract(): PureContext.extract's text
    expect(failure(() => userCall('@extrNative(1050)', 3, [address(alice), 'none']))).toEqual({
      message: 'extract() called on unit value',
      thrown: true,
    })
  })

  const integerEntry = (key: string, value: bigint) => entry('IntegerEntry', key, value)
  const booleanEntry = (key: string, value: boolean) => entry('BooleanEntry', key, value)
  function entry(type: string, key: string, value: Value): CaseObj {
    return new CaseObj(
      type,
      new Map<string, Value>([
        ['key', key],
        ['value', value],
      ]),
    )
  }

  // Functions.getDataFromArrayF and getDataByIndexF: the first entry with the key decides; PureContext.getElement's
  // bounds text
  it('read data transaction lists by key and by index', () => {
    const list = [integerEntry('a', 1n), booleanEntry('b', true), integerEntry('a', 2n)]
    expect(nativeCall(1040, 4, [list, 'a'])).toBe(1n)
    expect(nativeCall(1041, 4, [list, 'a'])).toBe(UNIT)
    expect(nativeCall(1041, 2, [list, 'b'])).toBe(true)
    expect(userCall('getBoolean', 4, [list, 1n])).toBe(true)
    expect(userCall('getInteger', 4, [list, 1n])).toBe(UNIT)
    expect(failure(() => userCall('getInteger', 4, [list, 3n]))).toEqual({ message: 'Index 3 out of bounds for length 3', thrown: false })
    // a JVM Long.toInt: 2^32 reads index 0
    expect(userCall('getInteger', 4, [list, 2n ** 32n])).toBe(1n)
    expect([1, 3, 4].map((v) => cost('user', 'getInteger', v as StdlibVersion))).toEqual([30, 30, 4])
  })

  // Functions.isDataStorageUntouchedF (V5+): an address that cannot hold data is untouched
  it('tell whether an account has never had data', () => {
    expect(nativeCall(1054, 5, [address(alice)])).toBe(false)
    expect(nativeCall(1054, 5, [alias('bobby')])).toBe(false)
    expect(nativeCall(1054, 8, [address(b58(wavesCrypto.address('carol', 'R')))])).toBe(true)
    expect(nativeCall(1054, 8, [alias('nobody')])).toBe(true)
  })
})

describe('balances', () => {
  // Functions.assetBalanceF / wavesBalanceF (V1-V3: Int, wavesBalance a user function over assetBalance with unit)
  it('read Int balances before V4', () => {
    expect(nativeCall(1003, 3, [address(alice), UNIT])).toBe(500_000_000n)
    expect(nativeCall(1003, 3, [address(alice), assetId])).toBe(77n)
    expect(userCall('wavesBalance', 1, [address(alice)])).toBe(500_000_000n)
    expect(nativeCall(1003, 2, [address(bob), UNIT])).toBe(0n)
    expect([cost('native', 1003, 3), cost('user', 'wavesBalance', 3), cost('user', 'wavesBalance', 4)]).toEqual([100, 109, undefined])
  })

  // Functions.wavesBalanceV4F: BalanceDetails in the node's field order
  it('read BalanceDetails from V4', () => {
    const details = nativeCall(1007, 4, [alias('bobby')])
    expect(fieldNames(details)).toEqual(['available', 'regular', 'generating', 'effective'])
    expect(fields(nativeCall(1007, 6, [address(alice)]))).toEqual({
      available: 499_999_999n,
      regular: 500_000_000n,
      generating: 499_999_998n,
      effective: 499_999_997n,
    })
    expect(nativeCall(1008, 4, [address(alice), assetId])).toBe(77n)
  })

  // WavesEnvironment.accountBalanceOf / accountWavesBalanceOf: the ValidationError's toString is the script's error
  it('fail on unknown aliases and malformed addresses with the node texts', () => {
    expect(failure(() => nativeCall(1007, 5, [alias('nobody')]))).toEqual({ message: "Alias 'alias:R:nobody' does not exist.", thrown: false })
    expect(failure(() => nativeCall(1008, 5, [alias('ab'), assetId])).message).toBe('GenericError(Alias \'ab\' length should be between 4 and 30)')
    expect(failure(() => nativeCall(1007, 5, [address(Uint8Array.of(1, 2, 3))])).message).toBe(
      'InvalidAddress(Wrong addressBytes length: expected: 26, actual: 3)',
    )
    expect(failure(() => nativeCall(1007, 5, [address(onMainnet)])).message).toBe(
      'InvalidAddress(Address belongs to another network: expected: 82(R), actual: 87(W))',
    )
    // assetBalance reads any network's address, as AddressOrAlias.fromBytes does
    expect(nativeCall(1008, 5, [address(onMainnet), assetId])).toBe(0n)
  })
})

describe('addresses', () => {
  // Functions.addressFromPublicKeyF (V1-V5 body) and addressFromPublicKeyNative (V6+) against ts-lib-crypto
  it('derive the address of a public key on this chain', () => {
    for (const v of [1, 3, 5, 6, 8] as const) {
      const f = () => (v >= 6 ? nativeCall(1063, v, [alicePk]) : userCall('addressFromPublicKey', v, [alicePk]))
      expect(fields(f())).toEqual({ bytes: alice })
    }
    expect(failure(() => nativeCall(1063, 6, [alicePk.subarray(1)])).message).toBe('requirement failed: invalid public key length: 31')
    // V4/V5's body hashes with blake2b256_16Kb: longer keys fail there
    expect(failure(() => userCall('addressFromPublicKey', 4, [new Uint8Array(16 * 1024 + 1)])).message).toBe(
      'Invalid message size = 16385 bytes, must be not greater than 16 KB',
    )
    expect([cost('user', 'addressFromPublicKey', 3), cost('user', 'addressFromPublicKey', 5), cost('native', 1063, 6)]).toEqual([82, 63, 1])
  })

  // Functions.addressFromStringF (V1-V3 body) and addressFromStringV4 (Address.fromString with this chain)
  it('parse address strings', () => {
    const text = wavesCrypto.address('alice', 'R')
    expect(fields(userCall('addressFromString', 3, [text]))).toEqual({ bytes: alice })
    expect(fields(userCall('addressFromString', 1, [`address:${text}`]))).toEqual({ bytes: alice })
    expect(fields(nativeCall(1062, 4, [text]))).toEqual({ bytes: alice })
    expect(userCall('addressFromString', 3, [wavesCrypto.address('alice', 'W')])).toBe(UNIT)
    expect(nativeCall(1062, 6, [wavesCrypto.address('alice', 'W')])).toBe(UNIT)
    expect(nativeCall(1062, 6, ['0OIl'])).toBe(UNIT)
    expect(failure(() => userCall('addressFromString', 3, ['0OIl']))).toEqual({ message: "can't parse Base58 string", thrown: false })
    expect(failure(() => userCall('@extrNative(1062)', 5, ['nope']))).toEqual({
      message: "value() called on unit value on function 'addressFromString' call",
      thrown: true,
    })
    expect(failure(() => userCall('@extrUser(addressFromString)', 3, ['nope'])).message).toBe('extract() called on unit value')
  })

  // Functions.addressFromRecipientF and stringFromAddressF
  it('resolve recipients and print addresses', () => {
    expect(fields(nativeCall(1060, 5, [alias('bobby')]))).toEqual({ bytes: bob })
    expect(nativeCall(1060, 5, [address(alice)])).toEqual(address(alice))
    expect(failure(() => nativeCall(1060, 4, [alias('nobody')])).message).toBe("Alias 'alias:R:nobody' does not exist.")
    expect(nativeCall(1061, 3, [address(alice)])).toBe(wavesCrypto.address('alice', 'R'))
    expect([3, 5, 6].map((v) => cost('native', 1061, v as StdlibVersion))).toEqual([10, 10, 1])
  })
})

describe('chain reads', () => {
  // Bindings.buildAssetInfo: V3 `sponsored`, V4+ minSponsoredFee, name, description
  it('describe an asset per version', () => {
    expect(fields(nativeCall(1004, 3, [assetId]))).toEqual({
      id: assetId,
      quantity: 1_000_000n,
      decimals: 2n,
      issuer: address(alice),
      issuerPublicKey: alicePk,
      reissuable: true,
      scripted: false,
      sponsored: true,
    })
    const v4 = nativeCall(1004, 4, [assetId])
    expect(fieldNames(v4)).toEqual(['id', 'quantity', 'decimals', 'issuer', 'issuerPublicKey', 'reissuable', 'scripted', 'minSponsoredFee', 'name', 'description'])
    expect(fields(v4)['minSponsoredFee']).toBe(5n)
    expect(nativeCall(1004, 4, [new Uint8Array(32)])).toBe(UNIT)
  })

  // Bindings.buildBlockInfo: vrf from V4, rewards as (Address, Int) tuples from V7
  it('describe blocks per version', () => {
    expect(fieldNames(nativeCall(1005, 3, [5n]))).toEqual(['timestamp', 'height', 'baseTarget', 'generationSignature', 'generator', 'generatorPublicKey'])
    expect(fieldNames(nativeCall(1005, 6, [5n]))).toContain('vrf')
    const v7 = fields(nativeCall(1005, 7, [5n]))
    expect(v7['height']).toBe(5n)
    expect(v7['rewards']).toEqual([new CaseObj('Tuple', new Map<string, Value>([['_1', address(bob)], ['_2', 600_000_000n]]))])
    expect(nativeCall(1005, 7, [11n])).toBe(UNIT)
    expect(fields(globalValue('lastBlock', 5))['height']).toBe(10n)
  })

  it('find transactions and scripts', () => {
    expect(nativeCall(1001, 1, [txId])).toBe(3n)
    expect(nativeCall(1001, 4, [new Uint8Array(32)])).toBe(UNIT)
    expect(nativeCall(1006, 3, [txId])).toBe(UNIT)
    expect(nativeCall(1009, 5, [address(dApp)])).toEqual(new Uint8Array(32).fill(1))
    expect(nativeCall(1009, 5, [alias('bobby')])).toBe(UNIT)
    expect([cost('native', 1006, 3), cost('native', 1006, 4), cost('native', 1009, 5)]).toEqual([100, 60, 200])
  })
})

describe('actions', () => {
  // IntegrationTest "calculateAssetId": Issue.calculateId over name, description, decimals, quantity, reissuable,
  // nonce and the transaction id; expected bytes laid out here and hashed by ts-lib-crypto
  it('calculates the id of an issued asset', () => {
    const issue = nativeCall(1091, 4, ['name', 'description', 1234567n, 100n, true, UNIT, 1n])
    const int = (n: number, size: number) => Uint8Array.from({ length: size }, (_, i) => Number((BigInt(n) >> BigInt(8 * (size - 1 - i))) & 0xffn))
    const layout = Uint8Array.from([
      ...int(4, 4), ...utf8('name'),
      ...int(11, 4), ...utf8('description'),
      ...int(100, 4), ...int(1234567, 8), 0, 1, ...int(1, 8),
      ...txId,
    ])
    expect(nativeCall(1080, 4, [issue])).toEqual(wavesCrypto.blake2b(layout))
    expect(failure(() => nativeCall(1080, 4, [nativeCall(1090, 4, ['a'.repeat(17), '', 1n, 0n, true])])).message).toBe(
      'Name length should not exceed 16',
    )
  })

  // IntegrationTest "different Issue action constructors" / "different Lease action constructors"
  it('build Issue and Lease with their defaults', () => {
    expect(nativeCall(1090, 4, ['name', 'description', 1234567n, 100n, true])).toEqual(
      nativeCall(1091, 5, ['name', 'description', 1234567n, 100n, true, UNIT, 0n]),
    )
    expect(fieldNames(nativeCall(1090, 4, ['n', 'd', 1n, 0n, false]))).toEqual(['name', 'description', 'quantity', 'decimals', 'isReissuable', 'compiledScript', 'nonce'])
    expect(nativeCall(1092, 5, [address(new Uint8Array()), 1234567n])).toEqual(nativeCall(1093, 5, [address(new Uint8Array()), 1234567n, 0n]))
  })

  // IntegrationTest "calculateLeaseId" and "calculateLeaseId restrictions"
  it('calculates lease ids and refuses oversized recipients', () => {
    const int64 = (n: number) => Uint8Array.from({ length: 8 }, (_, i) => Number((BigInt(n) >> BigInt(8 * (7 - i))) & 0xffn))
    const byAddress = nativeCall(1081, 5, [nativeCall(1093, 5, [address(b58('bbbb')), 1234567n, 123n])])
    expect(byAddress).toEqual(wavesCrypto.blake2b(Uint8Array.from([...b58('bbbb'), ...txId, ...int64(123), ...int64(1234567)])))
    const byAlias = nativeCall(1081, 5, [nativeCall(1093, 5, [alias('alias'), 9876n, 100n])])
    expect(byAlias).toEqual(wavesCrypto.blake2b(Uint8Array.from([0, 0, 0, 5, ...utf8('alias'), ...txId, ...int64(100), ...int64(9876)])))
    expect(failure(() => nativeCall(1081, 5, [nativeCall(1093, 5, [address(b58('a'.repeat(36))), 1234567n, 123n])])).message).toBe(
      'Address bytes length=27 exceeds limit=26',
    )
    expect(failure(() => nativeCall(1081, 5, [nativeCall(1093, 5, [alias('a'.repeat(31)), 1234567n, 123n])])).message).toBe(
      'Alias name length=31 exceeds limit=30',
    )
  })

  // Functions.callDAppF: an alias is resolved, unit names `default`, payments read; the callee gets what is left
  it('hands invoke to the environment', () => {
    const env = new FixtureEnvironment()
    const payment = new CaseObj('AttachedPayment', new Map<string, Value>([['assetId', UNIT], ['amount', 10n]]))
    expect(nativeCall(1020, 5, [alias('bobby'), UNIT, [1n, 'x'], [payment]], env)).toBe(5n)
    expect(nativeCall(1021, 6, [address(dApp), 'fund', [], []], env)).toBe(5n)
    expect(env.invokes).toEqual([
      { dApp: bob, function: 'default', args: [1n, 'x'], payments: [{ assetId: null, amount: 10n }], reentrant: false, remaining: 9_925, spend: expect.any(Function) },
      { dApp, function: 'fund', args: [], payments: [], reentrant: true, remaining: 9_925, spend: expect.any(Function) },
    ])
    expect(failure(() => nativeCall(1020, 5, [alias('nobody'), UNIT, [], []], env))).toEqual({
      message: "Alias 'alias:R:nobody' does not exist.",
      thrown: true,
    })
  })
})

// gowaves pkg/ride/functions_proto_test.go TestCalculateDelay (the node has no evaluation test of it): a last block
// with base target 142244892 and that VRF
it('calculateDelay follows the Fair PoS formula of the node (V8)', () => {
  const env = new FixtureEnvironment()
  env.lastBlock = () => ({ ...block(10), baseTarget: 142244892n, vrf: b58('5AFgQTfL1GhVUZr64N6tkmF8usX9QZsPcJbZmsX32VgK') })
  const ones = new Uint8Array(26).fill(1)
  expect(nativeCall(901, 8, [address(new Uint8Array()), 1n], env)).toBe(1418883n)
  expect(nativeCall(901, 8, [address(ones), 2147483647n], env)).toBe(70064n)
  expect(nativeCall(901, 8, [address(ones), 2147483647n * 100_000n], env)).toBe(1n)
  expect(nativeCall(901, 8, [address(ones), 2147483647n * 200_000n], env)).toBe(0n)
  expect(failure(() => nativeCall(901, 8, [address(ones), 0n], env)).message).toBe('Unexpected non-positive balance = 0')
  expect(failure(() => nativeCall(901, 8, [address(new Uint8Array(27)), 1n], env)).message).toBe('Address bytes length = 27 exceeds limit = 26')
  expect(() => nativeCall(901, 7, [address(ones), 1n], env)).toThrow('no native 901 in V7')
})

describe('globals', () => {
  it('height, this, tx, Buy and Sell, unit and nil (Vals.scala, PureContext.scala)', () => {
    expect(globalValue('height', 1)).toBe(10n)
    expect(globalValue('this', 3)).toEqual(address(dApp))
    expect(fields(globalValue('this', 4, new FixtureEnvironment(null, assetId)))['name']).toBe('Token')
    expect(failure(() => globalValue('tx', 1)).message).toBe('Expected Transaction or Order')
    expect(globalValue('Buy', 2)).toEqual(new CaseObj('Buy', new Map()))
    expect(() => globalValue('Sell', 1)).toThrow('no global Sell in V1')
    expect(globalValue('unit', 1)).toBe(UNIT)
    expect(globalValue('nil', 3)).toEqual([])
    expect(() => globalValue('nil', 2)).toThrow('no global nil in V2')
  })

  // Rounding.scala: UP and HALFDOWN exist only before V5
  it('rounding modes per version', () => {
    expect(globalValue('HALFEVEN', 5)).toEqual(new CaseObj('HalfEven', new Map()))
    expect(globalValue('UP', 4)).toEqual(new CaseObj('Up', new Map()))
    expect(() => globalValue('UP', 5)).toThrow('no global UP in V5')
    expect(() => globalValue('HALFDOWN', 6)).toThrow('no global HALFDOWN in V6')
  })
})

// EvaluatorV2.evaluateConstructor builds any CASETYPEREF of the context by name (CTX.typeDefs), hidden or not
it('has the case types of the node\'s context per version', () => {
  const typeIn = (name: string, v: StdlibVersion) =>
    blockchainEntries.find((e): e is CaseType => e.kind === 'type' && e.name === name && e.versions.includes(v))
  expect(typeIn('TransferTransaction', 8)?.fields.map((f) => f.name).slice(0, 5)).toEqual(['feeAssetId', 'amount', 'assetId', 'recipient', 'attachment'])
  expect(typeIn('Issue', 4)?.fields).toHaveLength(7)
  expect([typeIn('Issue', 3), typeIn('Lease', 4), typeIn('Buy', 5), typeIn('Up', 5)]).toEqual([undefined, undefined, undefined, undefined])
  expect(typeIn('Up', 4)?.fields).toEqual([])
  expect(typeIn('Invocation', 5)?.fields.at(-1)).toEqual({ name: 'originCallerPublicKey', type: 'ByteVector' })
  expect(typeIn('BlockInfo', 7)?.fields.at(-1)).toEqual({ name: 'rewards', type: 'List[(Address, Int)]' })
  expect(typeIn('DataEntry', 4)).toBeUndefined()
  expect(typeIn('MassTransferTransaction', 4)?.fields[0]).toEqual({ name: 'feeAssetId', type: 'ByteVector|Unit' })
  expect(typeIn('MassTransferTransaction', 5)?.fields[0]).toEqual({ name: 'assetId', type: 'ByteVector|Unit' })
})

// WavesContext.fromV5Funcs (self reads for Account script type, invoke for DApp content) and variableVars (tx)
it('tells which entries a kind of script has', () => {
  const native = (id: number) => blockchainEntries.find((e) => e.kind === 'native' && e.id === id)!
  const global = (name: string) => blockchainEntries.find((e) => e.kind === 'global' && e.name === name)!
  const selfValue = blockchainEntries.find((e) => e.kind === 'user' && e.name === '@extrNative(1055)')!
  expect((['account', 'asset', 'dapp'] as const).map((k) => servesScriptKind(native(1055), k, 5))).toEqual([true, false, true])
  expect((['account', 'asset', 'dapp'] as const).map((k) => servesScriptKind(selfValue, k, 5))).toEqual([true, false, true])
  expect((['account', 'asset', 'dapp'] as const).map((k) => servesScriptKind(native(1020), k, 5))).toEqual([false, false, true])
  expect((['account', 'asset', 'dapp'] as const).map((k) => servesScriptKind(global('tx'), k, 3))).toEqual([true, true, false])
  expect(servesScriptKind(global('tx'), 'dapp', 2)).toBe(true)
  expect(servesScriptKind(native(1050), 'asset', 5)).toBe(true)
})

describe('objects a script sees', () => {
  const proven = {
    id: new Uint8Array(32).fill(3),
    fee: 100_000n,
    timestamp: 1_700_000_000_000n,
    version: 3,
    sender: alice,
    senderPublicKey: alicePk,
    bodyBytes: Uint8Array.of(1, 2, 3),
    proofs: [new Uint8Array(64).fill(5)],
  }

  // Types.buildTransferTransactionType field order; Bindings.proofsPart pads proofs to 8
  it('a transfer as a verifier and as an asset script see it', () => {
    const tx: TransactionDescription = {
      ...proven,
      type: 4,
      feeAssetId: null,
      assetId: assetId,
      amount: 5n,
      recipient: { alias: 'bobby' },
      attachment: new Uint8Array(),
    }
    const verifier = transactionObject(tx, 5, true)
    expect(verifier.typeName).toBe('TransferTransaction')
    expect(fieldNames(verifier)).toEqual([
      'feeAssetId', 'amount', 'assetId', 'recipient', 'attachment', 'id', 'fee', 'timestamp', 'version', 'sender', 'senderPublicKey', 'bodyBytes', 'proofs',
    ])
    expect(fields(verifier)['recipient']).toEqual(alias('bobby'))
    expect((fields(verifier)['proofs'] as Uint8Array[]).map((p) => p.length)).toEqual([64, 0, 0, 0, 0, 0, 0, 0])
    expect(fieldNames(transactionObject(tx, 5, false))).not.toContain('proofs')
  })

  // Bindings.transactionObject Data: DataEntry before V4, typed entries and DeleteEntry from V4
  it('a data transaction per version', () => {
    const tx: TransactionDescription = {
      ...proven,
      type: 12,
      data: [
        { key: 'n', type: 'integer', value: 1n },
        { key: 'gone', type: null },
      ],
    }
    const [v3entry] = fields(transactionObject(tx, 3, true))['data'] as CaseObj[]
    expect(v3entry!.typeName).toBe('DataEntry')
    expect((fields(transactionObject(tx, 4, true))['data'] as CaseObj[]).map((e) => e.typeName)).toEqual(['IntegerEntry', 'DeleteEntry'])
  })

  // Types.buildInvokeScriptTransactionType: payment (V3) vs payments (V4+), after the proven part
  it('an invoke transaction per version', () => {
    const tx: TransactionDescription = {
      ...proven,
      type: 16,
      dApp: { address: dApp },
      feeAssetId: null,
      function: 'fund',
      args: [1n],
      payments: [{ assetId: null, amount: 9n }],
    }
    expect(fieldNames(transactionObject(tx, 3, true)).slice(-3)).toEqual(['bodyBytes', 'payment', 'proofs'])
    expect((fields(transactionObject(tx, 4, true))['payments'] as CaseObj[]).map(fields)).toEqual([{ assetId: UNIT, amount: 9n }])
  })

  // Bindings.transactionObject MassTransfer: totals computed; the V1-V4 feeAssetId is declared but never set
  it('a mass transfer', () => {
    const tx: TransactionDescription = {
      ...proven,
      type: 11,
      assetId: null,
      transfers: [
        { recipient: { address: bob }, amount: 2n },
        { recipient: { alias: 'bobby' }, amount: 3n },
      ],
      attachment: utf8('hi'),
    }
    const v4 = fields(transactionObject(tx, 4, true))
    expect([v4['totalAmount'], v4['transferCount'], 'feeAssetId' in v4]).toEqual([5n, 2n, false])
  })

  it('an issue shows its name as bytes before V4 (Bindings: name.toUTF8String from V4)', () => {
    const tx: TransactionDescription = { ...proven, type: 3, name: 'Tok', description: 'd', quantity: 1n, decimals: 0, reissuable: false, script: null }
    expect(fields(transactionObject(tx, 3, true))['name']).toEqual(utf8('Tok'))
    expect(fields(transactionObject(tx, 4, true))['name']).toBe('Tok')
    expect(() => transactionObject({ ...proven, type: 10, alias: 'abcd' } as TransactionDescription, 2, true)).not.toThrow()
  })

  // Bindings.buildInvocation / Types.invocationType per version
  it('Invocation per version', () => {
    const invocation = {
      caller: alice,
      callerPublicKey: alicePk,
      originCaller: bob,
      originCallerPublicKey: new Uint8Array(32),
      transactionId: txId,
      fee: 500_000n,
      feeAssetId: null,
      payments: [{ assetId, amount: 1n }],
    }
    expect(fieldNames(invocationObject(invocation, 3))).toEqual(['payment', 'caller', 'callerPublicKey', 'transactionId', 'fee', 'feeAssetId'])
    expect(fieldNames(invocationObject(invocation, 4))[0]).toBe('payments')
    const v5 = fields(invocationObject(invocation, 5))
    expect([v5['originCaller'], v5['feeAssetId']]).toEqual([address(bob), UNIT])
  })
})

// Scripts compiled by the official compiler, read from their bytes and run by the engine over the fixture chain: the
// names, ids and shapes here meet the compiler's output (`@extrNative(1050)`, `this`, tx fields, case objects).
describe('compiled scripts over the fixture chain', () => {
  function run(source: string, version: StdlibVersion, env: Environment, bindings: { name: string; value: Value }[] = []) {
    const directives = `{-# STDLIB_VERSION ${version} #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n`
    const compiled = ride.compile(directives + source, 3)
    if ('error' in compiled) throw new Error(String(compiled.error))
    const script = readScript(compiled.result.bytes)
    if (script.kind !== 'expression') throw new Error('not an expression')
    return evaluate(script.expr, { version, env, table: stdlib(version), limit: 26_000 }, bindings)
  }

  it('reads data, balances, blocks and assets (V3 and V6)', () => {
    const aliceText = wavesCrypto.address('alice', 'R')
    const v3 = run(
      `getIntegerValue(addressFromStringValue("${aliceText}"), "count") == 42 &&
       wavesBalance(Address(base58'${aliceText}')) == 500000000 &&
       assetBalance(Alias("bobby"), unit) == 0 &&
       toString(this) == "${wavesCrypto.base58Encode(dApp)}" &&
       lastBlock.height == 10 && height == 10 &&
       extract(assetInfo(base58'${wavesCrypto.base58Encode(assetId)}')).sponsored`,
      3,
      new FixtureEnvironment(),
    )
    expect(v3).toMatchObject({ kind: 'value', value: true })
    const v6 = run(
      `let details = wavesBalance(Address(base58'${aliceText}'))
       details.available == 499999999 && details.effective == 499999997 &&
       getBooleanValue("flag") && getString(Alias("bobby"), "blob") == unit &&
       addressFromPublicKey(base58'${wavesCrypto.base58Encode(alicePk)}') == Address(base58'${aliceText}') &&
       assetInfo(base58'${wavesCrypto.base58Encode(assetId)}').value().name == "Token" &&
       blockInfoByHeight(3).value().generator == Address(base58'${wavesCrypto.base58Encode(bob)}')`,
      6,
      new FixtureEnvironment(),
    )
    expect(v6).toMatchObject({ kind: 'value', value: true })
  })

  it('fails a ...Value read with the node text (ValueErrorMessageTest)', () => {
    const outcome = run(`getIntegerValue(this, "missing") == 1`, 5, new FixtureEnvironment())
    expect(outcome.kind).toBe('error')
    expect(outcome.kind === 'error' && outcome.error.message).toBe(
      `value by key 'missing' not found for the address base58'${wavesCrypto.base58Encode(dApp)}' on function 'getIntegerValue' call`,
    )
  })

  it('runs a verifier over tx (Bindings.transactionObject)', () => {
    const seed = 'verifier'
    const publicKey = b58(wavesCrypto.publicKey(seed))
    const bodyBytes = utf8('the body of a transfer')
    const tx = transactionObject(
      {
        type: 4,
        id: new Uint8Array(32).fill(1),
        fee: 100_000n,
        timestamp: 1_700_000_000_000n,
        version: 3,
        sender: b58(wavesCrypto.address(seed, 'R')),
        senderPublicKey: publicKey,
        bodyBytes,
        proofs: [b58(wavesCrypto.signBytes(seed, bodyBytes))],
        feeAssetId: null,
        assetId: null,
        amount: 5n,
        recipient: { alias: 'bobby' },
        attachment: new Uint8Array(),
      },
      5,
      true,
    )
    const env = Object.assign(new FixtureEnvironment(), { tx })
    const source = `match tx {
      case t: TransferTransaction => sigVerify(t.bodyBytes, t.proofs[0], t.senderPublicKey) && t.amount == 5 && addressFromRecipient(t.recipient) == Address(base58'${wavesCrypto.base58Encode(bob)}')
      case _ => false
    }`
    expect(run(source, 5, env)).toMatchObject({ kind: 'value', value: true })
  })
})
