#!/usr/bin/env node
/**
 * Makes the two DOCX fixtures of corpus/ from the real, empty 2021 template in
 * test/fixtures/template-2021-format.docx (a WPS Office file, as offices use it):
 *
 * - corpus/docx-2021-filled/input.docx: the template with every value cell filled, as an office
 *   types the numbers in: a run added to each cell's existing empty paragraph, with the paragraph
 *   mark's run properties; one number over two runs, one value a tracked replacement (`w:del` of the
 *   old number beside `w:ins` of the new), one cell keeping the template's full-width padding.
 * - corpus/docx-2019-filled/input.docx: the same template turned into the 2019 format by editing its
 *   XML (table 二's five 2019 blocks and columns, table 三's （六）其他处理 as one row), then filled.
 *
 * Each gets a truth.json with the values written (the model's field names). Only files inside the
 * repository are read. The output is the same bytes on every run.
 *
 * Usage: node scripts/make-docx-fixtures.js
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const root = join(import.meta.dirname, '..')
const TEMPLATE = join(root, 'test', 'fixtures', 'template-2021-format.docx')
const MTIME = new Date(2024, 0, 18, 10, 30)

const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'nonProfit', 'legalService', 'otherOrganization']
const LEAVES_COMMON = [
  'granted',
  'partiallyGranted',
  'denied.stateSecret',
  'denied.prohibitedByLaw',
  'denied.endangersSafety',
  'denied.thirdPartyRights',
  'denied.internalAffairs',
  'denied.processInformation',
  'denied.enforcementFiles',
  'denied.administrativeQuery',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclearAfterCorrection',
  'notProcessed.complaint',
  'notProcessed.duplicate',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation'
]
const LEAVES = {
  2019: [...LEAVES_COMMON, 'other'],
  2021: [...LEAVES_COMMON, 'other.overdueCorrection', 'other.overdueFee', 'other.other']
}
/** Table 三's data rows: the row's most specific label as the template prints it, and its path in an applicant column. */
const TABLE3_ROWS_COMMON = [
  ['一、本年新收政府信息公开申请数量', 'newReceived'],
  ['二、上年结转政府信息公开申请数量', 'carriedOver'],
  ['（一）予以公开', 'results.granted'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results.partiallyGranted'],
  ['1.属于国家秘密', 'results.denied.stateSecret'],
  ['2.其他法律行政法规禁止公开', 'results.denied.prohibitedByLaw'],
  ['3.危及“三安全一稳定”', 'results.denied.endangersSafety'],
  ['4.保护第三方合法权益', 'results.denied.thirdPartyRights'],
  ['5.属于三类内部事务信息', 'results.denied.internalAffairs'],
  ['6.属于四类过程性信息', 'results.denied.processInformation'],
  ['7.属于行政执法案卷', 'results.denied.enforcementFiles'],
  ['8.属于行政查询事项', 'results.denied.administrativeQuery'],
  ['1.本机关不掌握相关政府信息', 'results.unavailable.notHeld'],
  ['2.没有现成信息需要另行制作', 'results.unavailable.needsCreation'],
  ['3.补正后申请内容仍不明确', 'results.unavailable.unclearAfterCorrection'],
  ['1.信访举报投诉类申请', 'results.notProcessed.complaint'],
  ['2.重复申请', 'results.notProcessed.duplicate'],
  ['3.要求提供公开出版物', 'results.notProcessed.publication'],
  ['4.无正当理由大量反复申请', 'results.notProcessed.excessive'],
  ['5.要求行政机关确认或重新出具已获取信息', 'results.notProcessed.confirmation']
]
const TABLE3_ROWS = {
  2019: [
    ...TABLE3_ROWS_COMMON,
    ['（六）其他处理', 'results.other'],
    ['（七）总计', 'results.total'],
    ['四、结转下年度继续办理', 'carriedForward']
  ],
  2021: [
    ...TABLE3_ROWS_COMMON,
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'results.other.overdueCorrection'],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'results.other.overdueFee'],
    ['3.其他', 'results.other.other'],
    ['（七）总计', 'results.total'],
    ['四、结转下年度继续办理', 'carriedForward']
  ]
}
const TABLE4_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview']
const TABLE4_OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total']

