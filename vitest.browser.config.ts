import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium (playwright-core) against the production build in dist/,
// served by `vite preview` (see test/browser/global-setup.ts). `npm run test:browser` builds first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
