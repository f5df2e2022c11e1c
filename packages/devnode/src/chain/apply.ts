// The chain rules of a modern node for one transaction: the checks in the order TransactionDiffer runs
// them, then the transaction's effects, applied all at once or not at all.
import { base58Decode, base58Encode } from '../crypto.ts'
import {
  FEE_UNIT,
  SCRIPT_EXTRA_FEE,
  accountExtraFee,
  FEE_UNITS,
  MAX_ATTACHMENT_BYTES,
  MAX_BALANCE_ACTIONS,
  MAX_DATA_ENTRIES,
  MAX_DATA_TX_ENTRIES,
  MAX_DATA_TX_PAYLOAD_BYTES,
  MAX_INVOKE_ARGS,
  MAX_KEY_BYTES,
  MAX_LONG,
  MAX_MASS_TRANSFERS,
  MAX_PAYMENTS,
  MAX_TX_TIME_BACK_MS,
  MAX_TX_TIME_FORWARD_MS,
  MAX_VALUE_BYTES,
  MAX_WRITE_SET_BYTES,
} from '../constants.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import type { Action } from '../ride/actions.ts'
import { runCallable } from '../ride/evaluate/dapp.ts'
import { type ScriptCache, scriptFacts } from './scripts.ts'
import { checkSetScript, ScriptRefused } from '../ride/script/checks.ts'
import {
  type AccountScript,
  type ChainState,
  type DataWrite,
  type Effects,
  type Lease,
  type StoredTx,
  WAVES,
  applyEffects,
  balanceOf,
  emptyEffects,
  lastBlock,
  leaseBalance,
  netBalances,
  resolveAlias,
} from '../state/state.ts'
import { applyAssetTx, applyAliasTx, applyLeaseTx, feeBalances, resolveRecipient, checkFeeAsset } from './tx-rules.ts'
import { TYPE_NAMES, printTx, type Tx } from './tx.ts'
import { callArgValue, verifySender } from './verifier.ts'
import { FAILURE_CAUSE, FailedInvoke, accountBalanceErrorText, failedInvoke, failsAfter } from './failed.ts'
import { DAppCalls, failedInvocations } from './invoke.ts'
import { applyReversibly, checkActionAmounts, checkResultFields, foldActions, foldedStateChanges, isNft } from './actions.ts'
import { applyUpdateAssetInfo } from './update-asset-info.ts'
import { applyExchange, checkExchangeFunds, EXCHANGE_FEE_UNITS, failedExchange, verifyOrders } from './exchange.ts'
import { issueScript, paymentsComplexity, refuseSmartSponsorship, setAssetScript, smartAssetsExtraFee, verifyAssets } from './assets.ts'

export interface ApplyContext {
  state: ChainState
  /** the chain id byte */
  chainId: number
  /** scripts read from their bytes, by base64 */
  scripts: ScriptCache
}

