//! Screen-cell arithmetic and PowerShell's line breaking (`DisplayCells` and
//! `StringManipulationHelper.GenerateLines` of Windows PowerShell 5.1's formatter).
//!
//! Owns only string geometry: how many console cells a string takes, where to cut it, and how a long
//! line is word-wrapped. Knows nothing about values or views.

use unicode_width::UnicodeWidthChar;

/// Console cells taken by one character: East Asian wide characters take two, everything else one
/// (the console host counts combining marks as a cell too).
pub(crate) fn char_cells(c: char) -> usize {
    match UnicodeWidthChar::width(c) {
        Some(2) => 2,
        _ => 1,
    }
}

/// Console cells taken by a string.
pub(crate) fn cells(s: &str) -> usize {
    s.chars().map(char_cells).sum()
}

/// Byte length of the longest prefix of `s` that fits in `max_cells` cells (`GetHeadSplitLength`).
pub(crate) fn head_split(s: &str, max_cells: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = char_cells(c);
        if used + w > max_cells {
            return i;
        }
        used += w;
    }
    s.len()
}

/// Byte index where the longest suffix of `s` that fits in `max_cells` cells starts (`GetTailSplitLength`).
pub(crate) fn tail_split(s: &str, max_cells: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        let w = char_cells(c);
        if used + w > max_cells {
            return i + c.len_utf8();
        }
        used += w;
    }
    0
}

/// Splits on `\n` after dropping every `\r` (`StringManipulationHelper.SplitLines`).
pub(crate) fn split_lines(s: &str) -> Vec<String> {
    let cleaned: String = s.chars().filter(|c| *c != '\r').collect();
    cleaned.split('\n').map(str::to_string).collect()
}

const SOFT_HYPHEN: char = '\u{00AD}';
const HARD_HYPHEN: char = '\u{2011}';
const NO_BREAK_SPACE: char = '\u{00A0}';

/// Words and the delimiter that followed each (`StringManipulationHelper.GetWords`). A hard hyphen
/// or no-break space ends a word with an empty delimiter and is itself dropped, as in PowerShell.
fn words(s: &str) -> Vec<(String, Option<char>)> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c == ' ' || c == '\t' || c == SOFT_HYPHEN {
            out.push((std::mem::take(&mut word), Some(c)));
        } else if c == HARD_HYPHEN || c == NO_BREAK_SPACE {
            out.push((std::mem::take(&mut word), None));
        } else {
            word.push(c);
        }
    }
    out.push((word, None));
    out
}

/// Breaks `val` into screen lines: the first at most `first_len` cells, the others at most
/// `following_len` cells, breaking after spaces where possible and inside words that are longer than
/// a whole line (`GenerateLinesWithWordWrap`, used for English cultures). Embedded newlines always
/// break. Delimiting spaces stay at the end of the line they follow, so lines may end in spaces.
pub(crate) fn generate_lines(val: &str, first_len: usize, following_len: usize) -> Vec<String> {
    let mut out = Vec::new();
    if val.is_empty() {
        out.push(String::new());
        return out;
    }
    for line in split_lines(val) {
        if cells(&line) <= first_len {
            out.push(line);
            continue;
        }
        let mut spaces_left = first_len;
        let mut line_width = first_len;
        let mut first_line = true;
        let mut single = String::new();
        for (word, delim) in words(&line) {
            let mut to_add = word;
            match delim {
                // The hyphen shows only when the line breaks right there.
                Some(SOFT_HYPHEN) if cells(&to_add) + 1 == spaces_left => to_add.push('-'),
                Some(SOFT_HYPHEN) | None => {}
                Some(d) => to_add.push(d),
            }
            let word_width = cells(&to_add);
            if line_width == 0 {
                if first_line {
                    first_line = false;
                    line_width = following_len;
                }
                if line_width == 0 {
                    break;
                }
                spaces_left = line_width;
            }
            if word_width > line_width {
                for c in to_add.chars() {
                    let (c, w) = if char_cells(c) > line_width { ('?', 1) } else { (c, char_cells(c)) };
                    if w > spaces_left {
                        out.push(std::mem::take(&mut single));
                        single.push(c);
                        if first_line {
                            first_line = false;
                            line_width = following_len;
                        }
                        spaces_left = line_width.saturating_sub(w);
                    } else {
                        single.push(c);
                        spaces_left -= w;
                    }
                }
            } else if word_width > spaces_left {
                out.push(std::mem::take(&mut single));
                single.push_str(&to_add);
                if first_line {
                    first_line = false;
                    line_width = following_len;
                }
                spaces_left = line_width.saturating_sub(word_width);
            } else {
                single.push_str(&to_add);
                spaces_left -= word_width;
            }
        }
        out.push(single);
    }
    out
}

/// Cuts a string at its first line break and appends `...` (`TruncateAtNewLine`).
pub(crate) fn truncate_at_newline(s: &str, ellipsis: &str) -> String {
    match s.find(['\n', '\r']) {
        Some(i) => format!("{}{ellipsis}", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_keeping_the_delimiter() {
        assert_eq!(generate_lines("aaa bbb ccc", 8, 8), vec!["aaa bbb ", "ccc"]);
        assert_eq!(generate_lines("short", 10, 10), vec!["short"]);
    }

    #[test]
    fn splits_words_longer_than_a_line() {
        assert_eq!(generate_lines("ProhibitSendQuota", 15, 15), vec!["ProhibitSendQuo", "ta"]);
    }

    #[test]
    fn cuts_heads_and_tails_by_cells() {
        assert_eq!(head_split("abcdef", 3), 3);
        assert_eq!(&"abcdef"[tail_split("abcdef", 2)..], "ef");
        assert_eq!(cells("日本"), 4);
        assert_eq!(head_split("日本", 3), 3);
        assert_eq!(truncate_at_newline("a\nb", "..."), "a...");
    }
}
