/**
 * The grammar of a printed amount, as pattern sources every reader composes its own patterns from (a table's cell, a
 * line of one cell, a figure in a sentence, a form's field), so that what an amount is is decided here once. Sources
 * carry no anchors, no sign and no capture: each reader adds what its place needs. They read ASCII; a reader folds the
 * width of its text first (width.ts foldWidth, foldFigures), so that `１，２３４．５６` and `1，234.56` read alike.
 */

/** Digits grouped by thousands with commas (`31,214,205`). */
const GROUPED = String.raw`\d{1,3}(?:,\d{3})+`;

/** A whole number as printed: grouped by thousands, or plain digits (`1,234`, `1234`). */
export const WHOLE_SOURCE = `(?:${GROUPED}|\\d+)`;

/** An amount as printed: a whole number with decimals however many, or none (`1,234`, `7113.0`, `808.277000`). */
export const AMOUNT_SOURCE = `${WHOLE_SOURCE}(?:\\.\\d+)?`;

/**
 * An amount that shows itself money, where a bare whole number may be a code (`213`), a 序号 or a page's number:
 * thousands separators, or two decimals or more, however many (`1,234`, `808.277000`, `3.2500`). Not one decimal alone
 * after plain digits: `1.1` / `2.3` open a numbered heading or indicator (`1.1 产出指标`) as often as they print an amount.
 */
export const MONEY_SOURCE = `(?:${GROUPED}(?:\\.\\d+)?|\\d+\\.\\d{2,})`;

/**
 * An amount grouped by thousands with spaces, as ISO prints them (`1 234.56`, `12 345 678.00`), with its decimals:
 * no reader can tell it from two amounts one space apart but by where it stands, so only a reader that knows its
 * cell's extent reads it (layout/cell-text.ts cellAmount, a cell the aligned reader's columns joined).
 */
export const SPACED_AMOUNT_SOURCE = String.raw`\d{1,3}(?: \d{3})+\.\d+`;

/**
 * An amount with a decimal point or a thousands separator (`1,234`, `12.5`, `0.00`): no code, year or count, which
 * print plain digits. Unlike MONEY_SOURCE one decimal is enough, for readers that know the text is a table's.
 */
export const MARKED_AMOUNT_SOURCE = `(?=[\\d,]*[.,]\\d)${AMOUNT_SOURCE}`;

/**
 * What a figure looks like before it is read: a digit, then digits and commas (FIGURE_WHOLE_SOURCE), then decimals.
 * Looser than AMOUNT_SOURCE on purpose, for readers that find a figure and then read it (numbers.ts parseAmount): a
 * comma out of place (`1,23`) is found, and flagged as no amount, rather than read as the `23` after it.
 */
export const FIGURE_WHOLE_SOURCE = String.raw`\d[\d,]*`;
export const FIGURE_SOURCE = `${FIGURE_WHOLE_SOURCE}(?:\\.\\d+)?`;

/** Where a figure may start: not inside a run of digits, commas and points (`2024,100` holds no amount `024,100`). */
export const FIGURE_START = String.raw`(?<![\d,.])`;

/** A minus sign in either width, or the minus sign proper (`-`, `－`, `−`). */
export const SIGN_SOURCE = '[-−－]';

/** A unit of money a sentence states after an amount (`795万元`, `1.2亿元`); the longer words first. */
export const MONEY_UNIT_SOURCE = '(?:亿元|千元|万元|元)';
