// The transaction types and checks of a node that users' suites meet: aliases, reissue, burn, sponsorship, leases,
// the proofs of a plain account, the invoke size, transfer overflow, and balance checks in the node's order.
// Expected texts are the node's (sources named in each test, under node/src/main/scala/com/wavesplatform).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, deploySource, seed, wt } from '../../../test/waves.ts'
import { createDevnode, type Devnode } from './index.ts'

const R = 'R'
let node: Devnode
let api: ReturnType<typeof client>

async function ok(tx: { id: string }) {
  const answer = await api.broadcast(tx)
  expect(answer.body.error, JSON.stringify(answer.body)).toBeUndefined()
  expect(answer.status).toBe(200)
  return answer.body
}

async function fund(name: string, amount: number) {
  const s = seed(name)
  await ok(wt.transfer({ recipient: addressOf(s), amount, chainId: R }, RICH_SEED))
  return s
}

const refusal = (message: string, error = 112) => ({ status: 400, body: { error, message } })
const balance = async (address: string, asset?: string) =>
  (await api.get(asset ? `/assets/balance/${address}/${asset}` : `/addresses/balance/${address}`)).body.balance

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
})

afterAll(() => node.close())

describe('aliases (CreateAliasTransactionDiff, AliasApiRoute, Alias.scala)', () => {
  it('claims an alias once, answers it both ways and takes it as a recipient', async () => {
    const owner = await fund('alias owner', 10_00000000)
    await ok(wt.alias({ alias: 'devnode-owner', chainId: R }, owner))
    expect((await api.get('/alias/by-alias/devnode-owner')).body).toEqual({ address: addressOf(owner) })
    expect((await api.get(`/alias/by-address/${addressOf(owner)}`)).body).toEqual(['alias:R:devnode-owner'])

    const again = wt.alias({ alias: 'devnode-owner', chainId: R }, RICH_SEED)
    expect(await api.broadcast(again)).toMatchObject(refusal('State check failed. Reason: Alias already claimed'))

    await ok(wt.transfer({ recipient: 'alias:R:devnode-owner', amount: 7, chainId: R }, RICH_SEED))
    await ok(wt.massTransfer({ transfers: [{ recipient: 'alias:R:devnode-owner', amount: 3 }], chainId: R }, RICH_SEED))
    expect(await balance(addressOf(owner))).toBe(10_00000000 - 100_000 + 10)
  })

  it('refuses an unknown alias and bad names with the node texts', async () => {
    expect(await api.get('/alias/by-alias/nobody-here')).toMatchObject({ status: 404, body: { error: 302, message: "alias 'alias:R:nobody-here' doesn't exist" } })
    expect(await api.get('/alias/by-alias/abc')).toMatchObject(refusal("Alias 'abc' length should be between 4 and 30", 199))
    expect(await api.get('/alias/by-alias/ABCD')).toMatchObject(refusal('Alias should contain only following characters: -.0123456789@_abcdefghijklmnopqrstuvwxyz', 199))
    const toNobody = wt.transfer({ recipient: 'alias:R:nobody-here', amount: 1, chainId: R }, RICH_SEED)
    expect(await api.broadcast(toNobody)).toMatchObject(refusal("State check failed. Reason: alias 'alias:R:nobody-here' doesn't exist"))
  })

  it('resolves aliases in ScriptTransfer actions and in addressFromRecipient', async () => {
    const dAppSeed = seed('alias dapp')
    const dApp = await deploySource(
      api,
      dAppSeed,
      `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func pay(name: String) = [
  ScriptTransfer(Alias(name), 5, unit),
  StringEntry("resolved", toString(addressFromRecipient(Alias(name))))
]`,
    )
    const payee = await fund('alias payee', 1_00000000)
    await ok(wt.alias({ alias: 'payee-one', chainId: R }, payee))
    await ok(wt.invokeScript({ dApp, call: { function: 'pay', args: [{ type: 'string', value: 'payee-one' }] }, chainId: R }, RICH_SEED))
    expect((await api.get(`/addresses/data/${dApp}/resolved`)).body).toEqual({ key: 'resolved', type: 'string', value: addressOf(payee) })
    expect(await balance(addressOf(payee))).toBe(1_00000000 - 100_000 + 5)
  })
})

