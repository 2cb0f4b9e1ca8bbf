//! Build step for the rule pack (`src/rules/rules.json`, the one file people
//! edit): it must be JSON, or the build fails here rather than in a test or
//! on the page. Two copies are written to `OUT_DIR` for `include_str!`:
//! - `rules.json`, the whole pack without its indentation;
//! - `lpr.json`, only the pack's header and LPR table: all `loanTerms` needs
//!   (LPR-linked loans), so the engine module that the page loads first
//!   carries the table, not the pack's texts (see `rules::lpr_pack`).
//!
//! The pack's meaning (dates, figures, ids, confidence words) is validated by
//! `rules::load`, whose tests run the embedded copy.

use std::{env, fs, path::PathBuf};

/// The top-level keys of the LPR-only copy.
const LPR_KEYS: [&str; 6] = [
    "version",
    "asOf",
    "lprConfirmedThrough",
    "lprSource",
    "lprConfidence",
    "lpr",
];

fn main() {
    let source = "src/rules/rules.json";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let pack: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not JSON: {e}"));
    let Some(top) = pack.as_object() else {
        panic!("{source}: the pack must be one JSON object");
    };
    let mut lpr = serde_json::Map::new();
    for key in LPR_KEYS {
        let value = top
            .get(key)
            .unwrap_or_else(|| panic!("{source}: the pack has no {key}"));
        lpr.insert(key.to_owned(), value.clone());
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, value: &serde_json::Value| {
        fs::write(out.join(name), value.to_string())
            .unwrap_or_else(|e| panic!("{name} in OUT_DIR: {e}"));
    };
    write("rules.json", &pack);
    write("lpr.json", &serde_json::Value::Object(lpr));
}
