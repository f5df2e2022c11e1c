// Account scripts run for every transaction their account sends, with the proofs in `tx` (node: Verifier.apply,
// ScriptRunner). Texts: ApiError.TransactionNotAllowedByAccountScript (307), ApiError.ScriptExecutionError (306),
// FeeValidation.notEnoughFeeError and ScriptExtraFee (+400,000 wavelets for a verifier above 200 complexity).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, crypto, deploySource, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const cosigner = seed('verifier cosigner')

// the account's own signature is not enough: the second proof must be the cosigner's
const SECOND_PROOF = `{-# STDLIB_VERSION 4 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
sigVerify(tx.bodyBytes, tx.proofs[1], base58'${crypto.publicKey(cosigner)}')
`

const NO_TRANSFERS_V1 = `{-# STDLIB_VERSION 1 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
match tx {
  case t: TransferTransaction => false
  case _ => true
}
`

const DATA_ONLY_DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func hello() = [StringEntry("from", toString(i.caller))]

@Verifier(tx)
func verify() = match tx {
  case d: DataTransaction => true
  case i: InvokeScriptTransaction => i.fee == 900000 && size(i.proofs[0]) == 64
  case _ => throw("only data and invokes")
}
`

const TARGET = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func hello() = [StringEntry("caller", toString(i.caller))]
`

let node: Devnode
let api: ReturnType<typeof client>
const multisigSeed = seed('verifier two proofs')
const v1Seed = seed('verifier v1 no transfers')
const dAppSeed = seed('verifier data-only dapp')
const targetSeed = seed('verifier invoke target')
const somebody = addressOf(seed('verifier somebody'))

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await deploySource(api, multisigSeed, SECOND_PROOF)
  await deploySource(api, v1Seed, NO_TRANSFERS_V1)
  await deploySource(api, dAppSeed, DATA_ONLY_DAPP)
  await deploySource(api, targetSeed, TARGET)
})

afterAll(() => node.close())

describe('an expression verifier', () => {
  it('asks for the smart-account extra fee when the verifier costs more than 200', async () => {
    const tx = wt.transfer({ recipient: somebody, amount: 1, chainId: 'R', fee: 100_000 }, multisigSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe(112)
    expect(answer.body.message).toBe(
      'State check failed. Reason: Transaction sent from smart account. Requires 400000 extra fee. ' +
        'Fee for TransferTransaction (100000 in WAVES) does not exceed minimal value of 500000 WAVES.',
    )
  })

  it('refuses with 307 when the script returns false: the account signature alone leaves proofs[1] empty', async () => {
    const tx = wt.transfer({ recipient: somebody, amount: 1, chainId: 'R', fee: 500_000 }, multisigSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error: 307, message: 'Transaction is not allowed by account-script', transaction: expect.objectContaining({ id: tx.id }) })
    expect((await api.get(`/transactions/info/${tx.id}`)).status).toBe(404)
  })

  it('accepts what the script accepts, whatever the first proof: proofs[1] is the cosigner signature', async () => {
    const senderPublicKey = crypto.publicKey(multisigSeed)
    const tx = wt.transfer({ recipient: somebody, amount: 7, chainId: 'R', fee: 500_000, senderPublicKey }, [null, cosigner])
    expect(tx.proofs[0]).toBe('')
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect((await api.get(`/addresses/balance/${somebody}`)).body.balance).toBe(7)
  })

  it('runs a V1 script, which sees an invoke though its stdlib has no InvokeScriptTransaction', async () => {
    const refused = await api.broadcast(wt.transfer({ recipient: somebody, amount: 1, chainId: 'R' }, v1Seed))
    expect(refused.body).toMatchObject({ error: 307, message: 'Transaction is not allowed by account-script' })
    const target = addressOf(targetSeed)
    const invoke = wt.invokeScript({ dApp: target, call: { function: 'hello', args: [] }, chainId: 'R' }, v1Seed)
    expect((await api.broadcast(invoke)).status).toBe(200)
    expect((await api.get(`/addresses/data/${target}/caller`)).body).toEqual({ key: 'caller', type: 'string', value: addressOf(v1Seed) })
  })
})

describe("a dApp's @Verifier", () => {
  it('fails with 306 and the thrown text', async () => {
    const tx = wt.transfer({ recipient: somebody, amount: 1, chainId: 'R' }, dAppSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      error: 306,
      message: 'Error while executing account-script: only data and invokes',
      transaction: expect.objectContaining({ id: tx.id, type: 4 }),
    })
  })

  it('lets a data transaction through without any valid signature: the script decides', async () => {
    const tx = wt.data({ data: [{ key: 'k', type: 'integer', value: 1 }], chainId: 'R', senderPublicKey: crypto.publicKey(dAppSeed) }, [null])
    const answer = await api.broadcast({ ...tx, proofs: [] })
    expect(answer.status).toBe(200)
    expect((await api.get(`/addresses/data/${addressOf(dAppSeed)}/k`)).body).toEqual({ key: 'k', type: 'integer', value: 1 })
  })

  it('sends invokes: the verifier sees their fee and proofs, the callee sees the smart account as caller', async () => {
    const target = addressOf(targetSeed)
    const cheap = wt.invokeScript({ dApp: target, call: { function: 'hello', args: [] }, chainId: 'R', fee: 500_000 }, dAppSeed)
    expect((await api.broadcast(cheap)).body).toMatchObject({ error: 307 })
    const invoke = wt.invokeScript({ dApp: target, call: { function: 'hello', args: [] }, chainId: 'R', fee: 900_000 }, dAppSeed)
    const answer = await api.broadcast(invoke)
    expect(answer.status).toBe(200)
    expect((await api.get(`/addresses/data/${target}/caller`)).body).toEqual({ key: 'caller', type: 'string', value: addressOf(dAppSeed) })
  })
})

describe('accounts without a verifier', () => {
  it('keep the one-proof rule: a dApp without @Verifier answers it as an account-script error', async () => {
    const tx = wt.transfer({ recipient: somebody, amount: 1, chainId: 'R' }, [targetSeed, cosigner])
    const answer = await api.broadcast(tx)
    expect(answer.body).toMatchObject({ error: 306, message: 'Error while executing account-script: Transactions from non-scripted accounts must have exactly 1 proof' })
  })

  it('keep the one-proof rule as a state check for a plain account', async () => {
    const plain = seed('verifier plain')
    await api.broadcast(wt.transfer({ recipient: addressOf(plain), amount: 1_000_000, chainId: 'R' }, 'waves private node seed with waves tokens'))
    const tx = wt.transfer({ recipient: somebody, amount: 1, chainId: 'R' }, [plain, cosigner])
    const answer = await api.broadcast(tx)
    expect(answer.body).toMatchObject({ error: 112, message: 'State check failed. Reason: Transactions from non-scripted accounts must have exactly 1 proof' })
  })
})
