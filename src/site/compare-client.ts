/**
 * The compare view: departments (or years of one department) side by side in 万元. Its state is the URL
 * (`?d=<slug>` or `?d=<slug>@<year>`, repeated), so a comparison can be bookmarked and shared. Text from documents
 * is set with textContent only.
 */
import type { CompareDepartment, CompareYear } from './compare-data.ts';
import {
  fileOfKey,
  findNames,
  foldName,
  isSearchable,
  type NameFile,
  type NameMatches,
  parseTyped,
  SHOWN_NAMES,
} from './department-names.ts';
import { TYPING_PAUSE_MS } from './typing-pause.ts';

const root = document.querySelector<HTMLElement>('[data-compare]');
const base = root?.dataset.base ?? '/';
const numbers = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

interface Column {
  key: string;
  department: CompareDepartment;
  year: CompareYear;
}

function selections(): string[] {
  return new URLSearchParams(location.search).getAll('d').filter((s) => /^[du]-[0-9a-f]{12}(@\d{4})?$/.test(s));
}

function setSelections(list: string[]): void {
  const params = new URLSearchParams();
  for (const s of list) params.append('d', s);
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

/** The department page carries its compare data in an attribute (src/pages/departments/[slug]/index.astro). */
function compareDataIn(html: string): CompareDepartment | null {
  const json = new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLElement>('[data-compare-department]')?.dataset.compareDepartment;
  return json ? (JSON.parse(json) as CompareDepartment) : null;
}

const cache = new Map<string, Promise<CompareDepartment | null>>();
function load(slug: string): Promise<CompareDepartment | null> {
  if (!cache.has(slug)) {
    cache.set(
      slug,
      fetch(`${base}departments/${slug}/`)
        .then(async (r) => (r.ok ? compareDataIn(await r.text()) : null))
        .catch(() => null),
    );
  }
  return cache.get(slug)!;
}

/** The year asked for, else the newest; a budget before a final account of the same year. */
function pickYear(department: CompareDepartment, year: number | null): CompareYear | null {
  const candidates = department.years.filter((y) => year == null || y.year === year);
  return candidates.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.kind === '预算' ? -1 : 1))[0] ?? null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function amount(v: number | null): string {
  return v == null ? '—' : numbers.format(v);
}

function render(columns: Column[], missing: string[]): void {
  const out = root!.querySelector<HTMLElement>('[data-compare-output]')!;
  out.replaceChildren();
  if (missing.length > 0) out.append(el('p', `未找到：${missing.join('、')}`, 'status-fail'));
  if (columns.length === 0) {
    out.append(el('p', '尚未选择部门。在上方输入部门名称后点“加入对比”。', 'empty-state'));
    return;
  }
  const rows: Array<[string, (c: Column) => string]> = [
    ['年度', (c) => (c.year.year == null ? '不详' : `${c.year.year}年`)],
    ['文件类型', (c) => c.year.kind],
    ['收入合计', (c) => amount(c.year.income)],
    ['支出合计', (c) => amount(c.year.expenditure)],
    ['基本支出', (c) => amount(c.year.basic)],
    ['项目支出', (c) => amount(c.year.project)],
    ['项目支出占比', (c) => share(c.year.project, c.year.expenditure)],
    ['“三公”经费', (c) => amount(c.year.threePublic)],
    ['编制人数', (c) => (c.year.authorized == null ? '—' : `${c.year.authorized} 人`)],
    ['实有人数', (c) => (c.year.actualStaff == null ? '—' : `${c.year.actualStaff} 人`)],
    ['人均支出（按实有人数）', (c) => perHead(c.year.expenditure, c.year.actualStaff)],
    ['人均基本支出（按实有人数）', (c) => perHead(c.year.basic, c.year.actualStaff)],
  ];
  const classes = [...new Set(columns.flatMap((c) => Object.keys(c.year.classes)))].sort();
  for (const name of classes) rows.push([name, (c) => classCell(c.year, name)]);

  const wrap = el('div', undefined, 'table-scroll');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', '对比表（可横向滚动）');
  const table = el('table', undefined, 'data compare');
  table.append(el('caption', '对比（金额单位：万元）'));
  const head = el('tr');
  head.append(el('th', '项目'));
  for (const [i, c] of columns.entries()) {
    const th = el('th');
    th.scope = 'col';
    const link = el('a', c.department.name);
    link.href = `${base}departments/${c.department.slug}/`;
    const remove = el('button', '移除', 'compare-remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', `从对比中移除${c.department.name}`);
    remove.addEventListener('click', () => {
      const list = selections();
      list.splice(i, 1);
      setSelections(list);
      void update();
    });
    th.append(link, el('br'), el('span', c.department.scope, 'badge'), ' ', remove);
    head.append(th);
  }
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const [label, cell] of rows) {
    const tr = el('tr');
    const th = el('th', label);
    th.scope = 'row';
    tr.append(th, ...columns.map((c) => el('td', cell(c), 'num')));
    body.append(tr);
  }
  table.append(body);
  wrap.append(table);
  out.append(wrap);
}

