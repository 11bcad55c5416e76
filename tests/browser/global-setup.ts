import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserUnavailableReason } from './chromium.ts';
import { serveStatic } from './static-server.ts';

/**
 * Builds the site once (the same `npm run build` a newcomer runs) and serves dist/ on loopback for every browser
 * test. SKIP_BUILD=1 reuses an existing dist/ when iterating on tests.
 */
export default async function setup(project: TestProject) {
  const reason = browserUnavailableReason();
  project.provide('browserSkipReason', reason ?? '');
  if (reason) return;
  const root = resolve('dist');
  if (process.env.SKIP_BUILD !== '1' || !existsSync(root)) {
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { server, url } = await serveStatic(root);
  project.provide('siteUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    browserSkipReason: string;
  }
}