// ---------------------------------------------------------------------------------------------
// The values: a county government's report of each edition. Table 三 is given leaf by leaf per
// applicant column; （七）总计, 四、结转 and the 总计 column are computed, so every invariant holds.

const REPORT_2021 = {
  title: '某某县人民政府2023年政府信息公开工作年度报告',
  organization: '某某县人民政府',
  year: 2023,
  sections: {
    overview: [
      '2023年，某某县人民政府坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕县委、县政府中心工作，持续深化政务公开，不断提升政府工作透明度。',
      '全年通过县政府门户网站主动公开各类政府信息，依法办理政府信息公开申请，政府信息公开工作总体平稳有序。'
    ],
    problems: [
      '一是个别单位信息发布不够及时，栏目更新存在滞后；二是政策解读形式较为单一。下一步，我县将加强业务培训，丰富解读形式，持续提升公开质量。'
    ],
    other: ['本年度未收取信息处理费。']
  },
  activeDisclosure: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 5, repealed: 2, inForce: 37 },
    licensing: { decisions: 12873 },
    punishment: { decisions: 2316 },
    coercion: { decisions: 47 },
    fees: { amount: 386.4521 }
  },
  /** Per applicant: newReceived, carriedOver, then the leaves in LEAVES order. */
  applications: {
    naturalPerson: [126, 7, [48, 9, 0, 1, 0, 3, 2, 4, 1, 5, 29, 3, 2, 6, 4, 1, 0, 2, 3, 0, 1]],
    commercial: [14, 1, [6, 2, 0, 0, 0, 1, 0, 1, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]],
    research: [1, 0, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    nonProfit: [2, 0, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    legalService: [5, 1, [2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    otherOrganization: [3, 0, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]]
  },
  /** Per group: upheld, corrected, other, pending (total computed). */
  reviewAndLitigation: { review: [3, 1, 1, 1], litigationDirect: [1, 0, 1, 0], litigationAfterReview: [1, 0, 0, 1] }
}

const REPORT_2019 = {
  title: '某某县人民政府2020年政府信息公开工作年度报告',
  organization: '某某县人民政府',
  year: 2020,
  sections: {
    overview: [
      '2020年，某某县人民政府认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，统筹做好疫情防控和经济社会发展信息公开，着力推进决策、执行、管理、服务、结果公开。',
      '全县依法依规办理政府信息公开申请，主动回应社会关切，政府信息公开工作取得新进展。'
    ],
    problems: ['主要问题是基层政务公开标准化规范化建设仍需加强。下一步，将进一步完善公开目录，加强督促检查。'],
    other: ['本年度无其他需要报告的事项。']
  },
  activeDisclosure: {
    regulations: { made: 0, published: 0, total: 0 },
    normativeDocuments: { made: 6, published: 6, total: 143 },
    licensing: { previousItems: 412, change: -18, decisions: 9645 },
    otherServices: { previousItems: 35, change: 3, decisions: 1208 },
    punishment: { previousItems: 1287, change: 0, decisions: 1532 },
    coercion: { previousItems: 56, change: 2, decisions: 38 },
    fees: { previousItems: 11, change: -2 },
    procurement: { projects: 64, amount: 2356.78 }
  },
  applications: {
    naturalPerson: [98, 4, [37, 6, 0, 0, 1, 2, 1, 3, 0, 4, 22, 2, 1, 5, 3, 0, 1, 1, 2]],
    commercial: [9, 0, [4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1]],
    research: [0, 0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    nonProfit: [1, 0, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    legalService: [4, 1, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]],
    otherOrganization: [2, 0, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]]
  },
  reviewAndLitigation: { review: [2, 1, 0, 1], litigationDirect: [0, 1, 0, 0], litigationAfterReview: [1, 0, 0, 0] }
}

/** How some cells are printed, where not as the plain number. */
const PRINTED = {
  2021: {},
  2019: {
    'activeDisclosure.otherServices.change': '+3',
    'activeDisclosure.procurement.amount': '2356.78万元'
  }
}

// ---------------------------------------------------------------------------------------------
// The report model from the values above, with every invariant checked.

function setPath(target, path, value) {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) node = node[key] ??= {}
  node[keys[keys.length - 1]] = value
}

function getPath(target, path) {
  return path.split('.').reduce((node, key) => node?.[key], target)
}

function buildTruth(edition, spec, source) {
  const leaves = LEAVES[edition]
  const applications = {}
  for (const applicant of APPLICANTS) {
    const [newReceived, carriedOver, values] = spec.applications[applicant]
    if (values.length !== leaves.length) throw new Error(`${applicant}: ${values.length} leaves, want ${leaves.length}`)
    const column = { newReceived, carriedOver, results: {} }
    leaves.forEach((leaf, i) => setPath(column.results, leaf, values[i]))
    column.results.total = values.reduce((sum, v) => sum + v, 0)
    column.carriedForward = newReceived + carriedOver - column.results.total
    if (column.carriedForward < 0) throw new Error(`${applicant}: 结转 ${column.carriedForward} < 0`)
    applications[applicant] = column
  }
  const total = structuredClone(applications.naturalPerson)
  for (const [, path] of TABLE3_ROWS[edition]) {
    setPath(
      total,
      path,
      APPLICANTS.reduce((sum, applicant) => sum + getPath(applications[applicant], path), 0)
    )
  }
  applications.total = total
  const reviewAndLitigation = {}
  for (const group of TABLE4_GROUPS) {
    const [upheld, corrected, other, pending] = spec.reviewAndLitigation[group]
    reviewAndLitigation[group] = { upheld, corrected, other, pending, total: upheld + corrected + other + pending }
  }
  const truth = {
    source,
    edition,
    title: spec.title,
    organization: spec.organization,
    year: spec.year,
    sections: Object.fromEntries(Object.entries(spec.sections).map(([key, lines]) => [key, lines.join('\n')])),
    activeDisclosure: spec.activeDisclosure,
    applications,
    reviewAndLitigation
  }
  checkInvariants(truth)
  return truth
}

function checkInvariants(truth) {
  const leaves = LEAVES[truth.edition]
  for (const applicant of [...APPLICANTS, 'total']) {
    const c = truth.applications[applicant]
    const sum = leaves.reduce((s, leaf) => s + getPath(c.results, leaf), 0)
    if (sum !== c.results.total) throw new Error(`I-3 ${applicant}`)
    if (c.newReceived + c.carriedOver !== c.results.total + c.carriedForward) throw new Error(`I-1 ${applicant}`)
  }
  for (const [, path] of TABLE3_ROWS[truth.edition]) {
    const sum = APPLICANTS.reduce((s, a) => s + getPath(truth.applications[a], path), 0)
    if (sum !== getPath(truth.applications.total, path)) throw new Error(`I-4 ${path}`)
  }
  for (const group of TABLE4_GROUPS) {
    const g = truth.reviewAndLitigation[group]
    if (g.upheld + g.corrected + g.other + g.pending !== g.total) throw new Error(`I-5 ${group}`)
  }
  const cells = JSON.stringify([truth.applications, truth.reviewAndLitigation, truth.activeDisclosure])
  if (/-\d/.test(cells.replace(/"change":-\d+/g, ''))) throw new Error('I-6: a negative count')
}

// ---------------------------------------------------------------------------------------------
// Editing the template's XML as text: tables, rows, cells and paragraphs found by their tags
// (the template nests no table), everything around them kept byte for byte.

const PARAGRAPH = /<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>|<w:p(?: [^>]*)?\/>/g
const RUN = /<w:r(?: [^>]*)?>[\s\S]*?<\/w:r>/g

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const textOf = (xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

/** Split `xml` into the parts before, between and after the matches of `pattern` (which must be global). */
function parts(xml, pattern) {
  const items = []
  let last = 0
  let head
  for (const match of xml.matchAll(pattern)) {
    if (head === undefined) head = xml.slice(0, match.index)
    else if (match.index !== last) throw new Error(`unexpected text between items: ${xml.slice(last, match.index).slice(0, 80)}`)
    items.push(match[0])
    last = match.index + match[0].length
  }
  return { head: head ?? xml, items, tail: head === undefined ? '' : xml.slice(last) }
}

function mapTables(xml, edit) {
  let index = 0
  return xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) => {
    if (table.slice(1).includes('<w:tbl>')) throw new Error('nested table in the template')
    const { head, items, tail } = parts(table, /<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)
    return head + edit(index++, items).join('') + tail
  })
}

