//! Output formatting: Out-Default, tables, lists, error records, as Windows PowerShell 5.1 prints them
//! inside the Exchange Management Shell. Depends on `value` only; writes to `&mut dyn Write` or
//! returns strings, never to the process's streams.
//!
//! Files: `out_default` (the output session, [`OutDefault`]), `format_table` and `format_list` (the
//! text Format-Table and Format-List emit), `views` (the default views by type name), `table` and
//! `list` (the layouts), `cell` (one value in a cell), `text` (screen widths and line breaking),
//! `color` (console colours and warning lines), `error_view` (error records). This file holds the
//! settings they share and the small helpers that read values for them.
//!
//! `width` everywhere is the console buffer width (EMS widens the window to 120). Like 5.1's console
//! line output, layouts use one column less, so that no line ever fills the last column.

pub mod cell;
mod color;
pub mod error_view;
mod format_list;
pub mod format_objects;
mod format_table;
mod format_wide;
mod list;
mod out_default;
pub mod table;
mod text;
pub mod views;

use std::rc::Rc;

pub use color::{ANSI_RESET, ansi_background, ansi_foreground, colorize, warning_line};
pub use error_view::{
    ErrorStyle, ErrorView, parse_error_message, parse_error_record, position_message, position_message_in,
    render_error, render_error_in, render_error_lines, render_error_lines_in,
};
pub use format_list::{format_list, format_list_document, format_list_entries, format_list_values};
pub use format_table::{format_table, format_table_document};
pub use format_wide::{WideOptions, format_wide_document, wide_property};
pub use out_default::{MATCH_INFO_TYPE, OutDefault};
pub use table::Align;
pub use views::{View, ViewColumn, ViewShape, find_view};

use crate::value::{PsObject, Value};
use cell::display_string;
pub use cell::{CellStyle, cell_text};

/// Which shell's views to use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// Exchange Online views (Get-Mailbox shows Database and ExternalDirectoryObjectId; folder
    /// permissions add SharingPermissionFlags).
    pub online: bool,
    /// Exchange 2010: folder permissions print as a list, and the shell is PowerShell 2.0, which has no
    /// autosizing cache (unsized columns share the screen instead).
    pub exchange2010: bool,
}

/// Everything a formatter needs besides the objects: console width, views, and how strictly to
/// imitate the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formatting {
    /// Console buffer width (layouts use one column less, as 5.1's console output does).
    pub width: usize,
    /// Which views.
    pub view: ViewOptions,
    /// `$FormatEnumerationLimit`: 16 in EMS (RemoteExchange.ps1), 4 in plain PowerShell; `None` = -1.
    pub enumeration_limit: Option<usize>,
    /// What marks cut text and collections: 5.1's `...`, PowerShell 7's `…` (Online).
    pub ellipsis: &'static str,
    /// Keep the trailing spaces 5.1 really writes (every table cell padded to its width, `Name : ` with
    /// an empty value, wrapped error lines). Off by default: lines are right-trimmed, so the last column
    /// is not padded.
    pub exact_padding: bool,
    /// How error records print (`$ErrorView`, and whose view script: 5.1's or PowerShell 7's).
    pub error_style: ErrorStyle,
}

impl Formatting {
    /// EMS defaults for a console `width` columns wide: enumeration limit 16, trimmed lines.
    pub fn new(width: usize, view: ViewOptions) -> Self {
        Formatting {
            width,
            view,
            enumeration_limit: Some(16),
            ellipsis: if view.online { table::ELLIPSIS_7 } else { table::ELLIPSIS_51 },
            exact_padding: false,
            error_style: ErrorStyle::from_variable(None, view.online),
        }
    }

    /// How values print in cells: the enumeration limit and the ellipsis.
    pub fn cells(&self) -> CellStyle {
        CellStyle { limit: self.enumeration_limit, ellipsis: self.ellipsis }
    }

    /// Whether tables with an unsized first column are autosized (PowerShell 5.1's cache).
    fn autosizes(&self) -> bool {
        !self.view.exchange2010
    }

