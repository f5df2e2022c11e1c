// waves-devnode figures: signed invokes per second through HTTP broadcast (auto-mined), what one invoke costs
// against a plain transfer, the affiliate `fund` on the RIDE engine in-process, the first call after a SetScript, and
// data reads over 100,000 keys of one address. Baselines in the same run: transfers (no script) and /blocks/height.
import { chainEnvironment } from '../packages/devnode/src/chain/environment.ts'
import { createDevnode } from '../packages/devnode/src/index.ts'
import { runCallable } from '../packages/devnode/src/ride/evaluate/dapp.ts'
import { readScript } from '../packages/devnode/src/ride/script/reader.ts'
import { type Program, invokeTx, register, startProgram } from '../test/affiliate.ts'
import { RICH_SEED, addressOf, client, crypto, seed, wt } from '../test/waves.ts'
import { median, printTable, repeat } from './lib.ts'

const R = 'R'
const RUNS = 5

export default async function bench(): Promise<void> {
  const node = await createDevnode()
  const api = client(node.url)
  const dAppSeed = seed('bench dapp')
  const dApp = addressOf(dAppSeed)
  await api.broadcast(wt.transfer({ recipient: dApp, amount: 100_00000000, chainId: R }, RICH_SEED))
  const source = `{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func hit(n: Int) = [IntegerEntry(toString(i.caller) + "_n", getInteger(this, toString(i.caller) + "_n").valueOrElse(0) + n), IntegerEntry("at", lastBlock.timestamp)]
@Callable(i)
func fill(from: Int) = {
  func put(acc: List[IntegerEntry], k: Int) = acc :+ IntegerEntry("key_" + toString(from + k), k)
  FOLD<100>([0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99], [], put)
}`
  const compiled = (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body as { script: string }
  await api.broadcast(wt.setScript({ script: compiled.script, chainId: R, fee: 1_400_000 }, dAppSeed))

  // 200 a run: batches of 40 left the ratio to JIT warm-up and to whatever else the machine did in 50 ms
  const BATCH = 200
  let nonce = 0
  const throughput = async (make: () => object, inProcess = false) => {
    const txs = Array.from({ length: BATCH }, make) // signed before the clock starts: the node's rate, not the client's
    const start = performance.now()
    for (const tx of txs) {
      if (inProcess) {
        await node.broadcast(JSON.parse(JSON.stringify(tx)) as object)
        continue
      }
      const answer = await api.broadcast(tx)
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
    }
    return (BATCH * 1000) / (performance.now() - start)
  }
  const transfer = () => wt.transfer({ recipient: dApp, amount: 1, chainId: R, timestamp: Date.now() + nonce++ }, RICH_SEED)
  const invoke = () => wt.invokeScript({ dApp, call: { function: 'hit', args: [{ type: 'integer', value: nonce++ }] }, chainId: R }, RICH_SEED)
  // runs alternate, so that both cases meet the same machine (other processes, the garbage collector, a grown chain)
  const transfers: number[] = []
  const invokes: number[] = []
  // warm-up: the JIT settles both paths before anything is counted
  for (let warm = 0; warm < 2; warm++) {
    await throughput(transfer)
    await throughput(invoke)
  }
  for (let run = 0; run < RUNS; run++) {
    transfers.push(await throughput(transfer))
    invokes.push(await throughput(invoke))
  }
  printTable(
    'Broadcast throughput, auto-mined, one client, sequential',
    [
      { case: 'transfer (baseline, no script)', median: median(transfers), unit: 'tx/s', runs: RUNS },
      { case: 'invoke of a small dApp (RIDE engine)', median: median(invokes), unit: 'tx/s', runs: RUNS, target: '>= 50' },
    ],
    'transfer (baseline, no script)',
  )
  printTable(
    'Cost of one broadcast over HTTP, auto-mined (ms per transaction, from the same runs)',
    [
      { case: 'transfer (baseline, no script)', median: 1000 / median(transfers), unit: 'ms', runs: RUNS },
      { case: 'invoke of a small dApp (RIDE engine)', median: 1000 / median(invokes), unit: 'ms', runs: RUNS, target: '<= 1.25x' },
    ],
    'transfer (baseline, no script)',
  )
  // The same without HTTP (node.broadcast): what the node itself spends, apart from the sockets of one process.
  const transfersInProcess: number[] = []
  const invokesInProcess: number[] = []
  await throughput(transfer, true)
  await throughput(invoke, true)
  for (let run = 0; run < RUNS; run++) {
    transfersInProcess.push(await throughput(transfer, true))
    invokesInProcess.push(await throughput(invoke, true))
  }
  printTable(
    'Cost of one broadcast in-process, auto-mined (ms per transaction)',
    [
      { case: 'transfer (baseline, no script)', median: 1000 / median(transfersInProcess), unit: 'ms', runs: RUNS },
      { case: 'invoke of a small dApp (RIDE engine)', median: 1000 / median(invokesInProcess), unit: 'ms', runs: RUNS },
    ],
    'transfer (baseline, no script)',
  )

  await idleConnectionsClosed()

  // The first call after a SetScript reads the script's bytes into terms; later calls reuse them.
  const firstCalls: number[] = []
  const laterCalls: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const fresh = seed(`bench fresh dapp ${run}`)
    await api.broadcast(wt.transfer({ recipient: addressOf(fresh), amount: 10_00000000, chainId: R, timestamp: Date.now() + nonce++ }, RICH_SEED))
    await api.broadcast(wt.setScript({ script: compiled.script, chainId: R, fee: 1_400_000, timestamp: Date.now() + nonce++ }, fresh))
    const call = () => wt.invokeScript({ dApp: addressOf(fresh), call: { function: 'hit', args: [{ type: 'integer', value: nonce++ }] }, chainId: R }, RICH_SEED)
    const timedCall = async () => {
      const tx = call()
      const start = performance.now()
      const answer = await api.broadcast(tx)
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
      return performance.now() - start
    }
    firstCalls.push(await timedCall())
    for (let i = 0; i < 5; i++) laterCalls.push(await timedCall())
  }
  printTable(
    'The first invoke after a SetScript (HTTP, ms)',
    [
      { case: 'later invokes of the same dApp (baseline)', median: median(laterCalls), unit: 'ms', runs: laterCalls.length },
      { case: 'first invoke after SetScript', median: median(firstCalls), unit: 'ms', runs: RUNS },
    ],
    'later invokes of the same dApp (baseline)',
  )

  // 100,000 keys on the dApp, written by invokes of 100 entries each, straight into the chain object.
  for (let from = 0; from < 100_000; from += 100) {
    const tx = wt.invokeScript({ dApp, call: { function: 'fill', args: [{ type: 'integer', value: from }] }, chainId: R, timestamp: Date.now() + nonce++ }, RICH_SEED)
    await node.broadcast(tx)
  }
  await idleConnectionsClosed()
  const timed = async (path: string, body?: unknown) => {
    const start = performance.now()
    const answer = body === undefined ? await api.get(path) : await api.post(path, body)
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
    return performance.now() - start
  }
  const height = await repeat(RUNS * 4, () => timed('/blocks/height'))
  const single = await repeat(RUNS * 4, () => timed(`/addresses/data/${dApp}/key_77777`))
  const matchesFew = await repeat(RUNS, () => timed(`/addresses/data/${dApp}?matches=${encodeURIComponent('key_7777.')}`))
  const matchesAll = await repeat(RUNS, () => timed(`/addresses/data/${dApp}?matches=${encodeURIComponent('key_.*')}`))
  const postKeys = await repeat(RUNS, () => timed(`/addresses/data/${dApp}`, { keys: Array.from({ length: 1000 }, (_, i) => `key_${i * 97}`) }))
  printTable(
    'Data reads over 100,000 keys of one address (HTTP, ms)',
    [
      { case: '/blocks/height (baseline)', median: median(height), unit: 'ms', runs: height.length },
      { case: 'single key', median: median(single), unit: 'ms', runs: single.length, target: '< 2' },
      { case: 'matches, 10 hits', median: median(matchesFew), unit: 'ms', runs: RUNS, target: '< 200' },
      { case: 'matches, all 100,000 hits', median: median(matchesAll), unit: 'ms', runs: RUNS },
      { case: 'POST 1,000 keys', median: median(postKeys), unit: 'ms', runs: RUNS },
    ],
    '/blocks/height (baseline)',
  )
  await node.close()
  await affiliateFund()
}

