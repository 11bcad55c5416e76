import type { TableKind } from '../../../schema/table.ts';
import { foldWidth, isBlank, type SourceLine } from '../../source-lines.ts';
import { declaresEmpty, isNoteLine, titleKind, unitOf } from '../shared/region-text.ts';
import { isAmountSegment, segmentsOf } from './segments.ts';

/**
 * Where each standard table of a `pdftotext -layout` extraction starts and ends. A title is a line of its own that
 * names a standard table and is followed by the unit line; the table runs until the next title or the first line
 * of prose (a long single run of text that is not a note).
 */

export interface AlignedRegion {
  kind: TableKind;
  title: string;
  titleIndex: number;
  end: number;
}

const OUTLINE_HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.*(?:说明|情况|解释)$)/;

function titleAt(lines: readonly SourceLine[], i: number): TableKind | null {
  const segs = segmentsOf(lines[i].text);
  if (segs.length !== 1) return null;
  const kind = titleKind(segs[0].text);
  if (!kind) return null;
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < 3; j++) {
    if (isBlank(lines[j])) continue;
    if (unitOf(lines[j].text)) return kind;
    if (segmentsOf(lines[j].text).length === 1 && titleKind(lines[j].text.trim())) return null;
    seen++;
  }
  return null;
}

/** A line that reads as running text rather than a table row: one long run of words, or an outline heading. */
function isProse(text: string): boolean {
  const segs = segmentsOf(text);
  if (segs.length !== 1 || isAmountSegment(segs[0])) return false;
  const s = foldWidth(segs[0].text);
  if (OUTLINE_HEADING.test(s) || /(?:说明|解释)$/.test(s)) return true;
  return s.length >= 24 || /[。；]/.test(s) || (/[，,]/.test(s) && s.length > 12);
}

export function findAlignedRegions(lines: readonly SourceLine[]): AlignedRegion[] {
  const regions: AlignedRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = titleAt(lines, i);
    if (!kind) continue;
    let end = i;
    let inNotes = false;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      if (isBlank(line)) continue;
      if (titleAt(lines, j)) break;
      const t = line.text.trim();
      if (isNoteLine(t) || (inNotes && (declaresEmpty(t) || /[:：]$/.test(t)))) {
        inNotes = true;
        end = j;
        continue;
      }
      if (inNotes || isProse(t)) break;
      end = j;
    }
    regions.push({ kind, title: segmentsOf(lines[i].text)[0].text, titleIndex: i, end });
    i = end;
  }
  return regions;
}
