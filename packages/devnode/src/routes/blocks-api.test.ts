// /blocks, /node, /utils/time, /activation/status and /blockchain/rewards as a node answers them, on a dev node whose
// clock stands still (blocks 1-11 a minute apart, later blocks 1 ms apart).
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, crypto, seed, wt } from '../../../../test/waves.ts'
import { GENESIS_BALANCE } from '../constants.ts'
import { createDevnode, type Devnode } from '../index.ts'

const NOW = Date.UTC(2027, 0, 1)
/** the genesis block: INITIAL_HEIGHT (11) minutes before the clock */
const GENESIS_TIME = NOW - 11 * 60_000
const LSF = { accept: 'application/json;large-significand-format=string' }
const NOT_FOUND = 'The requested resource could not be found.'
/** the Waves protobuf schemas @waves/waves-transactions serializes with */
const { waves: proto } = createRequire(import.meta.url)('@waves/protobuf-serialization') as typeof import('@waves/protobuf-serialization')

let node: Devnode
let api: ReturnType<typeof client>
let transferId: string
let transfer: ReturnType<typeof wt.transfer>

beforeAll(async () => {
  node = await createDevnode({ clock: () => NOW })
  api = client(node.url)
  const tx = wt.transfer({ recipient: addressOf(seed('blocks')), amount: 5_00000000, fee: 100_000, chainId: 'R', timestamp: NOW }, RICH_SEED)
  transferId = tx.id
  transfer = tx
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
})

afterAll(() => node.close())

const get = async (path: string, headers?: Record<string, string>) => {
  const answer = await api.get(path, headers)
  return { status: answer.status, body: answer.body }
}

