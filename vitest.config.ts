import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A browser journey (sign in, several pages, axe on each) takes 20–60 s on a two-core machine running
    // two test files at once, and starting a server with the demo partnership takes up to a minute; the
    // limits are for a test that hangs, not speed targets.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browser tests wait with expect.poll for a page to reach a state (a heading, an address, loaded
    // data). On a machine running two test files at once a page can take longer than the default second
    // to get there; the wait ends as soon as the state is reached, so a longer limit slows only a failure.
    expect: { poll: { timeout: 10_000 } },
  },
});