/**
 * After in-process work that kept the event loop busy past the server's keep-alive timeout, lets the idle HTTP
 * connections close before the client reuses one (a reused connection the server just closed resets).
 */
function idleConnectionsClosed(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200))
}

/**
 * The affiliate `fund` on a tree root <- alice <- bob <- carol <- dave: dave's payment split over three levels. Timed
 * three ways: the engine alone (read script, evaluate the callable over the chain's state: what a call costs the
 * RIDE engine), a whole in-process broadcast (checks, evaluation, actions, block), and reading the dApp's bytes.
 */
async function affiliateFund(): Promise<void> {
  const p: Program = await startProgram({ config: { powBits: 0, minFund: 1n, hosts: [] } })
  try {
    const { alice, bob, carol, dave } = p.users
    await register(p, alice.seed, p.dApp)
    await register(p, bob.seed, alice.address)
    await register(p, carol.seed, bob.address)
    await register(p, dave.seed, carol.address)
    const state = p.node.chain.state
    const bytes = Uint8Array.from(Buffer.from(state.scripts.get(p.dApp)!.base64, 'base64'))
    const script = readScript(bytes)
    if (script.kind !== 'dapp') throw new Error('the affiliate script is not a dApp')
    const caller = crypto.base58Decode(dave.address)
    const callerPublicKey = crypto.base58Decode(crypto.publicKey(dave.seed))
    const evaluate = () => {
      const start = performance.now()
      const outcome = runCallable(
        script,
        { function: 'fund', args: [] },
        {
          caller,
          callerPublicKey,
          originCaller: caller,
          originCallerPublicKey: callerPublicKey,
          payments: [{ assetId: null, amount: 100_000_000n }],
          transactionId: new Uint8Array(32).fill(7),
          fee: 500_000n,
          feeAssetId: null,
        },
        { env: chainEnvironment(state, { chainId: 82, thisAddress: p.dApp, txId: '8'.repeat(44) }) },
      )
      const ms = performance.now() - start
      if (!outcome.ok) throw new Error(outcome.error.message)
      return ms
    }
    const evaluations = await repeat(RUNS * 4, evaluate)
    const reads = await repeat(RUNS * 4, () => {
      const start = performance.now()
      readScript(bytes)
      return performance.now() - start
    })
    const broadcasts = await repeat(RUNS * 4, async () => {
      const tx = invokeTx(p, dave.seed, 'fund', [], { amount: 100_000_000n })
      const start = performance.now()
      await p.node.broadcast(tx)
      return performance.now() - start
    })
    printTable(
      `The affiliate fund() in-process (ms; ${bytes.length} bytes of script)`,
      [
        { case: 'fund evaluated by the engine', median: median(evaluations), unit: 'ms', runs: evaluations.length },
        { case: 'fund broadcast in-process (whole transaction)', median: median(broadcasts), unit: 'ms', runs: broadcasts.length },
        { case: 'reading the dApp bytes (first call after SetScript)', median: median(reads), unit: 'ms', runs: reads.length },
      ],
      'fund evaluated by the engine',
    )
  } finally {
    await p.close()
  }
}
