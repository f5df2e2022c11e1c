// Script bytes from the `base64:...` strings the node's REST API prints and accepts (Script.fromBase64String), decoded
// with the rules and texts of java.util.Base64's basic decoder, which the node uses: padding optional, no line breaks,
// no whitespace.
import { RideError } from '../values.ts'
import { readScript } from './reader.ts'
import type { Script } from '../terms.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const INDEX = new Int16Array(256).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i

/**
 * Decodes base64 as the node does (common.utils.Base64.decode: an optional `base64:` prefix, then
 * java.util.Base64.getDecoder()).
 *
 * @throws Error whose message is Java's IllegalArgumentException text: `Illegal base64 character 2d`, `Input byte
 *   array has wrong 4-byte ending unit`, `Last unit does not have enough valid bits`, `Input byte array has incorrect
 *   ending byte at 8`, `Input byte[] should at least have 2 bytes for base64 bytes`.
 */
export function base64Decode(text: string): Uint8Array {
  const body = text.startsWith('base64:') ? text.slice('base64:'.length) : text
  // String.getBytes(ISO_8859_1): a code point above U+00FF (a surrogate pair too) becomes one '?'
  const src = Uint8Array.from(body, (c) => {
    const code = c.codePointAt(0)!
    return code > 0xff ? 0x3f : code
  })
  return base64DecodeBytes(src)
}

function base64DecodeBytes(src: Uint8Array): Uint8Array {
  const sl = src.length
  if (sl === 0) return new Uint8Array(0)
  if (sl < 2) throw new Error('Input byte[] should at least have 2 bytes for base64 bytes')
  const out = new Uint8Array(Math.floor((sl * 3) / 4) + 3)
  let dp = 0
  let bits = 0
  let shiftto = 18
  let sp = 0
  while (sp < sl) {
    const b = src[sp++]!
    const v = INDEX[b]!
    if (v < 0) {
      if (b === 0x3d) {
        if ((shiftto === 6 && (sp === sl || src[sp++] !== 0x3d)) || shiftto === 18) {
          throw new Error('Input byte array has wrong 4-byte ending unit')
        }
        break
      }
      throw new Error(`Illegal base64 character ${((b << 24) >> 24).toString(16)}`)
    }
    bits |= v << shiftto
    shiftto -= 6
    if (shiftto < 0) {
      out[dp++] = (bits >> 16) & 0xff
      out[dp++] = (bits >> 8) & 0xff
      out[dp++] = bits & 0xff
      shiftto = 18
      bits = 0
    }
  }
  if (shiftto === 6) {
    out[dp++] = (bits >> 16) & 0xff
  } else if (shiftto === 0) {
    out[dp++] = (bits >> 16) & 0xff
    out[dp++] = (bits >> 8) & 0xff
  } else if (shiftto === 12) {
    throw new Error('Last unit does not have enough valid bits')
  }
  if (sp < sl) throw new Error(`Input byte array has incorrect ending byte at ${sp}`)
  return out.slice(0, dp)
}

/**
 * Reads a script from its REST form (Script.fromBase64String): `base64:` and the bytes.
 *
 * @throws RideError `Unable to decode base64: <Java's text>`, or readScript's errors.
 */
export function readScriptBase64(text: string): Script {
  return readScript(scriptBytesFromBase64(text))
}

/** The bytes of a `base64:...` script string; RideError `Unable to decode base64: ...` when they are not base64. */
export function scriptBytesFromBase64(text: string): Uint8Array {
  try {
    return base64Decode(text)
  } catch (e) {
    throw new RideError(`Unable to decode base64: ${(e as Error).message}`)
  }
}
