// Lists of PureContext: getElement (401), size (400), cons (1100), `:+` (1101), `++` (1102), indexOf/lastIndexOf
// (1103, 1104), removeByIndex (1105), replaceByIndex (1106, V8), median/max/min of Int lists (405-407), and
// containsElement. From V4 a list built here holds at most 1,000 elements; every list is bounded by weight.
import { type Value, ELEM_WEIGHT, EMPTYARR_WEIGHT, MAX_CMP_WEIGHT, RideError, UNIT, valuesEqual, weightOf } from '../values.ts'
import { median } from './bigint.ts'
import { base58Encode } from './conversions.ts'
import { costs, failingSpends, int, list, listResult, versions } from './pure.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from './types.ts'

const getElement: NativeFunction = {
  kind: 'native',
  id: 401,
  name: 'getElement',
  costs: costs(2, versions(1)),
  apply(args) {
    const xs = list(args, 0, 'getElement(arr: Array, pos: Int)')
    const pos = int(args, 1, 'getElement(arr: Array, pos: Int)')
    // the node indexes with pos.toInt: the low 32 bits of the Long
    const i = Number(BigInt.asIntN(32, pos))
    if (i < 0 || i >= xs.length) throw new RideError(`Index ${pos} out of bounds for length ${xs.length}`)
    return xs[i]!
  },
}

const size: NativeFunction = {
  kind: 'native',
  id: 400,
  name: 'size',
  costs: costs(2, versions(1)),
  apply: (args) => BigInt(list(args, 0, 'size(arr: Array)').length),
}

function cons(served: ReturnType<typeof versions>, limited: boolean): NativeFunction {
  return {
    kind: 'native',
    id: 1100,
    name: 'cons',
    costs: costs({ 1: 2, 2: 2, 3: 2, 4: 1 }, served),
    apply(args) {
      const tail = list(args, 1, 'cons(head: T, tail: LIST[T]')
      const head = args[0]!
      return listResult([head, ...tail], limited, weightOf(head) + weightOf(tail) + ELEM_WEIGHT)
    },
  }
}

const append: NativeFunction = {
  kind: 'native',
  id: 1101,
  name: ':+',
  costs: costs(1, versions(4)),
  apply(args) {
    const xs = list(args, 0, 'list: List[T] :+ value: T')
    const x = args[1]!
    return listResult([...xs, x], true, weightOf(xs) + weightOf(x) + ELEM_WEIGHT)
  },
}

const concat: NativeFunction = {
  kind: 'native',
  id: 1102,
  name: '++',
  costs: costs(4, versions(4)),
  apply(args) {
    const a = list(args, 0, 'list1: List[T] ++ list2: List[T]')
    const b = list(args, 1, 'list1: List[T] ++ list2: List[T]')
    return listResult([...a, ...b], true, weightOf(a) + weightOf(b) - EMPTYARR_WEIGHT)
  },
}

/** An evaluated term as its toString prints it (strings raw, bytes as ByteStr prints them, lists bracketed). */
function termString(v: Value): string {
  if (typeof v === 'string') return v
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  if (v instanceof Uint8Array) return v.length < 1024 ? base58Encode(v) : `base64:${Buffer.from(v).toString('base64')}`
  if (Array.isArray(v)) return `[${(v as readonly Value[]).map(termString).join(', ')}]`
  return String(v)
}

/** The node's genericListIndexOf: a heavy element is compared only with light list elements. */
function search(xs: readonly Value[], x: Value, last: boolean): Value {
  const order = last ? [...xs.keys()].reverse() : [...xs.keys()]
  const heavy = weightOf(x) > MAX_CMP_WEIGHT
  for (const i of order) {
    const y = xs[i]!
    if (heavy && weightOf(y) > MAX_CMP_WEIGHT) {
      throw new RideError(`Both element to search for \`${termString(x)}\` and list element \`${termString(y)}\` are too heavy to compare`)
    }
    if (valuesEqual(y, x)) return BigInt(i)
  }
  return UNIT
}