describe('block JSON', () => {
  it('prints a version 5 header in BlockMeta.json order, with the reward of a custom chain', async () => {
    // BlockHeaderSerializer.toJson (version, timestamp, reference, nxt-consensus, transactionsRoot, id, features,
    // desiredReward, generator, generatorPublicKey, signature, blocksize, transactionCount), then BlockMeta.json
    // (height, totalFee, reward, rewardShares, VRF)
    const { status, body } = await get('/blocks/headers/at/2')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual([
      'version', 'timestamp', 'reference', 'nxt-consensus', 'transactionsRoot', 'id', 'features', 'desiredReward',
      'generator', 'generatorPublicKey', 'signature', 'blocksize', 'transactionCount', 'height', 'totalFee', 'reward',
      'rewardShares', 'VRF',
    ])
    const genesis = (await get('/blocks/headers/at/1')).body
    expect(body).toMatchObject({
      version: 5,
      timestamp: GENESIS_TIME + 60_000,
      reference: genesis.id,
      features: [],
      desiredReward: -1,
      transactionCount: 0,
      height: 2,
      totalFee: 0,
      reward: 600_000_000,
      rewardShares: { [body.generator]: 600_000_000 },
      VRF: body['nxt-consensus']['generation-signature'],
    })
    expect(body.generator).toBe(crypto.address({ publicKey: body.generatorPublicKey }, 'R'))
  })

  it('prints a whole block as the header, fee and the transactions with their applicationStatus', async () => {
    // BlocksApiRoute.transactionField: fee (the WAVES fees), then each transaction with applicationStatus (version 5)
    const block = (await get('/blocks/at/12')).body
    const header = (await get('/blocks/headers/at/12')).body
    const info = (await get(`/transactions/info/${transferId}`)).body
    expect(Object.keys(block)).toEqual([...Object.keys(header), 'fee', 'transactions'])
    expect(block).toMatchObject({ ...header, fee: 100_000, transactionCount: 1, totalFee: 100_000, height: 12, timestamp: NOW })
    const { height: _height, spentComplexity: _spent, ...tx } = info
    expect(block.transactions).toEqual([tx])
    expect(block.transactions[0].applicationStatus).toBe('succeeded')
    expect((await get('/blocks/last')).body).toEqual(block)
    expect((await get('/blocks/headers/last')).body).toEqual(header)
  })

  it('prints the genesis block as version 1: no transactionsRoot, features, desiredReward or VRF; the id after the size', async () => {
    // BlockHeaderSerializer.toJson below NgBlockVersion and RewardBlockVersion; the id of a version 1 block is its
    // signature; ConsensusImprovements leaves block 1 without a reward (meta reward 0, no shares)
    const { body } = await get('/blocks/at/1')
    expect(Object.keys(body)).toEqual([
      'version', 'timestamp', 'reference', 'nxt-consensus', 'generator', 'generatorPublicKey', 'stateHash', 'signature',
      'blocksize', 'transactionCount', 'id', 'height', 'totalFee', 'reward', 'rewardShares', 'fee', 'transactions',
    ])
    expect(body).toMatchObject({ version: 1, timestamp: GENESIS_TIME, transactionCount: 1, height: 1, totalFee: 0, reward: 0, rewardShares: {}, fee: 0 })
    // BlockSerializer.toBytes, version 1: 218 bytes and 4 + 43 per genesis transaction
    expect(body.blocksize).toBe(265)
    // transactionField: no applicationStatus in blocks before version 5
    const rich = addressOf(RICH_SEED)
    const genesisTx = body.transactions[0]
    expect(genesisTx).toEqual({ type: 1, id: genesisTx.id, fee: 0, timestamp: GENESIS_TIME, signature: genesisTx.id, recipient: rich, amount: Number(GENESIS_BALANCE) })
    // TxStateSnapshotHashBuilder.createGenesisStateHash: blake2b(blake2b("") ++ blake2b(recipient ++ balance))
    const entry = new Uint8Array(34)
    entry.set(crypto.base58Decode(rich))
    new DataView(entry.buffer).setBigInt64(26, GENESIS_BALANCE)
    const init = crypto.blake2b(new Uint8Array(0))
    expect(body.stateHash).toBe(crypto.base58Encode(crypto.blake2b(new Uint8Array([...init, ...crypto.blake2b(entry)]))))
  })

  it('makes the genesis block as Block.genesis does: its reference, generation signature and generator, signed', async () => {
    const { body } = await get('/blocks/at/1')
    // Block.GenesisReference (64 bytes of 0xFF), GenesisGenerationSignature (32 zero bytes), GenesisGenerator
    // (KeyPair(ByteStr.empty): the Curve25519 key of SHA-256 of nothing)
    expect(body.reference).toBe(crypto.base58Encode(new Uint8Array(64).fill(0xff)))
    expect(body['nxt-consensus']).toEqual({ 'base-target': 60, 'generation-signature': '11111111111111111111111111111111' })
    expect(body.generatorPublicKey).toBe('2eEUvypDSivnzPiLrbYEW39SM8yMZ1aq4eJuiKfs4sEY')
    expect(body.generator).toBe(crypto.address({ publicKey: body.generatorPublicKey }, 'R'))
    expect(body.id).toBe(body.signature)
    expect(crypto.base58Decode(body.id)).toHaveLength(64)
    // BlockSerializer.toBytes, version 1, without the signature: what the signature signs
    const long = (n: bigint) => {
      const b = new Uint8Array(8)
      new DataView(b.buffer).setBigInt64(0, n)
      return [...b]
    }
    const int = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
    const tx = body.transactions[0]
    const txBytes = [1, ...long(BigInt(tx.timestamp)), ...crypto.base58Decode(tx.recipient), ...long(BigInt(GENESIS_BALANCE))]
    const bodyBytes = new Uint8Array([
      1, ...long(BigInt(body.timestamp)), ...crypto.base58Decode(body.reference), ...int(40), ...long(60n), ...new Uint8Array(32),
      ...int(1 + 4 + txBytes.length), 1, ...int(txBytes.length), ...txBytes,
      ...crypto.base58Decode(body.generatorPublicKey),
    ])
    expect(bodyBytes.length + 64).toBe(body.blocksize)
    expect(crypto.verifySignature(body.generatorPublicKey, bodyBytes, body.signature)).toBe(true)
    // GenesisTransaction.generateSignature: the id is blake2b of type (4 bytes), timestamp, recipient and amount, twice
    const hash = crypto.blake2b(new Uint8Array([...int(1), ...txBytes.slice(1)]))
    expect(tx.id).toBe(crypto.base58Encode(new Uint8Array([...hash, ...hash])))
  })

  it('roots the transactions of a version 5 block in their merkle tree', async () => {
    // block/package.scala mkTransactionsRoot: Merkle.mkLevels over blake2b256 of each signed protobuf transaction;
    // a lone node is paired with blake2b256 of one zero byte, which is also the root of a block without transactions
    const empty = crypto.blake2b(Uint8Array.of(0))
    expect((await get('/blocks/headers/at/5')).body.transactionsRoot).toBe(crypto.base58Encode(empty))
    // PBTransactionSerializer.bytes: SignedTransaction {1: the protobuf Transaction, 2: each proof} (both under 128 bytes)
    const body = wt.protoSerialize.txToProtoBytes(transfer)
    const proof = crypto.base58Decode(transfer.proofs[0]!)
    const leaf = crypto.blake2b(new Uint8Array([0x0a, body.length, ...body, 0x12, proof.length, ...proof]))
    expect((await get('/blocks/headers/at/12')).body.transactionsRoot).toBe(crypto.base58Encode(crypto.blake2b(new Uint8Array([...leaf, ...empty]))))
  })

  it('gives blocks from height 1,000 a state hash, as LightNode active from 0 does', async () => {
    // Blockchain.supportsLightNodeBlockFields: activation height + light-node-block-fields-absence-interval (1,000)
    const long = await createDevnode({ clock: () => NOW, autoMine: false })
    try {
      while (long.chain.height < 1_000) await long.mine()
      const longApi = client(long.url)
      expect(Object.keys((await longApi.get('/blocks/headers/at/999')).body)).not.toContain('stateHash')
      const header = (await longApi.get('/blocks/headers/at/1000')).body
      expect(Object.keys(header).slice(8, 12)).toEqual(['generator', 'generatorPublicKey', 'stateHash', 'signature'])
      expect(crypto.base58Decode(header.stateHash)).toHaveLength(32)
    } finally {
      await long.close()
    }
  })

  it('sizes a version 5 block as its protobuf bytes: the header as printed, the signature and the signed transactions', async () => {
    // Block.bytes of ProtoBlockVersion: PBBlocks.protobuf (chain id, reference, base target, generation signature,
    // timestamp, version, generator key, reward vote, transactions root)
    const header = (await get('/blocks/headers/at/12')).body
    const bytes = proto.Block.encode({
      header: {
        chainId: 82,
        reference: crypto.base58Decode(header.reference),
        baseTarget: header['nxt-consensus']['base-target'],
        generationSignature: crypto.base58Decode(header['nxt-consensus']['generation-signature']),
        timestamp: header.timestamp,
        version: 5,
        generator: crypto.base58Decode(header.generatorPublicKey),
        rewardVote: -1,
        transactionsRoot: crypto.base58Decode(header.transactionsRoot),
      },
      signature: crypto.base58Decode(header.signature),
      transactions: [proto.SignedTransaction.decode(wt.protoSerialize.signedTxToProtoBytes(transfer))],
    }).finish()
    expect(header.blocksize).toBe(bytes.length)
  })

  it('writes the reward, its shares, the fees and desiredReward as strings under large-significand-format=string', async () => {
    // CustomJson.fieldNamesToTranslate: reward, rewardShares, totalFee, fee, desiredReward
    const { body } = await get('/blocks/at/12', LSF)
    expect(body).toMatchObject({ desiredReward: '-1', totalFee: '100000', fee: '100000', reward: '600000000', rewardShares: { [body.generator]: '600000000' } })
    expect(body.height).toBe(12)
    expect(body.transactions[0].amount).toBe('500000000')
  })
})

