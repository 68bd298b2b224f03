import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

// Launches Debian's Chromium with the built extension loaded (recipe in ../shared/docs/testing.md) and watches
// every extension context for errors: any uncaught error or console error from Lifeboat fails the test.

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The built Chrome extension that `npm run build` writes. */
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
/** Where the e2e run saves screenshots for people to look at (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'screenshots');
/** The few screenshots the README shows, refreshed by every e2e run and committed. */
export const PUBLISHED_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Saves a screenshot of `page` into screenshots/, and into docs/screenshots/ for the README when `publish`. */
export async function shoot(page: Page, name: string, { publish = false } = {}): Promise<void> {
  for (const dir of publish ? [SCREENSHOTS, PUBLISHED_SCREENSHOTS] : [SCREENSHOTS]) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}

export interface LaunchOptions {
  language?: 'en' | 'ko';
  colorScheme?: 'light' | 'dark';
  /**
   * Let Chromium save downloads itself, as for a user: into a fresh Downloads folder (`downloadsDir`), with the
   * names the extension asked for and " (1)" on a clash. Without it, Playwright takes over downloads and saves
   * each under a random name.
   */
  realDownloads?: boolean;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The Downloads folder when launched with `realDownloads`. */
  downloadsDir?: string;
  /** Errors seen so far in extension contexts and in Lifeboat's content scripts. */
  errors: string[];
  /** Unhandled promise rejections seen in extension pages; `close()` fails the test when there are any. */
  unhandledRejections: string[];
  /** Every console line Lifeboat wrote on chatgpt.com pages, as `level text`. */
  pageLogs: string[];
  /** Opens an extension page (`popup.html`, `app.html#settings`, …) in a new tab. */
  openPage(path: string): Promise<Page>;
  /** Opens a chatgpt.com URL (routed to the model site) in a new tab. */
  openChatGpt(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Flags for headless Chromium on a machine with no network but loopback (testing.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium flags that load the built Lifeboat extension. */
export function extensionArgs(dir: string = CHROME_BUILD): string[] {
  return [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Chromium with Lifeboat and resolves once its service worker runs. */
export async function launchExtension({
  language = 'en',
  colorScheme = 'light',
  realDownloads = false,
}: LaunchOptions = {}): Promise<ExtensionSession> {
  const profile = mkdtempSync(join(tmpdir(), 'lifeboat-e2e-'));
  const downloadsDir = realDownloads ? join(profile, 'Downloads') : undefined;
  if (downloadsDir !== undefined) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }),
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // chrome.i18n follows Chromium's UI language (--lang); `locale` keeps navigator.language in step.
    locale: language === 'ko' ? 'ko-KR' : 'en-US',
    colorScheme,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      `--lang=${language}`,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
    ],
  });
  // An unhandled rejection in an extension page is a bug even when nothing on screen shows it: report each one
  // as a console error that the listener below collects.
  await context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    addEventListener('unhandledrejection', (event) => {
      const reason = event.reason as { stack?: string } | undefined;
      console.error(`[Lifeboat:unhandled-rejection] ${reason?.stack ?? String(event.reason)}`);
    });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (downloadsDir !== undefined) {
    // Undo Playwright's download override, so Chromium names files as it does for users (the profile's
    // Preferences above point its Downloads folder into the profile).
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
  }
  const extensionId = new URL(worker.url()).host;
  const errors: string[] = [];
  const unhandledRejections: string[] = [];
  const pageLogs: string[] = [];
  const fromExtension = (url: string | undefined) => url?.startsWith(`chrome-extension://${extensionId}/`) ?? false;

  worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
  });
  context.on('weberror', (error) => {
    const page = error.page();
    if (
      page === null ||
      fromExtension(page.url()) ||
      error.error().stack?.includes(`chrome-extension://${extensionId}`)
    ) {
      errors.push(`uncaught in ${page?.url() ?? 'a worker'}: ${error.error().stack ?? error.error().message}`);
    }
  });
  context.on('console', (message) => {
    const page = message.page();
    const text = message.text();
    const ours = text.startsWith('[Lifeboat');
    if (ours && page && !fromExtension(page.url())) pageLogs.push(`${message.type()} ${text}`);
    if (message.type() === 'error' && (ours || fromExtension(page?.url()))) errors.push(`${page?.url()}: ${text}`);
    if (text.startsWith('[Lifeboat:unhandled-rejection]')) unhandledRejections.push(`${page?.url()}: ${text}`);
  });

  return {
    context,
    extensionId,
    worker,
    downloadsDir,
    errors,
    unhandledRejections,
    pageLogs,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async openChatGpt(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (unhandledRejections.length > 0) {
        throw new Error(`Unhandled rejections in extension pages:\n${unhandledRejections.join('\n')}`);
      }
    },
  };
}

/** Reads rows of the archive straight from IndexedDB in an extension page, the way the UI sees them. */
export async function readArchive<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolveRows, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolveRows([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolveRows(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
