// The two byte readers the node's script formats are read with: a big-endian fixed-width reader (java.nio.ByteBuffer:
// SerdeV1, ContractSerDeV1) and protobuf's varint reader (com.google.protobuf.CodedInputStream over an array: SerdeV2,
// ContractSerDeV2, DAppMeta). Both fail as the Java classes fail, with a JavaFailure that carries what the node's
// catch site would print; nothing here allocates more than the bytes that are actually there.

/**
 * A failure raised inside a reader, as the Java exception the node would see. `message` is the exception's
 * getMessage (null for java.nio.BufferUnderflowException); `className` is its class, for the sites that print
 * `toString` when getMessage is null (ContractSerDe.tryEi).
 */
export class JavaFailure extends Error {
  constructor(
    readonly javaMessage: string | null,
    readonly className: string,
  ) {
    super(javaMessage ?? className)
    this.name = 'JavaFailure'
  }

  /** Throwable.toString: the class name, then `: message` when there is one. */
  toJavaString(): string {
    return this.javaMessage === null ? this.className : `${this.className}: ${this.javaMessage}`
  }

  /** ContractSerDe.tryEi's text: getMessage, or toString when getMessage is null. */
  tryEiText(): string {
    return this.javaMessage ?? this.toJavaString()
  }
}

const UNDERFLOW = 'java.nio.BufferUnderflowException'
const PROTOBUF = 'com.google.protobuf.InvalidProtocolBufferException'

export const protobufTexts = {
  truncated:
    'While parsing a protocol message, the input ended unexpectedly in the middle of a field.  This could mean either that the input has been truncated or that an embedded message misreported its own length.',
  negativeSize: 'CodedInputStream encountered an embedded string or message which claimed to have negative size.',
  malformedVarint: 'CodedInputStream encountered a malformed varint.',
  invalidTag: 'Protocol message contained an invalid tag (zero).',
  invalidWireType: 'Protocol message tag had invalid wire type.',
  invalidEndTag: 'Protocol message end-group tag did not match expected tag.',
  invalidUtf8: 'Protocol message had invalid UTF-8.',
} as const

export function protobufFailure(text: string): JavaFailure {
  return new JavaFailure(text, PROTOBUF)
}

// Java's `new String(bytes, UTF_8)` and protobuf's readString replace malformed sequences; so does this decoder.
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** A copy, never a view: a Node Buffer's slice shares memory, and terms must not change when the input does. */
function copy(bytes: Uint8Array, at: number, n: number): Uint8Array {
  return new Uint8Array(bytes.subarray(at, at + n))
}

export function decodeUtf8(bytes: Uint8Array): string {
  return lenientUtf8.decode(bytes)
}

/** Big-endian reads over a byte array with java.nio.ByteBuffer's position, limit and underflow rules. */
export class ByteBufferInput {
  position = 0
  readonly limit: number
  private readonly view: DataView

  constructor(readonly bytes: Uint8Array) {
    this.limit = bytes.length
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  get remaining(): number {
    return this.limit - this.position
  }

  private need(n: number): number {
    if (this.remaining < n) throw new JavaFailure(null, UNDERFLOW)
    const at = this.position
    this.position += n
    return at
  }

  /** signed, as Java's byte */
  byte(): number {
    return this.view.getInt8(this.need(1))
  }

  short(): number {
    return this.view.getInt16(this.need(2))
  }

  int(): number {
    return this.view.getInt32(this.need(4))
  }

  long(): bigint {
    return this.view.getBigInt64(this.need(8))
  }

  raw(n: number): Uint8Array {
    const at = this.need(n)
    return copy(this.bytes, at, n)
  }

  /** Serialize.getBytes: an int length, checked against the buffer's limit (not what remains), then the bytes. */
  sizedBytes(): Uint8Array {
    const length = this.int()
    if (this.limit < length || length < 0) throw new JavaFailure(`Invalid array size (${length})`, 'java.lang.Exception')
    return this.raw(length)
  }

  sizedString(): string {
    return decodeUtf8(this.sizedBytes())
  }
}

/** CodedInputStream.newInstance(bytes): varints, length-prefixed strings and byte arrays, limit = the array's end. */
export class CodedInput {
  position = 0
  private limit: number

