/**
 * The iteration half of ReadonlyMap<string, V>, derived from `entries()`: the engine's tables
 * (scores, statuts, redistribution) are read-only views over flat arrays that build values on
 * demand, and share this part.
 */
export abstract class MapView<V> implements ReadonlyMap<string, V> {
  abstract get size(): number;
  abstract get(key: string): V | undefined;
  abstract has(key: string): boolean;
  abstract entries(): MapIterator<[string, V]>;

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
