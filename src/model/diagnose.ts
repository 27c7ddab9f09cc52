/**
 * Building diagnostics: each code's message template, in English and in Chinese, and the one
 * function that makes a diagnostic from a code, the facts its message is written from, and its
 * place. The message is rendered once, in the locale of the parse under way ({@link inLocale}).
 *
 * @module
 */

import { printNumber as n } from './decimal.js'
import { DIAGNOSTIC_INFO, type Diagnostic, type DiagnosticCode, type InvariantId, type Position } from './diagnostics.js'
import type { TableName } from './schema.js'
import type { Cell, IdentityOrigin } from './types.js'

/** The language of diagnostic messages: `'en'` (English) or `'zh'` (Chinese). */
export type Locale = 'en' | 'zh'

/** A row of a table as messages name it: its label as printed, or none (table 四's row of numbers). */
interface RowFacts {
  /** Its table. */
  table: TableName
  /** Its label as printed; absent for table 四's row of numbers. */
  row?: string | undefined
}

/** What a row printed against what it has. */
interface CountFacts extends RowFacts {
  /** How many values it printed. */
  printed: number
  /** How many columns it has. */
  columns: number
}

/** The facts each code's message is written from. */
export interface MessageFacts {
  not_a_report: {
    adapter?: string
    error?: string
    labels?: readonly string[]
    async?: boolean
    detached?: boolean
    cause?: 'wordBinary' | 'excelBinary' | 'excel' | 'noTextLayer' | 'path'
  }
  table_missing: { table: TableName }
  row_missing: RowFacts
  row_length_mismatch: CountFacts
  unknown_label: { label: string }
  blank_cell: { path: string; marker?: string | undefined }
  value_inferred: { path: string; value: number; row?: CountFacts | undefined }
  ambiguous_value:
    | (CountFacts & { placements: 'none' | 'several' })
    | (RowFacts & { run: string; splits: number; reason: 'none' | 'several' | 'capped' | 'table' | 'tables' })
    | { path: string; beside: string; text: string }
  label_variant: { printed: string; label: string; distance: number }
  group_as_row: RowFacts & { rows: readonly string[] }
  unruled_table: { page: number }
  values_split: RowFacts & {
    run: string
    pieces: readonly string[]
    by: 'format' | 'row' | 'table' | 'rowOnly' | 'statement'
    /** For `by: 'statement'`: the sentence, how many splits keep the format's rules, and what it states. */
    statement?: { sentence: string; splits: number; path: string; value: number; unit: string } | undefined
  }
  invalid_number: { path: string; text: string; why?: InvalidWhy | undefined }
  sum_mismatch: { rule: InvariantId; path: string; actual: number; expected: number }
  negative_value: { path: string; value: number }
  non_integer_count: { path: string; value: number }
  edition_conflict: { markers2019: number; markers2021: number; edition: string }
  unit_converted: { path: string; printed: string; unit: string; value: number; note?: string }
  unsupported_content: { format: string; reason: string }
  columns_reordered: { table: TableName; columns: readonly string[] }
  several_reports: { count: number }
  unknown_unit: { path: string; unit: string; printed: string; note?: string; against?: { unit: string; by: 'header' | 'note' } }
  input_too_large: { size: number; limit: number }
  read_as_text: { adapter: string; limit: 'input' | 'block' | 'setext' | 'emphasis' | 'brackets'; value: number }
  conflicting_values: RowFacts & { path: string; first?: Cell | undefined; second?: Cell | undefined }
  column_header_unreadable: { table: TableName; problem: HeaderProblem }
  hidden_text: { path: string; runs: readonly HiddenRun[]; blank: boolean }
  organization_unknown: { title?: string | undefined }
  year_unknown: { title?: string | undefined; outside?: { year: number; from: IdentityOrigin } | undefined; last: number }
  identity_conflict: { field: 'organization' | 'year'; kept: IdentityReading; other: IdentityReading }
  encoding_repaired: {
    encoding: string
    by: 'bom' | 'declared' | 'valid' | 'evidence'
    declared?: string | undefined
    count: number
    byte?: number | undefined
    line: number
    column: number
    labels?: EncodingLabels | undefined
  }
  encoding_guessed: { declared?: string | undefined; invalid: number; labels: EncodingLabels }
  resource_limit: ResourceLimitFacts
  text_table_mismatch: {
    path: string
    /** The sentence as printed (cut in the message). */
    sentence: string
    /** What it states, in the cell's unit, and that unit (`件`, `万元`). */
    value: number
    unit: string
    /** What the table prints; absent where the cell is null. */
    table?: number | undefined
    /** Where the cell is null: its glued run, and the values its splits give the cell. */
    run?: { text: string; values: readonly number[] } | undefined
    /** Where the table prints it. */
    cellAt?: Position | undefined
  }
  section_missing: { section: 'problems' | 'other'; heading?: string | undefined }
}

/** The sentence of a statement in a message: at most this many characters, `…` marking a cut. */
const SENTENCE_CHARACTERS = 60

/** A sentence in a message, cut when long (around the figure's clause is not known here: its start). */
function cutSentence(sentence: string): string {
  const characters = [...sentence.replace(/\s+/gu, ' ').trim()]
  return characters.length > SENTENCE_CHARACTERS ? `${characters.slice(0, SENTENCE_CHARACTERS).join('')}…` : characters.join('')
}

/** A figure with its unit: `859件`, `25.1万元`. */
const figure = (value: number, unit: string): string => `${n(value)}${unit}`

/** Where a cell is, in a message. */
const cellAtEn = (at: Position | undefined): string => (at === undefined ? '' : ` (line ${at.line}, column ${at.column})`)
const cellAtZh = (at: Position | undefined): string => (at === undefined ? '' : `（第 ${at.line} 行第 ${at.column} 列）`)
/** The values a run's splits give a cell, at most this many named. */
const RUN_VALUES = 6
const runValues = (values: readonly number[], more: (count: number) => string): string =>
  values
    .slice(0, RUN_VALUES)
    .map((value) => n(value))
    .join(', ') + (values.length > RUN_VALUES ? more(values.length - RUN_VALUES) : '')

