/**
 * The ingest: disclosure text files in, one validated JSON per file out, run by its CLI (scripts/ingest.ts) and by the
 * shard tool that ingests and builds in one command (scripts/shard.ts --sources). Files and processes live here; the
 * parsing itself is the pure `parseDisclosure`.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_BYTES, oversizeReason } from '../src/ingest/decode.ts';
import { extractedTextReason, isHiddenFile, originalsOnly, REFUSED_EXTENSIONS, sameNameSuffixes, SOURCE_EXTENSIONS } from '../src/ingest/sources/names.ts';
import { isDocumentBytes, isPdf, unreadReason } from '../src/ingest/sources/signatures.ts';
import { chosenLibrary, pdfiumInstalled } from '../src/ingest/sources/pdf/layer.ts';
import { slugFor } from '../src/ingest/slug.ts';
import { emptySummary, formatSummary, mergeSummary, type BatchSummary } from '../src/ingest/summary.ts';
import { joinWrittenCompanions, type Reparse, type WrittenDocument } from './companion-step.ts';
import { IngestCache, type Recorded } from './ingest-cache.ts';
import { failedRow, isReport, reportRow, writeReport, type ReportRow } from './corpus-report.ts';
import { ParsePool, STAGE_NAMES, type ParseOutcome } from './parse-worker.ts';
import { argumentProblem, errnoReason, notAFile, numberOption, parserFailure, readFailure, usageError } from './cli-messages.ts';
import { removeStale, removeStaleTemporaries, sourceOfOutput } from './outputs.ts';
import { ValidationRecord } from './validation-record.ts';

const HELP = `用法：npm run ingest -- [选项] [文件|文件夹 …]

把预决算公开文件、绩效评价报告解析为 JSON 文件，按数据格式（docs/schema.md）校验，
每个输入文件得到一个 JSON 文件，以输入文件名命名。

参数：
  文件|文件夹      要解析的文件，或文件夹（读取其中的 ${SOURCE_EXTENSIONS.join('、')} 文件，
                  以及内容是 PDF、工作簿或 Word 文档而扩展名不同或没有扩展名的文件；
                  其中的 ${REFUSED_EXTENSIONS.join('、')} 文件不读取，作为失败逐个报出并说明原因；
                  其他文件和子文件夹不读取，在汇总中逐个列出并说明原因；
                  隐藏文件和本工具自己的输出不列出）
                  （默认：content/sources）

选项：
  --out 目录       JSON 文件的输出目录（默认：content/disclosures）
  --strict         有文件失败或留有未解析的文字时，以状态 1 退出
  --report 文件    另写一份汇总报告（CSV，带 BOM 的 UTF-8）：每份文件一行，列出部门、
                   年度、类型、报表数、未解析行占比、校验通过与未通过数和警告数，
                   问题最多的排在前面
  --quiet          不显示进度，只显示错误和最后的汇总
  --time-limit 秒  一份文件最多可用的 CPU 秒数（默认 300）
  --memory-limit MB  一份文件最多可用的内存（默认 2048）
  --jobs N         同时解析的文件数，每份文件在各自的工作线程中解析
                   （默认：CPU 核数，本机为 ${availableParallelism()}）；N 不影响输出结果
  -h, --help       显示本说明

文件的格式由内容决定，不看扩展名：PDF、Excel 工作簿（.xlsx、.xls）、ODS 工作簿（.ods、.fods）、CSV 表格
（逗号或分号分隔，带引号的字段可含逗号和换行）、Word 文档（.docx）、网页、Markdown、文本。
名为 .csv 的文本只要有一行含两个字段即按表格读取；其他文本须每行字段数相同才按 CSV 读取。
文本和 CSV 可以是 UTF-8（带或不带 BOM）、GB18030/GBK 或 UTF-16 编码，换行为 LF 或 CRLF；
超过 8 MiB 的文件、图片和其他二进制文件不予处理，并说明原因。符号链接不予处理，也不跟随。
无法读取或解析的文件，或超出时间、内存上限的文件，会连同路径（以及停在哪个阶段）报出并跳过；
其余文件照常处理，该文件原有的 JSON 输出保持不变。来源文件内容和解析程序自上次写出 JSON
以来都没有改动的文件不再重新解析（汇总中注明沿用了多少份）。同名而格式不同的文件
（x.xlsx 与 x.pdf）各自解析：同名不等于同一份公开文件。格式最精确的一份（工作簿、CSV、PDF、
Word 文档、HTML、Markdown、文本，依次递减）保留原输出名，其余的在输出名后加上扩展名（x-pdf.json），
并会提示。同属一份公开文件的几个部分（同一部门、年度和类型的无表格“说明”分册与“报表”
分册，以文件内容为准）合并为一份文件，并列出各部分；会提示合并了哪些文件及原因。由另一个
来源文件生成的输出绝不会被覆盖。写出是原子的；中断的运行留下的临时文件会被删除。
默认运行（content/sources 输出到 content/disclosures）还会删除来源文件已不存在的输出。
退出状态：0 完成；1 使用 --strict 且有文件失败或留有未解析的文字；2 用法错误。`;

/** A file of a folder that is not read, and why: named in the batch summary rather than passed over. */
interface Unread {
  path: string;
  reason: string;
}

