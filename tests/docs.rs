//! docs/cmdlets.md is generated from the cmdlet signatures and must match them.
//! When a signature changes, this test rewrites the file and fails once: commit the new file.

#[test]
fn cmdlet_reference_is_up_to_date() {
    let sigs: Vec<_> = exsh::cmdlets::registry().entries().map(|e| e.signature.clone()).collect();
    assert!(sigs.len() > 40, "expected the full registry, got {} cmdlets", sigs.len());
    let text = exsh::cmdlets::core::help::markdown_reference(&sigs);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cmdlets.md");
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != text {
        if std::env::var_os("CI").is_none() {
            std::fs::write(&path, &text).expect("write docs/cmdlets.md");
        }
        panic!(
            "docs/cmdlets.md was out of date with the cmdlet signatures; it has been regenerated (outside CI) — commit it"
        );
    }
}

/// The documentation lint: every registered cmdlet, core and Exchange, has a synopsis, an
/// example that uses it (by name or alias) with remarks, a .NET class, and help text for each
/// parameter; Exchange parameters also name their .NET type (`MailboxIdParameter`), which core
/// ones derive from the parameter type; positions are unique within each parameter set; every
/// alias points at a registered cmdlet.
#[test]
fn every_registered_cmdlet_is_documented() {
    let registry = exsh::cmdlets::registry();
    let mut failures = Vec::new();
    let mut checked = 0;
    for e in registry.entries() {
        let s = &e.signature;
        checked += 1;
        if s.synopsis.trim().is_empty() {
            failures.push(format!("{}: no synopsis", s.name));
        }
        if s.examples.is_empty() {
            failures.push(format!("{}: no example", s.name));
        }
        let names: Vec<String> = std::iter::once(s.name)
            .chain(registry.aliases().iter().filter(|(_, t)| t.eq_ignore_ascii_case(s.name)).map(|(a, _)| *a))
            .map(str::to_ascii_lowercase)
            .collect();
        for (i, x) in s.examples.iter().enumerate() {
            if x.code.trim().is_empty() || x.remarks.trim().is_empty() {
                failures.push(format!("{}: example {} has no code or no remarks", s.name, i + 1));
            }
            let words: Vec<String> = x
                .code
                .split(|c: char| c.is_whitespace() || "|;(){}".contains(c))
                .map(str::to_ascii_lowercase)
                .collect();
            if !words.iter().any(|w| names.contains(w)) {
                failures.push(format!("{}: example {} does not use it: {}", s.name, i + 1, x.code));
            }
        }
        if !s.class.contains('.') {
            failures.push(format!("{}: no .NET class", s.name));
        }
        for p in &s.params {
            if p.help.trim().is_empty() {
                failures.push(format!("{} -{}: no help", s.name, p.name));
            }
            // Exchange parameters name their .NET type (derived from the ParamType, or declared
            // where exsh does not model it); an untyped `Object` means it was never looked up.
            if s.origin == exsh::cmdlet::Origin::Exchange && p.display_type() == "Object" {
                failures.push(format!("{} -{}: no type", s.name, p.name));
            }
        }
        let mut positions: Vec<(String, usize)> = Vec::new();
        for p in &s.params {
            if let Some(pos) = p.position {
                let sets: Vec<String> =
                    if p.sets.is_empty() { vec!["*".into()] } else { p.sets.iter().map(|x| x.to_string()).collect() };
                for set in sets {
                    if positions.iter().any(|(s2, p2)| *p2 == pos && (*s2 == set || s2 == "*" || set == "*")) {
                        failures.push(format!("{}: position {pos} twice in {set}", s.name));
                    }
                    positions.push((set, pos));
                }
            }
        }
    }
    for (alias, target) in registry.aliases() {
        if !registry.entries().any(|e| e.signature.name.eq_ignore_ascii_case(target)) {
            failures.push(format!("alias {alias} -> {target}: no such cmdlet"));
        }
    }
    assert!(checked > 40, "expected the full registry, got {checked} cmdlets");
    assert!(failures.is_empty(), "{} documentation gaps:\n{}", failures.len(), failures.join("\n"));
}
