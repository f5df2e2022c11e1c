// Routes: `/` the dashboard (needs a wallet), `/login`, `/join/:referrer` (open to anyone: the page
// explains the link before asking for a wallet).
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router'
import { useSession } from './stores/session.ts'

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { wallet: true } },
      { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue') },
      { path: '/join/:referrer', name: 'join', component: () => import('./pages/JoinPage.vue') },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  })
  router.beforeEach((to) => {
    if (to.meta.wallet && !useSession().account) return { name: 'login', query: { next: to.fullPath } }
    return true
  })
  return router
}
