//! The output session: PowerShell's Out-Default for a whole script run or one interactive line.
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

use std::cell::RefCell;
use std::io::{self, Write};

use super::cell::{display_string, is_right_aligned, is_scalar};
use super::cell_text;
use super::error_view::{ErrorStyle, render_error_lines_in};
use super::format_objects::{Packet, Sequence, packet_of};
use super::table::{Align, Layout};
use super::views::{self, View, ViewShape, find_view, type_names_of};
use super::{Formatting, ViewOptions, dictionary_entry, list, own_properties, property_names, text};
use crate::value::{ErrorRecord, Value, convert};

/// Type name of an error record turned into a value (`ErrorRecord::to_value`).
const ERROR_RECORD_TYPE: &str = "System.Management.Automation.ErrorRecord";

/// Something waiting in the autosize cache or written in order with the rows.
#[derive(Debug, Clone)]
pub(super) enum Item {
    /// Cells of one table row.
    Row(Vec<String>),
    /// Lines the formatter made (right-trimmed unless `exact_padding`).
    Lines(Vec<String>),
    /// Raw text written as a line (a scalar's `ToString()`).
    Raw(String),
    /// Text written exactly as it is, line ends included (a formatting object's share of a
    /// Format-* cmdlet's output).
    Verbatim(String),
}

/// The open table of a run.
#[derive(Debug)]
pub(super) struct TableDoc {
    /// The view's type; `None` for a table made from the first object's properties.
    pub(super) applies_to: Option<&'static str>,
    pub(super) labels: Vec<String>,
    pub(super) properties: Vec<String>,
    pub(super) requested: Vec<usize>,
    pub(super) aligns: Vec<Align>,
    pub(super) wrap: bool,
    pub(super) hide_header: bool,
    /// `Some` while rows are cached for autosizing; `None` once the header is out.
    pub(super) cache: Option<Vec<Item>>,
    /// The layout once decided (`None` also when the screen is too narrow to show anything).
    pub(super) layout: Option<Layout>,
    /// A grouped view's current group (the FileSystem view's `Directory:`), when grouped.
    pub(super) group: Option<String>,
}

/// A MemberDefinition's group key: its TypeName.
fn member_type_name(v: &Value) -> String {
    v.property("TypeName").map(|x| display_string(&x)).unwrap_or_default()
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
    /// Columns the last autosized table had to hide (Format-Table -AutoSize warns about them).
    pub(super) hidden: usize,
    /// Where the run is in a sequence of formatting objects (Format-* output).
    sequence: Sequence,
    /// While a format cmdlet lays out its document: the number of lines each header (`true`) and
    /// item (`false`) wrote, in order, so the text can be shared among its objects.
    pub(super) record: RefCell<Option<Vec<(bool, usize)>>>,
}

impl OutDefault {
    /// A formatter for a console `width` columns wide (the buffer width, e.g. 120 in EMS).
    pub fn new(width: usize, opts: ViewOptions) -> Self {
        OutDefault::with(Formatting::new(width, opts))
    }

    /// A formatter with explicit settings (enumeration limit, exact padding).
    pub fn with(fmt: Formatting) -> Self {
        OutDefault { fmt, doc: Doc::Idle, hidden: 0, sequence: Sequence::Reset, record: RefCell::new(None) }
    }

