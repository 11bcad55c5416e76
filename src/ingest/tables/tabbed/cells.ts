import { cleanLine, type SourceLine } from '../../source-lines.ts';

/** The cells of a tab-separated line. `text` drops trailing tabs, which still count as (empty) cells here. */
export function cellsOf(line: SourceLine): string[] {
  return cleanLine(line.raw.replace(/\t/g, '\uE000')).replace(/\uE000/g, '\t').split('\t');
}

export function hasCells(line: SourceLine): boolean {
  return line.raw.includes('\t');
}
