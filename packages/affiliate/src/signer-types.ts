// The library's own types for the wallet side: the part of @waves/signer's `Signer` and `Provider` it
// uses, spelled out here. Why not import them: @waves/signer's declarations import
// @waves/waves-transactions', which import @waves/ts-types' TypeScript sources; a user's strict tsc
// (verbatimModuleSyntax, noUnusedLocals) then reports errors in files it cannot change. With these,
// nothing in this package's declarations names another package. A real `Signer` and any `Provider`
// fit them structurally (checked by the packed-package test's strict tsc).

/** A wallet's account: its address and public key (base58). */
export interface WalletUser {
  address: string
  publicKey: string
}

/** An argument of a dApp call, as Signer and the node take it. */
export type InvokeArgument =
  | { type: 'integer'; value: number | string }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'binary'; value: string }
  | { type: 'list'; value: Array<Exclude<InvokeArgument, { type: 'list' }>> }

/** A payment attached to a dApp call; `amount` in the asset's smallest unit, `assetId` null for WAVES. */
export interface InvokePayment {
  assetId: string | null
  amount: number | string
}

/** An invoke-script transaction as the library asks a wallet to sign it (Signer's `invoke` parameters). */
export interface InvokeRequest {
  dApp: string
  call: { function: string; args: InvokeArgument[] } | null
  payment: InvokePayment[]
  /** in wavelets */
  fee: number | string
  feeAssetId: string | null
  /** ms since the epoch; set when the id is mined in advance */
  timestamp?: number
  senderPublicKey?: string
  version?: number
}

/**
 * What the library needs of an `@waves/signer` `Signer` (pass the Signer itself): its user, `login`,
 * `invoke(...).sign()` and `signMessage`.
 */
export interface SignerLike {
  readonly currentProvider?: { readonly user: WalletUser | null } | undefined
  login(): Promise<WalletUser>
  invoke(tx: InvokeRequest): { sign(): Promise<unknown> }
  /** signs `message` as Signer's providers do (see `waves-affiliate/login`) and resolves with the base58 signature */
  signMessage(message: string | number): Promise<string>
}
