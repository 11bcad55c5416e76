import { zhCompare } from './zh-compare.ts';

/** Sorts a table by a column when its header button is pressed; aria-sort tells screen readers the order. */
export function makeSortable(table: HTMLTableElement): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  headers.forEach((th, column) => {
    const button = th.querySelector<HTMLButtonElement>('button.sort');
    if (!button) return;
    button.addEventListener('click', () => {
      const numeric = button.dataset.type === 'number';
      // Amounts are read largest first: a numeric column's first press sorts it descending, text ascending.
      const current = th.getAttribute('aria-sort');
      const ascending = current === 'none' || current === null ? !numeric : current !== 'ascending';
      headers.forEach((h) => h.setAttribute('aria-sort', 'none'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const rows = [...body.rows];
      const valueOf = (row: HTMLTableRowElement) => {
        const cell = row.cells[column];
        return cell.dataset.value ?? cell.textContent ?? '';
      };
      rows.sort((a, b) => {
        const x = valueOf(a);
        const y = valueOf(b);
        const order = numeric ? (Number(x) || 0) - (Number(y) || 0) : zhCompare(x, y);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}
