//! The bytes scripts write: redirection, Out-File, Set-Content, Add-Content and transcripts in each
//! profile's encoding, through the engine and an in-memory file edge (no disk). docs/files.md.

use exsh::directory::{Directory, ExchangeVersion};
use exsh::engine::{BufferHost, Engine};

/// Runs `code` on a fresh sample org and returns the bytes of each file asked for.
fn bytes_after(code: &str, version: ExchangeVersion, files: &[&str]) -> Vec<Vec<u8>> {
    let mut engine =
        Engine::new(Box::new(BufferHost::default()), exsh::cmdlets::registry(), Directory::sample(version));
    engine.run_script(code, Some("t.ps1"), &[]);
    let fa = engine.host_mut().files();
    files
        .iter()
        .map(|f| {
            let p = fa.resolve(f).expect("a path");
            fa.read_bytes(&p).unwrap_or_else(|e| panic!("{f}: {e:?}"))
        })
        .collect()
}

const ON_PREM: ExchangeVersion = ExchangeVersion::Exchange2019;
const ONLINE: ExchangeVersion = ExchangeVersion::Online;

#[test]
fn redirection_in_51_is_utf16le_with_one_bom() {
    let b = bytes_after("'é' > a.txt; 'b' >> a.txt", ON_PREM, &["a.txt"]);
    assert_eq!(b[0], [0xFF, 0xFE, 0xE9, 0, 13, 0, 10, 0, b'b', 0, 13, 0, 10, 0]);
}

#[test]
fn redirection_online_is_utf8_without_bom_and_append_keeps_a_bom() {
    let b =
        bytes_after("'é' > a.txt; 'x' | Out-File b.txt -Encoding unicode; 'y' >> b.txt", ONLINE, &["a.txt", "b.txt"]);
    assert_eq!(b[0], [0xC3, 0xA9, 13, 10]);
    assert_eq!(b[1], [0xFF, 0xFE, b'x', 0, 13, 0, 10, 0, b'y', 0, 13, 0, 10, 0]);
}

#[test]
fn set_content_51_is_windows_1252_and_add_content_follows_the_bom() {
    let b = bytes_after(
        "Set-Content a.txt '€é'; Set-Content u.txt 'a' -Encoding UTF8; Add-Content u.txt 'é'",
        ON_PREM,
        &["a.txt", "u.txt"],
    );
    assert_eq!(b[0], [0x80, 0xE9, 13, 10]);
    assert_eq!(b[1], [0xEF, 0xBB, 0xBF, b'a', 13, 10, 0xC3, 0xA9, 13, 10]);
}

#[test]
fn out_file_encodings_51() {
    let b = bytes_after(
        "'é' | Out-File o.txt -Encoding OEM; 'é' | Out-File b.txt -Encoding BigEndianUnicode; 'a' | Out-File w.txt -Encoding UTF32",
        ON_PREM,
        &["o.txt", "b.txt", "w.txt"],
    );
    assert_eq!(b[0], [0x82, 13, 10]);
    assert_eq!(b[1], [0xFE, 0xFF, 0, 0xE9, 0, 13, 0, 10]);
    assert_eq!(b[2], [0xFF, 0xFE, 0, 0, b'a', 0, 0, 0, 13, 0, 0, 0, 10, 0, 0, 0]);
}

#[test]
fn transcript_file_starts_with_a_utf8_bom_and_the_prologue() {
    let b =
        bytes_after("Start-Transcript C:\\t.txt | Out-Null; 'hi'; Stop-Transcript | Out-Null", ON_PREM, &["C:\\t.txt"]);
    let text = String::from_utf8_lossy(&b[0]).to_string();
    assert!(text.starts_with("\u{feff}**********************\r\nWindows PowerShell transcript start\r\n"), "{text}");
    assert!(text.contains("\r\nhi\r\n"), "{text}");
    assert!(
        text.ends_with("Windows PowerShell transcript end\r\nEnd time: 20251125113931\r\n**********************\r\n"),
        "{text}"
    );
}
