/**
 * A string that holds its own characters. V8 keeps a cut-out piece of a string (`slice`, a regex match, `split`) as
 * a view of the string it was cut from, and a template string as a tree of its parts: a 40-character message that
 * quotes a sentence of a whole-document text keeps that whole text alive. An 8 MB document kept four such texts
 * (17 MB) and 8 MB of template trees through its parse, only for the messages of its checks and findings (issue 16).
 * A JSON round trip is the one portable way to get a fresh, flat string.
 */
export function ownText(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The fields of a check or finding that are made up of quoted text (ids and statuses are short constants). */
const TEXT_FIELDS = ['message', 'stated', 'expected', 'actual'] as const;

/** Checks or findings whose texts are their own, so that the texts they were quoted from can be freed. */
export function withOwnTexts<T extends object>(items: readonly T[]): T[] {
  return items.map((item) => {
    const own = { ...item } as Record<string, unknown>;
    for (const key of TEXT_FIELDS) if (typeof own[key] === 'string') own[key] = ownText(own[key]);
    return own as unknown as T;
  });
}
