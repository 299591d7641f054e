//! Output formatting: Out-Default, tables, lists, error records, as Windows PowerShell 5.1 prints them
//! inside the Exchange Management Shell. Depends on `value` only; writes to `&mut dyn Write` or
//! returns strings, never to the process's streams.
//!
//! How Out-Default works in 5.1 (`FormatDefault` + `OutCommandInner`), which [`OutDefault`] mirrors:
//! - One Out-Default serves a whole run (a script, or one interactive command line). The *first*
//!   object that is not a scalar picks the view; the document starts with a blank line.
//! - Later objects the view applies to add rows to the same table (one header). With no registered
//!   view (e.g. `[PSCustomObject]`), every later object applies and gets the *first* object's columns.
//!   Objects the view does not apply to print on their own as a list between blank lines, and never
//!   end the table ("out of band").
//! - Strings, numbers, booleans and enums print their `ToString()` line in order, inside or outside
//!   a table ("out of band"). So do error records (the error view) and pre-formatted text.
//! - The table's end (a blank line from the group end, another from the document end) comes when the
//!   run finishes.
//! - Tables whose first column has no width are cached and autosized to their content when the run
//!   ends (5.1 caches for 300 ms; exsh runs fast enough that the whole run falls inside the window).
//!   Host output (Write-Host, warnings, `What if:`) is written at once, so it can appear before such a
//!   table, exactly as in 5.1; after a fixed-width table's last row it follows with no blank line.
//!
//! `width` everywhere is the console buffer width (EMS widens the window to 120). Like 5.1's console
//! line output, layouts use one column less, so that no line ever fills the last column.

pub mod cell;
pub mod error_view;
mod list;
pub mod table;
mod text;
pub mod views;

use std::io::{self, Write};
use std::rc::Rc;

pub use error_view::{parse_error_message, parse_error_record, position_message, render_error, render_error_lines};
pub use table::Align;
pub use views::{View, ViewColumn, ViewShape, find_view};

use crate::value::{ErrorRecord, PsObject, Value, convert};
pub use cell::cell_text;
use cell::{display_string, is_right_aligned, is_scalar};
use table::Layout;

/// Type name of pre-rendered text (what Format-Table and Format-List emit): an object with this type
/// and a `display` holding the text. Out-Default prints the text verbatim.
pub const FORMATTED_TYPE: &str = "exsh.FormattedText";

/// Type name of an error record turned into a value (`ErrorRecord::to_value`).
const ERROR_RECORD_TYPE: &str = "System.Management.Automation.ErrorRecord";

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
    /// Keep the trailing spaces 5.1 really writes (every table cell padded to its width, `Name : ` with
    /// an empty value, wrapped error lines). Off by default: lines are right-trimmed, so the last column
    /// is not padded.
    pub exact_padding: bool,
}

impl Formatting {
    /// EMS defaults for a console `width` columns wide: enumeration limit 16, trimmed lines.
    pub fn new(width: usize, view: ViewOptions) -> Self {
        Formatting { width, view, enumeration_limit: Some(16), exact_padding: false }
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

/// ANSI escape sequence for a `[ConsoleColor]` name as a foreground colour (Write-Host
/// `-ForegroundColor`), or `None` for an unknown name.
pub fn ansi_foreground(color: &str) -> Option<&'static str> {
    let code = match color.to_ascii_lowercase().as_str() {
        "black" => "\x1b[30m",
        "darkblue" => "\x1b[34m",
        "darkgreen" => "\x1b[32m",
        "darkcyan" => "\x1b[36m",
        "darkred" => "\x1b[31m",
        "darkmagenta" => "\x1b[35m",
        "darkyellow" => "\x1b[33m",
        "gray" => "\x1b[37m",
        "darkgray" => "\x1b[90m",
        "blue" => "\x1b[94m",
        "green" => "\x1b[92m",
        "cyan" => "\x1b[96m",
        "red" => "\x1b[91m",
        "magenta" => "\x1b[95m",
        "yellow" => "\x1b[93m",
        "white" => "\x1b[97m",
        _ => return None,
    };
    Some(code)
}

/// ANSI escape sequence for a `[ConsoleColor]` name as a background colour (`-BackgroundColor`).
pub fn ansi_background(color: &str) -> Option<&'static str> {
    let code = match color.to_ascii_lowercase().as_str() {
        "black" => "\x1b[40m",
        "darkblue" => "\x1b[44m",
        "darkgreen" => "\x1b[42m",
        "darkcyan" => "\x1b[46m",
        "darkred" => "\x1b[41m",
        "darkmagenta" => "\x1b[45m",
        "darkyellow" => "\x1b[43m",
        "gray" => "\x1b[47m",
        "darkgray" => "\x1b[100m",
        "blue" => "\x1b[104m",
        "green" => "\x1b[102m",
        "cyan" => "\x1b[106m",
        "red" => "\x1b[101m",
        "magenta" => "\x1b[105m",
        "yellow" => "\x1b[103m",
        "white" => "\x1b[107m",
        _ => return None,
    };
    Some(code)
}

/// Resets colours.
pub const ANSI_RESET: &str = "\x1b[0m";

/// `text` wrapped in colour codes (only for terminals; unknown colour names leave it plain).
pub fn colorize(text: &str, foreground: Option<&str>, background: Option<&str>) -> String {
    let fg = foreground.and_then(ansi_foreground).unwrap_or("");
    let bg = background.and_then(ansi_background).unwrap_or("");
    if fg.is_empty() && bg.is_empty() { text.to_string() } else { format!("{fg}{bg}{text}{ANSI_RESET}") }
}

/// A warning line as the console shows it (`WARNING: <text>`), yellow on terminals.
pub fn warning_line(message: &str, color: bool) -> String {
    let line = format!("WARNING: {message}");
    if color { colorize(&line, Some("Yellow"), None) } else { line }
}

/// Something waiting in the autosize cache or written in order with the rows.
#[derive(Debug, Clone)]
enum Item {
    /// Cells of one table row.
    Row(Vec<String>),
    /// Lines the formatter made (right-trimmed unless `exact_padding`).
    Lines(Vec<String>),
    /// Raw text written as is (a scalar's `ToString()`, pre-formatted text).
    Raw(String),
}

