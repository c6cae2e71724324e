/**
 * Collects process warnings instead of printing each one (the bench would drown in them):
 * returns a function that lists each distinct warning once, with how often it came.
 */
export function collectWarnings(): () => string[] {
  const seen = new Map<string, number>();
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    const key = `${warning.name}: ${warning.message}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  return () => [...seen].map(([message, times]) => `${times}x ${message}`);
}
