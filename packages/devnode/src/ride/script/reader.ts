// Script bytes to terms, as the node's ScriptReader.fromBytes reads what SetScript, SetAssetScript and Issue carry:
// the checksum, the version and content-type bytes, then SerdeV1/ContractSerDeV1 (stdlib V1-V5) or
// SerdeV2/ContractSerDeV2 (V6 and later). Nothing here evaluates or estimates.
import { blake2b } from '@noble/hashes/blake2.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import type { AnnotatedFunction, DAppScript, Declaration, FuncDeclaration, Script } from '../terms.ts'
import { RideError } from '../values.ts'
import { isStdlibVersion, type StdlibVersion } from '../versions.ts'
import { ByteBufferInput, CodedInput, JavaFailure } from './input.ts'
import { dAppMetaOf, parseDAppMetaMessage, type DAppMetaMessage } from './meta.ts'
import { DEC_FUNC, readDeclaration, readExpr, SerdeV1Input, SerdeV2Input } from './serde.ts'

/** DirectiveDictionary[ContentType] ids */
export const CONTENT_EXPRESSION = 1
export const CONTENT_DAPP = 2
export const CONTENT_LIBRARY = 3

/** ContractLimits.MaxContractSizeInBytesV6: the largest dApp ContractScript admits, re-serialized */
export const MAX_CONTRACT_SIZE_V6 = 160 * 1024
/** ContractLimits.MaxDeclarationNameInBytes */
export const MAX_DECLARATION_NAME_BYTES = 255

const CHECKSUM_LENGTH = 4

/** Global.secureHash: keccak256(blake2b256(bytes)) */
export function secureHash(bytes: Uint8Array): Uint8Array {
  return keccak_256(blake2b(bytes, { dkLen: 32 }))
}

/** What the header of script bytes says, before the body is read. */
export interface ScriptHeader {
  contentType: 1 | 2 | 3
  version: StdlibVersion
  /** where the body starts */
  offset: number
}

function parseError(message: string): RideError {
  return new RideError(message)
}

/** The version and content type, with ScriptReader's texts (bytes are Java's signed bytes in the texts). */
export function readScriptHeader(bytes: Uint8Array): ScriptHeader {
  const signed = (i: number) => ((bytes[i]! << 24) >> 24)
  if (bytes.length === 0) throw parseError("Can't parse empty script bytes")
  const first = signed(0)
  const contentType = (i: number): 1 | 2 | 3 => {
    const c = signed(i)
    if (c !== CONTENT_EXPRESSION && c !== CONTENT_DAPP && c !== CONTENT_LIBRARY) throw parseError(`Invalid content type of script: ${c}`)
    return c
  }
  if (first === 0) {
    if (bytes.length <= 2) throw parseError(`Illegal length of script: ${bytes.length}`)
    const c = contentType(1)
    const v = signed(2)
    if (!isStdlibVersion(v)) throw parseError(`Invalid version of script: ${v}`)
    return { contentType: c, version: v, offset: 3 }
  }
  if (!isStdlibVersion(first)) throw parseError(`Invalid version of script: ${first}`)
  if (first < 6) return { contentType: CONTENT_EXPRESSION, version: first, offset: 1 }
  if (bytes.length < 2) throw parseError(`Illegal length of script: ${bytes.length}`)
  return { contentType: contentType(1), version: first, offset: 2 }
}

/**
 * Reads script bytes (ScriptReader.fromBytes).
 *
 * @throws RideError with the text of the node's ScriptParseError (the REST API prints it as
 *   `ScriptParseError(<text>)`): `Invalid checksum`, `Invalid version of script: 9`, `Invalid content type of script:
 *   4`, `Illegal length of script: 2`, `Can't parse empty script bytes`, the readers' texts (`At position 12 array of
 *   arguments too big.`, `3 bytes left`, protobuf's truncation text ...), `Script is too large: N bytes > 163840
 *   bytes` for a dApp. Where the node's reader would report a Java exception without a message (a buffer underflow),
 *   the text is the exception's class name, `java.nio.BufferUnderflowException`.
 */
export function readScript(bytes: Uint8Array): Script {
  const header = readScriptHeader(bytes)
  const end = Math.max(bytes.length - CHECKSUM_LENGTH, 0)
  const checksum = bytes.subarray(end)
  const computed = secureHash(bytes.subarray(0, end)).subarray(0, CHECKSUM_LENGTH)
  const body = bytes.subarray(Math.min(header.offset, end), end)
  if (checksum.length !== CHECKSUM_LENGTH || checksum.some((b, i) => b !== computed[i])) throw parseError('Invalid checksum')
  try {
    if (header.contentType === CONTENT_DAPP) {
      const { script, consumed } = readDApp(body, header.version)
      // ContractScript re-serializes the dApp and checks its size; the re-serialized bytes are what was read
      const size = header.offset + consumed + CHECKSUM_LENGTH
      if (size > MAX_CONTRACT_SIZE_V6) throw parseError(`Script is too large: ${size} bytes > ${MAX_CONTRACT_SIZE_V6} bytes`)
      return script
    }
    return { kind: 'expression', version: header.version, expr: readExpressionBody(body, header.version) }
  } catch (e) {
    if (e instanceof JavaFailure) throw parseError(e.javaMessage ?? e.toJavaString())
    throw e
  }
}

