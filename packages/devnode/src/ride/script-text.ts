// A script's terms as the node's Terms print themselves (their toString), which /utils/script/estimate answers as
// `scriptText`: `FUNCTION_CALL(Native(0),List(1, 2))`, `BLOCK(LET(x,1),REF(x))` and so on.
import { base58Encode } from '../crypto.ts'
import type { AnnotatedFunction, Declaration, Expr, Script } from './terms.ts'
import { CaseObj, RideBigInt, UNIT, type Value } from './values.ts'

/** ByteStr.toString: base58 below 1,024 bytes, `base64:...` from there. */
function byteStr(bytes: Uint8Array): string {
  return bytes.length < 1024 ? base58Encode(bytes) : `base64:${Buffer.from(bytes).toString('base64')}`
}

/** An evaluated constant as its toString (TermPrinter for lists and objects). */
function constant(value: Value): string {
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  if (value instanceof RideBigInt) return String(value.value)
  if (typeof value === 'string') return value
  if (value instanceof Uint8Array) return byteStr(value)
  if (Array.isArray(value)) return `[${value.map(constant).join(', ')}]`
  if (value instanceof CaseObj) return `${value.typeName}(${[...value.fields].map(([k, v]) => `${k} = ${constant(v)}`).join(', ')})`
  if (value === UNIT) return 'Unit'
  return String(value)
}

/** Scala's List(...).toString */
const list = (items: readonly string[]) => `List(${items.join(', ')})`

function declaration(d: Declaration, legacy: boolean): string {
  if (d.kind === 'let') return `LET(${d.name},${expr(d.value, legacy)})`
  return `FUNC(${d.name},${list(d.args)},${expr(d.body, legacy)})`
}

/** `legacy`: stdlib V1-V2 scripts, whose blocks are LET_BLOCKs. */
function expr(e: Expr, legacy: boolean): string {
  switch (e.kind) {
    case 'long':
    case 'boolean':
      return String(e.value)
    case 'string':
      return e.value
    case 'bytes':
      return byteStr(e.value)
    case 'if':
      return `IF(${expr(e.cond, legacy)},${expr(e.ifTrue, legacy)},${expr(e.ifFalse, legacy)})`
    case 'block':
      return `${legacy && e.declaration.kind === 'let' ? 'LET_BLOCK' : 'BLOCK'}(${declaration(e.declaration, legacy)},${expr(e.body, legacy)})`
    case 'ref':
      return `REF(${e.name})`
    case 'getter':
      return `GETTER(${expr(e.expr, legacy)},${e.field})`
    case 'call': {
      const header = e.function.kind === 'native' ? `Native(${e.function.id})` : `User(${e.function.name})`
      return `FUNCTION_CALL(${header},${list(e.args.map((a) => expr(a, legacy)))})`
    }
    case 'value':
      return constant(e.value)
  }
}

function annotated(kind: 'CallableFunction' | 'VerifierFunction', f: AnnotatedFunction): string {
  const annotation = kind === 'CallableFunction' ? 'CallableAnnotation' : 'VerifierAnnotation'
  return `${kind}(${annotation}(${f.annotationArg}),${declaration(f.func, false)})`
}

/**
 * The text of `script` as the node's `script.expr.toString` gives it. A dApp prints as its case class does; its meta
 * (a protobuf message whose text holds JVM identity hashes on a node) prints as `DAppMeta(version)`.
 */
export function scriptText(script: Script): string {
  if (script.kind === 'expression') return expr(script.expr, script.version < 3)
  const decs = list(script.declarations.map((d) => declaration(d, false)))
  const callables = list(script.callables.map((c) => annotated('CallableFunction', c)))
  const verifier = script.verifier === null ? 'None' : `Some(${annotated('VerifierFunction', script.verifier)})`
  return `DApp(DAppMeta(${script.meta.version}),${decs},${callables},${verifier})`
}
