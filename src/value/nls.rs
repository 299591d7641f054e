//! The hash codes Windows PowerShell 5.1's hashtables place keys by (docs/reference/types.md §6).
//!
//! `@{}` hashes string keys with `StringComparer.CurrentCultureIgnoreCase`: on .NET Framework 4.8
//! that is the Windows sort key of the string (`LCMapStringEx(LCMAP_SORTKEY | NORM_IGNORECASE |
//! NORM_LINGUISTIC_CASING)`, en-US = the default sort) folded by `HashSortKey`. The sort key is
//! built here from the weights of Microsoft's "Windows 10 Sorting Weight Table" (`nls_weights.bin`:
//! one little-endian `u32` per UTF-16 code unit, `primary << 24 | script << 16 | diacritic << 8 |
//! case`), laid out the way LCMapStringEx lays it out: primary weights, 01, diacritic weights, 01,
//! case weights, 01, 01, special (punctuation) weights, 00.

/// The default sort's weights, indexed by UTF-16 code unit.
static WEIGHTS: &[u8; 262_144] = include_bytes!("nls_weights.bin");

const SCRIPT_UNSORTABLE: u8 = 0;
const SCRIPT_NONSPACE_MARK: u8 = 1;
const SCRIPT_EXPANSION: u8 = 2;
const SCRIPT_EASTASIA_SPECIAL: u8 = 3;
const SCRIPT_JAMO_SPECIAL: u8 = 4;
const SCRIPT_EXTENSION_A: u8 = 5;
const SCRIPT_PUNCTUATION: u8 = 6;
const SCRIPT_SYMBOL_6: u8 = 12;
const SCRIPT_PUA_FIRST: u8 = 169;
const SCRIPT_PUA_LAST: u8 = 175;

/// NORM_IGNORECASE drops these case bits (upper case, sub/superscript).
const CASE_MASK_IGNORE_CASE: u8 = 0x3f & !(0x10 | 0x08);

/// Characters the default table expands to two (the weight table leaves them out; these are the
/// expansions Windows applies).
const EXPANSIONS: &[(u16, [u16; 2])] = &[
    (0x00c6, [0x41, 0x45]),
    (0x00de, [0x54, 0x48]),
    (0x00df, [0x73, 0x73]),
    (0x00e6, [0x61, 0x65]),
    (0x00fe, [0x74, 0x68]),
    (0x0132, [0x49, 0x4a]),
    (0x0133, [0x69, 0x6a]),
    (0x0152, [0x4f, 0x45]),
    (0x0153, [0x6f, 0x65]),
    (0x01c4, [0x44, 0x017d]),
    (0x01c5, [0x44, 0x017e]),
    (0x01c6, [0x64, 0x017e]),
    (0x01c7, [0x4c, 0x4a]),
    (0x01c8, [0x4c, 0x6a]),
    (0x01c9, [0x6c, 0x6a]),
    (0x01ca, [0x4e, 0x4a]),
    (0x01cb, [0x4e, 0x6a]),
    (0x01cc, [0x6e, 0x6a]),
    (0x01f1, [0x44, 0x5a]),
    (0x01f2, [0x44, 0x7a]),
    (0x01f3, [0x64, 0x7a]),
    (0xfb00, [0x66, 0x66]),
    (0xfb01, [0x66, 0x69]),
    (0xfb02, [0x66, 0x6c]),
    (0xfb06, [0x73, 0x74]),
];

#[derive(Clone, Copy)]
struct Weights {
    primary: u8,
    script: u8,
    diacritic: u8,
    case: u8,
}

fn weights(unit: u16) -> Weights {
    let i = usize::from(unit) * 4;
    let w = u32::from_le_bytes([WEIGHTS[i], WEIGHTS[i + 1], WEIGHTS[i + 2], WEIGHTS[i + 3]]);
    Weights { primary: (w >> 24) as u8, script: (w >> 16) as u8, diacritic: (w >> 8) as u8, case: w as u8 }
}

#[derive(Default)]
struct SortKey {
    primary: Vec<u8>,
    diacritic: Vec<u8>,
    case: Vec<u8>,
    special: Vec<u8>,
}

impl SortKey {
    fn normal(&mut self, w: Weights) {
        self.primary.push(w.script);
        self.primary.push(w.primary);
        if (SCRIPT_PUA_FIRST..=SCRIPT_PUA_LAST).contains(&w.script) {
            self.primary.push(w.diacritic);
            self.case.push(w.case);
            return;
        }
        self.diacritic.push(w.diacritic);
        self.case.push(w.case);
    }

    fn push_unit(&mut self, unit: u16) {
        if let Some((_, pair)) = EXPANSIONS.iter().find(|(c, _)| *c == unit) {
            for u in pair {
                self.push_unit(*u);
            }
            return;
        }
        let mut w = weights(unit);
        w.case &= CASE_MASK_IGNORE_CASE;
        match w.script {
            SCRIPT_UNSORTABLE | SCRIPT_EXPANSION => {}
            SCRIPT_NONSPACE_MARK => match self.diacritic.last_mut() {
                Some(last) => *last = last.wrapping_add(w.diacritic),
                None => self.diacritic.push(w.diacritic),
            },
            SCRIPT_EXTENSION_A => {
                self.primary.extend_from_slice(&[0xfd, 0xff, w.primary, w.diacritic]);
                self.diacritic.push(2);
                self.case.push(2);
            }
            SCRIPT_PUNCTUATION => {
                // Word sort: punctuation leaves the primary weights and is recorded with its
                // position (a negative 16-bit count of the primary weights before it).
                let pos = -((self.primary.len() / 2) as i64) - 1;
                let pos = pos as i16 as u16;
                self.special.extend_from_slice(&[(pos >> 8) as u8, pos as u8, w.primary, w.case | (w.diacritic << 3)]);
            }
            SCRIPT_EASTASIA_SPECIAL | SCRIPT_JAMO_SPECIAL => self.normal(w),
            s if s <= SCRIPT_SYMBOL_6 => {
                self.primary.push(w.script);
                self.primary.push(w.primary);
                self.diacritic.push(w.diacritic);
                self.case.push(w.case);
            }
            _ => self.normal(w),
        }
    }

