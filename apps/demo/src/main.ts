// Startup: read /config.json, then mount. The router starts only with a config, so a broken config shows
// its own screen instead of a blank page.
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { loadConfig } from './config.ts'
import { i18n, startLocale } from './composables/i18n.ts'
import { createAppRouter } from './router.ts'
import { useSession } from './stores/session.ts'
import './styles.css'

async function start(): Promise<void> {
  const app = createApp(App)
  app.use(createPinia())
  app.use(i18n)
  const session = useSession()
  const [result] = await Promise.all([loadConfig(`${import.meta.env.BASE_URL}config.json`), startLocale()])
  if (!result.ok) {
    session.failConfig(result.problem)
    app.mount('#app')
    return
  }
  // the node may be down at startup: the pages say so and retry; the app still mounts
  void session.configure(result.config)
  app.use(createAppRouter())
  app.mount('#app')
}

void start()
