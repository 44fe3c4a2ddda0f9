/**
 * Reads an engine view for a picture. A view is pure, but an engine bug must cost the picture, never the page: the
 * picture shows the error in place and the rest keeps working.
 */
export function readView<T>(read: () => T, empty: T): { value: T; error?: string } {
  try {
    return { value: read() };
  } catch (e) {
    return { value: empty, error: `This picture could not be drawn: ${e instanceof Error ? e.message : String(e)}` };
  }
}
