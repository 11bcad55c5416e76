import { withoutMarker } from './outline.ts';
import { keepingResults } from './recent-results.ts';
import { foldFigures } from './width.ts';

/**
 * A classification name as compared with the national list's: no spaces, numbering, quotes or codes (in digits of
 * either width, `０１-公共服务`), brackets of one kind, no 的, no trailing 支出 (`其他对个人和家庭补助` is 30399's
 * `其他对个人和家庭的补助`). Kept: every coded row is compared with its code's listed names, and the same names come up
 * row after row.
 */
export const comparableName = keepingResults((name) =>
  withoutMarker(foldFigures(name).replace(/\s/g, '').replace(/^(?:其中[：:])?/, ''), ['cn'])
    .replace(/^[\d.、\-[\]【】]+/, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/["“”'‘’]/g, '')
    // A second scheme's code and name printed beside it (303 对个人和家庭补助 509 …) is not part of the name.
    .replace(/\d{3,}.*$/, '')
    .replace(/的/g, '')
    .replace(/支出$/, ''),
);