describe('/blocks by id, range, generator and time', () => {
  it('finds a block, its header and its height by id', async () => {
    const block = (await get('/blocks/at/7')).body
    const { fee: _fee, transactions: _txs, ...header } = block
    expect(await get(`/blocks/${block.id}`)).toEqual({ status: 200, body: block })
    expect(await get(`/blocks/headers/${block.id}`)).toEqual({ status: 200, body: header })
    expect(await get(`/blocks/height/${block.id}`)).toEqual({ status: 200, body: { height: 7 } })
    const genesis = (await get('/blocks/at/1')).body
    expect(await get(`/blocks/height/${genesis.id}`)).toEqual({ status: 200, body: { height: 1 } })
  })

  it('refuses an id as the BlockId matcher does (4002) and an unknown one with 301', async () => {
    // api/http/package.scala idOrHash: 32 or 64 bytes; Base58 decoding's own text otherwise
    expect(await get('/blocks/first')).toEqual({ status: 400, body: { error: 4002, message: 'first has invalid length 4. Length can either be 32 or 64' } })
    expect(await get('/blocks/height/0OIl')).toEqual({
      status: 400,
      body: { error: 4002, message: "requirement failed: Wrong char '0' in Base58 string '0OIl'" },
    })
    expect(await get(`/blocks/headers/${'2'.repeat(193)}`)).toEqual({
      status: 400,
      body: { error: 4002, message: 'requirement failed: base58Decode input exceeds 192' },
    })
    // ApiError.BlockDoesNotExist
    const unknown = crypto.base58Encode(new Uint8Array(32).fill(7))
    for (const path of [`/blocks/${unknown}`, `/blocks/headers/${unknown}`, `/blocks/height/${unknown}`, '/blocks/at/0', '/blocks/at/13', '/blocks/headers/at/99']) {
      expect(await get(path)).toEqual({ status: 404, body: { error: 301, message: 'block does not exist' } })
    }
  })

  it('leaves a height that is not an Int to no route: akka-http answers its bare 404', async () => {
    // path("at" / IntNumber): a negative, decimal or overflowing number does not match
    for (const path of ['/blocks/at/abc', '/blocks/at/-1', '/blocks/at/2147483648', '/blocks/headers/at/1.5', '/blocks/seq/a/2', '/blocks/delay/' + crypto.base58Encode(new Uint8Array(32)) + '/x']) {
      expect(await get(path)).toEqual({ status: 404, body: NOT_FOUND })
    }
  })

  it('reads ranges of at most 100 heights, from 0 meaning the current height, up to the last block', async () => {
    // BlocksApiRoute.seq: end - start < blocks-request-limit (100); CommonBlocksApi.blocksRange stops at the last block
    const headers = (await get('/blocks/headers/seq/10/20')).body
    expect(headers.map((h: { height: number }) => h.height)).toEqual([10, 11, 12])
    expect(headers[0]).toEqual((await get('/blocks/headers/at/10')).body)
    const blocks = (await get('/blocks/seq/11/12')).body
    expect(blocks).toEqual([(await get('/blocks/at/11')).body, (await get('/blocks/at/12')).body])
    // CommonBlocksApi.fixHeight: 0 is the current height (12), so 0..12 is the last block alone
    expect((await get('/blocks/headers/seq/0/12')).body.map((h: { height: number }) => h.height)).toEqual([12])
    expect((await get('/blocks/seq/1/100')).body).toHaveLength(12)
    // ApiError.TooBigArrayAllocation (no limit in the text)
    const tooBig = { status: 400, body: { error: 10, message: 'Too big sequence requested' } }
    expect(await get('/blocks/seq/1/101')).toEqual(tooBig)
    expect(await get('/blocks/headers/seq/5/4')).toEqual(tooBig)
    expect(await get(`/blocks/address/${addressOf(RICH_SEED)}/1/101`)).toEqual(tooBig)
  })

  it('lists the blocks an address generated', async () => {
    // CommonBlocksApi.blocksRange(from, to, generator): whole blocks whose generator is the address
    const header = (await get('/blocks/headers/at/5')).body
    const mine = (await get(`/blocks/address/${header.generator}/4/6`)).body
    expect(mine).toEqual([(await get('/blocks/at/4')).body, (await get('/blocks/at/5')).body, (await get('/blocks/at/6')).body])
    expect((await get(`/blocks/address/${addressOf(RICH_SEED)}/1/12`)).body).toEqual([])
    // AddrSegment: a base58 failure is a GenericError, wrong bytes InvalidAddress
    expect(await get('/blocks/address/0OIl/1/2')).toEqual({ status: 400, body: { error: 199, message: "requirement failed: Wrong char '0' in Base58 string '0OIl'" } })
    expect(await get('/blocks/address/3MabC/1/2')).toEqual({ status: 400, body: { error: 102, message: 'invalid address' } })
  })

  it('gives the mean delay of the last blocks before a block', async () => {
    // CommonBlocksApi.blockDelay: (ts(h) - ts(h - n)) / n over the blocks that exist
    const eleven = (await get('/blocks/headers/at/11')).body
    expect(await get(`/blocks/delay/${eleven.id}/3`)).toEqual({ status: 200, body: { delay: 60_000 } })
    expect(await get(`/blocks/delay/${eleven.id}/0`)).toEqual({ status: 200, body: { delay: 60_000 } })
    // block 12 came 60 s after block 11, and block 1 is the first: 11 intervals of a minute
    const twelve = (await get('/blocks/headers/at/12')).body
    expect(await get(`/blocks/delay/${twelve.id}/500`)).toEqual({ status: 200, body: { delay: 60_000 } })
    // BlocksApiRoute: MaxBlocksForDelay
    expect(await get(`/blocks/delay/${twelve.id}/10001`)).toEqual({ status: 400, body: { error: 10, message: 'Too big sequence requested: max limit is 10000 entries' } })
    expect(await get(`/blocks/delay/${crypto.base58Encode(new Uint8Array(64))}/5`)).toEqual({ status: 404, body: { error: 301, message: 'block does not exist' } })
  })

  it('finds the height of a time as heightByTimestamp does', async () => {
    // BlocksApiRoute.heightByTimestamp: the last block at or before the time
    expect((await get(`/blocks/heightByTimestamp/${GENESIS_TIME}`)).body).toEqual({ height: 1 })
    expect((await get(`/blocks/heightByTimestamp/${GENESIS_TIME + 60_000 - 1}`)).body).toEqual({ height: 1 })
    expect((await get(`/blocks/heightByTimestamp/${GENESIS_TIME + 5 * 60_000 + 1}`)).body).toEqual({ height: 6 })
    expect((await get(`/blocks/heightByTimestamp/${NOW}`)).body).toEqual({ height: 12 })
    expect(await get(`/blocks/heightByTimestamp/${NOW + 1}`)).toEqual({ status: 400, body: { error: 199, message: 'Indicated timestamp belongs to the future' } })
    expect(await get(`/blocks/heightByTimestamp/${GENESIS_TIME - 1}`)).toEqual({
      status: 400,
      body: { error: 199, message: 'Indicated timestamp is before the start of the blockchain' },
    })
    // LongNumber: past 2^63 - 1 no route matches
    expect(await get('/blocks/heightByTimestamp/9223372036854775808')).toEqual({ status: 404, body: NOT_FOUND })
    expect(await get('/blocks/height')).toEqual({ status: 200, body: { height: 12 } })
  })
})

