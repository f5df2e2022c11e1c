// The node's API errors ({error, message} with the node's codes and HTTP statuses, ApiError.scala),
// raised anywhere in the dev node and written to the wire by one function in routes/server.ts.

export class NodeError extends Error {
  constructor(
    /** the node's error code (the `error` field) */
    readonly code: number,
    message: string,
    /** HTTP status */
    readonly status: number = 400,
    /** extra fields the node adds to this error (`details`, `transaction`, `validationErrors` ...) */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'NodeError'
  }

  toJSON(): Record<string, unknown> {
    // the node writes code and message first, then what the error adds (ApiError.json)
    return { error: this.code, message: this.message, ...this.extra }
  }
}

/** A bare akka-http status (`complete(StatusCode)`): its default text, written as text/plain, not JSON. */
export class BareStatus extends NodeError {
  constructor(status: number, text: string) {
    super(0, text, status)
  }
}

/** akka-http's bare 404 (see `nodeErrors.notFound`). */
export class ResourceNotFound extends BareStatus {
  constructor() {
    super(404, 'The requested resource could not be found.')
  }
}

type Tx = Record<string, unknown>

export const nodeErrors = {
  wrongJson: (cause?: string) =>
    new NodeError(1, 'failed to parse json message', 400, { cause: cause ?? null, validationErrors: {} }),
  tooManyKeys: (limit: number) => new NodeError(10, `Too big sequence requested: max limit is ${limit} entries`),
  /** TooBigArrayAllocation without a limit (the NFT page) */
  tooBigSequence: () => new NodeError(10, 'Too big sequence requested'),
  invalidSignature: () => new NodeError(101, 'invalid signature'),
  invalidAddress: () => new NodeError(102, 'invalid address'),
  invalidPublicKey: () => new NodeError(108, 'invalid public key'),
  negativeAmount: (what: string) => new NodeError(111, `negative amount: ${what}`),
  nonPositiveAmount: (what: string) => new NodeError(115, `non-positive amount: ${what}`),
  insufficientFee: () => new NodeError(112, 'insufficient fee'),
  overflow: () => new NodeError(113, 'overflow error'),
  negativeMinFee: (what: string) => new NodeError(114, `negative fee per: ${what}`),
  invalidIds: (ids: string[]) =>
    new NodeError(116, `Request contains invalid IDs. ${ids.join(', ')}`, 400, { ids }),
  /** A rule of the chain refused the transaction: the node wraps the reason as error 112. */
  stateCheckFailed: (tx: Tx, reason: string, details?: Record<string, unknown>) =>
    new NodeError(112, `State check failed. Reason: ${reason}`, 400, { ...(details ?? {}), transaction: tx }),
  /** A balance would go negative: AccountBalanceErrors (402) wrapped in a state check failure, as the node sends it. */
  negativeBalance: (tx: Tx, details: Record<string, string>) =>
    new NodeError(112, 'State check failed. Reason: Accounts balance errors', 400, { details, transaction: tx }),
  custom: (message: string) => new NodeError(199, message),
  blockNotFound: () => new NodeError(301, 'block does not exist', 404),
  aliasNotFound: (alias: string) => new NodeError(302, `alias '${alias}' doesn't exist`, 404),
  mistiming: (message: string) => new NodeError(303, message),
  noDataForKey: () => new NodeError(304, 'no data for this key', 404),
  compilation: (message: string) => new NodeError(305, message),
  dAppError: (tx: Tx, message: string) =>
    new NodeError(306, `Error while executing dApp: ${message}`, 400, { transaction: tx }),
  accountScript: (tx: Tx, message: string) =>
    new NodeError(306, `Error while executing account-script: ${message}`, 400, { transaction: tx }),
  txNotFound: () => new NodeError(311, 'transactions does not exist', 404),
  unsupportedType: () => new NodeError(312, 'transaction type not supported'),
  assetNotFound: (id: string) => new NodeError(313, `Asset does not exist: ${id}`, 404),
  /** AssetsDoesNotExist: several ids of /assets/details that name no asset */
  assetsNotFound: (ids: string[]) => new NodeError(314, `Asset does not exist. ${ids.join(', ')}`, 400, { ids }),
  alreadyInState: (id: string, height: number) =>
    new NodeError(400, `Transaction ${id} is already in the state on a height of ${height}`),
  wrongChain: (expected: number, provided: number) =>
    new NodeError(404, `Wrong chain-id. Expected - ${expected}, provided - ${provided}`),
  invalidProofs: (message: string) => new NodeError(405, message),
  invalidTxId: (message: string) => new NodeError(4001, message),
  invalidAssetId: () => new NodeError(4007, 'Invalid asset id'),
  assetIdNotSpecified: () => new NodeError(4009, 'Asset ID was not specified'),
  /**
   * What a node answers to a path no route takes, a method a path does not take, or a path segment a route's
   * matcher refuses: CompositeHttpService ends its routes with akka-http's `complete(StatusCodes.NotFound)`,
   * a bare 404 whose body is the status text in text/plain, not JSON.
   */
  notFound: () => new ResourceNotFound(),
  /** akka-http's parser refuses a request target longer than `max-uri-length` (2k, which a node keeps). */
  uriTooLong: (limit: number) => new BareStatus(414, `URI length exceeds the configured limit of ${limit} characters`),
  /** `jsonPost`'s `get(complete(StatusCodes.MethodNotAllowed))`: a GET of a route that takes only a JSON POST. */
  methodNotAllowed: () => new BareStatus(405, 'A request was made of a resource using a request method not supported by that resource;'),
  unknown: () => new NodeError(0, 'Error is unknown', 500),
}
