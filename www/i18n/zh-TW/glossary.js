// The Traditional Chinese (繁體中文) messages, the glossary part: the "?" buttons' popovers, fetched when the glossary starts, after the first result
// (i18n/zh-TW/start.js, glossary.js and panels.js; catalogs.js loads a part
// only for a language shown and only once it is needed). One object per panel, in the sections below;
// i18n/zh-TW/ and i18n/en/ have the same parts, sections and keys
// (tests/browser/catalog.test.mjs checks it). A new panel's messages go into a
// new section of one part in every language, and into that part's list at the end.

// ---- glossary ----------------------------------------------------------------
// Glossary popovers (www/glossary.js): for each term a title, a short plain
// explanation and the "?" button's accessible name; and the close button.
export const glossary = {
  "gloss.close": "關閉說明",
  "gloss.apr.ask": "什麼是年化利率？",
  "gloss.apr.title": "年化利率（APR）",
  "gloss.apr.body": "把借款的全部成本（利息加各種費用）換算成「一年要付百分之幾」，方便比較不同的貸款。廣告裡的「日息萬五」「月息1分」看起來很小，換成年化常常高得多。這裡的「名義年化」= 每月真實成本 × 12。",
  "gloss.irr.ask": "什麼是 IRR？",
  "gloss.irr.title": "IRR（內部報酬率）",
  "gloss.irr.body": "依你實際拿到的錢和每一期實際還的錢，反推出來的真實利率。它會把砍頭息、服務費，以及「本金越還越少、利息卻不少」的情況都算進去。每月 IRR × 12 是名義年化，按複利滾滿一年是實際年化。",
  "gloss.penalty.ask": "什麼是罰息？",
  "gloss.penalty.title": "罰息",
  "gloss.penalty.body": "逾期以後，在正常利息之外按更高的利率多收的利息，通常寫成「在合約利率上浮 {markupMin}%–{markupMax}%」或「罰息日利率 0.05%」。罰息、複利、違約金和其他費用要合在一起看：銀行、消費金融公司、小貸公司等持牌機構的貸款，借款人請求時，法院對總計超過年利率 {line24}% 的部分予以調減；民間借貸中超過合約成立時一年期 LPR {lprMultiple} 倍的部分，法院不予支持。",
  "gloss.compound.ask": "什麼是複利？",
  "gloss.compound.title": "複利",
  "gloss.compound.body": "對到期沒還的利息再收利息（「利滾利」）。只有合約寫明才可以收。它和罰息、違約金、其他費用合在一起算：持牌機構的貸款，借款人請求時法院對總計超過年利率 {line24}% 的部分予以調減；民間借貸超過合約成立時一年期 LPR {lprMultiple} 倍的部分，法院不予支持。",
  "gloss.defaultCharge.ask": "什麼是違約金？",
  "gloss.defaultCharge.title": "違約金 / 滯納金",
  "gloss.defaultCharge.body": "沒有按時還款時，合約約定另外收取的一筆錢，有時按次收，有時按月收。過高的違約金可以請求法院酌減；信用卡的違約金不能再計利息。",
  "gloss.lpr.ask": "什麼是 LPR？",
  "gloss.lpr.title": "LPR（貸款市場報價利率）",
  "gloss.lpr.body": "中國大陸每月 20 日公布的參考利率。民間借貸中，超過簽約時一年期 LPR {lprMultiple} 倍的部分，法院不予支持，例如 LPR 3.0% 時這條線是年 3.0% × {lprMultiple}。",
  "gloss.methods.ask": "本息平均攤還和本金平均攤還有什麼不同？",
  "gloss.methods.title": "本息平均攤還（等額本息）和 本金平均攤還（等額本金）",
  "gloss.methods.body": "本息平均攤還：每月還一樣多，前期大部分是利息，總利息較多。本金平均攤還：每月還一樣多的本金，利息隨本金減少，月付金一月比一月少，總利息較少，但前幾個月壓力較大。",
  "gloss.kantou.ask": "什麼是砍頭息？",
  "gloss.kantou.title": "砍頭息（預扣利息）",
  "gloss.kantou.body": "放款時先從本金裡扣掉的利息或費用：合約寫借 10,000 元，實拿只有 9,000 元，卻要按 10,000 元還。依中國大陸法律，利息不得預先在本金中扣除，預先扣除的，本金按實際拿到的錢計算（{upfrontFeesSource}）。小額貸款公司不得預先扣除利息和手續費、管理費等費用（{microLoanSource}）。其他貸款先扣的是「服務費」「會員費」等費用時，可能被法院認定為變相預扣的利息，要看法院對具體情況的認定。",
};

/** Every section of this part, merged in this order by i18n.js. */
export default [glossary];
