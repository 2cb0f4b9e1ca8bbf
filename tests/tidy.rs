//! Architecture invariants of `src/`, checked as tests (ARCHITECTURE.md,
//! "Invariants"): the wasm boundary stays in one file, floats only where JS
//! numbers enter, module docs everywhere, no panicking shortcuts, the wasm
//! dependencies pinned under the wasm32 target, and legal figures and
//! citations from the rule pack only: not in `src/` string literals, not as
//! Rust values (`Decimal::from(24)`), not written into the page's catalogs
//! (`www/i18n/`; the strings still to fix are listed in
//! `tests/tidy-catalog-allow.txt`).

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

/// The string literals of `text` before its `#[cfg(test)]` module, with the
/// line each starts on (comments and char literals skipped; raw strings read).
fn string_literals(text: &str) -> Vec<(usize, String)> {
    let code: String = code_lines(text).map(|(_, l)| format!("{l}\n")).collect();
    let c: Vec<char> = code.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < c.len() {
        match c[i] {
            '\n' => line += 1,
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            '\'' => {
                // A char literal ('x', '\n', '"'), or a lifetime.
                if c.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 2;
                }
            }
            'r' if matches!(c.get(i + 1), Some('"') | Some('#'))
                && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) == Some(&'"') {
                    let start = line;
                    let mut s = String::new();
                    j += 1;
                    while j < c.len() {
                        if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                            break;
                        }
                        line += usize::from(c[j] == '\n');
                        s.push(c[j]);
                        j += 1;
                    }
                    out.push((start, s));
                    i = j + 1 + hashes;
                    continue;
                }
            }
            '"' => {
                let start = line;
                let mut s = String::new();
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        s.push(c[i]);
                        i += 1;
                    }
                    if let Some(&ch) = c.get(i) {
                        line += usize::from(ch == '\n');
                        s.push(ch);
                    }
                    i += 1;
                }
                out.push((start, s));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// What a legal citation or a cap figure looks like in a string.
fn legal_text_in(s: &str) -> Option<&'static str> {
    let chars: Vec<char> = s.chars().collect();
    for (k, &ch) in chars.iter().enumerate() {
        if ch == '第' {
            let rest: String = chars[k + 1..].iter().take(12).collect();
            if rest.contains('条') || rest.contains('條') {
                return Some("an article (第…条)");
            }
        }
        if ch == '《' || ch == '》' {
            return Some("a document title (《…》)");
        }
        if ch == '〔' {
            return Some("a document number (…〔year〕…号)");
        }
    }
    for art in ["Art. ", "Art.", "Article "] {
        if let Some(p) = s.find(art) {
            if s[p + art.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                return Some("an article (Art. n)");
            }
        }
    }
    for (k, _) in s.match_indices('%') {
        let before = s[..k].trim_end();
        for line in ["24", "36"] {
            if before.ends_with(line)
                && !before[..before.len() - 2].ends_with(|c: char| c.is_ascii_digit() || c == '.')
            {
                return Some("a 24/36 % line");
            }
        }
    }
    None
}

#[test]
fn the_tidy_scanner_finds_what_it_should() {
    let src = "// 第五百六十一条 in a comment is fine\nfn f() { let a = \"民法典第五百六十一条\"; let b = '\"'; let c = r#\"Art. 561\"#; }\nconst X: &str = \"above 24 % a year\";\nconst Y: &str = \"12.24 % and 124%\";\n#[cfg(test)]\nconst Z: &str = \"《x》\";\n";
    let lits = string_literals(src);
    let found: Vec<(usize, Option<&str>)> =
        lits.iter().map(|(l, s)| (*l, legal_text_in(s))).collect();
    assert_eq!(
        found,
        [
            (2, Some("an article (第…条)")),
            (2, Some("an article (Art. n)")),
            (3, Some("a 24/36 % line")),
            (4, None),
        ]
    );
    assert_eq!(
        legal_text_in("《征信业管理条例》"),
        Some("a document title (《…》)")
    );
    assert_eq!(
        legal_text_in("银发〔2003〕251号"),
        Some("a document number (…〔year〕…号)")
    );
    assert_eq!(legal_text_in("36%"), Some("a 24/36 % line"));
}

