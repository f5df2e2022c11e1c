// The differential test: generated RIDE expressions over every PureContext family, compiled by the official compiler
// (@waves/ride-js, stdlib V8), read from their bytes (script/), evaluated by the engine (evaluate/), and compared
// with the official REPL (ride.repl()): the same value, or the same error text. Where the node and the REPL differ
// (the REPL is the Scala.js build, with JavaScript number math), the node's source decides, and KNOWN_DIFFERENCES
// says each time why.
import ride from '@waves/ride-js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expression } from '../../../../test/ride-expressions.ts'
import type { Environment } from './environment.ts'
import { evaluate } from './evaluate/evaluator.ts'
import { readScript } from './script/reader.ts'
import { bigintFunctions } from './stdlib/bigint.ts'
import { blockchainEntries } from './stdlib/blockchain.ts'
import { bytesFunctions } from './stdlib/bytes.ts'
import { commonFunctions } from './stdlib/common.ts'
import { base58Encode, conversionFunctions } from './stdlib/conversions.ts'
import { ALL_ENTRIES, buildTable } from './stdlib/index.ts'
import { listFunctions } from './stdlib/lists.ts'
import { mathFunctions } from './stdlib/math.ts'
import { stringFunctions } from './stdlib/strings.ts'
import { CaseObj, RideBigInt, UNIT, type Value } from './values.ts'

// the pure families and the globals they need (unit, nil, rounding modes), whether or not the table joins them yet
const PURE = [commonFunctions, mathFunctions, bigintFunctions, stringFunctions, bytesFunctions, listFunctions, conversionFunctions]
const TABLE = buildTable([...new Set([...ALL_ENTRIES, ...PURE.flat(), ...blockchainEntries])], 8)

const SEED = 20261130
const RUNS = 2500

// The REPL's string escapes: JSON's, with `/` and `'` escaped and U+2028/U+2029 spelled out; other controls stay raw
const ESCAPES: Record<string, string> = {
  '"': '\\"', "'": "\\'", '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '\u2028': '\\u2028', '\u2029': '\\u2029',
}

/** A value printed as the REPL prints results (`resN: Type = <this>`). */
function printed(v: Value): string {
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  if (typeof v === 'string') return `"${v.replace(/["'\\/\b\f\n\r\t\u2028\u2029]/g, (c) => ESCAPES[c]!)}"`
  if (v instanceof RideBigInt) return v.value.toString()
  if (v === UNIT) return 'Unit'
  // the REPL's ByteStr prints base58 up to 1,024 bytes, base64 beyond (the node's own switches at 1,024)
  if (v instanceof Uint8Array) return v.length <= 1024 ? `base58'${base58Encode(v)}'` : `base64'${Buffer.from(v).toString('base64')}'`
  if (v instanceof CaseObj) return `${v.typeName}(...)`
  return `[${(v as readonly Value[]).map(printed).join(', ')}]`
}

type Answer = { value: string } | { error: string } | { refused: string }

const HEADER = '{-# STDLIB_VERSION 8 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n'

/** The engine's answer for each source: compiled together as `let r0 = ...; let r1 = ...; true`, each let run alone. */
function engine(sources: readonly string[]): Answer[] {
  const lines = sources.map((s, i) => `let r${i} = ${s}\n`)
  const text = `${HEADER}${lines.join('')}true`
  const compiled = ride.compile(text)
  if ('error' in compiled) {
    if (sources.length === 1) return [{ refused: String(compiled.error) }]
    // the compiler's text says where (`in 93-116`): set aside the expressions it names, compile the rest again
    const spans = [...String(compiled.error).matchAll(/in (\d+)-(\d+)/g)].map((m) => Number(m[1]))
    let offset = HEADER.length
    const named = lines.map((line) => {
      const from = offset
      offset += line.length
      return spans.some((at) => at >= from && at < offset)
    })
    if (!named.some(Boolean)) {
      const half = Math.ceil(sources.length / 2)
      return [...engine(sources.slice(0, half)), ...engine(sources.slice(half))]
    }
    const rest = engine(sources.filter((_, i) => !named[i]))
    return sources.map((_, i) => (named[i] ? { refused: String(compiled.error) } : rest.shift()!))
  }
  const script = readScript(compiled.result.bytes)
  if (script.kind !== 'expression') throw new Error('not an expression')
  const answers: Answer[] = []
  let expr = script.expr
  while (expr.kind === 'block' && expr.declaration.kind === 'let') {
    const outcome = evaluate(expr.declaration.value, { version: 8, env: {} as Environment, table: TABLE, limit: 1_000_000 })
    if (outcome.kind === 'value') answers.push({ value: printed(outcome.value) })
    else if (outcome.kind === 'error') answers.push({ error: outcome.error.message })
    else throw new Error(`limit reached for ${sources[answers.length]}`)
    expr = expr.body
  }
  if (answers.length !== sources.length) throw new Error(`${answers.length} lets read for ${sources.length} expressions`)
  return answers
}

async function repl(r: ReturnType<typeof ride.repl>, source: string): Promise<Answer> {
  const answer = (await r.evaluate(source)) as { result?: string; error?: string }
  if (answer.error !== undefined) {
    return answer.error.startsWith('Compilation failed') ? { refused: answer.error } : { error: answer.error }
  }
  const text = answer.result ?? ''
  return { value: text.slice(text.indexOf(' = ') + 3) }
}

/**
 * Where the REPL answers otherwise than a node 1.5.7, for a reason in the REPL's build, the node's answer stands.
 * Each entry: why, and a test of the two texts.
 */
