// www/i18n/zh-TW/ (every part) as the page shows it with the default currency (see shown.mjs).
import { languageModule } from "../catalogs.mjs";
import { shownAll } from "./shown.mjs";

const raw = await languageModule("zh-TW");
const s = shownAll(raw, "元");
export const { common, terms, overdue, rights, plans, debts, letter, share, shareBar, glossary, exportCatalog, offline } = s;
export default s.default;
