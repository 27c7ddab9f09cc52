/**
 * pdfjs's worker, in a thread of its own. On Node, pdfjs-dist runs its worker (the part that parses
 * the file) in the caller's thread, where a promise it starts and never awaits (a page of the tree
 * fetched ahead, then found broken) is an unhandled rejection that ends the process, and where a
 * page that decodes for minutes cannot be stopped. Here the worker runs in a `worker_threads`
 * thread, as it does in a browser, and talks to the document over a `MessageChannel`:
 *
 * - its unobserved rejections stay in its thread (the request that needs the failed promise fails
 *   too, and answers with the error);
 * - an exception in its message handling is caught there and sent back as that document's failure;
 * - it may use {@link THREAD_HEAP_MB} of heap: past that the thread ends, and every document it was
 *   reading fails with `memory`, never the process;
 * - every message a document receives passes through {@link Session}, which counts the operators
 *   and text items its pages send and fails the document past its budget;
 * - a document that takes longer than its time budget fails with `time`, and the thread, which
 *   may be stuck in a loop of pdfjs's, is ended (the next document starts another);
 * - the other documents it was reading when it ended fail with {@link ThreadEndedError}: the end
 *   was another document's doing (its time), or may have been (the heap of several documents), so
 *   the reader reads each of them again, alone ({@link Session} with `alone`).
 *
 * One thread serves every document (each over its own channel), is started on the first PDF and
 * started again after it ended; a second one reads, one at a time, the documents read again. They
 * never keep the process alive when no document is open.
 *
 * @module
 */

import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import { ResourceLimitError } from '../../source/limits.js'

/** The heap the thread may use, in MiB: a report's PDF takes some tens; past this it is a bomb. */
export const THREAD_HEAP_MB = 512

/** The key of a message the thread sends when pdfjs threw while handling a message of a document. */
const FAILURE = 'zfxxgkFailure'

/**
 * What the thread runs (a worker's `eval` code, read as a script or, under `--input-type=module`,
 * as a module: so it imports only dynamically): load pdfjs's worker, then serve each port the
 * caller sends, every listener of pdfjs's guarded.
 */
const THREAD_CODE = `
process.on('unhandledRejection', () => {})
const guarded = (port) => ({
  postMessage: (message, transfer) => port.postMessage(message, transfer),
  addEventListener: (type, listener, options) =>
    port.addEventListener(type, (event) => {
      try {
        listener(event)
      } catch (error) {
        port.postMessage({ ${FAILURE}: String((error && error.message) || error) })
      }
    }, options),
  removeEventListener: () => {}
})
import('node:worker_threads').then(async ({ parentPort, workerData }) => {
  const { WorkerMessageHandler } = await import(workerData.url)
  parentPort.on('message', (port) => WorkerMessageHandler.initializeFromPort(guarded(port)))
}).catch((error) => setImmediate(() => { throw error }))
`

/** How a thread ended, as each document open in it is told. */
interface Ending {
  /** Ended on purpose ({@link stopThread}, or a document's time), not by its heap or a failure. */
  stopped: boolean
  /** How many documents were open in it. */
  open: number
}

/** A running thread, and what to tell the documents it serves when it ends. */
interface Thread {
  worker: Worker
  /** Called with why the thread ended, once. */
  readonly ended: Set<(error: Error, ending: Ending) => void>
  /** Whether it ended. */
  dead: boolean
  /** Whether it was ended on purpose. */
  stopped: boolean
}

/**
 * A document's read failed because its thread ended, and the end need not have been its own doing:
 * the thread was stopped for another document's time, or ran out of heap or failed while other
 * documents were open in it. Read it again, alone.
 */
export class ThreadEndedError extends Error {
  /** Why the thread ended (a `ResourceLimitError` for its heap). */
  readonly why: Error

  /** @param why - Why the thread ended. */
  constructor(why: Error) {
    super(why.message)
    this.name = 'ThreadEndedError'
    this.why = why
  }
}

/** The thread every document is read in. */
let current: Thread | undefined
/** The thread documents are read again in, one at a time. */
let isolated: Thread | undefined

/** End a thread now: every document it is reading fails. */
function stop(thread: Thread | undefined): Promise<number> | undefined {
  if (thread === undefined || thread.dead) return undefined
  thread.stopped = true
  // The thread ends a moment later ('exit'): a document opened meanwhile must get a new one, not
  // this one, whose end would fail it.
  if (current === thread) current = undefined
  if (isolated === thread) isolated = undefined
  return thread.worker.terminate()
}

/**
 * End the shared thread now: every document it is reading fails with {@link ThreadEndedError}
 * (the reader reads each again, alone). For tests; a document past its time ends its own thread.
 */
export function stopThread(): Promise<number> | undefined {
  return stop(current)
}

/**
 * Start the thread if none is running, so that it loads pdfjs's worker while the caller loads the
 * rest of pdfjs (the first PDF of a process then waits for the slower of the two, not both).
 */
export function startThread(): void {
  thread(false)
}

/** The shared thread, or the one for documents read alone; started if it is not running. */
function thread(alone: boolean): Thread {
  const running = alone ? isolated : current
  if (running !== undefined && !running.dead) return running
  const started = spawn()
  if (alone) isolated = started
  else current = started
  return started
}

