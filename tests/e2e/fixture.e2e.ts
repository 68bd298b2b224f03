import { describe, expect, it } from 'vitest';
import { launchExtension } from './extension';

// The harness itself: a test that cannot see an extension page's unhandled rejection could pass over a bug.

describe('the e2e fixture', () => {
  it('should fail a test on an unhandled rejection in an extension page', async () => {
    const session = await launchExtension();
    try {
      const popup = await session.openPage('popup.html');
      await popup.evaluate(() => {
        void Promise.reject(new Error('probe: nobody handles this'));
      });
      await expect.poll(() => session.unhandledRejections.join('\n')).toContain('probe: nobody handles this');
    } finally {
      // close() throws for the rejection above, which is exactly what it must do for any other test.
      await expect(session.close()).rejects.toThrow(/Unhandled rejections in extension pages:[\s\S]*probe/);
    }
  });
});
