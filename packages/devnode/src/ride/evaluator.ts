// Evaluates dApp callables with the official evaluator: the REPL of @waves/ride-js, pointed at this
// dev node's own REST API, reads the chain state it needs over HTTP. Nothing here interprets RIDE.
import ride from '@waves/ride-js'
import { base58Decode, base58Encode, base64Encode } from '../crypto.ts'
import { callableName, globalsAreConstant, replProgram, type RideSource } from './compile.ts'
import { withLocalReads, type LocalGet } from './local-http.ts'
import { parseReplResult, type Printed } from './printed.ts'
import type { DataWrite } from '../state/state.ts'

export interface InvocationInput {
  dApp: string
  function: string
  args: CallArg[]
  payments: { assetId: string | null; amount: bigint }[]
  caller: string
  callerPublicKey: string
  transactionId: string
  fee: bigint
  feeAssetId: string | null
}

export type CallArg =
  | { type: 'integer'; value: bigint }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'binary'; value: Uint8Array }
  | { type: 'list'; value: CallArg[] }

export type Action =
  | { kind: 'data'; write: DataWrite }
  | { kind: 'transfer'; recipient: { address: string } | { alias: string }; amount: bigint; asset: string | null }

export type Evaluation = { ok: true; actions: Action[] } | { ok: false; message: string }

type Repl = ReturnType<typeof ride.repl>

/** A dApp as the REPL takes it: declared once and reused, or (global lets that read the chain) per call. */
type Prepared = { program: string; declared: Repl | undefined }

export class RideEvaluator {
  private readonly prepared = new Map<string, Prepared>()

  constructor(
    private readonly nodeUrl: string,
    private readonly chainId: string,
    private readonly localGet: LocalGet,
  ) {}

  /** Runs one callable; calls are serialised by the caller (one transaction at a time). */
  async invoke(script: { base64: string; source: RideSource }, input: InvocationInput): Promise<Evaluation> {
    const settings = { nodeUrl: this.nodeUrl, chainId: this.chainId, address: input.dApp }
    const call = callExpression(input)
    let answer
    try {
      const key = `${input.dApp} ${script.base64}`
      let prepared = this.prepared.get(key)
      if (prepared === undefined) {
        prepared = { program: replProgram(script.source), declared: undefined }
        if (globalsAreConstant(script.source)) {
          // Declaring the dApp costs a hundred milliseconds or more; a call on the declared REPL, about one.
          const repl = ride.repl(settings)
          const declared = await this.reading(() => repl.evaluate(prepared!.program))
          if ('error' in declared) return { ok: false, message: String(declared.error) }
          prepared.declared = repl
        }
        this.prepared.set(key, prepared)
      }
      // Each call gets a REPL of its own (`reconfigure` keeps the declarations): one REPL keeps the first
      // `height` and `lastBlock` it read.
      const { program, declared } = prepared
      answer = declared
        ? await this.reading(() => declared.reconfigure(settings).evaluate(call))
        : await this.reading(() => ride.repl(settings).evaluate(`${program}\n${call}`))
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) }
    }
    if ('error' in answer) return { ok: false, message: String(answer.error) }
    try {
      return { ok: true, actions: toActions(parseReplResult(answer.result)) }
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) }
    }
  }

  private reading<T>(evaluation: () => Promise<T>): Promise<T> {
    return withLocalReads(this.nodeUrl, this.localGet, evaluation)
  }
}

function callExpression(input: InvocationInput): string {
  const payments = input.payments.map((p) => `AttachedPayment(${bytesOrUnit(p.assetId)}, ${p.amount})`)
  const caller = `Address(base58'${input.caller}')`
  const invocation =
    `Invocation([${payments.join(', ')}], ${caller}, base58'${input.callerPublicKey}', ` +
    `base58'${input.transactionId}', ${input.fee}, ${bytesOrUnit(input.feeAssetId)}, ${caller}, base58'${input.callerPublicKey}')`
  return `${callableName(input.function)}(${[invocation, ...input.args.map(literal)].join(', ')})`
}

function bytesOrUnit(id: string | null): string {
  return id === null ? 'unit' : `base58'${id}'`
}

/** A call argument as a RIDE literal. */
export function literal(arg: CallArg): string {
  switch (arg.type) {
    case 'integer':
      return String(arg.value)
    case 'boolean':
      return String(arg.value)
    case 'binary':
      return `base64'${base64Encode(arg.value)}'`
    case 'list':
      return `[${arg.value.map(literal).join(', ')}]`
    case 'string':
      return `"${[...arg.value].map(escapeChar).join('')}"`
  }
}

function escapeChar(c: string): string {
  if (c === '"') return '\\"'
  if (c === '\\') return '\\\\'
  const code = c.codePointAt(0)!
  if (code < 0x20 || code === 0x7f) return `\\u${code.toString(16).padStart(4, '0')}`
  return c
}

function toActions(result: Printed): Action[] {
  // RIDE 5+ callables may return (actions, value); the value is not stored by invoke transactions.
  const list = result.kind === 'struct' && result.name === 'Tuple' ? result.fields['_1'] : result
  if (!list || list.kind !== 'list') throw new Error('the callable returned no list of actions')
  return list.items.map(toAction)
}

function toAction(item: Printed): Action {
  if (item.kind !== 'struct') throw new Error('the callable returned something that is not an action')
  const f = item.fields
  const key = () => str(f['key'])
  switch (item.name) {
    case 'IntegerEntry':
      return { kind: 'data', write: { key: key(), type: 'integer', value: int(f['value']) } }
    case 'StringEntry':
      return { kind: 'data', write: { key: key(), type: 'string', value: str(f['value']) } }
    case 'BooleanEntry':
      return { kind: 'data', write: { key: key(), type: 'boolean', value: bool(f['value']) } }
    case 'BinaryEntry':
      return { kind: 'data', write: { key: key(), type: 'binary', value: `base64:${base64Encode(bytes(f['value']))}` } }
    case 'DeleteEntry':
      return { kind: 'data', write: { key: key(), type: null, value: null } }
    case 'ScriptTransfer': {
      const recipient = f['recipient']
      if (recipient?.kind !== 'struct') throw new Error('ScriptTransfer without a recipient')
      const to =
        recipient.name === 'Alias'
          ? { alias: str(recipient.fields['alias']) }
          : { address: base58(recipient.fields['bytes']) }
      const asset = f['asset']
      return { kind: 'transfer', recipient: to, amount: int(f['amount']), asset: asset?.kind === 'unit' ? null : base58(asset) }
    }
    default:
      throw new Error(`waves-devnode does not support the ${item.name} action`)
  }
}

function int(v: Printed | undefined): bigint {
  if (v?.kind !== 'int') throw new Error('expected an Int in an action')
  return v.value
}
function str(v: Printed | undefined): string {
  if (v?.kind !== 'string') throw new Error('expected a String in an action')
  return v.value
}
function bool(v: Printed | undefined): boolean {
  if (v?.kind !== 'boolean') throw new Error('expected a Boolean in an action')
  return v.value
}
function bytes(v: Printed | undefined): Uint8Array {
  if (v?.kind !== 'bytes') throw new Error('expected a ByteVector in an action')
  if (v.encoding === 'base58') return base58Decode(v.value)
  if (v.encoding === 'base64') return Uint8Array.from(Buffer.from(v.value, 'base64'))
  return Uint8Array.from(Buffer.from(v.value, 'hex'))
}
function base58(v: Printed | undefined): string {
  return v?.kind === 'bytes' && v.encoding === 'base58' ? v.value : base58Encode(bytes(v))
}
