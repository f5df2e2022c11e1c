// Strings of PureContext: `+` (300), take/drop (303, 304), takeRight/dropRight (user functions before V6, 306/307
// from V6), size (305), indexOf/lastIndexOf (1203, 1204, 1207, 1208), split (1205, 1212, 1213), makeString (1209-1211),
// contains. A String is Java's: UTF-16 units; with the node's fixUnicodeFunctions (active for every version) sizes,
// positions and counts are code points, an unpaired surrogate counting as one.
import { type Value, CaseObj, RideBigInt, RideError, UNIT, isWellFormedUtf16, utf8Length, weightOf } from '../values.ts'
import {
  DATA_ENTRY_VALUE_MAX,
  LONG_MAX,
  LONG_MIN,
  MAX_LIST_LENGTH,
  costs,
  failingSpends,
  int,
  list,
  listResult,
  str,
  stringResult,
  versions,
} from './pure.ts'
import { base58Encode } from './conversions.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from './types.ts'

/** Java's codePointCount over the whole string. */
export function codePointCount(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
  }
  return n
}

/** Java's offsetByCodePoints(0, n) for 0 <= n <= codePointCount(s): the UTF-16 index after n code points. */
export function offsetByCodePoints(s: string, n: number): number {
  let i = 0
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1
  }
  return i
}

/** Java's Math.toIntExact(clamp(x, Int.MinValue, Int.MaxValue)) */
function clampToInt(n: bigint): number {
  return n > 2147483647n ? 2147483647 : n < -2147483648n ? -2147483648 : Number(n)
}

/** The first `n` code points (n clamped to 0..count): take before its V6 checks. */
function takeCodePoints(s: string, n: bigint): string {
  const count = BigInt(codePointCount(s))
  const k = n < 0n ? 0n : n > count ? count : n
  return s.slice(0, offsetByCodePoints(s, clampToInt(k)))
}
function dropCodePoints(s: string, n: bigint): string {
  const count = BigInt(codePointCount(s))
  const k = n < 0n ? 0n : n > count ? count : n
  return s.slice(offsetByCodePoints(s, clampToInt(k)))
}

function checkNumber(number: bigint, fn: string): void {
  if (number < 0n) throw new RideError(`Unexpected negative number = ${number} passed to ${fn}()`)
  if (number > BigInt(DATA_ENTRY_VALUE_MAX)) {
    throw new RideError(`Number = ${number} passed to ${fn}() exceeds String limit = ${DATA_ENTRY_VALUE_MAX}`)
  }
}

const BEFORE_V6 = versions(1, 5)
const FROM_V6 = versions(6)

const sum: NativeFunction = {
  kind: 'native',
  id: 300,
  name: '+',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 1 }, versions(1)),
  apply(args) {
    const a = str(args, 0, '+(a: String, b: String)')
    const b = str(args, 1, '+(a: String, b: String)')
    const size = utf8Length(a) + utf8Length(b)
    if (size > DATA_ENTRY_VALUE_MAX) throw new RideError(`String size = ${size} exceeds ${DATA_ENTRY_VALUE_MAX} bytes`)
    return a + b
  },
}

const TAKE_DROP_COSTS = { 1: 1, 2: 1, 3: 1, 4: 20, 5: 20 } as const

function takeDrop(id: number, name: 'take' | 'drop', from: typeof BEFORE_V6, checked: boolean): NativeFunction {
  const sig = `${name}(xs: String, number: Int)`
  return {
    kind: 'native',
    id,
    name,
    costs: costs(TAKE_DROP_COSTS, from),
    apply(args) {
      const s = str(args, 0, sig)
      const n = int(args, 1, sig)
      if (checked) checkNumber(n, name)
      return name === 'take' ? takeCodePoints(s, n) : dropCodePoints(s, n)
    },
  }
}

/** size(xs) - number, as the node's user functions compute it: with Java's overflow check. */
function sizeMinus(count: number, n: bigint): bigint {
  const r = BigInt(count) - n
  if (r > LONG_MAX || r < LONG_MIN) throw new RideError('long overflow')
  return r
}

/** takeRight/dropRight before V6: user functions over drop/take and size (`drop(xs, size(xs) - n)`). */
function rightUser(name: 'takeRight' | 'dropRight'): UserFunction {
  const sig = `${name}(xs: String, number: Int)`
  return {
    kind: 'user',
    name,
    costs: costs({ 1: 19, 2: 19, 3: 19, 4: 20, 5: 20 }, BEFORE_V6),
    apply(args, ctx) {
      const s = str(args, 0, sig)
      // body: size (1), then the subtraction (1) that may overflow
      const k = failingSpends(ctx, 2, () => sizeMinus(codePointCount(s), int(args, 1, sig)))
      return name === 'takeRight' ? dropCodePoints(s, k) : takeCodePoints(s, k)
    },
  }
}

