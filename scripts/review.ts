#!/usr/bin/env node
/**
 * The review CLI for an office before it publishes: disclosures in, a Chinese report per document on the terminal
 * and as HTML and JSON files; exit status 1 when any 错误 is found, so that it can gate a publishing pipeline.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_BYTES, oversizeReason } from '../src/ingest/decode.ts';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import { readSource } from '../src/ingest/sources/index.ts';
import { htmlReport, jsonReport, textReport } from '../src/review/report.ts';
import { argumentProblem, notAFile, readFailure, usageError } from './cli-messages.ts';

const HELP = `用法：npm run review -- [--out 目录] 文件…

审核预决算公开文件（与 npm run ingest 接受的输入相同），逐份输出中文审核报告：
按“错误”“提示”分组，注明页码、行号和对照的两个数字；并在输出目录中为每份文件
写出 <名称>.review.html 和 <名称>.review.json。

选项：
  --out 目录     报告文件的输出目录（默认：review-reports）
  -h, --help     显示本说明

退出状态：0 未发现错误（可有提示）；1 至少一份文件有错误，或有文件无法读取；
2 用法错误（未给文件、未知选项）。`;

async function reviewFile(file: string, outDir: string): Promise<'clean' | 'errors' | 'unreadable'> {
  const label = relative(process.cwd(), file) || file;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error(notAFile(info.isDirectory()));
    if (info.size > MAX_INPUT_BYTES) throw new Error(oversizeReason(info.size));
    bytes = await readFile(file);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    process.stderr.write(`错误：${label}：${err.code ? readFailure(err.code) : err.message}\n`);
    return 'unreadable';
  }
  const read = await readSource(bytes, file);
  if (!read.ok) {
    process.stderr.write(`错误：${label}${read.line ? `:${read.line}` : ''}：${read.reason}\n`);
    return 'unreadable';
  }
  const doc = parseDisclosure(read.text, {
    file: basename(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: read.format,
    encoding: read.encoding,
    pageStarts: read.pageStarts,
    portalFrom: read.portalFrom,
    images: read.images,
  });
  process.stdout.write(`${textReport(doc)}\n`);
  await writeFile(join(outDir, `${doc.slug}.review.html`), htmlReport(doc));
  await writeFile(join(outDir, `${doc.slug}.review.json`), jsonReport(doc));
  return doc.findings.some((f) => f.severity === '错误') ? 'errors' : 'clean';
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    usageError('review', argumentProblem(error));
  }
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.positionals.length === 0) usageError('review', '请给出要审核的文件');
  const outDir = resolve(args.values.out ?? 'review-reports');
  await mkdir(outDir, { recursive: true });
  const results = [];
  for (const file of args.positionals) results.push(await reviewFile(file, outDir));
  process.stdout.write(`报告已写入 ${relative(process.cwd(), outDir) || outDir}\n`);
  return results.every((r) => r === 'clean') ? 0 : 1;
}

process.exitCode = await main();
