// JSON on the wire. Amounts are bigint inside the dev node: written as exact JSON numbers. When the client asks for
// `large-significand-format=string`, numbers become strings by field name, as the node's NumberAsStringSerializer
// does: every number in a field of CustomJson.fieldNamesToTranslate (or anywhere inside one), and no other.
import { parse } from 'lossless-json'
import { nodeErrors } from '../errors.ts'

/** CustomJson.fieldNamesToTranslate of the node. */
const STRING_FIELDS: ReadonlySet<string> = new Set([
  'amount',
  'available',
  'balance',
  'buyMatcherFee',
  'currentReward',
  'desiredReward',
  'effective',
  'fee',
  'feeAmount',
  'generating',
  'in',
  // not in fieldNamesToTranslate: AssetsApiRoute.balanceDistributionAtHeight writes each of its balances as a string
  'items',
  'matcherFee',
  'minIncrement',
  'minSponsoredAssetFee',
  'out',
  'price',
  'quantity',
  'regular',
  'reward',
  'rewardShares',
  'sellMatcherFee',
  'sponsorBalance',
  'totalAmount',
  'totalFee',
  'totalWavesAmount',
  'value',
])

export function writeJson(value: unknown, largeAsString: boolean): string {
  const out: string[] = []
  write(value, largeAsString, out, false)
  return out.join('')
}

function write(value: unknown, largeAsString: boolean, out: string[], asString: boolean): void {
  if (value === null || value === undefined) out.push('null')
  else if (typeof value === 'bigint') out.push(asString ? `"${value}"` : value.toString())
  else if (typeof value === 'number') out.push(Number.isFinite(value) ? (asString ? `"${value}"` : String(value)) : 'null')
  else if (typeof value === 'string' || typeof value === 'boolean') out.push(JSON.stringify(value))
  else if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      write(item, largeAsString, out, asString)
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
      write(item, largeAsString, out, asString || (largeAsString && STRING_FIELDS.has(key)))
    }
    out.push('}')
  } else out.push('null')
}

/** Parses a request body; integers beyond 2^53 stay exact (bigint); a repeated key keeps its last value. */
export function readJson(text: string): unknown {
  try {
    return parse(text, null, {
      parseNumber: (digits: string) => {
        if (/^-?\d+$/.test(digits)) {
          const n = Number(digits)
          return Number.isSafeInteger(n) ? n : BigInt(digits)
        }
        return Number(digits)
      },
      // Play JSON keeps the last of a repeated key; refusing the object would answer what a node reads
      onDuplicateKey: ({ newValue }) => newValue,
    })
  } catch (e) {
    throw nodeErrors.wrongJson(e instanceof Error ? e.message : String(e))
  }
}
