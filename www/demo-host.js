// The demo host's side of the iframe height protocol (see embed.js): ask once
// the frame has loaded, then size the frame to each height it reports.
// The height goes in the iframe's height attribute (no inline style; CSP).

const frame = document.getElementById("repay-frame");
const origin = new URL(frame.src, location.href).origin;

addEventListener("message", (e) => {
  if (e.origin !== origin || e.source !== frame.contentWindow) return;
  const d = e.data;
  if (d?.type === "repay:height" && Number.isInteger(d.height) && d.height > 0 && d.height < 100_000) frame.height = String(d.height);
});
frame.addEventListener("load", () => frame.contentWindow.postMessage({ type: "repay:watch-height" }, origin));
// In case the frame finished loading before this module ran (a repeated request is harmless).
frame.contentWindow?.postMessage({ type: "repay:watch-height" }, origin);
