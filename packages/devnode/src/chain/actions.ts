// A callable's actions applied in their order, as the node folds them (InvokeDiffsCommon.foldActions): each action sees
// what the ones before it changed (an asset issued by the call can be transferred by it, a lease leaves less to
// spend), and every action's balances are checked when it applies (BalanceDiffValidation, RideV6). The state is
// changed only while the fold runs: the caller gets the effects and applies them itself.
import { MAX_LONG } from '../constants.ts'
import { base58Decode, base58Encode } from '../crypto.ts'
import { NodeError } from '../errors.ts'
import type { Action } from '../ride/actions.ts'
import { issueId, leaseId } from '../ride/stdlib/blockchain.ts'
import {
  type Asset,
  type ChainState,
  type DataEntry,
  type DataWrite,
  type Effects,
  type Lease,
  WAVES,
  applyEffects,
  balanceOf,
  emptyEffects,
  leaseBalance,
  netBalances,
} from '../state/state.ts'
import type { ApplyContext } from './apply.ts'
import { checkBalances, dataWrite, transferOf } from './apply.ts'
import { checkAssetAction, checkScriptTransfer } from './assets.ts'
import { accountBalanceErrorText } from './failed.ts'
import { leaseInfo, resolveRecipient } from './tx-rules.ts'
import type { Tx } from './tx.ts'

type InvokeTx = Extract<Tx, { type: 16 }>
export type Transfer = { address: string; asset: string | null; amount: bigint }

/** What a call's actions did, as stateChanges prints it (InvokeScriptResult) and as the chain applies it. */
export interface FoldedActions {
  data: DataWrite[]
  transfers: Transfer[]
  issues: Record<string, unknown>[]
  reissues: Record<string, unknown>[]
  burns: Record<string, unknown>[]
  sponsorFees: Record<string, unknown>[]
  leases: Record<string, unknown>[]
  leaseCancels: Record<string, unknown>[]
  effects: Effects
  /** accounts the actions touched (transfer and lease recipients) */
  addresses: string[]
}

/** An action refused: the node's text, and whether an asset script refused it (FailedTransactionError code 3). */
export type ActionFail = (message: string, assetScript?: boolean) => never

/** Issue actions that are not NFTs (quantity 1, decimals 0, not reissuable: Blockchain.isNFT) pay an Issue fee each. */
export const isNft = (issue: { quantity: bigint; decimals: number; isReissuable: boolean }): boolean =>
  issue.quantity === 1n && issue.decimals === 0 && !issue.isReissuable

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')

/**
 * InvokeDiffsCommon.checkScriptResultFields: what an action may not carry, checked before any limit. The node words
 * these as a GenericError's toString.
 */
export function checkResultFields(actions: readonly Action[]): string | undefined {
  for (const a of actions) {
    let error: string | undefined
    if (a.kind === 'reissue' && a.quantity < 0n) error = `Negative reissue quantity = ${a.quantity}`
    else if (a.kind === 'burn' && a.quantity < 0n) error = `Negative burn quantity = ${a.quantity}`
    else if (a.kind === 'transfer' && a.amount < 0n) error = `Negative transfer amount = ${a.amount}`
    else if (a.kind === 'lease' && a.amount < 0n) error = `Negative lease amount = ${a.amount}`
    else if (a.kind === 'sponsorFee' && a.minSponsoredAssetFee !== null && a.minSponsoredAssetFee < 0n) {
      error = `Negative sponsor amount = ${a.minSponsoredAssetFee}`
    } else if (a.kind === 'issue') {
      const length = utf8Length(a.name)
      if (length < 4 || length > 16) error = 'Invalid asset name'
      // the node counts the description in UTF-16 units here
      else if (a.description.length > 1000) error = 'Invalid asset description'
    }
    if (error !== undefined) return `GenericError(${error})`
  }
  return undefined
}

/** The action counts the node limits (checkCallResultLimits): balance actions and asset actions. */
export function actionCounts(actions: readonly Action[]): { balance: number; asset: number; nonData: number } {
  let balance = 0
  let asset = 0
  for (const a of actions) {
    if (a.kind === 'transfer' || a.kind === 'lease' || a.kind === 'leaseCancel') balance++
    else if (a.kind !== 'data' && a.kind !== 'delete') asset++
  }
  return { balance, asset, nonData: balance + asset }
}

/**
 * checkLeaseCancels and checkScriptActionsAmount of InvokeDiffsCommon.checkActions, by the called dApp's version
 * (V6+: 100 balance actions and 30 asset actions; before: 10, from V5 30, actions but data).
 */
