// The one loop shape of server.ts's background jobs (health poller, outbound sender, stakeholder
// reminders): a pass per tick, never two at once, a failed pass logged instead of killing the
// process, and a stop that waits for the pass in flight so the database can close after it.
import { errorFields, log } from "../log.ts";

export interface BackgroundWorker<T> {
  /** Runs a pass now, or joins the one in flight: passes never overlap. A failed pass resolves to `failedResult`. */
  runOnce(): Promise<T>;
  /**
   * A pass as soon as possible instead of at the next tick, and ticking from then on. A pass in
   * flight is left alone: a job woken for new work re-checks for it inside its pass.
   */
  wake(): void;
  /** No more passes; resolves once the pass in flight, if any, has finished. */
  stop(): Promise<void>;
}

export interface BackgroundWorkerOptions<T> {
  /** Names the job in the log line of a failed pass: "<name> pass failed". */
  name: string;
  /** The wait between the end of one pass and the start of the next. */
  tickMs: number;
  /** False: no timer until wake() (the job is switched off, or a test drives runOnce() by hand). */
  isTicking?: boolean;
  /** One pass. `signal` aborts on stop(), so a long pass can cut its work short. */
  pass(signal: AbortSignal): Promise<T>;
  /** What runOnce() resolves to when the pass throws. */
  failedResult: T;
}

export function startBackgroundWorker<T>(options: BackgroundWorkerOptions<T>): BackgroundWorker<T> {
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<T> | null = null;

  const runOnce = (): Promise<T> => {
    // The async wrapper turns a synchronous throw in `pass` into a logged failure too.
    running ??= (async () => options.pass(stopping.signal))()
      .catch((error: unknown) => {
        log.warn(`${options.name} pass failed`, errorFields(error));
        return options.failedResult;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  // Counted from the end of a pass, so a slow pass delays the next one rather than piling up.
  const schedule = (delayMs: number) => {
    if (stopping.signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void runOnce().finally(() => schedule(options.tickMs));
    }, delayMs);
    // A pending tick must not keep the process alive on its own.
    timer.unref();
  };

  if (options.isTicking !== false) schedule(options.tickMs);

  return {
    runOnce,
    wake: () => {
      if (!running) schedule(0);
    },
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