describe('/node and /utils/time', () => {
  it('prints the status with the last block time as java.time.Instant prints it', async () => {
    // NodeApiRoute.status: Instant.toString leaves out a zero fraction
    expect(await get('/node/status')).toEqual({
      status: 200,
      body: { blockchainHeight: 12, stateHeight: 12, updatedTimestamp: NOW, updatedDate: '2027-01-01T00:00:00Z' },
    })
    expect(await get('/utils/time')).toEqual({ status: 200, body: { system: NOW, NTP: NOW } })
    expect((await get('/node/version')).body.version).toMatch(/^Waves v1\.5\.7\b/)
  })

  it('refuses /node/stop as a node without an api key does', async () => {
    // NodeApiRoute.stop is withAuth; ApiError.ApiKeyNotValid
    const answer = await api.post('/node/stop', '', { 'X-API-Key': 'anything' })
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 403, body: { error: 2, message: 'Provided API key is not correct' } })
  })
})

describe('/activation/status', () => {
  it('lists every feature of the node, pre-activated at 0 up to Light Node, Boost Block Reward being voted', async () => {
    // ActivationApiRoute with custom-defaults.conf (feature-check-blocks-period 10000, blocks-for-feature-activation
    // 9000); FeatureActivationStatus writes activationHeight when activated, supportingBlocks while voting
    const { status, body } = await get('/activation/status')
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['height', 'votingInterval', 'votingThreshold', 'nextCheck', 'features'])
    expect(body).toMatchObject({ height: 12, votingInterval: 10_000, votingThreshold: 9_000, nextCheck: 10_000 })
    expect(body.features.map((f: { id: number }) => f.id)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1))
    expect(body.features[0]).toEqual({ id: 1, description: 'Minimum Generating Balance of 1000 WAVES', blockchainStatus: 'ACTIVATED', nodeStatus: 'IMPLEMENTED', activationHeight: 0 })
    expect(body.features[14]).toEqual({ id: 15, description: 'Ride V4, VRF, Protobuf, Failed transactions', blockchainStatus: 'ACTIVATED', nodeStatus: 'IMPLEMENTED', activationHeight: 0 })
    expect(body.features[21]).toEqual({ id: 22, description: 'Light Node', blockchainStatus: 'ACTIVATED', nodeStatus: 'IMPLEMENTED', activationHeight: 0 })
    expect(body.features[22]).toEqual({ id: 23, description: 'Boost Block Reward', blockchainStatus: 'VOTING', nodeStatus: 'IMPLEMENTED', supportingBlocks: 0 })
  })
})

