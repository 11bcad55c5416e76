/** Browser side of the search page: Pagefind's UI, with the query kept in the URL so that a search can be shared. */
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void };
  }
}

/**
 * Queries are folded the way documents were indexed: full-width letters, digits and brackets become half-width,
 * and a classification code typed with spaces (208 05 05) is joined.
 */
export function normalizeQuery(query: string): string {
  const folded = query
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
  return /^\d{3}(?:\s+\d{2}){1,2}$/.test(folded) ? folded.replace(/\s+/g, '') : folded;
}

export function startSearch(): void {
  const element = document.getElementById('search');
  if (!element || !window.PagefindUI) return;
  const params = new URLSearchParams(location.search);
  const ui = new window.PagefindUI({
    element,
    bundlePath: element.dataset.bundle,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    processTerm: normalizeQuery,
    translations: { placeholder: '搜索项目、部门、指标、名词', zero_results: '没有找到与 [SEARCH_TERM] 相关的结果' },
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
