/**
 * A value looked up by a key that comes from input (a URL parameter, a query word, a registry
 * name): only the map's own properties count, so `__proto__`, `constructor` or `toString` find
 * nothing instead of Object.prototype's members (which once showed as "[object Object]").
 */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}