/// The open table of a run.
#[derive(Debug)]
struct TableDoc {
    /// The view's type; `None` for a table made from the first object's properties.
    applies_to: Option<&'static str>,
    labels: Vec<String>,
    properties: Vec<String>,
    requested: Vec<usize>,
    aligns: Vec<Align>,
    wrap: bool,
    hide_header: bool,
    /// `Some` while rows are cached for autosizing; `None` once the header is out.
    cache: Option<Vec<Item>>,
    /// The layout once decided (`None` also when the screen is too narrow to show anything).
    layout: Option<Layout>,
}

/// What the run is in the middle of.
#[derive(Debug)]
enum Doc {
    /// Nothing has started.
    Idle,
    /// A table.
    Table(TableDoc),
    /// A list; `properties` `None` = each object's own properties.
    List { applies_to: Option<&'static str>, properties: Option<Vec<(String, String)>> },
    /// Dates (`Get-Date`): one line each.
    Dates,
}

/// The streaming formatter of one output session (PowerShell's Out-Default for a whole script run or
/// one interactive command line). Feed it objects, errors and host text in order; call
/// [`OutDefault::finish`] at the end of the run.
#[derive(Debug)]
pub struct OutDefault {
    fmt: Formatting,
    doc: Doc,
}

impl OutDefault {
    /// A formatter for a console `width` columns wide (the buffer width, e.g. 120 in EMS).
    pub fn new(width: usize, opts: ViewOptions) -> Self {
        OutDefault::with(Formatting::new(width, opts))
    }

    /// A formatter with explicit settings (enumeration limit, exact padding).
    pub fn with(fmt: Formatting) -> Self {
        OutDefault { fmt, doc: Doc::Idle }
    }

    /// True when nothing is open (no table or list waiting for its end).
    pub fn is_idle(&self) -> bool {
        matches!(self.doc, Doc::Idle)
    }

    /// Formats one pipeline object. Arrays print element by element; hashtables as their entries;
    /// `$null` prints nothing.
    pub fn object(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        match v {
            Value::Null => Ok(()),
            Value::Array(a) => {
                let items = a.borrow().clone();
                for item in &items {
                    self.single(item, out)?;
                }
                Ok(())
            }
            Value::Hashtable(h) => {
                let entries: Vec<Value> = h.borrow().iter().map(|(k, v)| dictionary_entry(k, v)).collect();
                for e in &entries {
                    self.single(e, out)?;
                }
                Ok(())
            }
            other => self.single(other, out),
        }
    }

    /// Formats an error record from the error stream, in order with the objects (5.1 merges the
    /// error stream into Out-Default).
    pub fn error(&mut self, e: &ErrorRecord, out: &mut dyn Write) -> io::Result<()> {
        let lines = self.trimmed(render_error_lines(e, self.fmt.width, true));
        self.in_order(Item::Lines(lines), out)
    }

    /// Host text that does not go through Out-Default (Write-Host, `WARNING: …`, `VERBOSE: …`,
    /// `What if: …`): written at once, as one or more lines.
    pub fn text(&mut self, s: &str, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{s}")
    }

    /// Ends the run: flushes a cached table and writes the closing blank lines. The formatter is
    /// idle afterwards and can serve another run.
    pub fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let doc = std::mem::replace(&mut self.doc, Doc::Idle);
        match doc {
            Doc::Idle => Ok(()),
            Doc::Table(mut t) => {
                if let Some(items) = t.cache.take() {
                    self.flush_cache(&mut t, items, out)?;
                }
                // Group end, then document end.
                writeln!(out)?;
                writeln!(out)
            }
            Doc::List { .. } | Doc::Dates => {
                writeln!(out)?;
                writeln!(out)
            }
        }
    }

    fn trimmed(&self, lines: Vec<String>) -> Vec<String> {
        if self.fmt.exact_padding {
            lines
        } else {
            lines.into_iter().map(|l| l.trim_end_matches(' ').to_string()).collect()
        }
    }

    /// Writes an item now, or queues it behind cached rows.
    fn in_order(&mut self, item: Item, out: &mut dyn Write) -> io::Result<()> {
        if let Doc::Table(TableDoc { cache: Some(items), .. }) = &mut self.doc {
            items.push(item);
            return Ok(());
        }
        self.write_item(&item, None, out)
    }

    fn write_item(&self, item: &Item, t: Option<&TableDoc>, out: &mut dyn Write) -> io::Result<()> {
        match item {
            Item::Raw(s) => writeln!(out, "{s}"),
            Item::Lines(lines) => {
                for l in lines {
                    writeln!(out, "{l}")?;
                }
                Ok(())
            }
            Item::Row(cells) => {
                let Some(t) = t else { return Ok(()) };
                let Some(layout) = &t.layout else {
                    return Ok(());
                };
                let lines = if t.wrap { layout.multi_line_row(cells) } else { vec![layout.row(cells)] };
                for l in self.trimmed(lines) {
                    writeln!(out, "{l}")?;
                }
                Ok(())
            }
        }
    }

    fn single(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        // Out of band, whatever is open: scalars, errors, pre-formatted text, property-less objects.
        if let Some(item) = self.out_of_band(v) {
            // Format-* output arriving inside the default formatter's open table or list: 5.1's
            // OutCommandInner "pretends that the previous formatting directives were properly closed"
            // (EndProcessing + BeginProcessing), so the open document ends first and later objects
            // start a fresh view.
            if is_formatted_text(v) && !matches!(item, Item::Raw(ref s) if s.is_empty()) && !self.is_idle() {
                self.finish(out)?;
            }
            return self.in_order(item, out);
        }
        if matches!(self.doc, Doc::Idle) {
            self.start(v, out)?;
        }
        if !self.applies(v) {
            let lines = self.out_of_band_list(v);
            return self.in_order(Item::Lines(lines), out);
        }
        self.payload(v, out)
    }

