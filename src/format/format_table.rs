//! Format-Table's text: an output session forced into one table, over the view's or the cmdlet's
//! columns.

use std::io::Write;

use super::cell::{display_string, is_right_aligned};
use super::format_objects::{Document, EntryInfo, Shape};
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
    format_table_document(values, columns, table, fmt).0.text()
}

/// [`format_table`] as the document whose objects Format-Table writes, also counting the columns an
/// autosized table had to hide.
pub fn format_table_document(
    values: &[Value],
    columns: Option<&[Column]>,
    table: &TableOptions,
    fmt: &Formatting,
) -> (Document, usize) {
    let mut out: Vec<u8> = Vec::new();
    let mut f = OutDefault::with(*fmt);
    *f.record.borrow_mut() = Some(Vec::new());
    let opts = &fmt.view;
    let rows = flatten(values);
    let first = rows.iter().position(|v| f.out_of_band(v).is_none());
    let mut doc = Document { autosize: table.autosize, ..Document::default() };
    // Scalars ahead of the first object print before the table (5.1's out-of-band objects outside
    // the document sequence).
    for v in &rows[..first.unwrap_or(rows.len())] {
        if let Some(item) = f.out_of_band(v) {
            let _ = f.write_item(&item, None, &mut out);
            doc.leading.push((EntryInfo::RawText(display_string(v)), String::new()));
        }
    }
    let Some(first_index) = first else {
        let counts = f.record.take().unwrap_or_default();
        let text = String::from_utf8_lossy(&out).into_owned();
        doc.share(&text, &counts, doc.leading.len(), 0);
        return (doc, 0);
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
    doc.shape = Some(Shape::Table {
        hide_header: table.hide_headers,
        columns: labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let property = match columns {
                    Some(_) => None,
                    None => properties.get(i).cloned(),
                };
                (l.clone(), property, requested.get(i).copied().unwrap_or(0), aligns.get(i).copied())
            })
            .collect(),
    });
    let _ = writeln!(out);
    let t = TableDoc {
        applies_to,
        labels,
        properties: properties.clone(),
        requested,
        aligns,
        wrap: table.wrap,
        hide_header: table.hide_headers,
        cache: None,
        layout: None,
        group: None,
    };
    let _ = f.open_table(t, table.autosize, &mut out);
    let limit = fmt.cells();
    for (i, v) in rows.iter().enumerate().skip(first_index) {
        if let Some(item) = f.out_of_band(v) {
            let _ = f.in_order(item, &mut out);
            doc.entries.push((true, EntryInfo::RawText(display_string(v)), String::new()));
            continue;
        }
        match columns {
            Some(cols) => {
                let cells: Vec<String> =
                    cols.iter().map(|c| c.values.get(i).map(|x| cell_text(x, limit)).unwrap_or_default()).collect();
                doc.entries.push((false, EntryInfo::TableRow(cells.clone()), String::new()));
                let _ = f.table_row(cells, &mut out);
            }
            None if f.applies(v) => {
                let cells = properties.iter().map(|p| v.property(p).map(|x| cell_text(&x, limit)).unwrap_or_default());
                doc.entries.push((false, EntryInfo::TableRow(cells.collect()), String::new()));
                let _ = f.payload(v, &mut out);
            }
            None => {
                let lines = f.out_of_band_list(v);
                doc.entries.push((true, EntryInfo::RawText(lines.join("\n")), String::new()));
                let _ = f.in_order(Item::Lines(lines), &mut out);
            }
        }
    }
    let _ = f.finish(&mut out);
    let counts = f.record.take().unwrap_or_default();
    let text = String::from_utf8_lossy(&out).into_owned();
    doc.share(&text, &counts, doc.leading.len(), 1);
    (doc, f.hidden)
}