const SECTION_HEADINGS_ZH: Record<'problems' | 'other', string> = {
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项'
}

/**
 * What an input went beyond (`resource_limit`): a compressed part of a Word file that inflates past
 * its budget (`inflated`), a PDF's streams that decode past theirs (`decoded`), a PDF's pages past
 * the number read (`pages`), its operators and text items past their budget (`operators`), the
 * memory or time the PDF reader may take (`memory`, `time`), HTML elements or tables nested past
 * the depth read (`nesting`, `tableNesting`).
 */
export type ResourceLimitKind = 'inflated' | 'decoded' | 'pages' | 'operators' | 'memory' | 'time' | 'nesting' | 'tableNesting'

/** The facts of a `resource_limit` message. */
export interface ResourceLimitFacts {
  /** The adapter that read the input. */
  adapter: string
  /** What went beyond its budget. */
  limit: ResourceLimitKind
  /** The budget: bytes (`inflated`, `decoded`), pages, operators, megabytes, seconds or a depth. */
  value: number
  /** Whether what came before the limit was read (else the file was not read at all). */
  read: boolean
  /** The part of the file (`word/document.xml`). */
  part?: string | undefined
  /** The first page not read. */
  page?: number | undefined
  /** How much the input has (the pages of a PDF). */
  actual?: number | undefined
}

/** One reading of the organisation or the year, as messages name it: what it says and where it came from. */
export interface IdentityReading {
  /** Where it was read. */
  from: IdentityOrigin
  /** The value it gives. */
  value: string
}

/** Where a reading came from, as messages say it. */
const ORIGIN: Record<Locale, Record<IdentityOrigin, string>> = {
  en: {
    title: 'the title',
    crawlerHeader: 'the crawler’s 标题: header',
    documentTitle: 'the page’s <title>',
    period: 'the statistics period',
    caller: 'the caller'
  },
  zh: { title: '标题', crawlerHeader: '采集器“标题:”头', documentTitle: '网页 <title>', period: '统计期限', caller: '调用方' }
}

/** Why an input holds no report, when it tells: each cause's message. */
const CAUSES: Record<Locale, Record<NonNullable<MessageFacts['not_a_report']['cause']>, string>> = {
  en: {
    wordBinary:
      'The input is an old binary Word file (.doc), which is not read: open it in Word or WPS and save it as .docx (or as a web page), then read that.',
    excelBinary:
      'The input is an Excel workbook (.xls), not a report: the reports are read as published, as text, web pages, Word (.docx) or PDF files.',
    excel:
      'The input is an Excel workbook (.xlsx), not a report: the reports are read as published, as text, web pages, Word (.docx) or PDF files.',
    noTextLayer:
      'The PDF holds no text (its pages are images, as in a scan, or its text is drawn invisible, as an OCR layer is): it needs OCR before its tables can be read.',
    path: 'The input is a file’s name or path, not its contents: pass the file’s bytes, parseReport(readFileSync(path)).'
  },
  zh: {
    wordBinary: '输入是旧版二进制 Word 文件（.doc），无法读取：请用 Word 或 WPS 打开并另存为 .docx（或网页），再读取。',
    excelBinary: '输入是 Excel 工作簿（.xls），不是年度报告：年度报告按其发布形式读取（文本、网页、Word .docx 或 PDF）。',
    excel: '输入是 Excel 工作簿（.xlsx），不是年度报告：年度报告按其发布形式读取（文本、网页、Word .docx 或 PDF）。',
    noTextLayer: 'PDF 中没有文字（页面是图片，如扫描件，或文字为不可见的 OCR 层）：须先做 OCR 才能读取表格。',
    path: '输入是文件名或路径，而不是文件内容：请传入文件的字节，parseReport(readFileSync(path))。'
  }
}

/** Text of a cell that a reader does not see, and what hides it (`display:none`, `<del>`, `render mode 3` …). */
export interface HiddenRun {
  /** The text. */
  text: string
  /** What hides it, as the source says it. */
  by: string
}

/** Hidden runs named in a message at most; their texts cut to this many characters. */
const HIDDEN_RUNS = 3
const HIDDEN_CHARACTERS = 20

/** Each of the first few hidden runs as `“text” (by)`, its text cut when long; and how many more there are. */
function hiddenRuns(runs: readonly HiddenRun[], quote: (text: string, by: string) => string): { named: string[]; more: number } {
  const named = runs.slice(0, HIDDEN_RUNS).map(({ text, by }) => {
    const characters = [
      ...text
        .slice(0, 4 * HIDDEN_CHARACTERS)
        .replace(/\s+/gu, ' ')
        .trim()
    ]
    const cut = characters.length > HIDDEN_CHARACTERS ? `${characters.slice(0, HIDDEN_CHARACTERS).join('')}…` : characters.join('')
    return quote(cut, by)
  })
  return { named, more: Math.max(0, runs.length - HIDDEN_RUNS) }
}

const hiddenEn = ({ path, runs, blank }: MessageFacts['hidden_text']): string => {
  const { named, more } = hiddenRuns(runs, (text, by) => `“${text}” (${by})`)
  const list = named.join(', ') + (more > 0 ? ` and ${more} more` : '')
  return `Cell ${path} holds text a reader of the page does not see, which was not read: ${list}${blank ? '; what is seen of the cell is blank' : ''}.`
}
const hiddenZh = ({ path, runs, blank }: MessageFacts['hidden_text']): string => {
  const { named, more } = hiddenRuns(runs, (text, by) => `“${text}”（${by}）`)
  const list = named.join('、') + (more > 0 ? `等 ${runs.length} 处` : '')
  return `单元格 ${path} 含有读者看不到的文字，未读取：${list}${blank ? '；可见部分为空' : ''}。`
}