#[test]
fn no_legal_citation_or_cap_figure_in_code() {
    // Legal text, sources and figures come from src/rules/rules.json by id.
    // No file is exempt: the plan bases now come from the rule pack too.
    const EXEMPT: [&str; 0] = [];
    let mut hits = Vec::new();
    for (file, text) in src_files() {
        if EXEMPT.contains(&file.as_str()) {
            continue;
        }
        for (line, s) in string_literals(&text) {
            if let Some(what) = legal_text_in(&s) {
                hits.push(format!("{file}:{line}: {what}: \"{s}\""));
            }
        }
    }
    assert_none(
        "legal text in a string literal (put it in the rule pack)",
        hits,
    );
}

/// Every text file the repository ships (source, tests, page, scripts, docs),
/// by path relative to the crate, skipping what is generated or installed.
fn repo_text_files() -> Vec<(String, String)> {
    const SKIP: [&str; 7] = [
        "target",
        "node_modules",
        "pkg",
        "out",
        "dist",
        ".git",
        ".venv-bench",
    ];
    const TEXT: [&str; 13] = [
        "rs", "js", "mjs", "ts", "md", "json", "html", "css", "py", "csv", "txt", "toml", "sh",
    ];
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !SKIP.contains(&name.as_str()) {
                    walk(&path, out);
                }
            } else if name == "Makefile"
                || path
                    .extension()
                    .is_some_and(|e| TEXT.contains(&e.to_string_lossy().as_ref()))
            {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let rel = p
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(&p).ok()?;
            Some((rel, text))
        })
        .collect()
}

/// A clone of the repository is all a newcomer has: no file may point to notes
/// kept outside it (the product's working notes live beside the repository, not
/// in it), and the documents speak of the product, not of work sessions.
#[test]
fn the_repository_points_only_inside_itself() {
    // Built from pieces so that this file does not match itself.
    let outside = [
        format!("../{}/", "shared"),
        format!("/work/{}", "shared"),
        format!("{}.md", "domain"),
        format!("{}.md", "ux"),
        format!("{}.md", "style"),
        format!("{}.md", "toolchain"),
    ];
    let api = format!("{}.md", "api");
    let mut hits = Vec::new();
    for (path, text) in repo_text_files() {
        for (n, line) in text.lines().enumerate() {
            for word in &outside {
                if line.contains(word.as_str()) {
                    hits.push(format!("{path}:{}: {word}", n + 1));
                }
            }
            // The API document only as the repository's own (docs/).
            let mut rest = line;
            while let Some(i) = rest.find(api.as_str()) {
                let before = &rest[..i];
                if !(before.ends_with("docs/")
                    || (path.starts_with("docs/") && !before.ends_with('/')))
                {
                    hits.push(format!("{path}:{}: {api} outside docs/", n + 1));
                }
                rest = &rest[i + api.len()..];
            }
        }
    }
    assert_none("references outside the repository", hits);

    let mut sessions = Vec::new();
    for (path, text) in repo_text_files() {
        if !(path.ends_with(".md") || path == "tests/size-budget.json") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for word in ["session ", "issue "] {
                let mut rest = lower.as_str();
                while let Some(i) = rest.find(word) {
                    let after = &rest[i + word.len()..];
                    if after.starts_with(|c: char| c.is_ascii_digit() || c == '#') {
                        sessions.push(format!("{path}:{}: {}", n + 1, line.trim()));
                    }
                    rest = after;
                }
            }
        }
    }
    assert_none("work sessions or issue numbers in the documents", sessions);
}

/// The code of `text` before its `#[cfg(test)]` module, line by line, with
/// comments and string literals blanked (so that only Rust values remain).
fn code_values(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (n, line) in code_lines(text) {
        let mut s = String::new();
        let c: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut in_str = false;
        while i < c.len() {
            if in_block {
                if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    in_block = false;
                    i += 1;
                }
            } else if in_str {
                if c[i] == '\\' {
                    i += 1;
                } else if c[i] == '"' {
                    in_str = false;
                }
            } else if c[i] == '/' && c.get(i + 1) == Some(&'/') {
                break;
            } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                in_block = true;
                i += 1;
            } else if c[i] == '"' {
                in_str = true;
                s.push_str("\"\"");
            } else {
                s.push(c[i]);
            }
            i += 1;
        }
        out.push((n, s));
    }
    out
}

