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