/** Serde.deserialize(all = true): one expression, and nothing after it. */
function readExpressionBody(body: Uint8Array, version: StdlibVersion) {
  if (version < 6) {
    const bb = new ByteBufferInput(body)
    const expr = readExpr(new SerdeV1Input(bb))
    if (bb.remaining > 0) throw new JavaFailure(`${bb.remaining} bytes left`, 'java.lang.Exception')
    return expr
  }
  const input = new CodedInput(body)
  const expr = readExpr(new SerdeV2Input(input))
  if (!input.isAtEnd()) throw new JavaFailure(`${input.remaining} bytes left`, 'java.lang.Exception')
  return expr
}

function tryEi<T>(read: () => T): T {
  try {
    return read()
  } catch (e) {
    if (e instanceof JavaFailure) throw new JavaFailure(e.tryEiText(), e.className)
    throw e
  }
}

function checkCallableName(func: FuncDeclaration): void {
  const size = new TextEncoder().encode(func.name).length
  if (size > MAX_DECLARATION_NAME_BYTES) {
    throw new JavaFailure(`Callable function name (${func.name}) size = ${size} bytes exceeds ${MAX_DECLARATION_NAME_BYTES}`, 'java.lang.Exception')
  }
}

/** ContractSerDeV1 (stdlib < 6) or ContractSerDeV2; `consumed` is how many body bytes the dApp took. */
function readDApp(body: Uint8Array, version: StdlibVersion): { script: DAppScript; consumed: number } {
  let meta: DAppMetaMessage
  const declarations: Declaration[] = []
  const callables: AnnotatedFunction[] = []
  let verifier: AnnotatedFunction | null = null
  let consumed: number
  if (version < 6) {
    const bb = new ByteBufferInput(body)
    const input = new SerdeV1Input(bb)
    tryEi(() => bb.int())
    meta = tryEi(() => {
      const size = bb.int()
      if (size < 0) throw new JavaFailure(String(size), 'java.lang.NegativeArraySizeException')
      return parseDAppMetaMessage(bb.raw(size))
    })
    const list = (read: () => void) => {
      const length = bb.int()
      if (length > bb.remaining || length < 0) throw new JavaFailure(`At position ${bb.position} array of arguments too big.`, 'java.lang.Exception')
      for (let i = 0; i < length; i++) read()
    }
    list(() => declarations.push(readDeclaration(input, bb.byte())))
    const annotated = (): AnnotatedFunction => {
      const annotationArg = tryEi(() => bb.sizedString())
      const func = readDeclaration(input, bb.byte())
      if (func.kind !== 'func') {
        throw new JavaFailure(
          'class com.wavesplatform.lang.v1.compiler.Terms$LET cannot be cast to class com.wavesplatform.lang.v1.compiler.Terms$FUNC',
          'java.lang.ClassCastException',
        )
      }
      return { annotationArg, func }
    }
    list(() => {
      const callable = annotated()
      checkCallableName(callable.func)
      callables.push(callable)
    })
    if (tryEi(() => bb.int()) > 0) verifier = annotated()
    consumed = bb.position
  } else {
    const input = new CodedInput(body)
    const exprInput = new SerdeV2Input(input)
    meta = tryEi(() => parseDAppMetaMessage(input.byteArray()))
    const list = (read: () => void) => {
      const length = input.uint32()
      if (length > input.remaining || length < 0) {
        throw new JavaFailure(`At position ${input.totalBytesRead} array of arguments too big.`, 'java.lang.Exception')
      }
      for (let i = 0; i < length; i++) read()
    }
    list(() => declarations.push(readDeclaration(exprInput, input.rawByte())))
    const annotated = (): AnnotatedFunction => {
      const annotationArg = tryEi(() => input.string())
      const decType = input.rawByte()
      if (decType !== DEC_FUNC) {
        throw new JavaFailure(`At position ${input.totalBytesRead - 1} invalid type ${decType} for function`, 'java.lang.Exception')
      }
      return { annotationArg, func: readDeclaration(exprInput, decType) as FuncDeclaration }
    }
    list(() => {
      const callable = annotated()
      checkCallableName(callable.func)
      callables.push(callable)
    })
    const flag = tryEi(() => input.rawByte())
    if (flag === 1) verifier = annotated()
    else if (flag !== 0) throw new JavaFailure(`At position ${input.totalBytesRead} unknown option flag value`, 'java.lang.Exception')
    consumed = input.totalBytesRead
  }
  return {
    script: { kind: 'dapp', version, meta: dAppMetaOf(meta), declarations, callables, verifier },
    consumed,
  }
}