function share(part: number | null, whole: number | null): string {
  return part == null || !whole ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

function perHead(total: number | null, staff: number | null): string {
  return total == null || !staff ? '—' : `${numbers.format(Math.round((total / staff) * 100) / 100)} 万元/人`;
}

function classCell(year: CompareYear, name: string): string {
  const v = year.classes[name];
  return v == null ? '—' : `${amount(v)}（${share(v, year.expenditure)}）`;
}

async function update(): Promise<void> {
  const chosen = selections();
  const columns: Column[] = [];
  const missing: string[] = [];
  for (const choice of chosen) {
    const [slug, year] = choice.split('@');
    const department = await load(slug);
    const picked = department && pickYear(department, year ? Number(year) : null);
    if (department && picked) columns.push({ key: choice, department, year: picked });
    else missing.push(choice);
  }
  render(columns, missing);
}

const nameFiles = new Map<number, Promise<NameFile>>();
function nameFile(n: number): Promise<NameFile> {
  if (!nameFiles.has(n)) {
    const file = fetch(`${base}compare/names/${n}.json`).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<NameFile>;
    });
    // A failed fetch is asked again at the next lookup instead of being remembered.
    file.catch(() => nameFiles.delete(n));
    nameFiles.set(n, file);
  }
  return nameFiles.get(n)!;
}

function namesHolding(folded: string): Promise<NameMatches> {
  const files = Number(root!.dataset.nameFiles) || 1;
  return findNames(folded, async (key) => (await nameFile(fileOfKey(key, files)))[key]);
}

const UNAVAILABLE = '部门名称索引暂时无法加载，不能按名称查找；可从各部门页面的“加入对比”加入。';
const TOO_SHORT = '请至少输入部门名称中的两个字。';

function setUpPicker(): void {
  const form = root!.querySelector<HTMLFormElement>('form[data-compare-add]')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const list = form.querySelector<HTMLDataListElement>('datalist')!;
  const status = form.querySelector<HTMLElement>('[role=status]')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  // While the reader types, the names holding the text so far are offered under the box, at most SHOWN_NAMES.
  const suggest = async () => {
    const current = ++generation;
    const folded = foldName(parseTyped(input.value).name);
    if (!isSearchable(folded)) {
      list.replaceChildren();
      return;
    }
    try {
      const { matches } = await namesHolding(folded);
      if (current !== generation) return;
      list.replaceChildren(...matches.slice(0, SHOWN_NAMES).map((m) => Object.assign(el('option'), { value: m.name })));
      if (status.textContent === UNAVAILABLE) status.textContent = '';
    } catch {
      if (current === generation) status.textContent = UNAVAILABLE;
    }
  };
  const typed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), TYPING_PAUSE_MS);
  };
  // Keys pressed inside an input method (pinyin letters) are not a name yet.
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) typed();
  });
  input.addEventListener('compositionend', typed);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    generation++;
    const text = input.value.trim();
    const { name, year } = parseTyped(text);
    const folded = foldName(name);
    if (!isSearchable(folded)) {
      status.textContent = TOO_SHORT;
      return;
    }
    status.textContent = '正在查找…';
    namesHolding(folded).then(
      ({ matches, complete }) => {
        const found = matches[0];
        if (!found) {
          status.textContent = complete ? `没有名为“${text}”的部门。` : `名称含“${name}”的部门太多，请输入更完整的名称。`;
          return;
        }
        status.textContent = '';
        setSelections([...selections(), year ? `${found.slug}@${year}` : found.slug]);
        input.value = '';
        list.replaceChildren();
        void update();
      },
      () => {
        status.textContent = UNAVAILABLE;
      },
    );
  });
}

if (root) {
  setUpPicker();
  void update();
}
