/**
 * A pure function of a string that keeps its last few thousand results. The parser's readers each ask their own
 * questions of the same lines and cells, so the same text is folded, compacted or read as an amount dozens of times
 * per document (50 documents of the synthetic corpus: `compact` 394,000 calls for 46,000 distinct texts, the reading
 * of amounts 324,000 for 11,000); a kept result costs a lookup.
 * The results are shared between callers, so only immutable ones (strings, numbers, null) may be kept. When full,
 * the whole store is dropped: a document's own texts fill it again at once, and memory stays bounded.
 */
export function keepingResults<T extends {} | null>(fn: (s: string) => T, kept = 4096): (s: string) => T {
  const results = new Map<string, T>();
  return (s) => {
    let out = results.get(s);
    if (out === undefined) {
      if (results.size >= kept) results.clear();
      out = fn(s);
      results.set(s, out);
    }
    return out;
  };
}
