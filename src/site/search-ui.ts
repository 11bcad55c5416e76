/** Browser side of the search page: Pagefind's UI, with the query kept in the URL so that a search can be shared. */
import { anchorOfAmountKey } from './search-meta.ts';

declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void };
  }
}

interface SubResult {
  title: string;
  url: string;
  anchor?: { id?: string };
}

interface ResultData {
  meta: Record<string, string>;
  sub_results?: SubResult[];
}

/**
 * Queries are folded the way documents are written: full-width letters, digits and brackets become half-width,
 * brackets of either width become spaces (Pagefind drops punctuation from the index, so a bracket must not glue two
 * words into one token), and a classification code typed with spaces (208 05 05) is joined.
 */
export function normalizeQuery(query: string): string {
  const folded = query
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[()[\]{}【】〔〕「」『』《》〈〉“”"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.replace(/\b(\d{3})\s+(\d{2})(?:\s+(\d{2}))?\b/g, (_, a: string, b: string, c?: string) => `${a}${b}${c ?? ''}`);
}

/** Compares a heading with the query regardless of width, brackets and spacing. */
function compact(text: string): string {
  return normalizeQuery(text).replace(/\s+/g, '').toLowerCase();
}

/**
 * Project amounts are page metadata keyed by the project's anchor (see search-meta.ts): they are moved into the
 * title of that sub-result. Sub-results whose heading contains the query come first, so that a search for a
 * project's name leads to the project's own section before the tables and text that mention it.
 */
export function presentResult(data: ResultData, query: string): ResultData {
  const amounts = new Map<string, string>();
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(data.meta)) {
    const anchor = anchorOfAmountKey(key);
    if (anchor) amounts.set(anchor, value);
    else meta[key] = value;
  }
  const needle = compact(query);
  const subResults = (data.sub_results ?? []).map((sub) => {
    const amount = sub.anchor?.id ? amounts.get(sub.anchor.id) : undefined;
    return amount ? { ...sub, title: `${sub.title}（${amount}）` } : sub;
  });
  const matches = (sub: SubResult) => needle !== '' && compact(sub.title.replace(/<[^>]*>/g, '')).includes(needle);
  const ordered = [...subResults.filter(matches), ...subResults.filter((s) => !matches(s))];
  return { ...data, meta, sub_results: ordered };
}

export function startSearch(): void {
  const element = document.getElementById('search');
  if (!element || !window.PagefindUI) return;
  const params = new URLSearchParams(location.search);
  let lastQuery = params.get('q') ?? '';
  const ui = new window.PagefindUI({
    element,
    bundlePath: element.dataset.bundle,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    openFilters: ['文件类型'],
    processTerm: (term: string) => {
      lastQuery = normalizeQuery(term);
      return lastQuery;
    },
    processResult: (data: ResultData) => presentResult(data, lastQuery),
    translations: {
      placeholder: '搜索项目、部门、指标、名词',
      zero_results: '没有找到与 [SEARCH_TERM] 相关的结果',
      many_results: '找到 [COUNT] 个与 [SEARCH_TERM] 相关的结果',
      one_result: '找到 1 个与 [SEARCH_TERM] 相关的结果',
      alt_search: '没有找到与 [SEARCH_TERM] 相关的结果，显示 [DIFFERENT_TERM] 的结果',
      search_suggestion: '没有找到与 [SEARCH_TERM] 相关的结果，可以试试：',
      searching: '正在搜索 [SEARCH_TERM]…',
      load_more: '显示更多结果',
      filters_label: '筛选',
      clear_search: '清除',
      search_label: '搜索本站',
    },
  });
  const query = params.get('q');
  if (query) ui.triggerSearch(query);
  const input = element.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
  input?.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
}
