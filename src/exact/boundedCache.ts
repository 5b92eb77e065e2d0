/**
 * A memo of at most `capacity` entries, the least recently used dropped first: a long sweep or a
 * server that solves many points keeps a fixed amount of memory.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity ${capacity}: a positive integer`);
  }

  /** The value for `key`, made by `make` when it is not held. */
  get(key: string, make: () => V): V {
    if (this.entries.has(key)) {
      const v = this.entries.get(key) as V;
      // Re-inserting moves the key to the end: the Map's order is the order of use.
      this.entries.delete(key);
      this.entries.set(key, v);
      return v;
    }
    const v = make();
    this.entries.set(key, v);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return v;
  }

  get size(): number {
    return this.entries.size;
  }
}
