// The English messages, the glossary part: the "?" buttons' popovers, fetched when the glossary starts, after the first result
// (i18n/en/start.js, glossary.js and panels.js; catalogs.js loads a part
// only for a language shown and only once it is needed). One object per panel, in the sections below;
// i18n/zh-TW/ and i18n/en/ have the same parts, sections and keys
// (tests/browser/catalog.test.mjs checks it). A new panel's messages go into a
// new section of one part in every language, and into that part's list at the end.

// ---- glossary ----------------------------------------------------------------
// Glossary popovers (www/glossary.js): for each term a title, a short plain
// explanation and the "?" button's accessible name; and the close button.
export const glossary = {
  "gloss.close": "Close the explanation",
  "gloss.apr.ask": "What is an annual rate (APR)?",
  "gloss.apr.title": "Annual rate (APR)",
  "gloss.apr.body": "The whole cost of the loan (interest plus every fee) as a percentage per year, so that loans can be compared. A rate that looks small per day or per month (0.05 % a day, 1 % a month) is often much higher per year. Here the nominal annual rate is the true monthly cost × 12.",
  "gloss.irr.ask": "What is the IRR?",
  "gloss.irr.title": "IRR (internal rate of return)",
  "gloss.irr.body": "The true rate worked back from the money you actually received and every payment you actually make. It counts interest or fees taken up front, service fees and interest still charged on principal you have repaid. The monthly IRR × 12 is the nominal annual rate; compounded over a year it is the effective annual rate.",
  "gloss.penalty.ask": "What is penalty interest?",
  "gloss.penalty.title": "Penalty interest (罚息)",
  "gloss.penalty.body": "Extra interest at a higher rate once a payment is late, usually written as “the contract rate plus {markupMin}–{markupMax} %” or “0.05 % a day”. Penalty interest, compound interest, default charges and fees count together: on a loan from a licensed lender (bank, consumer-finance or microloan company), a court reduces the part of the total above {line24} % a year when the borrower asks; on a private loan, courts do not support the part above {lprMultiple} times the one-year LPR at the contract date.",
  "gloss.compound.ask": "What is compound interest?",
  "gloss.compound.title": "Compound interest (复利)",
  "gloss.compound.body": "Interest charged on interest that was due and not paid. It may be charged only when the contract says so. It counts together with penalty interest, default charges and fees: on a licensed lender's loan a court reduces the part of the total above {line24} % a year when the borrower asks; on a private loan courts do not support the part above {lprMultiple} times the one-year LPR at the contract date.",
  "gloss.defaultCharge.ask": "What is a default charge?",
  "gloss.defaultCharge.title": "Default charge / late fee (违约金 / 滞纳金)",
  "gloss.defaultCharge.body": "A sum the contract adds when a payment is late, once or every month. A court can be asked to reduce an excessive one; on credit cards no interest may be charged on it.",
  "gloss.lpr.ask": "What is the LPR?",
  "gloss.lpr.title": "LPR (Loan Prime Rate)",
  "gloss.lpr.body": "A reference rate published in China on the 20th of each month. On private loans, courts do not support the part above {lprMultiple} times the one-year LPR of the day the contract was signed: with an LPR of 3.0 %, that line is 3.0 % × {lprMultiple} a year.",
  "gloss.methods.ask": "Equal instalments or equal principal: what is the difference?",
  "gloss.methods.title": "Equal instalments (等额本息) and equal principal (等额本金)",
  "gloss.methods.body": "Equal instalments: the same payment every month; early payments are mostly interest, and the total interest is higher. Equal principal: the same principal every month plus interest on what is left, so payments fall month by month and the total interest is lower, but the first months are the heaviest.",
  "gloss.kantou.ask": "What is interest deducted up front?",
  "gloss.kantou.title": "Interest or fees deducted up front (砍头息)",
  "gloss.kantou.body": "Interest or fees taken out of the loan when it is paid out: the contract says 10,000, you receive 9,000 and repay as if you had 10,000. The law forbids deducting interest from the principal in advance; where it was, the principal is the amount actually received ({upfrontFeesSource}). Microloan companies may not deduct interest or handling and management fees up front ({microLoanSource}). For other lenders, a “service” or “membership” fee deducted at payout may be treated by a court as interest deducted in disguise: it depends on the court's view of the case.",
};

/** Every section of this part, merged in this order by i18n.js. */
export default [glossary];
