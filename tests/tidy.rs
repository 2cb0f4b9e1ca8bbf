//! Architecture invariants of `src/`, checked as tests (ARCHITECTURE.md,
//! style.md): the wasm boundary stays in one file, floats only where JS
//! numbers enter, module docs everywhere, no panicking shortcuts, and the
//! wasm dependencies pinned under the wasm32 target.

use std::fs;
use std::path::{Path, PathBuf};

fn src_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(&root.join("src"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(&p).expect("a source file");
            (rel, text)
        })
        .collect()
}

/// The lines before `#[cfg(test)]` (the unit-test module is not scanned).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(i, l)| (i + 1, l))
}

#[track_caller]
fn assert_none(what: &str, hits: Vec<String>) {
    assert!(hits.is_empty(), "{what}:\n{}", hits.join("\n"));
}

#[test]
fn only_wasm_rs_names_the_js_boundary_crates() {
    let mut hits = Vec::new();
    for (file, text) in src_files() {
        if file == "src/wasm.rs" {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            for name in ["wasm_bindgen", "js_sys", "web_sys", "serde_wasm_bindgen"] {
                if line.contains(name) {
                    hits.push(format!("{file}:{}: {name}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert_none("JS-boundary crates named outside src/wasm.rs", hits);
}

#[test]
fn f64_only_where_js_numbers_enter() {
    let mut hits = Vec::new();
    for (file, text) in src_files() {
        // JS numbers arrive as doubles (input/value.rs; JSON numbers of the
        // rule pack in input/json.rs), are checked (input.rs) and turned into
        // decimals once (money/parse.rs).
        if matches!(
            file.as_str(),
            "src/input.rs" | "src/input/value.rs" | "src/input/json.rs" | "src/money/parse.rs"
        ) {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            if line.contains("f64") {
                hits.push(format!("{file}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert_none(
        "f64 outside src/input.rs, src/input/value.rs, src/input/json.rs and src/money/parse.rs",
        hits,
    );
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let hits = src_files()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(file, _)| file)
        .collect();
    assert_none("files that do not start with //!", hits);
}

#[test]
fn no_unwrap_or_expect_outside_tests() {
    let mut hits = Vec::new();
    for (file, text) in src_files() {
        for (n, line) in code_lines(&text) {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(".unwrap()") || code.contains(".expect(") {
                hits.push(format!("{file}:{n}: {}", line.trim()));
            }
        }
    }
    assert_none("unwrap()/expect( in src/ outside #[cfg(test)]", hits);
}

#[test]
fn wasm_dependencies_are_target_only_and_wasm_bindgen_is_pinned() {
    let toml = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml");
    let mut section = String::new();
    let mut seen = Vec::new();
    for line in toml.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.to_owned();
            continue;
        }
        for dep in ["wasm-bindgen", "js-sys", "serde-wasm-bindgen"] {
            if t.starts_with(&format!("{dep} ")) || t.starts_with(&format!("{dep}=")) {
                assert_eq!(
                    section, "[target.'cfg(target_arch = \"wasm32\")'.dependencies]",
                    "{dep} must be a wasm32-only dependency"
                );
                if dep == "wasm-bindgen" {
                    assert!(t.contains("\"="), "wasm-bindgen must be pinned with =: {t}");
                }
                seen.push(dep);
            }
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, ["js-sys", "serde-wasm-bindgen", "wasm-bindgen"]);
}
