import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Inside this workspace, waves-affiliate and waves-devnode resolve to their TypeScript sources, so tests,
 * the web app and the scripts never run a stale build; their package.json files point at dist/, which is
 * what users install (test/packages.test.ts checks that). The root tsconfig's `paths` say the same for tsc
 * and tsx. `#pow-platform` is the miner's Node or browser half (packages/affiliate/package.json `imports`).
 */
export function sourceAliases(platform: 'node' | 'browser') {
  return [
    { find: /^waves-affiliate$/, replacement: source('./packages/affiliate/src/index.ts') },
    { find: /^waves-affiliate\/pow$/, replacement: source('./packages/affiliate/src/pow/index.ts') },
    { find: /^waves-affiliate\/dev-wallet$/, replacement: source('./packages/affiliate/src/dev-wallet.ts') },
    { find: /^waves-affiliate\/login$/, replacement: source('./packages/affiliate/src/login.ts') },
    { find: /^waves-devnode$/, replacement: source('./packages/devnode/src/index.ts') },
    { find: /^#pow-platform$/, replacement: source(`./packages/affiliate/src/pow/platform.${platform}.ts`) },
  ]
}

// Vitest runs every project in Node (happy-dom included), so the miner spawns worker_threads there too
const node = { alias: sourceAliases('node') }

// One Vitest project per part; each test file sits next to the code it tests.
export default defineConfig({
  test: {
    projects: [
      { resolve: node, test: { name: 'devnode', include: ['packages/devnode/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { resolve: node, test: { name: 'affiliate', include: ['packages/affiliate/src/**/*.test.ts'], testTimeout: 60_000 } },
      { resolve: node, test: { name: 'contract', include: ['ride/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { plugins: [vue()], resolve: node, test: { name: 'demo', include: ['apps/demo/src/**/*.test.ts'], environment: 'happy-dom', testTimeout: 60_000, hookTimeout: 60_000 } },
      { resolve: node, test: { name: 'journeys', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
})