/**
 * Why a cell's text was not read as a number (`invalid_number`): more than 15 significant digits;
 * two numbers; a footnote mark; closer to 0 than a double holds exactly; a money unit on a count;
 * more than 15 significant digits once converted to 万元.
 */
export type InvalidWhy = 'tooLong' | 'several' | 'marked' | 'tooSmall' | 'moneyUnit' | 'tooLongInWanyuan'

/** The characters of the format's labels in the reading of the bytes taken, and in the other one. */
export interface EncodingLabels {
  /** In the reading taken. */
  chosen: number
  /** In the other. */
  other: number
}

/** A cell's value in a message, in plain digits; `blank` for none. */
const cellText = (value: Cell | undefined, blank: string): string => (value === null || value === undefined ? blank : n(value))

/** The name of an encoding in a message. */
const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030'
}
const encodingName = (encoding: string): string => ENCODING_NAMES[encoding] ?? encoding
/** The other reading compared with an encoding's. */
const otherEncoding = (encoding: string): string => (encoding === 'gb18030' ? 'UTF-8' : 'GB18030')

/** Why an encoding was read (`encoding_repaired`), in a message. */
function readBecauseEn(f: MessageFacts['encoding_repaired']): string {
  if (f.by === 'bom') return 'as its byte order mark says'
  if (f.by === 'declared') return `as the page declares (charset ${f.declared ?? ''})`
  if (f.labels === undefined) return 'chosen over UTF-8 (see encoding_guessed)'
  return `which holds more of the format's text: ${f.labels.chosen} characters of its labels, against ${f.labels.other} read as ${otherEncoding(f.encoding)}`
}
function readBecauseZh(f: MessageFacts['encoding_repaired']): string {
  if (f.by === 'bom') return '依据其字节顺序标记'
  if (f.by === 'declared') return `依据网页声明的字符集 ${f.declared ?? ''}`
  if (f.labels === undefined) return '而非 UTF-8（见 encoding_guessed）'
  return `其中格式标签文字 ${f.labels.chosen} 个，按 ${otherEncoding(f.encoding)} 读取只有 ${f.labels.other} 个`
}

/** Why a column header could not be read: a column named twice, or one not named. */
export interface HeaderProblem {
  /** What is wrong. */
  kind: 'repeated' | 'missing'
  /** The column's label, e.g. `总计`, or `行政复议 · 总计`. */
  column: string
}

type Templates = { [C in DiagnosticCode]: (facts: MessageFacts[C]) => string }

const rowEn = ({ table, row }: RowFacts): string => (row === undefined ? `the row of numbers of table ${table}` : `row “${row}”`)
const rowZh = ({ table, row }: RowFacts): string => (row === undefined ? `表${table}的数据行` : `表${table}“${row}”行`)

/** What each sum invariant compares, as messages say it. */
/** Which limit of what a Markdown parser may be given an input went beyond (`read_as_text`). */
const LIMIT_EN: Record<'input' | 'block' | 'setext' | 'emphasis' | 'brackets', (value: number) => string> = {
  input: (value) => `it is larger than ${value / 1024} KB`,
  block: (value) => `a block without a blank line is longer than ${value / 1024} KB`,
  setext: (value) => `a block has more than ${value} setext underlines`,
  emphasis: (value) => `a block has more than ${value} emphasis marks`,
  brackets: (value) => `a block has more than ${value} link brackets`
}
const LIMIT_ZH: typeof LIMIT_EN = {
  input: (value) => `其大小超过 ${value / 1024} KB`,
  block: (value) => `有一段无空行的内容超过 ${value / 1024} KB`,
  setext: (value) => `有一段内容含超过 ${value} 条 setext 标题下划线`,
  emphasis: (value) => `有一段内容含超过 ${value} 个强调符号`,
  brackets: (value) => `有一段内容含超过 ${value} 个链接方括号`
}

/** What each kind of `resource_limit` went beyond, as messages say it. */
const RESOURCE_EN: Record<ResourceLimitKind, (f: ResourceLimitFacts) => string> = {
  inflated: (f) =>
    `${f.part ?? 'A compressed part'} of the ${f.adapter} file inflates to more than ${f.value} bytes, ${DECODED_RATIO} times the file's size (at most options.maxInput), which no real file needs`,
  decoded: (f) =>
    `The compressed streams of the PDF decode to more than ${f.value} bytes, ${DECODED_RATIO} times the file's size, which no real file needs`,
  pages: (f) => `The PDF has ${f.actual ?? 'more'} pages, and at most ${f.value} are read`,
  operators: (f) => `The PDF's pages draw more than ${f.value} operators and text items, more than a file of its size may ask for`,
  memory: (f) => `The PDF reader ran out of the ${f.value} MB of memory it may use`,
  time: (f) => `The PDF reader took longer than ${f.value} s, the most a file of its size may take`,
  nesting: (f) =>
    f.read
      ? `HTML elements nest deeper than ${f.value}; the tags of deeper elements were blanked before parsing (their text was kept)`
      : `${f.part ?? 'The XML'} of the ${f.adapter} file nests elements deeper than ${f.value}, which no real file needs`,
  tableNesting: (f) =>
    `HTML tables nest deeper than ${f.value}; deeper tables were read as the text of the cell holding them, not as tables`
}
const RESOURCE_ZH: Record<ResourceLimitKind, (f: ResourceLimitFacts) => string> = {
  inflated: (f) =>
    `${f.adapter} 文件中的${f.part ?? '压缩部件'}解压后超过 ${f.value} 字节，即文件大小的 ${DECODED_RATIO} 倍（且不超过 options.maxInput），正常文件不会如此`,
  decoded: (f) => `PDF 中的压缩流解码后超过 ${f.value} 字节，即文件大小的 ${DECODED_RATIO} 倍，正常文件不会如此`,
  pages: (f) => `PDF 共 ${f.actual ?? '更多'} 页，最多读取 ${f.value} 页`,
  operators: (f) => `PDF 各页的绘制指令和文字项超过 ${f.value} 个，超出该大小的文件应有的工作量`,
  memory: (f) => `PDF 读取器用尽了其可用的 ${f.value} MB 内存`,
  time: (f) => `PDF 读取器耗时超过 ${f.value} 秒，即该大小的文件最多可用的时间`,
  nesting: (f) =>
    f.read
      ? `HTML 元素嵌套超过 ${f.value} 层；更深的元素标签在解析前已置空（其文字保留）`
      : `${f.adapter} 文件中的${f.part ?? ' XML '}元素嵌套超过 ${f.value} 层，正常文件不会如此`,
  tableNesting: (f) => `HTML 表格嵌套超过 ${f.value} 层；更深的表格按所在单元格的文字读取，不作为表格`
}
/** The budget of decoded bytes per byte of the file, as messages name it (`DECODED_PER_BYTE` of source/limits.ts). */
const DECODED_RATIO = 64

