/**
 * The matches a global search of `text` by `pattern` would give, for a pattern each of whose matches holds `anchor`
 * between `nearest` and `farthest` characters after its start (`一般公共服务支出（类）`: a name of 2–16 characters,
 * then a bracket, then 类): the pattern is tried only at those starts before each anchor, not at every character of
 * the text, where a pattern opening with a run of CJK characters takes as many steps as the run may be long. `pattern` is
 * sticky (`y`). The same matches: the first start a search would match at lies before some anchor at such a
 * distance, and every start before it in the ranges of that anchor and the ones before was tried, in order, first.
 */
export function* anchoredMatches(text: string, pattern: RegExp, anchor: string, nearest: number, farthest: number): Generator<RegExpExecArray> {
  let from = 0;
  for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
    for (let start = Math.max(from, at - farthest); start <= at - nearest; start++) {
      pattern.lastIndex = start;
      const m = pattern.exec(text);
      if (m) {
        // A match holds its anchor at `at` or later, so it ends after `at`: the next one holds a later anchor.
        from = pattern.lastIndex;
        yield m;
        break;
      }
    }
  }
}
