// register(referrer, salt): the referral tree, the proof of work and who may join (ride/README.md#register).
// The attacks on registration (self-referral, cycles, bad referrers, weak PoW ...) are in attacks.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Program,
  TEST_START,
  blockTimeOf,
  changesOf,
  dataOf,
  invoke,
  refusal,
  register,
  registerTx,
  startProgram,
  wavesOf,
} from '../../test/affiliate.ts'
import { idZeroBits, wt } from '../../test/waves.ts'

const REFUSED_BY_VERIFIER = { status: 400, body: { error: 307, message: 'Transaction is not allowed by account-script' } }
let p: Program

beforeAll(async () => {
  p = await startProgram({ config: { powBits: 0 }, startTime: TEST_START })
  await p.save()
})

afterAll(() => p.close())

describe('register', () => {
  it('joins under the root: referrer, the root\'s level 1 index and stats; the fee comes back', async () => {
    await p.reset()
    const alice = p.users.alice
    const before = await wavesOf(p, alice.address)
    const tx = await registerTx(p, alice.seed, p.dApp)
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const day = Math.floor((await blockTimeOf(p, tx.id)) / 86_400_000)
    expect(await changesOf(p, tx.id)).toEqual({
      data: [
        { key: `${alice.address}_referer`, type: 'string', value: p.dApp },
        { key: 'stats_users', type: 'integer', value: 1 },
        { key: `${p.dApp}_l1_count`, type: 'integer', value: 1 },
        { key: `${p.dApp}_l1_1`, type: 'string', value: alice.address },
        { key: 'gas_reserve', type: 'integer', value: 10_00000000 - 500_000 },
        { key: `refunds_${day}`, type: 'integer', value: 500_000 },
        { key: `${alice.address}_refunds`, type: 'string', value: `${day}:500000` },
        { key: 'stats_refunded', type: 'integer', value: 500_000 },
      ],
      transfers: [{ address: alice.address, asset: null, amount: 500_000 }],
    })
    expect(await wavesOf(p, alice.address)).toBe(before)
  })

  it('builds the level 1-3 indexes at registration, for members who never paid', async () => {
    await p.reset()
    const { alice, bob, carol, dave, erin } = p.users
    await register(p, alice.seed, p.dApp)
    await register(p, bob.seed, alice.address)
    await register(p, carol.seed, alice.address)
    await register(p, dave.seed, bob.address)
    await register(p, erin.seed, dave.address)
    expect(await dataOf(p, `${alice.address}_l.*`)).toEqual({
      [`${alice.address}_l1_count`]: 2n,
      [`${alice.address}_l1_1`]: bob.address,
      [`${alice.address}_l1_2`]: carol.address,
      [`${alice.address}_l2_count`]: 1n,
      [`${alice.address}_l2_1`]: dave.address,
      [`${alice.address}_l3_count`]: 1n,
      [`${alice.address}_l3_1`]: erin.address,
    })
    // the root's indexes follow its tree too: alice at level 1, bob and carol at 2, dave at 3, erin beyond
    expect(await dataOf(p, `${p.dApp}_l.*`)).toEqual({
      [`${p.dApp}_l1_count`]: 1n,
      [`${p.dApp}_l1_1`]: alice.address,
      [`${p.dApp}_l2_count`]: 2n,
      [`${p.dApp}_l2_1`]: bob.address,
      [`${p.dApp}_l2_2`]: carol.address,
      [`${p.dApp}_l3_count`]: 1n,
      [`${p.dApp}_l3_1`]: dave.address,
    })
    expect(await dataOf(p, '.*_referer|stats_users')).toEqual({
      [`${alice.address}_referer`]: p.dApp,
      [`${bob.address}_referer`]: alice.address,
      [`${carol.address}_referer`]: alice.address,
      [`${dave.address}_referer`]: bob.address,
      [`${erin.address}_referer`]: dave.address,
      stats_users: 5n,
    })
  })

  it('needs 16 leading zero bits by default: a mined id passes, a weak one is refused', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setPowBits', [16])).status).toBe(200)
    const { alice } = p.users
    const weak = await registerTx(p, alice.seed, p.dApp, { bits: 0 })
    expect(idZeroBits(weak.id)).toBeLessThan(16)
    expect(await p.api.broadcast(weak)).toMatchObject(refusal('pow: transaction id needs 16 leading zero bits'))
    const mined = await registerTx(p, alice.seed, p.dApp)
    expect(idZeroBits(mined.id)).toBeGreaterThanOrEqual(16)
    expect((await p.api.broadcast(mined)).status).toBe(200)
    expect(await dataOf(p, `${alice.address}_referer`)).toEqual({ [`${alice.address}_referer`]: p.dApp })
  })

  it('refuses a stored pow_bits out of 0..28 (written by the account key before its verifier is set)', async () => {
    await p.reset()
    const write = (q: Program) => wt.data({ data: [{ key: 'config_pow_bits', type: 'integer', value: 29 }], fee: 500_000, chainId: 'R', timestamp: q.now() } as never, q.dAppSeed)
    expect(await p.api.broadcast(write(p))).toMatchObject(REFUSED_BY_VERIFIER)
    const q = await startProgram({ verifier: false, config: { powBits: 0 }, startTime: TEST_START })
    try {
      expect((await q.api.broadcast(write(q))).status).toBe(200)
      expect(await q.api.broadcast(await registerTx(q, q.users.alice.seed, q.dApp, { bits: 0 }))).toMatchObject(refusal('config: pow bits must be 0..28'))
    } finally {
      await q.close()
    }
  })

  it('refuses the root, and a former root that has referrals', async () => {
    await p.reset()
    const { alice, frank } = p.users
    // the dApp (the default root) may not even send register: its verifier refuses it
    expect(await p.api.broadcast(await registerTx(p, p.dAppSeed, alice.address))).toMatchObject(REFUSED_BY_VERIFIER)
    // frank becomes the root, invites alice, and is replaced: he may not join under anyone now.
    expect((await invoke(p, p.dAppSeed, 'setRoot', [frank.address])).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, frank.seed, p.dApp))).toMatchObject(refusal('registered: root cannot register'))
    await register(p, alice.seed, frank.address)
    expect((await invoke(p, p.dAppSeed, 'setRoot', [p.dApp])).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, frank.seed, p.dApp))).toMatchObject(refusal('registered: address has referrals'))
  })

  it('is stopped by pause, and open again after unpause', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'pause')).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, p.users.alice.seed, p.dApp))).toMatchObject(refusal('paused: program is paused'))
    expect((await invoke(p, p.dAppSeed, 'unpause')).status).toBe(200)
    await register(p, p.users.alice.seed, p.dApp)
  })
})

describe('the min_referrer_paid gate', () => {
  it('lets only a referrer who paid at least config_min_referrer_paid invite; the root always may', async () => {
    await p.reset()
    const { alice, bob, carol } = p.users
    await register(p, alice.seed, p.dApp)
    expect((await invoke(p, p.dAppSeed, 'setMinReferrerPaid', [50_000_000])).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, bob.seed, alice.address))).toMatchObject(refusal('referrer: has paid less than 50000000'))
    expect((await invoke(p, alice.seed, 'fund', [], { amount: 49_999_999n })).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, bob.seed, alice.address))).toMatchObject(refusal('referrer: has paid less than 50000000'))
    expect((await invoke(p, alice.seed, 'fund', [], { amount: 1_000_000n })).status).toBe(200)
    await register(p, bob.seed, alice.address)
    await register(p, carol.seed, p.dApp)
    expect(await dataOf(p, '.*_referer')).toEqual({
      [`${alice.address}_referer`]: p.dApp,
      [`${bob.address}_referer`]: alice.address,
      [`${carol.address}_referer`]: p.dApp,
    })
  })
})
