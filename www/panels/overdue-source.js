// Source disclosures shared by the overdue and rights panels: every legal
// figure shows its document, article and date with its confidence mark
// (原文确认 / 二手来源确认 / 仅有报道). Texts from the rule pack come in zh,
// zhTW (the same words in Traditional characters) and en.

import { h } from "../dom.js";
import { t, lang } from "../i18n.js";
import * as fmt from "../format.js";

/** The rule pack's own text in the current language (zhTW for zh-TW, zh for other Chinese). */
export function dataText(item) {
  if (lang().startsWith("en")) return item.en ?? item.zh;
  if (lang() === "zh-TW" && item.zhTW) return item.zhTW;
  return item.zh ?? item.en;
}

/**
 * The rule pack's text as nodes: zh-TW shows the pack's Traditional text; an
 * entry without one (none today) is shown in its Simplified original
 * (lang="zh-CN") followed by "（簡體原文）".
 */
export function dataContent(item, prefix = "") {
  if (lang() === "zh-TW" && !item.zhTW && item.zh) {
    return [prefix, h("span", { lang: "zh-CN", text: item.zh }), " ", h("span", { class: "simplified-note", text: t("legal.simplifiedOriginal") })];
  }
  return [prefix + dataText(item)];
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A source's document or article as written in the pack: marked lang="zh-CN"
 * when it is Chinese, lang="en" otherwise (the UK rules cite the FCA
 * Handbook); on a Chinese page English text is followed by
 * "（英文原文）", or "（英国规则，英文原文）" for a rule of the UK jurisdiction,
 * once per source (label: false leaves it out).
 */
export function originalText(text, cls, { jurisdiction = null, label = true } = {}) {
  const zh = CJK.test(text);
  const span = h("span", { class: cls, lang: zh ? "zh-CN" : "en", text });
  if (zh || !label || !lang().startsWith("zh")) return [span];
  const key = jurisdiction === "uk" ? "legal.ukEnglishOriginal" : "legal.englishOriginal";
  return [span, " ", h("span", { class: "original-note", "data-testid": "english-original", text: t(key) })];
}

/** A pack date ("2020-12-29", "2025-10" or "2017") as the page shows dates. */
export function packDate(d) {
  if (!d) return "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return fmt.date(d);
  return d;
}

/** The confidence mark as a small label. */
export function confidenceLabel(confidence) {
  const c = ["primary", "secondary", "reported"].includes(confidence) ? confidence : "reported";
  return h("span", { class: `conf conf-${c}`, "data-confidence": c, text: t(`conf.${c}`) });
}

/**
 * A source's article number as cited, with the mark the pack gives it when only reports name it
 * (`articleConfidence: "reported"`: the document is sure, its article number is not).
 */
export function articleCited(source) {
  return source?.article ? `${source.article}${articleNote(source)}` : "";
}

/** The mark alone ("（条号据报道，未经证实）"), or "" when the article number is confirmed. */
export function articleNote(source) {
  return source?.article && source.articleConfidence === "reported" ? t("conf.articleReported") : "";
}

/**
 * A pack entry's lead source with its article's confidence: a conduct rule's `source` is the
 * first of its `sources`, which carry `articleConfidence`; other entries' as they are.
 */
export function leadSource(item) {
  const same = (item.sources ?? []).find((s) => s.document === item.source?.document && s.article === item.source?.article);
  return same?.articleConfidence ? { ...item.source, articleConfidence: same.articleConfidence } : item.source;
}

/** The mark as a span beside a source's cited text, or null. */
const noteSpan = (source) => (articleNote(source) ? h("span", { class: "article-reported", "data-testid": "article-reported", text: articleNote(source) }) : null);

/** One line: "document article · date · confidence". */
export function sourceLine(source, confidence, { jurisdiction = null } = {}) {
  const parts = [source.document, source.article].filter(Boolean).join(" ");
  return h(
    "p",
    { class: "source-line" },
    originalText(parts, "source-doc", { jurisdiction }),
    noteSpan(source),
    source.date ? h("span", { class: "source-date", text: ` · ${packDate(source.date)}` }) : null,
    " · ",
    confidenceLabel(confidence),
  );
}

/** The full source as a definition list. */
export function sourceList(source, confidence, { asOf = null, notes = [], jurisdiction = null } = {}) {
  const row = (key, value, cls) => (value ? h("div", { class: `src-row src-${cls}` }, h("dt", { text: t(key) }), h("dd", {}, value)) : null);
  const c = ["primary", "secondary", "reported"].includes(confidence) ? confidence : "reported";
  return h(
    "div",
    { class: "source-body" },
    h(
      "dl",
      { class: "source-list" },
      row("legal.document", source.document && h("span", {}, originalText(source.document, "source-text", { jurisdiction })), "document"),
      row("legal.article", source.article && h("span", {}, originalText(source.article, "source-text", { label: false }), noteSpan(source)), "article"),
      row("legal.date", packDate(source.date), "date"),
      row("legal.effective", packDate(source.effective), "effective"),
      row("legal.confidence", h("span", {}, confidenceLabel(c), h("span", { class: "hint", text: t(`conf.${c}.hint`) })), "confidence"),
    ),
    asOf ? h("p", { class: "hint", text: t("legal.asOf", { date: packDate(asOf) }) }) : null,
    notes.length ? h("ul", { class: "source-notes", "aria-label": t("legal.notes") }, notes.map((n) => h("li", { text: n }))) : null,
  );
}

/** A <details> whose summary names the source briefly; opening it shows everything. */
export function sourceDetails(source, confidence, opts = {}) {
  const short = [source.document, source.article].filter(Boolean).join(" ");
  return h(
    "details",
    { class: "source" },
    h("summary", {}, h("span", { text: t("odr.source") }), originalText(short, "source-short", { jurisdiction: opts.jurisdiction }), noteSpan(source), " ", confidenceLabel(confidence)),
    sourceList(source, confidence, opts),
  );
}

/** Simplified characters that occur in the rule pack's article numbers, with their Traditional forms. */
const ARTICLE_TW = { 条: "條", 项: "項", 关: "關", 于: "於", 罚: "罰", 问: "問", 题: "題", 释: "釋", 编: "編", 规: "規", 则: "則" };

/**
 * A source's article as a sentence on the page shows it: on zh-TW in Traditional characters
 * ("第六百七十條", "第二條第2項"), the way the rule pack's zhTW texts write them; as published
 * otherwise. Document titles stay as published.
 */
export function articleText(article) {
  if (!article || lang() !== "zh-TW") return article ?? "";
  return article.replace(/[条项关于罚问题释编规则]/g, (c) => ARTICLE_TW[c]);
}