/// What a legal line written as a Rust value looks like: 24 or 36 (percent)
/// or the LPR multiple 4 made into a decimal (`Decimal::from(24)`,
/// `Decimal::new(36, 0)`, `dec!(24)`), or a bare 24 / 36 compared with a
/// rate, an APR or a cap.
fn legal_value_in(code: &str) -> Option<&'static str> {
    let squeezed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = squeezed.to_lowercase();
    for n in ["24", "36"] {
        for ctor in [
            format!("Decimal::from({n})"),
            format!("Decimal::from({n}u32)"),
            format!("Decimal::from({n}i64)"),
            format!("Decimal::new({n},0)"),
            format!("dec!({n})"),
        ] {
            if squeezed.contains(&ctor) {
                return Some("a 24/36 % line as a decimal");
            }
        }
    }
    if lower.contains("lpr")
        && ["Decimal::from(4)", "Decimal::new(4,0)", "dec!(4)"]
            .iter()
            .any(|c| squeezed.contains(c))
    {
        return Some("the 4 × LPR multiple as a decimal");
    }
    let rate_like = ["rate", "apr", "percent", "annual", "cap", "line", "above"];
    if rate_like.iter().any(|w| lower.contains(w)) {
        let b = squeezed.as_bytes();
        for n in ["24", "36"] {
            for (k, _) in squeezed.match_indices(n) {
                let before = k.checked_sub(1).map(|j| b[j]);
                let after = b.get(k + 2).copied();
                let digitish = |x: Option<u8>| {
                    x.is_some_and(|x| x.is_ascii_alphanumeric() || x == b'.' || x == b'_')
                };
                if !digitish(before) && !digitish(after) {
                    return Some("a bare 24/36 next to a rate");
                }
            }
        }
    }
    None
}

#[test]
fn the_value_scanner_finds_what_it_should() {
    let src = "fn f() {\n    let a = annual > Decimal::from(24);\n    let b = (Decimal::new(36, 0), \"x\");\n    let c = mul(lpr, dec!(4));\n    let h = h < 24 && m < 60;\n    let d = apr > 36; // a rate\n    let e = rate_24 + x; // not a number\n    let s = \"above 24 % a year\";\n}\n#[cfg(test)]\nconst Z: Decimal = dec!(24);\n";
    let hits: Vec<(usize, &str)> = code_values(src)
        .iter()
        .filter_map(|(n, l)| legal_value_in(l).map(|w| (*n, w)))
        .collect();
    assert_eq!(
        hits,
        [
            (2, "a 24/36 % line as a decimal"),
            (3, "a 24/36 % line as a decimal"),
            (4, "the 4 × LPR multiple as a decimal"),
            (6, "a bare 24/36 next to a rate"),
        ]
    );
}

/// Rust values that still hard-write a legal line, by `file: code`; each is
/// listed for its owner to read from the rule pack instead
/// (`rules::pack()?.rule(ids::FINANCIAL_24)?.cap_percent`,
/// `ids::ILLEGAL_LENDING_36`, `ids::PRIVATE_LPR`'s `lpr_multiple`). Empty
/// this list as they go; a new one fails.
const RUST_VALUES_TO_MOVE: [&str; 4] = [
    "src/api/debts.rs: above24: annual > Decimal::from(24),",
    "src/api/debts.rs: above36: annual > Decimal::from(36),",
    "src/schedule.rs: (Decimal::from(36), \"aprAbove36\"),",
    "src/schedule.rs: (Decimal::from(24), \"aprAbove24\"),",
];

#[test]
fn no_legal_line_as_a_rust_value() {
    let mut hits = Vec::new();
    for (file, text) in src_files() {
        let lines: Vec<&str> = text.lines().collect();
        for (n, code) in code_values(&text) {
            if let Some(what) = legal_value_in(&code) {
                let shown = format!("{file}: {}", lines[n - 1].trim());
                if !RUST_VALUES_TO_MOVE.contains(&shown.as_str()) {
                    hits.push(format!("{file}:{n}: {what}: {}", lines[n - 1].trim()));
                }
            }
        }
    }
    assert_none(
        "a legal line written as a Rust value (read it from the rule pack by id)",
        hits,
    );
}

