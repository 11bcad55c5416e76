import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NODE = resolve('node_modules/.bin/node');
const CLI = resolve('scripts/review.ts');
const SEED = resolve('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt');

const work = mkdtempSync(join(tmpdir(), 'review-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function review(args: string[]) {
  const run = spawnSync(NODE, [CLI, ...args], { cwd: work, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run review', () => {
  it('exits 2 on a usage error', () => {
    const none = review([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('review：请给出要审核的文件\n请运行 npm run review -- --help 查看用法。\n');
    const bogus = review(['--bogus', SEED]);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toBe('review：没有 --bogus 这个选项\n请运行 npm run review -- --help 查看用法。\n');
  });

  it('reports a seed with an error: Chinese report grouped by severity, HTML and JSON written, exit 1', () => {
    const out = join(work, 'edz');
    const run = review(['--out', out, SEED]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('【错误】');
    // L644: 2024年预算数为25万元,比上年预算增加26万元 — both figures in the message, with the line.
    expect(run.stdout).toMatch(/第 [\d–、 ]*行\] 正文说本年25万元，比上年增加26万元/);
    expect(readdirSync(out).sort()).toEqual(['kashgar-edz-party-mass-work-dept-2024-budget.review.html', 'kashgar-edz-party-mass-work-dept-2024-budget.review.json']);
    const json = JSON.parse(readFileSync(join(out, 'kashgar-edz-party-mass-work-dept-2024-budget.review.json'), 'utf8'));
    expect(json.errors).toBeGreaterThan(0);
    expect(json.findings.some((f: { rule: string }) => f.rule === 'wording.change-amount')).toBe(true);
  });

  it('escapes the document’s text in the HTML report', () => {
    const file = join(work, 'hostile.txt');
    // The cover's labelled line names the department, so the hostile text reaches the report's title and heading.
    writeFileSync(file, '上海市<script>alert(1)</script>XX局2024年度部门预算\n预算单位：上海市<script>alert(1)</script>测试局\n\n一、说明\n本单位<img src=x onerror=alert(1)>收支，，情况如下。\n');
    const out = join(work, 'hostile-out');
    const run = review(['--out', out, file]);
    expect(run.status).toBe(1);
    const html = readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('.html'))!), 'utf8');
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('&lt;');
  });

  it('exits 0 when a document has no 错误', () => {
    const file = join(work, 'clean.txt');
    writeFileSync(file, '关于本单位工作情况的说明\n\n本单位全年完成各项工作任务。\n');
    const run = review(['--out', join(work, 'clean-out'), file]);
    expect(run.stdout).toContain('错误 0 项');
    expect(run.status).toBe(0);
  });

  it('exits 1 when a file cannot be read, and says so in Chinese', () => {
    const run = review(['--out', join(work, 'missing-out'), join(work, 'no-such-file.txt')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('错误：no-such-file.txt：无法读取文件：文件不存在，可能是失效的链接，或在处理期间被删除（ENOENT）\n');
  });
});
