//! Table layout as Windows PowerShell 5.1's `TableWriter` and `ColumnWidthManager` do it: column
//! widths, the header and its `----` underline, padding, alignment and truncation with `...`.
//!
//! Owns only the geometry of one table given its labels, widths and cell strings. Which columns a
//! type shows lives in `views`; when the table starts and ends lives in `mod.rs` (Out-Default).

use super::text::{cells, generate_lines, head_split, tail_split, truncate_at_newline};

/// Horizontal alignment of a column (`TextAlignment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Text pads on the right (the default).
    #[default]
    Left,
    /// Numbers pad on the left; cut text keeps its tail (`...ef`).
    Right,
    /// Padding split on both sides.
    Center,
}

/// `TableWriter`'s constants: one space between columns, at least 5 usable screen columns.
const SEPARATOR: usize = 1;
const MINIMUM_SCREEN_COLUMNS: usize = 5;
const MINIMUM_COLUMN_WIDTH: i64 = 1;
/// What marks cut text: Windows PowerShell 5.1's three dots, PowerShell 7's one `…`
/// (`PSObjectHelper.EllipsisStr`).
pub(crate) const ELLIPSIS_51: &str = "...";
pub(crate) const ELLIPSIS_7: &str = "\u{2026}";

/// The resolved geometry of one table: a width per column (`<= 0` = hidden) and an alignment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    widths: Vec<i64>,
    aligns: Vec<Align>,
    ellipsis: &'static str,
}

impl Layout {
    /// Fits the requested widths (0 = "give me what is left") into `table_width` screen columns
    /// (`ColumnWidthManager.CalculateColumnWidths`): unsized columns share the free space one cell at a
    /// time from the left; when the table is too wide, the last visible column shrinks or disappears.
    /// `None` when nothing can be shown (fewer than 5 screen columns, or every column hidden).
    pub(crate) fn new(
        table_width: usize,
        requested: &[usize],
        aligns: &[Align],
        ellipsis: &'static str,
    ) -> Option<Layout> {
        if table_width < MINIMUM_SCREEN_COLUMNS || requested.is_empty() {
            return None;
        }
        let mut widths: Vec<i64> = requested.iter().map(|w| *w as i64).collect();
        if !assign_widths(table_width as i64, &mut widths) {
            trim_to_fit(table_width as i64, &mut widths);
        }
        if !widths.iter().any(|w| *w >= MINIMUM_COLUMN_WIDTH) {
            return None;
        }
        let mut aligns = aligns.to_vec();
        aligns.resize(widths.len(), Align::Left);
        Some(Layout { widths, aligns, ellipsis })
    }

    /// How many columns did not fit and were hidden.
    pub(crate) fn hidden(&self) -> usize {
        self.widths.iter().filter(|w| **w <= 0).count()
    }

