// The protobuf body bytes of an InvokeScriptTransaction (waves.Transaction with invoke_script, field 116), written
// directly: the same bytes @waves/waves-transactions' makeTxBytes gives (invoke-bytes.test.ts checks them against
// it), without its JSON round trip, protobufjs objects and repeated base58 decoding. Shapes it does not write
// (a call-less invoke, a dApp by alias) return null and go through the library.
import { base58Decode } from '../crypto.ts'
import type { CallArg, Tx } from './tx.ts'

type Invoke = Extract<Tx, { type: 16 }>

const utf8 = new TextEncoder()

function varint(out: number[], value: bigint): void {
  let v = BigInt.asUintN(64, value)
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
}

function key(out: number[], field: number, wire: number): void {
  varint(out, BigInt((field << 3) | wire))
}

function bytesField(out: number[], field: number, bytes: ArrayLike<number>): void {
  key(out, field, 2)
  varint(out, BigInt(bytes.length))
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]!)
}

/** waves.Amount: asset_id (absent for WAVES), amount (absent when 0, as proto3 leaves defaults out). */
function amount(assetId: string | null, value: bigint): number[] {
  const out: number[] = []
  if (assetId !== null) bytesField(out, 1, base58Decode(assetId))
  if (value !== 0n) {
    key(out, 2, 0)
    varint(out, value)
  }
  return out
}

function int32(out: number[], value: number): void {
  out.push((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff)
}

/** One argument as Serde writes a constant: LONG 0, BYTESTR 1, STRING 2, TRUE 6, FALSE 7, ARR 11. */
function argument(out: number[], arg: CallArg): void {
  switch (arg.type) {
    case 'integer': {
      out.push(0)
      const v = BigInt.asUintN(64, arg.value)
      for (let shift = 56n; shift >= 0n; shift -= 8n) out.push(Number((v >> shift) & 0xffn))
      return
    }
    case 'binary':
      out.push(1)
      int32(out, arg.value.length)
      for (const b of arg.value) out.push(b)
      return
    case 'string': {
      const bytes = utf8.encode(arg.value)
      out.push(2)
      int32(out, bytes.length)
      for (const b of bytes) out.push(b)
      return
    }
    case 'boolean':
      out.push(arg.value ? 6 : 7)
      return
    case 'list':
      out.push(11)
      int32(out, arg.value.length)
      for (const item of arg.value) argument(out, item)
  }
}

/**
 * The function call as the library writes it: its optional-field flag 1, then Serde's FUNCTION_CALL of a user
 * function (9, 1, the name, the arguments).
 */
function functionCall(call: { function: string; args: CallArg[] }): number[] {
  const name = utf8.encode(call.function)
  const out = [1, 9, 1]
  int32(out, name.length)
  for (const b of name) out.push(b)
  int32(out, call.args.length)
  for (const arg of call.args) argument(out, arg)
  return out
}

/** The body bytes of `tx`, or null for the shapes left to the library. */
export function invokeBodyBytes(tx: Invoke): Uint8Array | null {
  if (tx.version < 2 || tx.call === null || tx.dApp.startsWith('alias:')) return null
  const address = base58Decode(tx.dApp)
  if (address.length !== 26) return null
  const data: number[] = []
  const recipient: number[] = []
  bytesField(recipient, 1, address.subarray(2, 22))
  bytesField(data, 1, recipient)
  bytesField(data, 2, functionCall(tx.call))
  for (const p of tx.payment) bytesField(data, 3, amount(p.assetId, p.amount))

  const out: number[] = []
  if (tx.chainId !== 0) {
    key(out, 1, 0)
    varint(out, BigInt(tx.chainId))
  }
  bytesField(out, 2, base58Decode(tx.senderPublicKey))
  bytesField(out, 3, amount(tx.feeAssetId, tx.fee))
  if (tx.timestamp !== 0) {
    key(out, 4, 0)
    varint(out, BigInt(tx.timestamp))
  }
  if (tx.version !== 0) {
    key(out, 5, 0)
    varint(out, BigInt(tx.version))
  }
  bytesField(out, 116, data)
  return Uint8Array.from(out)
}
