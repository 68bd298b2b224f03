import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, ROOT } from '../e2e/extension';
import { generateConversations } from './generate-conversations';

// `npm run bench`: each scenario runs in real headless Chromium, inside an extension page of the built
// extension, N times; the table shows the median and the ratio against the baseline measured in the same run.

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1000);

/** Resolves the app's `@/` alias and WXT's `#imports` for a bundle that runs outside WXT's build. */
const wxtAliases: Plugin = {
  name: 'wxt-aliases',
  setup(builder) {
    builder.onResolve({ filter: /^#imports$/ }, () => ({ path: join(ROOT, 'node_modules/wxt/dist/browser.mjs') }));
    builder.onResolve({ filter: /^@\// }, (args) =>
      builder.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: ROOT }),
    );
  },
};

async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'harness.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    plugins: [wxtAliases],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type IngestScenario = 'bulkPutBaseline' | 'validateOnly' | 'storeInPage' | 'storeInBatches' | 'storeThroughBackground';
type ListScenario = 'popupQueryV1' | 'popupQueryV2';

/** What harness.ts puts on the extension page's global object. */
interface BenchWindow {
  lifeboatBench: {
    ingest: Record<IngestScenario, (bodies: readonly string[]) => Promise<number>>;
    lists: Record<ListScenario, () => Promise<number>>;
    seedLists(bodies: readonly string[]): Promise<void>;
    reset(): Promise<void>;
    count(): Promise<{ archive: number; bodies: number; baseline: number; v1Layout: number }>;
  };
}
const INGEST_LABELS: Record<IngestScenario, string> = {
  bulkPutBaseline: 'baseline: bare Dexie bulkPut of the body texts',
  validateOnly: 'parse + validate + derive + SHA-256 (no database)',
  storeInPage: 'validate + derive + compare + store, in page',
  storeInBatches: 'back-up path: pages of 100, one transaction each',
  storeThroughBackground: 'real path: protocol message → background → Dexie',
};
const LIST_LABELS: Record<ListScenario, string> = {
  popupQueryV1: 'baseline: popup query on the v1 layout (JSON in each row)',
  popupQueryV2: 'popup query on the v2 layout (JSON in its own table)',
};

/** Prints rows as an aligned plain-text table (also valid Markdown, for the README). */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/** Defined on the extension page by harness.ts; only called inside `page.evaluate`. */
declare function bench(): BenchWindow['lifeboatBench'];

async function main(): Promise<void> {
  const harness = await bundleHarness();
  // Bodies as chatgpt.com sends them: text, which is what a capture hands to the background.
  const bodies = generateConversations(CONVERSATIONS).map((conversation) => JSON.stringify(conversation));
  const megabytes = bodies.reduce((sum, body) => sum + body.length, 0) / 1e6;
  const profile = mkdtempSync(join(tmpdir(), 'lifeboat-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: extensionArgs(),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/offscreen.html`);
    // Evaluated through the DevTools protocol, which the extension page's CSP does not block.
    await page.evaluate(harness);

    const ingest: Record<IngestScenario, number[]> = {
      bulkPutBaseline: [],
      validateOnly: [],
      storeInPage: [],
      storeInBatches: [],
      storeThroughBackground: [],
    };
    for (let run = 0; run < RUNS; run += 1) {
      for (const scenario of Object.keys(ingest) as IngestScenario[]) {
        await page.evaluate(() => bench().reset());
        const ms = await page.evaluate(([name, data]) => bench().ingest[name](data), [scenario, bodies] as const);
        const stored = await page.evaluate(() => bench().count());
        const expected =
          scenario === 'bulkPutBaseline'
            ? stored.baseline
            : scenario === 'validateOnly'
              ? CONVERSATIONS
              : Math.min(stored.archive, stored.bodies);
        if (expected !== CONVERSATIONS) throw new Error(`${scenario} stored ${expected} of ${CONVERSATIONS}`);
        ingest[scenario].push(ms);
      }
    }

    await page.evaluate((data) => bench().seedLists(data), bodies);
    const seeded = await page.evaluate(() => bench().count());
    if (seeded.archive !== CONVERSATIONS || seeded.v1Layout !== CONVERSATIONS) {
      throw new Error(`seeding the list layouts stored ${JSON.stringify(seeded)}`);
    }
    const lists: Record<ListScenario, number[]> = { popupQueryV1: [], popupQueryV2: [] };
    for (let run = 0; run < RUNS; run += 1) {
      for (const scenario of Object.keys(lists) as ListScenario[]) {
        lists[scenario].push(await page.evaluate((name) => bench().lists[name](), scenario));
      }
    }

    console.log(`\nLifeboat benchmarks — Chromium ${context.browser()?.version() ?? ''}, ${RUNS} runs, median`);
    console.log(`Storing ${CONVERSATIONS} conversations (${megabytes.toFixed(1)} MB of JSON, 20 messages each)\n`);
    const ingestBase = median(ingest.bulkPutBaseline);
    printTable(
      ['scenario', 'median', 'per chat', 'vs baseline'],
      (Object.keys(ingest) as IngestScenario[]).map((scenario) => {
        const ms = median(ingest[scenario]);
        return [
          INGEST_LABELS[scenario],
          `${Math.round(ms)} ms`,
          `${(ms / CONVERSATIONS).toFixed(2)} ms`,
          `${(ms / ingestBase).toFixed(1)}×`,
        ];
      }),
    );
    console.log(`\nThe popup's live query (newest 50 and the count) with ${CONVERSATIONS} stored chats\n`);
    const listBase = median(lists.popupQueryV1);
    printTable(
      ['scenario', 'median per query', 'vs baseline'],
      (Object.keys(lists) as ListScenario[]).map((scenario) => {
        const ms = median(lists[scenario]);
        return [LIST_LABELS[scenario], `${ms.toFixed(1)} ms`, `${(ms / listBase).toFixed(2)}×`];
      }),
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
