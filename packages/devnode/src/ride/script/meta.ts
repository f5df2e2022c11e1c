// A dApp's meta: the protobuf message DAppMeta (waves/dapp_meta.proto) that ContractSerDe stores before the
// declarations, and what the node reads from it (lang/contract/meta: MetaMapper, TypeBitMapper). The message is read
// when the script is read (a malformed one refuses the script); its callable argument types are interpreted later
// by the node (invoke, /addresses/scriptInfo/{address}/meta), so a bad type index is kept as `typesError` here.
import type { CallableArgType, CallablePrimitive, DAppMeta } from '../terms.ts'
import { CodedInput, protobufFailure, protobufTexts } from './input.ts'

/** The protobuf message as stored: field 1 version, 2 funcs (types bytes), 3 compact-name pairs, 4 original names. */
export interface DAppMetaMessage {
  version: number
  funcs: Uint8Array[]
  compactNameAndOriginalNamePairs: { compactName: string; originalName: string }[]
  originalNames: string[]
}

/** DAppMeta.parseFrom; throws JavaFailure with protobuf's texts. */
export function parseDAppMetaMessage(bytes: Uint8Array): DAppMetaMessage {
  const input = new CodedInput(bytes)
  const message: DAppMetaMessage = { version: 0, funcs: [], compactNameAndOriginalNamePairs: [], originalNames: [] }
  for (;;) {
    const tag = input.tag()
    if (tag === 0) return message
    if (tag === 8) message.version = input.varint32()
    else if (tag === 18) message.funcs.push(readEmbedded(input, parseSignature))
    else if (tag === 26) message.compactNameAndOriginalNamePairs.push(readEmbedded(input, parsePair))
    else if (tag === 34) message.originalNames.push(input.stringRequireUtf8())
    else input.skipField(tag)
  }
}

function readEmbedded<T>(input: CodedInput, parse: (input: CodedInput) => T): T {
  const old = input.pushLimit(input.varint32())
  const value = parse(input)
  input.popLimit(old)
  return value
}

function parseSignature(input: CodedInput): Uint8Array {
  let types: Uint8Array = new Uint8Array(0)
  for (;;) {
    const tag = input.tag()
    if (tag === 0) return types
    if (tag === 10) types = input.byteArray()
    else if (!input.skipField(tag)) throw protobufFailure(protobufTexts.invalidEndTag)
  }
}

function parsePair(input: CodedInput): { compactName: string; originalName: string } {
  const pair = { compactName: '', originalName: '' }
  for (;;) {
    const tag = input.tag()
    if (tag === 0) return pair
    if (tag === 10) pair.compactName = input.stringRequireUtf8()
    else if (tag === 18) pair.originalName = input.stringRequireUtf8()
    else if (!input.skipField(tag)) throw protobufFailure(protobufTexts.invalidEndTag)
  }
}

// The bit of each type in a types byte (lang/contract/meta/package.scala: LONG, BYTESTR, BOOLEAN, STRING); meta
// version 2 adds the next bit for "a list of".
const PRIMITIVES: readonly CallablePrimitive[] = ['Int', 'ByteVector', 'Boolean', 'String']

/** One argument's types byte (a Java byte: 0x80 and above are negative), as MetaMapperStrategyV1/V2 read it. */
export function argTypeFromIndex(index: number, metaVersion: 1 | 2): CallableArgType {
  const union = (i: number): CallablePrimitive | readonly CallablePrimitive[] => {
    if (i < 0) throw new Error(`Unexpected negative index=${i}`)
    const found: CallablePrimitive[] = []
    for (let offset = 0, rest = i; rest !== 0; offset++, rest >>= 1) {
      if (rest % 2 === 1) {
        const t = PRIMITIVES[offset]
        if (t === undefined) throw new Error(`Unexpected callable type absence for index=${offset}`)
        found.push(t)
      }
    }
    if (found.length === 0) throw new Error('Unexpected callable func arg type absence')
    return found.length === 1 ? found[0]! : found
  }
  if (metaVersion === 2 && (index >> PRIMITIVES.length) % 2 === 1) return { list: union(index ^ (1 << PRIMITIVES.length)) }
  return union(index)
}

/** A type's name as the node prints it (Types.FINAL.name): unions sorted by name and joined by `|`. */
export function argTypeName(t: CallableArgType): string {
  if (typeof t === 'string') return t
  if ('list' in t) return `List[${argTypeName(t.list)}]`
  return [...t].sort().join('|')
}

/** Compact names in order: a..z, A..Z, then aa, ab ... aZ, ba ... (ContractScriptCompactor.idxToName). */
export function compactName(index: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
  let name = ''
  let n = index
  for (;;) {
    name = chars[n % 52]! + name
    if (n < 52) return name
    n = Math.floor(n / 52) - 1
  }
}

/**
 * The meta as the engine uses it. Types are read as MetaMapper.dicFromProto reads them: version 0 has none, 1 and 2
 * are read, any other version (or a bad index) leaves `callableArgTypes` empty and the node's text in `typesError`.
 */
export function dAppMetaOf(message: DAppMetaMessage): DAppMeta {
  const originalNames = new Map<string, string>()
  if (message.originalNames.length > 0) {
    message.originalNames.forEach((original, i) => {
      if (original !== '') originalNames.set(compactName(i), original)
    })
  } else {
    for (const p of message.compactNameAndOriginalNamePairs) originalNames.set(p.compactName, p.originalName)
  }
  const base = { version: message.version, originalNames }
  if (message.version === 0) return { ...base, callableArgTypes: [] }
  if (message.version !== 1 && message.version !== 2) {
    const typesError =
      message.version > 0
        ? `Unsupported meta version ${message.version}`
        : `Illegal meta version ${message.version}, expected positive value`
    return { ...base, callableArgTypes: [], typesError }
  }
  const metaVersion = message.version
  try {
    const callableArgTypes = message.funcs.map((types) =>
      Array.from(types, (b) => argTypeFromIndex(b > 127 ? b - 256 : b, metaVersion)),
    )
    return { ...base, callableArgTypes }
  } catch (e) {
    return { ...base, callableArgTypes: [], typesError: (e as Error).message }
  }
}
