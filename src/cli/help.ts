/**
 * The command's help texts.
 *
 * @module
 */

/**
 * The built-in adapters' names, as `builtinAdapters` lists them (a test keeps the two the same):
 * the command's main thread, whose files are parsed in workers, does not load the parser to know them.
 */
export const BUILTIN_FORMATS: readonly string[] = ['json', 'html', 'markdown', 'docx', 'pdf', 'text']

/** The usage of the command. */
export const USAGE = `Usage: zfxxgk <command> [options] <files|dirs|-…>

Commands:
  parse   read reports and write them out (zfxxgk parse --help)
  check   list each report's problems (zfxxgk check --help)
  view    write each report as an HTML page, every cell coloured by its status (zfxxgk view --help)
  dataset group the reports by body and year, check them across years, and write a CSV panel,
          a JSON document or an HTML dashboard (zfxxgk dataset --help)
  codebook every cell path with its table, Chinese labels, unit and type (zfxxgk codebook --help)

  -h, --help      show help (of a command: zfxxgk parse --help)
  -v, --version   show the version`

/** The options every command takes, with its own `--identity` text. */
const common = (
  IDENTITY: string
): string => `  --format auto|text|markdown|html|json|docx|pdf   input format (default: auto, detected per file)
  --no-repair            do not fill cells from the totals (repair: false)
  --ext EXT              also walk directories for files ending .EXT (repeatable)
  --exclude GLOB         leave out what a walk finds whose path below the folder named matches
                         GLOB (repeatable): * and ? within a name, ** across folders; a GLOB
                         without / matches a file or folder name at any depth (--exclude drafts,
                         --exclude '*.bak.html', --exclude '2019/**')
  --adapter FILE         load a custom adapter module: its default export, adapter, adapters or
                         any adapter it exports
                         (repeatable); --format can then name it
  -j, --jobs N           worker threads (default: all cores)
  --max-size BYTES       skip a larger file, reported; stdin is read no further (default: 10485760)
  --timeout SECONDS      stop a file's parse after this long, reported (default: 60): every
                         file is parsed in a worker thread, so that it can be stopped
${IDENTITY}

Folders are walked for .txt, .md, .markdown, .html, .htm, .shtml, .xhtml, .json, .docx and .pdf
files; a .json found so is read only when it holds a report (others are counted as skipped); -
reads stdin. A folder that cannot be listed, a FIFO or a device (never opened), and a file gone
before it is read are each listed on stderr as failed. A run with nothing to read (no file found,
or every one skipped or not found) says what it passed over and exits 2.`

/** `--identity` of parse, check and view. */
const IDENTITY = `  --identity FILE.csv    each file's organisation and year, when you know them better than the
                         reports say: a CSV with the header file,organization,year (other
                         columns ignored), a file's path relative to the CSV's folder; an empty
                         cell is read from the report. A row naming no file of the batch is a
                         warning; a malformed CSV or a year outside 2019 to next year, exit 2`

/** `--identity` of dataset. */
const IDENTITY_DATASET = `  --identity FILE.csv    each file's body and year, when you know them better than the reports
                         say: a CSV with the header file,organization,year (optional region and
                         level columns are kept on the body), a path relative to the CSV's folder;
                         a row naming a folder applies to each file below it, the nearest row
                         giving a field wins; an empty cell gives nothing. A row naming no file or
                         folder of the batch is a warning; a malformed CSV or a year outside 2019
                         to next year, exit 2`

/** What the commands that write (-o) say of their inputs. */
const NEVER = `An input is never written: -o naming one, or in (or holding) a folder walked for inputs, where
outputs would be read back, is a usage error.`

/** What every command says of its exit codes besides its own. */
const EXIT = `Exit 2 on bad usage, before anything is read or written; 1 when a write fails (disk full …: the
run stops and says so); 130 (Ctrl-C) or 143 (SIGTERM) when stopped, the summary saying how many
files were not read; 141 when the reader of stdout stopped early and no file failed (the files
after are still counted, not written).`

