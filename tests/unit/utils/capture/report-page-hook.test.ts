import { describe, expect, it, vi } from 'vitest';
import { createPageHookReporter } from '@/utils/capture/report-page-hook';
import { createLogger } from '@/utils/shared/logger';

function reporter(report = vi.fn(async () => ({ stored: true }))) {
  const lines: string[] = [];
  const sink = { debug: () => {}, info: () => {}, warn: (line: string) => lines.push(line), error: () => {} };
  return { handlers: createPageHookReporter({ report, logger: createLogger('capture', sink) }), report, lines };
}

describe('createPageHookReporter', () => {
  it('should report the hook connected, with its version and how many messages came', () => {
    const { handlers, report } = reporter();
    handlers.onMessage({ type: 'ready', version: 1 });
    expect(report).toHaveBeenLastCalledWith({ hook: 'connected', hookVersion: 1, messages: 1 });
  });

  it('should report a missing hook and say so in the console', () => {
    const { handlers, report, lines } = reporter();
    handlers.onMissing();
    expect(report).toHaveBeenCalledWith({ hook: 'missing' });
    expect(lines).toEqual([expect.stringContaining('page hook did not start')]);
  });

  it('should log, not throw, when the background cannot be told', async () => {
    const { handlers, lines } = reporter(
      vi.fn(async () => Promise.reject(new Error('Extension context invalidated.'))),
    );
    handlers.onMessage({ type: 'ready', version: 1 });
    await vi.waitFor(() => expect(lines).toEqual([expect.stringContaining('Extension context invalidated.')]));
  });
});
