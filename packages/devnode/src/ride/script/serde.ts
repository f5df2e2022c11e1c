// Expression bytes to terms: the node's SerdeV1 (stdlib V1-V5: big-endian ints, int-prefixed strings) and SerdeV2
// (V6 and later: protobuf varints and strings). One reader serves both: only how counts, numbers and strings are
// spelled differs. The reader keeps its own stack instead of recursing, so the deepest nesting a 160 KB script can
// hold reads without exhausting the JavaScript stack (the node's reader is stack-safe too).
import type { Declaration, Expr, FunctionHeader } from '../terms.ts'
import { CaseObj, type Value } from '../values.ts'
import { ByteBufferInput, CodedInput, JavaFailure } from './input.ts'

/** Serde's tags (lang/v1/serialization/Serde.scala) */
export const E_LONG = 0
export const E_BYTES = 1
export const E_STRING = 2
export const E_IF = 3
export const E_BLOCK = 4
export const E_REF = 5
export const E_TRUE = 6
export const E_FALSE = 7
export const E_GETTER = 8
export const E_FUNCALL = 9
export const E_BLOCK_V2 = 10
export const E_ARR = 11
export const E_CASE_OBJ = 12
export const FH_NATIVE = 0
export const FH_USER = 1
export const DEC_LET = 0
export const DEC_FUNC = 1

/**
 * The blocks read from E_BLOCK: the node's LET_BLOCK, which it prints apart from BLOCK (E_BLOCK_V2); only the
 * printout of a script's terms needs to tell them apart.
 */
export const LET_BLOCKS: WeakSet<Expr> = new WeakSet()

/** Terms.DataEntryValueMax: the largest string or byte constant a script may hold */
export const DATA_ENTRY_VALUE_MAX = 32767
/** ContractLimits.MaxWeight: the heaviest list or object constant (Terms.DataTxMaxProtoBytes and the object weights) */
export const MAX_WEIGHT = 165947 * 2 + 32 + 8 + 8 + 8 + 40 + 30 + 32 + 20 + (20 + 64) * 8 + 20 + (20 + 40 + 30 * 2) * 100

/** How one of the two formats spells each part of an expression. */
export interface ExprInput {
  readonly position: number
  readonly remaining: number
  tag(): number
  long(): bigint
  bytes(): Uint8Array
  string(): string
  functionHeader(): FunctionHeader
  /** a call's argument count: V1 checks it against what remains, V2 reads one signed byte */
  callArgCount(): number
  /** a list constant's element count */
  listCount(): number
  funcArgNames(): string[]
  caseObjFieldCount(): number
}

function tooBig(position: number): JavaFailure {
  return new JavaFailure(`At position ${position} array of arguments too big.`, 'java.lang.Exception')
}

export class SerdeV1Input implements ExprInput {
  constructor(readonly bb: ByteBufferInput) {}
  get position(): number {
    return this.bb.position
  }
  get remaining(): number {
    return this.bb.remaining
  }
  tag(): number {
    return this.bb.byte()
  }
  long(): bigint {
    return this.bb.long()
  }
  bytes(): Uint8Array {
    return this.bb.sizedBytes()
  }
  string(): string {
    return this.bb.sizedString()
  }
  functionHeader(): FunctionHeader {
    const kind = this.bb.byte()
    if (kind === FH_NATIVE) return { kind: 'native', id: this.bb.short() }
    if (kind === FH_USER) return { kind: 'user', name: this.bb.sizedString() }
    throw new JavaFailure(`Unknown function header type: ${kind}`, 'java.lang.RuntimeException')
  }
  callArgCount(): number {
    const count = this.bb.int()
    if (count > this.bb.remaining || count < 0) throw tooBig(this.bb.position)
    return count
  }
  listCount(): number {
    return this.callArgCount()
  }
  funcArgNames(): string[] {
    const count = this.bb.int()
    if (count > Math.trunc(this.bb.remaining / 2) || count < 0) {
      throw new JavaFailure(`At position ${this.bb.position} array of arguments names too big.`, 'java.lang.Exception')
    }
    const names: string[] = []
    for (let i = 0; i < count; i++) names.push(this.bb.sizedString())
    return names
  }
  caseObjFieldCount(): number {
    return this.bb.int()
  }
}

