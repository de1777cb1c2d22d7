import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the built app works from any static folder or file server without rewrite rules.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: '/questionnaires/:questionnaireKey', name: 'questionnaire', component: () => import('./views/QuestionnaireView.vue'), props: true },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
