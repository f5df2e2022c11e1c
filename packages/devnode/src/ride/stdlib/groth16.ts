// Groth16 proof checks on BLS12-381 and BN254 (alt_bn128), as the node's zwaves library verifies them: a truncated
// verifying key (alpha G1, beta G2, gamma G2, delta G2, then one G1 point per public input plus one), a proof (A G1,
// B G2, C G1), all compressed, and 32-byte big-endian scalar inputs. Any point or scalar that does not decode makes
// the check false, as zwaves answers. The curves and pairings are @noble/curves'.
//
// Encodings: BLS12-381 points use the zcash compressed form (what @noble/curves reads). BN254 points are the
// pairing_ce form: big-endian x (for G2 the imaginary half first), with 0x40 in the first byte for infinity and 0x80
// when y is the larger of y and -y (comparing the imaginary half first in G2).
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bn254 } from '@noble/curves/bn254.js'

type Pairing = typeof bls12_381 | typeof bn254

function scalars(inputs: Uint8Array, order: bigint): bigint[] | null {
  const out: bigint[] = []
  for (let offset = 0; offset < inputs.length; offset += 32) {
    let n = 0n
    for (let i = offset; i < offset + 32; i++) n = (n << 8n) | BigInt(inputs[i]!)
    if (n >= order) return null
    out.push(n)
  }
  return out
}

/**
 * Checks e(A, B) = e(alpha, beta) * e(IC0 + sum(input_i * IC_i), gamma) * e(C, delta) as one product of pairings
 * equal to one. Points at infinity in the key or the proof make it false, as zwaves refuses them.
 */
function verifyEquation<P extends Pairing>(
  curve: P,
  vk: { alpha: G1Of<P>; beta: G2Of<P>; gamma: G2Of<P>; delta: G2Of<P>; ic: G1Of<P>[] },
  proof: { a: G1Of<P>; b: G2Of<P>; c: G1Of<P> },
  inputs: bigint[],
): boolean {
  let acc = vk.ic[0]!
  inputs.forEach((x, i) => {
    if (x !== 0n) acc = acc.add(vk.ic[i + 1]!.multiply(x)) as G1Of<P>
  })
  const pairs = [
    { g1: proof.a.negate(), g2: proof.b },
    { g1: vk.alpha, g2: vk.beta },
    { g1: acc, g2: vk.gamma },
    { g1: proof.c, g2: vk.delta },
  ]
  // The accumulated input point may be the identity, which pairs to one: leave it out rather than encode it
  const live = pairs.filter((p) => !p.g1.is0())
  const fp12 = curve.fields.Fp12 as { eql(a: unknown, b: unknown): boolean; ONE: unknown }
  const result = (curve.pairingBatch as (pairs: { g1: unknown; g2: unknown }[]) => unknown)(live)
  return fp12.eql(result, fp12.ONE)
}

type G1Of<P extends Pairing> = InstanceType<P['G1']['Point']>
type G2Of<P extends Pairing> = InstanceType<P['G2']['Point']>

function groth16<P extends Pairing>(
  curve: P,
  g1Size: number,
  readG1: (bytes: Uint8Array) => G1Of<P>,
  readG2: (bytes: Uint8Array) => G2Of<P>,
  vkBytes: Uint8Array,
  proofBytes: Uint8Array,
  inputBytes: Uint8Array,
): boolean {
  const g2Size = g1Size * 2
  const n = inputBytes.length / 32
  if (vkBytes.length !== g1Size * (8 + n) || proofBytes.length !== g1Size * 4 || !Number.isInteger(n)) return false
  try {
    const nonZero = <T extends { is0(): boolean }>(p: T): T => {
      if (p.is0()) throw new Error('point at infinity')
      return p
    }
    let offset = 0
    const take = (size: number): Uint8Array => vkBytes.subarray(offset, (offset += size))
    const alpha = nonZero(readG1(take(g1Size)))
    const beta = nonZero(readG2(take(g2Size)))
    const gamma = nonZero(readG2(take(g2Size)))
    const delta = nonZero(readG2(take(g2Size)))
    const ic: G1Of<P>[] = []
    for (let i = 0; i <= n; i++) ic.push(nonZero(readG1(take(g1Size))))
    const a = nonZero(readG1(proofBytes.subarray(0, g1Size)))
    const b = nonZero(readG2(proofBytes.subarray(g1Size, g1Size + g2Size)))
    const c = nonZero(readG1(proofBytes.subarray(g1Size + g2Size)))
    const inputs = scalars(inputBytes, curve.fields.Fr.ORDER)
    if (inputs === null) return false
    return verifyEquation(curve, { alpha, beta, gamma, delta, ic }, { a, b, c }, inputs)
  } catch {
    return false
  }
}