export function checkActionAmounts(actions: readonly Action[], version: number, fail: (message: string) => never): void {
  const cancels = actions.flatMap((a) => (a.kind === 'leaseCancel' ? [base58Encode(a.leaseId)] : []))
  const duplicates = [...new Set(cancels.filter((id, i) => cancels.indexOf(id) !== i))]
  if (duplicates.length > 0) fail(`Duplicate LeaseCancel id(s): ${duplicates.join(', ')}`)
  const counts = actionCounts(actions)
  if (version >= 6) {
    if (counts.balance > 100) fail(`Too many ScriptTransfer, Lease, LeaseCancel actions: max: 100, actual: ${counts.balance}`)
    if (counts.asset > 30) fail(`Too many Issue, Reissue, Burn, SponsorFee actions: max: 30, actual: ${counts.asset}`)
  } else {
    const max = version >= 5 ? 30 : 10
    if (counts.nonData > max) fail(`Too many script actions: max: ${max}, actual: ${counts.nonData}`)
  }
}

/** Undo records of what the fold applied to the state. */
interface Undo {
  balances: [string, string, bigint][]
  entries: [string, string, DataEntry | undefined][]
  assets: [string, Asset | undefined][]
  leases: [string, Lease | undefined][]
}

/** Applies `effects` to the state and returns how to undo it (assets and leases as they were). */
export function applyReversibly(state: ChainState, effects: Effects): () => void {
  const undo: Undo = {
    balances: effects.balances.map(([a, s, d]) => [a, s, -d]),
    entries: effects.data.map(([address, write]) => [address, write.key, state.data.get(address)?.get(write.key)]),
    assets: (effects.assets ?? []).map((a) => [a.assetId, state.assets.get(a.assetId)]),
    leases: (effects.leases ?? []).map((l) => [l.id, state.leases?.get(l.id)]),
  }
  // the balances and data maps this creates: undone, they go again (an evaluation leaves no zero balance of an asset
  // it issued, which the asset routes would look up)
  const newBalances = effects.balances.filter(([a, s]) => state.balances.get(a)?.has(s) !== true).map(([a, s]) => [a, s] as const)
  const newData = effects.data.map(([a]) => a).filter((a) => !state.data.has(a))
  applyEffects(state, effects)
  return () => {
    applyEffects(state, { balances: undo.balances, data: [] })
    for (let j = undo.entries.length - 1; j >= 0; j--) {
      const [address, key, previous] = undo.entries[j]!
      const entries = state.data.get(address)!
      if (previous === undefined) entries.delete(key)
      else entries.set(key, previous)
    }
    for (let j = undo.assets.length - 1; j >= 0; j--) {
      const [id, previous] = undo.assets[j]!
      if (previous === undefined) state.assets.delete(id)
      else state.assets.set(id, previous)
    }
    for (let j = undo.leases.length - 1; j >= 0; j--) {
      const [id, previous] = undo.leases[j]!
      if (previous === undefined) state.leases?.delete(id)
      else state.leases!.set(id, previous)
    }
    for (const [a, s] of newBalances) {
      const account = state.balances.get(a)
      if (account?.get(s) === 0n) account.delete(s)
      if (account?.size === 0) state.balances.delete(a)
    }
    for (const a of newData) if (state.data.get(a)?.size === 0) state.data.delete(a)
  }
}

/**
 * Folds the actions of `dApp`'s call in their order: each checked on the state as the actions before it left it, its
 * balances validated, its asset script (ScriptTransfer of a scripted asset) run. `spend` counts asset-script
 * complexity. Throws through `fail` with the node's text; the state is as before when it returns or throws.
 */