const cellsOf = (row) => parts(row, /<w:tc>[\s\S]*?<\/w:tc>/g)
const joinRow = ({ head, items, tail }) => head + items.join('') + tail

/** The paragraph mark's run properties (what Word gives text typed into an empty paragraph). */
function markRPr(paragraph) {
  const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(paragraph)?.[0] ?? ''
  return /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(pPr)?.[0] ?? ''
}

/** Replace the first paragraph of a cell (or body fragment) with `edit(paragraph)`. */
function editFirstParagraph(xml, edit) {
  let done = false
  return xml.replace(PARAGRAPH, (p) => {
    if (done) return p
    done = true
    return edit(p)
  })
}

/** Insert run markup at the end of a paragraph. */
function appendToParagraph(paragraph, runs) {
  if (paragraph.endsWith('/>')) return `${paragraph.slice(0, -2)}>${runs}</w:p>`
  return paragraph.replace(/<\/w:p>$/, `${runs}</w:p>`)
}

/** A label cell's first paragraph with one run of `text`, keeping the first run's properties. */
function setLabel(cell, text) {
  return editFirstParagraph(cell, (p) => {
    const runs = p.match(RUN) ?? []
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(runs[0] ?? '')?.[0] ?? markRPr(p)
    const bare = runs.reduce((out, run) => out.replace(run, ''), p)
    return appendToParagraph(bare, `<w:r>${rPr}<w:t>${escape(text)}</w:t></w:r>`)
  })
}