/** What was not read past a resource limit. */
function resourceRestEn(f: ResourceLimitFacts): string {
  if (!f.read) return '; the file was not read.'
  if (f.limit === 'nesting' || f.limit === 'tableNesting') return '.'
  return f.page === undefined ? '; what lay past the limit was not read.' : `; pages from ${f.page} on were not read.`
}
function resourceRestZh(f: ResourceLimitFacts): string {
  if (!f.read) return '；该文件未读取。'
  if (f.limit === 'nesting' || f.limit === 'tableNesting') return '。'
  return f.page === undefined ? '；超出部分未读取。' : `；第 ${f.page} 页起未读取。`
}

/** Why digits were not read as a number (`invalid_number`'s `why`). */
const INVALID_WHY: Record<Locale, Record<InvalidWhy, string>> = {
  en: {
    tooLong: 'more than 15 significant digits, more than a number holds exactly',
    several: 'two numbers in one cell',
    marked: 'a number with a footnote mark; which digits are the number is not certain',
    tooSmall: 'closer to 0 than a number holds exactly',
    moneyUnit: 'a count cannot carry a money unit',
    tooLongInWanyuan: 'in 万元 it has more than 15 significant digits, more than a number holds exactly'
  },
  zh: {
    tooLong: '有效数字超过15位，超出数值能精确表示的范围',
    several: '一个单元格中有两个数字',
    marked: '数字带有脚注标记，无法确定哪些数字属于该数值',
    tooSmall: '数值过于接近 0，超出数值能精确表示的范围',
    moneyUnit: '数量不能带金额单位',
    tooLongInWanyuan: '折合万元后有效数字超过15位，超出数值能精确表示的范围'
  }
}

const RELATIONS: Record<Locale, Partial<Record<InvariantId, string>>> = {
  en: {
    'I-1': '三、（七）总计 + 四、结转下年度 against 一、本年新收 + 二、上年结转',
    'I-3': '（七）总计 against the sum of the result rows',
    'I-4': '总计 against the sum of the six applicant columns',
    'I-5': '总计 against 结果维持 + 结果纠正 + 其他结果 + 尚未审结'
  },
  zh: {
    'I-1': '三、（七）总计 + 四、结转下年度继续办理 应等于 一、本年新收 + 二、上年结转',
    'I-3': '（七）总计 应等于各项办理结果之和',
    'I-4': '总计 应等于六类申请人之和',
    'I-5': '总计 应等于 结果维持 + 结果纠正 + 其他结果 + 尚未审结'
  }
}

/** Why a glued row's cells are left null, by reason, from the number of splits that keep the row's own rules. */
const SPLITS_EN: Record<'none' | 'several' | 'capped' | 'table' | 'tables', (splits: number) => string> = {
  none: () => 'no split of it into one value per column keeps the format’s rules and the row’s totals',
  several: (splits) => `${splits} splits of it into one value per column keep the format’s rules and the row’s totals`,
  capped: () => 'its splits are too many to try (the search stopped at its cap)',
  table: (splits) => `of the ${splits} splits that keep the row’s totals, none keeps the table’s totals`,
  tables: (splits) => `more than one of the ${splits} splits that keep the row’s totals also keeps the table’s totals`
}
const SPLITS_ZH: Record<'none' | 'several' | 'capped' | 'table' | 'tables', (splits: number) => string> = {
  none: () => '任何拆分都不符合格式规则和本行的合计关系',
  several: (splits) => `有 ${splits} 种拆分都符合格式规则和本行的合计关系`,
  capped: () => '可能的拆分过多，搜索已达上限',
  table: (splits) => `符合本行合计关系的 ${splits} 种拆分都不符合全表的勾稽关系`,
  tables: (splits) => `符合本行合计关系的 ${splits} 种拆分中，不止一种也符合全表的勾稽关系`
}
/** What decided a glued row's split. */
const SPLIT_BY_EN: Record<'format' | 'row' | 'table' | 'rowOnly' | 'statement', string> = {
  format:
    'the only split into one value per column that the format’s rules allow (no leading zeros; signs and decimals only where a column has them)',
  row: 'the only split that keeps the format’s rules and the row’s own totals (I-4, I-5)',
  table: 'the only split that keeps the whole table’s totals (I-1, I-3, I-4, I-5) with the other rows',
  rowOnly:
    'the only split that keeps the format’s rules and the row’s own totals; the table’s totals (I-1, I-3) do not hold as printed (see sum_mismatch), so no split of the whole table keeps them and this one rests on the row alone',
  statement: 'the only split that agrees with what the narrative states'
}
const SPLIT_BY_ZH: Record<'format' | 'row' | 'table' | 'rowOnly' | 'statement', string> = {
  format: '这是格式规则（无前导零，仅特定列可有符号或小数）允许的唯一拆分',
  row: '这是符合格式规则和本行合计关系（I-4、I-5）的唯一拆分',
  table: '这是与其他行一起符合全表勾稽关系（I-1、I-3、I-4、I-5）的唯一拆分',
  rowOnly:
    '这是符合格式规则和本行合计关系的唯一拆分；但本表所印数值不符合全表勾稽关系（I-1、I-3，见 sum_mismatch），没有任何整表拆分能满足，此拆分仅以本行为据',
  statement: '这是与正文所述相符的唯一拆分'
}