  constructor(readonly bytes: Uint8Array) {
    this.limit = bytes.length
  }

  /** getBytesUntilLimit */
  get remaining(): number {
    return this.limit - this.position
  }

  /** getTotalBytesRead */
  get totalBytesRead(): number {
    return this.position
  }

  isAtEnd(): boolean {
    return this.position === this.limit
  }

  /** signed, as readRawByte's Java byte */
  rawByte(): number {
    if (this.position >= this.limit) throw protobufFailure(protobufTexts.truncated)
    const b = this.bytes[this.position++]!
    return b > 127 ? b - 256 : b
  }

  /** readRawVarint64 as an unsigned 64-bit value; more than ten bytes is a malformed varint. */
  varint64(): bigint {
    let result = 0n
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.rawByte() & 0xff
      result |= BigInt(b & 0x7f) << shift
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result)
    }
    throw protobufFailure(protobufTexts.malformedVarint)
  }

  /** readRawVarint32: up to ten bytes, the low 32 bits as a Java int. */
  varint32(): number {
    return Number(BigInt.asIntN(32, this.varint64()))
  }

  /** readInt64 */
  int64(): bigint {
    return BigInt.asIntN(64, this.varint64())
  }

  /** readUInt32 (a Java int: values of 2^31 and above are negative) */
  uint32(): number {
    return this.varint32()
  }

  /** readRawBytes(size) with readByteArray's rules: negative size, then truncation. */
  private sized(): Uint8Array {
    const size = this.varint32()
    if (size > 0 && size <= this.remaining) {
      const at = this.position
      this.position += size
      return copy(this.bytes, at, size)
    }
    if (size === 0) return new Uint8Array(0)
    if (size < 0) throw protobufFailure(protobufTexts.negativeSize)
    throw protobufFailure(protobufTexts.truncated)
  }

  byteArray(): Uint8Array {
    return this.sized()
  }

  /** readString: malformed UTF-8 is replaced, as Java's String constructor does */
  string(): string {
    return decodeUtf8(this.sized())
  }

  /** readStringRequireUtf8 (proto3 string fields) */
  stringRequireUtf8(): string {
    const bytes = this.sized()
    try {
      return strictUtf8.decode(bytes)
    } catch {
      throw protobufFailure(protobufTexts.invalidUtf8)
    }
  }

  /** readTag: 0 at the end; a tag whose field number is 0 is invalid */
  tag(): number {
    if (this.isAtEnd()) return 0
    const tag = this.varint32()
    if (tag >>> 3 === 0) throw protobufFailure(protobufTexts.invalidTag)
    return tag
  }

  /** skipField: false for an end-group tag, as protobuf returns */
  skipField(tag: number): boolean {
    switch (tag & 7) {
      case 0:
        this.varint64()
        return true
      case 1:
        this.skip(8)
        return true
      case 2:
        this.skip(this.varint32())
        return true
      case 3: {
        for (;;) {
          const inner = this.tag()
          if (inner === 0 || !this.skipField(inner)) {
            if (inner !== (((tag >>> 3) << 3) | 4)) throw protobufFailure(protobufTexts.invalidEndTag)
            return true
          }
        }
      }
      case 4:
        return false
      case 5:
        this.skip(4)
        return true
      default:
        throw protobufFailure(protobufTexts.invalidWireType)
    }
  }

  private skip(size: number): void {
    if (size < 0) throw protobufFailure(protobufTexts.negativeSize)
    if (size > this.remaining) {
      this.position = this.limit
      throw protobufFailure(protobufTexts.truncated)
    }
    this.position += size
  }

  /** pushLimit for an embedded message; returns the old limit for popLimit */
  pushLimit(size: number): number {
    if (size < 0) throw protobufFailure(protobufTexts.negativeSize)
    if (size > this.remaining) throw protobufFailure(protobufTexts.truncated)
    const old = this.limit
    this.limit = this.position + size
    return old
  }

  popLimit(old: number): void {
    this.limit = old
  }
}