export function foldActions(
  ctx: ApplyContext,
  tx: InvokeTx,
  dApp: string,
  actions: readonly Action[],
  fail: ActionFail,
  spend: (complexity: number) => void,
): FoldedActions {
  const { state } = ctx
  const out: FoldedActions = {
    data: [],
    transfers: [],
    issues: [],
    reissues: [],
    burns: [],
    sponsorFees: [],
    leases: [],
    leaseCancels: [],
    effects: { ...emptyEffects(), assets: [], leases: [] },
    addresses: [],
  }
  // only Issue, SponsorFee and Lease need these: most calls write data and transfer
  const dAppKey = () => state.scripts.get(dApp)?.publicKey ?? base58Encode(new Uint8Array(32))
  const txId = () => base58Decode(tx.id)
  const undos: (() => void)[] = []
  const step = (effects: Effects) => {
    try {
      if (effects.balances.length > 0) checkBalances(state, {}, netBalances(effects).filter(([, , delta]) => delta < 0))
    } catch (e) {
      const details = e instanceof NodeError ? (e.extra['details'] as Record<string, string> | undefined) : undefined
      if (details === undefined) throw e
      fail(accountBalanceErrorText(details))
    }
    undos.push(applyReversibly(state, effects))
    out.effects.balances.push(...effects.balances)
    out.effects.data.push(...effects.data)
    out.effects.assets!.push(...(effects.assets ?? []))
    out.effects.leases!.push(...(effects.leases ?? []))
  }
  // DiffsCommon.validateAsset, as the dApp is the sender
  const ownAsset = (assetId: string, issuerOnly: boolean): Asset => {
    const asset = state.assets.get(assetId)
    if (asset === undefined) return fail('Referenced assetId not found')
    if (issuerOnly && asset.issuer !== dApp) return fail('Asset was issued by other address')
    return asset
  }
  // a scripted asset's script judges the action as a pseudo transaction, on the state before the action
  const judge = (action: Parameters<typeof checkAssetAction>[3]) => {
    const judged = checkAssetAction(ctx, tx, dApp, action)
    spend(judged.complexity)
    if (judged.text !== undefined) fail(judged.text, true)
  }
  try {
    for (const action of actions) {
      switch (action.kind) {
        case 'data':
        case 'delete': {
          const write = dataWrite(action)
          out.data.push(write)
          step({ balances: [], data: [[dApp, write]] })
          break
        }
        case 'transfer': {
          const t = transferOf(state, action, fail)
          if (t.asset !== null && !state.assets.has(t.asset)) fail(`Transfer error: asset '${t.asset}' is not found on the blockchain`)
          const judged = checkScriptTransfer(ctx, tx, dApp, t)
          spend(judged.complexity)
          if (judged.text !== undefined) fail(judged.text, true)
          const asset = t.asset ?? WAVES
          out.transfers.push(t)
          out.addresses.push(t.address)
          step({ balances: [[dApp, asset, -t.amount], [t.address, asset, t.amount]], data: [] })
          break
        }
        case 'issue': {
          const id = base58Encode(issueId({ ...action, decimals: BigInt(action.decimals) }, txId()))
          if (state.assets.has(id)) fail(`Asset ${id} is already issued`)
          const asset: Asset = {
            assetId: id,
            issuer: dApp,
            issuerPublicKey: dAppKey(),
            name: action.name,
            description: action.description,
            decimals: action.decimals,
            quantity: action.quantity,
            reissuable: action.isReissuable,
            issueHeight: state.blocks.length,
            issueTimestamp: tx.timestamp,
            originTransactionId: tx.id,
          }
          out.issues.push({
            assetId: id,
            name: action.name,
            description: action.description,
            quantity: action.quantity,
            decimals: action.decimals,
            isReissuable: action.isReissuable,
            compiledScript: null,
            nonce: action.nonce,
          })
          step({ balances: [[dApp, id, action.quantity]], data: [], assets: [asset] })
          break
        }
        case 'reissue': {
          const id = base58Encode(action.assetId)
          const asset = ownAsset(id, true)
          if (!asset.reissuable) fail('Asset is not reissuable')
          if (MAX_LONG - action.quantity < asset.quantity) fail('Asset total value overflow')
          judge({ type: 5, assetId: id, quantity: action.quantity, reissuable: action.isReissuable })
          out.reissues.push({ assetId: id, isReissuable: action.isReissuable, quantity: action.quantity })
          step({
            balances: [[dApp, id, action.quantity]],
            data: [],
            assets: [{ ...asset, quantity: asset.quantity + action.quantity, reissuable: action.isReissuable }],
          })
          break
        }
        case 'burn': {
          // BurnAnyTokens: the dApp burns any asset it holds
          const id = base58Encode(action.assetId)
          const asset = ownAsset(id, false)
          judge({ type: 6, assetId: id, quantity: action.quantity })
          out.burns.push({ assetId: id, quantity: action.quantity })
          step({ balances: [[dApp, id, -action.quantity]], data: [], assets: [{ ...asset, quantity: asset.quantity - action.quantity }] })
          break
        }
        case 'sponsorFee': {
          const id = base58Encode(action.assetId)
          const asset = state.assets.get(id)
          if (asset === undefined || asset.issuerPublicKey !== dAppKey()) fail(`SponsorFee assetId=${id} was not issued from address of current dApp`)
          // SponsorFeeTxValidator.checkMinSponsoredAssetFee: unit cancels, a fee must be positive
          const min = action.minSponsoredAssetFee
          if (min !== null && min <= 0n) fail(`NegativeMinFee(${min},asset)`)
          const sponsored = ownAsset(id, true)
          if (sponsored.script != null) fail('Sponsorship smart assets is disabled.')
          out.sponsorFees.push(min === null ? { assetId: id } : { assetId: id, minSponsoredAssetFee: min })
          step({ balances: [], data: [], assets: [{ ...sponsored, minSponsoredAssetFee: min }] })
          break
        }
        case 'lease': {
          if (action.amount <= 0n) fail(`NonPositiveAmount(${action.amount},waves)`)
          const id = base58Encode(leaseId(action, txId()))
          // processLease resolves the alias: AliasDoesNotExist's toString, as asFailedScriptError passes it on
          const recipient =
            'address' in action.recipient
              ? base58Encode(action.recipient.address)
              : resolveRecipient(state, `alias:${state.chainId}:${action.recipient.alias}`, () =>
                  fail(`Alias 'alias:${state.chainId}:${(action.recipient as { alias: string }).alias}' does not exist.`),
                )
          if (recipient === dApp) fail('Cannot lease to self')
          if (state.leases?.has(id)) fail(`Lease with id=${id} is already in the state`)
          const balance = balanceOf(state, dApp)
          const leasedOut = leaseBalance(state, dApp).out
          // the action's fee is 0, so only the amount must be free (SynchronousCalls: amount + fee)
          if (balance - leasedOut < action.amount) fail(`Cannot lease more than own: Balance: ${balance}, already leased: ${leasedOut}`)
          const lease: Lease = { id, originTransactionId: tx.id, sender: dApp, recipient, amount: action.amount, height: state.blocks.length, status: 'active' }
          out.leases.push(leaseInfo(lease))
          out.addresses.push(recipient)
          step({ balances: [], data: [], leases: [lease] })
          break
        }
        case 'leaseCancel': {
          const id = base58Encode(action.leaseId)
          if (action.leaseId.length !== 32) fail(`Lease id=${id} has invalid length = ${action.leaseId.length} byte(s) while expecting 32`)
          const lease = state.leases?.get(id)
          if (lease === undefined) return fail(`Lease with id=${id} not found`)
          if (lease.status !== 'active') fail('Cannot cancel already cancelled lease')
          if (lease.sender !== dApp) {
            fail(`LeaseTransaction was leased by other sender and time=${state.blocks[state.blocks.length - 1]!.timestamp} > allowMultipleLeaseCancelTransactionUntilTimestamp=1492768800000`)
          }
          const canceled: Lease = { ...lease, status: 'canceled', cancelHeight: state.blocks.length, cancelTransactionId: tx.id }
          out.leaseCancels.push(leaseInfo(canceled))
          out.addresses.push(lease.recipient)
          step({ balances: [], data: [], leases: [canceled] })
          break
        }
      }
    }
  } finally {
    for (let i = undos.length - 1; i >= 0; i--) undos[i]!()
  }
  return out
}

