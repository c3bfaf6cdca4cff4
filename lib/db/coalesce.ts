// When a SEV1 is declared, hundreds of people open the same room within seconds, and every join
// asks the same two questions: "may I read this incident, what is it now" and "what is its latest
// page". Answering each join on its own put a thousand identical reads in the database pool's
// queue. Joins that ask the same question share one read.
//
// A shared read always STARTS after every join that shares it was registered: a caller registers
// only once it is ready for the answer (for the page: after its socket joined the room), so no
// entry committed in between can be missing from its page and absent from its pushes. A read that
// has already started takes no more callers; the next ones share the NEXT read of that key, which
// starts when the running one has finished (one read in flight per key). Under a herd, a read
// takes tens of milliseconds while a hundred joins arrive: sharing only within one event-loop
// turn still sent most joins to the database on their own (measured: about one incident read per
// join at 20 joins/s); waiting for the running read gathers everyone who arrived meanwhile, and
// costs a caller at most the rest of one read.

type Batch<T> = Promise<T>;

export interface Coalescer<T> {
  /** The answer for `key`, read once for every caller that asked in this turn. */
  read(key: string, load: () => Promise<T>): Promise<T>;
  /** Batches waiting to start (for tests). */
  readonly waiting: number;
}

export function createCoalescer<T>(): Coalescer<T> {
  /** Per key: the batch still taking callers, and the read in flight (if any). */
  const keys = new Map<string, { waiting: Batch<T> | null; running: Promise<unknown> | null }>();
  let waitingCount = 0;
  return {
    read(key, load) {
      let state = keys.get(key);
      if (!state) keys.set(key, (state = { waiting: null, running: null }));
      if (state.waiting) return state.waiting;
      const s = state;
      // After this turn (callers of the same turn join), and after the read in flight, if any.
      const after = s.running ? s.running.then(nextTurn, nextTurn) : nextTurn();
      const batch = after.then(() => {
        // From here on the read runs: later callers wait for the next one.
        s.waiting = null;
        waitingCount--;
        const reading = (async () => load())();
        s.running = reading;
        const done = () => {
          if (s.running === reading) s.running = null;
          if (!s.running && !s.waiting) keys.delete(key);
        };
        reading.then(done, done);
        return reading;
      });
      s.waiting = batch;
      waitingCount++;
      return batch;
    },
    get waiting() {
      return waitingCount;
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  let running: Promise<unknown> | null = null;
  return {
    async load(key) {
      if (!pending) {
        const keys = new Set<K>();
        // As for reads: the next batch starts once the one in flight is done, with every key asked meanwhile.
        const after = running ? running.then(nextTurn, nextTurn) : nextTurn();
        const result = after.then(() => {
          pending = null;
          const loading = loadMany([...keys]);
          running = loading;
          const done = () => {
            if (running === loading) running = null;
          };
          loading.then(done, done);
          return loading;
        });
        pending = { keys, result };
      }
      pending.keys.add(key);
      return (await pending.result).get(key);
    },
  };
}
