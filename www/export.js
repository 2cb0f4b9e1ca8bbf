// CSV export of a schedule, made and saved on the device: UTF-8 with a BOM
// (so that Excel reads Chinese correctly), headers in the page's language,
// figures exactly as the engine wrote them (decimal strings, never reformatted),
// and a file name with today's date ("还款计划-2026-11-29.csv"). The file is
// saved through a Blob and a temporary <a download>; nothing leaves the device.

import { h } from "./dom.js";
import { t } from "./i18n.js";

export const BOM = "\uFEFF";

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(v) {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** BOM + header line + one line per row, CRLF line ends (RFC 4180). */
export function csvText(headers, rows) {
  return BOM + [headers, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Today's local date as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "还款计划" → "还款计划-2026-11-29.csv" (characters a file system refuses are dropped). */
export function fileName(base) {
  return `${String(base).replace(/[\\/:*?"<>|]+/g, "")}-${today()}.csv`;
}

/** Saves text as a file on the device. */
export function download(name, text, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A "download CSV" button: labelKey names it; data() returns
 * { base, headers, rows } at the time of the click.
 */
export function csvButton(labelKey, data, testid = null) {
  return h("button", {
    type: "button",
    class: "export",
    "data-testid": testid,
    text: t(labelKey),
    on: {
      click: () => {
        const { base, headers, rows } = data();
        download(fileName(base), csvText(headers, rows));
      },
    },
  });
}