    /// The item for an object that always prints on its own, or `None`.
    fn out_of_band(&self, v: &Value) -> Option<Item> {
        if is_scalar(v) || matches!(v, Value::ScriptBlock(_)) {
            return Some(Item::Raw(display_string(v)));
        }
        let Value::Object(o) = v else { return None };
        let o = o.borrow();
        let first = o.type_names.first().map(|t| views::strip_deserialized(t).to_string()).unwrap_or_default();
        if first == FORMATTED_TYPE {
            let text = o.display.as_deref().unwrap_or("");
            return Some(Item::Raw(text.strip_suffix('\n').unwrap_or(text).to_string()));
        }
        if first == ERROR_RECORD_TYPE {
            let e = error_record_from_object(&o);
            return Some(Item::Lines(self.trimmed(render_error_lines(&e, self.fmt.width, true))));
        }
        if o.is_empty() {
            return Some(Item::Raw(convert::to_string(v)));
        }
        None
    }

    /// Starts the document for the first object: picks the view, writes the opening blank line(s).
    fn start(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out)?;
        if let Value::DateTime(..) = v {
            self.doc = Doc::Dates;
            return Ok(());
        }
        let type_names = type_names_of(v);
        if let Some(view) = find_view(&type_names, &self.fmt.view) {
            match view.shape {
                ViewShape::Table(cols) => {
                    let t = TableDoc {
                        applies_to: Some(view.applies_to),
                        labels: cols.iter().map(|c| c.label.clone()).collect(),
                        properties: cols.iter().map(|c| c.property.clone()).collect(),
                        requested: cols.iter().map(|c| c.width).collect(),
                        aligns: cols.iter().map(|c| c.align).collect(),
                        wrap: false,
                        hide_header: false,
                        cache: None,
                        layout: None,
                    };
                    self.open_table(t, false, out)
                }
                ViewShape::List(props) => {
                    writeln!(out)?;
                    self.doc = Doc::List { applies_to: Some(view.applies_to), properties: Some(props) };
                    Ok(())
                }
            }
        } else {
            let props = property_names(v);
            if props.len() <= 4 {
                let aligns =
                    props
                        .iter()
                        .map(|p| {
                            if v.property(p).is_some_and(|x| is_right_aligned(&x)) { Align::Right } else { Align::Left }
                        })
                        .collect();
                let t = TableDoc {
                    applies_to: None,
                    labels: props.clone(),
                    requested: vec![0; props.len()],
                    properties: props,
                    aligns,
                    wrap: false,
                    hide_header: false,
                    cache: None,
                    layout: None,
                };
                self.open_table(t, false, out)
            } else {
                writeln!(out)?;
                self.doc = Doc::List { applies_to: None, properties: None };
                Ok(())
            }
        }
    }

    /// Opens a table: caches it for autosizing, or writes its header now.
    fn open_table(&mut self, mut t: TableDoc, force_autosize: bool, out: &mut dyn Write) -> io::Result<()> {
        let unsized_first = t.requested.first() == Some(&0);
        if force_autosize || (unsized_first && self.fmt.autosizes()) {
            t.cache = Some(Vec::new());
        } else {
            t.layout = Layout::new(self.fmt.columns(), &t.requested, &t.aligns);
            self.write_header(&t, out)?;
        }
        self.doc = Doc::Table(t);
        Ok(())
    }

    fn write_header(&self, t: &TableDoc, out: &mut dyn Write) -> io::Result<()> {
        if t.hide_header {
            return Ok(());
        }
        if let Some(layout) = &t.layout {
            for l in self.trimmed(layout.header(&t.labels)) {
                writeln!(out, "{l}")?;
            }
        }
        Ok(())
    }

    /// Autosizes a cached table to its labels and cells, then writes the header and everything queued.
    fn flush_cache(&self, t: &mut TableDoc, items: Vec<Item>, out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = t.labels.iter().map(|l| text::cells(l)).collect();
        for item in &items {
            if let Item::Row(cells) = item {
                for (k, c) in cells.iter().enumerate() {
                    if let Some(w) = widths.get_mut(k) {
                        *w = (*w).max(text::cells(c));
                    }
                }
            }
        }
        t.layout = Layout::new(self.fmt.columns(), &widths, &t.aligns);
        self.write_header(t, out)?;
        for item in &items {
            self.write_item(item, Some(t), out)?;
        }
        Ok(())
    }

    /// True when the open view takes this object as a row or entry.
    fn applies(&self, v: &Value) -> bool {
        let applies_to = match &self.doc {
            Doc::Idle => return true,
            Doc::Dates => return matches!(v, Value::DateTime(..)),
            Doc::Table(t) => t.applies_to,
            Doc::List { applies_to, .. } => *applies_to,
        };
        match applies_to {
            None => true,
            Some(ty) => views::applies(&View { applies_to: ty, shape: ViewShape::List(Vec::new()) }, &type_names_of(v)),
        }
    }

    fn payload(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        let limit = self.fmt.enumeration_limit;
        match &mut self.doc {
            Doc::Idle => Ok(()),
            Doc::Dates => {
                let line = match v {
                    Value::DateTime(secs, _) => long_date_time(*secs),
                    other => display_string(other),
                };
                writeln!(out, "{line}")
            }
            Doc::Table(t) => {
                let cells: Vec<String> = t
                    .properties
                    .iter()
                    .map(|p| v.property(p).map(|x| cell_text(&x, limit)).unwrap_or_default())
                    .collect();
                if let Some(items) = &mut t.cache {
                    items.push(Item::Row(cells));
                    return Ok(());
                }
                let item = Item::Row(cells);
                let Doc::Table(t) = &self.doc else {
                    return Ok(());
                };
                self.write_item(&item, Some(t), out)
            }
            Doc::List { properties, .. } => {
                let (labels, values) = match properties {
                    Some(props) => (
                        props.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>(),
                        props
                            .iter()
                            .map(|(_, p)| v.property(p).map(|x| cell_text(&x, limit)).unwrap_or_default())
                            .collect(),
                    ),
                    None => own_properties(v, limit),
                };
                let mut lines = list::entry_lines(&labels, &values, self.fmt.columns());
                lines.push(String::new());
                for l in self.trimmed(lines) {
                    writeln!(out, "{l}")?;
                }
                Ok(())
            }
        }
    }

    /// An object the open view does not take: a list of all its properties between blank lines.
    fn out_of_band_list(&self, v: &Value) -> Vec<String> {
        let (labels, values) = own_properties(v, self.fmt.enumeration_limit);
        let mut lines = vec![String::new()];
        lines.extend(list::entry_lines(&labels, &values, self.fmt.columns()));
        lines.push(String::new());
        self.trimmed(lines)
    }
}

