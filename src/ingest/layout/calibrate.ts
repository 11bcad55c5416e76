/**
 * The columns of a table moved to where one of its pages prints them. Pages of one table are laid out apart by
 * several characters, and not by one shift: each column whose words say what they are (level names, signs, amounts)
 * moves to where most of them stand on the page; the others move as their nearest such neighbours do (in proportion
 * between two). Null when no column's words say where it stands on the page: the columns stay as they are.
 */
export function shiftedCentres(centres: readonly number[], seen: ReadonlyArray<readonly number[] | undefined>): number[] | null {
  const shift = centres.map((centre, i) => {
    const xs = seen[i];
    if (!xs || xs.length < 2) return null;
    const sorted = [...xs].sort((a, b) => a - b);
    const x = sorted[Math.floor(sorted.length / 2)];
    // Most words must agree: a level name printed in a neighbouring column (一级 and 二级 share names) is not where
    // its column moved to.
    return xs.filter((v) => Math.abs(v - x) <= 1).length * 2 > xs.length ? x - centre : null;
  });
  if (shift.every((d) => d == null)) return null;
  return centres.map((centre, i) => {
    if (shift[i] != null) return centre + shift[i]!;
    const left = shift.slice(0, i).findLastIndex((d) => d != null);
    const right = shift.findIndex((d, k) => k > i && d != null);
    if (left < 0 || right < 0) return centre + shift[left < 0 ? right : left]!;
    const t = (centre - centres[left]) / (centres[right] - centres[left]);
    return centre + shift[left]! + t * (shift[right]! - shift[left]!);
  });
}
