import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/schema/narrative.ts';
import { linkedParagraphs } from '../../src/site/glossary-links.ts';
import { collectGlossary, termSlug } from '../../src/site/glossary.ts';
import type { Disclosure } from '../../src/schema/disclosure.ts';

const section = (id: string, paragraphs: string[]): Section => ({
  id,
  heading: null,
  level: 2,
  paragraphs,
  lines: { first: 1, last: 1 },
});

const terms = [
  { term: '基本支出', url: '/glossary/基本支出/', definition: '保障机构正常运转的支出' },
  { term: '基本支出预算', url: '/glossary/基本支出预算/', definition: '年度基本支出计划' },
  { term: '三公经费', url: '/glossary/三公经费/', definition: '因公出国（境）费、公务用车购置及运行费、公务接待费' },
];

describe('glossary links in the narrative', () => {
  it('links only the first occurrence of each term in the document, longest term first', () => {
    const linked = linkedParagraphs(
      [section('s1', ['2021年基本支出预算993.81万元，三公经费4.2万元。']), section('s2', ['三公经费比上年持平，基本支出增加。'])],
      terms,
    );
    const first = linked.get('s1')![0];
    expect(first.map((n) => n.type)).toEqual(['text', 'link', 'text', 'link', 'text']);
    expect(first[1]).toMatchObject({ url: '/glossary/基本支出预算/', title: '年度基本支出计划' });
    const second = linked.get('s2')![0];
    // 三公经费 was linked in s1; 基本支出 was only covered by the longer term, so it is linked here.
    expect(second.filter((n) => n.type === 'link').map((n) => (n.type === 'link' ? n.url : ''))).toEqual(['/glossary/基本支出/']);
  });

  it('keeps hostile text as text nodes, never as markup or links', () => {
    const hostile = '<script>alert(1)</script>[点我](javascript:alert(1))';
    const linked = linkedParagraphs([section('s1', [hostile])], terms);
    expect(linked.get('s1')![0]).toEqual([{ type: 'text', value: hostile }]);
  });
});

describe('the corpus glossary', () => {
  const doc = (slug: string, glossary: Array<[string, string]>) =>
    ({ slug, title: slug, glossary: glossary.map(([term, definition]) => ({ term, definition, lines: { first: 1, last: 1 } })) }) as unknown as Disclosure;

  it('merges identical definitions and keeps differing wordings side by side', () => {
    const terms = collectGlossary([
      doc('a', [['机关运行经费', '为保障行政单位运行的公用经费。']]),
      doc('b', [['机关运行经费', '为保障行政单位运行的公用经费']]),
      doc('c', [['机关运行经费', '指行政单位的日常公用经费支出。']]),
    ]);
    expect(terms).toHaveLength(1);
    expect(terms[0].definitions).toHaveLength(2);
    expect(terms[0].definitions[0].docs.map((d) => d.slug)).toEqual(['a', 'b']);
  });
});

describe('term page slugs', () => {
  it('keep plain terms readable and make terms with route characters safe and distinct', () => {
    expect(termSlug('机关运行经费')).toBe('机关运行经费');
    expect(termSlug('收入/支出')).toMatch(/^收入-支出-[0-9a-f]{8}$/);
    expect(termSlug('收入?支出')).not.toBe(termSlug('收入/支出'));
    expect(termSlug('“三公”经费')).toMatch(/^三公-经费-[0-9a-f]{8}$/);
  });
});