/** Each command's help. */
export const HELP: Readonly<Record<'parse' | 'check' | 'view' | 'dataset' | 'codebook', string>> = {
  codebook: `Usage: zfxxgk codebook [--to csv|json|markdown] [--edition 2019|2021] [-o FILE]

Write the codebook: one row per cell path of each edition (2019 first), in the order of the long
CSV's rows: path, edition, table (二/三/四), section, block (table 二's 第二十条 block), row and
column labels in Chinese, unit (万元 for money; else 件, or 项 for the items of a list) and type
(count, signed: may be negative, amount: money, a decimal number). Reads no input.

  --to csv|json|markdown   output format (default: csv)
  --edition 2019|2021      one edition only (default: both)
  -o, --output FILE        write to a file, whole (default: stdout)
  --bom, --no-bom          csv: a UTF-8 BOM for Excel (default: on when -o names a .csv file)

Exit 2 on bad usage.`,
  dataset: `Usage: zfxxgk dataset [options] <files|dirs|-…> [-o FILE|DIR/]

Read reports as parse does, then group them by body (the organisation, as --identity gives it or
the report names it) and year: a year's sources merged cell by cell, checked across years
(carry-over, stocks, sources that differ, years missing), each body-year's indicators worked out.

  --to csv|json          csv (default): the panel, one row per body and year: body, region,
                         level, year, edition, sources (joined by " | "), problems (findings
                         across reports of that body-year), cell_statuses (cells not printed as
                         such: inferred:3 split:180), the key cells, every indicator.
                         json: { version, zfxxgk: { version, options }, bodies: [{ body,
                         years: [{ year, edition, sources, report, indicators, statuses }] }],
                         diagnostics, unidentified, failed }
  --shape wide|long      csv: one row per body and year (wide, default), or per body, year and cell
                         (long: body,region,level,year,edition,path,value,status,problems)
  -o, --output FILE|DIR/ FILE: the csv or json, written whole then put in place (default: stdout);
                         a csv file has FILE.meta.json beside it (version and options of the run).
                         DIR/ (ending in /, or an existing folder) and no --to: the dashboard,
                         DIR/index.html (each body's years and problems per year; sources not
                         placed or not read), DIR/bodies/N.html (a body's years side by side, a
                         chart per main series, its problems linked to each source's page) and
                         DIR/reports/… (each file's view page, its path below the folder named kept)
  --bom, --no-bom        csv: a UTF-8 BOM for Excel (default: on when -o names a .csv file)
${common(IDENTITY_DATASET)}

A file that cannot be read or holds no report is listed on stderr, as by parse; then each report
whose body or year is not known ("not placed": give it with --identity), and each finding across
reports (body year severity message code); the last line counts files, reports, failures, bodies,
body-years, unidentified reports and findings. Exit 1 when a file failed; findings do not change
the exit code. The dataset is written once every file is read: an interrupted run leaves -o FILE as
it was, and writes no dashboard index.

${NEVER}
${EXIT}`,
  view: `Usage: zfxxgk view [options] <files|dirs|-…> -o DIR|FILE.html

Write each report as a self-contained HTML page: its tables in the official layout, every value
cell coloured by its status (printed, inferred, blank, invalid …; outlined when it fails an
invariant), the diagnostics naming it on hover. With one input, -o FILE.html writes that page;
otherwise -o DIR/ writes a page per input and index.html (per file: edition, organisation, year,
status, counts per code).

  -o, --output DIR|FILE  where the pages go (required): in DIR/, each input's path below the folder
                         named is kept (reports/2024/a.txt → DIR/2024/a.html); each page is written
                         whole, index.html last
${common(IDENTITY)}

${NEVER}
${EXIT}`,
  parse: `Usage: zfxxgk parse [options] <files|dirs|-…>

Read reports and write them out, in input order, as each is read.

  --to json|ndjson|csv|markdown|xlsx   output format (default: what -o's extension names
                         (.json .ndjson .csv .md .xlsx), else json; an extension that contradicts
                         --to is a usage error). xlsx: one workbook, numbers as numbers, text as
                         text, a frozen header, a zfxxgk sheet (version, options); to a file, or to
                         standard output when it is not a terminal
  --shape long|wide      csv, xlsx: one row per cell (long, default) or one row per report (wide;
                         xlsx: a second header row of Chinese labels)
  --header path|label    csv --shape wide: columns named by path (default) or by Chinese labels
  -o, --output FILE|DIR  write to a file, or one file per input in DIR/ keeping its path below the
                         folder named (reports/2024/a.txt → DIR/2024/a.json) (default: stdout). A
                         file is written under a temporary name, put in place at the end: an
                         interrupted run leaves it as it was
  --bom, --no-bom        csv: a UTF-8 BOM for Excel (default: on when -o names a .csv file)
${common(IDENTITY)}

JSON and NDJSON records carry zfxxgk: { version, options } and $schema; a CSV written to a file has
them in FILE.meta.json beside it.

A file that cannot be read or holds no report is listed on stderr; the last line counts files,
reports, failures and files with warnings. A complete run ends with that line, and exit 0, or 1
when a file failed: what stdout holds without it is incomplete.

${NEVER}
${EXIT}`,
  check: `Usage: zfxxgk check [options] <files|dirs|-…>

List each report's problems on stderr, grouped by file, then the counts: files (and how many
failed: not read, or holding no report), errors, warnings, infos, and each code.

  --frail                exit 1 on warnings too
  -q, --quiet            show only warnings and errors
  -s, --silent           show only errors
  --report FORMAT        text (default): on stderr, grouped by file, for people. On stdout:
                         compact, a line per problem for editors and CI,
                           file:line:col: severity message [code]
                         github, GitHub Actions annotations,
                           ::warning file=…,line=…,col=…,title=code::message
                         json, an array of { file, format, ok, diagnostics, zfxxgk }
                         Messages are one line, a quoted text over 60 characters cut with …;
                         in a PDF a problem is placed by page (file:1:1: … (page 3, 表三 row | column)),
                         in a Word file by table, row and cell (… (table 2 row 6 cell 9, 表三 …))
${common(IDENTITY)}

Exit 1 when a report has an error (or a warning, with --frail), or a file could not be read.
${EXIT}`
}
