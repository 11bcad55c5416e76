/**
 * Messages the office's command-line tools (ingest, review, shard) share, so that they read alike: usage errors in
 * one form (the tool's name, what was wrong, where the help is), and the system's reasons a file cannot be read or
 * written. Node's own argument and system errors are English, so they are told again in Chinese here.
 */

const ERRNO_MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: '文件不存在，可能是失效的链接，或在处理期间被删除',
  EACCES: '没有访问权限',
  EPERM: '没有访问权限',
  EISDIR: '这是一个文件夹，不是文件',
  ELOOP: '符号链接的层数过多',
  EIO: '磁盘读写出错',
  ENOSPC: '磁盘空间不足',
  EROFS: '文件系统是只读的',
};

/** Why a path that is there is not read: a folder, or a device or pipe. */
export function notAFile(isDirectory: boolean): string {
  return isDirectory ? ERRNO_MESSAGES.EISDIR : '不是普通文件（可能是设备或管道）';
}

/** The system's reason in words, with its code for whoever looks it up. */
export function errnoReason(code: string): string {
  return `${ERRNO_MESSAGES[code] ?? '系统错误'}（${code}）`;
}

export function readFailure(code: string): string {
  return `无法读取文件：${errnoReason(code)}`;
}

/**
 * Why the parser failed on a file, for the office: the engine's own words where they would tell a reader nothing
 * (a page of tags nested thousands deep exhausts the stack of the parser's recursive tree walks), else the parser's.
 */
export function parserFailure(message: string): string {
  const reason = /Maximum call stack size exceeded/.test(message) ? '文件的结构嵌套过深（例如网页标签嵌套了数千层），超出解析程序的处理能力' : message;
  return `解析程序出错：${reason}`;
}

/** What was wrong with the command line, from an error `parseArgs` threw. */
export function argumentProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (quoted === undefined) return message;
  // Node quotes an option as '--out <value>' or '-h, --help'; the long name is what the user typed or can type.
  const option = quoted.replace(/ <value>$/, '').split(', ').at(-1);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `没有 ${quoted} 这个选项`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('argument missing') ? `选项 ${option} 后面缺少取值` : `选项 ${option} 不带取值`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数“${quoted}”`;
  return message;
}

/** Prints a usage error of `tool` (npm run <tool>) with the way to its help, and exits with status 2. */
export function usageError(tool: string, problem: string): never {
  process.stderr.write(`${tool}：${problem}\n请运行 npm run ${tool} -- --help 查看用法。\n`);
  process.exit(2);
}

/**
 * A number option of `tool`, or `fallback` when it was not given: positive, or at least `atLeast` where it is given,
 * and a whole number where `integer`; anything else is a usage error that names the option.
 */
export function numberOption(
  tool: string,
  name: string,
  value: string | undefined,
  fallback: number,
  { integer = false, atLeast }: { integer?: boolean; atLeast?: number } = {},
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const whole = integer ? '整' : '';
  const inRange = atLeast === undefined ? n > 0 : n >= atLeast;
  if (value.trim() === '' || !(integer ? Number.isInteger(n) : Number.isFinite(n)) || !inRange) {
    usageError(tool, `${name} 应为${atLeast === undefined ? `正${whole}数` : `不小于 ${atLeast} 的${whole}数`}，而不是“${value}”`);
  }
  return n;
}
