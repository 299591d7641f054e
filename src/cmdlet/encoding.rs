//! Text encodings of the files scripts write and read: the `-Encoding` names of Out-File,
//! Set-Content and Add-Content in Windows PowerShell 5.1 and in PowerShell 7, their bytes, and
//! the BOM detection of reading. Facts: docs/reference/files.md.

/// An encoding a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 LE with BOM (`Unicode`, `String`, `Unknown` in 5.1).
    Unicode,
    /// UTF-16 BE with BOM.
    BigEndianUnicode,
    /// UTF-8 with BOM (5.1's `UTF8`, 7's `utf8BOM`).
    Utf8Bom,
    /// UTF-8 without BOM (7's `utf8`, `utf8NoBOM`, `Default`).
    Utf8,
    /// UTF-32 LE with BOM.
    Utf32,
    /// UTF-32 BE with BOM (`BigEndianUTF32`).
    BigEndianUtf32,
    /// UTF-7, no BOM.
    Utf7,
    /// 7-bit ASCII (`?` for anything else).
    Ascii,
    /// The ANSI code page: Windows-1252 (5.1's `Default`; 7's `ansi`).
    Ansi,
    /// The OEM code page: 437.
    Oem,
}

/// The `-Encoding` names Windows PowerShell 5.1's Out-File accepts (its ValidateSet).
pub const OUT_FILE_SET_51: &[&str] =
    &["unknown", "string", "unicode", "bigendianunicode", "utf8", "utf7", "utf32", "ascii", "default", "oem"];

/// The `-Encoding` names of 5.1's Set-Content and Add-Content (FileSystemCmdletProviderEncoding).
pub const CONTENT_SET_51: &[&str] = &[
    "Unknown",
    "String",
    "Unicode",
    "Byte",
    "BigEndianUnicode",
    "UTF8",
    "UTF7",
    "UTF32",
    "Ascii",
    "Default",
    "Oem",
    "BigEndianUTF32",
];

impl Encoding {
    /// The encoding an `-Encoding` name means; `pwsh7` for PowerShell 7's names and meanings
    /// (the Online profile). `None` for a name the version does not know.
    pub fn from_name(name: &str, pwsh7: bool) -> Option<Encoding> {
        let n = name.to_ascii_lowercase();
        Some(match n.as_str() {
            "unicode" | "string" => Encoding::Unicode,
            "unknown" if pwsh7 => Encoding::Utf8,
            "unknown" => Encoding::Unicode,
            "bigendianunicode" => Encoding::BigEndianUnicode,
            "bigendianutf32" => Encoding::BigEndianUtf32,
            "utf8" if pwsh7 => Encoding::Utf8,
            "utf8" => Encoding::Utf8Bom,
            "utf8bom" if pwsh7 => Encoding::Utf8Bom,
            "utf8nobom" if pwsh7 => Encoding::Utf8,
            "utf7" => Encoding::Utf7,
            "utf32" => Encoding::Utf32,
            "ascii" => Encoding::Ascii,
            "default" if pwsh7 => Encoding::Utf8,
            "default" => Encoding::Ansi,
            "ansi" if pwsh7 => Encoding::Ansi,
            "oem" => Encoding::Oem,
            _ => return None,
        })
    }

    /// The byte order mark written at the start of a new file.
    pub fn bom(self) -> &'static [u8] {
        match self {
            Encoding::Unicode => &[0xFF, 0xFE],
            Encoding::BigEndianUnicode => &[0xFE, 0xFF],
            Encoding::Utf8Bom => &[0xEF, 0xBB, 0xBF],
            Encoding::Utf32 => &[0xFF, 0xFE, 0, 0],
            Encoding::BigEndianUtf32 => &[0, 0, 0xFE, 0xFF],
            _ => &[],
        }
    }

    /// The text's bytes, without a BOM.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Unicode => text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect(),
            Encoding::BigEndianUnicode => text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
            Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
            Encoding::Utf32 => text.chars().flat_map(|c| (c as u32).to_le_bytes()).collect(),
            Encoding::BigEndianUtf32 => text.chars().flat_map(|c| (c as u32).to_be_bytes()).collect(),
            Encoding::Utf7 => utf7(text),
            Encoding::Ascii => text.encode_utf16().map(|u| if u < 0x80 { u as u8 } else { b'?' }).collect(),
            Encoding::Ansi => text.chars().map(|c| to_single_byte(c, &CP1252_HIGH)).collect(),
            Encoding::Oem => text.chars().map(|c| to_single_byte(c, &CP437_HIGH)).collect(),
        }
    }

    /// The bytes of a whole new file: BOM and text.
    pub fn file_bytes(self, text: &str) -> Vec<u8> {
        let mut b = self.bom().to_vec();
        b.extend(self.encode(text));
        b
    }

    /// The encoding an existing file's BOM announces.
    pub fn detect(bytes: &[u8]) -> Option<Encoding> {
        if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
            Some(Encoding::Utf32)
        } else if bytes.starts_with(&[0xFF, 0xFE]) {
            Some(Encoding::Unicode)
        } else if bytes.starts_with(&[0xFE, 0xFF]) {
            Some(Encoding::BigEndianUnicode)
        } else if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            Some(Encoding::Utf8Bom)
        } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
            Some(Encoding::BigEndianUtf32)
        } else {
            None
        }
    }
}

/// Windows-1252's 0x80–0x9F (the five undefined bytes map to the C1 controls, as .NET does).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Code page 437's 0x80–0xFF.
const CP437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', 'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û',
    'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', 'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡',
    '«', '»', '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', '└', '┴', '┬', '├', '─',
    '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█',
    '▄', '▌', '▐', '▀', 'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', '≡', '±', '≥',
    '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}',
];