/** A call's stateChanges in the node's field order (InvokeScriptResult). */
export function foldedStateChanges(folded: FoldedActions | null, invokes: readonly unknown[]): Record<string, unknown> {
  return {
    data: (folded?.data ?? []).map((d) => (d.type === null ? { key: d.key, value: null } : { key: d.key, type: d.type, value: d.value })),
    transfers: folded?.transfers ?? [],
    issues: folded?.issues ?? [],
    reissues: folded?.reissues ?? [],
    burns: folded?.burns ?? [],
    sponsorFees: folded?.sponsorFees ?? [],
    leases: folded?.leases ?? [],
    leaseCancels: folded?.leaseCancels ?? [],
    invokes,
  }
}

/**
 * stateChanges as /transactions/info prints it now: the node reads each lease of `leases` and `leaseCancels` from the
 * chain when it answers (TransactionJsonSerializer.leaseIdToLeaseRef), so a lease canceled later prints as canceled
 * in the invoke that created it. Nested invokes alike.
 */
export function liveStateChanges(stateChanges: Record<string, unknown>, state: ChainState): Record<string, unknown> {
  const leases = stateChanges['leases'] as Record<string, unknown>[] | undefined
  const cancels = stateChanges['leaseCancels'] as Record<string, unknown>[] | undefined
  const invokes = stateChanges['invokes'] as { stateChanges: Record<string, unknown> }[] | undefined
  if (!leases?.length && !cancels?.length && !invokes?.length) return stateChanges
  const now = (lease: Record<string, unknown>) => {
    const stored = state.leases?.get(lease['id'] as string)
    return stored === undefined ? lease : leaseInfo(stored)
  }
  return {
    ...stateChanges,
    ...(leases === undefined ? {} : { leases: leases.map(now) }),
    ...(cancels === undefined ? {} : { leaseCancels: cancels.map(now) }),
    ...(invokes === undefined ? {} : { invokes: invokes.map((i) => ({ ...i, stateChanges: liveStateChanges(i.stateChanges, state) })) }),
  }
}
