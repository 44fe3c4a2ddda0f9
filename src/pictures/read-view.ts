/**
 * Reads an engine view for a picture. A view that throws (an engine bug) must not take the page down: the picture
 * shows the message instead and tries again at the next change.
 */
export type ViewResult<T> = { readonly view: T; readonly error?: undefined } | { readonly view?: undefined; readonly error: string };

export function readView<T>(read: () => T): ViewResult<T> {
  try {
    return { view: read() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
