/** Shared by the pages that write Pagefind metadata and the search page that reads it. */
const AMOUNT_PREFIX = 'amount@';

export function projectAmountMetaKey(anchor: string): string {
  return `${AMOUNT_PREFIX}${anchor}`;
}

/** The anchor a metadata key holds an amount for, or null for ordinary metadata. */
export function anchorOfAmountKey(key: string): string | null {
  return key.startsWith(AMOUNT_PREFIX) ? key.slice(AMOUNT_PREFIX.length) : null;
}