    /// The header lines: labels (wrapped onto several lines when wider than their column), then the
    /// underline of dashes as long as the label (or the column, when the label is wider).
    pub(crate) fn header(&self, labels: &[String]) -> Vec<String> {
        let mut lines = self.multi_line_row(labels);
        let dashes: Vec<String> = self
            .widths
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if *w <= 0 {
                    return String::new();
                }
                let label = labels.get(k).map(String::as_str).unwrap_or("");
                let count = if label.is_empty() { *w as usize } else { cells(label).min(*w as usize) };
                "-".repeat(count)
            })
            .collect();
        lines.push(self.row(&dashes));
        lines
    }

    /// One data row on one line: each cell padded or cut with `...` (`GenerateRow`).
    pub(crate) fn row(&self, values: &[String]) -> String {
        let mut sb = String::new();
        for (k, w) in self.widths.iter().enumerate() {
            if *w <= 0 {
                continue;
            }
            if k > 0 {
                sb.push(' ');
            }
            let v = values.get(k).map(String::as_str).unwrap_or("");
            sb.push_str(&field(v, *w as usize, self.aligns[k], self.ellipsis));
        }
        sb
    }

    /// One row whose cells wrap onto as many lines as they need (`GenerateTableRow`; used for the
    /// header and for `Format-Table -Wrap`).
    pub(crate) fn multi_line_row(&self, values: &[String]) -> Vec<String> {
        let mut columns: Vec<Vec<String>> = Vec::new();
        let mut pads: Vec<usize> = Vec::new();
        for (k, w) in self.widths.iter().enumerate() {
            if *w <= 0 {
                continue;
            }
            let w = *w as usize;
            let v = values.get(k).map(String::as_str).unwrap_or("");
            let sep = if columns.is_empty() { 0 } else { SEPARATOR };
            let lines: Vec<String> = generate_lines(v, w, w)
                .into_iter()
                .map(|l| {
                    let l = if cells(&l) < w { field(&l, w, self.aligns[k], self.ellipsis) } else { l };
                    format!("{}{}", " ".repeat(sep), l)
                })
                .collect();
            columns.push(lines);
            pads.push(w + sep);
        }
        let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
        (0..rows)
            .map(|r| {
                columns
                    .iter()
                    .zip(&pads)
                    .map(|(c, pad)| c.get(r).cloned().unwrap_or_else(|| " ".repeat(*pad)))
                    .collect::<String>()
            })
            .collect()
    }
}

/// `ColumnWidthManager.AssignColumnWidths`: true when the table fits without trimming.
fn assign_widths(table_width: i64, widths: &mut [i64]) -> bool {
    if widths.iter().all(|w| *w > 0) {
        let sum: i64 = widths.iter().sum::<i64>() + SEPARATOR as i64 * (widths.len() as i64 - 1);
        return sum <= table_width;
    }
    let fixed: Vec<bool> = widths.iter().map(|w| *w > 0).collect();
    for w in widths.iter_mut() {
        if *w == 0 {
            *w = MINIMUM_COLUMN_WIDTH;
        }
    }
    let mut available = table_width - current_width(widths);
    if available < 0 {
        return false;
    }
    // One cell at a time from the left, round robin: each unsized column gets the same share and
    // the first `available % n` one more (computed at once, so a huge `-Width` costs nothing).
    let unsized_count = fixed.iter().filter(|f| !**f).count() as i64;
    if unsized_count > 0 && available > 0 {
        let (share, extra) = (available / unsized_count, available % unsized_count);
        for (k, (w, _)) in widths.iter_mut().zip(&fixed).filter(|(_, f)| !**f).enumerate() {
            *w += share + i64::from((k as i64) < extra);
        }
        available = 0;
    }
    available == 0
}

/// `ColumnWidthManager.TrimToFit`: shrink the last visible column, or hide it when it would get
/// narrower than one cell, until the table fits.
fn trim_to_fit(table_width: i64, widths: &mut [i64]) {
    loop {
        let excess = current_width(widths) - table_width;
        if excess <= 0 {
            return;
        }
        let Some(last) = last_visible(widths) else {
            return;
        };
        let shrunk = widths[last] - excess;
        if shrunk < MINIMUM_COLUMN_WIDTH {
            widths[last] = -1;
        } else {
            widths[last] = shrunk;
        }
    }
}

fn current_width(widths: &[i64]) -> i64 {
    let visible: Vec<i64> = widths.iter().copied().filter(|w| *w > 0).collect();
    visible.iter().sum::<i64>() + SEPARATOR as i64 * (visible.len() as i64 - 1)
}

/// The column before the first hidden one (`GetLastVisibleColumn`).
fn last_visible(widths: &[i64]) -> Option<usize> {
    match widths.iter().position(|w| *w < 0) {
        Some(0) => None,
        Some(k) => Some(k - 1),
        None => widths.len().checked_sub(1),
    }
}

