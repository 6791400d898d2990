import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests wait with expect.poll for a page to reach a state (a heading, an address, loaded
    // data). On a machine running two test files at once a page can take longer than the default second
    // to get there; the wait ends as soon as the state is reached, so a longer limit slows only a failure.
    expect: { poll: { timeout: 10_000 } },
  },
});
