// The Simplified Chinese (简体中文) messages, the glossary part: the "?" buttons' popovers, fetched when the glossary starts, after the first result
// (i18n/zh-CN/start.js, glossary.js and panels.js; catalogs.js loads a part
// only for a language shown and only once it is needed). One object per panel, in the sections below;
// i18n/zh-TW/ and i18n/en/ have the same parts, sections and keys
// (tests/browser/catalog.test.mjs checks it). A new panel's messages go into a
// new section of one part in every language, and into that part's list at the end.

// ---- glossary ----------------------------------------------------------------
// Glossary popovers (www/glossary.js): for each term a title, a short plain
// explanation and the "?" button's accessible name; and the close button.
export const glossary = {
  "gloss.close": "关闭解释",
  "gloss.apr.ask": "什么是年化利率？",
  "gloss.apr.title": "年化利率（APR）",
  "gloss.apr.body": "把借款的全部成本（利息加各种费用）换算成“一年要付百分之几”，方便比较不同的贷款。广告里的“日息万五”“月息1分”看着小，换成年化常常高得多。这里的“名义年化”= 每月真实成本 × 12。",
  "gloss.irr.ask": "什么是 IRR？",
  "gloss.irr.title": "IRR（内部收益率）",
  "gloss.irr.body": "按你实际拿到的钱和每一期实际还的钱，倒推出来的真实利率。它会算进砍头息、服务费和“本金越还越少、利息却不少”的情况。每月 IRR × 12 是名义年化，按复利滚满一年是实际年化。",
  "gloss.penalty.ask": "什么是罚息？",
  "gloss.penalty.title": "罚息",
  "gloss.penalty.body": "逾期以后，在正常利息之外按更高的利率多收的利息，通常写成“在合同利率上浮 {markupMin}%–{markupMax}%”或“罚息日利率 0.05%”。罚息、复利、违约金和其他费用要合在一起看：银行、消费金融公司、小贷公司等持牌机构的贷款，借款人请求时，法院对总计超过年利率 {line24}% 的部分予以调减；民间借贷中超过合同成立时一年期 LPR {lprMultiple} 倍的部分，法院不予支持。",
  "gloss.compound.ask": "什么是复利？",
  "gloss.compound.title": "复利",
  "gloss.compound.body": "对到期没还的利息再收利息（“利滚利”）。只有合同写明才可以收。它和罚息、违约金、其他费用合在一起算：持牌机构的贷款，借款人请求时法院对总计超过年利率 {line24}% 的部分予以调减；民间借贷超过合同成立时一年期 LPR {lprMultiple} 倍的部分，法院不予支持。",
  "gloss.defaultCharge.ask": "什么是违约金？",
  "gloss.defaultCharge.title": "违约金 / 滞纳金",
  "gloss.defaultCharge.body": "没有按时还款时，合同约定另收的一笔钱，有时按次收，有时按月收。过高的违约金可以请求法院调减；信用卡的违约金不能再计利息。",
  "gloss.lpr.ask": "什么是 LPR？",
  "gloss.lpr.title": "LPR（贷款市场报价利率）",
  "gloss.lpr.body": "每月 20 日公布的参考利率。民间借贷中，超过签合同时一年期 LPR {lprMultiple} 倍的部分，法院不予支持，例如 LPR 3.0% 时这条线是年 3.0% × {lprMultiple}。",
  "gloss.methods.ask": "等额本息和等额本金有什么不同？",
  "gloss.methods.title": "等额本息 和 等额本金",
  "gloss.methods.body": "等额本息：每月还一样多，前期大部分是利息，总利息较多。等额本金：每月还一样多的本金，利息随本金减少，月供一月比一月少，总利息较少，但前几个月压力大。",
  "gloss.kantou.ask": "什么是砍头息？",
  "gloss.kantou.title": "砍头息",
  "gloss.kantou.body": "放款时先从本金里扣掉的利息或费用：合同写借 10,000 元，到手只有 9,000 元，却要按 10,000 元还。法律规定利息不得预先在本金中扣除，预先扣除的，本金按实际拿到的钱算（{upfrontFeesSource}）。小额贷款公司不得预先扣除利息和手续费、管理费等费用（{microLoanSource}）。其他贷款先扣的是“服务费”“会员费”等费用时，可能被法院认定为变相预扣的利息，要看法院对具体情况的认定。",
};

/** Every section of this part, merged in this order by i18n.js. */
export default [glossary];
