/**
 * Where the app reports a problem the reader is not shown: a page that failed to render (the route's
 * error boundary), or an unexpected error React recovered from while hydrating (src/boot/). Kept for
 * whoever looks at the console; never shown to the reader.
 */
export function reportProblem(what: string, error: unknown, componentStack?: string | null): void {
  console.warn(what, error, componentStack ?? '');
}