const KNOWN_DIFFERENCES: readonly {
  why: string
  /** the REPL may answer a value where the node fails (it lacks the node's check) */
  replMayAnswer?: true
  matches(node: string, repl: string): boolean
}[] = [
  {
    why: "JVM Math.addExact/subtractExact/multiplyExact say 'long overflow'; the REPL's JavaScript port says 'Long overflow'",
    matches: (node, repl) => node === 'long overflow' && repl === 'Long overflow',
  },
  {
    why: "java.math.BigInteger.divide/mod by zero say 'BigInteger divide by zero'; the REPL's BigInt says '/ by zero'",
    matches: (node, repl) => node === 'BigInteger divide by zero' && repl === '/ by zero',
  },
  {
    why: 'a NumberFormatException from new BigInteger escapes PureContext; the node wraps it with the function signature, the REPL prints the exception',
    matches: (node, repl) =>
      node.startsWith('An error during run <') && node.includes('class java.lang.NumberFormatException') &&
      repl.startsWith('java.lang.NumberFormatException: ') && node.endsWith(repl.slice('java.lang.NumberFormatException: '.length)),
  },
  {
    why: "Java's BigInteger(String) quotes the digit group after the leading zeros it skips; the REPL's Scala.js BigInteger quotes the group with them",
    matches: (node, repl) => {
      const quoted = (text: string) => /For input string: "(.*)"$/.exec(text)?.[1]
      const n = quoted(node)
      const r = quoted(repl)
      return node.includes('class java.lang.NumberFormatException') && n !== undefined && r !== undefined && r.replace(/^0+/, '') === n
    },
  },
  {
    why: "the node's Global.base64Decode answers any malformed input with \"can't parse Base64 string\"; the REPL passes on its decoder's text",
    matches: (node, repl) => node === "can't parse Base64 string" && repl !== node,
  },
  {
    why: "the node's Global.base58Decode answers a bad character with \"can't parse Base58 string\"; the REPL passes on its decoder's text",
    matches: (node, repl) => node === "can't parse Base58 string" && repl !== node,
  },
  {
    why: "the node decodes base16 with Guava's BaseEncoding, whose texts it passes on; the REPL has its own decoder",
    matches: (node, repl) =>
      (node.startsWith('Invalid input length ') || node.startsWith('Unrecognized character: ')) && repl !== node,
  },
  {
    why: 'the node limits toBase58String to 64 bytes (Global.base58Encode: MaxBase58Bytes); the REPL encodes any size, so its answer goes on from there',
    replMayAnswer: true,
    matches: (node) => node === 'base58Encode input exceeds 64',
  },
  {
    why: "the node refuses fromBase58String over 100 characters with \"base58Decode input exceeds 100\"; the REPL with its own text",
    matches: (node, repl) => node === 'base58Decode input exceeds 100' && repl.startsWith('Input is too long'),
  },
  {
    why: 'a script that throws an empty message fails with that empty text on a node; the REPL shows "Evaluation error" instead',
    matches: (node, repl) => node === '' && repl === 'Evaluation error',
  },
  {
    why: "the node's value() names what was unwrapped (PureContext.value since V4); the REPL's build gives the bare text",
    matches: (node, repl) => repl === 'value() called on unit value' && node.startsWith('value() called on unit value'),
  },
]

function agree(node: Answer, official: Answer): boolean {
  if ('value' in node && 'value' in official) return node.value === official.value
  if (!('error' in node) || 'refused' in official) return false
  const replFailed = 'error' in official
  const replText = 'error' in official ? official.error : official.value
  if (replFailed && node.error === replText) return true
  // a node failure the REPL does not share counts only where a known difference explains it
  return KNOWN_DIFFERENCES.some((d) => (replFailed || d.replMayAnswer === true) && d.matches(node.error, replText))
}

describe('the engine against the official REPL on generated expressions', () => {
  it(`gives the same value or error for ${RUNS} expressions (seed ${SEED})`, async () => {
    const samples = fc.sample(expression(3), { seed: SEED, numRuns: RUNS })
    const r = ride.repl()
    const disagreements: string[] = []
    const counts = { values: 0, errors: 0, refused: 0 }
    const BATCH = 50
    for (let start = 0; start < samples.length; start += BATCH) {
      const batch = samples.slice(start, start + BATCH)
      const answers = engine(batch)
      // where the engine gives values, the REPL is asked once for the list of them; only a mismatch is asked one by one
      const valued = batch.filter((_, i) => 'value' in answers[i]!)
      const expected = `[${valued.map((source) => (answers[batch.indexOf(source)] as { value: string }).value).join(', ')}]`
      const together = valued.length > 0 ? await repl(r, `[${valued.join(', ')}]`) : { value: '[]' }
      const listAgrees = 'value' in together && together.value === expected
      for (const [i, source] of batch.entries()) {
        const node = answers[i]!
        if ('refused' in node) {
          counts.refused++
          continue
        }
        if ('value' in node) counts.values++
        else counts.errors++
        if ('value' in node && listAgrees) continue
        const official = await repl(r, source)
        if (!agree(node, official)) disagreements.push(`${source}\n  engine: ${JSON.stringify(node)}\n  REPL:   ${JSON.stringify(official)}`)
      }
    }
    expect(disagreements.slice(0, 20).join('\n')).toBe('')
    // the generator must exercise both outcomes, and the compiler must accept most of what it writes
    expect(counts.values).toBeGreaterThan(RUNS / 3)
    expect(counts.errors).toBeGreaterThan(RUNS / 20)
    expect(counts.refused).toBeLessThan(RUNS / 10)
  }, 120_000)
})
