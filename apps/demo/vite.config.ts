// Builds the SPA (`npx vite build apps/demo`); the Vitest project `demo` in the root config reuses the
// Vue plugin. `config.json` is not part of the build: whoever serves dist/ puts it beside index.html.
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { sourceAliases } from '../../vite.config.ts'

export default defineConfig({
  root: import.meta.dirname,
  // the messages are compiled at build time, so the page ships vue-i18n's runtime without its compiler
  plugins: [vue(), VueI18nPlugin({ include: [`${import.meta.dirname}/src/locales/*.ts`], runtimeOnly: true, compositionOnly: true, fullInstall: false, dropMessageCompiler: true })],
  // waves-affiliate from its sources, as everywhere in the workspace (see the root vite.config.ts)
  resolve: { alias: sourceAliases('browser') },
  // every component is <script setup>: Vue's Options API stays out of the bundle (a few KB of runtime-core)
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false', __INTLIFY_PROD_DEVTOOLS__: 'false' },
  // the manifest (dist/.vite/manifest.json) tells the bench which chunk holds which module
  // MetaMask's provider (ethers inside) is a lazy chunk of about 900 kB: only loaded when MetaMask is chosen
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1000 },
  // the proof-of-work workers are ES modules that import other modules
  worker: { format: 'es' },
})