    fn bytes(mut self) -> Vec<u8> {
        trim_minimal(&mut self.diacritic);
        trim_minimal(&mut self.case);
        let mut out = self.primary;
        out.push(1);
        out.extend_from_slice(&self.diacritic);
        out.push(1);
        out.extend_from_slice(&self.case);
        out.push(1);
        out.push(1);
        out.extend_from_slice(&self.special);
        out.push(0);
        out
    }
}

/// Trailing minimal (2) weights are left out of a sort key.
fn trim_minimal(v: &mut Vec<u8>) {
    while v.last().is_some_and(|w| *w <= 2) {
        v.pop();
    }
}

/// The sort key `LCMapStringEx(en-US, LCMAP_SORTKEY | NORM_IGNORECASE)` gives for `s`.
pub fn sort_key_ignore_case(s: &str) -> Vec<u8> {
    let mut key = SortKey::default();
    for unit in s.encode_utf16() {
        key.push_unit(unit);
    }
    key.bytes()
}

/// .NET Framework's `HashSortKey`: two interleaved djb2 hashes over the sort key's bytes up to its
/// terminating zero.
pub fn hash_sort_key(key: &[u8]) -> i32 {
    let mut h1: i32 = 5381;
    let mut h2: i32 = 5381;
    let mut i = 0;
    while let Some(&b) = key.get(i) {
        if b == 0 {
            break;
        }
        h1 = (h1 << 5).wrapping_add(h1) ^ i32::from(b);
        let c = key.get(i + 1).copied().unwrap_or(0);
        if c == 0 {
            break;
        }
        h2 = (h2 << 5).wrapping_add(h2) ^ i32::from(c);
        i += 2;
    }
    h1.wrapping_add(h2.wrapping_mul(1_566_083_941))
}

/// `StringComparer.CurrentCultureIgnoreCase.GetHashCode(s)` in en-US on .NET Framework 4.8.
pub fn culture_ignore_case_hash(s: &str) -> i32 {
    if s.is_empty() {
        return 0;
    }
    hash_sort_key(&sort_key_ignore_case(s))
}

/// `String.GetHashCode()` of .NET Framework 4.8 in a 64-bit process (no randomized hashing): the
/// default comparer's hash.
pub fn ordinal_hash(s: &str) -> i32 {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut h1: i32 = 5381;
    let mut h2: i32 = 5381;
    let mut i = 0;
    while let Some(&c) = units.get(i) {
        if c == 0 {
            break;
        }
        h1 = (h1 << 5).wrapping_add(h1) ^ i32::from(c);
        let d = units.get(i + 1).copied().unwrap_or(0);
        if d == 0 {
            break;
        }
        h2 = (h2 << 5).wrapping_add(h2) ^ i32::from(d);
        i += 2;
    }
    h1.wrapping_add(h2.wrapping_mul(1_566_083_941))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_follow_the_windows_layout() {
        // Latin letters are script 0x0E; case and minimal diacritics drop out under IGNORECASE.
        assert_eq!(sort_key_ignore_case("a"), vec![0x0e, 0x02, 1, 1, 1, 1, 0]);
        assert_eq!(sort_key_ignore_case("Number"), sort_key_ignore_case("nUMBER"));
        assert_eq!(
            sort_key_ignore_case("Number"),
            vec![0x0e, 0x70, 0x0e, 0x9f, 0x0e, 0x51, 0x0e, 0x09, 0x0e, 0x21, 0x0e, 0x8a, 1, 1, 1, 1, 0]
        );
        // Digits are script 0x0D.
        assert_eq!(sort_key_ignore_case("1"), vec![0x0d, 0x1a, 1, 1, 1, 1, 0]);
        // An accent is a diacritic weight, kept.
        assert_eq!(sort_key_ignore_case("\u{e9}"), vec![0x0e, 0x21, 1, 0x0e, 1, 1, 1, 0]);
        // A hyphen is punctuation: out of the primary weights, into the special ones.
        assert_eq!(sort_key_ignore_case("a-b"), vec![0x0e, 0x02, 0x0e, 0x09, 1, 1, 1, 1, 0xff, 0xfe, 0x82, 0x12, 0]);
        // ß expands to ss.
        assert_eq!(sort_key_ignore_case("\u{df}"), sort_key_ignore_case("ss"));
    }

    #[test]
    fn hashes_match_known_values() {
        // Values computed by hand from HashSortKey over the keys above.
        assert_eq!(culture_ignore_case_hash(""), 0);
        assert_eq!(culture_ignore_case_hash("a") as u32, 0xeac6_3c4e);
        assert_eq!(culture_ignore_case_hash("b") as u32, 0xad35_f0c7);
        assert_eq!(culture_ignore_case_hash("Name") as u32, 0x2ad3_c168);
        assert_eq!(culture_ignore_case_hash("NAME") as u32, 0x2ad3_c168);
        assert_eq!(culture_ignore_case_hash("Msg1") as u32, 0xfd41_2828);
    }

    #[test]
    fn ordinal_hash_is_the_64_bit_string_hash() {
        assert_eq!(ordinal_hash(""), 5381i32.wrapping_add(5381i32.wrapping_mul(1_566_083_941)));
        assert_ne!(ordinal_hash("a"), ordinal_hash("A"));
    }
}
