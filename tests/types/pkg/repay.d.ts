// How an embedder gives `./pkg/repay.js` its types: a `repay.d.ts` next to it
// that re-exports www/repay-api.d.ts (or a copy of that file under this name).
export * from "../../../www/repay-api.js";
export { default } from "../../../www/repay-api.js";