describe('reissue, burn and sponsored fees (DiffsCommon, FeeValidation, Sponsorship)', () => {
  let issuer: string
  let assetId: string

  beforeAll(async () => {
    issuer = await fund('issuer', 10_00000000)
    const issue = wt.issue({ name: 'Token', description: '', quantity: 1000, decimals: 0, reissuable: true, chainId: R }, issuer)
    await ok(issue)
    assetId = issue.id
  })

  it('reissues and burns, and refuses what the node refuses', async () => {
    await ok(wt.reissue({ assetId, quantity: 500, reissuable: false, chainId: R }, issuer))
    await ok(wt.burn({ assetId, amount: 200, chainId: R }, issuer))
    expect(await balance(addressOf(issuer), assetId)).toBe(1300)
    expect((await api.get(`/assets/details/${assetId}`)).body).toMatchObject({ quantity: 1300, reissuable: false })

    const more = wt.reissue({ assetId, quantity: 1, reissuable: true, chainId: R }, issuer)
    expect(await api.broadcast(more)).toMatchObject(refusal('State check failed. Reason: Asset is not reissuable'))
    const byOther = wt.reissue({ assetId, quantity: 1, reissuable: true, chainId: R }, RICH_SEED)
    expect(await api.broadcast(byOther)).toMatchObject(refusal('State check failed. Reason: Asset was issued by other address'))
  })

  it('takes a fee in a sponsored asset: the issuer gets the asset and pays the WAVES', async () => {
    const holder = await fund('sponsored holder', 1_00000000)
    const unsponsored = wt.transfer({ recipient: addressOf(holder), amount: 1, feeAssetId: assetId, fee: 10, chainId: R }, issuer)
    expect(await api.broadcast(unsponsored)).toMatchObject(
      refusal(`State check failed. Reason: Asset ${assetId} is not sponsored, cannot be used to pay fees`),
    )
    await ok(wt.sponsorship({ assetId, minSponsoredAssetFee: 10, chainId: R }, issuer))
    expect((await api.get(`/assets/details/${assetId}`)).body.minSponsoredAssetFee).toBe(10)
    await ok(wt.transfer({ recipient: addressOf(holder), amount: 100, assetId, chainId: R }, issuer))
    const issuerWaves = await balance(addressOf(issuer))

    // 10 units are worth 0.001 WAVES: the fee of a transfer
    await ok(wt.transfer({ recipient: addressOf(issuer), amount: 50, assetId, feeAssetId: assetId, fee: 10, chainId: R }, holder))
    expect(await balance(addressOf(holder), assetId)).toBe(100 - 50 - 10)
    expect(await balance(addressOf(holder))).toBe(1_00000000)
    expect(await balance(addressOf(issuer))).toBe(issuerWaves - 100_000)

    const low = wt.transfer({ recipient: addressOf(issuer), amount: 1, feeAssetId: assetId, fee: 9, chainId: R }, holder)
    expect(await api.broadcast(low)).toMatchObject(
      refusal(`State check failed. Reason: Fee for TransferTransaction (9 in ${assetId}) does not exceed minimal value of 100000 WAVES or 10 ${assetId}.`),
    )
  })
})

