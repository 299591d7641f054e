//! One object as a `Name : value` list, as Windows PowerShell 5.1's `ListWriter` prints it.
//!
//! Owns the lines of one list entry: labels padded to the longest label of that object, values
//! word-wrapped at the screen width with continuation lines indented under the value column, embedded
//! newlines honoured. The blank lines around entries belong to `mod.rs` (Out-Default).

use super::text::{cells, generate_lines, head_split, split_lines};

const SEPARATOR: &str = " : ";

/// The lines of one entry for a screen `columns` wide (already the usable width, one less than the
/// console buffer). Empty when the screen is too narrow or there is nothing to show.
pub(crate) fn entry_lines(labels: &[String], values: &[String], columns: usize) -> Vec<String> {
    let mut out = Vec::new();
    if labels.is_empty() || columns < SEPARATOR.len() + 2 {
        return out;
    }
    let max_label = columns - SEPARATOR.len() - 1;
    let label_len = labels.iter().map(|l| cells(l)).max().unwrap_or(0).min(max_label);
    let padded: Vec<String> = labels
        .iter()
        .map(|l| {
            let n = cells(l);
            let l = if n > label_len { l[..head_split(l, label_len)].to_string() } else { l.clone() };
            let fill = label_len.saturating_sub(cells(&l));
            format!("{l}{}{SEPARATOR}", " ".repeat(fill))
        })
        .collect();
    let indent_len = label_len + SEPARATOR.len();
    let indent = " ".repeat(indent_len);
    let field_width = columns - indent_len;
    for (k, label) in padded.iter().enumerate() {
        let value = values.get(k).map(String::as_str).unwrap_or("");
        for (i, line) in split_lines(value).iter().enumerate() {
            let prefix = if i == 0 { label.as_str() } else { indent.as_str() };
            for (j, piece) in generate_lines(line, field_width, field_width).iter().enumerate() {
                let p = if j == 0 { prefix } else { indent.as_str() };
                out.push(format!("{p}{piece}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn labels_pad_to_the_longest() {
        let l = entry_lines(&s(&["Name", "AccessRights"]), &s(&["kim", "{Editor}"]), 119);
        assert_eq!(l, s(&["Name         : kim", "AccessRights : {Editor}"]));
    }

    #[test]
    fn long_and_multi_line_values_indent_under_the_value() {
        let l = entry_lines(&s(&["A", "Notes"]), &s(&["one two three four", "x\ny"]), 20);
        assert_eq!(l, s(&["A     : one two ", "        three four", "Notes : x", "        y"]));
        let l = entry_lines(&s(&["Empty"]), &s(&[""]), 40);
        assert_eq!(l, s(&["Empty : "]));
    }
}
