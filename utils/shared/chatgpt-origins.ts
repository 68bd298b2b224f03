// The hosts Lifeboat may touch, in one place: the manifest's host permissions and content-script matches, the
// protocol's sender check and the capture code all read them from here.

/** The two origins ChatGPT's web app is served from. */
export const CHATGPT_ORIGINS = ['https://chatgpt.com', 'https://chat.openai.com'] as const;

/** Match patterns for ChatGPT's pages (content scripts, host permissions). */
export const CHATGPT_MATCHES = CHATGPT_ORIGINS.map((origin) => `${origin}/*`);

/** Match pattern for OpenAI's public status page, which the health watch reads. */
export const STATUS_MATCH = 'https://status.openai.com/*';
