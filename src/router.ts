import { createRouter, createWebHashHistory } from 'vue-router'
import { loadAllMessages } from './i18n'
import HomeView from './views/HomeView.vue'

// Hash history: the built app works from any static folder or file server without rewrite rules.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    // The home page is part of the first download: one round trip less before the first screen.
    { path: '/', name: 'home', component: HomeView },
    { path: '/questionnaires/:questionnaireKey', name: 'questionnaire', component: () => import('./views/QuestionnaireView.vue'), props: true },
    {
      path: '/assessments/:assessmentId',
      component: () => import('./views/AssessmentShellView.vue'),
      props: true,
      children: [
        { path: '', name: 'assessment', component: () => import('./views/AssessmentResumeView.vue') },
        { path: 'profile', name: 'profile', component: () => import('./views/ProfileView.vue') },
        { path: 'questions/:dimensionId?', name: 'questions', component: () => import('./views/QuestionsView.vue') },
        { path: 'review', name: 'review', component: () => import('./views/ReviewView.vue') },
        { path: 'results', name: 'results', component: () => import('./views/ResultsView.vue') },
        { path: 'roadmap', name: 'roadmap', component: () => import('./views/RoadmapView.vue') },
        { path: 'upgrade', name: 'upgrade', component: () => import('./views/UpgradeView.vue') },
        { path: 'follow-up', name: 'follow-up', component: () => import('./views/FollowUpStartView.vue') },
        { path: 'qr', name: 'answer-code', component: () => import('./views/AnswerCodeView.vue') },
      ],
    },
    { path: '/workshops/new', name: 'workshop-new', component: () => import('./views/WorkshopNewView.vue') },
    {
      path: '/workshops/:workshopId',
      component: () => import('./views/WorkshopShellView.vue'),
      props: true,
      children: [
        { path: '', name: 'workshop', component: () => import('./views/WorkshopOverviewView.vue') },
        { path: 'd/:delegationId', name: 'workshop-delegation', component: () => import('./views/WorkshopDelegationView.vue'), props: true },
        { path: 'd/:delegationId/hand-round', name: 'workshop-hand-round', component: () => import('./views/WorkshopHandRoundView.vue'), props: true },
        { path: 'd/:delegationId/results', name: 'workshop-results', component: () => import('./views/WorkshopResultsView.vue'), props: true },
        { path: 'd/:delegationId/roadmap', name: 'workshop-roadmap', component: () => import('./views/WorkshopRoadmapView.vue'), props: true },
        { path: 'd/:delegationId/profile', name: 'workshop-profile', component: () => import('./views/WorkshopProfileView.vue'), props: true },
        { path: 'd/:delegationId/follow-up', name: 'workshop-follow-up', component: () => import('./views/WorkshopFollowUpView.vue'), props: true },
        { path: 'live', name: 'workshop-live', component: () => import('./views/WorkshopLiveView.vue') },
      ],
    },
    // Presentation mode fills the screen: no app header or footer on the projector.
    { path: '/workshops/:workshopId/present', name: 'workshop-present', component: () => import('./views/WorkshopPresentView.vue'), props: true, meta: { bare: true } },
    { path: '/workshops/:workshopId/scan', name: 'workshop-scan', component: () => import('./views/WorkshopScanView.vue'), props: true },
    // Live workshop: participants join by code (the QR code carries it); the facilitator's address carries its key
    // after the '#', so it never reaches a server log. That address keeps the key in this browser and opens the
    // workshop's own screens, which follow the server.
    { path: '/join/:code?', name: 'live-join', component: () => import('./views/LiveJoinView.vue'), props: true },
    { path: '/live/new', name: 'live-new', component: () => import('./views/LiveNewView.vue') },
    {
      path: '/live/:workshopId',
      name: 'live-facilitator',
      component: () => import('./views/LiveFacilitatorView.vue'),
      props: route => ({ workshopId: String(route.params.workshopId), facilitatorKey: typeof route.query.key === 'string' ? route.query.key : undefined }),
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
  scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : { top: 0 }),
})

// Every screen but the home page needs the rest of the English messages (the fallback of every language): load them
// before it shows. Should that fail (offline before the app was ever cached), the screen still opens.
router.beforeEach(async (to) => {
  if (to.name !== 'home') await loadAllMessages().catch(() => undefined)
})