export class SerdeV2Input implements ExprInput {
  constructor(readonly input: CodedInput) {}
  get position(): number {
    return this.input.totalBytesRead
  }
  get remaining(): number {
    return this.input.remaining
  }
  tag(): number {
    return this.input.rawByte()
  }
  long(): bigint {
    return this.input.int64()
  }
  bytes(): Uint8Array {
    return this.input.byteArray()
  }
  string(): string {
    return this.input.string()
  }
  functionHeader(): FunctionHeader {
    const kind = this.input.rawByte()
    // the id is written as a varint and read back as a Java short
    if (kind === FH_NATIVE) return { kind: 'native', id: (this.input.uint32() << 16) >> 16 }
    if (kind === FH_USER) return { kind: 'user', name: this.input.string() }
    throw new JavaFailure(`Unknown function header type: ${kind}`, 'java.lang.RuntimeException')
  }
  // A negative count reads nothing, as Scala's `1 to n` is empty.
  callArgCount(): number {
    return Math.max(0, this.input.rawByte())
  }
  listCount(): number {
    return Math.max(0, this.input.uint32())
  }
  funcArgNames(): string[] {
    const count = this.input.rawByte()
    const names: string[] = []
    for (let i = 0; i < count; i++) names.push(this.input.string())
    return names
  }
  caseObjFieldCount(): number {
    return this.input.rawByte()
  }
}

/** Scala's MatchError text for an unknown tag byte */
function matchError(b: number): JavaFailure {
  return new JavaFailure(`${b} (of class java.lang.Byte)`, 'scala.MatchError')
}

const utf8 = new TextEncoder()

function constString(s: string): Expr {
  const size = utf8.encode(s).length
  if (size > DATA_ENTRY_VALUE_MAX) {
    throw new JavaFailure(`String size=${size} exceeds ${DATA_ENTRY_VALUE_MAX} bytes`, 'java.lang.RuntimeException')
  }
  return { kind: 'string', value: s }
}

function constBytes(b: Uint8Array): Expr {
  if (b.length > DATA_ENTRY_VALUE_MAX) {
    throw new JavaFailure(`ByteStr size=${b.length} exceeds ${DATA_ENTRY_VALUE_MAX} bytes`, 'java.lang.RuntimeException')
  }
  return { kind: 'bytes', value: b }
}

/** A constant's weight as the node counts it for the list and object limits (Terms: EVALUATED.weight). */
export function weightOf(v: Value): number {
  if (typeof v === 'bigint') return 8
  if (typeof v === 'string') return utf8.encode(v).length
  if (typeof v === 'boolean') return 1
  if (v instanceof Uint8Array) return v.length
  if (Array.isArray(v)) return 20 + v.reduce((sum: number, x: Value) => sum + 20 + weightOf(x), 0)
  if (v instanceof CaseObj) {
    let w = 40 + 30 * v.fields.size
    for (const f of v.fields.values()) w += weightOf(f)
    return w
  }
  return 64
}

/** The evaluated value of a constant term, or the node's error for a term that is not one. */
function evaluatedOnly(e: Expr): Value {
  switch (e.kind) {
    case 'long':
    case 'bytes':
    case 'string':
    case 'boolean':
    case 'value':
      return e.value
    default:
      throw new JavaFailure(`Unsupported array element: ${scalaTermString(e)}`, 'java.lang.Exception')
  }
}

/** A term printed as the node's case classes print themselves (used in error texts). */
export function scalaTermString(e: Expr): string {
  switch (e.kind) {
    case 'long':
      return e.value.toString()
    case 'string':
      return e.value
    case 'boolean':
      return String(e.value)
    case 'bytes':
      return `ByteStr(${e.value.length} bytes)`
    case 'ref':
      return `REF(${e.name})`
    case 'getter':
      return `GETTER(${scalaTermString(e.expr)},${e.field})`
    case 'if':
      return `IF(${scalaTermString(e.cond)},${scalaTermString(e.ifTrue)},${scalaTermString(e.ifFalse)})`
    case 'call': {
      const header = e.function.kind === 'native' ? `Native(${e.function.id})` : `User(${e.function.name})`
      return `FUNCTION_CALL(${header},List(${e.args.map(scalaTermString).join(', ')}))`
    }
    case 'block': {
      const d = e.declaration
      const dec =
        d.kind === 'let'
          ? `LET(${d.name},${scalaTermString(d.value)})`
          : `FUNC(${d.name},List(${d.args.join(', ')}),${scalaTermString(d.body)})`
      return `BLOCK(${dec},${scalaTermString(e.body)})`
    }
    case 'value':
      return 'ARR'
  }
}

/** A term being read: how many sub-terms it still needs, and what to do before each and after the last. */
interface Frame {
  need: number
  readonly children: Expr[]
  before?: (index: number) => void
  finish(children: Expr[]): Expr
}

/**
 * Reads one expression (Serde.desAux). `allowObjects` admits E_CASE_OBJ constants, which script bytes never hold
 * (ScriptReader reads without them). Throws JavaFailure with the node's texts.
 */
