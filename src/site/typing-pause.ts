/**
 * A pause in typing this long acts without Enter: the search page searches, the compare page suggests names. Its own
 * module, so that the compare page's script does not load the search page's (a chunk of its own in the build,
 * fetched one round trip after the page's script) for one number.
 */
export const TYPING_PAUSE_MS = 250;