describe('/blockchain/rewards', () => {
  // RewardApiRoute.getRewards with rewards.initial 600,000,000, min-increment 50,000,000, voting-interval 10,000 and
  // CappedReward active (term-after-capped-reward-feature 50,000); no votes, no DAO or XTN buy-back address
  const status = (height: number, total: bigint) => ({
    height,
    totalWavesAmount: Number(total),
    currentReward: 600_000_000,
    minIncrement: 50_000_000,
    term: 50_000,
    nextCheck: 49_999,
    votingIntervalStart: 40_000,
    votingInterval: 10_000,
    votingThreshold: 5_001,
    votes: { increase: 0, decrease: 0 },
    daoAddress: null,
    xtnBuybackAddress: null,
  })

  it('prints the reward status now and at a height: the genesis amount and 600,000,000 for each block after it', async () => {
    expect(await get('/blockchain/rewards')).toEqual({ status: 200, body: status(12, GENESIS_BALANCE + 11n * 600_000_000n) })
    expect(await get('/blockchain/rewards/2')).toEqual({ status: 200, body: status(2, GENESIS_BALANCE + 600_000_000n) })
    const strings = (await get('/blockchain/rewards/5', LSF)).body
    expect(strings).toMatchObject({ totalWavesAmount: String(GENESIS_BALANCE + 4n * 600_000_000n), currentReward: '600000000', minIncrement: '50000000', term: 50_000 })
  })

  it('refuses a height above the chain and the genesis height, which has no reward', async () => {
    expect(await get('/blockchain/rewards/13')).toEqual({ status: 400, body: { error: 199, message: 'Invalid height: 13' } })
    expect(await get('/blockchain/rewards/1')).toEqual({ status: 400, body: { error: 199, message: 'No information about rewards at height = 1' } })
    expect(await get('/blockchain/rewards/0')).toEqual({ status: 400, body: { error: 199, message: 'No information about rewards at height = 0' } })
    expect(await get('/blockchain/rewards/-1')).toEqual({ status: 404, body: NOT_FOUND })
  })
})
