//! Architecture test: the layers of ARCHITECTURE.md depend on each other one way only, only the
//! store (plus the process edges) touches the file system, and nothing starts a program or opens a
//! socket.
//!
//! Every file under `src/` is parsed with `syn` and every path in it is resolved to an absolute
//! one: each `use` tree (nested groups, renames, globs), every path in expressions, types,
//! patterns and attributes (`crate::engine::Foo::bar()`), and the `crate::`/`super::` paths inside
//! macro invocations (`format!("{}", crate::x::y())`). `super::` and `self::` are resolved against
//! the module the file (or inline `mod`) is in, so `super::super::engine` from
//! `src/cmdlets/exchange/x.rs` is `crate::engine`. The checker is itself tested on snippets that
//! break each rule in a way a text search misses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// Each layer and the layers it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("syntax", &[]),
    ("value", &["syntax"]),
    ("format", &["value"]),
    ("directory", &[]),
    ("store", &["directory"]),
    ("plan", &["directory"]),
    ("cmdlet", &["syntax", "value", "directory"]),
    ("engine", &["syntax", "value", "format", "directory", "cmdlet"]),
    ("cmdlets", &["syntax", "value", "format", "directory", "cmdlet"]),
    ("repl", &["syntax", "value", "format", "directory", "store", "plan", "cmdlet", "engine"]),
];

/// Layers whose modules must depend on each other one way only (no two of `src/store/*` import each
/// other, directly or through others). The layer's own `mod.rs`, which assembles them, is left out.
const ACYCLIC: &[&str] = &["store"];

/// Files that may touch the file system (the org file, the script files, the history file).
const FS_EDGES: &[&str] = &["src/store/", "src/repl/", "src/main.rs"];

/// Paths that touch the file system. A path matches when it starts with one of these (so
/// `std::fs::File::open` matches `std::fs`).
const FS_PATHS: &[&str] = &["std::fs", "std::os::unix::fs", "std::os::windows::fs", "tempfile", "fd_lock"];

/// Paths that start a program or reach the network; forbidden everywhere.
const PROCESS_PATHS: &[&str] = &["std::process::Command", "std::os::unix::process", "std::net"];

/// What the checker found wrong in one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Violation {
    /// A layer used a layer it may not use (`engine -> store`), through this path.
    Layer { from: String, to: String, path: String },
    /// File-system access outside the edges, through this path.
    FileSystem { path: String },
    /// Starting a program or opening a socket, through this path.
    Process { path: String },
}

/// A path as written, resolved to an absolute one: `crate::…` segments, or an external path
/// (`std::fs`, `tempfile::…`) as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Resolved {
    Crate(Vec<String>),
    External(Vec<String>),
}

impl Resolved {
    fn text(&self) -> String {
        match self {
            Resolved::Crate(s) => format!("crate::{}", s.join("::")),
            Resolved::External(s) => s.join("::"),
        }
    }
}

/// The module path of a source file (`src/cmdlets/exchange/x.rs` is `cmdlets::exchange::x`,
/// `src/engine/mod.rs` is `engine`, `src/lib.rs` and `src/main.rs` are crate roots).
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.strip_prefix("src/").unwrap_or(rel);
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut segs: Vec<String> = rel.split('/').map(str::to_string).collect();
    if matches!(segs.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        segs.pop();
    }
    segs
}

