/**
 * Browser side of the search page, on the site's catalog (catalog-search.ts, which answers as Pagefind does) and
 * Pagefind's JS API: the query and filters are kept in the URL so that a search
 * can be shared, queries are folded like the documents (width, brackets, spaced codes), and a page whose section
 * heading is the query (a project's name) comes first, with that section and its amount on top.
 */
import { foldWidth } from '../core/width.ts';
import { Catalog } from './catalog-search.ts';
import { escapeHtml } from './escape-html.ts';
import { anchorOfAmountKey } from './search-meta.ts';
import { TYPING_PAUSE_MS } from './typing-pause.ts';
import { zhCompare } from './zh-compare.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id?: string };
  locations?: number[];
}

export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text. */
  content?: string;
  meta: Record<string, string>;
  sub_results?: SubResult[];
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

/** What the page searches: the site's catalog (catalog-search.ts), or Pagefind's index of the full text. */
interface Searchable {
  preload(term: string, options?: { filters?: Record<string, { any: string[] }> }): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

interface Pagefind extends Searchable {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Queries are folded the way documents are written: full-width letters, digits and brackets become half-width,
 * brackets of either width become spaces (Pagefind drops punctuation from the index, so a bracket must not glue two
 * words into one token), and a classification code typed with spaces (208 05 05) is joined.
 */
export function normalizeQuery(query: string): string {
  const folded = foldWidth(query)
    .replace(/\u3000/g, ' ')
    .replace(/[()[\]{}【】〔〕「」『』《》〈〉“”"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.replace(/\b(\d{3})\s+(\d{2})(?:\s+(\d{2}))?\b/g, (_, a: string, b: string, c?: string) => `${a}${b}${c ?? ''}`);
}

/**
 * Pagefind indexes text as printed and does not fold width (checked: a page printing ＰＰＰ is found by ＰＰＰ only),
 * so a folded query is also searched in full-width letters and digits, for documents printed that way.
 */
export function queryVariants(folded: string): string[] {
  const wide = folded.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return wide === folded ? [folded] : [folded, wide];
}

/** Compares a heading with the query regardless of width, brackets, spacing and markup. */
function compact(text: string): string {
  return normalizeQuery(text.replace(/<[^>]*>/g, '')).replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether a page's text holds every word of the query as typed. Pagefind answers a Chinese word it has not indexed
 * with the pages that hold some of its characters (操作规程 finds 合规性 by 规): such pages are no answer, and a
 * catalog that has nothing better sends the search to the full text (startSearch).
 */
export function holdsQuery(content: string, query: string): boolean {
  const text = compact(content);
  return query.split(' ').every((word) => text.includes(compact(word)));
}

export interface PresentedResult {
  url: string;
  title: string;
  excerpt: string;
  /** Sections of the page, the one whose heading is the query first; at most three. */
  sections: Array<{ title: string; url: string; excerpt: string }>;
  tags: Array<[string, string]>;
  /** 0: a section heading contains the query; 1: the page title does; 2: the words occur somewhere. */
  tier: number;
}

const SHOWN_SECTIONS = 3;

/** The tags a result shows, in one order for every kind of page (Pagefind gives metadata in its keys' code order). */
const TAG_ORDER = ['年度', '类型', '部门', '文件'];
const tagRank = (key: string) => (TAG_ORDER.includes(key) ? TAG_ORDER.indexOf(key) : TAG_ORDER.length);

/**
 * Project amounts are page metadata keyed by the project's anchor (see search-meta.ts): they are added to that
 * section's title. Sections whose heading contains the query come first, the rest by number of hits.
 */
export function presentResult(data: ResultData, query: string): PresentedResult {
  const amounts = new Map<string, string>();
  const tags: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(data.meta)) {
    const anchor = anchorOfAmountKey(key);
    if (anchor) amounts.set(anchor, value);
    else if (key !== 'title' && key !== 'image' && key !== 'image_alt') tags.push([key, value]);
  }
  const needle = compact(query);
  const matches = (title: string) => needle !== '' && compact(title).includes(needle);
  const hits = (sub: SubResult) => sub.locations?.length ?? 0;
  const sections = (data.sub_results ?? [])
    .filter((sub) => sub.url !== data.url)
    .map((sub) => {
      const amount = sub.anchor?.id ? amounts.get(sub.anchor.id) : undefined;
      return { ...sub, title: amount ? `${sub.title}（${amount}）` : sub.title };
    });
  const ordered = [
    ...sections.filter((s) => matches(s.title)),
    ...sections.filter((s) => !matches(s.title)).sort((a, b) => hits(b) - hits(a)),
  ].slice(0, SHOWN_SECTIONS);
  const title = data.meta.title ?? data.url;
  const tier = sections.some((s) => matches(s.title)) ? 0 : matches(title) ? 1 : 2;
  return {
    url: data.url,
    title,
    excerpt: data.excerpt,
    sections: ordered.map((s) => ({ title: s.title, url: s.url, excerpt: s.excerpt })),
    tags: tags.sort(([a], [b]) => tagRank(a) - tagRank(b)),
    tier,
  };
}

/**
 * Results are shown ten at a time, each ten loading only their own page fragments, so that a broad query does not
 * fetch thirty pages' text before anything is on screen. Within each ten, pages whose section heading holds the query
 * come first (see `tier`); the tens keep Pagefind's order, which already weighs those headings (data-pagefind-weight
 * on project, table and term headings).
 */
const PAGE_SIZE = 10;

/**
 * The part of a ten's order that is already certain, as indexes in Pagefind's order, given the tiers of the results
 * whose fragments are in (undefined: still loading). The order: pages whose section heading holds the query first,
 * then the title, then the rest, Pagefind's order within each. A result is drawn as soon as nothing still loading can
 * come before it, so results are only ever added below the ones on screen, never moved: a page whose section heading
 * holds the query shows once the pages ranked above it are in; the others wait for the whole ten, since a page still
 * loading could be one whose heading holds the query.
 */
export function settledOrder(tiers: ReadonlyArray<number | undefined>): number[] {
  const order: number[] = [];
  for (const tier of [0, 1, 2]) {
    for (const [i, t] of tiers.entries()) {
      if (t === undefined) return order;
      if (t === tier) order.push(i);
    }
  }
  return order;
}

/**
 * Pagefind's excerpts are HTML: the page text, already escaped, with <mark> around hits. They are read in an inert
 * DOMParser document (no script runs, nothing loads), reduced to their text and marks, and escaped once again on
 * the way out, so a document's `<script>` shows as the text it is instead of `&lt;script&gt;`.
 */
function safeExcerpt(excerpt: string): string {
  const body = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...body.childNodes]
    .map((node) => {
      const text = escapeHtml(node.textContent ?? '');
      return node.nodeName === 'MARK' ? `<mark>${text}</mark>` : text;
    })
    .join('');
}

function renderResult(result: PresentedResult): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const sections = result.sections
    .map(
      (s) =>
        `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a><p class="excerpt">${safeExcerpt(s.excerpt)}</p></li>`,
    )
    .join('');
  const tags = result.tags.map(([k, v]) => `<li>${escapeHtml(k)}：${escapeHtml(v)}</li>`).join('');
  li.innerHTML = `<h2 class="result-title"><a href="${escapeHtml(result.url)}">${escapeHtml(result.title)}</a></h2>${
    sections ? `<ul class="result-sections">${sections}</ul>` : `<p class="excerpt">${safeExcerpt(result.excerpt)}</p>`
  }${tags ? `<ul class="result-tags">${tags}</ul>` : ''}`;
  return li;
}

/** `full`: a search in the full text rather than the catalog (startSearch). */
function readState(): { query: string; filters: Record<string, string[]>; full: boolean } {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key.startsWith('f.')) filters[key.slice(2)] = [...(filters[key.slice(2)] ?? []), value];
  }
  return { query: params.get('q') ?? '', filters, full: params.get('full') === '1' };
}