/**
 * Fill a value cell. `how`: 'plain' (a run with the paragraph mark's properties, replacing any
 * padding run of white space), 'padded' (the template's full-width padding kept, the number
 * typed after it), 'split' (the number over two runs, as WPS splits typing after an input-method
 * switch), or { was } (a tracked replacement of the old text `was`).
 */
function fillValue(cell, text, how = 'plain') {
  return editFirstParagraph(cell, (p) => {
    const runs = p.match(RUN) ?? []
    const padding = runs.filter((run) => /^[\s\u3000]+$/.test(textOf(run)))
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(padding[0] ?? '')?.[0] ?? markRPr(p)
    let base = p
    if (how !== 'padded') for (const run of padding) base = base.replace(run, '')
    if (textOf(base).replace(/[\s\u3000]/g, '') !== '') throw new Error(`cell not empty: ${textOf(base)}`)
    let runsXml
    if (how === 'split') {
      const hinted = rPr.replace('w:hint="eastAsia"', 'w:hint="default"')
      const other = hinted.includes('<w:lang ') ? hinted : hinted.replace('</w:rPr>', '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>')
      const at = Math.ceil(text.length / 2)
      runsXml = `<w:r>${rPr}<w:t>${escape(text.slice(0, at))}</w:t></w:r><w:r>${other}<w:t>${escape(text.slice(at))}</w:t></w:r>`
    } else if (typeof how === 'object') {
      const change = (id) => `w:id="${id}" w:author="县政府办公室" w:date="2024-01-18T10:21:00Z"`
      runsXml = `<w:del ${change(901)}><w:r>${rPr}<w:delText>${escape(how.was)}</w:delText></w:r></w:del><w:ins ${change(902)}><w:r>${rPr}<w:t>${escape(text)}</w:t></w:r></w:ins>`
    } else {
      runsXml = `<w:r>${rPr}<w:t>${escape(text)}</w:t></w:r>`
    }
    return appendToParagraph(base, runsXml)
  })
}

/** Fresh w14:paraId values for cloned rows and paragraphs (unique, below 0x80000000). */
function paraIds(xml) {
  const used = new Set([...xml.matchAll(/w14:paraId="([0-9A-F]{8})"/g)].map((m) => m[1]))
  let next = 0x3a5c0001
  return (fragment) =>
    fragment.replace(/w14:paraId="[0-9A-F]{8}"/g, () => {
      let id
      do id = (next++).toString(16).toUpperCase().padStart(8, '0')
      while (used.has(id))
      used.add(id)
      return `w14:paraId="${id}"`
    })
}

// ---------------------------------------------------------------------------------------------
// The 2019 format from the 2021 template.

/** A row of 3 cells from one of 4: the third cell dropped, the last spanning 2 grid columns. */
function threeCells(row) {
  const cells = cellsOf(row)
  const [first, second, , fourth] = cells.items
  const width = Number(/<w:tcW w:w="(\d+)"/.exec(fourth)[1]) * 2
  const last = fourth.replace(/<w:tcW w:w="\d+" w:type="dxa"\/>/, `<w:tcW w:w="${width}" w:type="dxa"/><w:gridSpan w:val="2"/>`)
  return joinRow({ ...cells, items: [first, second, last] })
}

