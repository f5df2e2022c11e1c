// waves-affiliate: the affiliate program on Waves for any front end, browser or Node.
//
// What lives here: `createAffiliate` (client.ts, affiliate.ts) binding the actions (actions/, one per file,
// usable as free functions), the transport (transport.ts: timeouts, retries), the node's endpoints
// (node/), every data key (keys.ts), typed records and their parsing (types.ts, parse.ts), errors
// (errors.ts), amounts (amount.ts) and the write path (wallet.ts). The miner is `waves-affiliate/pow`,
// the seed wallet for dev nodes `waves-affiliate/dev-wallet`.
// What must not: @waves/ride-js (it would enter browser bundles), the dev wallet, `export *`.
export { createAffiliate, type AffiliateClient } from './affiliate.ts'
export { createClient, type AffiliateConfig, type Client } from './client.ts'
export {
  createTransport,
  type RequestEvent,
  type RequestEventBase,
  type RequestParameters,
  type RetryOptions,
  type Transport,
  type TransportConfig,
} from './transport.ts'
export type {
  AssetAmount,
  AssetInfo,
  AssetSolvency,
  ConfirmedTx,
  Dashboard,
  FundRecord,
  Level,
  MalformedEntry,
  PendingUpgrade,
  ProgramConfig,
  ReferralLevel,
  ReferralMember,
  Submitted,
  WithdrawRecord,
} from './types.ts'
export {
  AffiliateError,
  CannotPayFeeError,
  ConfirmationTimeoutError,
  ContractError,
  InvalidInputError,
  LoginProofError,
  MissingSignerError,
  NodeError,
  NodeUnavailableError,
  PowAbortedError,
  TransactionChangedError,
  UserRejectedError,
  WrongNetworkError,
  CONTRACT_ERROR_CODES,
  type ContractErrorCode,
  type LoginProofErrorReason,
} from './errors.ts'
export { TransactionFailedError, WalletError } from './wallet.ts'
export { signLoginChallenge } from './sign-login.ts'
export type { InvokeArgument, InvokePayment, InvokeRequest, SignerLike, WalletUser } from './signer-types.ts'
export { formatAmount, parseAmount } from './amount.ts'
export { chainIdOf, validateAddress, type AddressValidity } from './address.ts'
export type { MineProgress } from './pow/index.ts'
export { fetchBalance, type FetchBalanceParameters, type FetchBalanceReturnType } from './actions/fetchBalance.ts'
export { fetchConfig, type FetchConfigParameters, type FetchConfigReturnType } from './actions/fetchConfig.ts'
export { fetchDashboard, type FetchDashboardParameters, type FetchDashboardReturnType } from './actions/fetchDashboard.ts'
export { fetchHistory, type FetchHistoryParameters, type FetchHistoryReturnType } from './actions/fetchHistory.ts'
export { fetchKeys, type FetchKeysParameters, type FetchKeysReturnType } from './actions/fetchKeys.ts'
export { fetchSolvency, type FetchSolvencyParameters, type FetchSolvencyReturnType } from './actions/fetchSolvency.ts'
export { KEY_LAYOUT_VERSION } from './keys.ts'
export {
  fetchReferralTransactions,
  type FetchReferralTransactionsParameters,
  type FetchReferralTransactionsReturnType,
} from './actions/fetchReferralTransactions.ts'
export { fetchReferrals, type FetchReferralsParameters, type FetchReferralsReturnType } from './actions/fetchReferrals.ts'
export { fetchReferrer, type FetchReferrerParameters, type FetchReferrerReturnType } from './actions/fetchReferrer.ts'
export {
  fetchWithdrawTransactions,
  type FetchWithdrawTransactionsParameters,
  type FetchWithdrawTransactionsReturnType,
} from './actions/fetchWithdrawTransactions.ts'
export { getChainId, type GetChainIdParameters, type GetChainIdReturnType } from './actions/getChainId.ts'
export { isDevnode, type IsDevnodeParameters, type IsDevnodeReturnType } from './actions/isDevnode.ts'
export { watch, type WatchParameters, type WatchReturnType } from './actions/watch.ts'
export { register, type RegisterParameters, type RegisterReturnType } from './actions/register.ts'
export { fund, type FundParameters, type FundReturnType } from './actions/fund.ts'
export { withdraw, type WithdrawParameters, type WithdrawReturnType } from './actions/withdraw.ts'
export {
  fetchProgramStats,
  type AssetVolume,
  type FetchProgramStatsParameters,
  type FetchProgramStatsReturnType,
} from './actions/fetchProgramStats.ts'
export {
  fetchProgramRecords,
  type FetchProgramRecordsParameters,
  type FetchProgramRecordsReturnType,
  type ProgramRecord,
} from './actions/fetchProgramRecords.ts'
export { fundFor, type FundForParameters, type FundForReturnType } from './actions/fundFor.ts'
export { administer, type AdminCall, type AdministerParameters, type AdministerReturnType } from './actions/administer.ts'
