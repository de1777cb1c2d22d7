import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/artifacts/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain is plain TypeScript: no framework, no DOM library, no app module outside src/domain.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vue', 'vue-*', '@vue/*', 'pinia', 'vee-validate', '@vee-validate/*', 'chart.js', 'chart.js/*', 'vue-chartjs', 'jspdf', 'jspdf-*', 'happy-dom', 'jsdom'], message: 'src/domain must stay free of Vue, Pinia and DOM libraries.' },
          { group: ['@/*', '../*'], message: 'src/domain imports nothing of ours but itself.' },
        ],
      }],
    },
  },
)