/// Resolves a path (`segs`, with `leading_colon` for `::x`) written in module `module`.
/// Returns `None` for paths that name something local (a variable, a type in scope, a child module).
fn resolve(module: &[String], segs: &[String], leading_colon: bool, root_is_lib: bool) -> Option<Resolved> {
    let first = segs.first()?;
    if leading_colon {
        return Some(Resolved::External(segs.to_vec()));
    }
    match first.as_str() {
        "crate" => Some(Resolved::Crate(segs[1..].to_vec())),
        "self" | "super" => {
            let mut base = module.to_vec();
            let mut rest = segs;
            while let Some(s) = rest.first() {
                match s.as_str() {
                    "self" => {}
                    "super" => {
                        base.pop();
                    }
                    _ => break,
                }
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            Some(Resolved::Crate(base))
        }
        // The library crate, as main.rs (and doc tests) name it.
        "exsh" => Some(Resolved::Crate(segs[1..].to_vec())),
        "std" | "core" | "alloc" | "tempfile" | "fd_lock" => Some(Resolved::External(segs.to_vec())),
        // In the crate root a bare module name is a crate path (`use engine::Engine` in lib.rs).
        name if module.is_empty() && root_is_lib && ALLOWED.iter().any(|(l, _)| *l == name) => {
            Some(Resolved::Crate(segs.to_vec()))
        }
        _ => Some(Resolved::External(segs.to_vec())),
    }
}

/// Collects every path a file refers to.
struct Collector {
    /// The module being visited (the file's, plus inline `mod` blocks).
    module: Vec<String>,
    root_is_lib: bool,
    /// Paths as written outside `use` items, with the module they were written in.
    written: Vec<(Vec<String>, Vec<String>, bool)>,
    /// Names brought in by `use` (`fs` for `use std::fs`, `P` for `use std::process as P`).
    imports: BTreeMap<String, Resolved>,
    found: BTreeSet<Resolved>,
}

impl Collector {
    fn new(rel: &str) -> Self {
        Collector {
            module: module_of(rel),
            root_is_lib: rel == "src/lib.rs",
            written: Vec::new(),
            imports: BTreeMap::new(),
            found: BTreeSet::new(),
        }
    }

    fn add(&mut self, segs: Vec<String>, leading_colon: bool) {
        self.written.push((self.module.clone(), segs, leading_colon));
    }

    /// Resolves the written paths; one whose first segment is an imported name continues the
    /// import's path (`use std::process; process::Command::new()` is `std::process::Command::new`).
    /// Imports are looked up per file, which is coarse but never misses one.
    fn finish(mut self) -> BTreeSet<Resolved> {
        for (module, segs, leading_colon) in std::mem::take(&mut self.written) {
            let imported = if leading_colon { None } else { self.imports.get(&segs[0]) };
            let resolved = match imported {
                Some(Resolved::Crate(base)) => Some(Resolved::Crate(base.iter().chain(&segs[1..]).cloned().collect())),
                Some(Resolved::External(base)) => {
                    Some(Resolved::External(base.iter().chain(&segs[1..]).cloned().collect()))
                }
                None => resolve(&module, &segs, leading_colon, self.root_is_lib),
            };
            self.found.extend(resolved);
        }
        self.found
    }

    /// Walks a use tree, adding one path per leaf (`a::{b, c::*}` adds `a::b` and `a::c::*`).
    fn use_tree(&mut self, prefix: &mut Vec<String>, leading_colon: bool, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, leading_colon, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.use_leaf(prefix, leading_colon, n.ident.to_string(), None),
            syn::UseTree::Rename(r) => {
                self.use_leaf(prefix, leading_colon, r.ident.to_string(), Some(r.rename.to_string()))
            }
            syn::UseTree::Glob(_) => self.use_leaf(prefix, leading_colon, "*".into(), None),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, leading_colon, t);
                }
            }
        }
    }

    fn use_leaf(&mut self, prefix: &[String], leading_colon: bool, leaf: String, rename: Option<String>) {
        let mut segs = prefix.to_vec();
        // `use a::{self}` names `a` itself.
        if leaf != "self" || segs.is_empty() {
            segs.push(leaf);
        }
        let Some(resolved) = resolve(&self.module, &segs, leading_colon, self.root_is_lib) else { return };
        let name = rename.or_else(|| segs.last().cloned()).unwrap_or_default();
        if name != "*" && name != "_" {
            self.imports.insert(name, resolved.clone());
        }
        self.found.insert(resolved);
    }

    /// Finds `crate::a::b`, `super::x`, `self::x`, `std::fs::…` and `::x` paths in macro tokens,
    /// which syn leaves unparsed.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => {
                    self.tokens(g.stream());
                    i += 1;
                }
                TokenTree::Ident(id) => {
                    let after_colons = i >= 2 && is_colon_colon(&trees, i - 2);
                    let leading_colon = after_colons && (i < 3 || !matches!(trees[i - 3], TokenTree::Ident(_)));
                    let mut segs = vec![id.to_string()];
                    let mut j = i + 1;
                    while is_colon_colon(&trees, j) {
                        match trees.get(j + 2) {
                            Some(TokenTree::Ident(next)) => {
                                segs.push(next.to_string());
                                j += 3;
                            }
                            _ => break,
                        }
                    }
                    if (!after_colons || leading_colon) && segs.len() > 1 {
                        self.add(segs, leading_colon);
                    }
                    i = j;
                }
                _ => i += 1,
            }
        }
    }
}

