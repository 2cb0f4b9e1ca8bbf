//! Architecture invariants of `src/`, checked as tests (ARCHITECTURE.md,
//! "Invariants"): the wasm boundary stays in one file, floats only where JS
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
