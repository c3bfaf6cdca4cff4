// When a SEV1 is declared, hundreds of people open the same room within seconds, and every join
// asks the same two questions: "may I read this incident, what is it now" and "what is its latest
// page". Answering each join on its own put a thousand identical reads in the database pool's
// queue. Joins that ask the same question in the same turn of the event loop share one read.
//
// A shared read always STARTS after every join that shares it was registered: a caller registers
// only once it is ready for the answer (for the page: after its socket joined the room), so no
// entry committed in between can be missing from its page and absent from its pushes. A read that
// has already started takes no more callers; the next ones get a read of their own.

type Batch<T> = Promise<T>;

export interface Coalescer<T> {
  /** The answer for `key`, read once for every caller that asked in this turn. */
  read(key: string, load: () => Promise<T>): Promise<T>;
  /** Batches waiting to start (for tests). */
  readonly waiting: number;
}

export function createCoalescer<T>(): Coalescer<T> {
  const waiting = new Map<string, Batch<T>>();
  return {
    read(key, load) {
      const queued = waiting.get(key);
      if (queued) return queued;
      const batch = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        // From here on the read runs: later callers must not share it.
        waiting.delete(key);
        return load();
      });
      waiting.set(key, batch);
      return batch;
    },
    get waiting() {
      return waiting.size;
    },
  };
}

export interface Batcher<K, V> {
  /** The value for `key` (undefined when there is none), loaded with the other keys asked this turn. */
  load(key: K): Promise<V | undefined>;
}

/**
 * Keys asked for in the same turn are loaded with one query (`loadMany`), e.g. the user rows of a
 * hundred socket handshakes arriving together. Each batch starts after every key in it was asked.
 */
export function createBatcher<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>): Batcher<K, V> {
  let pending: { keys: Set<K>; result: Promise<Map<K, V>> } | null = null;
  return {
    async load(key) {
      if (!pending) {
        const keys = new Set<K>();
        const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          pending = null;
          return loadMany([...keys]);
        });
        pending = { keys, result };
      }
      pending.keys.add(key);
      return (await pending.result).get(key);
    },
  };
}
