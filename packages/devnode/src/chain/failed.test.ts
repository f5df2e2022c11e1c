// Failed invokes (node: TransactionDiffer.failedTransactionDiff, InvokeScriptTransactionDiff.evaluateV2,
// FailedTransactionError, InvokeScriptResult.ErrorMessage): past 1,000 complexity a failure is stored with
// applicationStatus "script_execution_failed", the fee charged and stateChanges.error {code, text}; within 1,000 it is
// refused with 306 (InvokeRejectError).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

// `rounds` hashes before the rest: 0 stays below 1,000, 30 goes past it
const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
func hash(rounds: Int) = {
  func step(acc: ByteVector, i: Int) = if (i < rounds) then sha256_16Kb(sha256_16Kb(sha256_16Kb(sha256_16Kb(acc)))) else acc
  FOLD<30>([${Array.from({ length: 30 }, (_, i) => i).join(', ')}], base58'abc', step)
}

@Callable(i)
func boom(rounds: Int) = {
  strict h = hash(rounds)
  throw("boom after " + toString(size(h)))
}

@Callable(i)
func emptyKey(rounds: Int) = {
  strict h = hash(rounds)
  [StringEntry("", "x")]
}

@Callable(i)
func overspend(rounds: Int) = {
  strict h = hash(rounds)
  [ScriptTransfer(i.caller, 100000000000, unit)]
}
`

const EMPTY_CHANGES = { data: [], transfers: [], issues: [], reissues: [], burns: [], sponsorFees: [], leases: [], leaseCancels: [], invokes: [] }

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('failed invokes dapp')
const dApp = addressOf(dAppSeed)
const caller = seed('failed invokes caller')
const callerAddress = addressOf(caller)
const call = (fn: string, rounds: number) => wt.invokeScript({ dApp, call: { function: fn, args: [{ type: 'integer', value: rounds }] }, chainId: 'R' }, caller)
const balance = async () => (await api.get(`/addresses/balance/${callerAddress}`)).body.balance as number

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  // the script is above 1 KB: SetScript costs more than deploySource pays
  await api.broadcast(wt.transfer({ recipient: dApp, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  const compiled = (await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })).body
  const set = await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R', fee: 1_000_000 }, dAppSeed))
  if (set.status !== 200) throw new Error(JSON.stringify(set.body))
  await api.broadcast(wt.transfer({ recipient: callerAddress, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
})

afterAll(() => node.close())

describe('within 1,000 complexity', () => {
  it('refuses the invoke with 306 and stores nothing', async () => {
    const tx = call('boom', 0)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: 306, message: 'Error while executing dApp: boom after 3' })
    expect((await api.get(`/transactions/info/${tx.id}`)).status).toBe(404)
  })
})

describe('past 1,000 complexity', () => {
  it('stores a thrown error as script_execution_failed: fee charged, stateChanges.error {code 1, text}', async () => {
    const before = await balance()
    const tx = call('boom', 30)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(answer.body.id).toBe(tx.id)
    expect(await balance()).toBe(before - 500_000)

    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    expect(info.stateChanges).toEqual({ ...EMPTY_CHANGES, error: { code: 1, text: 'boom after 32' } })

    const status = (await api.get(`/transactions/status?id=${tx.id}`)).body
    expect(status).toEqual([expect.objectContaining({ id: tx.id, status: 'confirmed', applicationStatus: 'script_execution_failed' })])

    const [listed] = (await api.get(`/transactions/address/${callerAddress}/limit/1`)).body as Record<string, unknown>[][]
    expect(listed![0]).toMatchObject({ id: tx.id, applicationStatus: 'script_execution_failed' })
    const [atDApp] = (await api.get(`/transactions/address/${dApp}/limit/1`)).body as Record<string, unknown>[][]
    expect(atDApp![0]).toMatchObject({ id: tx.id })
  })

  it('fails on an action check after the script: the data entry is not written', async () => {
    const tx = call('emptyKey', 30)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    expect(info.stateChanges.error).toEqual({ code: 1, text: 'Data entry key should not be empty' })
    expect((await api.get(`/addresses/data/${dApp}`)).body).toEqual([])
  })

  it('fails on the final balances with the AccountBalanceError text', async () => {
    const tx = call('overspend', 30)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    const dAppBalance = (await api.get(`/addresses/balance/${dApp}`)).body.balance as number
    expect(info.stateChanges.error).toEqual({
      code: 1,
      text: `AccountBalanceError(Map(${dApp} -> negative waves balance: ${dApp}, old: ${dAppBalance}, new: ${dAppBalance - 100000000000}))`,
    })
  })

  // InvokeDiffsCommon.foldActions validates each action's balances (RideV6): a FailedTransactionError that
  // TransactionDiffer turns into InvokeRejectError within 1,000 complexity
  it('refuses the same call within 1,000 with the AccountBalanceError text of its transfer', async () => {
    const answer = await api.broadcast(call('overspend', 0))
    const dAppBalance = (await api.get(`/addresses/balance/${dApp}`)).body.balance as number
    expect(answer.body).toMatchObject({
      error: 306,
      message: `Error while executing dApp: AccountBalanceError(Map(${dApp} -> negative waves balance: ${dApp}, old: ${dAppBalance}, new: ${dAppBalance - 100000000000}))`,
    })
  })
})
