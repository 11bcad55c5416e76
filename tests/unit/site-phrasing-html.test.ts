import { describe, expect, it } from 'vitest';
import { phrasingHtml } from '../../src/site/phrasing-html.ts';

describe('a paragraph of 正文 written as markup (the disclosure and text pages)', () => {
  it('escapes the text, links a term with its definition as a tooltip, as Astro wrote the paragraph', () => {
    const html = phrasingHtml(
      [
        { type: 'text', value: '4．A&B 预算单位' },
        { type: 'link', url: '/p/glossary/财政拨款/', title: '指"一般"<公共>预算', children: [{ type: 'text', value: '财政拨款' }] },
        { type: 'text', value: "收支'总表'" },
      ],
      'def-s0-5-0',
    );
    expect(html).toBe(
      '4．A&amp;B 预算单位<span class="term"><a href="/p/glossary/财政拨款/" aria-describedby="def-s0-5-0-1">财政拨款</a>' +
        '<span class="term-definition" role="tooltip" id="def-s0-5-0-1" data-pagefind-ignore>指&quot;一般&quot;&lt;公共&gt;预算</span></span>' +
        '收支&#39;总表&#39;',
    );
  });

  it('escapes an address as Astro escapes an attribute (& and " only) and shows a term without a definition', () => {
    const html = phrasingHtml([{ type: 'link', url: '/g/a&b"<c>/', children: [{ type: 'text', value: 'a&b' }] }], 'def-s2-3');
    expect(html).toBe(
      '<span class="term"><a href="/g/a&amp;b&quot;<c>/" aria-describedby="def-s2-3-0">a&amp;b</a>' +
        '<span class="term-definition" role="tooltip" id="def-s2-3-0" data-pagefind-ignore></span></span>',
    );
  });
});
