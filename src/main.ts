import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { registerServiceWorker } from './composables/useAppUpdate'
import { i18n, restoreUiLocale } from './i18n'
import { router } from './router'
import './styles.css'

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
void restoreUiLocale()
registerServiceWorker()