function relabel(row, labels) {
  const cells = cellsOf(row)
  return joinRow({ ...cells, items: cells.items.map((cell, i) => (labels[i] === undefined ? cell : setLabel(cell, labels[i]))) })
}

function table2To2019(rows, fresh) {
  const [caption1, header, regulations, normative, caption5, , , caption6, , , , caption8] = rows
  const header4 = (labels) => fresh(relabel(header, ['信息内容', ...labels]))
  const header3 = ([second, last]) => fresh(threeCells(relabel(header, ['信息内容', second, undefined, last])))
  const data4 = (label) => fresh(relabel(regulations, [label]))
  const data3 = (label) => fresh(threeCells(relabel(regulations, [label])))
  const items = ['上一年项目数量', '本年增/减', '处理决定数量']
  return [
    caption1,
    relabel(header, ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']),
    regulations,
    relabel(normative, ['规范性文件']),
    caption5,
    header4(items),
    data4('行政许可'),
    data4('其他对外管理服务事项'),
    caption6,
    header4(items),
    data4('行政处罚'),
    data4('行政强制'),
    caption8,
    header3(['上一年项目数量', '本年增/减']),
    data3('行政事业性收费'),
    fresh(relabel(caption8, ['第二十条第（九）项'])),
    header3(['采购项目数量', '采购总金额']),
    data3('政府集中采购')
  ]
}

/** Table 三's （六） as one row: its three sub-rows replaced by a copy of the （七）总计 row. */
function table3To2019(rows, fresh) {
  const start = rows.findIndex((row) => textOf(row).includes('（六）其他处理'))
  const totalRow = rows.find((row) => textOf(row).includes('（七）总计'))
  if (start < 0 || totalRow === undefined || !textOf(rows[start + 2]).includes('3.其他'))
    throw new Error('template rows of （六） not found')
  const cells = cellsOf(totalRow)
  const other = fresh(joinRow({ ...cells, items: cells.items.map((cell, i) => (i === 1 ? setLabel(cell, '（六）其他处理') : cell)) }))
  return [...rows.slice(0, start), other, ...rows.slice(start + 3)]
}

// ---------------------------------------------------------------------------------------------
// Filling.

const TABLE2_ROWS = {
  2021: {
    规章: ['regulations', ['issued', 'repealed', 'inForce']],
    行政规范性文件: ['normativeDocuments', ['issued', 'repealed', 'inForce']],
    行政许可: ['licensing', ['decisions']],
    行政处罚: ['punishment', ['decisions']],
    行政强制: ['coercion', ['decisions']],
    行政事业性收费: ['fees', ['amount']]
  },
  2019: {
    规章: ['regulations', ['made', 'published', 'total']],
    规范性文件: ['normativeDocuments', ['made', 'published', 'total']],
    行政许可: ['licensing', ['previousItems', 'change', 'decisions']],
    其他对外管理服务事项: ['otherServices', ['previousItems', 'change', 'decisions']],
    行政处罚: ['punishment', ['previousItems', 'change', 'decisions']],
    行政强制: ['coercion', ['previousItems', 'change', 'decisions']],
    行政事业性收费: ['fees', ['previousItems', 'change']],
    政府集中采购: ['procurement', ['projects', 'amount']]
  }
}

function fillTables(xml, truth, features) {
  const edition = truth.edition
  const filled = new Set()
  const print = (path) => {
    if (filled.has(path)) throw new Error(`filled twice: ${path}`)
    filled.add(path)
    return PRINTED[edition][path] ?? String(getPath(truth, path))
  }
  const fill = (cell, path) => fillValue(cell, print(path), features[path])
  const out = mapTables(xml, (index, rows) => {
    return rows.map((row) => {
      const cells = cellsOf(row)
      const texts = cells.items.map((cell) => textOf(cell).replace(/[\s\u3000]/g, ''))
      let paths = []
      if (index === 0) {
        const spec = TABLE2_ROWS[edition][texts[0]]
        if (spec !== undefined) paths = [undefined, ...spec[1].map((column) => `activeDisclosure.${spec[0]}.${column}`)]
      } else if (index === 1) {
        const spec = TABLE3_ROWS[edition].find(([label]) => texts.includes(label))
        if (spec !== undefined) {
          const offset = cells.items.length - 7
          paths = cells.items.map((_, i) => (i < offset ? undefined : `applications.${[...APPLICANTS, 'total'][i - offset]}.${spec[1]}`))
        }
      } else if (index === 2 && texts.every((text) => text === '')) {
        if (cells.items.length !== 15) throw new Error('table 四: a data row of 15 cells expected')
        paths = TABLE4_GROUPS.flatMap((group) => TABLE4_OUTCOMES.map((outcome) => `reviewAndLitigation.${group}.${outcome}`))
      }
      if (paths.length === 0) return row
      return joinRow({ ...cells, items: cells.items.map((cell, i) => (paths[i] === undefined ? cell : fill(cell, paths[i]))) })
    })
  })
  return { xml: out, filled }
}

/** Every cell path of the truth (leaves of the three tables). */
function cellPathsOf(truth) {
  const paths = []
  const walk = (node, prefix) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'object' && value !== null) walk(value, `${prefix}${key}.`)
      else paths.push(`${prefix}${key}`)
    }
  }
  for (const key of ['activeDisclosure', 'applications', 'reviewAndLitigation']) walk(truth[key], `${key}.`)
  return paths
}

