/**
 * The tables of a report as the model holds them: table 二 (主动公开), table 三 (申请), table 四
 * (复议、诉讼), key by key, each with its label as the format prints it and what it counts.
 *
 * @module
 */

/**
 * One number of a table as printed.
 *
 * `null` means the cell was printed blank, `/`, `-`, `—` or `无`, or could not
 * be recovered; a diagnostic then says which.
 */
export type Cell = number | null

/**
 * 二、主动公开政府信息情况 — information disclosed proactively, 2019 format: the five blocks
 * 第二十条第（一）、（五）、（六）、（八）、（九）项, one key per row.
 */
export interface ActiveDisclosure2019 {
  /** 规章 — regulations (block 第二十条第（一）项): documents made, published, and in the public total. */
  regulations: MadePublishedTotal
  /** 规范性文件 — normative documents (block 第二十条第（一）项): documents made, published, and in the public total. */
  normativeDocuments: MadePublishedTotal
  /** 行政许可 — administrative licensing (block 第二十条第（五）项): licensing items and decisions. */
  licensing: ItemsChangeDecisions
  /** 其他对外管理服务事项 — other external administrative services (block 第二十条第（五）项): items and decisions. */
  otherServices: ItemsChangeDecisions
  /** 行政处罚 — administrative penalties (block 第二十条第（六）项): penalty items and penalty decisions. */
  punishment: ItemsChangeDecisions
  /** 行政强制 — administrative coercion (block 第二十条第（六）项): coercive-measure items and decisions. */
  coercion: ItemsChangeDecisions
  /** 行政事业性收费 — administrative fees and charges (block 第二十条第（八）项): fee items, no decisions column. */
  fees: ItemsChange
  /** 政府集中采购 — centralised government procurement (block 第二十条第（九）项): projects and total amount. */
  procurement: Procurement
}

/** Columns 本年新制作数量, 本年新公开数量, 对外公开总数量 (2019 block 第二十条第（一）项): counts of documents. */
export interface MadePublishedTotal {
  /** 本年新制作数量 — documents newly made (drafted and adopted) this year; a count ≥ 0. */
  made: Cell
  /** 本年新公开数量 — documents newly disclosed this year; a count ≥ 0. */
  published: Cell
  /** 对外公开总数量 — all documents disclosed to the public so far (cumulative); a count ≥ 0. */
  total: Cell
}

/** Columns 上一年项目数量, 本年增/减 (2019 block 第二十条第（八）项, and the first two of （五）, （六）). */
export interface ItemsChange {
  /** 上一年项目数量 — number of items (事项, e.g. listed licensing or fee items) in the previous year; a count ≥ 0. */
  previousItems: Cell
  /**
   * 本年增/减 — net change in the number of items this year. Signed: negative for a decrease
   * (`-18`, or `减少18` as printed), positive for an increase (`+3`); the one count that may be negative.
   */
  change: Cell
}

/** Columns 上一年项目数量, 本年增/减, 处理决定数量 (2019 blocks 第二十条第（五）项, 第二十条第（六）项). */
export interface ItemsChangeDecisions extends ItemsChange {
  /** 处理决定数量 — decisions made this year (licences granted or refused, penalties imposed, coercive measures taken); a count ≥ 0. */
  decisions: Cell
}

/** 政府集中采购 (2019 block 第二十条第（九）项): centralised government procurement. */
export interface Procurement {
  /** 采购项目数量 — procurement projects this year; a count ≥ 0. */
  projects: Cell
  /**
   * 采购总金额 — total procurement amount, always in 万元 (10,000 yuan); may have decimals.
   * A figure printed in another unit (`251000元`) is converted, with a `unit_converted` diagnostic.
   */
  amount: Cell
}

/**
 * 二、主动公开政府信息情况 — information disclosed proactively, 2021 format: the four blocks
 * 第二十条第（一）、（五）、（六）、（八）项, one key per row.
 */
export interface ActiveDisclosure2021 {
  /** 规章 — regulations (block 第二十条第（一）项): documents issued, repealed, and in force. */
  regulations: IssuedRepealedInForce
  /** 行政规范性文件 — administrative normative documents (block 第二十条第（一）项): documents issued, repealed, and in force. */
  normativeDocuments: IssuedRepealedInForce
  /** 行政许可 — administrative licensing (block 第二十条第（五）项): licensing decisions this year. */
  licensing: Decisions
  /** 行政处罚 — administrative penalties (block 第二十条第（六）项): penalty decisions this year. */
  punishment: Decisions
  /** 行政强制 — administrative coercion (block 第二十条第（六）项): coercive-measure decisions this year. */
  coercion: Decisions
  /** 行政事业性收费 — administrative fees and charges (block 第二十条第（八）项): amount collected this year. */
  fees: FeeAmount
}