/// One cell padded to `width` cells, or cut to it with `...` (`GenerateRowField`). Text after a line
/// break is dropped and replaced by `...` first.
pub(crate) fn field(val: &str, width: usize, align: Align, ellipsis: &str) -> String {
    let mut s = truncate_at_newline(val, ellipsis);
    let len = cells(&s);
    if len < width {
        let pad = width - len;
        s = match align {
            Align::Right => format!("{}{s}", " ".repeat(pad)),
            Align::Center => format!("{}{s}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2)),
            Align::Left => format!("{s}{}", " ".repeat(pad)),
        };
    } else if len > width {
        let dots = cells(ellipsis);
        if width > dots {
            let keep = width - dots;
            s = match align {
                Align::Right => format!("{ellipsis}{}", &s[tail_split(&s, keep)..]),
                _ => format!("{}{ellipsis}", &s[..head_split(&s, keep)]),
            };
        } else {
            s = match align {
                Align::Right => s[tail_split(&s, width)..].to_string(),
                _ => s[..head_split(&s, width)].to_string(),
            };
        }
    }
    // A cut double-cell character can leave the cell one short.
    let len = cells(&s);
    if len < width {
        let pad = " ".repeat(width - len);
        s = if align == Align::Right { format!("{pad}{s}") } else { format!("{s}{pad}") };
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(table_width: usize, req: &[usize]) -> Vec<i64> {
        Layout::new(table_width, req, &[], ELLIPSIS_51).map(|l| l.widths).unwrap_or_default()
    }

    #[test]
    fn unsized_columns_share_the_rest_round_robin() {
        // Get-User at a 120-column console (119 usable): two unsized columns of 59.
        assert_eq!(layout(119, &[0, 0]), vec![59, 59]);
        assert_eq!(layout(119, &[20, 20, 0, 11, 5]), vec![20, 20, 59, 11, 5]);
        assert_eq!(layout(79, &[25, 20, 16, 0]), vec![25, 20, 16, 15]);
    }

    #[test]
    fn too_wide_tables_lose_their_last_columns() {
        assert_eq!(layout(20, &[10, 10, 10]), vec![10, 9, -1]);
        assert_eq!(layout(10, &[10, 10]), vec![10, -1]);
        assert!(Layout::new(4, &[1], &[], ELLIPSIS_51).is_none());
    }

    #[test]
    fn fields_pad_and_cut() {
        assert_eq!(field("abc", 5, Align::Left, ELLIPSIS_51), "abc  ");
        assert_eq!(field("abc", 5, Align::Right, ELLIPSIS_51), "  abc");
        assert_eq!(field("abc", 6, Align::Center, ELLIPSIS_51), " abc  ");
        assert_eq!(field("contoso.com/Users/Kim Akers", 20, Align::Left, ELLIPSIS_51), "contoso.com/Users...");
        assert_eq!(field("abcdefgh", 6, Align::Right, ELLIPSIS_51), "...fgh");
        assert_eq!(field("abcd", 3, Align::Left, ELLIPSIS_51), "abc");
        assert_eq!(field("two\nlines", 10, Align::Left, ELLIPSIS_51), "two...    ");
    }

    #[test]
    fn header_wraps_labels_wider_than_their_column() {
        let l = Layout::new(79, &[25, 20, 16, 0], &[], ELLIPSIS_51).expect("fits");
        let labels: Vec<String> =
            ["Name", "Alias", "ServerName", "ProhibitSendQuota"].iter().map(|s| s.to_string()).collect();
        let h = l.header(&labels);
        assert_eq!(h.len(), 3);
        assert_eq!(
            h[0],
            format!("Name{}Alias{}ServerName{}ProhibitSendQuo", " ".repeat(22), " ".repeat(16), " ".repeat(7))
        );
        assert_eq!(h[1], format!("{}ta{}", " ".repeat(64), " ".repeat(13)));
        assert!(h[2].ends_with(" ---------------"));
    }
}
