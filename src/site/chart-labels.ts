/**
 * A bar's name on a chart axis as short lines: a phone has room for a few characters beside the bars, and a
 * project's name runs to twenty or more. Chinese breaks between any two characters; a classification code stays
 * whole on its own line when the label needs more than one. Whatever does not fit ends in an ellipsis (the tooltip and the table give the full name).
 */
export function wrapLabel(label: string, perLine: number, maxLines: number): string[] {
  if ([...label].length <= perLine) return [label];
  // A code of a 类, 款 or 项 (3, 5 or 7 digits), not a year (2024 年…), which reads on with its name.
  const code = /^(\d{3}|\d{5}|\d{7}) (.+)$/.exec(label);
  const head = code ? [code[1]] : [];
  // By code point, so that a character outside the BMP (rare in names, but printed) is never split.
  const chars = [...(code ? code[2] : label)];
  const lines = [...head];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${[...kept[maxLines - 1]].slice(0, perLine - 1).join('')}…`;
  return kept;
}
