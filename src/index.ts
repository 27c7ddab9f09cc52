export { DEFAULT_MAX_INPUT, parseReport, parseReportAsync, parseReports, parseReportsAsync, type ParseOptions } from './parse.js'
export type {
  Adapter,
  HiddenText,
  SourceBlock,
  SourceCell,
  SourceDocument,
  SourceEmbedded,
  SourceIdentity,
  SourceNotice,
  ReadAsTextNotice,
  UnruledTableNotice,
  SourceRow,
  SourceTable,
  SourceText,
  SourceTitle
} from './source/document.js'
export { LineIndex } from './source/position.js'
export { tidyCell, tidyProse } from './source/tidy.js'
export { textAdapter } from './adapters/text/index.js'
export { markdownAdapter } from './adapters/markdown/index.js'
export { htmlAdapter } from './adapters/html/index.js'
export { jsonAdapter } from './adapters/json/index.js'
export { docxAdapter } from './adapters/docx/index.js'
export { pdfAdapter } from './adapters/pdf/index.js'
export { formatReport, type FormatOptions, type OutputFormat } from './serialize/index.js'
export { LONG_HEADER, toCsv, toRows, type CsvOptions, type ReportRow } from './serialize/rows.js'
export type { CellStatus } from './serialize/status.js'
export { namesCell, pathNames } from './model/paths.js'
export { validateReport, type CellReader, type PositionLookup } from './validate/index.js'
export { createEmptyReport, cellPaths, getCell } from './model/empty.js'
export {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_INFO,
  type DiagnosticBase,
  type DiagnosticCode,
  type DiagnosticCodeMap,
  type DiagnosticFields,
  type DiagnosticInfo,
  type DiagnosticOf
} from './model/diagnostics.js'
export type { Locale } from './model/diagnose.js'
export type { TableName } from './model/schema.js'
export type {
  ActiveDisclosure2019,
  ActiveDisclosure2021,
  Applicant,
  ApplicationColumn,
  Applications,
  Cell,
  Decisions,
  Denied,
  Diagnostic,
  Edition,
  Extra,
  FeeAmount,
  Identity,
  IdentityOrigin,
  IdentitySource,
  InvariantId,
  IssuedRepealedInForce,
  ItemsChange,
  ItemsChangeDecisions,
  MadePublishedTotal,
  NarrativeSection,
  NotProcessed,
  Other2019,
  Other2021,
  Outcomes,
  ParseResult,
  Position,
  Procurement,
  Report,
  Report2019,
  Report2021,
  ReportBase,
  Results,
  ReviewAndLitigation,
  SectionKey,
  Sections,
  Severity,
  Statement,
  Unavailable
} from './model/types.js'
