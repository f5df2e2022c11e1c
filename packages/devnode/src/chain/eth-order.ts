// Orders signed with an Ethereum key (version 4, eip712Signature; node: EthOrders): the signature is over the order's
// EIP-712 typed data, its signer's key is recovered from it, and that key's address is the order's sender.
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { concatBytes } from '@noble/hashes/utils.js'
import { base58Decode, base58Encode } from '../crypto.ts'
import { addressFromPublicKey } from '../ride/stdlib/addresses.ts'
import type { PriceMode } from './order.ts'

/** What of an order its EIP-712 message carries. */
export interface EthOrderFields {
  version: number
  matcherPublicKey: string
  amountAsset: string | null
  priceAsset: string | null
  orderType: 'buy' | 'sell'
  amount: bigint
  price: bigint
  timestamp: number
  expiration: number
  matcherFee: bigint
  matcherFeeAssetId: string | null
  priceMode: PriceMode
  /** base58 */
  attachment: string | null
}

const utf8 = new TextEncoder()
const ORDER_FIELDS = [
  ['version', 'int32'],
  ['matcherPublicKey', 'string'],
  ['amountAsset', 'string'],
  ['priceAsset', 'string'],
  ['orderType', 'string'],
  ['amount', 'int64'],
  ['price', 'int64'],
  ['timestamp', 'int64'],
  ['expiration', 'int64'],
  ['matcherFee', 'int64'],
  ['matcherFeeAssetId', 'string'],
  ['priceMode', 'string'],
] as const

const typeString = (name: string, fields: readonly (readonly [string, string])[]) => `${name}(${fields.map(([n, t]) => `${t} ${n}`).join(',')})`

/** An ABI word: a number as 32 bytes, big-endian two's complement. */
function word(value: bigint): Uint8Array {
  const out = new Uint8Array(32)
  let v = BigInt.asUintN(256, value)
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn)
    v >>= 8n
  }
  return out
}

/** EIP-712 hashStruct: keccak of the type's hash and each field (strings by their keccak, numbers as words). */
function hashStruct(type: string, values: readonly (string | bigint)[]): Uint8Array {
  const encoded = values.map((v) => (typeof v === 'string' ? keccak_256(utf8.encode(v)) : word(v)))
  return keccak_256(concatBytes(keccak_256(utf8.encode(type)), ...encoded))
}

/**
 * EthOrders.hashOrderStruct: the EIP-712 hash of the order's typed data, domain "Waves Order" of version 1 (2 with an
 * attachment) on `chainId`; a default price mode is signed as the mode it means (assetDecimals before version 4).
 */
export function ethOrderHash(order: EthOrderFields, chainId: number): Uint8Array {
  const domain = hashStruct(
    typeString('EIP712Domain', [
      ['name', 'string'],
      ['version', 'string'],
      ['chainId', 'uint256'],
    ]),
    ['Waves Order', order.attachment === null ? '1' : '2', BigInt(chainId)],
  )
  const mode = order.priceMode === 'default' ? (order.version < 4 ? 'assetDecimals' : 'fixedDecimals') : order.priceMode
  const asset = (a: string | null) => a ?? 'WAVES'
  const fields: (readonly [string, string])[] = [...ORDER_FIELDS, ...(order.attachment === null ? [] : [['attachment', 'string'] as const])]
  const values: (string | bigint)[] = [
    BigInt(order.version),
    order.matcherPublicKey,
    asset(order.amountAsset),
    asset(order.priceAsset),
    order.orderType.toUpperCase(),
    order.amount,
    order.price,
    BigInt(order.timestamp),
    BigInt(order.expiration),
    order.matcherFee,
    asset(order.matcherFeeAssetId),
    mode === 'assetDecimals' ? 'ASSET_DECIMALS' : 'FIXED_DECIMALS',
    ...(order.attachment === null ? [] : [order.attachment]),
  ]
  const message = hashStruct(typeString('Order', fields), values)
  return keccak_256(concatBytes(Uint8Array.of(0x19, 0x01), domain, message))
}

/**
 * EthOrders.recoverEthSignerKey: the 64-byte public key (base58) that made `signature` (r, s, v: 65 bytes) over the
 * order, v being 27/28, 0/1 or of EIP-155 on `chainId`; null when none did.
 */
export function recoverEthOrderKey(order: EthOrderFields, signature: Uint8Array, chainId: number): string | null {
  if (signature.length !== 65) return null
  const v = signature[64]!
  const recovery = v === 0 || v === 1 ? v : v > 28 ? v - chainId * 2 - 35 : v - 27
  if (recovery !== 0 && recovery !== 1) return null
  try {
    const sig = secp256k1.Signature.fromBytes(signature.subarray(0, 64), 'compact').addRecoveryBit(recovery)
    return base58Encode(sig.recoverPublicKey(ethOrderHash(order, chainId)).toBytes(false).subarray(1))
  } catch {
    return null
  }
}

/**
 * The address of a 64-byte Ethereum public key (PublicKey.toAddress: the last 20 bytes of its keccak, Address.apply's
 * checksum: keccak of blake2b of version, chain and hash).
 */
export function ethKeyAddress(publicKey: string, chainId: number): string {
  return base58Encode(addressFromPublicKey(base58Decode(publicKey), chainId))
}
