// Prints the raw, gzip and brotli sizes of the built engine modules and their JS glue.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of ["repay", "repay_terms", "repay_cases"].flatMap((m) => [`www/pkg/${m}_bg.wasm`, `www/pkg/${m}.js`])) {
    const s = sizes(f);
    console.log(`${f}: ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli`);
  }
}