/// A character in a single-byte code page whose bytes 0x00–0x7F are ASCII; `?` when missing.
fn to_single_byte(c: char, high: &[char]) -> u8 {
    let u = c as u32;
    if u < 0x80 {
        return u as u8;
    }
    if let Some(i) = high.iter().position(|&h| h == c) {
        return (0x80 + i) as u8;
    }
    // Windows-1252 is Latin-1 from 0xA0 up.
    if high.len() == 32 && (0xA0..=0xFF).contains(&u) {
        return u as u8;
    }
    b'?'
}

/// One byte of a single-byte code page.
fn from_single_byte(b: u8, high: &[char]) -> char {
    match b {
        0x00..=0x7F => b as char,
        _ if high.len() == 32 && b >= 0xA0 => b as char,
        _ => high.get((b - 0x80) as usize).copied().unwrap_or('?'),
    }
}

/// Decodes Windows-1252 bytes.
pub fn decode_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| from_single_byte(b, &CP1252_HIGH)).collect()
}

/// UTF-7 (RFC 2152) as .NET writes it: direct characters as themselves, others in `+…-` runs of
/// modified base64.
fn utf7(text: &str) -> Vec<u8> {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let direct = |c: char| c.is_ascii_alphanumeric() || "'(),-./:? \t\r\n!\"#$%&*;<=>@[]^_`{|}".contains(c);
    let mut out = Vec::new();
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let c = char::from_u32(u as u32).unwrap_or('\u{fffd}');
        if u < 0x80 && direct(c) {
            out.push(u as u8);
            i += 1;
            continue;
        }
        if c == '+' {
            out.extend_from_slice(b"+-");
            i += 1;
            continue;
        }
        out.push(b'+');
        let (mut bits, mut n) = (0u32, 0u32);
        while i < units.len() && !(units[i] < 0x80 && direct(char::from(units[i] as u8))) && units[i] != b'+' as u16 {
            bits = (bits << 16) | units[i] as u32;
            n += 16;
            while n >= 6 {
                n -= 6;
                out.push(B64[((bits >> n) & 0x3F) as usize]);
            }
            i += 1;
        }
        if n > 0 {
            out.push(B64[((bits << (6 - n)) & 0x3F) as usize]);
        }
        let next_is_b64 = units.get(i).is_some_and(|&u| u < 0x80 && (B64.contains(&(u as u8)) || u == b'-' as u16));
        if next_is_b64 {
            out.push(b'-');
        }
    }
    out
}

/// Decodes a text file: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides, else UTF-8, else
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let u16s = |b: &[u8], le: bool| -> String {
        let units: Vec<u16> = b
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let u32s = |b: &[u8], le: bool| -> String {
        b.chunks(4)
            .map(|c| {
                let mut q = [0u8; 4];
                q[..c.len()].copy_from_slice(c);
                let v = if le { u32::from_le_bytes(q) } else { u32::from_be_bytes(q) };
                char::from_u32(v).unwrap_or('\u{fffd}')
            })
            .collect()
    };
    match Encoding::detect(bytes) {
        Some(Encoding::Utf32) => u32s(&bytes[4..], true),
        Some(Encoding::BigEndianUtf32) => u32s(&bytes[4..], false),
        Some(Encoding::Unicode) => u16s(&bytes[2..], true),
        Some(Encoding::BigEndianUnicode) => u16s(&bytes[2..], false),
        Some(_) => String::from_utf8_lossy(&bytes[3..]).into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => decode_1252(bytes),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_per_version() {
        assert_eq!(Encoding::from_name("UTF8", false), Some(Encoding::Utf8Bom));
        assert_eq!(Encoding::from_name("utf8", true), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_name("Default", false), Some(Encoding::Ansi));
        assert_eq!(Encoding::from_name("Default", true), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_name("utf8NoBOM", false), None);
        assert_eq!(Encoding::from_name("utf8BOM", true), Some(Encoding::Utf8Bom));
        assert_eq!(Encoding::from_name("String", false), Some(Encoding::Unicode));
    }

    #[test]
    fn bytes_of_each_encoding() {
        assert_eq!(Encoding::Unicode.file_bytes("é\r\n"), [0xFF, 0xFE, 0xE9, 0, 13, 0, 10, 0]);
        assert_eq!(Encoding::BigEndianUnicode.file_bytes("a"), [0xFE, 0xFF, 0, b'a']);
        assert_eq!(Encoding::Utf8Bom.file_bytes("é"), [0xEF, 0xBB, 0xBF, 0xC3, 0xA9]);
        assert_eq!(Encoding::Utf8.file_bytes("é"), [0xC3, 0xA9]);
        assert_eq!(Encoding::Utf32.file_bytes("a"), [0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]);
        assert_eq!(Encoding::Ascii.file_bytes("aé€"), *b"a??");
        assert_eq!(Encoding::Ansi.file_bytes("aé€"), [b'a', 0xE9, 0x80]);
        assert_eq!(Encoding::Oem.file_bytes("aé─"), [b'a', 0x82, 0xC4]);
        assert_eq!(Encoding::Utf7.file_bytes("Hi Mom -☺-!"), *b"Hi Mom -+Jjo--!");
        assert_eq!(Encoding::Utf7.file_bytes("1 + 1"), *b"1 +- 1");
    }

    #[test]
    fn decoding_follows_the_bom() {
        for e in [
            Encoding::Unicode,
            Encoding::BigEndianUnicode,
            Encoding::Utf8Bom,
            Encoding::Utf8,
            Encoding::Utf32,
            Encoding::BigEndianUtf32,
        ] {
            assert_eq!(decode(&e.file_bytes("año €\r\n")), "año €\r\n", "{e:?}");
        }
        assert_eq!(decode(&[b'a', 0xE9, 0x80]), "aé€");
    }
}
