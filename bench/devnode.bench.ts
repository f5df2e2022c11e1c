// waves-devnode figures: signed invokes per second through HTTP broadcast (auto-mined), and data reads
// over 100,000 keys of one address. Baselines in the same run: transfers (no script) and /blocks/height.
import { createDevnode } from '../packages/devnode/src/index.ts'
import { RICH_SEED, addressOf, client, seed, wt } from '../test/waves.ts'
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

  const BATCH = 40
  let nonce = 0
  const throughput = async (make: () => object) => {
    const txs = Array.from({ length: BATCH }, make) // signed before the clock starts: the node's rate, not the client's
    const start = performance.now()
    for (const tx of txs) {
      const answer = await api.broadcast(tx)
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
    }
    return (BATCH * 1000) / (performance.now() - start)
  }
  const transfers = await repeat(RUNS, () => throughput(() => wt.transfer({ recipient: dApp, amount: 1, chainId: R, timestamp: Date.now() + nonce++ }, RICH_SEED)))
  const invokes = await repeat(RUNS, () => throughput(() => wt.invokeScript({ dApp, call: { function: 'hit', args: [{ type: 'integer', value: nonce++ }] }, chainId: R }, RICH_SEED)))
  printTable(
    'Broadcast throughput, auto-mined, one client, sequential',
    [
      { case: 'transfer (baseline, no script)', median: median(transfers), unit: 'tx/s', runs: RUNS },
      { case: 'invoke (RIDE via the REPL)', median: median(invokes), unit: 'tx/s', runs: RUNS, target: '>= 50' },
    ],
    'transfer (baseline, no script)',
  )

  // 100,000 keys on the dApp, written by invokes of 100 entries each, straight into the chain object.
  for (let from = 0; from < 100_000; from += 100) {
    const tx = wt.invokeScript({ dApp, call: { function: 'fill', args: [{ type: 'integer', value: from }] }, chainId: R, timestamp: Date.now() + nonce++ }, RICH_SEED)
    await node.broadcast(tx)
  }
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
}
