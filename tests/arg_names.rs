//! Every parameter name a cmdlet reads from its bound arguments is declared in its signature.
//!
//! A cmdlet reads its arguments by name (`args.get("Identity")`, `args.opt::<String>("User")`,
//! `arg_id(args, "Trustee")`); a misspelt or undeclared name compiles and silently reads nothing.
//! This test parses every file under `src/cmdlets/` with `syn`, finds each string literal passed
//! with the `args` binding (as the receiver of an accessor, or beside it in a helper call), and
//! checks it against the signature of the cmdlet whose `impl Cmdlet` block reads it (a helper
//! outside an impl block: against every cmdlet's parameters).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syn::visit::Visit;

/// Accessors of `BoundArgs` whose first argument is a parameter name.
const ACCESSORS: &[&str] = &["get", "has", "switch", "string", "opt", "req", "flag", "remove", "insert"];

/// Common parameters every cmdlet takes, and `InputObject` (the default `process` collects it).
const ALWAYS: &[&str] = &["Verbose", "Debug", "ErrorAction", "WarningAction", "WhatIf", "Confirm"];

/// Parameter names read in one source file, by the cmdlet (its `Signature::new` name) whose
/// impl block reads them; `None` for code outside any `impl Cmdlet` block.
#[derive(Default, Debug)]
struct Reads {
    by_cmdlet: BTreeMap<Option<String>, BTreeSet<String>>,
}

#[derive(Default)]
struct Finder {
    current: Option<String>,
    reads: Reads,
}

fn is_args(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Path(p) => p.path.is_ident("args"),
        syn::Expr::Reference(r) => is_args(&r.expr),
        _ => false,
    }
}

fn literal(e: &syn::Expr) -> Option<String> {
    match e {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
        _ => None,
    }
}

fn is_test_cfg(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.meta.require_list().is_ok_and(|l| l.tokens.to_string() == "test"))
}

impl Finder {
    fn read(&mut self, name: String) {
        self.reads.by_cmdlet.entry(self.current.clone()).or_default().insert(name);
    }
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_test_cfg(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let is_cmdlet = i.trait_.as_ref().is_some_and(|(p, _)| p.segments.last().is_some_and(|s| s.ident == "Cmdlet"));
        if !is_cmdlet {
            return syn::visit::visit_item_impl(self, i);
        }
        // The cmdlet's name: the first `Signature::new("Verb-Noun", …)` in the block.
        let mut names = SignatureNames::default();
        names.visit_item_impl(i);
        let saved = std::mem::replace(&mut self.current, names.0.first().cloned());
        syn::visit::visit_item_impl(self, i);
        self.current = saved;
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if c.args.iter().any(is_args) {
            for n in c.args.iter().filter_map(literal) {
                self.read(n);
            }
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if is_args(&m.receiver) && ACCESSORS.contains(&m.method.to_string().as_str()) {
            if let Some(n) = m.args.first().and_then(literal) {
                self.read(n);
            }
        } else if m.args.iter().any(is_args) {
            for n in m.args.iter().filter_map(literal) {
                self.read(n);
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }
}

#[derive(Default)]
struct SignatureNames(Vec<String>);

impl<'ast> Visit<'ast> for SignatureNames {
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*c.func {
            let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if segs.ends_with(&["Signature".to_string(), "new".to_string()]) {
                if let Some(n) = c.args.first().and_then(literal) {
                    self.0.push(n);
                }
            }
        }
        syn::visit::visit_expr_call(self, c);
    }
}

fn reads_of(src: &str) -> Result<Reads, String> {
    let file = syn::parse_file(src).map_err(|e| e.to_string())?;
    let mut f = Finder::default();
    f.visit_file(&file);
    Ok(f.reads)
}

/// The names each cmdlet declares (parameters and aliases, every version), lower-cased.
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let registry = exsh::cmdlets::registry();
    let mut out = BTreeMap::new();
    for e in registry.entries() {
        let sig = &e.signature;
        let mut names: BTreeSet<String> = ALWAYS.iter().map(|n| n.to_ascii_lowercase()).collect();
        names.insert("inputobject".into());
        for p in &sig.params {
            names.insert(p.name.to_ascii_lowercase());
            names.extend(p.aliases.iter().map(|a| a.to_ascii_lowercase()));
        }
        out.insert(sig.name.to_ascii_lowercase(), names);
    }
    out
}

/// The undeclared names a file reads, as `cmdlet: name` lines.
fn undeclared(reads: &Reads, declared: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let union = |names: &mut dyn Iterator<Item = &String>| -> BTreeSet<String> {
        names.filter_map(|n| declared.get(&n.to_ascii_lowercase())).flatten().cloned().collect()
    };
    let everything: BTreeSet<String> = declared.values().flatten().cloned().collect();
    let mut out = Vec::new();
    for (cmdlet, names) in &reads.by_cmdlet {
        let (who, allowed) = match cmdlet {
            Some(c) => (c.clone(), union(&mut std::iter::once(c))),
            // A helper may serve cmdlets declared in other files (Set-Mailbox's `-Type` is read in
            // mailbox_lifecycle.rs) or built from a shared constructor with a computed name.
            None => ("(helpers)".to_string(), everything.clone()),
        };
        for n in names {
            if !allowed.contains(&n.to_ascii_lowercase()) {
                out.push(format!("{who}: {n}"));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") && !p.ends_with("testing.rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_name_a_cmdlet_reads_is_declared_in_its_signature() {
    let declared = declared();
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/cmdlets")), &mut files);
    assert!(files.len() > 10, "found only {} files", files.len());
    let mut problems = Vec::new();
    let mut total = 0;
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let reads = reads_of(&src).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        total += reads.by_cmdlet.values().map(|s| s.len()).sum::<usize>();
        for p in undeclared(&reads, &declared) {
            problems.push(format!("{}: {p}", f.display()));
        }
    }
    assert!(total > 150, "the finder saw only {total} reads: it is not looking");
    assert!(problems.is_empty(), "names read but not declared:\n{}", problems.join("\n"));
}

#[test]
fn the_check_catches_a_misspelt_name_in_every_form() {
    let declared = declared();
    let src = r#"
        impl Cmdlet for AddMailboxPermission {
            fn signature(&self) -> Signature { Signature::new("Add-MailboxPermission", "X", Origin::Exchange) }
            fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _s: &mut Vec<Value>) -> CmdletResult {
                let a = args.get("Identity");
                let b = args.opt::<String>("Usr");
                let c = arg_id(args, "Trustee");
                let d = args.switch("AutoMapping");
                Ok(())
            }
        }
        fn helper(args: &BoundArgs) -> bool { args.has("Identty") }
        #[cfg(test)]
        mod tests { fn t(args: &BoundArgs) { args.get("NotChecked"); } }
    "#;
    let reads = reads_of(src).unwrap_or_else(|e| panic!("{e}"));
    let found = undeclared(&reads, &declared);
    assert_eq!(found, ["(helpers): Identty", "Add-MailboxPermission: Trustee", "Add-MailboxPermission: Usr"]);
}