/** groth16Verify over BLS12-381 (zwaves bls12::groth16_verify). Sizes are checked by the caller. */
export function bls12Groth16Verify(vk: Uint8Array, proof: Uint8Array, inputs: Uint8Array): boolean {
  return groth16(
    bls12_381,
    48,
    (b) => bls12_381.G1.Point.fromBytes(b) as G1Of<typeof bls12_381>,
    (b) => bls12_381.G2.Point.fromBytes(b) as G2Of<typeof bls12_381>,
    vk,
    proof,
    inputs,
  )
}

const bnFp = bn254.fields.Fp
const bnFp2 = bn254.fields.Fp2
const BN_G1_B = 3n
const BN_G2_B = bn254.G2.Point.CURVE().b

function bigEndian(bytes: Uint8Array): bigint {
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  return n
}

function bnFlags(bytes: Uint8Array): { infinity: boolean; greatest: boolean; body: Uint8Array } {
  const body = Uint8Array.from(bytes)
  const flags = body[0]! & 0xc0
  body[0] = body[0]! & 0x3f
  return { infinity: (flags & 0x40) !== 0, greatest: (flags & 0x80) !== 0, body }
}

function readBnG1(bytes: Uint8Array): G1Of<typeof bn254> {
  const { infinity, greatest, body } = bnFlags(bytes)
  if (infinity) return bn254.G1.Point.ZERO as G1Of<typeof bn254>
  const x = bigEndian(body)
  if (x >= bnFp.ORDER) throw new Error('not in field')
  let y = bnFp.sqrt(bnFp.add(bnFp.mul(bnFp.sqr(x), x), BN_G1_B))
  const negY = bnFp.neg(y)
  if (y > negY !== greatest) y = negY
  const point = bn254.G1.Point.fromAffine({ x, y })
  point.assertValidity()
  return point as G1Of<typeof bn254>
}

function fp2Greater(a: { c0: bigint; c1: bigint }, b: { c0: bigint; c1: bigint }): boolean {
  return a.c1 !== b.c1 ? a.c1 > b.c1 : a.c0 > b.c0
}

function readBnG2(bytes: Uint8Array): G2Of<typeof bn254> {
  const { infinity, greatest, body } = bnFlags(bytes)
  if (infinity) return bn254.G2.Point.ZERO as G2Of<typeof bn254>
  const c1 = bigEndian(body.subarray(0, 32))
  const c0 = bigEndian(body.subarray(32, 64))
  if (c0 >= bnFp.ORDER || c1 >= bnFp.ORDER) throw new Error('not in field')
  const x = bnFp2.create({ c0, c1 })
  let y = bnFp2.sqrt(bnFp2.add(bnFp2.mul(bnFp2.sqr(x), x), BN_G2_B))
  const negY = bnFp2.neg(y)
  if (fp2Greater(y, negY) !== greatest) y = negY
  const point = bn254.G2.Point.fromAffine({ x, y })
  // on the curve and in the order-r subgroup (zwaves checks B * r = 0; the key's points are on the curve by decoding)
  point.assertValidity()
  return point as G2Of<typeof bn254>
}

/** bn256Groth16Verify over BN254 (zwaves bn256::groth16_verify). Sizes are checked by the caller. */
export function bn256Groth16Verify(vk: Uint8Array, proof: Uint8Array, inputs: Uint8Array): boolean {
  return groth16(bn254, 32, readBnG1, readBnG2, vk, proof, inputs)
}
