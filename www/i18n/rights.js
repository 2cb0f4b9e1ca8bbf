// Strings of the rights panel (了解权利). The facts and rules themselves come
// from legalRules() in zh and en (see panels/overdue-source.js dataText);
// this catalog only adds headings, short titles per fact id (rights.fact.<id>)
// and the sources view. Confidence labels (conf.*) and source field names
// (legal.*) are in i18n/overdue.js.

export default {
  "zh-CN": {
    "rights.heading": "了解权利",
    "rights.lead": "催收能做什么、不能做什么，以及可以向哪里投诉。每一条都写明了出处和可信度。",
    "rights.unavailable": "依据数据没能加载，请刷新页面再试。",
    "rights.fact.collectionQuietHours": "晚上 10 点到早上 8 点不应催收",
    "rights.fact.collectionCallAttempts": "同一号码一天不宜打超过 6 次",
    "rights.fact.noUnrelatedThirdParties": "不能找与债务无关的人催收",
    "rights.fact.maliciousOverdraftThreshold": "逾期不等于“恶意透支”",
    "rights.fact.illegalDebtCollectionCrime": "暴力、威胁、骚扰催收可能构成犯罪",
    "rights.fact.complaintHotline12378": "可以拨打 12378 投诉",
    "rights.fact.negotiationIsFree": "协商还款免费，收费“代办”是骗局",
    "rights.fact.creditRecordFiveYears": "征信不良记录保存 5 年",
    "rights.sources": "全部依据和 LPR 表",
    "rights.sourcesLead": "数据版本 {version}，核对于 {asOf}。请以官方发布为准。",
    "rights.lprHeading": "一年期贷款市场报价利率（LPR）",
    "rights.lprConfirmed": "已核实到 {date} 的报价；之后的报价尚未核实。每一行从当天起有效，直到下一次发布。",
    "rights.lprFrom": "起始日期",
    "rights.lprOneYear": "一年期",
    "rights.lprFiveYear": "五年期以上",
    "rights.rulesHeading": "规定和上限",
    "rights.scope": "适用于：{lenders}",
    "rights.scope.ukHcstc": "英国高成本短期信贷",
  },
  en: {
    "rights.heading": "Know your rights",
    "rights.lead": "What collectors may and may not do, and where to complain. Each point shows where it comes from and how sure we are.",
    "rights.unavailable": "The legal data could not load; please reload the page.",
    "rights.fact.collectionQuietHours": "No collection from 10 pm to 8 am",
    "rights.fact.collectionCallAttempts": "At most 6 call attempts a day to one number",
    "rights.fact.noUnrelatedThirdParties": "No collecting from people unrelated to the debt",
    "rights.fact.maliciousOverdraftThreshold": "Being late is not “malicious overdraft”",
    "rights.fact.illegalDebtCollectionCrime": "Violent, threatening or harassing collection can be a crime",
    "rights.fact.complaintHotline12378": "Complain on 12378",
    "rights.fact.negotiationIsFree": "Negotiating is free; paid “agents” are a scam",
    "rights.fact.creditRecordFiveYears": "Negative credit records are kept 5 years",
    "rights.sources": "All sources and the LPR table",
    "rights.sourcesLead": "Data version {version}, checked {asOf}. The official publications prevail.",
    "rights.lprHeading": "One-year Loan Prime Rate (LPR)",
    "rights.lprConfirmed": "Fixings confirmed through {date}; later fixings are not confirmed yet. Each row holds from its date until the next fixing.",
    "rights.lprFrom": "From",
    "rights.lprOneYear": "One-year",
    "rights.lprFiveYear": "Five-year and over",
    "rights.rulesHeading": "Rules and caps",
    "rights.scope": "Applies to: {lenders}",
    "rights.scope.ukHcstc": "UK high-cost short-term credit",
  },
};
