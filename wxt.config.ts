import { defineConfig } from 'wxt';
import { CHATGPT_MATCHES, STATUS_MATCH } from './utils/shared/chatgpt-origins';

// Host access is the whole privacy story of Lifeboat: the two ChatGPT origins it captures from and the status
// page it watches. Nothing else is reachable from the extension.

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'downloads', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: [...CHATGPT_MATCHES, STATUS_MATCH],
    browser_specific_settings: {
      gecko: {
        id: 'lifeboat@lifeboat.app',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  zip: {
    excludeSources: ['tests/**', 'test-results/**', 'screenshots/**', '.tmp/**', '.ci/**'],
  },
});
