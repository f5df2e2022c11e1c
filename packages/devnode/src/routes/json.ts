// JSON on the wire. Amounts are bigint inside the dev node: written as exact JSON numbers, or as strings
// when the client asks for `large-significand-format=string`, as the node does.
import { parse } from 'lossless-json'
import { nodeErrors } from '../errors.ts'

export function writeJson(value: unknown, largeAsString: boolean): string {
  const out: string[] = []
  write(value, largeAsString, out)
  return out.join('')
}

function write(value: unknown, largeAsString: boolean, out: string[]): void {
  if (value === null || value === undefined) out.push('null')
  else if (typeof value === 'bigint') out.push(largeAsString ? `"${value}"` : value.toString())
  else if (typeof value === 'number') out.push(Number.isFinite(value) ? String(value) : 'null')
  else if (typeof value === 'string' || typeof value === 'boolean') out.push(JSON.stringify(value))
  else if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      write(item, largeAsString, out)
    })
    out.push(']')
  } else if (typeof value === 'object') {
    out.push('{')
    let first = true
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue
      if (!first) out.push(',')
      first = false
      out.push(JSON.stringify(key), ':')
      write(item, largeAsString, out)
    }
    out.push('}')
  } else out.push('null')
}

/** Parses a request body; integers beyond 2^53 stay exact (bigint). */
export function readJson(text: string): unknown {
  try {
    return parse(text, null, (digits: string) => {
      if (/^-?\d+$/.test(digits)) {
        const n = Number(digits)
        return Number.isSafeInteger(n) ? n : BigInt(digits)
      }
      return Number(digits)
    })
  } catch (e) {
    throw nodeErrors.wrongJson(e instanceof Error ? e.message : String(e))
  }
}
