import { FUNCTION_CLASSES, ECONOMIC_CLASSES, GOVERNMENT_ECONOMIC_CLASSES, schemeOf, type CodeScheme } from '../../../core/codes.ts';
import { compact, foldWidth } from '../../../core/width.ts';

/**
 * Classification codes as extraction leaves them: 类/款/项 in separate cells, split into digits across cells and
 * lines (`20	3	0`, `21 5`, a lone `4` on the next line). A code is rebuilt only where the pieces, the row's name and
 * the neighbouring rows agree; otherwise the printed pieces are kept and the row is flagged.
 */

/** The printed pieces of one row's code: one string per code column (类, 款, 项), digits only, possibly partial. */
export type CodePieces = readonly string[];

export interface CodedRow {
  pieces: CodePieces;
  name: string;
  /** A project row under its 项: it repeats the 项's code and does not move the current 类/款. */
  projectOf?: boolean;
}

export interface ResolvedCode {
  code: string | null;
  scheme: CodeScheme | null;
  level: 1 | 2 | 3 | null;
  /** Set when the printed pieces had to be reinterpreted; kept so that the print can be traced. */
  printed: string | null;
  flag: string | null;
}

const SEGMENT = [3, 2, 2] as const;

/** Code cells as printed; one cell holding a whole code (`2080101`, `30101`) is cut into 类/款/项. */
export function piecesOf(cells: readonly string[]): string[] {
  const filled = cells.filter(Boolean);
  if (filled.length === 1 && cells[0] && [5, 7].includes(cells[0].length)) {
    const c = cells[0];
    return [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)];
  }
  return [cells[0] ?? '', cells[1] ?? '', cells[2] ?? ''];
}

/** A name as a key: compacted, which also folds full-width brackets to half-width ones (core/width.ts). */
export function normalizeName(name: string): string {
  return compact(name);
}

/** A 款 or 项 piece of a code as printed in a cell of its own (`05`, a word processor's `０５`): two digits. */
export function isCodePiece(token: string): boolean {
  return /^\d{2}$/.test(foldWidth(token));
}

/** A 类 code of one of the classifications (`213`, `301`, `501`): three digits that open a code. */
export function isClassCode(token: string): boolean {
  const t = foldWidth(token);
  return /^\d{3}$/.test(t) && schemeOf(t) !== null;
}

function levelOf(pieces: CodePieces): 1 | 2 | 3 | null {
  if (pieces[2]) return 3;
  if (pieces[1]) return 2;
  if (pieces[0]) return 1;
  return null;
}

function isClean(pieces: CodePieces): boolean {
  const level = levelOf(pieces);
  if (!level) return false;
  for (let i = 0; i < level; i++) if (pieces[i].length !== SEGMENT[i]) return false;
  return isClassCode(pieces[0]);
}

function segmentsOf(code: string): string[] {
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter((s) => s.length > 0);
}

/** Each printed piece is a prefix of the matching segment of the code (extraction loses digits, never adds). */
function compatible(pieces: CodePieces, code: string): boolean {
  const segs = segmentsOf(code);
  if (segs.length !== levelOf(pieces)) return false;
  return segs.every((s, i) => s.startsWith(pieces[i] ?? ''));
}

const CLASS_NAMES: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(FUNCTION_CLASSES),
  ...Object.entries(ECONOMIC_CLASSES),
  ...Object.entries(GOVERNMENT_ECONOMIC_CLASSES),
].map(([code, name]) => [code, normalizeName(name)] as const);

function classByName(name: string): string[] {
  const n = normalizeName(name);
  if (n.length < 2) return [];
  return CLASS_NAMES.filter(([, cn]) => cn === n || cn.replace(/支出$/, '') === n.replace(/支出$/, '')).map(([c]) => c);
}

/** Codes printed cleanly anywhere in the document, by (name, level): the same rows recur in several tables. */
export class CodeDictionary {
  private readonly byName = new Map<string, Set<string>>();

  add(pieces: CodePieces, name: string): void {
    if (!isClean(pieces) || !name) return;
    const code = pieces.slice(0, levelOf(pieces)!).join('');
    const key = `${levelOf(pieces)}:${normalizeName(name)}`;
    if (!this.byName.has(key)) this.byName.set(key, new Set());
    this.byName.get(key)!.add(code);
  }

  /** A dictionary of the same codes, to which more can be added without adding them to this one. */
  copy(): CodeDictionary {
    const out = new CodeDictionary();
    for (const [key, codes] of this.byName) out.byName.set(key, new Set(codes));
    return out;
  }

  lookup(name: string, level: number): string[] {
    return [...(this.byName.get(`${level}:${normalizeName(name)}`) ?? [])];
  }
}

function resolved(code: string, printed: string | null): ResolvedCode {
  const scheme = schemeOf(code);
  const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
  return { code, scheme, level, printed, flag: null };
}

/**
 * Rebuilds the codes of one table's rows in order. The table is ordered by code, so the current 类 and 款 rows give
 * the missing leading digits; the document's clean rows of the same name, the 类 names of the national list and the
 * next row (a child starts with its parent's code) confirm what the pieces leave open.
 */
