//! Format-List's text: each object as `Name : value` lines between blank lines.

use super::cell::{display_string, is_scalar};
use super::{Formatting, cell_text, flatten, list};
use crate::value::{Value, convert};

/// Format-List: the text it emits for a console `width` columns wide: two blank lines, each object as
/// `Name : value` lines followed by a blank line, then two more blank lines. `props` selects and orders
/// properties (wildcards allowed, as `-Property`); `None` shows every property. Scalars print as their
/// own lines. Empty input gives an empty string.
pub fn format_list(values: &[Value], props: Option<&[String]>, fmt: &Formatting) -> String {
    let limit = fmt.enumeration_limit;
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
    format_list_entries(&entries, fmt)
}

/// Format-List over entries the cmdlet computed itself (calculated properties): each `Ok` entry is
/// (label, value text) pairs; each `Err` is a line printed as is (a scalar in the input).
pub fn format_list_entries(entries: &[Result<Vec<(String, String)>, String>], fmt: &Formatting) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut raw: Vec<bool> = Vec::new();
    let mut started = false;
    for e in entries {
        match e {
            Err(text) => {
                lines.push(text.clone());
                raw.push(true);
            }
            Ok(pairs) => {
                if !started {
                    started = true;
                    lines.extend([String::new(), String::new()]);
                    raw.extend([false, false]);
                }
                let labels: Vec<String> = pairs.iter().map(|(l, _)| l.clone()).collect();
                let values: Vec<String> = pairs.iter().map(|(_, v)| v.clone()).collect();
                for l in list::entry_lines(&labels, &values, fmt.columns()) {
                    lines.push(l);
                    raw.push(false);
                }
                lines.push(String::new());
                raw.push(false);
            }
        }
    }
    if started {
        lines.extend([String::new(), String::new()]);
        raw.extend([false, false]);
    }
    let mut s = String::new();
    for (l, is_raw) in lines.iter().zip(&raw) {
        if *is_raw || fmt.exact_padding {
            s.push_str(l);
        } else {
            s.push_str(l.trim_end_matches(' '));
        }
        s.push('\n');
    }
    s
}