/** A new thread, pdfjs's worker loading in it. */
function spawn(): Thread {
  const url = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href
  const worker = new Worker(THREAD_CODE, {
    eval: true,
    workerData: { url },
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB }
  })
  worker.unref()
  const started: Thread = { worker, ended: new Set(), dead: false, stopped: false }
  let why: Error | undefined
  const end = (error: Error): void => {
    if (started.dead) return
    started.dead = true
    const ending = { stopped: started.stopped, open: started.ended.size }
    for (const tell of started.ended) tell(error, ending)
    started.ended.clear()
  }
  worker.on('error', (error: Error & { code?: string }) => {
    why =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ResourceLimitError('memory', THREAD_HEAP_MB)
        : new Error(`the PDF reader's thread failed: ${error.message}`)
    end(why)
  })
  worker.on('exit', () => end(why ?? new Error("the PDF reader's thread ended")))
  return started
}

/** What a document may ask of the thread. */
export interface SessionBudget {
  /** Operators and text items its pages may send. */
  drawn: number
  /** Seconds it may take, from opening to the last page. */
  seconds: number
}

/** Which thread a document is read in. */
export interface SessionOptions {
  /** In the thread for documents read again, one at a time (the caller reads them one at a time), not the shared one. */
  alone?: boolean
}

/** pdfjs-dist's `PDFWorker`, as a session makes one (its types say `port` is `null`: it is any object with `postMessage` and `addEventListener`). */
type WorkerClass = new (options: { port: unknown; verbosity: number }) => { destroy(): void }

/**
 * One document's connection to the thread: the `PDFWorker` to give `getDocument`, a promise that
 * rejects when the document fails (its budget, an exception in pdfjs's handling, the thread's
 * end: {@link ThreadEndedError} when that need not be this document's doing), and what it has counted.
 */
export class Session {
  /** Give it to `getDocument({ worker })`. */
  readonly worker: { destroy(): void }
  /** Rejects when the document fails; never resolves. Observed: race work against it with {@link Session.guard}. */
  readonly failed: Promise<never>
  /** Resolves when the thread ends (out of memory, or failed), while this session is open. */
  readonly ended: Promise<void>
  /** Operators and text items received so far. */
  drawn = 0
  /** The budgets: operators and text items, and seconds. */
  readonly budget: SessionBudget
  private fail: (error: Error) => void = () => undefined
  private readonly timer: ReturnType<typeof setTimeout>
  private readonly port: MessagePort
  private readonly thread: Thread
  private readonly onEnd: (error: Error, ending: Ending) => void

  /**
   * @param library - pdfjs-dist.
   * @param budget - The most operators and text items the document's pages may send, and the most seconds it may take.
   * @param options - Which thread to read in.
   */
  constructor(library: { PDFWorker: unknown }, budget: SessionBudget, options: SessionOptions = {}) {
    this.budget = budget
    this.failed = new Promise<never>((_, reject) => {
      this.fail = reject
    })
    this.failed.catch(() => undefined)
    let ended: () => void = () => undefined
    this.ended = new Promise<void>((resolve) => {
      ended = resolve
    })
    this.thread = thread(options.alone === true)
    this.onEnd = (error, ending) => {
      ended()
      // Stopped for another document's time (this one's own time failed it first), or out of heap
      // with others open: maybe not this document's doing. Alone in its thread, it was.
      this.fail(ending.stopped || ending.open > 1 ? new ThreadEndedError(error) : error)
    }
    if (this.thread.dead) this.onEnd(new Error("the PDF reader's thread ended"), { stopped: true, open: 1 })
    else this.thread.ended.add(this.onEnd)
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    this.thread.worker.postMessage(port2, [port2])
    this.worker = new (library.PDFWorker as WorkerClass)({ port: this.guardedPort(), verbosity: 0 })
    this.timer = setTimeout(() => {
      this.fail(new ResourceLimitError('time', budget.seconds))
      void stop(this.thread)
    }, budget.seconds * 1000)
    this.timer.unref()
  }

  /**
   * `work`, unless the document fails first: then its failure. `work` is observed either way, so a
   * promise of pdfjs's that fails after the document did is never an unhandled rejection.
   */
  guard<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed])
  }

  /** End the session: the worker and the channel closed, the thread no longer told about it. */
  close(): void {
    clearTimeout(this.timer)
    this.thread.ended.delete(this.onEnd)
    this.worker.destroy()
    this.port.close()
  }

  /** The port pdfjs talks through: each message counted, each exception of pdfjs's handling the document's failure. */
  private guardedPort(): unknown {
    const port = this.port
    return {
      postMessage: (message: unknown, transfer?: Parameters<MessagePort['postMessage']>[1]): void => port.postMessage(message, transfer),
      addEventListener: (type: string, listener: (event: { data: unknown }) => void, options?: { signal?: AbortSignal }): void =>
        port.addEventListener(
          type,
          (event) => {
            const data = (event as unknown as { data: unknown }).data
            if (this.received(data)) return
            try {
              listener(event as unknown as { data: unknown })
            } catch (error) {
              this.fail(error instanceof Error ? error : new Error(String(error)))
            }
          },
          options
        ),
      removeEventListener: (): void => undefined
    }
  }

  /** Count what a message brings (operators, text items); true when it is the thread's report of a failure, not pdfjs's. */
  private received(data: unknown): boolean {
    if (typeof data !== 'object' || data === null) return false
    if (FAILURE in data) {
      this.fail(new Error(`pdfjs failed: ${String((data as Record<string, unknown>)[FAILURE])}`))
      return true
    }
    const chunk = (data as { chunk?: { fnArray?: unknown; items?: unknown } }).chunk
    if (chunk === undefined || chunk === null) return false
    const count = (Array.isArray(chunk.fnArray) ? chunk.fnArray.length : 0) + (Array.isArray(chunk.items) ? chunk.items.length : 0)
    this.drawn += count
    if (this.drawn > this.budget.drawn) this.fail(new ResourceLimitError('operators', this.budget.drawn))
    return false
  }
}
