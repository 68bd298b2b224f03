import type { RequestOf, ResponseOf } from '@/utils/messaging/protocol';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { PageHookHandlers } from './listen-to-page-hook';

export interface PageHookReporterDeps {
  /** Sends the report to the background (`reportPageHook`). */
  report: (report: RequestOf<'reportPageHook'>) => Promise<ResponseOf<'reportPageHook'>>;
  logger: Logger;
}

/** Page-hook handlers that tell the background whether the hook connected in this tab, and how much it said. */
export function createPageHookReporter({ report, logger }: PageHookReporterDeps): PageHookHandlers {
  let messages = 0;
  let hookVersion = 0;
  const send = (request: RequestOf<'reportPageHook'>) =>
    void report(request).catch((error: unknown) =>
      logger.warn(`Could not tell Lifeboat about the page hook: ${describeError(error)}`),
    );
  return {
    onMessage(message) {
      messages += 1;
      if (message.type === 'ready') hookVersion = message.version;
      logger.debug(`Page hook ${message.type}.`);
      if (hookVersion > 0) send({ hook: 'connected', hookVersion, messages });
    },
    onMissing() {
      logger.warn('The page hook did not start in this tab; capture still works without it.');
      send({ hook: 'missing' });
    },
  };
}