function writeState(query: string, filters: Record<string, string[]>, full: boolean): void {
  const url = new URL(location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  if (full) url.searchParams.set('full', '1');
  for (const [name, values] of Object.entries(filters)) for (const v of values) url.searchParams.append(`f.${name}`, v);
  history.replaceState(null, '', url);
}

/** The filters in the order a reader narrows a search down. */
const FILTER_ORDER = ['文件类型', '年度', '地区'];

function renderFilters(container: HTMLElement, available: Record<string, Record<string, number>>, chosen: Record<string, string[]>): void {
  const names = Object.keys(available).sort(
    (a, b) => (FILTER_ORDER.indexOf(a) + 1 || 99) - (FILTER_ORDER.indexOf(b) + 1 || 99) || zhCompare(a, b),
  );
  container.innerHTML = names
    .map((name) => {
      const values = Object.entries(available[name]).sort(([a], [b]) => zhCompare(a, b));
      const boxes = values
        .map(([value, count]) => {
          const checked = chosen[name]?.includes(value) ? ' checked' : '';
          return `<li><label><input type="checkbox" name="${escapeHtml(name)}" value="${escapeHtml(value)}"${checked}> ${escapeHtml(value)} <span class="muted">(${count})</span></label></li>`;
        })
        .join('');
      return `<fieldset class="search-filter"><legend>${escapeHtml(name)}</legend><ul>${boxes}</ul></fieldset>`;
    })
    .join('');
}

function chosenFilters(container: HTMLElement): Record<string, string[]> {
  const chosen: Record<string, string[]> = {};
  for (const box of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    chosen[box.name] = [...(chosen[box.name] ?? []), box.value];
  }
  return chosen;
}

/**
 * The search page searches the site's catalog first (search-catalog.ts): the disclosure, department and 功能分类 类
 * pages by their titles, departments, summaries, projects and headings, and a 类 by its 款 and 项, in one small index.
 * The full text (正文 paragraphs, the other pages) is the site's Pagefind index, in a sharded build (search-shards.ts)
 * with every other shard's merged into it, whose first search fetches its script, WebAssembly, metadata and filters
 * (every shard's) and the index chunks that have the words: loaded when a reader asks for it (the button under the
 * results) or when the catalog finds nothing, so that a query only the prose holds still finds its pages.
 */
type Scope = 'catalog' | 'full';

async function fullTextIndex(bundle: string, others: readonly string[]): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ excerptLength: 40 });
  // The other shards of a sharded build: searched as one site, results linking to each.
  for (const other of others) await pagefind.mergeIndex(other, { excerptLength: 40 });
  return pagefind;
}

