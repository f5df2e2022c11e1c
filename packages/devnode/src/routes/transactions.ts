// /transactions: broadcast, info, status, the unconfirmed pool, an address's history and the fee calculator, read
// and refused as TransactionsApiRoute reads and refuses them.
import { MAX_KEYS_PER_REQUEST } from '../constants.ts'
import { base58Decode } from '../crypto.ts'
import { minFee } from '../chain/apply.ts'
import { transactionProof } from '../chain/merkle.ts'
import { checkAddress, readTransaction } from '../chain/tx.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import type { Chain } from '../chain/devnode.ts'
import type { StoredTx } from '../state/state.ts'
import type { Request, Router } from './router.ts'
import { bodyIds, booleanQuery } from './params.ts'
import { txInfo, unconfirmedTxJson } from './tx-json.ts'

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
/** Base58.defaultDecodeLimit: ByteStr.decodeBase58 refuses longer texts. */
const BASE58_DECODE_LIMIT = 192

/**
 * The bytes of a base58 text as the node decodes it (Base58.tryDecodeWithLimit), or the message of the node's
 * IllegalArgumentException: `requirement failed: base58Decode input exceeds 192` or `requirement failed: Wrong char
 * 'c' in Base58 string '...'` (StdBase58.decode).
 */
export function decodeBase58(text: string, limit: number | null = BASE58_DECODE_LIMIT): Uint8Array | string {
  if (limit !== null && text.length > limit) return `requirement failed: base58Decode input exceeds ${limit}`
  // one UTF-16 unit at a time, as a JVM String is read
  for (let i = 0; i < text.length; i++) {
    if (!BASE58_ALPHABET.includes(text[i]!)) return `requirement failed: Wrong char '${text[i]}' in Base58 string '${text}'`
  }
  return text === '' ? new Uint8Array() : base58Decode(text)
}

/** The path matcher TransactionId (idOrHash): 32 or 64 bytes, 4001 with the node's text otherwise. */
function pathTxId(text: string): string {
  const bytes = decodeBase58(text)
  if (typeof bytes === 'string') throw nodeErrors.invalidTxId(bytes)
  if (bytes.length !== 32 && bytes.length !== 64) {
    throw nodeErrors.invalidTxId(`${text} has invalid length ${bytes.length}. Length can either be 32 or 64`)
  }
  return text
}

/** ApiError.ApiKeyNotValid. */
const apiKeyNotValid = (): never => {
  throw new NodeError(2, 'Provided API key is not correct', 403)
}

/** ApiError.TooBigArrayAllocation, the case object: the same code without the limit in its text. */
const tooBigArray = () => new NodeError(10, 'Too big sequence requested')

/** CustomDirectives.anyParam: `id` query parameters of a GET, form fields `id` or JSON `{"ids": [...]}` of a POST. */
function anyIds(req: Request, method: 'GET' | 'POST'): string[] {
  return method === 'GET' ? req.query.getAll('id') : bodyIds(req)
}

