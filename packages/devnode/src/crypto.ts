// @waves/ts-lib-crypto through its CommonJS build: its ES module build does not load in Node
// (extensionless imports of node-forge), so Node code takes it with require.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const crypto = require('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')

export const {
  address,
  base58Decode,
  base58Encode,
  base64Encode,
  blake2b,
  concat,
  publicKey,
  signBytes,
  stringToBytes,
  verifyAddress,
  verifySignature,
} = crypto
