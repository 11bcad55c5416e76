import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/site/escape-html.ts';

// Issue 10, "each idea once": the site's pages, its SVG downloads, the sitemap, the shard index and the review report
// escape document text with this one function, as Astro escapes the text it writes.
describe('escaping text for markup', () => {
  it('writes each of the five characters that could end a text or an attribute as Astro does', () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;');
  });

  it('leaves every other character as it is', () => {
    // seeds/kashgar-administrative-office-2021-budget.txt line 1085, a table title with full-width quotation marks.
    expect(escapeHtml('一般公共预算“三公”经费支出情况表')).toBe('一般公共预算“三公”经费支出情况表');
  });
});
