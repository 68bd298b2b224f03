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

type Scenario = 'bulkPutBaseline' | 'validateOnly' | 'storeThroughBackground' | 'storeInPage';

/** What harness.ts puts on the extension page's global object. */
interface BenchWindow {
  lifeboatBench: {
    scenarios: Record<Scenario, (conversations: readonly Record<string, unknown>[]) => Promise<number>>;
    reset(): Promise<void>;
    count(): Promise<{ archive: number; baseline: number }>;
  };
}
const LABELS: Record<Scenario, string> = {
  bulkPutBaseline: 'baseline: bare Dexie bulkPut of the raw JSON',
  validateOnly: 'validate + derive only (no database)',
  storeInPage: 'validate + derive + store, in page',
  storeThroughBackground: 'real path: protocol message → background → Dexie',
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

async function main(): Promise<void> {
  const harness = await bundleHarness();
  const conversations = generateConversations(CONVERSATIONS);
  const megabytes = JSON.stringify(conversations).length / 1e6;
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

    const timings: Record<Scenario, number[]> = {
      bulkPutBaseline: [],
      validateOnly: [],
      storeInPage: [],
      storeThroughBackground: [],
    };
    for (let run = 0; run < RUNS; run += 1) {
      for (const scenario of Object.keys(timings) as Scenario[]) {
        await page.evaluate(() => (globalThis as unknown as BenchWindow).lifeboatBench.reset());
        const ms = await page.evaluate(
          ([name, data]) => (globalThis as unknown as BenchWindow).lifeboatBench.scenarios[name](data),
          [scenario, conversations] as const,
        );
        const stored = await page.evaluate(() => (globalThis as unknown as BenchWindow).lifeboatBench.count());
        const expected =
          { bulkPutBaseline: stored.baseline, validateOnly: CONVERSATIONS }[scenario as string] ?? stored.archive;
        if (expected !== CONVERSATIONS) throw new Error(`${scenario} stored ${expected} of ${CONVERSATIONS}`);
        timings[scenario].push(ms);
      }
    }

    const base = median(timings.bulkPutBaseline);
    console.log(`\nLifeboat benchmarks — Chromium ${context.browser()?.version() ?? ''}, ${RUNS} runs, median`);
    console.log(`Storing ${CONVERSATIONS} conversations (${megabytes.toFixed(1)} MB of JSON, 20 messages each)\n`);
    const rows = (Object.keys(timings) as Scenario[]).map((scenario) => {
      const ms = median(timings[scenario]);
      return [
        LABELS[scenario],
        `${Math.round(ms)} ms`,
        `${(ms / CONVERSATIONS).toFixed(2)} ms`,
        `${(ms / base).toFixed(1)}×`,
      ];
    });
    printTable(['scenario', 'median', 'per chat', 'vs baseline'], rows);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
