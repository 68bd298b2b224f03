import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers against the built extension; one file at a time on a 2-core machine.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // What a user waits for takes a moment: requests are paced by the background (a second between two chats).
    expect: { poll: { timeout: 10_000 } },
  },
});
