import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on a page. The site's CSP forbids inline scripts, so axe runs in a context of its own that bypasses
 * CSP; the pages under test are the same files.
 */
export async function axeViolations(browser: Browser, url: string, width: number): Promise<AxeViolation[]> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    return violations;
  } finally {
    await context.close();
  }
}

export function serious(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page is wider than the viewport (0 when nothing overflows). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const LINK = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The file a site path is served from, as a static host resolves it (directory → index.html). */
function fileFor(root: string, path: string): string | null {
  const file = join(root, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  return existsSync(file) ? file : null;
}

/**
 * Every internal link, script, stylesheet and image of every HTML file in a built site, checked against the files:
 * the target must exist, and an anchor must name an element id on the target page. Links must stay under the base.
 */
export function brokenLinks(root: string, base: string): string[] {
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => decodeEntities(m[1])));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of htmlFiles(root)) {
    const html = readFileSync(file, 'utf8');
    const page = `/${relative(root, file)}`;
    for (const match of html.matchAll(LINK)) {
      const raw = decodeEntities(match[1]);
      // Absolute URLs (the canonical link, mailto:, data:) are not files of this site.
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue;
      const [pathPart, anchor] = raw.split('#');
      let target: string | null;
      if (pathPart === '') target = file;
      else if (!pathPart.startsWith('/')) {
        problems.push(`${page}: relative link ${raw}`);
        continue;
      } else if (!pathPart.startsWith(base)) {
        problems.push(`${page}: link outside the base ${base}: ${raw}`);
        continue;
      } else target = fileFor(root, pathPart.slice(base.length).split('?')[0]);
      if (!target) {
        problems.push(`${page}: missing ${raw}`);
        continue;
      }
      if (anchor && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(anchor))) {
        problems.push(`${page}: missing anchor ${raw}`);
      }
    }
  }
  return problems;
}

/** The sitemap's URLs that do not resolve to a page of the built site. */
export function brokenSitemapEntries(root: string, siteBase: string, base: string): string[] {
  const xml = readFileSync(join(root, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)]
    .map((m) => decodeEntities(m[1]))
    .filter((loc) => {
      const url = new URL(loc);
      return !(`${url.origin}${url.pathname}`.startsWith(`${siteBase}${base}`) && fileFor(root, url.pathname.slice(base.length)));
    });
}
