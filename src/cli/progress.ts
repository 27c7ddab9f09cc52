/**
 * Progress on standard error while a batch runs: files done, rate, time left.
 * Shown only on a terminal; silent when stderr is a file or a pipe.
 *
 * @module
 */

/** A progress line. */
export interface Progress {
  /** One more file done. */
  tick(): void
  /** Clear the line, before something else is written to stderr (the next tick shows it again). */
  clear(): void
  /** Clear the line. */
  end(): void
}

/**
 * A progress line for `total` files.
 *
 * @param total - How many files the batch has.
 * @param io - Where to write, and whether it is a terminal.
 */
export function progress(total: number, io: { stderr: (text: string) => void; tty: boolean }): Progress {
  if (!io.tty || total < 2) return { tick: () => undefined, clear: () => undefined, end: () => undefined }
  const start = performance.now()
  let done = 0
  let shown = 0
  return {
    tick() {
      done++
      const now = performance.now()
      if (now - shown < 100 && done < total) return
      shown = now
      const seconds = (now - start) / 1000
      const rate = done / Math.max(seconds, 1e-3)
      const left = Math.ceil((total - done) / rate)
      io.stderr(`\r\u001b[2K${done}/${total} files · ${rate.toFixed(1)} files/s · ${done < total ? `about ${left} s left` : 'done'}`)
    },
    clear() {
      io.stderr('\r\u001b[2K')
      shown = 0
    },
    end() {
      io.stderr('\r\u001b[2K')
    }
  }
}
