// Routes: `/` the home page (what the program is, how to join), `/dashboard` and `/pay` (need a wallet),
// `/login`, `/join/:referrer` (open to anyone: the page explains the link before asking for a wallet),
// `/admin` (the operator console: needs a wallet; the page itself tells a non-admin what it is).
// Pages load on demand, so a first visit downloads only the shell and the page it opens.
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router'
import { loadArea } from './composables/i18n.ts'
import { cleanReferrer } from './composables/joinLink.ts'
import { useSession } from './stores/session.ts'

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
      // these pages bring their own texts
      { path: '/dashboard', name: 'dashboard', component: () => loadArea('dashboard').then(() => import('./pages/DashboardPage.vue')), meta: { wallet: true } },
      { path: '/pay', name: 'pay', component: () => loadArea('console').then(() => import('./pages/PayPage.vue')), meta: { wallet: true } },
      { path: '/admin', name: 'admin', component: () => loadArea('console').then(() => import('./pages/AdminPage.vue')), meta: { wallet: true } },
      { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue') },
      {
        path: '/join/:referrer',
        name: 'join',
        component: () => loadArea('join').then(() => import('./pages/JoinPage.vue')),
        // a link pasted at the end of a sentence, or with spaces around it, still works
        beforeEnter: (to) => {
          const raw = String(to.params.referrer ?? '')
          const clean = cleanReferrer(raw)
          return clean === raw || clean === '' ? true : { name: 'join', params: { referrer: clean }, replace: true }
        },
      },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  })
  router.beforeEach(async (to) => {
    if (!to.meta.wallet) return true
    const session = useSession()
    // a reload: the remembered wallet reconnects first, where its provider allows it
    if (!session.account) await session.restored
    if (!session.account) return { name: 'login', query: { next: to.fullPath } }
    return true
  })
  return router
}
