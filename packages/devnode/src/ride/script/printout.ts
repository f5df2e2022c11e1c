// The node's printout of a script's terms, `script.expr.toString`, which /addresses/scriptInfo and /assets/details
// show as `scriptText`. The terms print as their Scala classes do (lang/v1/compiler/Terms.scala: toStr of each EXPR
// and DECLARATION, FunctionHeader's case classes, ByteStr.toString, TermPrinter for list constants).
//
// A dApp's printout is the DApp case class, whose meta is the protobuf DAppMeta printed as a case class: each
// callable's `types` is a protobuf ByteString, whose toString holds the JVM identity hash of the object
// (`<ByteString@5137f21 size=0 contents="">`), different in every run of a node. That cannot be reproduced, so a
// dApp has no printout here.
import { base58Encode } from '../../crypto.ts'
import type { Declaration, Expr, FunctionHeader, Script } from '../terms.ts'
import { CaseObj, type Value } from '../values.ts'
import { LET_BLOCKS } from './serde.ts'

/**
 * The printout of an expression script (account verifier, asset script, library) exactly as the node gives it;
 * `null` for a dApp (see above) and for an expression holding an object constant (E_CASE_OBJ: script bytes never
 * hold one).
 */
export function scriptText(script: Script): string | null {
  if (script.kind !== 'expression') return null
  const out: string[] = []
  return printExpr(script.expr, out) ? out.join('') : null
}

/** ByteStr.toString: base58 below 1,024 bytes, `base64:...` from there. */
function byteStr(bytes: Uint8Array): string {
  return bytes.length < 1024 ? base58Encode(bytes) : `base64:${Buffer.from(bytes).toString('base64')}`
}

/** FunctionHeader: `Native(<id>)` (the case class) or `User(<internal name>)` (its own toString). */
function header(f: FunctionHeader): string {
  return f.kind === 'native' ? `Native(${f.id})` : `User(${f.name})`
}

/** Scala's List#toString of printed elements. */
const list = (items: readonly string[]) => `List(${items.join(', ')})`

/** Appends the printout of `e`; false when it holds what cannot be printed exactly. */
function printExpr(e: Expr, out: string[]): boolean {
  switch (e.kind) {
    case 'long':
      out.push(e.value.toString())
      return true
    case 'boolean':
      out.push(String(e.value))
      return true
    case 'bytes':
      out.push(byteStr(e.value))
      return true
    case 'string':
      // CONST_STRING prints its text bare
      out.push(e.value)
      return true
    case 'ref':
      out.push(`REF(${e.name})`)
      return true
    case 'getter':
      out.push('GETTER(')
      if (!printExpr(e.expr, out)) return false
      out.push(`,${e.field})`)
      return true
    case 'if':
      out.push('IF(')
      if (!printExpr(e.cond, out)) return false
      out.push(',')
      if (!printExpr(e.ifTrue, out)) return false
      out.push(',')
      if (!printExpr(e.ifFalse, out)) return false
      out.push(')')
      return true
    case 'block':
      out.push(LET_BLOCKS.has(e) ? 'LET_BLOCK(' : 'BLOCK(')
      if (!printDeclaration(e.declaration, out)) return false
      out.push(',')
      if (!printExpr(e.body, out)) return false
      out.push(')')
      return true
    case 'call': {
      out.push(`FUNCTION_CALL(${header(e.function)},List(`)
      for (let i = 0; i < e.args.length; i++) {
        if (i > 0) out.push(', ')
        if (!printExpr(e.args[i]!, out)) return false
      }
      out.push('))')
      return true
    }
    case 'value': {
      const printed = printValue(e.value)
      if (printed === null) return false
      out.push(printed)
      return true
    }
  }
}

function printDeclaration(d: Declaration, out: string[]): boolean {
  if (d.kind === 'let') {
    out.push(`LET(${d.name},`)
    if (!printExpr(d.value, out)) return false
  } else {
    out.push(`FUNC(${d.name},${list(d.args)},`)
    if (!printExpr(d.body, out)) return false
  }
  out.push(')')
  return true
}

/**
 * A list constant (E_ARR) as ARR.toString prints it: TermPrinter without indentation, `[a, b]`, strings quoted and
 * escaped, bytes as `base58'...'` up to 1,024 bytes and `base64'...'` above. Objects print their fields in the
 * order of a Scala Map, which is not kept here: null.
 */
function printValue(v: Value): string | null {
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  if (typeof v === 'string') return `"${escape(v)}"`
  if (v instanceof Uint8Array) return v.length > 1024 ? `base64'${Buffer.from(v).toString('base64')}'` : `base58'${base58Encode(v)}'`
  if (Array.isArray(v)) {
    const items: string[] = []
    for (const item of v as readonly Value[]) {
      const printed = printValue(item)
      if (printed === null) return null
      items.push(printed)
    }
    return `[${items.join(', ')}]`
  }
  if (v instanceof CaseObj) return null
  return null
}

/** TermPrinter.escape: its replacements, in its order. */
export function escape(s: string): string {
  return s
    .replaceAll('\\', '\\\\')
    .replaceAll('/', '\\/')
    .replaceAll("'", "\\'")
    .replaceAll('"', '\\"')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t')
    .replaceAll('\b', '\\b')
    .replaceAll('\f', '\\f')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
}
