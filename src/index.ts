export {
  DEFAULT_MAX_INPUT,
  parseReport,
  parseReportAsync,
  parseReports,
  parseReportsAsync,
  type ParseOptions,
  type ReportInput
} from './parse.js'
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
  ResourceLimitNotice,
  SourceRow,
  SourceTable,
  SourceText,
  SourceTitle
} from './source/document.js'
export { LineIndex } from './source/position.js'
export { ResourceLimitError, type ReadLimits, type ResourceLimitDetail, type ResourceLimitKind } from './source/limits.js'
export { tidyCell, tidyProse } from './source/tidy.js'
export { textAdapter } from './adapters/text/index.js'
export { markdownAdapter } from './adapters/markdown/index.js'
export { htmlAdapter } from './adapters/html/index.js'
export { jsonAdapter } from './adapters/json/index.js'
export { docxAdapter } from './adapters/docx/index.js'
export { pdfAdapter } from './adapters/pdf/index.js'
export { formatReport, type FormatOptions, type OutputFormat } from './serialize/index.js'
export { REPORT_SCHEMA_URL } from './serialize/schema-url.js'
export { LONG_HEADER, toCsv, toRows, type CsvOptions, type ReportRow } from './serialize/rows.js'
export type { CellStatus } from './serialize/status.js'
export { codebook, type CellType, type CodebookEntry } from './serialize/codebook.js'
export { namesCell, pathNames } from './model/paths.js'
export { VERSION } from './model/version.js'
export { validateReport, type CellReader, type PositionLookup } from './validate/index.js'
export { createEmptyReport, cellPaths, getCell, getCellAt } from './model/empty.js'
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
  BuiltInFormat,
  CellPath,
  CellPathsOf,
  Edition,
  FormatName,
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
export { buildDataset, DatasetBuilder } from './dataset/builder.js'
export { COMPACT_STATUSES, compactEntry, type CompactEntry, type CompactOptions, type CompactReport } from './dataset/compact.js'
export {
  DATASET_CODES,
  DATASET_CODE_INFO,
  type CrossYearRule,
  type DatasetCode,
  type DatasetCodeInfo,
  type DatasetCodeMap,
  type DatasetDiagnostic,
  type DatasetSource,
  type DatasetYearSource
} from './dataset/codes.js'
export {
  INDICATOR_NAMES,
  INDICATORS,
  type ChangeFormula,
  type IndicatorFormula,
  type IndicatorLabel,
  type IndicatorName,
  type Indicators,
  type IndicatorSpec,
  type RatioFormula,
  type SumFormula
} from './dataset/indicators.js'
export { CROSS_YEAR_CHECKS, type CrossYearCheck, type RuleTerm } from './dataset/rules.js'
export type {
  Dataset,
  DatasetBody,
  DatasetEntry,
  DatasetEntryInfo,
  DatasetOptions,
  DatasetYear,
  Unidentified,
  UnidentifiedReason
} from './dataset/types.js'