/** A catalog's filter counts as its builder wrote them; none (no boxes) where the file cannot be read. */
async function fetchCounts(url: string | undefined): Promise<Record<string, Record<string, number>>> {
  if (!url) return {};
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as Record<string, Record<string, number>>) : {};
  } catch {
    return {};
  }
}

export async function startSearch(): Promise<void> {
  const root = document.getElementById('search');
  const form = root?.querySelector<HTMLFormElement>('form');
  const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
  const filterBox = root?.querySelector<HTMLElement>('.search-filters');
  const status = root?.querySelector<HTMLElement>('.search-status');
  const list = root?.querySelector<HTMLOListElement>('.search-results');
  const more = root?.querySelector<HTMLButtonElement>('.search-more');
  const fullButton = root?.querySelector<HTMLButtonElement>('.search-full');
  if (!root || !form || !input || !filterBox || !status || !list || !more || !fullButton) return;
  const others = JSON.parse(root.dataset.merge ?? '[]') as string[];
  let fullText: Promise<Pagefind> | undefined;
  const full = () => (fullText ??= fullTextIndex(root.dataset.bundle!, others));
  // A site whose catalog was not built or published (its index step not run) is searched in its full text.
  const catalog = await Catalog.open(root.dataset.catalog!).catch(() => null);
  // The box shows once the index it searches first is ready.
  if (!catalog) await full();
  const state = readState();
  let scope: Scope = catalog && !state.full ? 'catalog' : 'full';
  input.value = state.query;
  // The filters' counts and the first search are fetched at once; until the boxes are drawn, the URL's filters apply.
  const index = (): Promise<Searchable> => (scope === 'catalog' ? Promise.resolve(catalog!) : full());
  let catalogCounts: Promise<Record<string, Record<string, number>>> | undefined;
  // The catalog's counts come from the small file its builder wrote (search-catalog.ts, CATALOG_FILTER_COUNTS).
  const counts = async () =>
    scope === 'catalog' ? (catalogCounts ??= fetchCounts(root.dataset.catalogFilters)) : (await full()).filters();
  const drawFilters = async (filters: Record<string, string[]>) => renderFilters(filterBox, await counts(), filters);
  const filtersDrawn = drawFilters(state.filters);
  const panel = root.querySelector<HTMLDetailsElement>('.search-filter-panel');
  // On a phone the filters would push the results below the fold: they start folded unless some are chosen.
  if (panel) panel.open = matchMedia('(min-width: 60rem)').matches || Object.keys(state.filters).length > 0;
  root.hidden = false;

  // Results not shown yet, in Pagefind's order; each ten load their page fragments when they are about to be shown.
  let queue: PagefindResult[] = [];
  let query = '';
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const showNext = async () => {
    const current = generation;
    const batch = queue.splice(0, PAGE_SIZE);
    more.hidden = true;
    // Each result is drawn as soon as its place is certain (settledOrder), instead of when the whole ten is in.
    const presented: Array<PresentedResult | undefined> = batch.map(() => undefined);
    let drawn = 0;
    await Promise.all(
      batch.map(async (result, i) => {
        const data = await result.data();
        if (current !== generation) return;
        presented[i] = presentResult(data, query);
        const order = settledOrder(presented.map((p) => p?.tier));
        list.append(...order.slice(drawn).map((k) => renderResult(presented[k]!)));
        drawn = Math.max(drawn, order.length);
      }),
    );
    if (current !== generation) return;
    more.hidden = queue.length === 0;
  };

  const searchOptions = (filters: Record<string, string[]>) => ({
    filters: Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, { any: v }])),
  });

  /** Pagefind's results for the query in one index, best first; the same page found by several variants counts once. */
  const find = async (pagefind: Searchable, filters: Record<string, string[]>) => {
    const options = searchOptions(filters);
    const searches = await Promise.all(
      query ? queryVariants(query).map((q) => pagefind.search(q, options)) : [pagefind.search(null, options)],
    );
    const best = new Map<string, PagefindResult>();
    for (const r of searches.flatMap((found) => found?.results ?? [])) {
      if ((best.get(r.id)?.score ?? -Infinity) < r.score) best.set(r.id, r);
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  };

  /**
   * Whether one of the first ten holds the query (holdsQuery): else the catalog has only pages sharing a character.
   * Pagefind and the catalog keep the fragments they loaded, so drawing these ten fetches nothing again.
   */
  const answers = async (results: readonly PagefindResult[]) =>
    (await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()))).some((data) => holdsQuery(data.content ?? '', query));

  /** Between the catalog and the full text, the filters are the index's (the full text has more kinds of page). */
  const switchTo = async (next: Scope, filters: Record<string, string[]>) => {
    if (next === scope) return;
    scope = next;
    await drawFilters(filters);
  };

  const run = async (filters = chosenFilters(filterBox)) => {
    // A submit while a typed query waits for its pause runs now and only once.
    clearTimeout(timer);
    const current = ++generation;
    const raw = input.value;
    query = normalizeQuery(raw);
    writeState(raw, filters, catalog !== null && scope === 'full');
    list.replaceChildren();
    more.hidden = true;
    fullButton.hidden = true;
    queue = [];
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = '请输入要搜索的内容，或选择筛选条件。';
      return;
    }
    status.textContent = '正在搜索…';
    let found = await find(await index(), filters);
    if (current !== generation) return;
    // Words only the 正文 holds (a sentence of the 情况说明) are not in the catalog: the full text is
    // searched at once instead of showing nothing, or pages that share a character with the query.
    if (scope === 'catalog' && query !== '' && !(await answers(found))) {
      if (current !== generation) return;
      status.textContent = '正在全文中搜索（文件与部门中没有找到）…';
      await switchTo('full', filters);
      if (current !== generation) return;
      writeState(raw, filters, true);
      found = await find(await full(), filters);
      if (current !== generation) return;
    }
    queue = found;
    const count = queue.length;
    await showNext();
    if (current !== generation) return;
    const what = raw || '所选条件';
    status.textContent =
      count === 0
        ? `没有找到与“${what}”相关的结果。`
        : scope === 'catalog'
          ? `找到 ${count} 个与“${what}”相关的文件、部门和分类。`
          : `找到 ${count} 个与“${what}”相关的结果${catalog ? '（在全文中）' : ''}。`;
    if (scope === 'catalog' && query) {
      fullButton.textContent = `在全文中搜索“${raw}”（包括正文，需下载较多数据）`;
      fullButton.hidden = false;
    }
  };

  // While the reader types, the index chunks of the words so far are fetched (Pagefind's preload), so that the search
  // after the pause finds them loaded. Keys pressed inside an input method (pinyin letters) are not a query yet. A
  // new query starts again from the catalog, the small index.
  const typed = () => {
    clearTimeout(timer);
    if (catalog) void switchTo('catalog', chosenFilters(filterBox));
    const folded = normalizeQuery(input.value);
    const options = searchOptions(chosenFilters(filterBox));
    if (folded) void index().then((pagefind) => queryVariants(folded).forEach((q) => void pagefind.preload(q, options)));
    timer = setTimeout(() => void run(), TYPING_PAUSE_MS);
  };
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) typed();
  });
  input.addEventListener('compositionend', typed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // The site header's box on this page searches here instead of loading the page again.
  const header = document.querySelector<HTMLFormElement>('.site-search');
  header?.addEventListener('submit', (event) => {
    const box = header.querySelector<HTMLInputElement>('input[type="search"]');
    if (!box) return;
    event.preventDefault();
    input.value = box.value;
    if (catalog) void switchTo('catalog', chosenFilters(filterBox));
    void run();
  });
  filterBox.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showNext());
  fullButton.addEventListener('click', () => {
    const filters = chosenFilters(filterBox);
    void switchTo('full', filters).then(() => run(filters));
  });
  await Promise.all([filtersDrawn, run(state.filters)]);
}
