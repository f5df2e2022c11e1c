import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// One Vitest project per part; each test file sits next to the code it tests.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'devnode', include: ['packages/devnode/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'affiliate', include: ['packages/affiliate/src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'contract', include: ['ride/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { plugins: [vue()], test: { name: 'demo', include: ['apps/demo/src/**/*.test.ts'], environment: 'happy-dom', testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'journeys', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
})