/// What a legal figure or citation looks like in a page catalog string: an
/// article number, a document number, the 24 % or 36 % line, or a numeric
/// LPR multiple. Catalogs interpolate these from `legalRules()`
/// (`{source}`, `{capPercent}`, …); a document's title alone is fine.
fn catalog_legal_text_in(s: &str) -> Option<&'static str> {
    let normal = s.replace('％', "%");
    match legal_text_in(&normal) {
        Some(w) if !w.starts_with("a document title") => return Some(w),
        _ => {}
    }
    let squeezed: String = normal.chars().filter(|c| !c.is_whitespace()).collect();
    for m in ["4×LPR", "4xLPR", "4倍LPR", "4*LPR"] {
        if squeezed.contains(m) {
            return Some("a 4 × LPR line");
        }
    }
    None
}

/// The `"key": "value"` entries of a catalog file, with their line numbers.
fn catalog_entries(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        let Some(rest) = t.strip_prefix('"') else {
            continue;
        };
        let Some(end) = rest.find('"') else { continue };
        let key = &rest[..end];
        let Some(value) = rest[end + 1..].trim_start().strip_prefix(':') else {
            continue;
        };
        let value = value.trim().trim_end_matches(',').trim();
        let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) else {
            continue;
        };
        out.push((n + 1, key.to_owned(), inner.replace("\\\"", "\"")));
    }
    out
}

#[test]
fn the_catalog_scanner_finds_what_it_should() {
    let js = "export const x = {\n  \"a.b\": \"按民法典第六百七十条\",\n  \"a.c\": \"超过 24% 的部分\",\n  \"a.d\": \"{source}：可以请求调减\",\n  \"a.e\": \"法发〔2017〕22号\",\n  \"a.f\": \"the \\\"4 × LPR\\\" line\",\n  \"a.g\": \"《民法典》\",\n  \"a.h\": \"Art. 26 of the rules\",\n  \"a.i\": \"年化 12.24% 或 36％\",\n};\n";
    let hits: Vec<(String, &str)> = catalog_entries(js)
        .into_iter()
        .filter_map(|(_, k, v)| catalog_legal_text_in(&v).map(|w| (k, w)))
        .collect();
    assert_eq!(
        hits,
        [
            ("a.b".to_owned(), "an article (第…条)"),
            ("a.c".to_owned(), "a 24/36 % line"),
            ("a.e".to_owned(), "a document number (…〔year〕…号)"),
            ("a.f".to_owned(), "a 4 × LPR line"),
            ("a.h".to_owned(), "an article (Art. n)"),
            ("a.i".to_owned(), "a 24/36 % line"),
        ]
    );
}

/// The catalog strings that still hard-write a legal figure or citation,
/// one `file key` a line: the page's catalogs are the page's to fix (they
/// interpolate the figure from `legalRules()`), and each fixed entry is
/// removed from the list. A new hit fails, and so does an entry that no
/// longer hits (remove it).
const CATALOG_ALLOW_LIST: &str = "tests/tidy-catalog-allow.txt";

#[test]
fn catalogs_take_legal_figures_from_the_rule_pack() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let allow_text = fs::read_to_string(root.join(CATALOG_ALLOW_LIST)).unwrap_or_default();
    let allowed: Vec<&str> = allow_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut found = Vec::new();
    let mut new_hits = Vec::new();
    for (path, text) in repo_text_files() {
        if !(path.starts_with("www/i18n/") && path.ends_with(".js")) {
            continue;
        }
        for (n, key, value) in catalog_entries(&text) {
            if let Some(what) = catalog_legal_text_in(&value) {
                let id = format!("{path} {key}");
                if !allowed.contains(&id.as_str()) {
                    new_hits.push(format!("{path}:{n}: {key}: {what}: \"{value}\""));
                }
                found.push(id);
            }
        }
    }
    assert_none(
        "legal figures or citations written into a catalog (interpolate them from legalRules())",
        new_hits,
    );
    let stale: Vec<String> = allowed
        .iter()
        .filter(|a| !found.iter().any(|f| f == *a))
        .map(|a| format!("{CATALOG_ALLOW_LIST}: {a} no longer hits: remove it"))
        .collect();
    assert_none("allow-list entries to remove", stale);
}