const indexOf: NativeFunction = {
  kind: 'native',
  id: 1103,
  name: 'indexOf',
  costs: costs(5, versions(4)),
  apply: (args) => search(list(args, 0, 'indexOf(list: List[T], element: T)'), args[1]!, false),
}

const lastIndexOf: NativeFunction = {
  kind: 'native',
  id: 1104,
  name: 'lastIndexOf',
  costs: costs(5, versions(4)),
  apply: (args) => search(list(args, 0, 'lastIndexOf(list: List[T], element: T)'), args[1]!, true),
}

const containsElement: UserFunction = {
  kind: 'user',
  name: 'containsElement',
  costs: costs(5, versions(4)),
  // body: indexOf(list, element) != unit; the search fails at its cost of 5
  apply: (args, ctx) =>
    failingSpends(ctx, 5, () => search(list(args, 0, 'indexOf(list: List[T], element: T)'), args[1]!, false)) !== UNIT,
}

const removeByIndex: NativeFunction = {
  kind: 'native',
  id: 1105,
  name: 'removeByIndex',
  costs: costs({ 4: 7, 5: 7, 6: 7, 7: 7, 8: 4 }, versions(4)),
  apply(args) {
    const xs = list(args, 0, 'removeByIndex(list: List[T], index: Int)')
    const i = int(args, 1, 'removeByIndex(list: List[T], index: Int)')
    if (xs.length === 0) throw new RideError("Can't remove an element from empty list")
    if (i < 0n) throw new RideError(`Index of the removing element should be positive, but ${i} was passed`)
    if (i >= BigInt(xs.length)) {
      throw new RideError(`Index of the removing element should be lower than list size = ${xs.length}, but ${i} was passed`)
    }
    const n = Number(i)
    return listResult([...xs.slice(0, n), ...xs.slice(n + 1)], true)
  },
}

const replaceByIndex: NativeFunction = {
  kind: 'native',
  id: 1106,
  name: 'replaceByIndex',
  costs: costs(4, versions(8)),
  apply(args) {
    const xs = list(args, 0, 'replaceByIndex(list: List[T], index: Int, element: T)')
    const i = int(args, 1, 'replaceByIndex(list: List[T], index: Int, element: T)')
    if (xs.length === 0) throw new RideError("Can't replace an element in empty list")
    if (i < 0n) throw new RideError(`Index of the replacing element should be positive, but ${i} was passed`)
    if (i >= BigInt(xs.length)) {
      throw new RideError(`Index of the replacing element should be lower than list size = ${xs.length}, but ${i} was passed`)
    }
    const out = [...xs]
    out[Number(i)] = args[2]!
    return listResult(out, true)
  },
}

function ints(args: readonly Value[], sig: string): bigint[] {
  return list(args, 0, sig).map((x) => int([x], 0, sig))
}

const medianList: NativeFunction = {
  kind: 'native',
  id: 405,
  name: 'median',
  costs: costs(20, versions(4)),
  apply(args) {
    const xs = ints(args, 'median(arr: List[Int])')
    if (xs.length === 0) throw new RideError("Can't find median for empty list")
    return median(xs)
  },
}

const max: NativeFunction = {
  kind: 'native',
  id: 406,
  name: 'max',
  costs: costs(3, versions(4)),
  apply(args) {
    const xs = ints(args, 'max(list: List[Int])')
    if (xs.length === 0) throw new RideError("Can't find max for empty list")
    return xs.reduce((a, b) => (b > a ? b : a))
  },
}

const min: NativeFunction = {
  kind: 'native',
  id: 407,
  name: 'min',
  costs: costs(3, versions(4)),
  apply(args) {
    const xs = ints(args, 'min(list: List[Int])')
    if (xs.length === 0) throw new RideError("Can't find min for empty list")
    return xs.reduce((a, b) => (b < a ? b : a))
  },
}

export const listFunctions: readonly StdlibEntry[] = [
  getElement,
  size,
  cons(versions(3, 3), false),
  cons(versions(4), true),
  append,
  concat,
  indexOf,
  lastIndexOf,
  containsElement,
  removeByIndex,
  replaceByIndex,
  medianList,
  max,
  min,
]
