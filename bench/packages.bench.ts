// The packages as users get them: the browser quick start of packages/affiliate/README.md, built by Vite
// in a project that installed the packed tarballs (test/packages.ts), and the JavaScript its first load
// downloads, gzipped. `npx tsx bench/run.ts packages`
//
// Target: a page that only reads loads at most 40 KB gzipped at first; Signer, the transaction
// builder and the miner load on demand. Figures only; nothing here asserts.
import { join } from 'node:path'
import { PROJECT, buildWeb, firstLoad, prepareProject } from '../test/packages.ts'
import { printTable, type Row } from './lib.ts'

const KB = 1024

export default async function bench(): Promise<void> {
  const prepared = await prepareProject()
  const build = await buildWeb()
  if (build.code !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`)
  const { initial, lazy } = firstLoad(join(PROJECT, 'web/dist'))
  const sum = (files: { gz: number }[]) => files.reduce((total, f) => total + f.gz, 0)
  const rows: Row[] = [
    { case: `first load (${initial.length} file${initial.length === 1 ? '' : 's'}: entry + preloads)`, median: sum(initial) / KB, unit: 'KB gz', runs: 1, target: '<= 40' },
    ...lazy.map((f) => ({ case: `  on demand: ${f.file}`, median: f.gz / KB, unit: 'KB gz', runs: 1 })),
  ]
  printTable('the browser quick start (Vite build of the packed waves-affiliate), gzip -9', rows)
  console.log(`\nnpm pack of both packages (their builds): ${(prepared.ms.pack / 1000).toFixed(1)} s; npm install of the tarballs: ${(prepared.ms.install / 1000).toFixed(1)} s`)
}
