import type { BrowserContext, Route } from 'playwright-core';
import {
  createModelChatGptBackend,
  MODEL_ORIGINS,
  type ModelChatGptBackend,
  type ModelChatGptOptions,
} from './backend';

/** Options for `installModelChatGpt`: backend options, or an existing backend to share. */
export interface InstallModelChatGptOptions extends ModelChatGptOptions {
  backend?: ModelChatGptBackend;
}

async function answer(route: Route, backend: ModelChatGptBackend): Promise<void> {
  const request = route.request();
  const response = await backend.handle({
    method: request.method(),
    url: request.url(),
    headers: await request.allHeaders(),
    postData: request.postData(),
  });
  try {
    if ('abort' in response) await route.abort('failed');
    else await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
  } catch (error) {
    // A page or context closed while a delayed answer was pending; nobody is waiting for it any more.
    if (!/closed|has been handled/i.test(String(error))) throw error;
  }
}

/** Routes chatgpt.com and chat.openai.com in `context` (pages, service worker, extension) to the model backend. */
export async function installModelChatGpt(
  context: BrowserContext,
  options: InstallModelChatGptOptions = {},
): Promise<ModelChatGptBackend> {
  const backend = options.backend ?? createModelChatGptBackend(options);
  for (const origin of MODEL_ORIGINS) {
    await context.route(`${origin}/**`, (route) => answer(route, backend));
  }
  return backend;
}
