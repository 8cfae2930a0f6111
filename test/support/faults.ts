/**
 * Wraps activities so each named one does its real work, then fails the first time it is called
 * with given arguments: what a worker crash after the work but before Temporal recorded the
 * result looks like. Temporal retries; the activity must not do its work twice.
 */
export function crashAfterFirstRun<T extends Record<string, (...args: any[]) => Promise<unknown>>>(activities: T, names: Array<keyof T>): T {
  const crashed = new Set<string>();
  const wrapped: Record<string, unknown> = { ...activities };
  for (const name of names) {
    const real = activities[name];
    wrapped[name as string] = async (...args: unknown[]) => {
      const result = await real(...args);
      const key = `${String(name)}${JSON.stringify(args)}`;
      if (!crashed.has(key)) {
        crashed.add(key);
        throw new Error(`injected crash after ${String(name)} did its work`);
      }
      return result;
    };
  }
  return wrapped as T;
}
