// Every message catalog of the page, in one list: the page (app.js) and the
// embeddable element (repay-calculator.js) both register exactly these, so a
// new catalog is added here once.

import common from "./i18n/common.js";
import terms from "./i18n/terms.js";
import overdue from "./i18n/overdue.js";
import rights from "./i18n/rights.js";
import plans from "./i18n/plans.js";
import debts from "./i18n/debts.js";
import letter from "./i18n/letter.js";
import share from "./i18n/share.js";
import glossary from "./i18n/glossary.js";
import exportCatalog from "./i18n/export.js";
import offline from "./i18n/offline.js";

export const CATALOGS = [common, terms, overdue, rights, plans, debts, letter, share, glossary, exportCatalog, offline];

/** Registers every catalog with `register` (i18n.js). */
export function registerAll(register) {
  for (const c of CATALOGS) register(c);
}
