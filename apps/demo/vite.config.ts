// Builds the SPA (`npx vite build apps/demo`); the Vitest project `demo` in the root config reuses the
// Vue plugin. `config.json` is not part of the build: whoever serves dist/ puts it beside index.html.
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { type Plugin, defineConfig } from 'vite'
import { sourceAliases } from '../../vite.config.ts'

/**
 * vue-i18n's runtime imports Vue as a namespace (`import * as Vue`) only to look for a `currentInstance`
 * export before it calls `getCurrentInstance()`. A namespace object keeps every export of Vue in the bundle
 * (Transition, KeepAlive, Teleport, Suspense ...: 17 KB of the first download, gzipped, that no page runs).
 * Vue 3.5 has no such export, so the lookup always falls through to `getCurrentInstance`: this hands
 * vue-i18n an object with just that, and the same code runs. If vue-i18n stops importing the namespace,
 * this changes nothing.
 */
function vueI18nWithoutVueNamespace(): Plugin {
  const NAMESPACE = "import * as Vue from 'vue';"
  return {
    name: 'vue-i18n-without-vue-namespace',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/]vue-i18n\.runtime\.mjs$/.test(id) || !code.includes(NAMESPACE)) return null
      return code.replace(NAMESPACE, "import { getCurrentInstance as vueGetCurrentInstance } from 'vue'; const Vue = { getCurrentInstance: vueGetCurrentInstance };")
    },
  }
}

export default defineConfig({
  root: import.meta.dirname,
  // the messages are compiled at build time, so the page ships vue-i18n's runtime without its compiler
  plugins: [vueI18nWithoutVueNamespace(), vue(), VueI18nPlugin({ include: [`${import.meta.dirname}/src/locales/*.ts`], runtimeOnly: true, compositionOnly: true, fullInstall: false, dropMessageCompiler: true })],
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
