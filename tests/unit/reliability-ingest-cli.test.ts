import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/ingest/decode.ts';

const NODE = resolve('node_modules/.bin/node');
const CLI = resolve('scripts/ingest.ts');
const SOURCES = resolve('content/sources');
const SEED = join(SOURCES, 'kashgar-poverty-alleviation-office-2021-budget.txt');
const GB18030_FIXTURE = resolve('tests/fixtures/encodings/kashgar-poverty-office-lines-1-140.gb18030.txt');

function seedHeadText(): string {
  return `${readFileSync(SEED, 'utf8').split('\n').slice(0, 140).join('\n')}\n`;
}

const work = mkdtempSync(join(tmpdir(), 'reliability-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let dirs = 0;
function freshDir(name: string): string {
  const dir = join(work, `${++dirs}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Limits that catch a hang, not a slow run: these tests start the CLI up to six times each, and on a busy 2-core
// machine (load 20–25) four of them passed two minutes. The child is stopped before its test's limit, so a hang fails
// with the CLI's own output rather than vitest's timeout.
const CLI_LIMIT = 480_000;
const TEST_LIMIT = 600_000;

function ingest(args: string[], cwd = work) {
  const run = spawnSync(NODE, [CLI, '--quiet', ...args], { cwd, encoding: 'utf8', timeout: CLI_LIMIT });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

/** A batch with one of every bad file kind between two good seeds, so that the batch visibly goes on past each. */
function badBatch(): { dir: string; out: string } {
  const dir = freshDir('bad-batch');
  const out = freshDir('bad-batch-out');
  copyFileSync(SEED, join(dir, 'a-good.txt'));
  writeFileSync(join(dir, 'b-empty.txt'), '');
  writeFileSync(join(dir, 'c-pdf.txt'), Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n')]));
  writeFileSync(join(dir, 'd-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'e-binary.txt'), Buffer.concat([Buffer.from('单位：万元\n合计 1\n'), Buffer.from([0, 1, 2, 3, 4, 0x41, 0x42])]));
  mkdirSync(join(dir, 'f-directory.txt'));
  symlinkSync(join(dir, 'vanished-before-it-was-read.txt'), join(dir, 'g-dangling.txt'));
  copyFileSync(GB18030_FIXTURE, join(dir, 'h-gb18030.txt'));
  writeFileSync(join(dir, 'i-utf16be-bom.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(readFileSync(SEED, 'utf8'), 'utf16le').swap16()]));
  writeFileSync(join(dir, 'j-crlf.txt'), readFileSync(SEED, 'utf8').replace(/\n/g, '\r\n'));
  // Tags nested 50,000 deep: a whole page fails by name, a text line holding them is kept as printed.
  writeFileSync(join(dir, 'k-deep.html'), `<html><head><title>某局2024年部门预算</title></head><body>${'<div>'.repeat(50_000)}一、部门职责</body></html>`);
  writeFileSync(join(dir, 'l-tags.txt'), `${readFileSync(SEED, 'utf8')}\n${'<b>'.repeat(50_000)}x\n`);
  copyFileSync(join(SOURCES, 'julu-county-poverty-office-2021-budget.txt'), join(dir, 'z-good.txt'));
  return { dir, out };
}

describe('ingest CLI: a batch with bad files', { timeout: TEST_LIMIT }, () => {
  const { dir, out } = badBatch();
  const run = ingest(['--out', out, dir]);
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('错误：'));

  it('reports each bad file once, with its path and a reason a person can act on', () => {
    const rel = (name: string) => join(dir, name).slice(work.length + 1);
    expect(errors).toEqual([
      `错误：${rel('b-empty.txt')}：文件是空的`,
      // PDFs are read whatever the file is called; this one is only a header and some bytes.
      `错误：${rel('c-pdf.txt')}：PDF 文件已损坏或不完整，无法读取`,
      `错误：${rel('d-image.txt')}：这是 PNG 图片，不是文本：扫描件需要先做文字识别`,
      // Line 3 is the first line after the two text lines written above.
      `错误：${rel('e-binary.txt')}:3：文本中有二进制数据（控制字符）：不是提取出的文本`,
      `错误：${rel('f-directory.txt')}：这是一个文件夹，不是文件`,
      // A link is refused as a link, dangling or not: it could point anywhere on the machine.
      `错误：${rel('g-dangling.txt')}：这是一个符号链接（快捷方式），为防止读取并公开来源目录以外的文件，不予处理；请把原文件本身复制到此处`,
      `错误：${rel('k-deep.html')}：解析程序出错：文件的结构嵌套过深（例如网页标签嵌套了数千层），超出解析程序的处理能力`,
    ]);
  });

  it('goes on past every bad file: the good files around them and the unusual encodings are all written', () => {
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a-good.json', 'h-gb18030.json', 'i-utf16be-bom.json', 'j-crlf.json', 'l-tags.json', 'z-good.json']);
    expect(run.stdout).toContain('文件：解析 6 份，失败 7 份');
  });

  it('reads GB18030, UTF-16 BE and CRLF to the same document as UTF-8 with LF (apart from the source record)', () => {
    const doc = (name: string) => {
      const { source, slug, ...rest } = JSON.parse(readFileSync(join(out, name), 'utf8'));
      return { rest, encoding: source.encoding, lineCount: source.lineCount, slug };
    };
    const good = doc('a-good.json');
    expect(doc('i-utf16be-bom.json')).toEqual({ ...good, encoding: 'utf-16be', slug: 'i-utf16be-bom' });
    expect(doc('j-crlf.json')).toEqual({ ...good, encoding: 'utf-8', slug: 'j-crlf' });
    const gb = doc('h-gb18030.json');
    expect(gb.encoding).toBe('gb18030');
    expect(gb.lineCount).toBe(140);
    // Line 78 of the seed is the first 编制部门 line; the GB18030 excerpt names the same department.
    expect(gb.rest.department).toBe(good.rest.department);
  });

  it('exits 1 with --strict when any file failed', () => {
    expect(ingest(['--strict', '--out', freshDir('strict-out'), dir]).status).toBe(1);
  });
});

describe('ingest CLI: exit codes and usage', { timeout: TEST_LIMIT }, () => {
  it('exits 0 on good inputs, 2 on an unknown option, 2 when no input files are found', () => {
    const out = freshDir('ok-out');
    expect(ingest(['--out', out, SEED]).status).toBe(0);
    const unknown = ingest(['--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('ingest：没有 --frobnicate 这个选项\n请运行 npm run ingest -- --help 查看用法。');
    const missing = ingest(['--out']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('ingest：选项 --out 后面缺少取值\n请运行 npm run ingest -- --help 查看用法。\n');
    const empty = ingest(['--out', out, freshDir('no-txt')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('ingest：没有找到要解析的文件\n请运行 npm run ingest -- --help 查看用法。');
  });

  it('with --strict, exits 1 exactly when some document left unparsed text', () => {
    // Whether a seed leaves unparsed lines changes as the parsers improve; the contract between the two does not.
    const out = freshDir('unparsed-out');
    const strict = ingest(['--strict', '--out', out, SOURCES]);
    const unparsed = readdirSync(out).some((n) => JSON.parse(readFileSync(join(out, n), 'utf8')).unparsed.length > 0);
    expect(strict.status).toBe(unparsed ? 1 : 0);
  });
});

describe('ingest CLI: a 100 MB text', { timeout: TEST_LIMIT }, () => {
  it(`is refused by its size before it is read, with its path, and the batch goes on in bounded memory`, () => {
    const dir = freshDir('huge');
    const huge = join(dir, 'a-huge.txt');
    const block = Buffer.from(`${'财政拨款收入 1439.48 一般公共服务支出 '.repeat(8)}\n`.repeat(2048));
    const fd = openSync(huge, 'w');
    for (let written = 0; written < 100 * 1024 * 1024; written += block.length) writeSync(fd, block);
    closeSync(fd);
    copyFileSync(SEED, join(dir, 'b-good.txt'));
    const out = freshDir('huge-out');
    // GNU time's %M is the peak resident set size in KiB, so that the memory bound is measured, not assumed.
    const measured = (input: string) =>
      spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', NODE, CLI, '--quiet', '--out', out, input], { cwd: work, encoding: 'utf8' });
    const peakKiB = (stderr: string) => Number(/maxrss=(\d+)/.exec(stderr)?.[1]);
    const baseline = peakKiB(measured(join(dir, 'b-good.txt')).stderr);
    rmSync(join(out, 'b-good.json'));
    const run = measured(dir);
    const size = statSync(huge).size;
    expect(run.stderr).toContain(`错误：${huge.slice(work.length + 1)}：文件有 ${size} 字节，超过一份公开文件 ${MAX_INPUT_BYTES} 字节的上限`);
    expect(readdirSync(out)).toEqual(['b-good.json']);
    // The batch with the 100 MB file peaks no higher than the good file alone, give or take 16 MiB of noise.
    expect(peakKiB(run.stderr)).toBeLessThan(baseline + 16 * 1024);
  });
});

describe('ingest CLI: atomic writes', { timeout: TEST_LIMIT }, () => {
  it('never overwrites a previous good JSON when an input of the same name fails', () => {
    const dir = freshDir('same-name');
    const out = freshDir('same-name-out');
    copyFileSync(SEED, join(dir, 'office.txt'));
    expect(ingest(['--out', out, dir]).status).toBe(0);
    const good = readFileSync(join(out, 'office.json'));
    writeFileSync(join(dir, 'office.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]));
    const failed = ingest(['--out', out, dir]);
    expect(failed.stderr).toContain('office.txt：PDF 文件已损坏或不完整');
    expect(readFileSync(join(out, 'office.json'))).toEqual(good);
    expect(readdirSync(out)).toEqual(['office.json']);
  });

  it('leaves every JSON either as it was or complete when the process is killed mid-batch', async () => {
    const dir = freshDir('killed');
    for (const name of readdirSync(SOURCES)) copyFileSync(join(SOURCES, name), join(dir, name));
    // A previous output names its source, so that the new run may replace it (an output of another source it may not).
    const previousOf = (name: string) => `${JSON.stringify({ previous: true, source: { file: name } })}\n`;
    // Kill at several moments across the batch (it takes a few seconds): before, during and after the writes.
    for (const delay of [50, 400, 900, 1500, 2500, 4000]) {
      const out = freshDir(`killed-out-${delay}`);
      for (const name of readdirSync(SOURCES)) writeFileSync(join(out, name.replace(/\.txt$/, '.json')), previousOf(name));
      const child = spawn(NODE, [CLI, '--quiet', '--out', out, dir], { cwd: work, stdio: 'ignore' });
      // Listened for at once: a batch that ends before the kill must not leave the test waiting for an exit it missed.
      const exited = new Promise((done) => child.once('exit', done));
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGKILL');
      await exited;
      for (const name of readdirSync(out).filter((n) => n.endsWith('.json'))) {
        const text = readFileSync(join(out, name), 'utf8');
        if (text === previousOf(name.replace(/\.json$/, '.txt'))) continue;
        expect(text.endsWith('}\n'), `${name} after a kill at ${delay} ms`).toBe(true);
        expect(JSON.parse(text).slug, `${name} after a kill at ${delay} ms`).toBe(name.replace(/\.json$/, ''));
      }
    }
  });

  it('removes temporary files of killed runs on start-up, and leaves those of a running process alone', () => {
    const out = freshDir('stale-tmp-out');
    const dead = spawnSync(NODE, ['-e', '0']).pid!;
    writeFileSync(join(out, `office.json.${dead}.tmp`), '');
    writeFileSync(join(out, `other.json.${process.pid}.tmp`), '{');
    expect(ingest(['--out', out, SEED]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['kashgar-poverty-alleviation-office-2021-budget.json', `other.json.${process.pid}.tmp`]);
  });
});

describe('ingest CLI: only sources are read and nothing is overwritten by another source (issue 16)', { timeout: TEST_LIMIT }, () => {
  it('refuses a link in an input folder with a plain message, and parses the files around it', () => {
    const dir = freshDir('links');
    const out = freshDir('links-out');
    copyFileSync(SEED, join(dir, 'a-good.txt'));
    symlinkSync(resolve(SOURCES, 'julu-county-poverty-office-2021-budget.txt'), join(dir, 'b-link.txt'));
    const run = ingest(['--out', out, dir]);
    expect(run.stderr).toContain(`错误：${join(dir, 'b-link.txt').slice(work.length + 1)}：这是一个符号链接（快捷方式），为防止读取并公开来源目录以外的文件，不予处理`);
    expect(readdirSync(out)).toEqual(['a-good.json']);
  });

  it('does not overwrite an output written from another source file, nor a JSON it did not write', () => {
    const first = freshDir('collide-1');
    const second = freshDir('collide-2');
    const out = freshDir('collide-out');
    copyFileSync(SEED, join(first, 'office.txt'));
    copyFileSync(join(SOURCES, 'julu-county-poverty-office-2021-budget.txt'), join(second, 'Office.txt'));
    expect(ingest(['--out', out, first]).status).toBe(0);
    const kept = readFileSync(join(out, 'office.json'));
    const run = ingest(['--out', out, second]);
    expect(run.stderr).toContain(`输出文件 ${join(out, 'office.json').slice(work.length + 1)} 已由另一个来源文件“office.txt”生成`);
    expect(readFileSync(join(out, 'office.json'))).toEqual(kept);
    // The same source file may replace its own output.
    expect(ingest(['--out', out, first]).stderr).toBe('');
    writeFileSync(join(out, 'office.json'), '{"hand":"edited"}\n');
    expect(ingest(['--out', out, first]).stderr).toContain('已存在，但不是由来源文件生成的披露数据');
    expect(readFileSync(join(out, 'office.json'), 'utf8')).toBe('{"hand":"edited"}\n');
  }, 600_000); // four CLI runs: over two minutes on a heavily loaded 2-core machine

  it('gives files named in Chinese that differ only in Chinese each its own output, under a name that stays', () => {
    // Offices name their files in Chinese: the ASCII words of 巨鹿县扶贫开发办公室2021年部门预算 and …单位预算 are both
    // "2021", so each name adds the first 10 hex digits of its SHA-256 (printf '%s' NAME | sha256sum).
    const dir = freshDir('chinese-names');
    const out = freshDir('chinese-names-out');
    const julu = join(SOURCES, 'julu-county-poverty-office-2021-budget.txt');
    copyFileSync(julu, join(dir, '巨鹿县扶贫开发办公室2021年部门预算.txt'));
    copyFileSync(julu, join(dir, '巨鹿县扶贫开发办公室2021年单位预算.txt'));
    copyFileSync(julu, join(dir, '部门预算.txt'));
    const run = ingest(['--out', out, dir]);
    expect(run.stderr).toBe('');
    expect(readdirSync(out).sort()).toEqual(['2021-75d05a3430.json', '2021-e6dc6afdf0.json', 'doc-5fac39f1c5.json']);
    expect(ingest(['--out', out, dir]).stderr).toBe('');
    expect(readdirSync(out).sort()).toEqual(['2021-75d05a3430.json', '2021-e6dc6afdf0.json', 'doc-5fac39f1c5.json']);
  }, 600_000);

  it('removes the outputs of sources that are gone in the default run (content/sources → content/disclosures)', () => {
    const project = freshDir('default-run');
    mkdirSync(join(project, 'content/sources'), { recursive: true });
    copyFileSync(SEED, join(project, 'content/sources/office-a.txt'));
    copyFileSync(join(SOURCES, 'julu-county-poverty-office-2021-budget.txt'), join(project, 'content/sources/office-b.txt'));
    const plain = (dir: string) => spawnSync(NODE, [CLI, '--quiet'], { cwd: dir, encoding: 'utf8', timeout: CLI_LIMIT });
    expect(plain(project).status).toBe(0);
    writeFileSync(join(project, 'content/disclosures/notes.json'), '{"not":"a disclosure"}\n');
    rmSync(join(project, 'content/sources/office-b.txt'));
    const run = plain(project);
    expect(run.stderr).toContain('已删除过期输出 content/disclosures/office-b.json：其来源文件已不在 content/sources 中');
    expect(readdirSync(join(project, 'content/disclosures')).sort()).toEqual(['notes.json', 'office-a.json']);
  });
});

describe('ingest CLI: a per-document budget (issue 16)', { timeout: TEST_LIMIT }, () => {
  // About 7 MB (under the 8 MiB a file may have): every seed, repeated. It parses correctly given time and memory, so
  // only the budget can stop it.
  const dir = freshDir('budget');
  const seeds = readdirSync(SOURCES).map((n) => readFileSync(join(SOURCES, n), 'utf8')).join('\n');
  writeFileSync(join(dir, 'a-large.txt'), seeds.repeat(Math.floor((7 * 1024 * 1024) / Buffer.byteLength(seeds))));
  writeFileSync(join(dir, 'b-small.txt'), seedHeadText());

  it('stops a document over its memory budget, names the file and the stage, and parses the next one', () => {
    const out = freshDir('budget-memory-out');
    const run = ingest(['--memory-limit', '48', '--out', out, dir]);
    expect(run.stderr).toMatch(new RegExp(`错误：${join(dir, 'a-large.txt').slice(work.length + 1)}：内存占用超过 48 MB 的上限，停在“[^”]+”阶段；已跳过此文件，其余文件照常处理`));
    expect(readdirSync(out)).toEqual(['b-small.json']);
  }, 600_000);

  it('stops a document over its time budget, names the file and the stage, and parses the next one', () => {
    const out = freshDir('budget-time-out');
    // The large file needs some 3–5 s of its thread's CPU (at 4 MB, 1–3 s: on a fast machine it was parsed before
    // the second sample, 2026-12-08); the small one (140 lines) a fraction of a second. The budget is CPU time, sampled
    // once a second, so the machine's load does not decide. One worker, so that the small file is parsed by the thread that replaces the
    // stopped one.
    const run = ingest(['--jobs', '1', '--time-limit', '1', '--out', out, dir]);
    expect(run.stderr).toMatch(new RegExp(`错误：${join(dir, 'a-large.txt').slice(work.length + 1)}：处理耗用的 CPU 时间超过 1 秒的上限，停在“[^”]+”阶段`));
    expect(readdirSync(out)).toEqual(['b-small.json']);
  }, 600_000);

  it('writes compact JSON (one line), not pretty-printed', () => {
    const out = freshDir('compact-out');
    expect(ingest(['--out', out, SEED]).status).toBe(0);
    const text = readFileSync(join(out, 'kashgar-poverty-alleviation-office-2021-budget.json'), 'utf8');
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('ingest CLI: reproducible output', { timeout: TEST_LIMIT }, () => {
  it('writes byte-identical JSON for the same inputs on two runs', () => {
    const first = freshDir('repro-1');
    const second = freshDir('repro-2');
    expect(ingest(['--out', first, SOURCES]).status).toBe(0);
    expect(ingest(['--out', second, SOURCES]).status).toBe(0);
    const a = hashTree(first);
    expect(Object.keys(a)).toHaveLength(readdirSync(SOURCES).length);
    expect(hashTree(second)).toEqual(a);
  });

  it('writes the same files, report and messages, in the same order, with two parse workers as with one', () => {
    // The seeds with a bad file between them, so that messages from the batch's middle are compared too.
    const dir = freshDir('jobs-in');
    for (const name of readdirSync(SOURCES)) copyFileSync(join(SOURCES, name), join(dir, name));
    writeFileSync(join(dir, 'kashgar-b-empty.txt'), '');
    const runWith = (jobs: string) => {
      const cwd = freshDir(`jobs-${jobs}`);
      const run = ingest(['--jobs', jobs, '--out', 'out', '--report', 'report.csv', dir], cwd);
      return { ...run, files: hashTree(join(cwd, 'out')), report: readFileSync(join(cwd, 'report.csv'), 'utf8') };
    };
    const one = runWith('1');
    const two = runWith('2');
    expect(Object.keys(one.files)).toHaveLength(readdirSync(SOURCES).length);
    expect(one.stderr).toContain('kashgar-b-empty.txt：文件是空的');
    expect(two).toEqual(one);
  }, 600_000);

  it('refuses a --jobs that is not a positive whole number', () => {
    for (const jobs of ['0', '1.5', 'two']) {
      const run = ingest(['--jobs', jobs, SEED]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`ingest：--jobs 应为正整数，而不是“${jobs}”\n请运行 npm run ingest -- --help 查看用法。\n`);
    }
  });

  it('writes the same JSON whatever the working directory or the path the input is given by', () => {
    const first = freshDir('cwd-1');
    const second = freshDir('cwd-2');
    expect(ingest(['--out', first, SEED]).status).toBe(0);
    expect(ingest(['--out', second, 'kashgar-poverty-alleviation-office-2021-budget.txt'], SOURCES).status).toBe(0);
    expect(hashTree(second)).toEqual(hashTree(first));
  });
});