/** Columns 本年制发件数, 本年废止件数, 现行有效件数 (2021 block 第二十条第（一）项): counts of documents (件). */
export interface IssuedRepealedInForce {
  /** 本年制发件数 — documents issued this year; a count ≥ 0. */
  issued: Cell
  /** 本年废止件数 — documents repealed this year; a count ≥ 0. */
  repealed: Cell
  /** 现行有效件数 — documents in force at the end of the year; a count ≥ 0 (last year's + issued − repealed). */
  inForce: Cell
}

/** Column 本年处理决定数量 (2021 blocks 第二十条第（五）项, 第二十条第（六）项). */
export interface Decisions {
  /** 本年处理决定数量 — decisions made this year (licences, penalties or coercive measures, by row); a count ≥ 0. */
  decisions: Cell
}

/** Column 本年收费金额（单位：万元） (2021 block 第二十条第（八）项). */
export interface FeeAmount {
  /** 本年收费金额（单位：万元） — fees collected this year, in 万元 (10,000 yuan); may have decimals (`4166.241619`). */
  amount: Cell
}

/**
 * The applicant columns of table 三 (申请人情况), in official order; 法人或其他组织 is a spanning
 * header over five of them, not a column. Derived from {@link Applications}, so the two cannot drift apart.
 */
export type Applicant = keyof Applications<unknown>

/**
 * 三、收到和处理政府信息公开申请情况 — requests for disclosure received and handled, column-major: one
 * {@link ApplicationColumn} per applicant column (申请人情况), because the official balance rule
 * (本列数据的勾稽关系, I-1) holds per column. Every cell counts requests (件): whole numbers ≥ 0.
 *
 * There is no 法人或其他组织 column: in the official table it is a header spanning
 * {@link Applications.commercial | commercial} … {@link Applications.otherOrganization | otherOrganization}.
 *
 * @typeParam O - The shape of （六）其他处理: {@link Other2019} (one row) or {@link Other2021} (three rows).
 */
export interface Applications<O> {
  /** 自然人 — requests from natural persons (individual citizens). */
  naturalPerson: ApplicationColumn<O>
  /** 商业企业 — requests from commercial enterprises (under 法人或其他组织: legal persons or other organisations). */
  commercial: ApplicationColumn<O>
  /** 科研机构 — requests from research institutions (under 法人或其他组织). */
  research: ApplicationColumn<O>
  /** 社会公益组织 — requests from non-profit, public-interest organisations (under 法人或其他组织). */
  nonProfit: ApplicationColumn<O>
  /** 法律服务机构 — requests from legal service providers such as law firms (under 法人或其他组织). */
  legalService: ApplicationColumn<O>
  /** 其他 (法人或其他组织 · 其他) — requests from other legal persons or organisations, not from individuals. */
  otherOrganization: ApplicationColumn<O>
  /** 总计 — requests from all applicants: in every row, the sum of the six columns before it (I-4). */
  total: ApplicationColumn<O>
}

/**
 * One applicant column of table 三: requests (件) of that applicant, counts ≥ 0.
 * Balance (I-1): `newReceived + carriedOver = results.total + carriedForward`.
 */
export interface ApplicationColumn<O> {
  /** 一、本年新收政府信息公开申请数量 — requests newly received this year. */
  newReceived: Cell
  /** 二、上年结转政府信息公开申请数量 — requests carried over from last year, still open at its end. */
  carriedOver: Cell
  /** 三、本年度办理结果 — requests concluded this year, by outcome. */
  results: Results<O>
  /** 四、结转下年度继续办理 — requests still open at the end of the year, carried into next year. */
  carriedForward: Cell
}

/**
 * 三、本年度办理结果 — requests concluded this year, by outcome (counts of requests ≥ 0).
 *
 * @typeParam O - The shape of （六）其他处理: {@link Other2019} or {@link Other2021}.
 */
export interface Results<O> {
  /** （一）予以公开 — requests granted: the information was disclosed in full. */
  granted: Cell
  /**
   * （二）部分公开（区分处理的，只计这一情形，不计其他情形） — requests granted in part, the rest withheld;
   * a request handled this way is counted here only, not under any other outcome.
   */
  partiallyGranted: Cell
  /** （三）不予公开 — requests refused, by the reason for refusal (eight rows). */
  denied: Denied
  /** （四）无法提供 — requests that could not be met because the information cannot be provided (three rows). */
  unavailable: Unavailable
  /** （五）不予处理 — requests not handled as disclosure requests (five rows). */
  notProcessed: NotProcessed
  /** （六）其他处理 — requests concluded otherwise: one row in the 2019 format, three in the 2021 format. */
  other: O
  /** （七）总计 — all requests concluded this year: the sum of every leaf row of （一） … （六） (I-3). */
  total: Cell
}