/// True when `trees[i..i + 2]` is `::`.
fn is_colon_colon(trees: &[TokenTree], i: usize) -> bool {
    let punct = |k: usize, spacing: Option<proc_macro2::Spacing>| match trees.get(k) {
        Some(TokenTree::Punct(p)) => p.as_char() == ':' && spacing.is_none_or(|s| p.spacing() == s),
        _ => false,
    };
    punct(i, Some(proc_macro2::Spacing::Joint)) && punct(i + 1, None)
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), u.leading_colon.is_some(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segs: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(segs, p.leading_colon.is_some());
        syn::visit::visit_path(self, p);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.module.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.module.pop();
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }
}

/// The layer a file belongs to (`None` for the crate roots, which may use everything).
fn layer_of(rel: &str) -> Option<&'static str> {
    let first = rel.strip_prefix("src/")?.split('/').next()?;
    ALLOWED.iter().map(|(l, _)| *l).find(|l| *l == first && rel.len() > "src/".len() + l.len())
}

fn starts_with(path: &Resolved, prefix: &str) -> bool {
    let Resolved::External(segs) = path else { return false };
    let want: Vec<&str> = prefix.split("::").collect();
    let have: Vec<&str> = segs.iter().map(String::as_str).collect();
    if have.len() >= want.len() && have[..want.len()] == want[..] {
        return true;
    }
    // A glob that could bring it in: `use std::*` brings `std::fs`.
    have.last() == Some(&"*") && have.len() - 1 < want.len() && have[..have.len() - 1] == want[..have.len() - 1]
}

/// Every absolute path a source file refers to.
fn paths_of(rel: &str, src: &str) -> Result<BTreeSet<Resolved>, String> {
    let file = syn::parse_file(src).map_err(|e| format!("{rel}: {e}"))?;
    let mut c = Collector::new(rel);
    c.visit_file(&file);
    Ok(c.finish())
}

/// The cycles among the modules of `layer`, given each file's path and source: each as the chain
/// of module names (`schema -> writer -> schema`).
fn module_cycles(layer: &str, files: &[(String, String)]) -> Result<Vec<String>, String> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, src) in files {
        let module = module_of(rel);
        let Some(own) = module.get(1).filter(|_| module[0] == layer) else { continue };
        for path in paths_of(rel, src)? {
            if let Resolved::Crate(segs) = path {
                if segs.len() > 1 && segs[0] == layer && segs[1] != *own {
                    edges.entry(own.clone()).or_default().insert(segs[1].clone());
                }
            }
        }
    }
    // A depth-first search from each module; a path back to a module on the stack is a cycle.
    fn walk(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        cycles: &mut BTreeSet<String>,
    ) {
        if let Some(i) = stack.iter().position(|s| s == node) {
            let mut cycle = stack[i..].to_vec();
            // Start each cycle at its smallest name so each is reported once.
            let start = cycle.iter().enumerate().min_by_key(|(_, n)| n.as_str()).map(|(i, _)| i).unwrap_or(0);
            cycle.rotate_left(start);
            cycle.push(cycle[0].clone());
            cycles.insert(cycle.join(" -> "));
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            walk(next, edges, stack, cycles);
        }
        stack.pop();
    }
    let mut cycles = BTreeSet::new();
    for node in edges.keys() {
        walk(node, &edges, &mut Vec::new(), &mut cycles);
    }
    Ok(cycles.into_iter().collect())
}