    /// Sets how error records print from now on (`$ErrorView` as the engine reads it).
    pub fn set_error_style(&mut self, style: ErrorStyle) {
        self.fmt.error_style = style;
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
            other => match super::value_type_object(other) {
                Some(o) => self.single(&o, out),
                None => self.single(other, out),
            },
        }
    }

    /// Formats an error record from the error stream, in order with the objects (5.1 merges the
    /// error stream into Out-Default).
    pub fn error(&mut self, e: &ErrorRecord, out: &mut dyn Write) -> io::Result<()> {
        let lines = self.trimmed(render_error_lines_in(e, self.fmt.width, true, self.fmt.error_style));
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
        self.sequence = Sequence::Reset;
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
    pub(super) fn in_order(&mut self, item: Item, out: &mut dyn Write) -> io::Result<()> {
        if let Doc::Table(TableDoc { cache: Some(items), .. }) = &mut self.doc {
            items.push(item);
            return Ok(());
        }
        self.write_item(&item, None, out)
    }

    pub(super) fn write_item(&self, item: &Item, t: Option<&TableDoc>, out: &mut dyn Write) -> io::Result<()> {
        let lines = match item {
            Item::Raw(s) => vec![s.clone()],
            Item::Verbatim(s) => {
                self.note(false, s.matches('\n').count());
                return out.write_all(s.as_bytes());
            }
            Item::Lines(lines) => lines.clone(),
            Item::Row(cells) => match t.and_then(|t| t.layout.as_ref().map(|l| (t, l))) {
                Some((t, layout)) => {
                    self.trimmed(if t.wrap { layout.multi_line_row(cells) } else { vec![layout.row(cells)] })
                }
                None => Vec::new(),
            },
        };
        self.write_lines(false, &lines, out)
    }

    /// Writes lines, noting how many when a format cmdlet records its layout.
    fn write_lines(&self, header: bool, lines: &[String], out: &mut dyn Write) -> io::Result<()> {
        self.note(header, lines.iter().map(|l| 1 + l.matches('\n').count()).sum());
        for l in lines {
            writeln!(out, "{l}")?;
        }
        Ok(())
    }

    fn note(&self, header: bool, n: usize) {
        if let Some(r) = self.record.borrow_mut().as_mut() {
            r.push((header, n));
        }
    }

    fn single(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        if let Some((p, text)) = packet_of(v) {
            return self.packet(p, &text, v, out);
        }
        if self.sequence == Sequence::Failed {
            return Ok(());
        }
        // Out of band, whatever is open: scalars, errors, property-less objects.
        if let Some(item) = self.out_of_band(v) {
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

    /// A formatting object (Format-* output): checked against the sequence as 5.1's OutCommandInner
    /// does, then its text printed verbatim. A start packet arriving while the default formatter has
    /// a table or list open ends that document first (5.1 "pretends that the previous formatting
    /// directives were properly closed"), so later objects start a fresh view. Out of sequence, the
    /// run gets out-lineoutput's terminating error and prints no more objects until it ends.
    fn packet(&mut self, p: Packet, text: &str, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        if p == Packet::FormatStart && !self.is_idle() {
            self.finish(out)?;
        }
        match self.sequence.next(p, v) {
            Ok(next) => {
                self.sequence = next;
                self.in_order(Item::Verbatim(text.to_string()), out)
            }
            Err(e) if self.sequence != Sequence::Failed => {
                self.sequence = Sequence::Failed;
                self.error(&e, out)
            }
            Err(_) => Ok(()),
        }
    }

    /// The item for an object that always prints on its own, or `None`.
    pub(super) fn out_of_band(&self, v: &Value) -> Option<Item> {
        if is_scalar(v) || matches!(v, Value::ScriptBlock(_)) {
            return Some(Item::Raw(display_string(v)));
        }
        let Value::Object(o) = v else { return None };
        let o = o.borrow();
        let first = o.type_names.first().map(|t| views::strip_deserialized(t).to_string()).unwrap_or_default();
        // A string with note properties (`$PROFILE`) still prints as the string.
        if first == "System.String" {
            return Some(Item::Raw(convert::to_string(v)));
        }
        // An object that carries its own laid-out text (a help object) prints that text.
        if let Some(text) = o.format_text.as_deref() {
            return Some(Item::Raw(text.strip_suffix('\n').unwrap_or(text).to_string()));
        }
        if first == ERROR_RECORD_TYPE {
            let e = ErrorRecord::from_object(&o);
            return Some(Item::Lines(self.trimmed(render_error_lines_in(
                &e,
                self.fmt.width,
                true,
                self.fmt.error_style,
            ))));
        }
        if o.is_empty() {
            return Some(Item::Raw(convert::to_string(v)));
        }
        None
    }

    /// Starts the document for the first object: picks the view, writes the opening blank line(s).
    fn start(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out)?;
        if is_line_view(v) {
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
                        group: None,
                    };
                    let mut t = t;
                    if view.applies_to == views::MEMBER_DEFINITION {
                        // Grouped by TypeName, each group autosized on its own.
                        let ty = member_type_name(v);
                        write!(out, "\n   TypeName: {ty}\n\n")?;
                        t.group = Some(ty);
                        return self.open_table(t, true, out);
                    }
                    if view.applies_to == views::FILE_SYSTEM_INFO {
                        // FileSystem.format.ps1xml groups by PSParentPath: `    Directory: <path>`.
                        let dir = parent_dir(v);
                        write!(out, "\n    Directory: {dir}\n\n\n")?;
                        t.group = Some(dir);
                    }
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
                    group: None,
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
    pub(super) fn open_table(&mut self, mut t: TableDoc, force_autosize: bool, out: &mut dyn Write) -> io::Result<()> {
        let unsized_first = t.requested.first() == Some(&0);
        if force_autosize || (unsized_first && self.fmt.autosizes()) {
            t.cache = Some(Vec::new());
        } else {
            t.layout = Layout::new(self.fmt.columns(), &t.requested, &t.aligns, self.fmt.ellipsis);
            self.write_header(&t, out)?;
        }
        self.doc = Doc::Table(t);
        Ok(())
    }

    fn write_header(&self, t: &TableDoc, out: &mut dyn Write) -> io::Result<()> {
        if t.hide_header {
            return Ok(());
        }
        match &t.layout {
            Some(layout) => self.write_lines(true, &self.trimmed(layout.header(&t.labels)), out),
            None => Ok(()),
        }
    }

    /// Autosizes a cached table to its labels and cells, then writes the header and everything queued.
    fn flush_cache(&mut self, t: &mut TableDoc, items: Vec<Item>, out: &mut dyn Write) -> io::Result<()> {
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
        t.layout = Layout::new(self.fmt.columns(), &widths, &t.aligns, self.fmt.ellipsis);
        self.hidden = t.layout.as_ref().map_or(widths.len(), Layout::hidden);
        self.write_header(t, out)?;
        for item in &items {
            self.write_item(item, Some(t), out)?;
        }
        Ok(())
    }

    /// True when the open view takes this object as a row or entry.
    pub(super) fn applies(&self, v: &Value) -> bool {
        let applies_to = match &self.doc {
            Doc::Idle => return true,
            Doc::Dates => return is_line_view(v),
            Doc::Table(t) => t.applies_to,
            Doc::List { applies_to, .. } => *applies_to,
        };
        match applies_to {
            None => true,
            Some(ty) => views::applies(&View { applies_to: ty, shape: ViewShape::List(Vec::new()) }, &type_names_of(v)),
        }
    }

    pub(super) fn payload(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        if let Doc::Table(t) = &self.doc {
            if t.applies_to == Some(views::MEMBER_DEFINITION) {
                let ty = member_type_name(v);
                if t.group.as_deref() != Some(ty.as_str()) {
                    self.next_member_group(ty, out)?;
                }
            }
        }
        let limit = self.fmt.cells();
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
                let grouped = t.group.is_some() && t.applies_to != Some(views::MEMBER_DEFINITION);
                if let Some(cur) = t.group.as_ref().filter(|_| grouped) {
                    let dir = parent_dir(v);
                    if &dir != cur && t.cache.is_none() {
                        write!(out, "\n\n    Directory: {dir}\n\n\n")?;
                        t.group = Some(dir);
                        let Doc::Table(t) = &self.doc else { return Ok(()) };
                        self.write_header(t, out)?;
                    }
                }
                let Doc::Table(t) = &mut self.doc else { return Ok(()) };
                let cells: Vec<String> = t
                    .properties
                    .iter()
                    .map(|p| match v.property(p) {
                        Some(Value::DateTime(secs, _)) if grouped && p == "LastWriteTime" => file_time(secs),
                        Some(x) => cell_text(&x, limit),
                        None => String::new(),
                    })
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

    /// Get-Member's next TypeName group: the group so far is autosized and written, a blank line
    /// ends it, and the new group's header and autosize cache start.
    fn next_member_group(&mut self, ty: String, out: &mut dyn Write) -> io::Result<()> {
        let Doc::Table(mut t) = std::mem::replace(&mut self.doc, Doc::Idle) else { return Ok(()) };
        if let Some(items) = t.cache.take() {
            self.flush_cache(&mut t, items, out)?;
        }
        write!(out, "\n\n   TypeName: {ty}\n\n")?;
        t.group = Some(ty);
        t.layout = None;
        t.cache = Some(Vec::new());
        self.doc = Doc::Table(t);
        Ok(())
    }

    /// An object the open view does not take: a list of all its properties between blank lines.
    pub(super) fn out_of_band_list(&self, v: &Value) -> Vec<String> {
        let (labels, values) = own_properties(v, self.fmt.cells());
        let mut lines = vec![String::new()];
        lines.extend(list::entry_lines(&labels, &values, self.fmt.columns()));
        lines.push(String::new());
        self.trimmed(lines)
    }
}

impl OutDefault {
    pub(super) fn table_row(&mut self, cells: Vec<String>, out: &mut dyn Write) -> io::Result<()> {
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

/// Values whose view prints one line each (their ToString): dates and Select-String's MatchInfo.
fn is_line_view(v: &Value) -> bool {
    match v {
        Value::DateTime(..) => true,
        Value::Object(o) => o.borrow().type_names.first().is_some_and(|t| &**t == MATCH_INFO_TYPE),
        _ => false,
    }
}

/// Select-String's result type, which prints as its ToString (`path:line:text`).
pub const MATCH_INFO_TYPE: &str = "Microsoft.PowerShell.Commands.MatchInfo";

/// A date as the DateTime view prints it: `Wednesday, November 25, 2026 11:39:31 AM`.
/// An item's folder for the FileSystem view's group header (PSParentPath without the provider).
fn parent_dir(v: &Value) -> String {
    let p = v.property("PSParentPath").map(|x| display_string(&x)).unwrap_or_default();
    match p.find("::") {
        Some(i) => p[i + 2..].to_string(),
        None => p,
    }
}

/// The FileSystem view's LastWriteTime: `[String]::Format("{0,10}  {1,8}", d, t)`.
fn file_time(secs: i64) -> String {
    let (y, m, d) = convert::civil_from_days(secs.div_euclid(86400));
    let t = secs.rem_euclid(86400);
    let (h, min) = (t / 3600, t / 60 % 60);
    let (h12, ampm) = (if h % 12 == 0 { 12 } else { h % 12 }, if h < 12 { "AM" } else { "PM" });
    format!("{:>10}  {:>8}", format!("{m}/{d}/{y}"), format!("{h12}:{min:02} {ampm}"))
}

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
