// Limits and failures of asset and lease actions (node: InvokeDiffsCommon.checkCallResultLimits by the called dApp's
// version, checkScriptResultFields, calcAndCheckFee's FailedTransactionError.feeForActions; TransactionDiffer stores
// failures past ContractLimits.FailFreeInvokeComplexity with the fee charged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const issues = (count: number) => `[${Array.from({ length: count }, (_, k) => `Issue("Token ${k}", "", 1, 0, false, unit, ${k})`).join(', ')}]`

const header = (version: number) => `{-# STDLIB_VERSION ${version} #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
`

// `rounds` hashes before the actions: 0 stays below 1,000, 30 goes past it
const V6 = `${header(6)}
func hash(rounds: Int) = {
  func step(acc: ByteVector, i: Int) = if (i < rounds) then sha256_16Kb(sha256_16Kb(sha256_16Kb(sha256_16Kb(acc)))) else acc
  FOLD<30>([${Array.from({ length: 30 }, (_, i) => i).join(', ')}], base58'abc', step)
}

@Callable(i)
func nfts30() = ${issues(30)}

@Callable(i)
func nfts31() = ${issues(31)}

@Callable(i)
func badName(rounds: Int) = {
  strict h = hash(rounds)
  [Issue("x", "", 10, 0, true)]
}

@Callable(i)
func fixedReissue(rounds: Int) = {
  strict h = hash(rounds)
  let issue = Issue("Fixed", "", 10, 0, false, unit, rounds)
  [issue, Reissue(calculateAssetId(issue), 1, true)]
}

@Callable(i)
func token(rounds: Int) = {
  strict h = hash(rounds)
  [Issue("Token", "", 10, 0, true, unit, rounds)]
}
`

const V5 = `${header(5)}
@Callable(i)
func nfts30() = ${issues(30)}

@Callable(i)
func nfts31() = ${issues(31)}
`

const V4 = `${header(4)}
@Callable(i)
func nfts10() = ${issues(10)}

@Callable(i)
func nfts11() = ${issues(11)}
`

let node: Devnode
let api: ReturnType<typeof client>
const userSeed = seed('actions limits user')
const user = addressOf(userSeed)
const dApps: Record<number, string> = {}

const call = (version: number, fn: string, rounds?: number, fee = 500_000) =>
  wt.invokeScript(
    { dApp: dApps[version]!, call: { function: fn, args: rounds === undefined ? [] : [{ type: 'integer', value: rounds }] }, fee, chainId: 'R' },
    userSeed,
  )
const message = async (tx: ReturnType<typeof call>) => (await api.broadcast(tx)).body.message

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  const deploy = async (source: string, name: string) => {
    const dAppSeed = seed(`actions limits ${name}`)
    await api.broadcast(wt.transfer({ recipient: addressOf(dAppSeed), amount: 10_00000000, chainId: 'R' }, RICH_SEED))
    const compiled = (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body
    const set = await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R', fee: 2_000_000 }, dAppSeed))
    if (set.status !== 200) throw new Error(JSON.stringify(set.body))
    return addressOf(dAppSeed)
  }
  dApps[6] = await deploy(V6, 'v6')
  dApps[5] = await deploy(V5, 'v5')
  dApps[4] = await deploy(V4, 'v4')
  await api.broadcast(wt.transfer({ recipient: user, amount: 100_00000000, chainId: 'R' }, RICH_SEED))
})

afterAll(() => node.close())

describe('asset action limits by version', () => {
  it('V6: 30 asset actions, the 31st refused', async () => {
    expect((await api.broadcast(call(6, 'nfts30'))).status).toBe(200)
    expect(await message(call(6, 'nfts31'))).toBe('Error while executing dApp: Issue, Reissue, Burn, SponsorFee actions count limit is exceeded')
  })

  it('V5: 30 actions, V4: 10', async () => {
    expect((await api.broadcast(call(5, 'nfts30'))).status).toBe(200)
    expect(await message(call(5, 'nfts31'))).toBe('Error while executing dApp: Actions count limit is exceeded')
    expect((await api.broadcast(call(4, 'nfts10'))).status).toBe(200)
    expect(await message(call(4, 'nfts11'))).toBe('Error while executing dApp: Actions count limit is exceeded')
  })
})

describe('failures past 1,000 complexity', () => {
  const stored = async (tx: ReturnType<typeof call>) => {
    const before = (await api.get(`/addresses/balance/${user}`)).body.balance as number
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    expect((await api.get(`/addresses/balance/${user}`)).body.balance).toBe(before - Number(tx.fee))
    expect(info.stateChanges.issues).toEqual([])
    return info.stateChanges.error
  }

  it('an invalid name: refused within 1,000, stored failed past it', async () => {
    expect(await message(call(6, 'badName', 0))).toBe('Error while executing dApp: GenericError(Invalid asset name)')
    expect(await stored(call(6, 'badName', 30))).toEqual({ code: 1, text: 'GenericError(Invalid asset name)' })
  })

  it('a refused Reissue: refused within 1,000, stored failed past it', async () => {
    expect(await message(call(6, 'fixedReissue', 0, 100_500_000))).toBe('Error while executing dApp: Asset is not reissuable')
    expect(await stored(call(6, 'fixedReissue', 30, 100_500_000))).toEqual({ code: 1, text: 'Asset is not reissuable' })
  })

  it('the Issue fee: refused within 1,000, stored failed with code 2 past it', async () => {
    const short = 'Fee in WAVES for InvokeScriptTransaction (500000 in WAVES) with 1 assets issued does not exceed minimal value of 100500000 WAVES.'
    expect(await message(call(6, 'token', 0))).toBe(`Error while executing dApp: ${short}`)
    expect(await stored(call(6, 'token', 30))).toEqual({ code: 2, text: short })
    expect((await api.broadcast(call(6, 'token', 30, 100_500_000))).status).toBe(200)
  })
})