/// Checks one source file (`rel` is its path from the crate root, e.g. `src/engine/eval.rs`).
fn check_source(rel: &str, src: &str) -> Result<Vec<Violation>, String> {
    let found = paths_of(rel, src)?;
    let mut out = BTreeSet::new();
    let layer = layer_of(rel);
    let fs_edge = FS_EDGES.iter().any(|e| rel.starts_with(e));
    for path in &found {
        if let (Some(layer), Resolved::Crate(segs)) = (layer, path) {
            if let Some(used) = segs.first() {
                let allowed = ALLOWED.iter().find(|(l, _)| *l == layer).map(|(_, a)| *a).unwrap_or(&[]);
                if used != layer && !allowed.contains(&used.as_str()) && ALLOWED.iter().any(|(l, _)| l == used) {
                    out.insert(Violation::Layer { from: layer.into(), to: used.clone(), path: path.text() });
                }
            }
        }
        if !fs_edge && FS_PATHS.iter().any(|p| starts_with(path, p)) {
            out.insert(Violation::FileSystem { path: path.text() });
        }
        if PROCESS_PATHS.iter().any(|p| starts_with(path, p)) {
            out.insert(Violation::Process { path: path.text() });
        }
    }
    Ok(out.into_iter().collect())
}

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

/// Every source file's violations, by file.
fn check_crate() -> (usize, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut report = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f).display().to_string().replace('\\', "/");
        let src = std::fs::read_to_string(f).expect("readable source");
        match check_source(&rel, &src) {
            Ok(vs) => report.extend(vs.into_iter().map(|v| format!("{rel}: {v:?}"))),
            Err(e) => report.push(format!("unparsable: {e}")),
        }
    }
    for layer in ACYCLIC {
        let sources: Vec<(String, String)> = files
            .iter()
            .map(|f| (f.strip_prefix(root).unwrap_or(f).display().to_string().replace('\\', "/"), f))
            .filter(|(rel, _)| rel.starts_with(&format!("src/{layer}/")))
            .map(|(rel, f)| (rel, std::fs::read_to_string(f).expect("readable source")))
            .collect();
        match module_cycles(layer, &sources) {
            Ok(cycles) => report.extend(cycles.into_iter().map(|c| format!("src/{layer}: modules in a circle: {c}"))),
            Err(e) => report.push(format!("unparsable: {e}")),
        }
    }
    (files.len(), report)
}

#[test]
fn every_layer_has_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (layer, _) in ALLOWED {
        let mut files = Vec::new();
        rust_files(&root.join("src").join(layer), &mut files);
        assert!(!files.is_empty(), "layer {layer} has no files: update ALLOWED and ARCHITECTURE.md together");
    }
}

#[test]
fn the_crate_keeps_its_layers_and_edges() {
    let (checked, report) = check_crate();
    assert!(checked > 20, "too few files checked ({checked})");
    assert!(report.is_empty(), "layering violations:\n{}", report.join("\n"));
}

// The checker itself: each snippet breaks a rule in a way the old text search missed.

fn violations(rel: &str, src: &str) -> Vec<Violation> {
    check_source(rel, src).expect("snippet parses")
}

fn layer(from: &str, to: &str, path: &str) -> Violation {
    Violation::Layer { from: from.into(), to: to.into(), path: path.into() }
}

#[test]
fn checker_sees_nested_groups() {
    let v = violations("src/format/x.rs", "use crate::{value::{Value, convert::{to_int}}, engine::Engine};");
    assert_eq!(v, vec![layer("format", "engine", "crate::engine::Engine")]);
    let v = violations("src/value/x.rs", "use crate::{syntax::{ast::{Expr}}, store::{self}};");
    assert_eq!(v, vec![layer("value", "store", "crate::store")]);
}

#[test]
fn checker_resolves_super_paths() {
    let v = violations("src/cmdlets/exchange/x.rs", "use super::super::super::engine::Engine;");
    assert_eq!(v, vec![layer("cmdlets", "engine", "crate::engine::Engine")]);
    // From a mod.rs, one `super` already leaves the layer.
    let v = violations("src/cmdlet/mod.rs", "fn f() { let _ = super::format::colorize(\"\", None, None); }");
    assert_eq!(v, vec![layer("cmdlet", "format", "crate::format::colorize")]);
    // Inside an inline module, `super` is the file's module.
    let v = violations("src/directory/x.rs", "mod tests { use super::super::super::value::Value; }");
    assert_eq!(v, vec![layer("directory", "value", "crate::value::Value")]);
}

#[test]
fn checker_sees_grouped_std_imports() {
    let v = violations("src/engine/x.rs", "use std::{fs, io::Write};");
    assert_eq!(v, vec![Violation::FileSystem { path: "std::fs".into() }]);
    let v = violations("src/format/x.rs", "use std::{io, fs::{File, read_to_string as rd}};");
    assert_eq!(v.len(), 2, "{v:?}");
    let v = violations("src/value/x.rs", "use std::*;");
    assert_eq!(v.first(), Some(&Violation::FileSystem { path: "std::*".into() }), "{v:?}");
    let v = violations("src/cmdlets/x.rs", "use std::{process::{Command}, net::TcpStream};");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().all(|x| matches!(x, Violation::Process { .. })), "{v:?}");
}

