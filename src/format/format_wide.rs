//! Format-Wide's document: one property of each object, several objects to a line.
//!
//! As 5.1's `WideOutputContext` lays it out (BaseOutputtingCommand.cs): `-Column` items per row, 2
//! when neither it nor `-AutoSize` is given; `-AutoSize` fits as many columns of the widest value as
//! the screen holds (`TableWriter.ComputeWideViewBestItemsPerRowFit`: one more column while
//! `width * n + (n - 1)` stays under the screen). Every column is unsized, so they share the screen
//! as a table's unsized columns do, and values too long for their column end in `...`. A row is
//! written when it is full; the last, partial row when the group ends.

use super::format_objects::{Document, EntryInfo, Shape};
use super::table::{Align, Layout};
use super::{Formatting, text};
use crate::value::Value;

/// Format-Wide's switches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WideOptions {
    /// `-Column`.
    pub columns: Option<usize>,
    /// `-AutoSize`.
    pub autosize: bool,
}

/// The property Format-Wide shows when `-Property` is not given and no wide view exists:
/// PowerShell's `GetDisplayNameExpression` tries `name`, `id`, `key`, `*key`, `*name`, `*id` in
/// turn (the first property matching, in the object's order; PSComputerName, PSShowComputerName,
/// RunspaceId and PSSourceJobInstanceId never count), then falls back to the first property.
pub fn wide_property(v: &Value) -> Option<String> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    const SKIP: [&str; 4] = ["PSComputerName", "PSShowComputerName", "RunspaceId", "PSSourceJobInstanceId"];
    let names: Vec<String> =
        o.names().iter().filter(|n| !SKIP.iter().any(|s| s.eq_ignore_ascii_case(n))).map(|n| n.to_string()).collect();
    for pattern in ["name", "id", "key", "*key", "*name", "*id"] {
        if let Some(n) = names.iter().find(|n| crate::value::convert::wildcard_match(pattern, n, false)) {
            return Some(n.clone());
        }
    }
    names.into_iter().next()
}

/// Format-Wide over values the cmdlet computed: each `Ok` is an object's cell text, each `Err` a
/// scalar printed as its own line (out of band).
pub fn format_wide_document(cells: &[Result<String, String>], opts: &WideOptions, fmt: &Formatting) -> Document {
    let mut doc = Document { autosize: opts.autosize, ..Document::default() };
    let screen = fmt.columns();
    let widest = cells.iter().filter_map(|c| c.as_ref().ok()).map(|s| text::cells(s)).max().unwrap_or(0);
    let per_row = match (opts.autosize, opts.columns) {
        (true, _) => best_fit(widest, screen),
        (false, Some(n)) => n.max(1),
        (false, None) => 2,
    };
    let layout = Layout::new(screen, &vec![0; per_row], &vec![Align::Left; per_row], fmt.ellipsis);
    let row_text = |values: &[String]| -> String {
        let mut values = values.to_vec();
        values.resize(per_row, String::new());
        match &layout {
            Some(l) if fmt.exact_padding => format!("{}\n", l.row(&values)),
            Some(l) => format!("{}\n", l.row(&values).trim_end_matches(' ')),
            None => String::new(),
        }
    };
    let mut row: Vec<String> = Vec::new();
    for c in cells {
        match c {
            Err(t) if doc.shape.is_none() => doc.leading.push((EntryInfo::RawText(t.clone()), format!("{t}\n"))),
            Err(t) => doc.entries.push((true, EntryInfo::RawText(t.clone()), format!("{t}\n"))),
            Ok(v) => {
                if doc.shape.is_none() {
                    doc.shape = Some(Shape::Wide { columns: if opts.autosize { 0 } else { per_row } });
                    doc.start = "\n".into();
                    doc.end = "\n".into();
                }
                row.push(v.clone());
                let text = if row.len() == per_row { row_text(&std::mem::take(&mut row)) } else { String::new() };
                doc.entries.push((false, EntryInfo::WideEntry(v.clone()), text));
            }
        }
    }
    if doc.shape.is_some() {
        doc.group_end = if row.is_empty() { String::new() } else { row_text(&row) };
        doc.group_end.push('\n');
    }
    doc
}

/// `ComputeWideViewBestItemsPerRowFit`: how many columns of `len` cells (one space between them)
/// fit in `screen` columns.
fn best_fit(len: usize, screen: usize) -> usize {
    if len == 0 || screen < 1 || len >= screen {
        return 1;
    }
    let mut n = 1;
    while len * (n + 1) + n < screen {
        n += 1;
    }
    n
}
