//! Architecture test: the layers of ARCHITECTURE.md depend on each other one way only, and only
//! the store (plus the process edges) touches the file system.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each layer and the layers it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("syntax", &[]),
    ("value", &["syntax"]),
    ("format", &["value"]),
    ("directory", &[]),
    ("store", &["directory"]),
    ("cmdlet", &["syntax", "value", "directory"]),
    ("engine", &["syntax", "value", "format", "directory", "cmdlet"]),
    ("cmdlets", &["syntax", "value", "format", "directory", "cmdlet"]),
    ("repl", &["syntax", "value", "format", "directory", "store", "cmdlet", "engine"]),
];

/// Files that may use `std::fs` (the org file, the script files, the history file).
const FS_EDGES: &[&str] = &["src/store/", "src/repl/", "src/main.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().map(|x| x == "rs").unwrap_or(false) {
            out.push(p);
        }
    }
}

/// The crate modules a source text refers to (`crate::x` paths, including grouped `use crate::{a, b}`).
fn referenced_layers(src: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in src.match_indices("crate::") {
        let rest = &src[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            found.push(name);
        }
    }
    found
}

#[test]
fn layers_depend_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut violations: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut checked = 0;
    for (layer, allowed) in ALLOWED {
        let mut files = Vec::new();
        rust_files(&root.join("src").join(layer), &mut files);
        assert!(!files.is_empty(), "layer {layer} has no files: update ALLOWED and ARCHITECTURE.md together");
        for f in files {
            let src = std::fs::read_to_string(&f).expect("readable source");
            checked += 1;
            for used in referenced_layers(&src) {
                if used != *layer && !allowed.contains(&used.as_str()) && ALLOWED.iter().any(|(l, _)| *l == used) {
                    violations
                        .entry(f.strip_prefix(root).unwrap_or(&f).display().to_string())
                        .or_default()
                        .push(format!("{layer} -> {used}"));
                }
            }
        }
    }
    assert!(checked > 20, "too few files checked ({checked})");
    assert!(violations.is_empty(), "forbidden layer edges:\n{violations:#?}");
}

#[test]
fn only_the_edges_touch_the_file_system() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut offenders = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap_or(&f).display().to_string();
        if FS_EDGES.iter().any(|e| rel.starts_with(e)) {
            continue;
        }
        let src = std::fs::read_to_string(&f).expect("readable source");
        if src.contains("std::fs") || src.contains("File::open") || src.contains("File::create") {
            offenders.push(rel);
        }
    }
    assert!(offenders.is_empty(), "file-system access outside the edges: {offenders:?}");
}

#[test]
fn the_checker_sees_grouped_imports() {
    assert_eq!(referenced_layers("use crate::{engine, value::Value};"), vec!["engine", "value"]);
    assert_eq!(referenced_layers("let x = crate::store::open(p);"), vec!["store"]);
}

#[test]
fn nothing_starts_a_program_or_opens_a_socket() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let forbidden = ["std::process::Command", "process::Command", "Command::new", "std::net", "TcpStream", "UdpSocket"];
    let mut offenders = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).expect("readable source");
        for word in forbidden {
            if src.contains(word) {
                offenders.push(format!("{}: {word}", f.strip_prefix(root).unwrap_or(&f).display()));
            }
        }
    }
    assert!(offenders.is_empty(), "a script must never start a program or reach the network: {offenders:?}");
}
