//! Format-List's text: each object as `Name : value` lines between blank lines.

use super::cell::{display_string, is_scalar};
use super::format_objects::{Document, EntryInfo, Shape};
use super::{Formatting, cell_text, flatten, list};
use crate::value::{Value, convert};

/// Format-List: the text it emits for a console `width` columns wide: two blank lines, each object as
/// `Name : value` lines followed by a blank line, then two more blank lines. `props` selects and orders
/// properties (wildcards allowed, as `-Property`); `None` shows every property. Scalars print as their
/// own lines. Empty input gives an empty string.
pub fn format_list(values: &[Value], props: Option<&[String]>, fmt: &Formatting) -> String {
    format_list_values(values, props, fmt).text()
}

/// [`format_list`] as the document whose objects Format-List writes.
pub fn format_list_values(values: &[Value], props: Option<&[String]>, fmt: &Formatting) -> Document {
    let limit = fmt.cells();
    let entries: Vec<Result<Vec<(String, String)>, String>> = flatten(values)
        .iter()
        .map(|v| {
            if is_scalar(v) {
                return Err(display_string(v));
            }
            let Value::Object(o) = v else {
                return Err(display_string(v));
            };
            let o = o.borrow();
            let pairs = match props {
                None => o.iter().map(|(k, x)| (k.to_string(), cell_text(x, limit))).collect(),
                Some(patterns) => {
                    let mut pairs: Vec<(String, String)> = Vec::new();
                    for p in patterns {
                        let has_wildcard = p.contains(['*', '?', '[']);
                        if has_wildcard {
                            for (k, x) in o.iter() {
                                if convert::wildcard_match(p, k, false)
                                    && !pairs.iter().any(|(n, _)| n.eq_ignore_ascii_case(k))
                                {
                                    pairs.push((k.to_string(), cell_text(x, limit)));
                                }
                            }
                        } else if let Some(name) = o.canonical_name(p) {
                            let x = o.get(p).unwrap_or_default();
                            pairs.push((name.to_string(), cell_text(&x, limit)));
                        }
                    }
                    pairs
                }
            };
            Ok(pairs)
        })
        .collect();
    format_list_document(&entries, fmt)
}

/// Format-List over entries the cmdlet computed itself (calculated properties): each `Ok` entry is
/// (label, value text) pairs; each `Err` is a line printed as is (a scalar in the input).
pub fn format_list_entries(entries: &[Result<Vec<(String, String)>, String>], fmt: &Formatting) -> String {
    format_list_document(entries, fmt).text()
}

/// [`format_list_entries`] as the document whose objects Format-List writes: the start and group
/// start print a blank line each, each entry its `Name : value` lines and a blank line, the group
/// and format ends a blank line each; scalars are out-of-band entries printed as their lines.
pub fn format_list_document(entries: &[Result<Vec<(String, String)>, String>], fmt: &Formatting) -> Document {
    let mut doc = Document::default();
    let line = |l: &str| if fmt.exact_padding { format!("{l}\n") } else { format!("{}\n", l.trim_end_matches(' ')) };
    for e in entries {
        match e {
            Err(text) if doc.shape.is_none() => {
                doc.leading.push((EntryInfo::RawText(text.clone()), format!("{text}\n")))
            }
            Err(text) => doc.entries.push((true, EntryInfo::RawText(text.clone()), format!("{text}\n"))),
            Ok(pairs) => {
                if doc.shape.is_none() {
                    doc.shape = Some(Shape::List);
                    doc.start = "\n".into();
                    doc.group_start = "\n".into();
                    doc.group_end = "\n".into();
                    doc.end = "\n".into();
                }
                let labels: Vec<String> = pairs.iter().map(|(l, _)| l.clone()).collect();
                let values: Vec<String> = pairs.iter().map(|(_, v)| v.clone()).collect();
                let mut text: String =
                    list::entry_lines(&labels, &values, fmt.columns()).iter().map(|l| line(l)).collect();
                text.push('\n');
                doc.entries.push((false, EntryInfo::ListEntry(pairs.clone()), text));
            }
        }
    }
    doc
}