/** Every code's message, in each locale. */
export const MESSAGES: Readonly<Record<Locale, Templates>> = {
  en: {
    not_a_report: ({ adapter, error, labels, async, detached, cause }) =>
      cause !== undefined
        ? CAUSES.en[cause]
        : detached === true
          ? 'The input’s bytes cannot be read: its ArrayBuffer was transferred (detached), to a worker or by structuredClone; pass the bytes before transferring them, or a copy.'
          : async === true
            ? `The input is a ${adapter ?? ''} file, which is read asynchronously: parseReport() cannot read it, parseReportAsync() can.`
            : adapter !== undefined
              ? `The ${adapter} adapter failed: ${error ?? ''}`
              : labels !== undefined && labels.length > 0
                ? `Texts of the format's tables are in the input (${labels.map((label) => `“${label}”`).join(', ')}), but no row of values could be read from them: a layout none of the readers knows, or a table flattened without its section headings.`
                : 'No table of the 2019 or 2021 format was found (tables 二, 三 and 四 are all absent).',
    table_missing: ({ table }) => `Table ${table} was not found.`,
    row_missing: ({ table, row }) =>
      row === undefined ? `Table ${table} has its header but no row of numbers.` : `Row “${row}” of table ${table} is absent.`,
    row_length_mismatch: (f) => `In table ${f.table}, ${rowEn(f)} prints ${f.printed} values for ${f.columns} columns.`,
    unknown_label: ({ label }) => `“${label}” is not a label of the format; it is kept in extras.`,
    blank_cell: ({ path, marker }) => `Cell ${path} is printed ${marker === undefined ? 'blank' : `“${marker}”`}.`,
    value_inferred: ({ path, value, row }) =>
      `Cell ${path} ${row === undefined ? 'was blank or missing' : `stands in ${rowEn(row)}, which printed ${row.printed} values for ${row.columns} columns`}; the totals invariants admit only ${n(value)}.`,
    ambiguous_value: (f) =>
      'beside' in f
        ? `Cell ${f.path} is empty beside cell ${f.beside}, which holds two numbers (“${f.text}”): one of them may be this cell's; it is left null.`
        : 'run' in f
          ? `In table ${f.table}, ${rowEn(f)} printed its values run together as “${f.run}”, and ${SPLITS_EN[f.reason](f.splits)}; its cells are left null.`
          : `In table ${f.table}, ${rowEn(f)} printed ${f.printed} values for ${f.columns} columns and ${f.placements === 'none' ? 'no placement keeps the totals' : 'more than one placement keeps the totals'}; its cells are left null.`,
    group_as_row: (f) =>
      `In table ${f.table}, ${rowEn(f)} is printed as one row with values, and its rows (${f.rows.join(', ')}) are not: in each column where it prints 0 they are 0, elsewhere null, its value kept as their sum for the totals.`,
    unruled_table: ({ page }) =>
      `Page ${page} of the PDF holds table text but draws no ruling lines, so which label each row of numbers belongs to cannot be known: its tables were not read, rather than guessed.`,
    label_variant: ({ printed, label, distance }) =>
      `“${printed}” is no label of the format; it is read as “${label}”, the only label ${distance} ${distance === 1 ? 'character' : 'characters'} from it.`,
    values_split: (f) =>
      f.statement === undefined
        ? `In table ${f.table}, ${rowEn(f)} printed its values run together as “${f.run}”; read as ${f.pieces.join(' | ')}, ${SPLIT_BY_EN[f.by]}.`
        : `In table ${f.table}, ${rowEn(f)} printed its values run together as “${f.run}”, which ${f.statement.splits} splits fit; read as ${f.pieces.join(' | ')}, the only one that gives ${f.statement.path} ${figure(f.statement.value, f.statement.unit)}, as the narrative states: “${cutSentence(f.statement.sentence)}”.`,
    invalid_number: ({ path, text, why }) =>
      `Cell ${path} holds “${text}”, which is not a number${why === undefined ? '' : ` (${INVALID_WHY.en[why]})`}.`,
    sum_mismatch: ({ rule, path, actual, expected }) =>
      `${rule} fails at ${path}: ${RELATIONS.en[rule] ?? ''} gives ${n(actual)} printed, ${n(expected)} expected.`,
    negative_value: ({ path, value }) => `Cell ${path} is ${n(value)}, but a count cannot be negative.`,
    non_integer_count: ({ path, value }) => `Cell ${path} is ${n(value)}, but a count must be a whole number.`,
    edition_conflict: (f) =>
      `Markers of both formats are present (2019: ${f.markers2019}, 2021: ${f.markers2021}); read as the ${f.edition} format.`,
    unit_converted: ({ path, printed, unit, value, note }) =>
      `Cell ${path} printed “${printed}” in ${unit}${note === undefined ? '' : ` (as a note of the table states: “${note}”)`}; it is ${n(value)} 万元.`,
    unsupported_content: ({ format, reason }) =>
      `An embedded ${format} part of the input could not be read (${reason}); whatever it holds is not in the report.`,
    read_as_text: ({ adapter, limit, value }) =>
      `The ${adapter} input was read as plain text, because ${LIMIT_EN[limit](value)}: pipe and tab rows and # headings are read, raw HTML tables, lists and links are not.`,
    unknown_unit: ({ path, unit, printed, note, against }) =>
      against !== undefined
        ? `Cell ${path} is printed as “${printed}” under two units: ${against.by === 'header' ? 'its header states' : 'one note of the table states'} ${against.unit}, and a note of the table (“${note ?? ''}”) states ${unit}; it is null rather than a guess.`
        : `Cell ${path} is printed as “${printed}” in “${unit}”${note === undefined ? '' : ` (a note of the table: “${note}”)`}, which is not a money unit of the format (元, 千元, 万元 … 亿元); it is null rather than a guess.`,
    input_too_large: ({ size, limit }) =>
      `The input (${size} bytes or characters) is larger than options.maxInput (${limit}); it was not read.`,
    several_reports: ({ count }) =>
      `The input holds ${count} reports; only the first is read. The next one starts here; parseReports() reads each of them.`,
    conflicting_values: (f) =>
      f.first === undefined && f.second === undefined
        ? `In table ${f.table}, ${rowEn(f)} is printed a second time with values that do not fit its columns; the first printing is kept.`
        : `Cell ${f.path} is printed twice with different values: ${cellText(f.first, 'blank')}, then ${cellText(f.second, 'blank')} (${rowEn(f)} of table ${f.table} printed a second time); the first is kept.`,
    columns_reordered: ({ table, columns }) =>
      `Table ${table} prints its columns in another order than the format (${columns.join(', ')}); each value is placed by its column header.`,
    column_header_unreadable: ({ table, problem }) =>
      `The column header of table ${table} ${problem.kind === 'repeated' ? `names “${problem.column}” twice` : `does not name “${problem.column}”`}; its values are placed in the official column order, which may not be the printed one.`,
    hidden_text: hiddenEn,
    resource_limit: (f) => RESOURCE_EN[f.limit](f) + resourceRestEn(f),
    organization_unknown: ({ title }) =>
      `No organisation could be read: ${title === undefined ? 'the report prints no title' : `the title “${title}” names none`}, and no crawler header or <title> names one; organization is null (give it with options.organization or --identity).`,
    year_unknown: ({ title, outside, last }) =>
      `No year could be read: ${outside !== undefined ? `${ORIGIN.en[outside.from]} names ${outside.year}, outside 2019–${last}` : title === undefined ? 'the report prints no title naming one' : `the title “${title}” names none`}, and no other evidence (crawler header, <title>, statistics period) gives one; year is null (a publication date is never taken for it).`,
    identity_conflict: ({ field, kept, other }) =>
      `${field === 'year' ? 'The year' : 'The organisation'} is read as “${kept.value}” from ${ORIGIN.en[kept.from]}, but ${ORIGIN.en[other.from]} gives “${other.value}”; the first is kept. Check which is right.`,
    encoding_repaired: (f) =>
      `The input was read as ${encodingName(f.encoding)} (${readBecauseEn(f)}), with ${f.count} byte ${f.count === 1 ? 'sequence' : 'sequences'} it cannot hold replaced by U+FFFD, the first ${f.byte === undefined ? `at line ${f.line}, column ${f.column}` : `at byte offset ${f.byte} (line ${f.line}, column ${f.column})`}; a cell holding one is read as text, not as a number.`,
    encoding_guessed: ({ declared, invalid, labels }) =>
      `${declared === undefined ? 'The input has no byte order mark and declares no charset, and its bytes are not valid UTF-8' : `The page declares charset ${declared}, but its bytes are not valid UTF-8`} (${invalid} invalid ${invalid === 1 ? 'sequence' : 'sequences'}): it was read as GB18030, which holds more of the format's text (${labels.chosen} characters of its labels, against ${labels.other} read as UTF-8).`,
    text_table_mismatch: (f) =>
      f.table !== undefined
        ? `The narrative states ${figure(f.value, f.unit)} for ${f.path} (“${cutSentence(f.sentence)}”), but the table prints ${figure(f.table, f.unit)}${cellAtEn(f.cellAt)}.`
        : `The narrative states ${figure(f.value, f.unit)} for ${f.path} (“${cutSentence(f.sentence)}”), but no split of the table's run “${f.run?.text ?? ''}”${cellAtEn(f.cellAt)} gives that: its splits give ${runValues(f.run?.values ?? [], (more) => ` and ${more} more`)}.`,
    section_missing: ({ section, heading }) =>
      heading === undefined
        ? `Section ${SECTION_HEADINGS_ZH[section]} is missing; sections.${section} is null.`
        : `Section ${SECTION_HEADINGS_ZH[section]} (“${heading}”) prints no text under its heading; sections.${section} is null.`
  },
  zh: {
    not_a_report: ({ adapter, error, labels, async, detached, cause }) =>
      cause !== undefined
        ? CAUSES.zh[cause]
        : detached === true
          ? '无法读取输入的字节：其 ArrayBuffer 已被转移（detached），如传给 worker 或经 structuredClone 转移；请在转移前传入，或传入副本。'
          : async === true
            ? `输入是 ${adapter ?? ''} 文件，须异步读取：parseReport() 无法读取，请用 parseReportAsync()。`
            : adapter !== undefined
              ? `${adapter} 适配器读取失败：${error ?? ''}`
              : labels !== undefined && labels.length > 0
                ? `输入中有格式表格的文字（${labels.map((label) => `“${label}”`).join('、')}），但未能从中读出任何数据行：版式无法识别，或表格被压成一行且缺少章节标题。`
                : '未找到 2019 年版或 2021 年版格式的表格（表二、表三、表四均不存在）。',
    table_missing: ({ table }) => `未找到表${table}。`,
    row_missing: ({ table, row }) => (row === undefined ? `表${table}有表头，但没有数据行。` : `表${table}缺少“${row}”行。`),
    row_length_mismatch: (f) => `${rowZh(f)}印有 ${f.printed} 个数值，但该行有 ${f.columns} 列。`,
    unknown_label: ({ label }) => `“${label}”不是格式中的标签，已保留在 extras 中。`,
    blank_cell: ({ path, marker }) => `单元格 ${path} ${marker === undefined ? '为空' : `印为“${marker}”`}。`,
    value_inferred: ({ path, value, row }) =>
      `单元格 ${path} ${row === undefined ? '为空或缺失' : `位于${rowZh(row)}，该行印有 ${row.printed} 个数值、有 ${row.columns} 列`}；按勾稽关系只能是 ${n(value)}。`,
    ambiguous_value: (f) =>
      'beside' in f
        ? `单元格 ${f.path} 为空，其旁的单元格 ${f.beside} 印有两个数（“${f.text}”），其中一个可能属于本单元格；本单元格保留为 null。`
        : 'run' in f
          ? `${rowZh(f)}的数值连在一起印为“${f.run}”，${SPLITS_ZH[f.reason](f.splits)}；这些单元格保留为 null。`
          : `${rowZh(f)}印有 ${f.printed} 个数值、有 ${f.columns} 列，${f.placements === 'none' ? '没有任何排列能满足勾稽关系' : '不止一种排列能满足勾稽关系'}；这些单元格保留为 null。`,
    group_as_row: (f) =>
      `${rowZh(f)}印为带数值的一行，其下各行（${f.rows.join('、')}）未印出：该行为 0 的列中各行均为 0，其余为 null，该行数值作为各行之和参与勾稽。`,
    unruled_table: ({ page }) => `PDF 第 ${page} 页有表格文字但没有表格框线，无法确定每行数字属于哪个标签：该页表格未读取，以免猜测。`,
    label_variant: ({ printed, label, distance }) => `“${printed}”不是格式中的标签，按与其相差 ${distance} 个字的唯一标签“${label}”读取。`,
    values_split: (f) =>
      f.statement === undefined
        ? `${rowZh(f)}的数值连在一起印为“${f.run}”；按 ${f.pieces.join(' | ')} 读取，${SPLIT_BY_ZH[f.by]}。`
        : `${rowZh(f)}的数值连在一起印为“${f.run}”，有 ${f.statement.splits} 种拆分；按 ${f.pieces.join(' | ')} 读取，这是唯一使 ${f.statement.path} 为 ${figure(f.statement.value, f.statement.unit)} 的拆分，与正文所述相符：“${cutSentence(f.statement.sentence)}”。`,
    invalid_number: ({ path, text, why }) =>
      `单元格 ${path} 的内容“${text}”不是数字${why === undefined ? '' : `（${INVALID_WHY.zh[why]}）`}。`,
    sum_mismatch: ({ rule, path, actual, expected }) =>
      `${path} 处勾稽关系 ${rule} 不成立：${RELATIONS.zh[rule] ?? ''}，印为 ${n(actual)}，应为 ${n(expected)}。`,
    negative_value: ({ path, value }) => `单元格 ${path} 为 ${n(value)}，但数量不能为负。`,
    non_integer_count: ({ path, value }) => `单元格 ${path} 为 ${n(value)}，但数量必须是整数。`,
    edition_conflict: (f) =>
      `同时出现两种格式的标志（2019 年版 ${f.markers2019} 个，2021 年版 ${f.markers2021} 个）；按 ${f.edition} 年版格式读取。`,
    unit_converted: ({ path, printed, unit, value, note }) =>
      `单元格 ${path} 印为“${printed}”（单位：${unit}${note === undefined ? '' : `，见表注“${note}”`}），折合 ${n(value)} 万元。`,
    unsupported_content: ({ format, reason }) => `输入中嵌入的 ${format} 部分无法读取（${reason}），其中内容未计入报告。`,
    read_as_text: ({ adapter, limit, value }) =>
      `${adapter} 输入已按纯文本读取，因为${LIMIT_ZH[limit](value)}：竖线行、制表符行和 # 标题照常读取，原始 HTML 表格、列表和链接不读取。`,
    unknown_unit: ({ path, unit, printed, note, against }) =>
      against !== undefined
        ? `单元格 ${path} 印为“${printed}”，却有两个单位：${against.by === 'header' ? '表头' : '一条表注'}为 ${against.unit}，表注“${note ?? ''}”为 ${unit}；不作猜测，记为空。`
        : `单元格 ${path} 印为“${printed}”，单位“${unit}”${note === undefined ? '' : `（见表注“${note}”）`}不是格式中的金额单位（元、千元、万元……亿元），不作猜测，记为空。`,
    input_too_large: ({ size, limit }) => `输入（${size} 字节或字符）超过 options.maxInput（${limit}），未读取。`,
    several_reports: ({ count }) => `输入中有 ${count} 份报告，只读取了第一份。下一份从此处开始；parseReports() 可逐份读取。`,
    conflicting_values: (f) =>
      f.first === undefined && f.second === undefined
        ? `${rowZh(f)}重复印出，但其数值与列数不符；保留第一次印出的数值。`
        : `单元格 ${f.path} 印了两次且数值不同：先为 ${cellText(f.first, '空')}，后为 ${cellText(f.second, '空')}（${rowZh(f)}重复印出）；保留第一次的数值。`,
    columns_reordered: ({ table, columns }) => `表${table}的列序与格式不同（${columns.join('、')}）；各数值按其列标题归入对应列。`,
    column_header_unreadable: ({ table, problem }) =>
      `表${table}的表头${problem.kind === 'repeated' ? `重复出现“${problem.column}”` : `缺少“${problem.column}”`}；数值按格式规定的列序归入，可能与印刷的列序不符。`,
    hidden_text: hiddenZh,
    resource_limit: (f) => RESOURCE_ZH[f.limit](f) + resourceRestZh(f),
    organization_unknown: ({ title }) =>
      `无法确定发布机关：${title === undefined ? '报告未印标题' : `标题“${title}”未写明机关`}，采集器标题头和网页 <title> 也未写明；organization 记为 null（可用 options.organization 或 --identity 指定）。`,
    year_unknown: ({ title, outside, last }) =>
      `无法确定报告年度：${outside !== undefined ? `${ORIGIN.zh[outside.from]}写的 ${outside.year} 年不在 2019–${last} 年之内` : title === undefined ? '报告未印写明年度的标题' : `标题“${title}”未写明年度`}，其他依据（采集器标题头、<title>、统计期限）也未给出；year 记为 null（发布日期从不作为年度）。`,
    identity_conflict: ({ field, kept, other }) =>
      `${field === 'year' ? '报告年度' : '发布机关'}按${ORIGIN.zh[kept.from]}读作“${kept.value}”，但${ORIGIN.zh[other.from]}为“${other.value}”；保留前者，请核对。`,
    encoding_repaired: (f) =>
      `输入按 ${encodingName(f.encoding)} 读取（${readBecauseZh(f)}），其中 ${f.count} 处无法解码的字节序列已替换为 U+FFFD，第一处位于${f.byte === undefined ? `第 ${f.line} 行第 ${f.column} 列` : `字节偏移 ${f.byte}（第 ${f.line} 行第 ${f.column} 列）`}；含有它的单元格按文字而非数字读取。`,
    encoding_guessed: ({ declared, invalid, labels }) =>
      `${declared === undefined ? '输入没有字节顺序标记，也未声明字符集，且不是有效的 UTF-8' : `网页声明字符集为 ${declared}，但其字节不是有效的 UTF-8`}（有 ${invalid} 处无效字节序列）：已按 GB18030 读取，其中格式标签文字 ${labels.chosen} 个，按 UTF-8 读取只有 ${labels.other} 个。`,
    text_table_mismatch: (f) =>
      f.table !== undefined
        ? `正文称 ${f.path} 为 ${figure(f.value, f.unit)}（“${cutSentence(f.sentence)}”），但表格印为 ${figure(f.table, f.unit)}${cellAtZh(f.cellAt)}。`
        : `正文称 ${f.path} 为 ${figure(f.value, f.unit)}（“${cutSentence(f.sentence)}”），但表格连印的“${f.run?.text ?? ''}”${cellAtZh(f.cellAt)}没有任何拆分得出此数：各拆分得出 ${runValues(f.run?.values ?? [], (more) => ` 等（另有 ${more} 个）`)}。`,
    section_missing: ({ section, heading }) =>
      heading === undefined
        ? `缺少第${section === 'problems' ? '五' : '六'}部分“${SECTION_HEADINGS_ZH[section]}”；sections.${section} 为 null。`
        : `第${section === 'problems' ? '五' : '六'}部分标题“${heading}”下没有正文；sections.${section} 为 null。`
  }
}