/**
 * takeRight/dropRight from V6 (306, 307). The node counts `number` code points from the START of the string and
 * takes or drops that many UTF-16 units from the end; for strings of single-unit characters this is the plain rule.
 */
function rightNative(id: number, name: 'takeRight' | 'dropRight'): NativeFunction {
  const sig = `${name}(xs: String, number: Int)`
  return {
    kind: 'native',
    id,
    name,
    costs: costs(20, FROM_V6),
    apply(args) {
      const s = str(args, 0, sig)
      const n = int(args, 1, sig)
      checkNumber(n, name)
      const count = BigInt(codePointCount(s))
      const units = offsetByCodePoints(s, Number(n > count ? count : n))
      const k = Math.min(units, s.length)
      return name === 'takeRight' ? s.slice(s.length - k) : s.slice(0, s.length - k)
    },
  }
}

const size: NativeFunction = {
  kind: 'native',
  id: 305,
  name: 'size',
  costs: costs(1, versions(1)),
  apply: (args) => BigInt(codePointCount(str(args, 0, 'size(xs: String)'))),
}

const INDEX_COSTS = costs({ 1: 20, 2: 20, 3: 20, 4: 3, 5: 3 }, versions(3))

/** The code point index of a UTF-16 index, or unit when not found or `sub` has an unpaired surrogate. */
function found(m: string, sub: string, i: number): Value {
  return isWellFormedUtf16(sub) && i !== -1 ? BigInt(codePointCount(m.slice(0, i))) : UNIT
}

/** Java's String.indexOf: JavaScript's clamps `from` the same way. */
const indexOf: NativeFunction = {
  kind: 'native',
  id: 1203,
  name: 'indexOf',
  costs: INDEX_COSTS,
  apply(args) {
    const m = str(args, 0, 'indexOf(str: String, substr: String)')
    const sub = str(args, 1, 'indexOf(str: String, substr: String)')
    return found(m, sub, m.indexOf(sub))
  },
}

const indexOfFrom: NativeFunction = {
  kind: 'native',
  id: 1204,
  name: 'indexOf',
  costs: INDEX_COSTS,
  apply(args) {
    const sig = 'indexOf(str: String, substr: String, offset: Int)'
    const m = str(args, 0, sig)
    const sub = str(args, 1, sig)
    const off = int(args, 2, sig)
    const count = codePointCount(m)
    if (!isWellFormedUtf16(sub) || off < 0n || off > BigInt(count)) return UNIT
    return found(m, sub, m.indexOf(sub, offsetByCodePoints(m, Number(off))))
  },
}

const lastIndexOf: NativeFunction = {
  kind: 'native',
  id: 1207,
  name: 'lastIndexOf',
  costs: INDEX_COSTS,
  apply(args) {
    const m = str(args, 0, 'lastIndexOf(str: String, substr: String)')
    const sub = str(args, 1, 'lastIndexOf(str: String, substr: String)')
    return found(m, sub, m.lastIndexOf(sub))
  },
}

const lastIndexOfFrom: NativeFunction = {
  kind: 'native',
  id: 1208,
  name: 'lastIndexOf',
  costs: INDEX_COSTS,
  apply(args) {
    const sig = 'lastIndexOf(str: String, substr: String, offset: Int)'
    const m = str(args, 0, sig)
    const sub = str(args, 1, sig)
    const off = int(args, 2, sig)
    if (off < 0n) return UNIT
    const count = BigInt(codePointCount(m))
    const offset = Number(off < count ? off : count)
    return found(m, sub, m.lastIndexOf(sub, offsetByCodePoints(m, offset)))
  },
}

/** split by the node's unicode rules: "" gives [""], an ill-formed separator gives [str], "" separates code points. */
export function splitString(s: string, sep: string): string[] {
  if (s === '') return ['']
  if (!isWellFormedUtf16(sep)) return [s]
  if (sep === '') {
    const out: string[] = []
    for (let i = 0; i < s.length; ) {
      const next = offsetByCodePoints(s.slice(i), 1) + i
      out.push(s.slice(i, next))
      i = next
    }
    return out
  }
  return s.split(sep)
}

