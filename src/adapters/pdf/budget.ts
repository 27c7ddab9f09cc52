/**
 * What a PDF may ask of the reader for its size: how many pages are read, how many operators and
 * text items its pages may send, how many bytes its streams may decode to (`DECODED_PER_BYTE` of
 * source/limits.ts). Real reports ask for a small part of each: the three PDFs of the corpus (5–6
 * pages, 240–410 KB) send 14 000–16 000 operators and 600–800 text items, about one for every 17
 * bytes of the file, and their streams decode to about 5 times their size.
 *
 * @module
 */

/**
 * The most pages read of a PDF: a report has 5 to 30, a file of several reports some hundreds.
 * Pages past it are not read, and the diagnostic `resource_limit` says so.
 */
export const MAX_PAGES = 256

/** How many operators and text items a PDF's pages may send, per byte of the file (real ones: about 0.06). */
export const DRAWN_PER_BYTE = 1

/** The least number of operators and text items a PDF may send, however small the file. */
export const MIN_DRAWN = 100_000

/** The seconds any PDF may take to read, whatever its size: a report takes well under one. */
export const BASE_SECONDS = 30

/** The seconds a PDF may take besides, per MiB of the file. */
export const SECONDS_PER_MB = 10

/**
 * How long a PDF of `size` bytes may take to read: {@link BASE_SECONDS}, and {@link SECONDS_PER_MB}
 * for each MiB (10 MiB: 130 s). Past it the reader is stopped. The budgets of pages, operators and
 * decoded bytes stop every bomb known long before; this stops one that makes pdfjs loop.
 *
 * @param size - The file's size in bytes.
 */
export function secondsBudget(size: number): number {
  return BASE_SECONDS + Math.ceil((SECONDS_PER_MB * size) / (1024 * 1024))
}

/**
 * How many operators and text items a PDF of `size` bytes may send: {@link DRAWN_PER_BYTE} times
 * its size, at least {@link MIN_DRAWN}. Past it, the page under way and those after it are not read.
 *
 * @param size - The file's size in bytes.
 */
export function drawnBudget(size: number): number {
  return Math.max(MIN_DRAWN, DRAWN_PER_BYTE * size)
}