export interface Applied {
  stored: StoredTx
  effects: Effects
  addresses: string[]
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')
const assetName = (asset: string | null) => asset ?? 'Waves'

/** Validates `tx` against the state and applies it into the current block, or throws the node's error. */
export async function applyTransaction(ctx: ApplyContext, tx: Tx): Promise<Applied> {
  const { state } = ctx
  const json = printTx(tx)
  const fail = (reason: string): never => {
    throw nodeErrors.stateCheckFailed(json, reason)
  }

  const known = state.txs.get(tx.id)
  if (known) throw nodeErrors.alreadyInState(tx.id, known.height)
  checkTimestamp(state, tx)
  checkAmounts(tx)
  checkSpendable(state, tx, json)
  checkFee(state, tx, fail)
  const fee = feeBalances(state, tx)
  if (tx.type !== 9) checkBalances(state, json, netBalances({ balances: fee, data: [] }).filter(([, , delta]) => delta < 0))
  if (tx.type === 7) checkExchangeFunds(state, tx, json, fail)
  const verifierComplexity = verifySender(ctx, tx, json) + (tx.type === 7 ? verifyOrders(ctx, tx, json, fail) : 0)

  const effects = emptyEffects()
  effects.balances.push(...fee)
  const addresses = [tx.sender]
  let stateChanges: Record<string, unknown> | undefined
  let invokeComplexity = 0
  let failed: ((failure: FailedInvoke) => Applied) | undefined

  switch (tx.type) {
    case 3: {
      if (utf8Length(tx.name) < 4 || utf8Length(tx.name) > 16) throw new NodeError(111, 'invalid name')
      if (utf8Length(tx.description) > 1000) fail('Too big sequence requested')
      if (tx.decimals > 8) throw new NodeError(117, `invalid decimals value: ${tx.decimals}, decimals should be in interval [0; 8]`)
      const assetScript = tx.script === null ? null : issueScript(ctx, tx.script, fail)
      effects.balances.push([tx.sender, tx.id, tx.quantity])
      effects.asset = {
        assetId: tx.id,
        issuer: tx.sender,
        issuerPublicKey: tx.senderPublicKey,
        name: tx.name,
        description: tx.description,
        decimals: tx.decimals,
        quantity: tx.quantity,
        reissuable: tx.reissuable,
        issueHeight: state.blocks.length,
        issueTimestamp: tx.timestamp,
        originTransactionId: tx.id,
        ...(assetScript === null ? {} : { script: assetScript }),
      }
      break
    }
    case 4: {
      const asset = tx.assetId ?? WAVES
      checkAttachment(tx.attachment, fail)
      const recipient = resolveRecipient(state, tx.recipient, fail)
      effects.balances.push([tx.sender, asset, -tx.amount], [recipient, asset, tx.amount])
      addresses.push(recipient)
      break
    }
    case 5:
    case 6:
    case 14:
      applyAssetTx(state, tx, effects, fail)
      if (tx.type === 14) refuseSmartSponsorship(state, tx.assetId, fail)
      break
    case 8:
    case 9:
      applyLeaseTx(state, tx, effects, addresses, fail)
      break
    case 10:
      applyAliasTx(state, tx, effects, fail)
      break
    case 11: {
      const asset = tx.assetId ?? WAVES
      checkAttachment(tx.attachment, fail)
      for (const t of tx.transfers) {
        const recipient = resolveRecipient(state, t.recipient, fail)
        effects.balances.push([tx.sender, asset, -t.amount], [recipient, asset, t.amount])
        addresses.push(recipient)
      }
      break
    }
    case 12:
      for (const write of tx.data) effects.data.push([tx.sender, write])
      break
    case 15:
      effects.asset = setAssetScript(ctx, tx, fail)
      break
    case 13:
      effects.script = [tx.sender, tx.script === null ? null : setScript(ctx, tx.script, tx.senderPublicKey, fail)]
      break
    case 17:
      applyUpdateAssetInfo(state, tx, effects, fail)
      break
    case 7:
      applyExchange(ctx, tx, json, effects, addresses, fail)
      failed = (failure) => failedExchange(state, json, fee, failure, verifierComplexity)
      break
    case 16: {
      const dApp = resolveRecipient(state, tx.dApp, fail)
      failed = (failure) => storeFailed(state, json, fee, [tx.sender, dApp], failure, verifierComplexity)
      try {
        ;({ stateChanges, complexity: invokeComplexity } = await invoke(ctx, { ...tx, dApp }, json, effects, addresses, verifierComplexity))
      } catch (e) {
        if (e instanceof FailedInvoke) return failed(e)
        throw e
      }
      break
    }
  }

  try {
    const leases = [...(effects.lease ? [effects.lease] : []), ...(effects.leases ?? [])]
    checkBalances(state, json, netBalances(effects).filter(([, , delta]) => delta < 0), leases)
  } catch (e) {
    // TransactionDiffer.validate: balances that go negative after more than 1,000 complexity fail the invoke; the
    // transaction's scriptsComplexity there already holds the sender's verifier
    const details = e instanceof NodeError ? (e.extra['details'] as Record<string, string> | undefined) : undefined
    if (failed === undefined || !failsAfter(invokeComplexity + verifierComplexity) || details === undefined) throw e
    return failed(new FailedInvoke(accountBalanceErrorText(details), invokeComplexity))
  }
  checkBalancesAfter(state, json, effects)
  try {
    verifyAssets(ctx, tx, json, invokeComplexity, verifierComplexity)
  } catch (e) {
    if (e instanceof FailedInvoke && failed !== undefined) return failed(e)
    throw e
  }
  applyEffects(state, effects)
  // TxMeta.spentComplexity is what the transaction's own diff spent (a call's, not the verifier's nor the asset scripts')
  const stored: StoredTx = { json, height: state.blocks.length, applicationStatus: 'succeeded', spentComplexity: invokeComplexity }
  if (stateChanges) stored.stateChanges = stateChanges
  return { stored, effects, addresses }
}

/** Stores a failed invoke: its fee is charged, nothing else applies (chain/failed.ts). */
function storeFailed(state: ChainState, json: Record<string, unknown>, fee: [string, string, bigint][], addresses: string[], failure: FailedInvoke, verifierComplexity: number): Applied {
  const applied = failedInvoke(json, state.blocks.length, fee, addresses, failure)
  // TransactionDiffer: a FailedTransactionError adds the verifier's complexity to what the call spent
  applied.stored.spentComplexity = verifierComplexity + failure.complexity
  applyEffects(state, applied.effects)
  return applied
}

function checkTimestamp(state: ChainState, tx: Tx): void {
  const block = lastBlock(state)
  if (tx.timestamp - block.timestamp > MAX_TX_TIME_FORWARD_MS) {
    throw nodeErrors.mistiming(
      `Transaction timestamp ${tx.timestamp} is more than ${MAX_TX_TIME_FORWARD_MS}ms in the future relative to block timestamp ${block.timestamp}`,
    )
  }
  const previous = state.blocks[state.blocks.length - 2] ?? block
  if (previous.timestamp - tx.timestamp > MAX_TX_TIME_BACK_MS) {
    throw nodeErrors.mistiming(
      `Transaction timestamp ${tx.timestamp} is more than ${MAX_TX_TIME_BACK_MS}ms in the past relative to previous block timestamp ${previous.timestamp}`,
    )
  }
}

/** Amount rules that need no state (TxValidationError.NegativeAmount / NonPositiveAmount / TooBigArray). */
function checkAmounts(tx: Tx): void {
  if (tx.fee <= 0n) throw nodeErrors.insufficientFee()
  switch (tx.type) {
    case 3:
      if (tx.quantity <= 0n) throw nodeErrors.nonPositiveAmount(`${tx.quantity} of assets`)
      break
    case 4:
      if (tx.amount <= 0n) throw nodeErrors.nonPositiveAmount(`${tx.amount} of ${assetName(tx.assetId)}`)
      break
    case 5:
      if (tx.quantity < 0n) throw nodeErrors.negativeAmount(`${tx.quantity} of assets`)
      break
    case 6:
      if (tx.amount < 0n) throw nodeErrors.negativeAmount(`${tx.amount} of assets`)
      break
    case 8:
      if (tx.amount <= 0n) throw nodeErrors.nonPositiveAmount(`${tx.amount} of waves`)
      break
    case 14:
      if (tx.minSponsoredAssetFee !== null && tx.minSponsoredAssetFee < 0n) throw nodeErrors.negativeMinFee(`${tx.minSponsoredAssetFee} per asset`)
      break
    case 11:
      if (tx.transfers.length > MAX_MASS_TRANSFERS) {
        throw nodeErrors.custom(`Number of transfers ${tx.transfers.length} is greater than ${MAX_MASS_TRANSFERS}`)
      }
      for (const t of tx.transfers) if (t.amount < 0n) throw nodeErrors.negativeAmount(`${t.amount} of ${assetName(tx.assetId)}`)
      if (tx.transfers.reduce((s, t) => s + t.amount, 0n) > MAX_LONG) throw nodeErrors.overflow()
      break
    case 12:
      checkDataTx(tx.data)
      break
    case 16:
      if (tx.payment.length > MAX_PAYMENTS) throw nodeErrors.custom(`Script payment amount=${tx.payment.length} should not exceed ${MAX_PAYMENTS}`)
      for (const p of tx.payment) if (p.amount <= 0n) throw nodeErrors.nonPositiveAmount(`${p.amount} of ${assetName(p.assetId)}`)
      if ((tx.call?.args.length ?? 0) > MAX_INVOKE_ARGS) throw nodeErrors.custom(`InvokeScript can't have more than ${MAX_INVOKE_ARGS} arguments`)
      break
  }
}

export function dataPayloadSize(writes: readonly DataWrite[]): number {
  return writes.reduce((sum, w) => {
    const key = utf8Length(w.key)
    if (w.type === null) return sum + key
    if (w.type === 'integer') return sum + key + 8
    if (w.type === 'boolean') return sum + key + 1
    if (w.type === 'string') return sum + key + utf8Length(w.value as string)
    return sum + key + Buffer.from((w.value as string).slice(7), 'base64').length
  }, 0)
}

function checkDataTx(data: readonly DataWrite[]): void {
  const tooBig = () => new NodeError(10, 'Too big sequence requested')
  if (data.length > MAX_DATA_TX_ENTRIES) throw tooBig()
  for (const w of data) {
    if (w.key === '') throw nodeErrors.custom('Empty key found')
    if (utf8Length(w.key) > MAX_KEY_BYTES) throw tooBig()
    if (w.type === 'string' && utf8Length(w.value as string) > MAX_VALUE_BYTES) throw tooBig()
    if (w.type === 'binary' && Buffer.from((w.value as string).slice(7), 'base64').length > MAX_VALUE_BYTES) throw tooBig()
  }
  if (new Set(data.map((w) => w.key)).size !== data.length) throw nodeErrors.custom('Duplicated keys found')
  if (dataPayloadSize(data) > MAX_DATA_TX_PAYLOAD_BYTES) throw tooBig()
}

function checkAttachment(attachment: string, fail: (reason: string) => never): void {
  let bytes: Uint8Array
  try {
    bytes = base58Decode(attachment)
  } catch {
    return fail('attachment is not base58')
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) fail(`Too big sequence requested`)
}

/** CommonValidation.disallowSendingGreaterThanBalance: amounts the sender sends must be there before anything runs. */
function checkSpendable(state: ChainState, tx: Tx, json: Record<string, unknown>): void {
  const fail = (reason: string): never => {
    throw nodeErrors.stateCheckFailed(json, reason)
  }
  // InvokeDiffsCommon.checkAsset, as SynchronousCalls words it
  const exists = (asset: string | null) => {
    if (asset !== null && !state.assets.has(asset)) fail(`Transfer error: asset '${asset}' is not found on the blockchain`)
  }
  // checkTransfer: the amount and the fee together; with allowFeeOverdraft the WAVES check takes the amount alone
  const check = (asset: string | null, amount: bigint, allowFeeOverdraft: boolean) => {
    exists(asset)
    const spends = new Map<string, bigint>()
    const add = (a: string | null, d: bigint) => spends.set(a ?? WAVES, (spends.get(a ?? WAVES) ?? 0n) + d)
    add(asset, amount)
    add(tx.feeAssetId, tx.fee)
    const wavesBalance = balanceOf(state, tx.sender)
    const wavesSpent = spends.get(WAVES) ?? 0n
    const feeUnchecked = wavesBalance - (asset === null ? amount : 0n)
    if (!(allowFeeOverdraft && feeUnchecked >= 0n) && wavesBalance - wavesSpent < 0n) {
      fail(
        'Attempt to transfer unavailable funds: Transaction application leads to negative waves balance to (at least) temporary negative state, ' +
          `current balance equals ${wavesBalance}, spends equals ${-wavesSpent}, result is ${wavesBalance - wavesSpent}`,
      )
    }
    for (const [a, spent] of spends) {
      if (a === WAVES) continue
      const assetBalance = balanceOf(state, tx.sender, a)
      if (assetBalance - spent < 0n) {
        fail(
          `Attempt to transfer unavailable funds: Transaction application leads to negative asset '${a}' balance to (at least) temporary negative state, ` +
            `current balance is ${assetBalance}, spends equals ${-spent}, result is ${assetBalance - spent}`,
        )
      }
    }
  }
  if (tx.type === 4) check(tx.assetId, tx.amount, false)
  if (tx.type === 11) check(tx.assetId, tx.transfers.reduce((s, t) => s + t.amount, 0n), false)
  if (tx.type === 16) {
    const dAppAddress = resolveRecipient(state, tx.dApp, fail)
    for (const p of tx.payment) exists(p.assetId)
    const sums = new Map<string | null, bigint>()
    for (const p of tx.payment) sums.set(p.assetId, (sums.get(p.assetId) ?? 0n) + p.amount)
    // a dApp of RIDE 4 or later lets the fee be checked on its own (validateFee) and on the final balances
    const dApp = state.scripts.get(dAppAddress)
    const allowFeeOverdraft = dApp !== undefined && dApp.isDApp && dApp.stdLibVersion >= 4
    for (const [asset, amount] of sums) check(asset, amount, allowFeeOverdraft)
  }
}

/**
 * FeeValidation.getMinFee: the minimal fee of the type, plus the smart account's and smart assets' extra, in WAVES
 * (`required`) and in the fee asset (`inAsset`, Sponsorship.fromWaves; the same for WAVES), with the node's texts
 * of what it requires. A fee asset that does not exist or is not sponsored is refused through `fail`.
 */
export function minFee(state: ChainState, tx: Tx, fail: (reason: string) => never): { required: bigint; inAsset: bigint; requirements: string[] } {
  const sponsorship = checkFeeAsset(state, tx, fail)
  let units = tx.type === 7 ? EXCHANGE_FEE_UNITS : (FEE_UNITS[tx.type] ?? 1n)
  if (tx.type === 3 && tx.quantity === 1n && tx.decimals === 0 && !tx.reissuable) units = 1n // NFT: 0.001 WAVES
  if (tx.type === 11) units += BigInt(Math.floor((tx.transfers.length + 1) / 2))
  if (tx.type === 12) units += BigInt(Math.floor((dataPayloadSize(tx.data) - 1) / 1024))
  if (tx.type === 13 && tx.script !== null) {
    const size = Buffer.from(tx.script.slice(7), 'base64').length
    units = BigInt(Math.max(1, Math.ceil(size / 1024)))
  }
  let required = units * FEE_UNIT
  const requirements: string[] = []
  const extra = accountExtraFee(state.scripts.get(tx.sender)?.verifierComplexity ?? 0)
  if (extra > 0n) {
    required += extra
    requirements.push(`Transaction sent from smart account. Requires ${extra} extra fee`)
  }
  const smartAssetsFee = smartAssetsExtraFee(state, tx)
  if (smartAssetsFee !== null) {
    required += smartAssetsFee.extra
    requirements.push(smartAssetsFee.requirement)
  }
  const inAsset = sponsorship === null ? required : (required * sponsorship) / FEE_UNIT
  return { required, inAsset, requirements }
}

/** FeeValidation: the attached fee covers minFee. */
function checkFee(state: ChainState, tx: Tx, fail: (reason: string) => never): void {
  const name = `${TYPE_NAMES[tx.type]}Transaction`
  const { required, inAsset, requirements } = minFee(state, tx, fail)
  if (tx.fee < inAsset) {
    const orAsset = tx.feeAssetId === null ? '' : ` or ${inAsset} ${tx.feeAssetId}`
    fail(`${requirements.map((r) => `${r}. `).join('')}Fee for ${name} (${tx.fee} in ${tx.feeAssetId ?? 'WAVES'}) does not exceed minimal value of ${required} WAVES${orAsset}.`)
  }
}

/**
 * BalanceDiffValidation: no balance may end below zero, nor spend WAVES leased out. `leases` are the leases the
 * transaction created or canceled, as it leaves them: the lease balances are checked as they are after it.
 */
export function checkBalances(state: ChainState, json: Record<string, unknown>, deltas: [string, string, bigint][], leases: readonly Lease[] = []): void {
  const details: Record<string, string> = {}
  for (const [address, asset, delta] of deltas) {
    const old = balanceOf(state, address, asset)
    if (old + delta >= 0n) {
      if (asset === WAVES && delta < 0n) {
        const leased = leasedMoneyError(state, address, old + delta, leases)
        if (leased !== undefined) details[address] = leased
      }
      continue
    }
    details[address] =
      asset === WAVES
        ? `negative waves balance: ${address}, old: ${old}, new: ${old + delta}`
        : `negative asset balance: ${address}, new portfolio: Map(${asset} -> ${old + delta})`
  }
  if (Object.keys(details).length > 0) throw nodeErrors.negativeBalance(json, details)
}

/** BalanceDiffValidation's rule for leases: WAVES leased out, once the transaction's leases apply, cannot be spent. */
function leasedMoneyError(state: ChainState, address: string, newWaves: bigint, leases: readonly Lease[]): string | undefined {
  const oldLease = leaseBalance(state, address)
  const newLease = leaseBalanceAfter(state, address, oldLease, leases)
  if (newWaves >= newLease.out) return undefined
  const pair = (waves: bigint, lease: { in: bigint; out: bigint }) => `(${waves},LeaseBalance(${lease.in},${lease.out}))`
  const change = `old: ${pair(balanceOf(state, address), oldLease)}, new: ${pair(newWaves, newLease)}`
  if (newWaves + newLease.in - newLease.out < 0n) return `negative effective balance: ${address}, ${change}`
  if (newLease.out === oldLease.out) return `${address} trying to spend leased money`
  return `leased being more than own: ${address}, ${change}`
}

/** The lease balance of `address` once `leases` (each as the transaction leaves it) replace what the state holds. */
function leaseBalanceAfter(state: ChainState, address: string, before: { in: bigint; out: bigint }, leases: readonly Lease[]): { in: bigint; out: bigint } {
  const last = new Map(leases.map((lease) => [lease.id, lease]))
  const after = { ...before }
  const count = (lease: Lease | undefined, sign: bigint) => {
    if (lease?.status !== 'active') return
    if (lease.recipient === address) after.in += sign * lease.amount
    if (lease.sender === address) after.out += sign * lease.amount
  }
  for (const [id, lease] of last) {
    count(state.leases?.get(id), -1n)
    count(lease, 1n)
  }
  return after
}

function checkBalancesAfter(state: ChainState, json: Record<string, unknown>, effects: Effects): void {
  for (const [address, asset, delta] of netBalances(effects)) {
    if (balanceOf(state, address, asset) + delta > MAX_LONG) throw nodeErrors.stateCheckFailed(json, 'Waves balance sum overflow')
  }
}

function setScript(ctx: ApplyContext, script: string, publicKey: string, fail: (reason: string) => never): AccountScript {
  const base64 = script.slice('base64:'.length)
  let checked
  try {
    checked = checkSetScript(Uint8Array.from(Buffer.from(base64, 'base64')), 'account')
  } catch (e) {
    if (!(e instanceof ScriptRefused)) throw e
    // how the node's REST API words each stage (ride/script/checks.ts)
    if (e.stage === 'parse') throw nodeErrors.custom(`ScriptParseError(${e.message})`)
    if (e.stage === 'validation') throw nodeErrors.custom(e.message)
    return fail(e.message)
  }
  ctx.scripts.remember(base64, checked.script)
  return { ...scriptFacts(base64, checked.script, checked.complexity), publicKey }
}

const bytesOf = (base58: string) => base58Decode(base58)

async function invoke(
  ctx: ApplyContext,
  tx: Extract<Tx, { type: 16 }>,
  json: Record<string, unknown>,
  effects: Effects,
  addresses: string[],
  verifier: number,
): Promise<{ stateChanges: Record<string, unknown>; complexity: number }> {
  const { state } = ctx
  // what the callable spent: past 1,000, a failure of the script or of its actions is stored as failed
  let spent = 0
  let calls: DAppCalls | undefined
  // The script's own failure (InvokeScriptTransactionDiff.evaluateV2, checkScriptResultFields included) weighs what
  // the call spent alone, and records it with the estimates of the paid assets' scripts. A failure of its actions is
  // a FailedTransactionError whatever it spent, to which TransactionDiffer adds the sender's verifier complexity
  // before isFailFree: `verifier` counts there.
  const payments = paymentsComplexity(state, tx)
  const failsWith = (weighed: number, recorded: number) => (message: string): never => {
    if (failsAfter(weighed)) throw new FailedInvoke(message, recorded, undefined, failedInvocations(calls?.invokes ?? []))
    throw nodeErrors.dAppError(json, message)
  }
  const dAppError = (message: string): never => failsWith(spent, spent + payments)(message)
  const actionError = (message: string): never => failsWith(spent + verifier, spent)(message)
  addresses.push(tx.dApp)
  const facts = state.scripts.get(tx.dApp)
  if (!facts) return dAppError(`No contract at address ${tx.dApp}`)
  const script = ctx.scripts.get(facts.base64)
  if (script.kind !== 'dapp') return dAppError('Trying to call dApp on the account with expression script')
  calls = new DAppCalls(ctx, tx, script.version)
  const call = tx.call ?? { function: 'default', args: [] }
  const before = paymentsBefore(state, tx, json, script.version)
  applyEffects(state, before)
  let outcome
  try {
    const caller = bytesOf(tx.sender)
    const callerPublicKey = bytesOf(tx.senderPublicKey)
    outcome = runCallable(
      script,
      { function: call.function, args: call.args.map(callArgValue) },
      {
        caller,
        callerPublicKey,
        originCaller: caller,
        originCallerPublicKey: callerPublicKey,
        payments: tx.payment.map((p) => ({ assetId: p.assetId === null ? null : bytesOf(p.assetId), amount: p.amount })),
        transactionId: bytesOf(tx.id),
        fee: tx.fee,
        feeAssetId: tx.feeAssetId === null ? null : bytesOf(tx.feeAssetId),
      },
      { env: calls.environment(tx.dApp) },
    )
  } finally {
    // what the called dApps applied is undone first: the transaction's effects apply once, below or in storeFailed
    calls.revert()
    applyEffects(state, { balances: before.balances.map(([a, s, d]) => [a, s, -d]), data: [] })
  }
  if (outcome.ok || !outcome.incomplete) spent = outcome.complexity
  if (!outcome.ok) return dAppError(outcome.error.message)

  for (const p of tx.payment) {
    const asset = p.assetId ?? WAVES
    effects.balances.push([tx.sender, asset, -p.amount], [tx.dApp, asset, p.amount])
  }
  effects.balances.push(...calls.effects.balances)
  effects.data.push(...calls.effects.data)
  if (calls.effects.assets?.length) (effects.assets ??= []).push(...calls.effects.assets)
  if (calls.effects.leases?.length) (effects.leases ??= []).push(...calls.effects.leases)
  addresses.push(...calls.addresses)
  const actions = outcome.result.actions
  // a failure here is the script's own, weighed without the verifier
  const { data, transfers } = readResult(state, actions, dAppError)
  checkActions(data, transfers, actionError)
  const overLimit = calls.countTopLevel(data, actions)
  if (overLimit !== undefined) actionError(overLimit)
  checkActionAmounts(actions, script.version, actionError)
  checkTransfersAfter({ payer: tx.sender, dApp: tx.dApp, paying: tx.payment.length > 0 }, transfers, script.version, actionError)
  const issues = [...calls.issues, ...actions.flatMap((a) => (a.kind === 'issue' ? [a] : []))]
  const feeError = issueFeeError(state, tx, spent, script.version, issues)
  if (feeError !== undefined) {
    if (failsAfter(spent + verifier)) throw new FailedInvoke(feeError, spent, FAILURE_CAUSE.feeForActions, failedInvocations(calls.invokes))
    actionError(feeError)
  }
  // the actions apply on the state the call left: fee, payments and the called dApps' effects
  const undo = applyReversibly(state, { balances: [...effects.balances], data: [...effects.data], assets: [...(effects.assets ?? [])], leases: [...(effects.leases ?? [])] })
  let folded
  try {
    folded = foldActions(
      ctx,
      tx,
      tx.dApp,
      actions,
      (message, assetScript) => {
        if (!assetScript) return actionError(message)
        if (failsAfter(spent + verifier)) throw new FailedInvoke(message, spent, FAILURE_CAUSE.assetScriptInAction, failedInvocations(calls.invokes))
        throw new NodeError(306, `Error while executing token-script: ${message}`, 400, { transaction: json })
      },
      (complexity) => {
        spent += complexity
      },
    )
  } finally {
    undo()
  }
  effects.balances.push(...folded.effects.balances)
  effects.data.push(...folded.effects.data)
  ;(effects.assets ??= []).push(...folded.effects.assets!)
  ;(effects.leases ??= []).push(...folded.effects.leases!)
  addresses.push(...folded.addresses)
  const stateChanges = foldedStateChanges(folded, calls.invokes)
  return { stateChanges, complexity: spent }
}

/** A data action as state/ stores it: binary values as the node prints them, `base64:...`. */
export function dataWrite(action: Extract<Action, { kind: 'data' | 'delete' }>): DataWrite {
  if (action.kind === 'delete') return { key: action.key, type: null, value: null }
  if (action.type === 'binary') return { key: action.key, type: 'binary', value: `base64:${Buffer.from(action.value).toString('base64')}` }
  return { key: action.key, type: action.type, value: action.value }
}

/**
 * A ScriptTransfer's recipient, amount and asset. Its alias is resolved as ScriptResult.fromObj does it, through the
 * environment (WavesEnvironment.resolveAlias): an alias nobody claimed fails with AliasDoesNotExist's toString,
 * `Alias 'alias:R:name' does not exist.`
 */
export function transferOf(state: ChainState, action: Extract<Action, { kind: 'transfer' }>, dAppError: (m: string) => never) {
  const recipient = action.recipient
  const address =
    'address' in recipient
      ? base58Encode(recipient.address)
      : (resolveAlias(state, recipient.alias) ?? dAppError(`Alias 'alias:${state.chainId}:${recipient.alias}' does not exist.`))
  return { address, asset: action.assetId === null ? null : base58Encode(action.assetId), amount: action.amount }
}

/**
 * The result as ContractEvaluator reads it (ScriptResult.fromObj): its fields checked, its entries as writes, its
 * transfers with their aliases resolved; `fail` gets the first error.
 */
export function readResult(
  state: ChainState,
  actions: readonly Action[],
  fail: (message: string) => never,
): { data: DataWrite[]; transfers: { address: string; asset: string | null; amount: bigint }[] } {
  const fieldError = checkResultFields(actions)
  if (fieldError !== undefined) fail(fieldError)
  const data: DataWrite[] = []
  const transfers: { address: string; asset: string | null; amount: bigint }[] = []
  for (const action of actions) {
    if (action.kind === 'data' || action.kind === 'delete') data.push(dataWrite(action))
    else if (action.kind === 'transfer') transfers.push(transferOf(state, action, fail))
  }
  return { data, transfers }
}

/**
 * What InvokeDiffsCommon.checkActions checks after the counts, in its order: from V4, no self-payment and no
 * self-transfer (checkSelfPayments: a V3 dApp may pay itself), then the transfers' sum within a Long
 * (checkOverflow, `ScriptTransfer overflow`).
 */
export function checkTransfersAfter(
  call: { payer: string; dApp: string; paying: boolean },
  transfers: { address: string; amount: bigint }[],
  version: number,
  dAppError: (message: string) => never,
): void {
  if (version >= 4) {
    if (call.paying && call.payer === call.dApp) dAppError('DApp self-payment is forbidden since V4')
    if (transfers.some((t) => t.address === call.dApp)) dAppError('DApp self-transfer is forbidden since V4')
  }
  let sum = 0n
  for (const t of transfers) {
    sum += t.amount
    if (sum > MAX_LONG || sum < -MAX_LONG - 1n) dAppError('ScriptTransfer overflow')
  }
}

/**
 * The payments as the node takes them (TransactionDiffer.validatePayments): they alone must be payable, fee aside, and
 * a dApp of V5 or later sees them in its balances while it runs (InvokeDiffsCommon.paymentsPart); older dApps see the
 * balances as they were. The fee is not visible to the script. Payments and actions are checked on the final balances.
 */
function paymentsBefore(state: ChainState, tx: Extract<Tx, { type: 16 }>, json: Record<string, unknown>, version: number): Effects {
  const payments = emptyEffects()
  for (const p of tx.payment) {
    const asset = p.assetId ?? WAVES
    payments.balances.push([tx.sender, asset, -p.amount], [tx.dApp, asset, p.amount])
  }
  checkBalances(state, json, netBalances(payments).filter(([, , delta]) => delta < 0))
  return version >= 5 ? payments : emptyEffects()
}

export function checkActions(
  data: DataWrite[],
  transfers: { amount: bigint }[],
  dAppError: (message: string) => never,
): void {
  if (data.length > MAX_DATA_ENTRIES) dAppError(`WriteSet can't contain more than ${MAX_DATA_ENTRIES} entries`)
  for (const write of data) {
    const length = utf8Length(write.key)
    if (length > MAX_KEY_BYTES) dAppError(`Data entry key size = ${length} bytes must be less than ${MAX_KEY_BYTES}`)
    if (length === 0) dAppError('Data entry key should not be empty')
  }
  const size = dataPayloadSize(data)
  if (size > MAX_WRITE_SET_BYTES) dAppError(`WriteSet size can't exceed ${MAX_WRITE_SET_BYTES} bytes, actual: ${size} bytes`)
  if (transfers.length > MAX_BALANCE_ACTIONS) {
    dAppError(`Too many ScriptTransfer, Lease, LeaseCancel actions: max: ${MAX_BALANCE_ACTIONS}, actual: ${transfers.length}`)
  }
  for (const t of transfers) if (t.amount < 0n) dAppError(`Negative transfer amount = ${t.amount}`)
}

/**
 * InvokeDiffsCommon.calcAndCheckFee once the actions are known: an invoke that issues assets pays 0.005 WAVES per
 * step, 1 WAVES per issued asset that is not an NFT (all calls of the transaction together) and 0.004 WAVES for a
 * smart-account sender. Returns the node's text when the fee falls short; only invokes that issue are checked here
 * (checkFee checked the rest before the script ran).
 */
function issueFeeError(
  state: ChainState,
  tx: Extract<Tx, { type: 16 }>,
  complexity: number,
  version: number,
  issues: readonly { quantity: bigint; decimals: number; isReissuable: boolean }[],
): string | undefined {
  if (issues.length === 0) return undefined
  // ContractLimits.MaxComplexityByVersion; the complexity is capped at one step, so there is at most one
  const stepLimit = version >= 6 ? 52_000 : version === 5 ? 10_000 : 4_000
  const capped = Math.min(complexity, stepLimit)
  const steps = BigInt(Math.ceil(capped / stepLimit))
  const verifier = accountExtraFee(state.scripts.get(tx.sender)?.verifierComplexity ?? 0) > 0n ? 1 : 0
  const nonNft = BigInt(issues.filter((i) => !isNft(i)).length)
  const minFee = (FEE_UNITS[16] ?? 5n) * FEE_UNIT * steps + nonNft * (FEE_UNITS[3] ?? 1000n) * FEE_UNIT + BigInt(verifier) * SCRIPT_EXTRA_FEE
  const sponsorship = tx.feeAssetId === null ? null : (state.assets.get(tx.feeAssetId)?.minSponsoredAssetFee ?? null)
  const attached = sponsorship === null ? tx.fee : (tx.fee * FEE_UNIT) / sponsorship
  if (attached >= minFee) return undefined
  const asset = tx.feeAssetId ?? 'WAVES'
  const stepsInfo = steps > 1n ? ` with ${steps} invocation steps` : ''
  const scriptsInfo = verifier > 0 ? ` with ${verifier} total scripts invoked` : ''
  return `Fee in ${asset} for InvokeScriptTransaction (${tx.fee} in ${asset})${stepsInfo}${scriptsInfo} with ${issues.length} assets issued does not exceed minimal value of ${minFee} WAVES.`
}
