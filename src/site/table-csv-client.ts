import { gunzippedText } from './gzip-text.ts';
import { saveFile } from './save-file.ts';

/**
 * The 下载 CSV button under each table of a disclosure page. The CSV is made in the browser from the disclosure's
 * JSON when a reader asks for it, instead of a file per table in the built site (static hosts limit files, and the
 * JSON already holds every table). The buttons are made here, beside each table's unit line: without scripts there
 * is no button, and the JSON link is the download.
 */
const documents = new Map<string, Promise<unknown>>();

/** A failure said in the reader's words; any other (the browser's own, in English: Failed to fetch …) is not shown as is. */
class Problem extends Error {}

function documentAt(url: string): Promise<unknown> {
  let doc = documents.get(url);
  if (!doc) {
    doc = fetch(url).then(async (response) => {
      if (!response.ok) throw new Problem(`服务器返回 ${response.status}`);
      // Published gzip-compressed (disclosureDataPath).
      return JSON.parse(await gunzippedText(new Uint8Array(await response.arrayBuffer())));
    });
    doc.catch(() => documents.delete(url));
    documents.set(url, doc);
  }
  return doc;
}

async function download(button: HTMLButtonElement): Promise<void> {
  // The JSON's address and the slug the files are named by are on the tables' section, once for all its buttons.
  const { json, slug } = button.closest<HTMLElement>('[data-json]')!.dataset;
  const { table } = button.dataset;
  const file = `${slug}-${table}.csv`;
  const status = button.nextElementSibling as HTMLElement | null;
  if (status) status.textContent = '';
  try {
    // The schema (zod) comes with the first download, not with every page.
    const [{ tableCsvOf }, doc] = await Promise.all([import('./table-csv.ts'), documentAt(json!)]);
    const csv = tableCsvOf(doc, table!);
    if (csv === null) throw new Problem('数据中没有此表');
    saveFile(file, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  } catch (error) {
    const why = error instanceof Problem ? error.message : '网络连接中断或数据有误';
    if (status) status.textContent = `下载失败（${why}），请稍后重试或下载本文件的 JSON。`;
  }
}

// Each table's section is `table-<id>` (DataTable.astro); its unit line is the paragraph under the title.
for (const section of document.querySelectorAll<HTMLElement>('[data-json] section.data-table[id^="table-"]')) {
  const line = section.querySelector(':scope > p.muted');
  if (!line) continue;
  const wrap = document.createElement('span');
  wrap.className = 'no-print table-download';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'table-csv';
  button.dataset.table = section.id.slice('table-'.length);
  button.textContent = '下载 CSV';
  button.addEventListener('click', () => void download(button));
  const status = document.createElement('span');
  status.className = 'download-status';
  status.setAttribute('role', 'status');
  wrap.append(' · ', button, status);
  line.append(wrap);
}
