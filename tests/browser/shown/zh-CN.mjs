// www/i18n/zh-CN.js as the page shows it with the default currency (see shown.mjs).
import * as raw from "../../../www/i18n/zh-CN.js";
import { shownAll } from "./shown.mjs";

const s = shownAll(raw, "元");
export const { common, terms, overdue, rights, plans, debts, letter, share, glossary, exportCatalog, offline } = s;
export default s.default;
