//! Format-Table's text: an output session forced into one table, over the view's or the cmdlet's
//! columns.

use std::io::Write;

use super::cell::is_right_aligned;
use super::out_default::{Item, TableDoc};
use super::table::Align;
use super::views::{View, ViewShape, find_view, type_names_of};
use super::{Column, Formatting, OutDefault, TableOptions, cell_text, flatten, property_names};
use crate::value::Value;

/// Format-Table: the text it emits (blank line, header, rows, two blank lines), for a console `width`
/// columns wide. `columns` are the cmdlet's evaluated `-Property` columns (one value per input row);
/// `None` uses the first object's default view, else its properties (all of them, however many).
/// Scalars among `values` print as their own lines, in order. Empty input gives an empty string.
pub fn format_table(values: &[Value], columns: Option<&[Column]>, table: &TableOptions, fmt: &Formatting) -> String {
    format_table_counted(values, columns, table, fmt).0
}

/// [`format_table`], also counting the columns an autosized table had to hide.
pub fn format_table_counted(
    values: &[Value],
    columns: Option<&[Column]>,
    table: &TableOptions,
    fmt: &Formatting,
) -> (String, usize) {
    let mut out: Vec<u8> = Vec::new();
    let mut f = OutDefault::with(*fmt);
    let opts = &fmt.view;
    let rows = flatten(values);
    let first = rows.iter().position(|v| f.out_of_band(v).is_none());
    let Some(first_index) = first else {
        // Only scalars: they print as lines.
        for v in &rows {
            if let Some(item) = f.out_of_band(v) {
                let _ = f.write_item(&item, None, &mut out);
            }
        }
        return (String::from_utf8_lossy(&out).into_owned(), 0);
    };
    let first_value = &rows[first_index];
    let (labels, requested, aligns, properties, applies_to) = match columns {
        Some(cols) => (
            cols.iter().map(|c| c.label.clone()).collect::<Vec<_>>(),
            cols.iter().map(|c| c.width.unwrap_or(0)).collect::<Vec<_>>(),
            cols.iter()
                .map(|c| {
                    c.align.unwrap_or_else(|| match c.values.get(first_index) {
                        Some(x) if is_right_aligned(x) => Align::Right,
                        _ => Align::Left,
                    })
                })
                .collect::<Vec<_>>(),
            Vec::new(),
            None,
        ),
        None => match find_view(&type_names_of(first_value), opts) {
            Some(View { applies_to, shape: ViewShape::Table(cols) }) => (
                cols.iter().map(|c| c.label.clone()).collect(),
                cols.iter().map(|c| c.width).collect(),
                cols.iter().map(|c| c.align).collect(),
                cols.iter().map(|c| c.property.clone()).collect(),
                Some(applies_to),
            ),
            _ => {
                let props = property_names(first_value);
                let aligns = props
                    .iter()
                    .map(|p| {
                        if first_value.property(p).is_some_and(|x| is_right_aligned(&x)) {
                            Align::Right
                        } else {
                            Align::Left
                        }
                    })
                    .collect();
                (props.clone(), vec![0; props.len()], aligns, props, None)
            }
        },
    };
    let _ = writeln!(out);
    let t = TableDoc {
        applies_to,
        labels,
        properties,
        requested,
        aligns,
        wrap: table.wrap,
        hide_header: table.hide_headers,
        cache: None,
        layout: None,
        group: None,
    };
    let _ = f.open_table(t, table.autosize, &mut out);
    for (i, v) in rows.iter().enumerate() {
        if let Some(item) = f.out_of_band(v) {
            let _ = f.in_order(item, &mut out);
            continue;
        }
        match columns {
            Some(cols) => {
                let limit = fmt.enumeration_limit;
                let cells =
                    cols.iter().map(|c| c.values.get(i).map(|x| cell_text(x, limit)).unwrap_or_default()).collect();
                let _ = f.table_row(cells, &mut out);
            }
            None if f.applies(v) => {
                let _ = f.payload(v, &mut out);
            }
            None => {
                let lines = f.out_of_band_list(v);
                let _ = f.in_order(Item::Lines(lines), &mut out);
            }
        }
    }
    let _ = f.finish(&mut out);
    (String::from_utf8_lossy(&out).into_owned(), f.hidden)
}
