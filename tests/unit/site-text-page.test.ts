import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/schema/narrative.ts';
import { TEXT_PAGE_CHARACTERS, textCharacters, textHasOwnPage, textOutline, textPagePath } from '../../src/site/text-page.ts';
import { narrativeLinks } from '../../src/site/glossary-links.ts';

const section = (id: string, level: number, heading: string | null, paragraphs: string[], first = 1): Section => ({
  id,
  heading,
  level,
  paragraphs,
  lines: { first, last: first + paragraphs.length },
});

describe('a long 正文 on its own page', () => {
  it('counts the characters of headings and paragraphs', () => {
    // 7 + 5 + 4 characters, counted by hand.
    expect(textCharacters([section('s1', 1, '第一部分 概况', ['本部门职责', '主要任务']), section('s2', 2, null, [])])).toBe(16);
  });

  it('gives the text its own page only above the limit', () => {
    expect(textHasOwnPage(TEXT_PAGE_CHARACTERS)).toBe(false);
    expect(textHasOwnPage(TEXT_PAGE_CHARACTERS + 1)).toBe(true);
    expect(textPagePath('a-b')).toBe('d/a-b/text/');
  });

  it('lists the first two levels of headings that have one', () => {
    const sections = [section('s1', 1, '第一部分 部门概况', []), section('s1-1', 2, '一、部门职责', []), section('s1-1-1', 3, '（一）', []), section('s2', 2, ' ', [])];
    expect(textOutline(sections).map((s) => s.id)).toEqual(['s1', 's1-1']);
  });

  it('links no term inside the 名词解释 section, and prefers the document’s own definition', () => {
    const terms = [{ term: '三公经费', url: '/glossary/x/', definition: '别处的定义' }];
    const doc = {
      sections: [section('s1', 1, '第一部分', ['三公经费比上年减少。'], 1), section('s9', 1, '第九部分 名词解释', ['三公经费：指……'], 10)],
      glossary: [{ term: '三公经费', definition: '本文件的定义', lines: { first: 11, last: 11 } }],
    };
    const linked = narrativeLinks(doc, terms);
    expect(linked.get('s1')![0][0]).toMatchObject({ type: 'link', title: '本文件的定义' });
    expect(linked.has('s9')).toBe(false);
  });
});
