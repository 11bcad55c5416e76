import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

export const skipReason = inject('browserSkipReason');
export const siteUrl = inject('siteUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
}

/** Screenshots go to an ignored folder for people to look at; they are never compared by the tests. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-output/screenshots', { recursive: true });
  await page.screenshot({ path: `test-output/screenshots/${name}.png`, fullPage: true });
}