describe('leases (DiffsCommon.processLease / processLeaseCancel, BalanceDiffValidation, LeaseApiRoute)', () => {
  it('moves effective balance, keeps leased WAVES from being spent, and cancels', async () => {
    const lessor = await fund('lessor', 10_00000000)
    const lessee = addressOf(seed('lessee'))
    const lease = wt.lease({ recipient: lessee, amount: 6_00000000, chainId: R }, lessor)
    await ok(lease)
    expect((await api.get(`/addresses/balance/details/${addressOf(lessor)}`)).body).toEqual({
      address: addressOf(lessor),
      regular: 9_99900000,
      // the least effective balance of 1,000 blocks (GeneratingBalanceProvider): 0 before the lessor was funded
      generating: 0,
      available: 3_99900000,
      effective: 3_99900000,
    })
    expect((await api.get(`/addresses/effectiveBalance/${lessee}`)).body).toEqual({ address: lessee, confirmations: 0, balance: 6_00000000 })
    const info = {
      id: lease.id,
      originTransactionId: lease.id,
      sender: addressOf(lessor),
      recipient: lessee,
      amount: 6_00000000,
      height: (await api.get(`/transactions/info/${lease.id}`)).body.height,
      status: 'active',
      cancelHeight: null,
      cancelTransactionId: null,
    }
    expect((await api.get(`/leasing/active/${lessee}`)).body).toEqual([info])
    expect((await api.get(`/transactions/info/${lease.id}`)).body.status).toBe('active')

    const spend = wt.transfer({ recipient: lessee, amount: 5_00000000, chainId: R }, lessor)
    expect(await api.broadcast(spend)).toMatchObject({
      status: 400,
      body: { error: 112, message: 'State check failed. Reason: Accounts balance errors', details: {
          [addressOf(lessor)]: `negative effective balance: ${addressOf(lessor)}, old: (999900000,LeaseBalance(0,600000000)), new: (499800000,LeaseBalance(0,600000000))`,
        },
      },
    })
    const toSelf = wt.lease({ recipient: addressOf(lessor), amount: 1, chainId: R }, lessor)
    expect(await api.broadcast(toSelf)).toMatchObject(refusal('State check failed. Reason: Cannot lease to self'))
    const tooMuch = wt.lease({ recipient: lessee, amount: 4_00000000, chainId: R }, lessor)
    expect(await api.broadcast(tooMuch)).toMatchObject(
      refusal('State check failed. Reason: Cannot lease more than own: Balance: 999900000, already leased: 600000000'),
    )

    const cancel = wt.cancelLease({ leaseId: lease.id, chainId: R }, lessor)
    await ok(cancel)
    const cancelInfo = (await api.get(`/transactions/info/${cancel.id}`)).body
    expect(cancelInfo.leaseId).toBe(lease.id)
    expect(cancelInfo.lease).toEqual({ ...info, status: 'canceled', cancelHeight: cancelInfo.height, cancelTransactionId: cancel.id })
    expect((await api.get(`/leasing/active/${lessee}`)).body).toEqual([])
    expect((await api.get(`/transactions/info/${lease.id}`)).body.status).toBe('canceled')
    const twice = wt.cancelLease({ leaseId: lease.id, chainId: R, timestamp: Date.now() + 1 }, lessor)
    expect(await api.broadcast(twice)).toMatchObject(refusal('State check failed. Reason: Cannot cancel already cancelled lease'))
  })
})

describe('REST shapes (AddressApiRoute)', () => {
  it('scriptInfo of an account without a script has every field, null where there is no script', async () => {
    const plain = addressOf(seed('no script'))
    expect((await api.get(`/addresses/scriptInfo/${plain}`)).body).toEqual({
      address: plain,
      script: null,
      scriptText: null,
      version: null,
      complexity: 0,
      verifierComplexity: 0,
      callableComplexities: {},
      extraFee: 0,
      publicKey: null,
    })
  })
})