export function readExpr(input: ExprInput, allowObjects = false): Expr {
  const stack: Frame[] = []
  for (;;) {
    let done: Expr | null = null
    let frame: Frame | null = null
    const tag = input.tag()
    switch (tag) {
      case E_LONG:
        done = { kind: 'long', value: input.long() }
        break
      case E_BYTES:
        done = constBytes(input.bytes())
        break
      case E_STRING:
        done = constString(input.string())
        break
      case E_TRUE:
        done = { kind: 'boolean', value: true }
        break
      case E_FALSE:
        done = { kind: 'boolean', value: false }
        break
      case E_REF:
        done = { kind: 'ref', name: input.string() }
        break
      case E_IF:
        frame = { need: 3, children: [], finish: ([cond, ifTrue, ifFalse]) => ({ kind: 'if', cond: cond!, ifTrue: ifTrue!, ifFalse: ifFalse! }) }
        break
      case E_BLOCK: {
        const name = input.string()
        frame = {
          need: 2,
          children: [],
          finish: ([value, body]) => {
            const block: Expr = { kind: 'block', declaration: { kind: 'let', name, value: value! }, body: body! }
            LET_BLOCKS.add(block)
            return block
          },
        }
        break
      }
      case E_BLOCK_V2: {
        const decType = input.tag()
        let declaration: (first: Expr) => Declaration
        if (decType === DEC_LET) {
          const name = input.string()
          declaration = (value) => ({ kind: 'let', name, value })
        } else if (decType === DEC_FUNC) {
          const name = input.string()
          const args = input.funcArgNames()
          declaration = (body) => ({ kind: 'func', name, args, body })
        } else {
          throw matchError(decType)
        }
        frame = { need: 2, children: [], finish: ([first, body]) => ({ kind: 'block', declaration: declaration(first!), body: body! }) }
        break
      }
      case E_GETTER:
        // the field's name follows the object's bytes
        frame = { need: 1, children: [], finish: ([expr]) => ({ kind: 'getter', expr: expr!, field: input.string() }) }
        break
      case E_FUNCALL: {
        const header = input.functionHeader()
        const argc = input.callArgCount()
        frame = { need: argc, children: [], finish: (args) => ({ kind: 'call', function: header, args }) }
        break
      }
      case E_ARR: {
        const count = input.listCount()
        frame = {
          need: count,
          children: [],
          finish: (elements) => {
            const values = elements.map(evaluatedOnly)
            const weight = weightOf(values)
            if (weight > MAX_WEIGHT) {
              throw new JavaFailure(`The list is too heavy. Actual weight: ${weight}, limit: ${MAX_WEIGHT}`, 'java.lang.RuntimeException')
            }
            return { kind: 'value', value: values }
          },
        }
        break
      }
      case E_CASE_OBJ: {
        if (!allowObjects) throw matchError(tag)
        const typeName = input.string()
        const count = input.caseObjFieldCount()
        const names: string[] = []
        frame = {
          need: Math.max(0, count),
          children: [],
          before: () => names.push(input.string()),
          finish: (values) => {
            const fields = new Map<string, Value>()
            names.forEach((n, i) => fields.set(n, evaluatedOnly(values[i]!)))
            const obj = new CaseObj(typeName, fields)
            const weight = weightOf(obj)
            if (weight > MAX_WEIGHT) {
              throw new JavaFailure(`the object ${typeName} is too heavy. Actual weight: ${weight}, limit: ${MAX_WEIGHT}`, 'java.lang.Exception')
            }
            return { kind: 'value', value: obj }
          },
        }
        break
      }
      default:
        throw matchError(tag)
    }
    if (frame !== null) {
      if (frame.need > 0) {
        frame.before?.(0)
        stack.push(frame)
        continue
      }
      done = frame.finish(frame.children)
    }
    // climb while the finished term completes its parents
    for (;;) {
      const top = stack[stack.length - 1]
      if (top === undefined) return done!
      top.children.push(done!)
      if (top.children.length < top.need) {
        top.before?.(top.children.length)
        break
      }
      stack.pop()
      done = top.finish(top.children)
    }
  }
}

/** Reads one declaration of a dApp's body (the decType byte is read by the caller, as ContractSerDe does). */
export function readDeclaration(input: ExprInput, decType: number): Declaration {
  if (decType === DEC_LET) {
    const name = input.string()
    return { kind: 'let', name, value: readExpr(input) }
  }
  if (decType === DEC_FUNC) {
    const name = input.string()
    const args = input.funcArgNames()
    return { kind: 'func', name, args, body: readExpr(input) }
  }
  throw matchError(decType)
}