/**
 * Whether a folder's file is one this program wrote: a disclosure JSON (it names its source), a temporary file of
 * one being written, a --report. Such files are passed over without a word when a folder is both source and output.
 */
async function isOwnOutput(path: string, name: string): Promise<boolean> {
  if (/\.json\.\d+\.tmp$/.test(name)) return true;
  if (name.toLowerCase().endsWith('.json')) return !!(await sourceOfOutput(path).catch(() => null));
  if (name.toLowerCase().endsWith('.csv')) return isReport(await readBounded(path, 512).catch(() => new Uint8Array()));
  return false;
}

/**
 * The files to read, and the files of the given folders that are not read with the reason for each. A folder's files
 * are read by their ending (SOURCE_EXTENSIONS; REFUSED_EXTENSIONS, to be named in the batch's errors), and any other
 * file whose bytes are a document read whatever its name; hidden files and this program's outputs are passed over.
 */
async function expandInputs(paths: string[]): Promise<{ files: string[]; unread: Unread[] }> {
  const files: string[] = [];
  const unread: Unread[] = [];
  const listed = [...SOURCE_EXTENSIONS, ...REFUSED_EXTENSIONS];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      files.push(p); // reported as unreadable in the batch, so that one bad path does not stop the rest
      continue;
    }
    if (!info.isDirectory()) {
      files.push(p);
      continue;
    }
    const names: string[] = [];
    for (const entry of (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(p, entry.name);
      if (isHiddenFile(entry.name) || (entry.isFile() && (await isOwnOutput(path, entry.name)))) continue;
      // Links inside the folder are listed too, so that each is refused by name (lstat, in main) rather than followed.
      if (listed.some((e) => entry.name.toLowerCase().endsWith(e))) names.push(entry.name);
      else if (entry.isDirectory()) unread.push({ path, reason: '这是子文件夹：不读取文件夹中的子文件夹；要读取其中的文件，请把它也列在命令行上' });
      else if (entry.isSymbolicLink()) unread.push({ path, reason: '这是一个符号链接（快捷方式），不予读取，也不跟随' });
      else if (!entry.isFile()) unread.push({ path, reason: notAFile(false) });
      else {
        const bytes = await readBounded(path, MAX_INPUT_BYTES).catch((error: NodeJS.ErrnoException) => error);
        if (bytes instanceof Error) unread.push({ path, reason: readFailure(bytes.code ?? 'EIO') });
        else if (isDocumentBytes(bytes)) names.push(entry.name);
        else unread.push({ path, reason: unreadReason(entry.name, bytes) });
      }
    }
    const originals = originalsOnly(names);
    for (const name of names) if (!originals.includes(name)) unread.push({ path: join(p, name), reason: extractedTextReason(name) });
    files.push(...originals.map((n) => join(p, n)));
  }
  return { files, unread };
}

/**
 * At most `limit + 1` bytes of a file: enough to tell an oversized input from a good one without holding it in
 * memory, even when the file grew after it was measured.
 */
