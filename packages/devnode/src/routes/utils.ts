// /utils (UtilsApiRoute): the script compiler, decompiler and estimator, evaluation of a dApp's expressions and
// callables, hashes, seeds and transaction body bytes. /utils/time stays with the node routes.
import { randomBytes } from 'node:crypto'
import ride from '@waves/ride-js'
import { blake2b } from '@noble/hashes/blake2.js'
import { accountExtraFee, SCRIPT_EXTRA_FEE } from '../constants.ts'
import { base58Encode } from '../crypto.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import { evaluateOnDApp } from '../chain/evaluate.ts'
import { ScriptCache } from '../chain/scripts.ts'
import { bodyBytes, checkAddress, readTransaction } from '../chain/tx.ts'
import type { Chain } from '../chain/devnode.ts'
import { compileForNode } from '../ride/compile.ts'
import { engineCosts, estimateScript, readScript, scriptBytesFromBase64, secureHash } from '../ride/script/index.ts'
import { RideError } from '../ride/values.ts'
import type { Expr, Script } from '../ride/terms.ts'
import { scriptText } from '../ride/script/printout.ts'
import type { Router } from './router.ts'
import { booleanQuery } from './params.ts'

/** UtilsApiRoute.MaxSeedSize and DefaultSeedSize, in bytes */
const MAX_SEED_BYTES = 1024
const DEFAULT_SEED_BYTES = 32

/** Scripts read for evaluation, per chain (the chain's own cache is its business). */
const caches = new WeakMap<Chain, ScriptCache>()

function scriptCache(chain: Chain): ScriptCache {
  let cache = caches.get(chain)
  if (cache === undefined) caches.set(chain, (cache = new ScriptCache()))
  return cache
}

/** WrongJson as play-json's validation prints it: `{"obj.path": [{msg: [...], args: []}]}`. */
function wrongJsonAt(path: string, msg: string): NodeError {
  return new NodeError(1, 'failed to parse json message', 400, { cause: null, validationErrors: { [path]: [{ msg: [msg], args: [] }] } })
}

const seed = (length: number) => ({ seed: base58Encode(new Uint8Array(randomBytes(length))) })

/** A script from the body (Script.fromBase64String), or 305 with the reader's text (the estimate route's refusal). */
function scriptOf(text: string, refuse: (message: string) => NodeError) {
  try {
    return readScript(scriptBytesFromBase64(text))
  } catch (e) {
    if (e instanceof RideError) throw refuse(e.message)
    throw e
  }
}

/**
 * How much indenting the decompiled text may take: the sum, over the script's terms, of how many `if`s and `let`s hold
 * each. The text grows with it (each nested `if` or `let` indents all it holds), so a script of a few hundred KB nested
 * a hundred thousand deep would be gigabytes and end the process; the affiliate dApp (26 KB) takes under 20,000.
 */
const MAX_DECOMPILE_INDENTING = 2_000_000

/** The indenting of `script`'s decompiled text, counted up to just past `limit`. */
function indenting(script: Script, limit: number): number {
  const stack: [Expr, number][] = []
  if (script.kind === 'expression') stack.push([script.expr, 0])
  else {
    const functions = [...script.callables, ...(script.verifier ? [script.verifier] : [])].map((f) => f.func)
    for (const d of [...script.declarations, ...functions]) stack.push([d.kind === 'let' ? d.value : d.body, 1])
  }
  let total = 0
  while (stack.length > 0 && total <= limit) {
    const [expr, depth] = stack.pop()!
    total += depth
    if (expr.kind === 'if') stack.push([expr.cond, depth + 1], [expr.ifTrue, depth + 1], [expr.ifFalse, depth + 1])
    else if (expr.kind === 'block') {
      const d = expr.declaration
      stack.push([d.kind === 'let' ? d.value : d.body, depth + 1], [expr.body, depth + 1])
    } else if (expr.kind === 'getter') stack.push([expr.expr, depth])
    else if (expr.kind === 'call') for (const arg of expr.args) stack.push([arg, depth])
  }
  return total
}