/** Where a diagnostic points, and the numbers it carries. */
export interface DiagnosticPlace {
  /** Dot path into the report. */
  path?: string | undefined
  /** Place in the input. */
  position?: Position | undefined
  /** Expected value. */
  expected?: number | undefined
  /** Printed value. */
  actual?: number | undefined
  /** The invariant concerned. */
  rule?: InvariantId | undefined
  /** `text_table_mismatch`: where the table prints the cell. */
  cellPosition?: Position | undefined
  /** `values_split` decided by a sentence: where the sentence starts. */
  statementPosition?: Position | undefined
}

/** The locale messages are rendered in: English unless a parse under way asked for another. */
let current: Locale = 'en'

/**
 * Run `work` with diagnostic messages rendered in `locale`. Parsing is synchronous, so the
 * locale holds for exactly the diagnostics `work` makes; nested calls restore the outer one.
 *
 * @param locale - The language of messages.
 * @param work - The parse.
 */
export function inLocale<T>(locale: Locale, work: () => T): T {
  const previous = current
  current = locale
  try {
    return work()
  } finally {
    current = previous
  }
}

/**
 * A diagnostic with the severity its code always has and its message in the current locale.
 *
 * @param code - Its code.
 * @param facts - What its message is written from.
 * @param place - Where it points, and the numbers it carries.
 */