export function reassembleCodes(rows: readonly CodedRow[], dictionary: CodeDictionary): ResolvedCode[] {
  const out: ResolvedCode[] = [];
  let currentClass: string | null = null;
  let currentItem: string | null = null;

  const cleanCode = (pieces: CodePieces): string | null =>
    isClean(pieces) ? pieces.slice(0, levelOf(pieces)!).join('') : null;

  rows.forEach((row, i) => {
    const pieces = row.pieces;
    const level = levelOf(pieces);
    const printedText = pieces.filter(Boolean).join(' ');
    if (!level) {
      out.push({ code: null, scheme: null, level: null, printed: null, flag: null });
      return;
    }
    let code = cleanCode(pieces);
    let printed: string | null = null;
    if (!code) {
      printed = printedText;
      const candidates = new Set<string>();
      for (const c of dictionary.lookup(row.name, level)) if (compatible(pieces, c)) candidates.add(c);
      if (level === 1) for (const c of classByName(row.name)) if (compatible(pieces, c)) candidates.add(c);
      const context = contextCode(pieces, level, currentClass, currentItem);
      if (context) {
        if (candidates.size === 0 || candidates.has(context)) {
          candidates.clear();
          candidates.add(context);
        }
      }
      if (candidates.size === 1) code = [...candidates][0];
      else if (candidates.size === 0) {
        code =
          confirmedByParent(pieces, row.name, level, dictionary, currentClass, currentItem) ??
          confirmedByNeighbour(row, level, dictionary, rows[i + 1], currentClass);
      }
    }
    if (!code) {
      out.push({
        code: null,
        scheme: null,
        level,
        printed: printedText,
        flag: `所印科目编码「${printedText}」无法确定地拼合`,
      });
      return;
    }
    if (!row.projectOf) {
      if (code.length === 3) {
        currentClass = code;
        currentItem = null;
      } else if (code.length === 5) {
        currentClass = code.slice(0, 3);
        currentItem = code;
      }
    }
    out.push(resolved(code, printed));
  });
  return out;
}

/**
 * The code of printed pieces read in the table's order: the pieces themselves when they are a whole code, otherwise
 * the current 类 (and 款) plus the row's complete trailing pieces (a 款 printed as `03` alone under its 类).
 */
export function codeInContext(pieces: CodePieces, currentClass: string | null, currentItem: string | null): string | null {
  const level = levelOf(pieces);
  if (!level) return null;
  return isClean(pieces) ? pieces.slice(0, level).join('') : contextCode(pieces, level, currentClass, currentItem);
}

/** The code the table's order gives: the current 类 (and 款) plus the row's complete trailing pieces. */
function contextCode(
  pieces: CodePieces,
  level: number,
  currentClass: string | null,
  currentItem: string | null,
): string | null {
  if (level === 1 || !currentClass || !currentClass.startsWith(pieces[0] ?? '')) return null;
  if (level === 2) return pieces[1].length === 2 ? currentClass + pieces[1] : null;
  if (pieces[2].length !== 2) return null;
  if (pieces[1].length === 2) return currentClass + pieces[1] + pieces[2];
  if (currentItem && currentItem.startsWith(currentClass) && currentItem.slice(3).startsWith(pieces[1])) {
    return currentItem + pieces[2];
  }
  return null;
}

/**
 * A stray leading piece (`7 11 02` under 21011) is overruled when the complete trailing pieces continue the current
 * 类/款 row and the document prints that code for the same name elsewhere.
 */
function confirmedByParent(
  pieces: CodePieces,
  name: string,
  level: number,
  dictionary: CodeDictionary,
  currentClass: string | null,
  currentItem: string | null,
): string | null {
  const parent = level === 3 ? currentItem : level === 2 ? currentClass : null;
  if (!parent || pieces[level - 1].length !== 2) return null;
  if (level === 3 && (pieces[1].length !== 2 || currentItem!.slice(3) !== pieces[1])) return null;
  const code = parent + pieces[level - 1];
  return dictionary.lookup(name, level).includes(code) ? code : null;
}

/**
 * Pieces that contradict the name's code (a stray digit from a neighbouring cell) are overruled only when the
 * document knows one code for that name and level and the next row is its child, under the current 类.
 */
function confirmedByNeighbour(
  row: CodedRow,
  level: number,
  dictionary: CodeDictionary,
  next: CodedRow | undefined,
  currentClass: string | null,
): string | null {
  const known = dictionary.lookup(row.name, level);
  if (known.length !== 1 || !next) return null;
  const code = known[0];
  if (currentClass && !code.startsWith(currentClass)) return null;
  const nextPieces = next.pieces;
  const nextLevel = levelOf(nextPieces);
  if (!nextLevel || nextLevel <= level) return null;
  const childCode = nextPieces.slice(level, nextLevel).every((p) => p.length === SEGMENT[level]);
  if (!childCode) return null;
  const nextTail = nextPieces.slice(level, nextLevel).join('');
  const childKnown = dictionary.lookup(next.name, nextLevel);
  return childKnown.some((c) => c === code + nextTail) ? code : null;
}
