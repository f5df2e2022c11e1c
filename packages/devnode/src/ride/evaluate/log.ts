// The evaluation log: what the node's EvaluatorV2 records with enableExecutionLog (its `Log`, a list of `LogItem`s),
// and the two ways a node prints it: the text after `log = ` of an InvokeRejectError (ErrorWithLogPrinter.logToString,
// TermPrinter(fixArrIndentation = true)) and the `vars` of a traced /utils/script/evaluate (TraceStep.logJson).
import { base58Encode } from '../../crypto.ts'
import { scalaKeyOrder } from '../../scala-order.ts'
import { CaseObj, RideBigInt, RideError, UNIT, type Value } from '../values.ts'
import { escape } from '../script/printout.ts'

/**
 * One entry of the log, in the order the node appends them: a let when its value is first known (`x`), a call before
 * it runs (`f.@args`, and for a built-in it can afford `f.@complexity` and `@complexityLimit`, the complexity left
 * after it), a function of the script or a constructor that spent nothing (`f.@complexity` = 1), or the error the
 * innermost let under evaluation ended in (`error`).
 */
export type LogItem = { readonly name: string; readonly value: Value } | { readonly name: string; readonly error: RideError }

/**
 * A dApp-to-dApp call that failed, as the caller sees it (the node's CommonError("Nested invoke error",
 * Some(FailedTransactionError(code 1, error, log)))): the callee's error text and the callee's own log, which the
 * caller's log prints nested under the let that made the call. Elsewhere it is the callee's RideError.
 */
export class NestedInvokeError extends RideError {
  constructor(
    message: string,
    readonly log: readonly LogItem[],
  ) {
    super(message)
  }
}

/** LogKeys.TraceExcluded: names the `vars` of a trace leave out (whatever contains them). */
const TRACE_EXCLUDED = ['@invokedDApp', '@invokedFuncName', '@stateChanges']

/** ErrorWithLogPrinter.logToString with the node's max-tx-error-log-size (1 MiB) by default. */
export const MAX_LOG_TEXT = 1_048_576

/**
 * The log as the node prints it after `log = ` (ErrorWithLogPrinter.logToString): every entry on its own line, one tab
 * deep, while the text stays within `limit` characters; the first error ends it. Always ends with a newline.
 */
export function logText(log: readonly LogItem[], limit: number = MAX_LOG_TEXT, depth = 1): string {
  const indent = '\t'.repeat(depth)
  let text = ''
  let left = limit - 1
  for (let i = 0; ; i++) {
    // the node checks what is left before it looks for the next entry: a text cut at its end still ends with `...`
    if (left < 0) {
      text += '\n...'
      break
    }
    const item = log[i]
    if (item === undefined) break
    if ('error' in item && item.error instanceof NestedInvokeError) {
      const line = `\n${indent}${item.name} = FailedTransactionError(code = 1, error = ${item.error.message}, log = `
      if (line.length <= left) text += line
      const closing = `${indent})`
      text += `${logText(item.error.log, left - line.length - closing.length, depth + 1)}${closing}`
      break
    }
    if ('error' in item) {
      const line = `\n${indent}${item.name} = ${errorText(item.error)}`
      if (line.length <= left) text += line
      break
    }
    const line = `\n${indent}${item.name} = ${printValue(item.value, depth)}`
    if (line.length <= left) text += line
    left -= line.length
  }
  return `${text}\n`
}

/** An ExecutionError's toString: `ThrownError(...)` for what `throw` raised, `CommonError(...)` for the rest. */
function errorText(error: RideError): string {
  return error.thrown ? `ThrownError(${error.message})` : `CommonError(${error.message})`
}

/**
 * The `vars` of a traced evaluation (TraceStep.logJson): `{name, type, value}` as ScriptValuesJson writes the value, or
 * `{name, error}`; the names of LogKeys.TraceExcluded left out. `json` writes a value (the caller's serializeValue).
 */
export function logVars(log: readonly LogItem[], json: (value: Value) => Record<string, unknown>): Record<string, unknown>[] {
  const vars: Record<string, unknown>[] = []
  for (const item of log) {
    if ('error' in item) vars.push({ name: item.name, error: item.error.message })
    else if (!TRACE_EXCLUDED.some((k) => item.name.includes(k))) vars.push({ name: item.name, ...json(item.value) })
  }
  return vars
}

/**
 * A value as the node's EVALUATED.toString writes it into error texts: numbers and booleans bare, a string as it is,
 * bytes in base58 (`base64:` from 1,024 bytes), lists and case objects by TermPrinter() (strings quoted inside).
 */
export function termString(value: Value): string {
  if (typeof value === 'string') return value
  if (value instanceof Uint8Array) return value.length < 1024 ? base58Encode(value) : `base64:${Buffer.from(value).toString('base64')}`
  if (value instanceof CaseObj || Array.isArray(value)) return printValue(value, 0, false)
  return scalar(value)
}

/**
 * TermPrinter.prettyString: a value as the log text shows it, `depth` tabs deep; lists on one line unless
 * `fixArrIndentation` (the log's printer sets it; EVALUATED.toString does not).
 */
export function printValue(value: Value, depth: number, fixArrIndentation = true): string {
  let out = ''
  const indent = (n: number) => {
    out += '\t'.repeat(n)
  }
  const print = (v: Value, d: number): void => {
    if (v instanceof CaseObj) {
      out += v.typeName
      if (v.fields.size === 0) return
      out += '(\n'
      // a Scala Map: past four fields, in its hash order
      for (const name of scalaKeyOrder([...v.fields.keys()])) {
        indent(d + 1)
        out += `${name} = `
        print(v.fields.get(name)!, d + 1)
        out += '\n'
      }
      indent(d)
      out += ')'
      return
    }
    if (Array.isArray(v) && !fixArrIndentation) {
      out += '['
      v.forEach((x, i) => {
        print(x, 0)
        if (i < v.length - 1) out += ', '
      })
      out += ']'
      return
    }
    if (Array.isArray(v)) {
      out += '['
      if (v.length > 0) {
        out += '\n'
        v.forEach((x, i) => {
          indent(d + 1)
          print(x, d + 1)
          out += i < v.length - 1 ? ',\n' : '\n'
        })
        indent(d)
      }
      out += ']'
      return
    }
    out += scalar(v)
  }
  print(value, depth)
  return out
}

function scalar(v: Value): string {
  if (typeof v === 'string') return `"${escape(v)}"`
  if (v instanceof Uint8Array) return v.length > 1024 ? `base64'${Buffer.from(v).toString('base64')}'` : `base58'${base58Encode(v)}'`
  if (v instanceof RideBigInt) return v.value.toString()
  if (v === UNIT) return 'Unit'
  return String(v)
}