async function readBounded(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    // The first read is sized to the file (one byte more, to see it end), later ones are small: a zeroed mebibyte
    // a read, then copied, cost the main thread some 0.3 CPU-s a 200-file batch. Only the bytes read are kept, so
    // the buffers need not be zeroed.
    let size = (await handle.stat()).size + 1;
    while (length <= limit) {
      const chunk = Buffer.allocUnsafe(Math.min(size, limit + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      size = 1 << 16;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}

/** Write to a temporary file beside the target, then rename: a crash mid-write leaves the old file intact. */
async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** An input that was read and needs no message yet; `parsed` is its parse when it was started ahead. */
interface Ready {
  ok: true;
  file: string;
  sha256: string;
  bytes: ArrayBuffer;
  slug: string | undefined;
  /** The cache's answer, or undefined when it is asked in input order. */
  unchanged: Recorded | null | undefined;
  parsed: Promise<ParseOutcome> | null;
}

type Prepared = Ready | { ok: false; message: string };

/** What a caller other than the CLI learns of a run as it goes. */
export interface IngestHooks {
  /** Called once the last input has been handed to the parse workers: what is left is their last parses and the joins. */
  lastStarted?: () => void;
}

/** A document of the output folder as this run left it, with what the shard plan splits by. */
export interface IngestedDocument {
  slug: string;
  region: string[];
  year: number | null;
}

export interface IngestResult {
  /** The CLI's exit status. */
  code: number;
  /** Every document this run wrote or reused, its companions joined: the folder's other JSON files are not in it. */
  documents: IngestedDocument[];
}

/** One run of the ingest with the CLI's arguments. */
export async function runIngest(argv: string[], hooks: IngestHooks = {}): Promise<IngestResult> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        strict: { type: 'boolean', default: false },
        report: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'time-limit': { type: 'string' },
        'memory-limit': { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    usageError('ingest', argumentProblem(error));
  }
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return { code: 0, documents: [] };
  }
  const timeLimit = numberOption('ingest', '--time-limit', args.values['time-limit'], 300);
  const memoryLimit = numberOption('ingest', '--memory-limit', args.values['memory-limit'], 2048);
  const jobs = numberOption('ingest', '--jobs', args.values.jobs, availableParallelism(), { integer: true });
  const defaultRun = args.positionals.length === 0 && args.values.out === undefined;
  const outDir = resolve(args.values.out ?? 'content/disclosures');
  const { files: inputs, unread } = await expandInputs(args.positionals.length > 0 ? args.positionals : ['content/sources']);
  if (inputs.length === 0) {
    for (const u of unread) process.stderr.write(`未读取：${relative(process.cwd(), u.path) || u.path}：${u.reason}\n`);
    usageError('ingest', '没有找到要解析的文件');
  }
  await mkdir(outDir, { recursive: true });
  await removeStaleTemporaries(outDir);
  const cache = await IngestCache.open(outDir);
  // The texts written are recorded as accepted by the schema (the worker validated each document before writing it),
  // so that the site's content loader does not validate them again (scripts/validation-record.ts).
  const validated = await ValidationRecord.open();
  let reused = 0;

  const showProgress = process.stderr.isTTY && !args.values.quiet;
  const summary = emptySummary();
  const slugs = new Map<string, string>();
  let unparsedDocs = 0;
  const pool = new ParsePool(jobs, { timeMs: timeLimit * 1000, memoryMb: memoryLimit });
  const written: WrittenDocument[] = [];
  const rows = new Map<string, ReportRow>();
  const failedRows: ReportRow[] = [];
  const documents = new Map<string, IngestedDocument>();
  /** Each written or reused document's source and totals, by slug: a tables volume the companion step parses again. */
  const sources = new Map<string, { file: string; sha256: string; summary: BatchSummary }>();

  const sameName = sameNameSuffixes(inputs);
  // Inputs of one file name in two folders share a cache entry, so whether the later one is reused depends on what
  // the earlier one recorded: it is decided in input order, not ahead.
  const nameCounts = new Map<string, number>();
  for (const file of inputs) nameCounts.set(basename(file), (nameCounts.get(basename(file)) ?? 0) + 1);
  const parse = (ready: Ready): Promise<ParseOutcome> =>
    // Never rejects: a parse that is started ahead may fail before its result is awaited.
    pool.parse({ bytes: ready.bytes, file: basename(ready.file), sha256: ready.sha256, slug: ready.slug }).catch(
      (error: Error): ParseOutcome => ({ ok: false, kind: 'parser', reason: error.message, line: null }),
    );

  /**
   * Everything about one input that does not depend on the inputs before it: checked, read, hashed, looked up in the
   * cache, and handed to the pool when it must be parsed. It runs ahead of the loop below, which takes the results
   * in input order, so that messages, outputs and the report are the same whatever order the parses end in.
   */
  let pdfLibraryAsked = false;
  // Asked once a batch, at its first PDF: the run still succeeds with pdf.js, so nothing else would say it went slow.
  const warnOfPdfLibrary = () => {
    if (pdfLibraryAsked) return;
    pdfLibraryAsked = true;
    if (chosenLibrary() !== 'pdfium' || pdfiumInstalled()) return;
    process.stderr.write('警告：未找到 PDF 读取组件 PDFium（@embedpdf/pdfium），本次的 PDF 文件改用 pdf.js 读取，约需三倍时间；请在项目目录运行 npm ci 重新安装依赖\n');
  };
  const prepare = async (file: string): Promise<Prepared> => {
    try {
      const link = await lstat(file);
      if (link.isSymbolicLink()) {
        return { ok: false, message: `这是一个符号链接（快捷方式），为防止读取并公开来源目录以外的文件，不予处理；请把原文件本身复制到此处` };
      }
      const info = await stat(file);
      if (!info.isFile()) return { ok: false, message: notAFile(info.isDirectory()) };
      if (info.size > MAX_INPUT_BYTES) return { ok: false, message: oversizeReason(info.size) };
      const read = await readBounded(file, MAX_INPUT_BYTES);
      if (isPdf(read)) warnOfPdfLibrary();
      const sha256 = createHash('sha256').update(read).digest('hex');
      // A copy of exactly the file's bytes (a Buffer can be a view into a shared pool), handed over to the worker.
      const bytes = new ArrayBuffer(read.length);
      new Uint8Array(bytes).set(read);
      const renamed = sameName.get(file);
      const slug = renamed ? `${slugFor(basename(file), sha256)}${renamed.suffix}` : undefined;
      const ready: Ready = { ok: true, file, sha256, bytes, slug, unchanged: undefined, parsed: null };
      if (nameCounts.get(basename(file)) === 1) {
        ready.unchanged = await cache.reusable(basename(file), sha256);
        if (!ready.unchanged) ready.parsed = parse(ready);
      }
      return ready;
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      return { ok: false, message: err.code ? readFailure(err.code) : parserFailure(err.message) };
    }
  };
  const ahead = new Map<number, Promise<Prepared>>();
  // Enough inputs ahead to keep every worker busy while the loop writes, few enough that memory stays flat in N.
  const lookahead = 2 * jobs;
  let started = 0;
  let lastStarted = false;

  for (const [i, file] of inputs.entries()) {
    while (started < Math.min(inputs.length, i + lookahead)) ahead.set(started, prepare(inputs[started++]));
    if (started === inputs.length && !lastStarted) {
      lastStarted = true;
      hooks.lastStarted?.();
    }
    const prepared = await ahead.get(i)!;
    ahead.delete(i);
    const label = relative(process.cwd(), file) || file;
    if (showProgress) process.stderr.write(`\r\x1b[K[${i + 1}/${inputs.length}] ${label}`);
    const fail = (message: string, line: number | null = null) => {
      summary.failed++;
      failedRows.push(failedRow(label, message));
      if (showProgress) process.stderr.write('\r\x1b[K');
      process.stderr.write(`错误：${label}${line ? `:${line}` : ''}：${message}\n`);
    };
    if (!prepared.ok) {
      fail(prepared.message);
      continue;
    }
    try {
      const { sha256, slug } = prepared;
      const accept = (result: Recorded) => {
        if (result.unparsed > 0) unparsedDocs++;
        for (const w of result.failureWarnings) process.stderr.write(`警告：${label}：${w}\n`);
        written.push({ ...result.companion, label, nonBlankLines: result.nonBlankLines });
        rows.set(result.slug, { ...result.reportRow, file: label });
        documents.set(result.slug, { slug: result.slug, region: result.region, year: result.companion.year });
        sources.set(result.slug, { file, sha256, summary: result.summary });
      };
      const unchanged = prepared.unchanged === undefined ? await cache.reusable(basename(file), sha256) : prepared.unchanged;
      if (unchanged && !slugs.has(unchanged.slug)) {
        slugs.set(unchanged.slug, label);
        // Its tables, checks and lines count in the totals; as a document it counts as reused, not parsed.
        mergeSummary(summary, { ...unchanged.summary, documents: 0 });
        accept(unchanged);
        reused++;
        continue;
      }
      const renamed = sameName.get(file);
      if (renamed) {
        const kept = relative(process.cwd(), renamed.keeps) || renamed.keeps;
        process.stdout.write(`${label} 与 ${kept} 同名：同名文件未必是同一份公开文件，两者分别解析；${kept} 保留原输出名，${basename(file)} 的输出名为 ${slug}.json\n`);
      }
      const outcome = await (prepared.parsed ?? parse(prepared));
      if (!outcome.ok) {
        if (outcome.kind === 'time') fail(`处理耗用的 CPU 时间超过 ${timeLimit} 秒的上限，停在“${STAGE_NAMES[outcome.stage]}”阶段；已跳过此文件，其余文件照常处理（可用 --time-limit 放宽）`);
        else if (outcome.kind === 'memory') fail(`内存占用超过 ${memoryLimit} MB 的上限，停在“${STAGE_NAMES[outcome.stage]}”阶段；已跳过此文件，其余文件照常处理（可用 --memory-limit 放宽）`);
        else if (outcome.kind === 'read') fail(outcome.reason, outcome.line);
        else if (outcome.kind === 'parser') fail(parserFailure(outcome.reason));
        continue;
      }
      const previous = slugs.get(outcome.slug);
      if (previous) {
        fail(`输出文件名 ${outcome.slug}.json 已被本批的 ${previous} 占用；本文件未写出，请给本文件改名`);
        continue;
      }
      slugs.set(outcome.slug, label);
      const target = join(outDir, `${outcome.slug}.json`);
      const shownTarget = relative(process.cwd(), target) || target;
      const owner = await sourceOfOutput(target);
      if (owner === '') {
        fail(`输出文件 ${shownTarget} 已存在，但不是由来源文件生成的披露数据；为免覆盖，本文件未写出，请确认后删除或移走该文件`);
        continue;
      }
      if (owner !== null && owner !== basename(file)) {
        fail(`输出文件 ${shownTarget} 已由另一个来源文件“${owner}”生成；为免覆盖其数据，本文件未写出，请给本文件改名，或确认后先删除该输出文件`);
        continue;
      }
      try {
        await writeAtomically(target, outcome.json);
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        fail(`无法写入 ${shownTarget}：${code ? errnoReason(code) : message}`);
        continue;
      }
      mergeSummary(summary, outcome.summary);
      const { json, ...result } = outcome;
      accept(result);
      const output = createHash('sha256').update(json).digest();
      cache.record(basename(file), sha256, output.toString('hex'), result);
      validated.accepted(output.toString('base64url'));
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      fail(err.code ? readFailure(err.code) : parserFailure(err.message));
    }
  }
  if (showProgress) process.stderr.write('\r\x1b[K');
  // The file as it was parsed the first time, else nothing: a file changed since is not joined with other bytes.
  const reparse: Reparse = async (part, stated) => {
    const source = sources.get(part.slug);
    const read = source && (await readBounded(source.file, MAX_INPUT_BYTES).catch(() => null));
    if (!source || !read || createHash('sha256').update(read).digest('hex') !== source.sha256) return null;
    const bytes = new ArrayBuffer(read.length);
    new Uint8Array(bytes).set(read);
    const outcome = await pool.parse({ bytes, file: basename(source.file), sha256: source.sha256, slug: part.slug, stated }).catch(() => null);
    return outcome?.ok ? { json: outcome.json, summary: outcome.summary } : null;
  };
  const joined = await joinWrittenCompanions(written, outDir, slugs, writeAtomically, (line) => process.stdout.write(`${line}\n`), reparse);
  await pool.close();
  for (const { doc, parts, reparsed } of joined) {
    // As a document each part counted once already: only its tables, checks and lines change.
    for (const [slug, now] of reparsed) {
      mergeSummary(summary, { ...sources.get(slug)!.summary, documents: 0 }, -1);
      mergeSummary(summary, { ...now, documents: 0 });
    }
    for (const p of parts) rows.delete(p.slug);
    for (const p of parts) documents.delete(p.slug);
    documents.set(doc.slug, { slug: doc.slug, region: doc.region, year: doc.year });
    const nonBlankLines = parts.reduce((n, p) => n + p.nonBlankLines, 0);
    rows.set(doc.slug, reportRow(doc, parts.map((p) => p.label).join(' + '), nonBlankLines));
    summary.documents -= parts.length - 1;
    // The parts' own JSON files are gone: they are parsed and joined again next time.
    for (const p of parts) cache.forget(p.file);
  }
  await cache.save();
  await validated.save();
  if (args.values.report) {
    const reportPath = resolve(args.values.report);
    await writeReport(reportPath, [...rows.values(), ...failedRows]);
    process.stdout.write(`报告：${relative(process.cwd(), reportPath) || reportPath}\n`);
  }
  if (defaultRun) {
    // Every file there, not only those of the listed endings: a file of another name is read when its bytes are a document.
    for (const removed of await removeStale(outDir, new Set(await readdir('content/sources')))) {
      process.stderr.write(`已删除过期输出 ${relative(process.cwd(), removed)}：其来源文件已不在 content/sources 中\n`);
    }
  }
  const unreadLines = unread.map((u) => `  ${relative(process.cwd(), u.path) || u.path}：${u.reason}`);
  process.stdout.write(
    [
      formatSummary(summary),
      `沿用：${reused} 份（来源文件和解析程序都没有改动，未重新解析）`,
      ...(unread.length > 0 ? [`未读取：${unread.length} 个，不计为失败`, ...unreadLines] : []),
      `输出目录：${relative(process.cwd(), outDir) || outDir}\n`,
    ].join('\n'),
  );
  return { code: args.values.strict && (summary.failed > 0 || unparsedDocs > 0) ? 1 : 0, documents: [...documents.values()] };
}