export function makeDiagnostic<C extends DiagnosticCode>(code: C, facts: MessageFacts[C], place: DiagnosticPlace = {}): Diagnostic {
  const diagnostic = { code, severity: DIAGNOSTIC_INFO[code].severity, message: MESSAGES[current][code](facts) } as Diagnostic
  if (place.path !== undefined) diagnostic.path = place.path
  if (place.position !== undefined) diagnostic.position = place.position
  if (place.expected !== undefined) diagnostic.expected = place.expected
  if (place.actual !== undefined) diagnostic.actual = place.actual
  if (place.rule !== undefined) diagnostic.rule = place.rule
  if (place.cellPosition !== undefined && code === 'text_table_mismatch') Object.assign(diagnostic, { cellPosition: place.cellPosition })
  if (place.statementPosition !== undefined && code === 'values_split')
    Object.assign(diagnostic, { statementPosition: place.statementPosition })
  return diagnostic
}

/**
 * Sort diagnostics into document order: by position, those without one after,
 * each group keeping its order.
 *
 * @param diagnostics - Diagnostics in any order.
 */
export function inDocumentOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const pa = a.diagnostic.position?.offset ?? Number.POSITIVE_INFINITY
      const pb = b.diagnostic.position?.offset ?? Number.POSITIVE_INFINITY
      return pa === pb ? a.index - b.index : pa - pb
    })
    .map((entry) => entry.diagnostic)
}