/** The title and the （文字描述） paragraphs replaced by the report's own. */
function fillText(xml, truth, fresh) {
  const setText = (p, text) => {
    const runs = p.match(RUN) ?? []
    const bare = runs.slice(1).reduce((out, run) => out.replace(run, ''), p)
    return bare.replace(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/, `<w:t>${escape(text)}</w:t>`)
  }
  let descriptions = 0
  return xml.replace(PARAGRAPH, (p) => {
    const text = textOf(p)
    if (text === '政府信息公开工作年度报告格式模板') return setText(p, truth.title)
    let lines
    if (text === '（文字描述）') lines = (descriptions++ === 0 ? truth.sections.overview : truth.sections.problems).split('\n')
    else if (text.startsWith('（文字描述，')) lines = truth.sections.other.split('\n')
    else return p
    return lines.map((line, i) => (i === 0 ? setText(p, line) : fresh(setText(p, line)))).join('')
  })
}

function make(edition, spec, name, features) {
  const source =
    edition === '2021'
      ? 'written: test/fixtures/template-2021-format.docx (the real empty 2021 template) with every value cell filled by scripts/make-docx-fixtures.js; values invented for a county government, every invariant holding'
      : 'written: test/fixtures/template-2021-format.docx turned into the 2019 format by editing its XML (table 二 five 2019 blocks, table 三 （六） one row) and filled by scripts/make-docx-fixtures.js; values invented for a county government, every invariant holding'
  const truth = buildTruth(edition, spec, source)
  const files = unzipSync(readFileSync(TEMPLATE))
  let xml = strFromU8(files['word/document.xml'])
  const fresh = paraIds(xml)
  if (edition === '2019')
    xml = mapTables(xml, (index, rows) => (index === 0 ? table2To2019(rows, fresh) : index === 1 ? table3To2019(rows, fresh) : rows))
  const result = fillTables(xml, truth, features)
  const missing = cellPathsOf(truth).filter((path) => !result.filled.has(path))
  if (missing.length > 0) throw new Error(`${name}: cells not filled: ${missing.join(', ')}`)
  xml = fillText(result.xml, truth, fresh)
  files['word/document.xml'] = strToU8(xml)
  const dir = join(root, 'corpus', name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'input.docx'), zipSync(files, { mtime: MTIME }))
  writeFileSync(join(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`)
  console.log(`make-docx-fixtures: wrote corpus/${name}/input.docx and truth.json (${result.filled.size} cells)`)
}

make('2021', REPORT_2021, 'docx-2021-filled', {
  'activeDisclosure.licensing.decisions': 'split',
  'activeDisclosure.normativeDocuments.issued': 'padded',
  'applications.naturalPerson.results.granted': { was: '46' }
})
make('2019', REPORT_2019, 'docx-2019-filled', {
  'activeDisclosure.normativeDocuments.total': 'split',
  'activeDisclosure.normativeDocuments.made': 'padded'
})