function split(id: number, cost: number, served: typeof BEFORE_V6, inputLimit: number, outputLimit: number): NativeFunction {
  const name = id === 1205 ? 'split' : `split_${cost}C`
  const sig = `${name}(str: String, separator: String)`
  return {
    kind: 'native',
    id,
    name,
    costs: costs({ 3: 100, 4: 75, 5: 75, 6: cost }, served),
    apply(args) {
      const s = str(args, 0, sig)
      const sep = str(args, 1, sig)
      const weight = utf8Length(s)
      if (weight > inputLimit) throw new RideError(`Input string size = ${weight} bytes exceeds limit = ${inputLimit} for ${name}`)
      const result = splitString(s, sep)
      if (result.length > outputLimit) {
        throw new RideError(`Output list size = ${result.length} exceeds limit = ${outputLimit} for ${name}`)
      }
      return listResult(result, true)
    },
  }
}

/** How the node prints a list element that is not a String in makeString before V6 (its terms' toString). */
function printed(v: Value): string {
  if (typeof v === 'string') return v
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  if (v instanceof RideBigInt) return v.value.toString()
  if (v === UNIT) return 'Unit'
  if (v instanceof CaseObj) return v.typeName
  // ByteStr.toString: base58 below 1,024 bytes, `base64:` from there
  if (v instanceof Uint8Array) return v.length < 1024 ? base58Encode(v) : `base64:${Buffer.from(v).toString('base64')}`
  return `[${(v as readonly Value[]).map(printed).join(', ')}]`
}

function makeString(id: number, cost: number, served: typeof BEFORE_V6, inputLimit: number, outputLimit: number, onlyStrings: boolean): NativeFunction {
  const name = id === 1209 ? 'makeString' : `makeString_${cost}C`
  const sig = `${name}(list: List[String], separator: String)`
  return {
    kind: 'native',
    id,
    name,
    costs: costs({ 4: 30, 5: 30, 6: cost }, served),
    apply(args) {
      const xs = list(args, 0, sig)
      const sep = str(args, 1, sig)
      if (xs.length > inputLimit) throw new RideError(`Input list size = ${xs.length} for ${name} should not exceed ${inputLimit}`)
      // the node adds UTF-8 sizes of the elements to UTF-16 units of the separators
      const separators = xs.length > 1 ? (xs.length - 1) * sep.length : 0
      let elements = 0
      for (const x of xs) elements += weightOf(x)
      const expected = elements + separators
      if (onlyStrings && xs.some((x) => typeof x !== 'string')) throw new RideError('makeString only accepts strings')
      if (expected > outputLimit) throw new RideError(`Constructing string size = ${expected} bytes will exceed ${outputLimit}`)
      return stringResult(xs.map(printed).join(sep))
    },
  }
}

/** contains(source, substr), V4+: isDefined(indexOf(source, substr)). */
const contains: UserFunction = {
  kind: 'user',
  name: 'contains',
  costs: costs(3, versions(4)),
  apply(args) {
    const m = str(args, 0, 'contains(source: String, substr: String)')
    const sub = str(args, 1, 'contains(source: String, substr: String)')
    return found(m, sub, m.indexOf(sub)) !== UNIT
  },
}

export const stringFunctions: readonly StdlibEntry[] = [
  sum,
  takeDrop(303, 'take', BEFORE_V6, false),
  takeDrop(304, 'drop', BEFORE_V6, false),
  takeDrop(303, 'take', FROM_V6, true),
  takeDrop(304, 'drop', FROM_V6, true),
  rightUser('takeRight'),
  rightUser('dropRight'),
  rightNative(306, 'takeRight'),
  rightNative(307, 'dropRight'),
  size,
  indexOf,
  indexOfFrom,
  lastIndexOf,
  lastIndexOfFrom,
  split(1205, 51, versions(3, 5), DATA_ENTRY_VALUE_MAX, MAX_LIST_LENGTH),
  split(1205, 1, FROM_V6, 500, 20),
  split(1212, 4, FROM_V6, 6000, 100),
  split(1213, 51, FROM_V6, DATA_ENTRY_VALUE_MAX, MAX_LIST_LENGTH),
  makeString(1209, 11, versions(4, 5), MAX_LIST_LENGTH, DATA_ENTRY_VALUE_MAX, false),
  makeString(1209, 1, FROM_V6, 70, 500, true),
  makeString(1210, 2, FROM_V6, 100, 6000, true),
  makeString(1211, 11, FROM_V6, MAX_LIST_LENGTH, DATA_ENTRY_VALUE_MAX, true),
  contains,
]
