// Tiny DOM builders. Text always goes in through textContent (or i18n.bind),
// never innerHTML, and no inline style attribute is ever written (the CSP forbids them).

import { bind } from "./i18n.js";

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, props, children) {
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k === "text") el.textContent = v;
    else if (k === "t") bind(el, ...(Array.isArray(v) ? v : [v]));
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === "value") el.value = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** h("p", { class: "x", t: "key" }, child, …) → an HTML element. */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** s("path", { d: "…" }) → an SVG element. */
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

let uid = 0;
/** A page-unique id with a readable prefix. */
export function id(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Removes every child of el. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}