export function utilsRoutes(router: Router): void {
  router
    .on('POST', '/utils/script/compileCode', (req) => {
      const compiled = compileForNode({ source: req.text, libraries: {} }, { compact: booleanQuery(req.query, 'compact') })
      return {
        script: `base64:${compiled.base64}`,
        complexity: compiled.complexity,
        verifierComplexity: compiled.verifierComplexity,
        callableComplexities: compiled.callableComplexities,
        extraFee: accountExtraFee(compiled.verifierComplexity),
      }
    })
    .on('POST', '/utils/script/compileWithImports', (req) => {
      const body = req.json()
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw wrongJsonAt('obj', 'error.expected.jsobject')
      const { script, imports } = body as { script?: unknown; imports?: unknown }
      // ScriptWithImportsRequest is read by Json.reads: both fields are required, every error is listed
      const errors: Record<string, { msg: string[]; args: [] }[]> = {}
      const refuse = (path: string, msg: string) => (errors[path] = [{ msg: [msg], args: [] }])
      if (script === undefined) refuse('obj.script', 'error.path.missing')
      else if (typeof script !== 'string') refuse('obj.script', 'error.expected.jsstring')
      if (imports === undefined) refuse('obj.imports', 'error.path.missing')
      else if (typeof imports !== 'object' || imports === null || Array.isArray(imports)) refuse('obj.imports', 'error.expected.jsobject')
      else for (const [name, source] of Object.entries(imports)) if (typeof source !== 'string') refuse(`obj.imports.${name}`, 'error.expected.jsstring')
      if (Object.keys(errors).length > 0) throw new NodeError(1, 'failed to parse json message', 400, { cause: null, validationErrors: errors })
      const compiled = compileForNode({ source: script as string, libraries: imports as Record<string, string> })
      // this route prints the verifier's complexity and always the full extra fee
      return { script: `base64:${compiled.base64}`, complexity: compiled.verifierComplexity, extraFee: SCRIPT_EXTRA_FEE }
    })
    .on('POST', '/utils/script/decompile', (req) => {
      const script = scriptOf(req.text.trim(), (message) => nodeErrors.custom(`ScriptParseError(${message})`))
      if (indenting(script, MAX_DECOMPILE_INDENTING) > MAX_DECOMPILE_INDENTING) {
        throw nodeErrors.custom('ScriptParseError(Script is too deeply nested to decompile)')
      }
      const decompiled = ride.decompile(req.text.trim())
      if (!('result' in decompiled)) throw nodeErrors.custom(`ScriptParseError(${String(decompiled.error)})`)
      // Script.decompile's directives, then the text (which repeats them)
      const directives =
        script.kind === 'expression'
          ? { STDLIB_VERSION: script.version, CONTENT_TYPE: 'EXPRESSION' }
          : { STDLIB_VERSION: script.version, SCRIPT_TYPE: 'ACCOUNT', CONTENT_TYPE: 'DAPP' }
      return { ...directives, script: decompiled.result }
    })
    .on('POST', '/utils/script/estimate', (req) => {
      const script = scriptOf(req.text, (message) => nodeErrors.compilation(message))
      let complexity
      try {
        complexity = estimateScript(script, engineCosts(script.version))
      } catch (e) {
        if (e instanceof RideError) throw nodeErrors.compilation(e.message)
        throw e
      }
      return {
        script: req.text,
        // a dApp's printout holds JVM identity hashes, which no one can reproduce (ride/script/printout.ts): null,
        // which the node's OpenAPI allows
        scriptText: scriptText(script),
        complexity: complexity.complexity,
        verifierComplexity: complexity.verifierComplexity,
        callableComplexities: complexity.callableComplexities,
        extraFee: accountExtraFee(complexity.verifierComplexity),
      }
    })
    .on('POST', '/utils/script/evaluate/{address}', (req, chain) => {
      const address = req.params['address']!
      checkAddress(address, chain.chainIdByte)
      // ScriptedAddress: an account without a script is refused before the body is read; an expression script cannot
      // be evaluated either (a node fails on it with an internal error)
      if (chain.state.scripts.get(address)?.isDApp !== true) throw nodeErrors.custom(`Address ${address} is not dApp`)
      const request = req.json()
      if (typeof request !== 'object' || request === null || Array.isArray(request)) throw wrongJsonAt('obj', 'error.expected.jsobject')
      // `trace` is read after the body; a malformed one is the bare 404; true adds the evaluation log as `vars`
      const trace = booleanQuery(req.query, 'trace')
      const ctx = { state: chain.state, chainId: chain.chainIdByte, scripts: scriptCache(chain) }
      const result = evaluateOnDApp(ctx, address, request as Record<string, unknown>, chain.clock.now(), { trace })
      // the answer is the evaluation's, then the request's fields, then the address (HTTP 200 for errors too)
      return { ...result, ...request, address }
    })
    .on('POST', '/utils/transactionSerialize', (req, chain) => {
      const body = req.json()
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw wrongJsonAt('obj', 'error.expected.jsobject')
      // TransactionFactory.fromSignedRequest reads the transaction without checking its proofs
      const tx = readTransaction(body, chain.chainIdByte, () => true)
      return { bytes: Array.from(bodyBytes(tx)) }
    })
    // jsonPost: a GET is 405
    .on('GET', '/utils/transactionSerialize', () => {
      throw nodeErrors.methodNotAllowed()
    })
    .on('GET', '/utils/seed', () => seed(DEFAULT_SEED_BYTES))
    .on('GET', '/utils/seed/{length}', (req) => {
      const raw = req.params['length']!
      // akka's IntNumber: decimal digits of an Int; anything else is not this route
      if (!/^\d+$/.test(raw) || Number(raw) > 2 ** 31 - 1) throw nodeErrors.notFound()
      const length = Number(raw)
      if (length > MAX_SEED_BYTES) throw new NodeError(10, 'Too big sequence requested')
      return seed(length)
    })
    .on('POST', '/utils/hash/secure', (req) => ({ message: req.text, hash: base58Encode(secureHash(new TextEncoder().encode(req.text))) }))
    .on('POST', '/utils/hash/fast', (req) => ({ message: req.text, hash: base58Encode(blake2b(new TextEncoder().encode(req.text), { dkLen: 32 })) }))
}