#[test]
fn checker_sees_inline_paths() {
    let v = violations("src/engine/x.rs", "fn f(p: &str) { let _ = crate::store::Foo::bar(p); }");
    assert_eq!(v, vec![layer("engine", "store", "crate::store::Foo::bar")]);
    let v = violations("src/syntax/x.rs", "fn f(x: crate::value::Value) -> Option<crate::value::Value> { None }");
    assert_eq!(v, vec![layer("syntax", "value", "crate::value::Value")]);
    let v = violations("src/cmdlets/x.rs", "fn f() -> String { format!(\"{}\", crate::engine::name()) }");
    assert_eq!(v, vec![layer("cmdlets", "engine", "crate::engine::name")]);
    let v = violations("src/engine/x.rs", "fn f() { let _ = std::fs::read_to_string(\"x\"); }");
    assert_eq!(v, vec![Violation::FileSystem { path: "std::fs::read_to_string".into() }]);
    let v = violations("src/engine/x.rs", "fn f() { let _ = ::std::process::Command::new(\"sh\"); }");
    assert!(v.contains(&Violation::Process { path: "std::process::Command::new".into() }), "{v:?}");
    // Through an imported module, and inside a macro.
    let v = violations("src/engine/x.rs", "use std::process as p; fn f() { let _ = p::Command::new(\"sh\"); }");
    assert_eq!(v, vec![Violation::Process { path: "std::process::Command::new".into() }]);
    let v = violations("src/format/x.rs", "use crate as c; fn f() { dbg!(c::engine::x()); }");
    assert!(v.contains(&layer("format", "engine", "crate::engine::x")), "{v:?}");
}

#[test]
fn checker_passes_clean_code() {
    let src = r#"
        use super::super::super::value::{Value, convert::to_int};
        use super::objects;
        use crate::{cmdlet::{Param, Signature}, directory::{Directory, model::{self, Recipient}}};
        use std::{collections::HashMap, io::{self, Write}, path::Path};
        use self::inner::Thing;

        mod inner { pub struct Thing; use super::super::types::X; }

        fn f(d: &Directory, v: crate::value::Value) -> io::Result<()> {
            let _ = crate::format::cell::render(&v);
            let _: HashMap<String, Value> = HashMap::new();
            let _ = Path::new("a").parent();
            let _ = format!("{}", crate::syntax::Span::default());
            let _ = to_int(&v);
            Ok(())
        }
    "#;
    assert_eq!(violations("src/cmdlets/exchange/x.rs", src), vec![]);
    // The edges may touch files; the REPL may use every layer below it.
    let src = "use std::fs::{self, File}; use crate::{store, engine::Engine}; use tempfile::NamedTempFile;";
    assert_eq!(violations("src/repl/x.rs", src), vec![]);
    assert_eq!(
        violations("src/store/x.rs", "use std::fs; use fd_lock::RwLock; use crate::directory::Directory;"),
        vec![]
    );
}

#[test]
fn checker_sees_module_cycles() {
    let files = |list: &[(&str, &str)]| list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    let circle = files(&[
        ("src/store/schema/mod.rs", "use super::writer::render;"),
        ("src/store/writer.rs", "fn f() { let _ = crate::store::schema::SCHEMA_VERSION; }"),
        ("src/store/mod.rs", "use schema::x; use writer::y;"),
    ]);
    assert_eq!(module_cycles("store", &circle), Ok(vec!["schema -> writer -> schema".to_string()]));
    let one_way = files(&[
        ("src/store/schema/mod.rs", "use super::{names::X, writer::render};"),
        ("src/store/schema/tests.rs", "use crate::store::{json, writer};"),
        ("src/store/writer.rs", "use super::names::{SCHEMA_VERSION}; use super::StoreError;"),
        ("src/store/names.rs", "use crate::directory::Inheritance;"),
    ]);
    assert_eq!(module_cycles("store", &one_way), Ok(vec![]));
}
