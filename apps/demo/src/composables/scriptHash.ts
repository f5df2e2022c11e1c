// The hash an upgrade is announced with (blake2b256 of the new script: 32 bytes), as an operator pastes
// it: hex, as most tools print a hash, or base64, as the node prints binary entries and the console shows
// the pending one.

/** The 32 bytes of a pasted hash, or null when the text is neither 64 hex digits nor 32 bytes of base64. */
export function scriptHash(text: string): Uint8Array | null {
  const t = text.trim().replace(/^base64:/, '')
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Uint8Array.from(t.match(/../g)!, (pair) => parseInt(pair, 16))
  if (!/^[A-Za-z0-9+/]{43}=$/.test(t)) return null
  const bytes = Uint8Array.from(atob(t), (c) => c.charCodeAt(0))
  return bytes.length === 32 ? bytes : null
}