/** anyParam("id", limit = transactionsByAddressLimit), then TransactionsApiRoute.info's list form. */
function infoList(chain: Chain, ids: string[]): unknown[] {
  if (ids.length > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
  if (ids.length === 0) throw nodeErrors.invalidTxId('Transaction ID was not specified')
  // readTransactionMeta, one id after the other: the first refusal answers
  return ids.map((id) => {
    const bytes = decodeBase58(id)
    if (typeof bytes === 'string') throw nodeErrors.custom(`java.lang.IllegalArgumentException: ${bytes}`)
    const tx = chain.tx(id)
    if (!tx) throw nodeErrors.txNotFound()
    return txInfo(tx, chain.state)
  })
}

/** TransactionsApiRoute.loadTransactionStatus: the status (and meta of a confirmed one), then the id. */
function txStatus(chain: Chain, id: string): Record<string, unknown> {
  const tx = chain.tx(id)
  if (tx) {
    const confirmations = Math.max(0, chain.height - tx.height)
    return { status: 'confirmed', height: tx.height, confirmations, applicationStatus: tx.applicationStatus, spentComplexity: tx.spentComplexity ?? 0, id }
  }
  return { status: chain.isPending(id) ? 'unconfirmed' : 'not_found', id }
}

/** The list form of /transactions/status: none is `Empty request`, over 1,000 TooBigArrayAllocation, then 116. */
function statusList(chain: Chain, ids: string[]): unknown[] {
  if (ids.length === 0) throw nodeErrors.custom('Empty request')
  if (ids.length > MAX_KEYS_PER_REQUEST) throw tooBigArray()
  const invalid = ids.filter((id) => typeof decodeBase58(id) === 'string')
  if (invalid.length > 0) throw nodeErrors.invalidIds(invalid)
  return ids.map((id) => txStatus(chain, id))
}

/**
 * TransactionsApiRoute.merkleProof: at most 1,000 ids, at least one, all base58 (116 otherwise); the proofs of those
 * the chain has in a block of version 5, or a 199 when there are none.
 */
function merkleProofs(chain: Chain, ids: string[]): unknown[] {
  if (ids.length > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
  if (ids.length === 0) throw nodeErrors.invalidTxId('Transaction ID was not specified')
  const invalid = ids.filter((id) => typeof decodeBase58(id) === 'string')
  if (invalid.length > 0) throw nodeErrors.invalidIds(invalid)
  const proofs = ids.flatMap((id) => transactionProof(chain.state, id) ?? [])
  if (proofs.length === 0) throw nodeErrors.custom('transactions do not exist or block version < 5')
  return proofs
}

/** AddrSegment: text that is not base58 is a 199 with the decoder's text; other bad addresses 102 `invalid address`. */
function pathAddress(chain: Chain, text: string): string {
  const bytes = decodeBase58(text, null)
  if (typeof bytes === 'string') throw nodeErrors.custom(bytes)
  return checkAddress(text, chain.chainIdByte)
}

/** Where a stored transaction stands in the chain: its height, then its place in its block. */
function position(chain: Chain, id: string, tx: StoredTx): [number, number] {
  return [tx.height, chain.state.blocks[tx.height - 1]?.txIds.indexOf(id) ?? 0]
}

/**
 * The transactions of an address before `after`, newest first (AddressTransactions.transactionsFromDB): those
 * stored before the transaction `after` names, wherever it is, or all of them when it names no transaction.
 */
function addressHistory(chain: Chain, address: string, after: string | null, limit: number): string[] {
  const ids = chain.state.addressTxs.get(address) ?? []
  let end = ids.length
  const from = after === null ? undefined : chain.tx(after)
  if (after !== null && from !== undefined) {
    const [height, index] = position(chain, after, from)
    while (end > 0) {
      const id = ids[end - 1]!
      const tx = chain.tx(id)!
      if (tx.height < height || (tx.height === height && position(chain, id, tx)[1] < index)) break
      end--
    }
  }
  return ids.slice(Math.max(0, end - limit), end).reverse()
}

/**
 * TransactionJsonSerializer.txMetaJsonSerializer's compact MassTransfer: an address that did not send it sees only
 * the transfers to itself or to its aliases (transferCount and totalAmount stay those of the whole transaction).
 */
function forAddress(chain: Chain, address: string, json: Record<string, unknown>): Record<string, unknown> {
  if (json['type'] !== 11 || json['sender'] === address) return json
  const transfers = json['transfers'] as { recipient: string }[]
  const own = (recipient: string) =>
    recipient === address || (recipient.startsWith('alias:') && chain.state.aliases?.get(recipient.slice('alias:R:'.length)) === address)
  return { ...json, transfers: transfers.filter((t) => own(t.recipient)) }
}

/** WrongJson as ApiMarshallers words a body that Play JSON cannot read: JsError.toJson of one path. */
function wrongJsonAt(path: string, error: string, message = 'failed to parse json message'): NodeError {
  return new NodeError(1, message, 400, { cause: null, validationErrors: { [path]: [{ msg: [error], args: [] }] } })
}

/**
 * TransactionsApiRoute.calculateFee: the transaction a request describes (unsigned; fee, id and proofs ignored), and
 * the least fee a node takes for it now (FeeValidation.getMinFee, the rule broadcast checks): `{feeAssetId,
 * feeAmount}`, in the sponsored asset when `feeAssetId` names one.
 */
function calculateFee(chain: Chain, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw wrongJsonAt('obj', 'error.expected.jsobject')
  const request = body as Record<string, unknown>
  const dataError = 'json data validation error, see validationErrors for details'
  if (!('senderPublicKey' in request)) throw wrongJsonAt('obj.senderPublicKey', 'error.path.missing', dataError)
  if (typeof request['senderPublicKey'] !== 'string') throw wrongJsonAt('obj.senderPublicKey', 'error.expected.jsstring', dataError)
  // createTransaction: PublicKey.fromBase58String (InvalidAddress), then PublicKey's length requirement
  const senderPublicKey = decodeBase58(request['senderPublicKey'] as string)
  if ((request['senderPublicKey'] as string).length > 44 || typeof senderPublicKey === 'string') throw nodeErrors.invalidAddress()
  if (senderPublicKey.length !== 32) throw nodeErrors.custom(`requirement failed: invalid public key length: ${senderPublicKey.length}`)
  // (jsv \ "type").as[Byte]
  if (!('type' in request)) throw wrongJsonAt('obj.type', 'error.path.missing', dataError)
  if (typeof request['type'] !== 'number') throw wrongJsonAt('obj.type', 'error.expected.jsnumber', dataError)
  // the version only picks the bytes, which no fee rule reads; the timestamp defaults to now, as in the node's requests
  const { id: _id, proofs: _proofs, version: _version, ...fields } = request
  const tx = readTransaction({ timestamp: chain.clock.now(), ...fields, fee: 1234567 }, chain.chainIdByte, () => true)
  const fee = minFee(chain.state, tx, (reason) => {
    throw nodeErrors.custom(reason)
  })
  return { feeAssetId: tx.feeAssetId, feeAmount: fee.inAsset }
}

export function transactionRoutes(router: Router): void {
  router
    .on('POST', '/transactions/broadcast', (req, chain) => {
      const json = req.json()
      // BroadcastRoute reads `trace` once TransactionFactory.fromSignedRequest has read the transaction (no signature
      // check): a malformed one then falls through to the bare 404, and nothing is broadcast
      try {
        booleanQuery(req.query, 'trace')
      } catch (e) {
        readTransaction(json, chain.chainIdByte, () => true)
        throw e
      }
      return chain.broadcast(json)
    })
    .on('POST', '/transactions/calculateFee', (req, chain) => calculateFee(chain, req.json()))
    // jsonPost: a GET is 405
    .on('GET', '/transactions/calculateFee', () => {
      throw nodeErrors.methodNotAllowed()
    })
    .on('GET', '/transactions/info/{id}', (req, chain) => {
      const tx = chain.tx(pathTxId(req.params['id']!))
      if (!tx) throw nodeErrors.txNotFound()
      return txInfo(tx, chain.state)
    })
    .on('GET', '/transactions/info', (req, chain) => infoList(chain, anyIds(req, 'GET')), { singleSlash: true })
    .on('POST', '/transactions/info', (req, chain) => infoList(chain, anyIds(req, 'POST')), { singleSlash: true })
    .on('GET', '/transactions/status/{id}', (req, chain) => txStatus(chain, pathTxId(req.params['id']!)))
    .on('GET', '/transactions/status', (req, chain) => statusList(chain, anyIds(req, 'GET')), { singleSlash: true })
    .on('POST', '/transactions/status', (req, chain) => statusList(chain, anyIds(req, 'POST')), { singleSlash: true })
    .on('GET', '/transactions/merkleProof', (req, chain) => merkleProofs(chain, anyIds(req, 'GET')))
    .on('POST', '/transactions/merkleProof', (req, chain) => merkleProofs(chain, anyIds(req, 'POST')))
    // sign needs the node's api key; the dev node has none, as a node without `rest-api.api-key-hash` (ApiRoute.withAuth)
    .on('GET', '/transactions/sign', apiKeyNotValid, { singleSlash: true })
    .on('POST', '/transactions/sign', apiKeyNotValid, { singleSlash: true })
    .on('GET', '/transactions/sign/{rest*}', apiKeyNotValid)
    .on('POST', '/transactions/sign/{rest*}', apiKeyNotValid)
    .on('GET', '/transactions/unconfirmed', (_req, chain) => chain.unconfirmed().map((tx) => unconfirmedTxJson(tx, chain.state)), { singleSlash: true })
    .on('GET', '/transactions/unconfirmed/size', (_req, chain) => ({ size: chain.unconfirmedCount }))
    // utxTransactionInfo: without an id the node answers InvalidSignature
    .on('GET', '/transactions/unconfirmed/info', () => {
      throw nodeErrors.invalidSignature()
    }, { singleSlash: true })
    .on('GET', '/transactions/unconfirmed/info/{id}', (req, chain) => {
      const id = pathTxId(req.params['id']!)
      const tx = chain.unconfirmed().find((pending) => pending['id'] === id)
      if (!tx) throw nodeErrors.txNotFound()
      return unconfirmedTxJson(tx, chain.state)
    })
    .on('GET', '/transactions/address/{address}/limit/{limit}', (req, chain) => {
      const address = pathAddress(chain, req.params['address']!)
      // IntNumber: digits up to Int.MaxValue, or the path does not match at all
      const digits = req.params['limit']!
      if (!/^\d+$/.test(digits) || Number(digits) > 2 ** 31 - 1) throw nodeErrors.notFound()
      const limit = Number(digits)
      const after = req.query.get('after')
      if (after !== null && typeof decodeBase58(after) === 'string') throw nodeErrors.custom(`Unable to decode transaction id ${after}`)
      if (limit > MAX_KEYS_PER_REQUEST) throw tooBigArray()
      const page = addressHistory(chain, address, after, limit)
      // a double array, [[tx1, tx2, ...]], as the node streams it
      return [page.map((id) => forAddress(chain, address, txInfo(chain.tx(id)!, chain.state)))]
    })
}
