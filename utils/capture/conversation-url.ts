// ChatGPT opens a chat at /c/<id>, and a custom GPT's or project's chat at /g/<gizmo>/c/<id>. Shared links
// (/share/<id>) are someone else's snapshot, and temporary chats have no id in the URL: neither is captured.
const CONVERSATION_PATH = /^\/(?:g\/[\w-]+\/)?c\/([\w-]{1,100})\/?$/;

/** The conversation id in a chatgpt.com URL, or null when the URL is not a chat of the user's own. */
export function conversationIdFromUrl(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.searchParams.get('temporary-chat') === 'true') return null;
  return CONVERSATION_PATH.exec(parsed.pathname)?.[1] ?? null;
}
