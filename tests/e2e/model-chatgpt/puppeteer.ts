import type { HTTPRequest, Page } from 'puppeteer-core';
import { isModelChatGptUrl, type ModelChatGptBackend } from './backend';

async function answer(request: HTTPRequest, backend: ModelChatGptBackend): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  if (!isModelChatGptUrl(request.url())) {
    await request.continue();
    return;
  }
  const postData = request.hasPostData() ? ((await request.fetchPostData()) ?? null) : null;
  const response = await backend.handle({
    method: request.method(),
    url: request.url(),
    headers: request.headers(),
    postData,
  });
  if ('abort' in response) await request.abort('failed');
  else await request.respond({ status: response.status, headers: response.headers, body: response.body });
}

/** Serves chatgpt.com and chat.openai.com for `page` from `backend`; other hosts go to the network as usual. */
export async function servePuppeteerPage(page: Page, backend: ModelChatGptBackend): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    answer(request, backend).catch((error: unknown) => {
      // The page may close while a delayed answer is pending; anything else is a bug in the model.
      if (!/closed|detached|already handled/i.test(String(error))) console.error('model chatgpt.com:', error);
    });
  });
}