    /// The usable screen columns (5.1's console line output never writes the last column).
    fn columns(&self) -> usize {
        self.width.saturating_sub(1)
    }
}

/// A column handed to [`format_table`] by Format-Table, with the values the cmdlet computed for it.
#[derive(Debug, Clone, Default)]
pub struct Column {
    /// Header text.
    pub label: String,
    /// One value per input row (missing rows print empty).
    pub values: Vec<Value>,
    /// `Width` of a calculated property; `None` lets the table decide.
    pub width: Option<usize>,
    /// `Alignment` of a calculated property; `None` = right for numbers/booleans of the first row,
    /// left otherwise.
    pub align: Option<Align>,
}

/// Format-Table switches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// `-AutoSize`.
    pub autosize: bool,
    /// `-Wrap`: long cells continue on more lines instead of being cut with `...`.
    pub wrap: bool,
    /// `-HideTableHeaders`.
    pub hide_headers: bool,
}

/// Property names of an object in declaration order (nothing for other values).
fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().names().iter().map(|n| n.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Labels and cell texts of all of an object's properties.
fn own_properties(v: &Value, limit: CellStyle) -> (Vec<String>, Vec<String>) {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            o.iter().map(|(k, x)| (k.to_string(), cell_text(x, limit))).unzip()
        }
        other => (vec!["Length".into()], vec![display_string(other).chars().count().to_string()]),
    }
}

/// A hashtable entry as the object PowerShell enumerates (`DictionaryEntry`: Name, Key, Value).
fn dictionary_entry(k: &Value, v: &Value) -> Value {
    let mut o = PsObject::new(&[views::DICTIONARY_ENTRY, "System.ValueType", "System.Object"]);
    o.set("Name", k.clone());
    o.set("Key", k.clone());
    o.set("Value", v.clone());
    o.display = Some(Rc::from("System.Collections.DictionaryEntry"));
    Value::object(o)
}

/// Arrays flattened one level and hashtables turned into their entries, as the pipeline feeds them.
fn flatten(values: &[Value]) -> Vec<Value> {
    let mut rows = Vec::new();
    for v in values {
        match v {
            Value::Null => {}
            Value::Array(a) => rows.extend(a.borrow().iter().filter(|x| !x.is_null()).cloned()),
            Value::Hashtable(h) => rows.extend(h.borrow().iter().map(|(k, x)| dictionary_entry(k, x))),
            other => rows.push(value_type_object(other).unwrap_or_else(|| other.clone())),
        }
    }
    rows
}

/// A .NET value type that formats through its properties (`[TimeSpan]`, `[Version]`, `[Guid]`) as
/// the object the views see: its properties in .NET's declaration order (`Guid` gets the `Guid`
/// property PowerShell's types.ps1xml adds), its type names, and its `ToString()` as display.
pub fn value_type_object(v: &Value) -> Option<Value> {
    let names: &[&str] = match v {
        // The list view of DotNetTypes.format.ps1xml (seen: `New-TimeSpan` in a 5.1 console).
        Value::TimeSpan(_) => &[
            "Days",
            "Hours",
            "Minutes",
            "Seconds",
            "Milliseconds",
            "Ticks",
            "TotalDays",
            "TotalHours",
            "TotalMinutes",
            "TotalSeconds",
            "TotalMilliseconds",
        ],
        Value::Version(_) => &["Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision"],
        Value::Guid(_) => &[],
        _ => return None,
    };
    let mut o = PsObject::new(&[&v.type_name(), "System.ValueType", "System.Object"]);
    for n in names {
        o.set(n, v.property(n).unwrap_or(Value::Null));
    }
    if let Value::Guid(_) = v {
        o.set("Guid", Value::str(crate::value::convert::to_string(v)));
    }
    o.display = Some(Rc::from(crate::value::convert::to_string(v).as_str()));
    Some(Value::object(o))
}

#[cfg(test)]
mod tests;