/// True for the pre-rendered text Format-Table/Format-List emit.
fn is_formatted_text(v: &Value) -> bool {
    match v {
        Value::Object(o) => {
            o.borrow().type_names.first().is_some_and(|t| views::strip_deserialized(t) == FORMATTED_TYPE)
        }
        _ => false,
    }
}

/// The type names the view lookup sees for a value.
fn type_names_of(v: &Value) -> Vec<Rc<str>> {
    match v {
        Value::Object(o) => o.borrow().type_names.clone(),
        other => vec![Rc::from(other.type_name().as_str())],
    }
}

/// Property names of an object in declaration order (nothing for other values).
fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().names().iter().map(|n| n.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Labels and cell texts of all of an object's properties.
fn own_properties(v: &Value, limit: Option<usize>) -> (Vec<String>, Vec<String>) {
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

/// Rebuilds an error record from its value form (`ErrorRecord::to_value`), for `$Error[0]` or `$_`
/// written to the output.
fn error_record_from_object(o: &PsObject) -> ErrorRecord {
    let text = |v: Option<Value>| v.map(|x| convert::to_string(&x)).unwrap_or_default();
    let message = o
        .display
        .as_deref()
        .map(str::to_string)
        .unwrap_or_else(|| text(o.get("Exception").and_then(|e| e.property("Message"))));
    let info = o.get("CategoryInfo");
    let field = |name: &str| text(info.as_ref().and_then(|i| i.property(name)));
    let reason = field("Reason");
    ErrorRecord {
        message,
        exception_type: if reason.is_empty() { "System.Exception".into() } else { reason },
        category: field("Category"),
        target: format!("{}:{}", field("TargetName"), field("TargetType")),
        activity: field("Activity"),
        fqid: text(o.get("FullyQualifiedErrorId")),
        ..ErrorRecord::default()
    }
}

/// A date as the DateTime view prints it: `Wednesday, November 25, 2026 11:39:31 AM`.
fn long_date_time(secs: i64) -> String {
    const DAYS: [&str; 7] = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let days = secs.div_euclid(86400);
    let (y, m, d) = convert::civil_from_days(days);
    let weekday = DAYS[days.rem_euclid(7) as usize];
    let month = MONTHS[(m as usize).saturating_sub(1) % 12];
    let time = convert::format_datetime(secs, true);
    let time = time.split_once(' ').map(|(_, t)| t).unwrap_or("");
    format!("{weekday}, {month} {d}, {y} {time}")
}

/// Format-Table: the text it emits (blank line, header, rows, two blank lines), for a console `width`
/// columns wide. `columns` are the cmdlet's evaluated `-Property` columns (one value per input row);
/// `None` uses the first object's default view, else its properties (all of them, however many).
/// Scalars among `values` print as their own lines, in order. Empty input gives an empty string.
pub fn format_table(values: &[Value], columns: Option<&[Column]>, table: &TableOptions, fmt: &Formatting) -> String {
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
        return String::from_utf8_lossy(&out).into_owned();
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
    String::from_utf8_lossy(&out).into_owned()
}

impl OutDefault {
    fn table_row(&mut self, cells: Vec<String>, out: &mut dyn Write) -> io::Result<()> {
        if let Doc::Table(TableDoc { cache: Some(items), .. }) = &mut self.doc {
            items.push(Item::Row(cells));
            return Ok(());
        }
        let Doc::Table(t) = &self.doc else {
            return Ok(());
        };
        self.write_item(&Item::Row(cells), Some(t), out)
    }
}

/// Arrays flattened one level and hashtables turned into their entries, as the pipeline feeds them.
fn flatten(values: &[Value]) -> Vec<Value> {
    let mut rows = Vec::new();
    for v in values {
        match v {
            Value::Null => {}
            Value::Array(a) => rows.extend(a.borrow().iter().filter(|x| !x.is_null()).cloned()),
            Value::Hashtable(h) => rows.extend(h.borrow().iter().map(|(k, x)| dictionary_entry(k, x))),
            other => rows.push(other.clone()),
        }
    }
    rows
}

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

/// Wraps pre-rendered text as the object Format-Table/Format-List emit (type [`FORMATTED_TYPE`]).
pub fn formatted_value(text: String) -> Value {
    let mut o = PsObject::new(&[FORMATTED_TYPE]);
    o.display = Some(Rc::from(text.as_str()));
    Value::object(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{EnumType, EnumValue};

    static MAILBOX_RIGHTS: EnumType = EnumType {
        name: "Microsoft.Exchange.Management.RecipientTasks.MailboxRights",
        flags: true,
        members: &[
            ("FullAccess", 1),
            ("SendAs", 2),
            ("ExternalAccount", 4),
            ("DeleteItem", 0x10000),
            ("ReadPermission", 0x20000),
        ],
    };

    fn obj(type_name: &str, props: &[(&str, Value)]) -> Value {
        let mut o = PsObject::new(&[type_name, "System.Object"]);
        for (k, v) in props {
            o.set(k, v.clone());
        }
        Value::object(o)
    }

    fn custom(props: &[(&str, Value)]) -> Value {
        let mut o = PsObject::custom();
        for (k, v) in props {
            o.set(k, v.clone());
        }
        Value::object(o)
    }

    fn ace(identity: &str, user: &str, bits: u64, inherited: bool) -> Value {
        obj(
            &format!("Deserialized.{}", views::MAILBOX_ACE),
            &[
                ("AccessRights", Value::array(vec![Value::Enum(EnumValue { ty: &MAILBOX_RIGHTS, bits })])),
                ("Deny", Value::Bool(false)),
                ("InheritanceType", Value::str("All")),
                ("User", Value::str(user)),
                ("Identity", Value::str(identity)),
                ("IsInherited", Value::Bool(inherited)),
            ],
        )
    }

    enum Step<'a> {
        Obj(Value),
        Text(&'a str),
        Err(Box<ErrorRecord>),
    }

    fn run(width: usize, opts: ViewOptions, steps: Vec<Step>) -> String {
        run_with(Formatting::new(width, opts), steps)
    }

    fn run_with(fmt: Formatting, steps: Vec<Step>) -> String {
        let mut out: Vec<u8> = Vec::new();
        let mut f = OutDefault::with(fmt);
        for s in steps {
            match s {
                Step::Obj(v) => f.object(&v, &mut out),
                Step::Text(t) => f.text(t, &mut out),
                Step::Err(e) => f.error(&e, &mut out),
            }
            .expect("write to a Vec");
        }
        f.finish(&mut out).expect("write to a Vec");
        String::from_utf8(out).expect("utf-8")
    }

    fn objs(width: usize, values: Vec<Value>) -> String {
        run(width, ViewOptions::default(), values.into_iter().map(Step::Obj).collect())
    }

    fn mailbox(name: &str, alias: &str, server: &str, quota: &str) -> Value {
        obj(
            views::MAILBOX,
            &[
                ("Name", Value::str(name)),
                ("Alias", Value::str(alias)),
                ("ServerName", Value::str(server)),
                ("ProhibitSendQuota", Value::str(quota)),
                ("Database", Value::str("DB01")),
                ("ExternalDirectoryObjectId", Value::str("")),
            ],
        )
    }

    const KIM: &str = "contoso.com/Users/Kim Akers";

    #[test]
    fn mailbox_permission_table_at_120() {
        let s = objs(
            120,
            vec![ace(KIM, "NT AUTHORITY\\SELF", 0x20001, false), ace(KIM, "CONTOSO\\Administrator", 1, true)],
        );
        let expected = "
Identity             User                 AccessRights                                                IsInherited Deny
--------             ----                 ------------                                                ----------- ----
contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess, ReadPermission}                                False       False
contoso.com/Users... CONTOSO\\Administr... {FullAccess}                                                True        False


";
        assert_eq!(s, expected);
    }

    #[test]
    fn format_output_closes_the_open_table_and_later_objects_start_a_new_one() {
        let fl = formatted_value("\n\nName : Karen\n\n\n\n".to_string());
        let s = objs(80, vec![ace(KIM, "NT AUTHORITY\\SELF", 1, false), fl, ace(KIM, "CONTOSO\\amy", 1, false)]);
        let expected = "
Identity             User                 AccessRights        IsInherited Deny
--------             ----                 ------------        ----------- ----
contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess}        False       False




Name : Karen




Identity             User                 AccessRights        IsInherited Deny
--------             ----                 ------------        ----------- ----
contoso.com/Users... CONTOSO\\amy          {FullAccess}        False       False


";
        assert_eq!(s, expected);
    }

    #[test]
    fn mailbox_permission_table_at_80_cuts_the_rights() {
        let s = objs(80, vec![ace(KIM, "NT AUTHORITY\\SELF", 0x20001, false)]);
        let expected = "
Identity             User                 AccessRights        IsInherited Deny
--------             ----                 ------------        ----------- ----
contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess, Rea... False       False


";
        assert_eq!(s, expected);
    }

    #[test]
    fn exact_padding_keeps_the_padded_last_column() {
        let fmt = Formatting { exact_padding: true, ..Formatting::new(80, ViewOptions::default()) };
        let s = run_with(fmt, vec![Step::Obj(ace(KIM, "NT AUTHORITY\\SELF", 1, true))]);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[1], "Identity             User                 AccessRights        IsInherited Deny ");
        assert_eq!(lines[2], "--------             ----                 ------------        ----------- ---- ");
        assert_eq!(lines[3], "contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess}        True        False");
        assert!(lines.iter().all(|l| l.len() <= 79));
    }

    #[test]
    fn host_text_follows_the_last_row_without_a_blank_line() {
        let s = run(
            120,
            ViewOptions::default(),
            vec![
                Step::Obj(ace(KIM, "CONTOSO\\ben", 1, false)),
                Step::Text("WARNING: The appropriate access control entry is already present."),
                Step::Obj(ace(KIM, "CONTOSO\\amy", 1, false)),
                Step::Text("What if: Setting mailbox \"kim\"."),
            ],
        );
        let expected = "
Identity             User                 AccessRights                                                IsInherited Deny
--------             ----                 ------------                                                ----------- ----
contoso.com/Users... CONTOSO\\ben          {FullAccess}                                                False       False
WARNING: The appropriate access control entry is already present.
contoso.com/Users... CONTOSO\\amy          {FullAccess}                                                False       False
What if: Setting mailbox \"kim\".


";
        assert_eq!(s, expected);
    }

    #[test]
    fn another_type_prints_as_a_list_and_the_table_goes_on() {
        let s = objs(
            120,
            vec![
                ace(KIM, "CONTOSO\\ben", 1, false),
                obj(
                    views::REDUCED_RECIPIENT,
                    &[("Name", Value::str("Ben")), ("RecipientType", Value::str("UserMailbox"))],
                ),
                Value::str("done"),
                ace(KIM, "CONTOSO\\amy", 1, false),
            ],
        );
        let expected = "
Identity             User                 AccessRights                                                IsInherited Deny
--------             ----                 ------------                                                ----------- ----
contoso.com/Users... CONTOSO\\ben          {FullAccess}                                                False       False

Name          : Ben
RecipientType : UserMailbox

done
contoso.com/Users... CONTOSO\\amy          {FullAccess}                                                False       False


";
        assert_eq!(s, expected);
    }

    #[test]
    fn scalars_before_any_table_are_plain_lines() {
        assert_eq!(objs(120, vec![Value::str("hello"), Value::Int(42), Value::Bool(true)]), "hello\n42\nTrue\n");
        assert_eq!(objs(120, vec![]), "");
        assert_eq!(objs(120, vec![Value::Null]), "");
    }

    #[test]
    fn get_mailbox_at_80_wraps_the_last_header() {
        // Exchange 2013 help, "Working with command output".
        let s = objs(80, vec![mailbox("TestUser1", "TestUser1", "mbx", "unlimited")]);
        let expected = "
Name                      Alias                ServerName       ProhibitSendQuo
                                                                ta
----                      -----                ----------       ---------------
TestUser1                 TestUser1            mbx              unlimited


";
        assert_eq!(s, expected);
    }

    #[test]
    fn get_mailbox_at_120_and_online() {
        let s = objs(
            120,
            vec![mailbox(
                "SystemMailbox{1f05a927-f89d-4056-8e35-b8e90bdc0abf}",
                "SystemMailbox{1f05a927-f89d}",
                "exchange-1",
                "unlimited",
            )],
        );
        let expected = "
Name                      Alias                ServerName       ProhibitSendQuota
----                      -----                ----------       -----------------
SystemMailbox{1f05a927... SystemMailbox{1f0... exchange-1       unlimited


";
        assert_eq!(s, expected);
        let online = ViewOptions { online: true, ..ViewOptions::default() };
        let mut m = mailbox("a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c", "adenh", "", "99 GB (106,300,440,576 bytes)");
        if let Value::Object(o) = &mut m {
            let mut o = o.borrow_mut();
            o.set("Database", Value::str("EURP190DG059-db151"));
            o.set("ExternalDirectoryObjectId", Value::str("a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c"));
        }
        let s = run(160, online, vec![Step::Obj(m)]);
        let expected = "
Name                      Alias           Database                       ProhibitSendQuota    ExternalDirectoryObjectId
----                      -----           --------                       -----------------    -------------------------
a117ac14-ab10-4fa3-a17... adenh           EURP190DG059-db151             99 GB (106,300,44... a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c


";
        assert_eq!(s, expected);
    }

    #[test]
    fn ad_permission_table() {
        let ad = obj(
            views::AD_ACE,
            &[
                ("Identity", Value::str("Mailbox Database 0834494192")),
                ("User", Value::str("EXC10\\inter6")),
                ("Deny", Value::Bool(false)),
                ("IsInherited", Value::Bool(false)),
                ("ExtendedRights", Value::Null),
            ],
        );
        let expected = "
Identity             User                 Deny  Inherited
--------             ----                 ----  ---------
Mailbox Database ... EXC10\\inter6         False False


";
        assert_eq!(objs(120, vec![ad]), expected);
    }

    fn folder_perm(user: &str, rights: &str) -> Value {
        obj(
            views::FOLDER_PERMISSION,
            &[
                ("FolderName", Value::str("Calendar")),
                ("User", Value::str(user)),
                ("AccessRights", Value::array(vec![Value::str(rights)])),
                ("SharingPermissionFlags", Value::Null),
                ("Identity", Value::str(user)),
                ("IsValid", Value::Bool(true)),
            ],
        )
    }

    #[test]
    fn folder_permission_views_per_profile() {
        let rows =
            || vec![folder_perm("Default", "AvailabilityOnly"), folder_perm("PIL Accts - Dont Delete Me", "Reviewer")];
        let expected = "
FolderName           User                 AccessRights
----------           ----                 ------------
Calendar             Default              {AvailabilityOnly}
Calendar             PIL Accts - Dont ... {Reviewer}


";
        assert_eq!(objs(120, rows()), expected);
        let online = ViewOptions { online: true, ..ViewOptions::default() };
        let expected = "
FolderName           User                 AccessRights                           SharingPermissionFlags
----------           ----                 ------------                           ----------------------
Calendar             Default              {AvailabilityOnly}
Calendar             PIL Accts - Dont ... {Reviewer}


";
        assert_eq!(run(120, online, rows().into_iter().map(Step::Obj).collect()), expected);
        let e2010 = ViewOptions { exchange2010: true, ..ViewOptions::default() };
        let expected = "

FolderName   : Calendar
User         : Default
AccessRights : {AvailabilityOnly}
Identity     : Default
IsValid      : True

FolderName   : Calendar
User         : PIL Accts - Dont Delete Me
AccessRights : {Reviewer}
Identity     : PIL Accts - Dont Delete Me
IsValid      : True



";
        assert_eq!(run(120, e2010, rows().into_iter().map(Step::Obj).collect()), expected);
    }

    fn user(name: &str, t: &str) -> Value {
        obj(views::USER, &[("Name", Value::str(name)), ("RecipientType", Value::str(t)), ("Guid", Value::str("x"))])
    }

    #[test]
    fn get_user_is_autosized_in_51_and_split_in_2010() {
        let expected = "
Name   RecipientType
----   -------------
inter6 UserMailbox


";
        assert_eq!(objs(120, vec![user("inter6", "UserMailbox")]), expected);
        // Exchange 2010 (PowerShell 2.0): the Korean lab transcript at 120 columns.
        let e2010 = ViewOptions { exchange2010: true, ..ViewOptions::default() };
        let expected = "
Name                                                        RecipientType
----                                                        -------------
inter6                                                      UserMailbox


";
        assert_eq!(run(120, e2010, vec![Step::Obj(user("inter6", "UserMailbox"))]), expected);
    }

    #[test]
    fn mailbox_database_table() {
        let db = obj(
            views::MAILBOX_DATABASE,
            &[
                ("Name", Value::str("Mailbox Database 0834494192")),
                ("Server", Value::str("INTER6-EXC10")),
                ("Recovery", Value::Bool(false)),
                ("ReplicationType", Value::str("None")),
            ],
        );
        let expected = "
Name                           Server          Recovery        ReplicationType
----                           ------          --------        ---------------
Mailbox Database 0834494192    INTER6-EXC10    False           None


";
        assert_eq!(objs(120, vec![db]), expected);
    }

    #[test]
    fn distribution_groups_and_recipient_permissions_are_autosized() {
        let g = obj(
            &format!("Deserialized.{}", views::DISTRIBUTION_GROUP),
            &[
                ("Name", Value::str("Sales_13896087-3e43-4c33-a7c3-e66cd2aa39a9")),
                ("DisplayName", Value::str("Sales")),
                ("GroupType", Value::str("Universal")),
                ("PrimarySmtpAddress", Value::str("Sales@contoso.com")),
            ],
        );
        let expected = "
Name                                       DisplayName GroupType PrimarySmtpAddress
----                                       ----------- --------- ------------------
Sales_13896087-3e43-4c33-a7c3-e66cd2aa39a9 Sales       Universal Sales@contoso.com


";
        assert_eq!(objs(120, vec![g]), expected);
        let rp = |id: &str, trustee: &str| {
            obj(
                views::RECIPIENT_PERMISSION,
                &[
                    ("Identity", Value::str(id)),
                    ("Trustee", Value::str(trustee)),
                    ("AccessControlType", Value::str("Allow")),
                    ("AccessRights", Value::array(vec![Value::str("SendAs")])),
                    ("IsInherited", Value::Bool(false)),
                ],
            )
        };
        let expected = "
Identity                             Trustee                   AccessControlType AccessRights Inherited
--------                             -------                   ----------------- ------------ ---------
adam.kolendo                         NT AUTHORITY\\SELF         Allow             {SendAs}     False
AggregateGroupMailbox.A.201708112247 przemyslaw.klys@evotec.pl Allow             {SendAs}     False


";
        assert_eq!(
            objs(
                120,
                vec![
                    rp("adam.kolendo", "NT AUTHORITY\\SELF"),
                    rp("AggregateGroupMailbox.A.201708112247", "przemyslaw.klys@evotec.pl")
                ]
            ),
            expected
        );
    }

    #[test]
    fn get_recipient_table() {
        let r = obj(
            views::REDUCED_RECIPIENT,
            &[("Name", Value::str("Kim Akers")), ("RecipientType", Value::str("UserMailbox"))],
        );
        assert_eq!(
            objs(120, vec![r]),
            "\nName      RecipientType\n----      -------------\nKim Akers UserMailbox\n\n\n"
        );
    }

    #[test]
    fn custom_objects_autosize_and_keep_the_first_columns() {
        let a = custom(&[("Name", Value::str("kim")), ("Count", Value::Int(12345)), ("Enabled", Value::Bool(true))]);
        let b = custom(&[("Other", Value::str("x"))]);
        let c = custom(&[("Name", Value::str("ben")), ("Count", Value::Int(7)), ("Enabled", Value::Bool(false))]);
        let expected = "
Name Count Enabled
---- ----- -------
kim  12345    True

ben      7   False


";
        assert_eq!(objs(120, vec![a, b, c]), expected);
    }

    #[test]
    fn host_text_comes_before_a_cached_table() {
        let a = custom(&[("Name", Value::str("kim")), ("Alias", Value::str("kim"))]);
        let s = run(120, ViewOptions::default(), vec![Step::Obj(a), Step::Text("Done")]);
        assert_eq!(s, "\nDone\nName Alias\n---- -----\nkim  kim\n\n\n");
    }

    #[test]
    fn errors_print_in_order_with_rows() {
        let e = ErrorRecord {
            message: "The operation couldn't be performed because object 'zed' couldn't be found on 'dc1.contoso.com'."
                .into(),
            exception_type: "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException".into(),
            category: "NotSpecified".into(),
            target: ":".into(),
            activity: "Get-Recipient".into(),
            fqid: "ABC123,Microsoft.Exchange.Management.RecipientTasks.GetRecipient".into(),
            ..ErrorRecord::default()
        };
        let r = obj(
            views::REDUCED_RECIPIENT,
            &[("Name", Value::str("Kim Akers")), ("RecipientType", Value::str("UserMailbox"))],
        );
        let s = run(120, ViewOptions::default(), vec![Step::Obj(r), Step::Err(Box::new(e))]);
        let expected = "
Name      RecipientType
----      -------------
Kim Akers UserMailbox
The operation couldn't be performed because object 'zed' couldn't be found on 'dc1.contoso.com'.
    + CategoryInfo          : NotSpecified: (:) [Get-Recipient], ManagementObjectNotFoundException
    + FullyQualifiedErrorId : ABC123,Microsoft.Exchange.Management.RecipientTasks.GetRecipient



";
        assert_eq!(s, expected);
    }

    #[test]
    fn five_properties_make_a_list() {
        let props = |n: &str| {
            custom(&[
                ("Name", Value::str(n)),
                ("Alias", Value::str(n)),
                ("PrimarySmtpAddress", Value::str(format!("{n}@contoso.com"))),
                ("RecipientTypeDetails", Value::str("UserMailbox")),
                ("HiddenFromAddressListsEnabled", Value::Bool(false)),
            ])
        };
        let expected = "

Name                          : kim
Alias                         : kim
PrimarySmtpAddress            : kim@contoso.com
RecipientTypeDetails          : UserMailbox
HiddenFromAddressListsEnabled : False

Name                          : ben
Alias                         : ben
PrimarySmtpAddress            : ben@contoso.com
RecipientTypeDetails          : UserMailbox
HiddenFromAddressListsEnabled : False



";
        assert_eq!(objs(120, vec![props("kim"), props("ben")]), expected);
    }

    #[test]
    fn enumeration_limit_in_lists_and_wrapping() {
        let delegates: Vec<Value> = (1..=20).map(|i| Value::str(format!("contoso.com/Users/User {i:02}"))).collect();
        let m = custom(&[
            ("Name", Value::str("kim")),
            ("GrantSendOnBehalfTo", Value::array(delegates)),
            ("A", Value::Null),
            ("B", Value::Null),
            ("C", Value::Null),
        ]);
        let s = objs(80, vec![m]);
        let expected = "

Name                : kim
GrantSendOnBehalfTo : {contoso.com/Users/User 01, contoso.com/Users/User 02,
                      contoso.com/Users/User 03, contoso.com/Users/User 04,
                      contoso.com/Users/User 05, contoso.com/Users/User 06,
                      contoso.com/Users/User 07, contoso.com/Users/User 08,
                      contoso.com/Users/User 09, contoso.com/Users/User 10,
                      contoso.com/Users/User 11, contoso.com/Users/User 12,
                      contoso.com/Users/User 13, contoso.com/Users/User 14,
                      contoso.com/Users/User 15, contoso.com/Users/User 16...}
A                   :
B                   :
C                   :



";
        assert_eq!(s, expected);
        let four = Formatting { enumeration_limit: Some(4), ..Formatting::new(120, ViewOptions::default()) };
        let t = custom(&[("Members", Value::array((1..=6).map(Value::Int).collect()))]);
        assert_eq!(run_with(four, vec![Step::Obj(t)]), "\nMembers\n-------\n{1, 2, 3, 4...}\n\n\n");
    }

    #[test]
    fn hashtables_print_name_value() {
        let mut h = crate::value::Hashtable::new();
        h.insert(Value::str("Identity"), Value::str("kim"));
        h.insert(Value::str("AccessRights"), Value::str("FullAccess"));
        let expected = "
Name                           Value
----                           -----
Identity                       kim
AccessRights                   FullAccess


";
        assert_eq!(objs(120, vec![Value::hashtable(h)]), expected);
    }

    #[test]
    fn dates_use_the_long_form() {
        // 2026-11-25 11:39:31 UTC.
        let secs = convert::days_from_civil(2026, 11, 25) * 86400 + 11 * 3600 + 39 * 60 + 31;
        assert_eq!(objs(120, vec![Value::DateTime(secs, 0)]), "\nWednesday, November 25, 2026 11:39:31 AM\n\n\n");
    }

    #[test]
    fn formatted_text_prints_verbatim() {
        let t = format_table(
            &[custom(&[("Name", Value::str("kim"))])],
            None,
            &TableOptions::default(),
            &Formatting::new(120, ViewOptions::default()),
        );
        assert_eq!(t, "\nName\n----\nkim\n\n\n");
        let s = objs(120, vec![formatted_value(t.clone()), Value::str("after")]);
        assert_eq!(s, format!("{}after\n", t.strip_suffix('\n').unwrap_or(&t).to_string() + "\n"));
    }

    #[test]
    fn format_table_with_columns_and_autosize() {
        let rows = vec![ace(KIM, "NT AUTHORITY\\SELF", 0x20001, false), ace(KIM, "CONTOSO\\ben", 1, false)];
        let rights = |v: &Value| v.property("AccessRights").unwrap_or_default();
        let cols = vec![
            Column {
                label: "User".into(),
                values: rows.iter().map(|r| r.property("User").unwrap_or_default()).collect(),
                ..Column::default()
            },
            Column { label: "AccessRights".into(), values: rows.iter().map(rights).collect(), ..Column::default() },
            Column {
                label: "Deny".into(),
                values: rows.iter().map(|r| r.property("Deny").unwrap_or_default()).collect(),
                ..Column::default()
            },
        ];
        let t = format_table(
            &rows,
            Some(&cols),
            &TableOptions { autosize: true, ..TableOptions::default() },
            &Formatting::new(120, ViewOptions::default()),
        );
        let expected = "
User              AccessRights                  Deny
----              ------------                  ----
NT AUTHORITY\\SELF {FullAccess, ReadPermission} False
CONTOSO\\ben       {FullAccess}                 False


";
        assert_eq!(t, expected);
        // Without -Property the view of the first object applies, fixed widths and all.
        let t = format_table(&rows[..1], None, &TableOptions::default(), &Formatting::new(80, ViewOptions::default()));
        assert!(t.contains("contoso.com/Users... NT AUTHORITY\\SELF    {FullAccess, Rea..."));
        assert_eq!(format_table(&[], None, &TableOptions::default(), &Formatting::new(80, ViewOptions::default())), "");
    }

    #[test]
    fn format_table_wrap_and_hidden_headers() {
        let a = custom(&[("Name", Value::str("kim")), ("Notes", Value::str("first line\nsecond line"))]);
        let cols = vec![
            Column { label: "Name".into(), values: vec![Value::str("kim")], width: Some(5), align: None },
            Column { label: "Notes".into(), values: vec![Value::str("a long note here")], width: Some(6), align: None },
        ];
        let opts = TableOptions { wrap: true, hide_headers: true, ..TableOptions::default() };
        let t = format_table(&[a], Some(&cols), &opts, &Formatting::new(120, ViewOptions::default()));
        assert_eq!(t, "\nkim   a \n      long \n      note \n      here\n\n\n".replace(" \n", "\n"));
    }

    #[test]
    fn format_list_selects_properties_with_wildcards() {
        let m = custom(&[
            ("Name", Value::str("kim")),
            (
                "EmailAddresses",
                Value::array(vec![Value::str("SMTP:kim@contoso.com"), Value::str("smtp:k@contoso.com")]),
            ),
            ("EmailAddressPolicyEnabled", Value::Bool(true)),
            ("Alias", Value::str("kim")),
        ]);
        let props = vec!["Name".to_string(), "Email*".to_string()];
        let s = format_list(&[m, Value::str("x")], Some(&props), &Formatting::new(120, ViewOptions::default()));
        let expected = "

Name                      : kim
EmailAddresses            : {SMTP:kim@contoso.com, smtp:k@contoso.com}
EmailAddressPolicyEnabled : True

x


";
        assert_eq!(s, expected);
    }

    #[test]
    fn colours_for_terminals() {
        assert_eq!(warning_line("careful", false), "WARNING: careful");
        assert_eq!(warning_line("careful", true), "\x1b[93mWARNING: careful\x1b[0m");
        assert_eq!(colorize("x", Some("Green"), Some("DarkBlue")), "\x1b[92m\x1b[44mx\x1b[0m");
        assert_eq!(colorize("x", Some("Nope"), None), "x");
    }
}
