// ByteVectors of PureContext: size (200), take/drop (201, 202), takeRight/dropRight (user functions `takeRightBytes`/
// `dropRightBytes` before V6, natives 204/205 from V6), `+` (203), and toInt (1201, 1202).
import { RideError } from '../values.ts'
import {
  DATA_ENTRY_VALUE_MAX,
  DATA_TX_MAX_PROTO_BYTES,
  LONG_MAX,
  LONG_MIN,
  bytes,
  bytesResult,
  costs,
  failingSpends,
  int,
  versions,
} from './pure.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from './types.ts'

const BEFORE_V6 = versions(1, 5)
const FROM_V6 = versions(6)
const TAKE_DROP_COSTS = { 1: 1, 2: 1, 3: 1, 4: 6 } as const

/** Scala's Long.toInt: the low 32 bits, signed. Before V6 the node counts bytes this way. */
function toInt(n: bigint): number {
  return Number(BigInt.asIntN(32, n))
}

function take(b: Uint8Array, n: number): Uint8Array {
  return n <= 0 ? new Uint8Array(0) : b.subarray(0, Math.min(n, b.length))
}
function drop(b: Uint8Array, n: number): Uint8Array {
  return n <= 0 ? b : b.subarray(Math.min(n, b.length))
}
function takeRight(b: Uint8Array, n: number): Uint8Array {
  return n <= 0 ? new Uint8Array(0) : b.subarray(b.length - Math.min(n, b.length))
}
function dropRight(b: Uint8Array, n: number): Uint8Array {
  return n <= 0 ? b : b.subarray(0, b.length - Math.min(n, b.length))
}

function checkNumber(number: bigint, fn: string): void {
  if (number < 0n) throw new RideError(`Unexpected negative number = ${number} passed to ${fn}()`)
  if (number > BigInt(DATA_TX_MAX_PROTO_BYTES)) {
    throw new RideError(`Number = ${number} passed to ${fn}() exceeds ByteVector limit = ${DATA_TX_MAX_PROTO_BYTES}`)
  }
}

const size: NativeFunction = {
  kind: 'native',
  id: 200,
  name: 'size',
  costs: costs(1, versions(1)),
  apply: (args) => BigInt(bytes(args, 0, 'size(byteVector: ByteVector)').length),
}

type Cut = (b: Uint8Array, n: number) => Uint8Array

/** Before V6 a result over 32,767 bytes is refused as the node's CONST_BYTESTR refuses it; from V6 only `number`. */
function cutNative(id: number, name: string, cut: Cut, served: typeof BEFORE_V6, checked: boolean): NativeFunction {
  const sig = `${name}(xs: ByteVector, number: Int)`
  return {
    kind: 'native',
    id,
    name,
    costs: checked && (id === 204 || id === 205) ? costs(6, served) : costs(TAKE_DROP_COSTS, served),
    apply(args) {
      const b = bytes(args, 0, sig)
      const n = int(args, 1, sig)
      if (!checked) return bytesResult(cut(b, toInt(n)))
      checkNumber(n, name)
      return cut(b, Number(n))
    },
  }
}

/** takeRight/dropRight before V6: `drop(xs, size(xs) - n)` and `take(xs, size(xs) - n)`. */
function rightUser(name: 'takeRightBytes' | 'dropRightBytes'): UserFunction {
  const sig = `${name === 'takeRightBytes' ? 'takeRight' : 'dropRight'}(xs: ByteVector, number: Int)`
  return {
    kind: 'user',
    name,
    costs: costs({ 1: 19, 2: 19, 3: 19, 4: 6 }, BEFORE_V6),
    apply(args, ctx) {
      const b = bytes(args, 0, sig)
      const k = BigInt(b.length) - int(args, 1, sig)
      // body: size (1), the subtraction (1), then take or drop at its cost
      if (k > LONG_MAX || k < LONG_MIN) return failingSpends(ctx, 2, () => { throw new RideError('long overflow') })
      const cut = ctx.version >= 4 ? 6 : 1
      return failingSpends(ctx, 2 + cut, () => bytesResult(name === 'takeRightBytes' ? drop(b, toInt(k)) : take(b, toInt(k))))
    },
  }
}

const concat: NativeFunction = {
  kind: 'native',
  id: 203,
  name: '+',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 2 }, versions(1)),
  apply(args) {
    const a = bytes(args, 0, '+(a: ByteVector, b: ByteVector)')
    const b = bytes(args, 1, '+(a: ByteVector, b: ByteVector)')
    const n = a.length + b.length
    if (n > DATA_ENTRY_VALUE_MAX) throw new RideError(`ByteVector size = ${n} bytes exceeds ${DATA_ENTRY_VALUE_MAX}`)
    const out = new Uint8Array(n)
    out.set(a)
    out.set(b, a.length)
    return out
  },
}

function readLong(b: Uint8Array, offset: number): bigint {
  let n = 0n
  for (let i = 0; i < 8; i++) n = (n << 8n) | BigInt(b[offset + i]!)
  return BigInt.asIntN(64, n)
}

/** toInt(bytes): the first 8 bytes, big-endian (ByteBuffer.getLong). */
const toLong: NativeFunction = {
  kind: 'native',
  id: 1201,
  name: 'toInt',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 1 }, versions(3)),
  apply(args) {
    const b = bytes(args, 0, 'toInt(u: ByteVector)')
    if (b.length < 8) throw new RideError('Buffer underflow')
    return readLong(b, 0)
  },
}

const toLongOffset: NativeFunction = {
  kind: 'native',
  id: 1202,
  name: 'toInt',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 1 }, versions(3)),
  apply(args) {
    const b = bytes(args, 0, 'toInt(u: ByteVector, off: Int)')
    const o = int(args, 1, 'toInt(u: ByteVector, off: Int)')
    if (!(o >= 0n && o <= BigInt(b.length - 8))) throw new RideError('IndexOutOfBounds')
    return readLong(b, Number(o))
  },
}

export const bytesFunctions: readonly StdlibEntry[] = [
  size,
  cutNative(201, 'take', take, BEFORE_V6, false),
  cutNative(202, 'drop', drop, BEFORE_V6, false),
  cutNative(201, 'take', take, FROM_V6, true),
  cutNative(202, 'drop', drop, FROM_V6, true),
  cutNative(204, 'takeRight', takeRight, FROM_V6, true),
  cutNative(205, 'dropRight', dropRight, FROM_V6, true),
  rightUser('takeRightBytes'),
  rightUser('dropRightBytes'),
  concat,
  toLong,
  toLongOffset,
]