describe('checks of a node', () => {
  it('a plain account sends exactly one proof (Proven.verifyFirstProof)', async () => {
    const tx = wt.transfer({ recipient: addressOf(seed('proofs')), amount: 1, chainId: R }, RICH_SEED)
    const twoProofs = { ...tx, proofs: [tx.proofs[0]!, tx.proofs[0]!] }
    expect(await api.broadcast(twoProofs)).toMatchObject(
      refusal('State check failed. Reason: Transactions from non-scripted accounts must have exactly 1 proof'),
    )
    expect((await api.get(`/transactions/info/${tx.id}`)).status).toBe(404)
  })

  it('checks amounts and fees before anything runs (CommonValidation.disallowSendingGreaterThanBalance)', async () => {
    const unknown = '8LQW8f7P5d5PZM7GtZEBgaqRPGSzS3DfPuiXrURJ4AJS'
    const tx = wt.transfer({ recipient: addressOf(seed('anyone')), amount: 1, assetId: unknown, chainId: R }, RICH_SEED)
    expect(await api.broadcast(tx)).toMatchObject(refusal(`State check failed. Reason: Transfer error: asset '${unknown}' is not found on the blockchain`))
    const poor = await fund('poor sender', 100_000)
    const all = wt.transfer({ recipient: addressOf(seed('anyone')), amount: 1, chainId: R }, poor)
    expect(await api.broadcast(all)).toMatchObject(
      refusal(
        'State check failed. Reason: Attempt to transfer unavailable funds: Transaction application leads to negative waves balance to (at least) temporary negative state, current balance equals 100000, spends equals -100001, result is -1',
      ),
    )
  })

  it('refuses an invoke above 5,120 bytes of protobuf invoke data (InvokeScriptTxValidator)', async () => {
    const dApp = addressOf(seed('size dapp'))
    const call = (length: number) => ({ function: 'take', args: [{ type: 'string' as const, value: 'x'.repeat(length) }] })
    // PBTransactions.toPBInvokeScriptData: dApp (2 + 22) + function_call (tag, 2-byte length, then Deser.serializeOption
    // of SerdeV1: 1 + 1 + 1 + 4 + 4 + 4 + 1 + 4 + L for "take" and one string of L bytes): 24 + 3 + 20 + 6000 = 6047
    const big = wt.invokeScript({ dApp, call: call(6000), chainId: R }, RICH_SEED)
    expect(await api.broadcast(big)).toMatchObject(refusal('InvokeScriptTransaction bytes length = 6047 exceeds limit = 5120', 199))
    const name = wt.invokeScript({ dApp, call: { function: 'f'.repeat(256), args: [] }, chainId: R }, RICH_SEED)
    expect(await api.broadcast(name)).toMatchObject(refusal('Callable function name size = 256 bytes must be less than 255', 199))
  })

  describe('invoke balances and actions (TransactionDiffer, InvokeDiffsCommon.checkActions)', () => {
    let dApp: string
    beforeAll(async () => {
      dApp = await deploySource(
        api,
        seed('rules dapp'),
        `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func fund() = [ScriptTransfer(i.caller, i.fee, unit)]
@Callable(i)
func keep() = []
@Callable(i)
func overflow() = [ScriptTransfer(i.caller, 9223372036854775807, unit), ScriptTransfer(i.caller, 1, unit)]
@Callable(i)
func owner() = if (i.caller != this) then throw("Only order owner can cancel it") else []`,
      )
    })

    it('accepts a payment of the whole balance when the call refunds the fee: checked on final balances', async () => {
      const payer = await fund('whole balance payer', 1_000_000)
      const tx = wt.invokeScript({ dApp, call: { function: 'fund', args: [] }, payment: [{ amount: 1_000_000, assetId: null }], fee: 500_000, chainId: R }, payer)
      await ok(tx)
      expect(await balance(addressOf(payer))).toBe(0)
    })

    it('refuses the same call without the refund, on the final balances', async () => {
      const payer = await fund('no refund payer', 1_000_000)
      const tx = wt.invokeScript({ dApp, call: { function: 'keep', args: [] }, payment: [{ amount: 1_000_000, assetId: null }], fee: 500_000, chainId: R }, payer)
      expect(await api.broadcast(tx)).toMatchObject({
        status: 400,
        body: {
          error: 112,
          message: 'State check failed. Reason: Accounts balance errors',
          details: { [addressOf(payer)]: `negative waves balance: ${addressOf(payer)}, old: 1000000, new: -500000` },
        },
      })
    })

    it("runs the script before the final balance check: the script's refusal wins", async () => {
      const payer = await fund('poor caller', 500_000)
      const tx = wt.invokeScript({ dApp, call: { function: 'owner', args: [] }, payment: [{ amount: 500_000, assetId: null }], fee: 500_000, chainId: R }, payer)
      expect(await api.broadcast(tx)).toMatchObject(refusal('Error while executing dApp: Only order owner can cancel it', 306))
    })

    it('refuses the fee not payable before the script (validateFee)', async () => {
      const payer = await fund('fee short caller', 400_000)
      const tx = wt.invokeScript({ dApp, call: { function: 'fund', args: [] }, fee: 500_000, chainId: R }, payer)
      expect(await api.broadcast(tx)).toMatchObject({
        status: 400,
        body: { error: 112, message: 'State check failed. Reason: Accounts balance errors', details: { [addressOf(payer)]: `negative waves balance: ${addressOf(payer)}, old: 400000, new: -100000` } },
      })
    })

    it('refuses transfer actions summing past 2^63-1 (checkOverflow)', async () => {
      const tx = wt.invokeScript({ dApp, call: { function: 'overflow', args: [] }, chainId: R }, RICH_SEED)
      expect(await api.broadcast(tx)).toMatchObject(refusal('Error while executing dApp: ScriptTransfer overflow', 306))
    })

    it('answers callables named like Object members as unknown callables (ContractEvaluator)', async () => {
      for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
        const tx = wt.invokeScript({ dApp, call: { function: name, args: [] }, chainId: R }, RICH_SEED)
        expect(await api.broadcast(tx)).toMatchObject(refusal(`Error while executing dApp: @Callable function '${name}' doesn't exist in the script`, 306))
      }
    })
  })
})
