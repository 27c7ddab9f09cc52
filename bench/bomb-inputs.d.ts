/** Types of bench/bomb-inputs.js, for the tests that read the same bombs as the bench. */

/** The bytes of a corpus PDF (`corpus/<name>/input.pdf`). */
export function corpusPdf(name: string): Uint8Array
/** `bytes` with `count` bytes (default 1) deleted at `at`. */
export function deleteBytes(bytes: Uint8Array, at: number, count?: number): Uint8Array
/** real-902-hongze-2024.pdf with the byte at 106 732 deleted. */
export function damagedPdf(): Uint8Array
/** `<table><tr><td>` nested `depth` deep (default 100 000), then a line of text. */
export function nestedTables(depth?: number): string
/** A Word file whose word/document.xml inflates to `size` bytes (default 63 MiB). */
export function docxBomb(size?: number): Uint8Array
/** A PDF file from its objects (numbered from 1, the first the catalog): dictionaries, or streams as `{ dict, data }`. */
export function assemblePdf(objects: ReadonlyArray<string | { dict: string; data: Uint8Array }>): Uint8Array
/** A PDF of one page whose content stream inflates to `size` bytes (default 40 MB) of line drawing. */
export function pdfStreamBomb(size?: number): Uint8Array
/** A PDF of one page whose content stream is `size` spaces (default 64 MiB), compressed twice. */
export function pdfChainBomb(size?: number): Uint8Array
/** A JPEG that declares `side` × `side` pixels and holds almost no data. */
export function jpegHeader(side: number): Uint8Array
/** A PDF of one page drawing a `side` × `side` JPEG (default 20 000) under a line of text. */
export function pdfImageBomb(side?: number): Uint8Array
/** A PDF of `count` pages (default 10 000) sharing one content stream. */
export function pdfManyPages(count?: number): Uint8Array
/** Every bomb: a function making its input, and the reader it goes to. */
export const BOMBS: Record<string, { make: () => string | Uint8Array; kind: 'pdf' | 'html' | 'docx' }>