/** （三）不予公开 — requests refused, by reason (counts of requests ≥ 0). */
export interface Denied {
  /** 1.属于国家秘密 — the information is a state secret. */
  stateSecret: Cell
  /** 2.其他法律行政法规禁止公开 — disclosure is prohibited by other laws or administrative regulations. */
  prohibitedByLaw: Cell
  /** 3.危及“三安全一稳定” — disclosure would endanger national, public or economic security, or social stability. */
  endangersSafety: Cell
  /** 4.保护第三方合法权益 — withheld to protect a third party's lawful rights (trade secrets, privacy). */
  thirdPartyRights: Cell
  /** 5.属于三类内部事务信息 — internal-affairs information (personnel, logistics, internal procedure). */
  internalAffairs: Cell
  /** 6.属于四类过程性信息 — process information (discussion records, drafts, consultation letters, requests for instructions). */
  processInformation: Cell
  /** 7.属于行政执法案卷 — administrative enforcement case files. */
  enforcementFiles: Cell
  /** 8.属于行政查询事项 — matters for an administrative enquiry procedure (information obtained by a separate query, such as a register). */
  administrativeQuery: Cell
}

/** （四）无法提供 — requests that could not be met, by reason (counts of requests ≥ 0). */
export interface Unavailable {
  /** 1.本机关不掌握相关政府信息 — this body does not hold the information. */
  notHeld: Cell
  /** 2.没有现成信息需要另行制作 — no existing information; it would have to be newly made. */
  needsCreation: Cell
  /** 3.补正后申请内容仍不明确 — the request was still unclear after the applicant was asked to clarify it. */
  unclearAfterCorrection: Cell
}

/** （五）不予处理 — requests not handled as disclosure requests, by reason (counts of requests ≥ 0). */
export interface NotProcessed {
  /** 1.信访举报投诉类申请 — petitions, reports or complaints filed as disclosure requests. */
  complaint: Cell
  /** 2.重复申请 — repeated requests for the same information. */
  duplicate: Cell
  /** 3.要求提供公开出版物 — requests for publicly available publications. */
  publication: Cell
  /** 4.无正当理由大量反复申请 — large numbers of repeated requests without a legitimate reason. */
  excessive: Cell
  /** 5.要求行政机关确认或重新出具已获取信息 — requests to confirm, or issue again, information already obtained. */
  confirmation: Cell
}

/** （六）其他处理, 2019 format: one row — requests concluded in another way; a count of requests ≥ 0. */
export type Other2019 = Cell

/** （六）其他处理, 2021 format: three rows — requests concluded in another way (counts of requests ≥ 0). */
export interface Other2021 {
  /**
   * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 — the applicant did not supply the
   * requested corrections in time without a legitimate reason, so the body stopped handling the request.
   */
  overdueCorrection: Cell
  /**
   * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 — the applicant did not pay the
   * fee in the fee notice in time, so the body stopped handling the request.
   */
  overdueFee: Cell
  /** 3.其他 — requests concluded in any other way. */
  other: Cell
}

/**
 * 四、政府信息公开行政复议、行政诉讼情况 — administrative reconsiderations and lawsuits over information
 * disclosure: one data row of 15 counts of cases, in three groups of five. The same in both editions.
 */
export interface ReviewAndLitigation {
  /** 行政复议 — administrative reconsiderations (requests for review by a higher body), by outcome. */
  review: Outcomes
  /** 行政诉讼 · 未经复议直接起诉 — lawsuits filed directly, without reconsideration first, by outcome. */
  litigationDirect: Outcomes
  /** 行政诉讼 · 复议后起诉 — lawsuits filed after a reconsideration, by outcome. */
  litigationAfterReview: Outcomes
}

/**
 * The five columns of each group of table 四: counts of cases (件), whole numbers ≥ 0.
 * Balance (I-5): `total = upheld + corrected + other + pending`.
 */
export interface Outcomes {
  /** 结果维持 — cases concluded with the body's decision upheld. */
  upheld: Cell
  /** 结果纠正 — cases concluded with the body's decision corrected (revoked, changed, or to be made again). */
  corrected: Cell
  /** 其他结果 — cases concluded otherwise (withdrawn, dismissed, settled). */
  other: Cell
  /** 尚未审结 — cases not yet concluded at the end of the year. */
  pending: Cell
  /** 总计 — all cases of the group: upheld + corrected + other + pending (I-5). */
  total: Cell
}
