//! The formatting objects Format-Table, Format-List and Format-Wide write to the pipeline.
//!
//! PowerShell's format cmdlets do not emit text: they emit a sequence of objects of the internal
//! classes in `Microsoft.PowerShell.Commands.Internal.Format` (PowerShell's `FormattingObjects.cs`):
//! one `FormatStartData` (its `shapeInfo` says table, list or wide), one `GroupStartData`, one
//! `FormatEntryData` per row, entry or out-of-band object, one `GroupEndData` and one
//! `FormatEndData`. Out-Default, Out-String and Out-File turn them into text; anything else sees the
//! objects with their public fields as properties (Export-Csv writes `ClassId2e4f51ef…` columns,
//! Select-Object finds no `Name`, Measure-Object counts rows plus four).
//!
//! exsh's format cmdlets lay the text out at once (they know every row), so each object also carries
//! its share of the text in `PsObject::format_text`: the start object the opening blank line and the
//! header, each entry its lines, the group and format ends their blank lines. The objects print that
//! text verbatim, and only in sequence: Out-Default checks the order as 5.1's `OutCommandInner` does
//! and fails with its `ConsoleLineOutputOutOfSequencePacket` error otherwise.

use std::rc::Rc;

use super::table::Align;
use crate::value::enums::{EnumType, EnumValue};
use crate::value::{ErrorRecord, PsObject, Value};

/// The namespace of the formatting classes.
const NS: &str = "Microsoft.PowerShell.Commands.Internal.Format";
/// The name of the class-id property every formatting object has (`FormatInfoData.classidProperty`).
pub const CLASS_ID: &str = "ClassId2e4f51ef21dd47e99d3c952918aff9cd";

/// `System.Management.Automation.WriteStreamType` (MshObject.cs), FormatEntryData's `writeStream`.
static WRITE_STREAM_TYPE: EnumType = EnumType {
    name: "System.Management.Automation.WriteStreamType",
    flags: false,
    members: &[
        ("None", 0),
        ("Output", 1),
        ("Error", 2),
        ("Warning", 3),
        ("Verbose", 4),
        ("Debug", 5),
        ("Information", 6),
    ],
};

/// The five packets of a formatting sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packet {
    /// `FormatStartData`.
    FormatStart,
    /// `GroupStartData`.
    GroupStart,
    /// `FormatEntryData`; `out_of_band` entries may come anywhere.
    Entry {
        /// `outOfBand`.
        out_of_band: bool,
    },
    /// `GroupEndData`.
    GroupEnd,
    /// `FormatEndData`.
    FormatEnd,
}

impl Packet {
    /// The class name (without namespace) and its CLSID.
    fn class(self) -> (&'static str, &'static str) {
        match self {
            Packet::FormatStart => ("FormatStartData", "033ecb2bc07a4d43b5ef94ed5a35d280"),
            Packet::GroupStart => ("GroupStartData", "9e210fe47d09416682b841769c78b8a3"),
            Packet::Entry { .. } => ("FormatEntryData", "27c87ef9bbda4f709f6b4002fa4af63c"),
            Packet::GroupEnd => ("GroupEndData", "4ec4f0187cb04f4cb6973460dfe252df"),
            Packet::FormatEnd => ("FormatEndData", "cf522b78d86c486691226b40aa69e95c"),
        }
    }

    /// The full type name, e.g. `Microsoft.PowerShell.Commands.Internal.Format.FormatStartData`.
    pub fn type_name(self) -> String {
        format!("{NS}.{}", self.class().0)
    }

    /// The base classes below the class itself, most derived first.
    fn bases(self) -> &'static [&'static str] {
        match self {
            Packet::FormatStart | Packet::GroupStart => &["StartData", "ControlInfoData", "PacketInfoData"],
            Packet::GroupEnd | Packet::FormatEnd => &["ControlInfoData", "PacketInfoData"],
            Packet::Entry { .. } => &["PacketInfoData"],
        }
    }
}

/// The `shapeInfo` of a sequence: which view the format cmdlet chose.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Format-Table: `TableHeaderInfo` with its columns.
    Table {
        /// `hideHeader` (-HideTableHeaders).
        hide_header: bool,
        /// Each column's (label, property name, width, alignment).
        columns: Vec<(String, Option<String>, usize, Option<Align>)>,
    },
    /// Format-List: `ListViewHeaderInfo`.
    List,
    /// Format-Wide: `WideViewHeaderInfo` with its column count (0 = autosize).
    Wide {
        /// `columns`.
        columns: usize,
    },
}

impl Shape {
    /// The command 5.1 names in the out-of-sequence error for a start packet of this shape.
    fn command(&self) -> &'static str {
        match self {
            Shape::Table { .. } => "format-table",
            Shape::List => "format-list",
            Shape::Wide { .. } => "format-wide",
        }
    }
}

/// What one `FormatEntryData` holds (`formatEntryInfo`).
#[derive(Debug, Clone, PartialEq)]
pub enum EntryInfo {
    /// `TableRowEntry`: the cells.
    TableRow(Vec<String>),
    /// `ListViewEntry`: (label, value text) pairs.
    ListEntry(Vec<(String, String)>),
    /// `WideViewEntry`: the one value.
    WideEntry(String),
    /// `RawTextFormatEntry`: an out-of-band object's text (strings, numbers among the input).
    RawText(String),
}

/// One formatting object carrying `text`, the part of the output it prints.
fn packet(kind: Packet, props: Vec<(&str, Value)>, text: String) -> Value {
    let (class, clsid) = kind.class();
    let mut names: Vec<String> = vec![format!("{NS}.{class}")];
    names.extend(kind.bases().iter().map(|b| format!("{NS}.{b}")));
    names.push(format!("{NS}.FormatInfoData"));
    names.push("System.Object".into());
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut o = PsObject::new(&refs);
    o.set(CLASS_ID, Value::str(clsid));
    for (k, v) in props {
        o.set(k, v);
    }
    o.display = Some(Rc::from(names[0].as_str()));
    o.format_text = Some(Rc::from(text.as_str()));
    Value::object(o)
}

/// A nested formatting object (shape info, entry info, fields): its class id and public fields in
/// declaration order; it prints (ToString) as its type name, as .NET objects without ToString do.
fn info(class: &str, clsid: &str, fields: Vec<(&str, Value)>) -> Value {
    let name = format!("{NS}.{class}");
    let mut o = PsObject::new(&[&name, &format!("{NS}.FormatInfoData"), "System.Object"]);
    o.set(CLASS_ID, Value::str(clsid));
    for (k, v) in fields {
        o.set(k, v);
    }
    o.display = Some(Rc::from(name.as_str()));
    Value::object(o)
}

/// `TextAlignment` (displayDescriptionData_Table.cs): Undefined 0, Left 1, Center 2, Right 3.
fn alignment(a: Option<Align>) -> Value {
    Value::Int(match a {
        None => 0,
        Some(Align::Left) => 1,
        Some(Align::Center) => 2,
        Some(Align::Right) => 3,
    })
}

fn property_field(value: &str, align: Option<Align>) -> Value {
    info(
        "FormatPropertyField",
        "78b102e894f742aca8c1d6737b6ff86a",
        vec![("propertyValue", Value::str(value)), ("alignment", alignment(align))],
    )
}

fn shape_info(shape: &Shape) -> Value {
    match shape {
        Shape::Table { hide_header, columns } => {
            let cols: Vec<Value> = columns
                .iter()
                .map(|(label, property, width, align)| {
                    info(
                        "TableColumnInfo",
                        "7572aa4155ec4558817a615acf7dd92e",
                        vec![
                            ("width", Value::Int(*width as i64)),
                            ("alignment", alignment(*align)),
                            ("label", Value::str(label)),
                            ("propertyName", property.as_deref().map(Value::str).unwrap_or(Value::Null)),
                            (
                                "HeaderMatchesProperty",
                                Value::Bool(property.as_deref().is_none_or(|p| p.eq_ignore_ascii_case(label))),
                            ),
                        ],
                    )
                })
                .collect();
            info(
                "TableHeaderInfo",
                "e3b7a39c089845d388b2e84c5d38f5dd",
                vec![
                    ("hideHeader", Value::Bool(*hide_header)),
                    ("repeatHeader", Value::Bool(false)),
                    ("tableColumnInfoList", Value::array(cols)),
                ],
            )
        }
        Shape::List => info("ListViewHeaderInfo", "830bdcb24c1642258724e441512233a4", Vec::new()),
        Shape::Wide { columns } => info(
            "WideViewHeaderInfo",
            "b2e2775d33d544c794d0081f27021b5c",
            vec![("columns", Value::Int(*columns as i64))],
        ),
    }
}

fn entry_info(e: &EntryInfo, aligns: &[Option<Align>]) -> Value {
    match e {
        EntryInfo::TableRow(cells) => {
            let fields: Vec<Value> =
                cells.iter().enumerate().map(|(i, c)| property_field(c, aligns.get(i).copied().flatten())).collect();
            info(
                "TableRowEntry",
                "0e59526e2dd441aa91e7fc952caf4a36",
                vec![("formatPropertyFieldList", Value::array(fields)), ("multiLine", Value::Bool(false))],
            )
        }
        EntryInfo::ListEntry(pairs) => {
            let fields: Vec<Value> = pairs
                .iter()
                .map(|(label, value)| {
                    info(
                        "ListViewField",
                        "b761477330ce4fb2a665999879324d73",
                        vec![
                            ("label", Value::str(label)),
                            ("propertyName", Value::str(label)),
                            ("formatPropertyField", property_field(value, None)),
                        ],
                    )
                })
                .collect();
            info("ListViewEntry", "cf58f450baa848ef8eb3504008be6978", vec![("listViewFieldList", Value::array(fields))])
        }
        EntryInfo::WideEntry(value) => info(
            "WideViewEntry",
            "59bf79de63354a7b9e4d1697940ff188",
            vec![("formatPropertyField", property_field(value, None))],
        ),
        EntryInfo::RawText(text) => {
            info("RawTextFormatEntry", "29ED81BA914544d4BC430F027EE053E9", vec![("text", Value::str(text))])
        }
    }
}

/// -GroupBy: the documents of the groups (each laid out on its own, with its header text
/// `   Label: value`) as one format sequence: the first group's format start (its opening blank
/// line), then for each group a group start that prints a blank line, the header, a blank line and
/// the group's own table header, its entries and its group end, and one format end.
/// [source: 5.1 OutCommandInner.ProcessGroupStart, ProcessGroupEnd]
pub fn grouped_packets(groups: Vec<(String, Document)>) -> Vec<Value> {
    let mut out = Vec::new();
    let last = groups.len().saturating_sub(1);
    for (i, (header, doc)) in groups.into_iter().enumerate() {
        let (opening, table_header) = match doc.start.split_once('\n') {
            Some((first, rest)) => (format!("{first}\n"), rest.to_string()),
            None => (doc.start.clone(), String::new()),
        };
        let group_start = format!("\n{header}\n\n{table_header}{}", doc.group_start);
        for p in doc.packets() {
            let Some((kind, _)) = packet_of(&p) else {
                out.push(p);
                continue;
            };
            let text = match kind {
                Packet::FormatStart if i > 0 => continue,
                Packet::FormatStart => opening.clone(),
                Packet::GroupStart => group_start.clone(),
                Packet::FormatEnd if i < last => continue,
                _ => {
                    out.push(p);
                    continue;
                }
            };
            if let Value::Object(o) = &p {
                let mut o = o.borrow_mut();
                o.format_text = Some(Rc::from(text.as_str()));
                if kind == Packet::GroupStart {
                    o.set("groupingEntry", Value::str(header.trim_start()));
                }
            }
            out.push(p);
        }
    }
    out
}

/// One formatted document, as the format cmdlets lay it out, before it becomes objects.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Out-of-band entries before the document starts (scalars ahead of the first object), with
    /// their text.
    pub leading: Vec<(EntryInfo, String)>,
    /// The shape, when the document started (some input was not a scalar).
    pub shape: Option<Shape>,
    /// `-AutoSize`: the start packet carries an `AutosizeInfo`.
    pub autosize: bool,
    /// The opening text (blank line, header) the start packet prints.
    pub start: String,
    /// What the group start prints.
    pub group_start: String,
    /// The entries: out of band or not, what they hold, their text.
    pub entries: Vec<(bool, EntryInfo, String)>,
    /// What the group end prints.
    pub group_end: String,
    /// What the format end prints.
    pub end: String,
}

impl Document {
    /// All the text the objects print, in order (what Out-String makes of them).
    pub fn text(&self) -> String {
        let mut s: String = self.leading.iter().map(|(_, t)| t.as_str()).collect();
        if self.shape.is_some() {
            s.push_str(&self.start);
            s.push_str(&self.group_start);
            for (_, _, t) in &self.entries {
                s.push_str(t);
            }
            s.push_str(&self.group_end);
            s.push_str(&self.end);
        }
        s
    }

    /// Shares out `text`, which a formatter wrote, among the document's parts: `counts` are the
    /// lines each recorded header (`true`) or item wrote, in order; the first `leading` items came
    /// before the document, whose opening is `opening` unrecorded lines; every unrecorded line after
    /// the last item closes it, the first for the group end, the rest for the format end.
    pub fn share(&mut self, text: &str, counts: &[(bool, usize)], leading: usize, opening: usize) {
        let mut lines = text.split_inclusive('\n');
        let mut take = |n: usize| -> String { lines.by_ref().take(n).collect() };
        let mut counts = counts.iter();
        for slot in self.leading.iter_mut().take(leading) {
            slot.1 = counts.next().map(|(_, n)| take(*n)).unwrap_or_default();
        }
        if self.shape.is_none() {
            return;
        }
        self.start = take(opening);
        let mut entries = self.entries.iter_mut();
        for (header, n) in counts {
            let part = take(*n);
            if *header {
                self.start.push_str(&part);
            } else if let Some(e) = entries.next() {
                e.2 = part;
            }
        }
        self.group_end = take(1);
        self.end = take(usize::MAX);
    }

    /// The objects the format cmdlet writes, in order.
    pub fn packets(self) -> Vec<Value> {
        let entry = |oob: bool, e: &EntryInfo, text: String, aligns: &[Option<Align>]| {
            packet(
                Packet::Entry { out_of_band: oob },
                vec![
                    ("formatEntryInfo", entry_info(e, aligns)),
                    ("outOfBand", Value::Bool(oob)),
                    ("writeStream", Value::Enum(EnumValue { ty: &WRITE_STREAM_TYPE, bits: 0 })),
                ],
                text,
            )
        };
        let mut out: Vec<Value> = self.leading.iter().map(|(e, t)| entry(true, e, t.clone(), &[])).collect();
        let Some(shape) = self.shape else { return out };
        let aligns: Vec<Option<Align>> = match &shape {
            Shape::Table { columns, .. } => columns.iter().map(|c| c.3).collect(),
            _ => Vec::new(),
        };
        let autosize = if self.autosize {
            info("AutosizeInfo", "a27f094f0eec4d64845801a4c06a32ae", vec![("objectCount", Value::Int(0))])
        } else {
            Value::Null
        };
        out.push(packet(
            Packet::FormatStart,
            vec![
                ("pageHeaderEntry", Value::Null),
                ("pageFooterEntry", Value::Null),
                ("autosizeInfo", autosize),
                ("shapeInfo", shape_info(&shape)),
                ("groupingEntry", Value::Null),
            ],
            self.start,
        ));
        out.push(packet(
            Packet::GroupStart,
            vec![("shapeInfo", Value::Null), ("groupingEntry", Value::Null)],
            self.group_start,
        ));
        for (oob, e, text) in &self.entries {
            out.push(entry(*oob, e, text.clone(), &aligns));
        }
        out.push(packet(Packet::GroupEnd, vec![("groupingEntry", Value::Null)], self.group_end));
        out.push(packet(Packet::FormatEnd, vec![("groupingEntry", Value::Null)], self.end));
        out
    }
}

/// The packet a value is, with the text it prints; `None` for anything else (including a
/// formatting object that lost its text, e.g. through Select-Object or a round trip).
pub fn packet_of(v: &Value) -> Option<(Packet, Rc<str>)> {
    let Value::Object(o) = v else { return None };
    let o = o.borrow();
    let text = o.format_text.clone()?;
    let name = o.type_names.first()?;
    let class = name.strip_prefix(NS)?.strip_prefix('.')?;
    let kind = match class {
        "FormatStartData" => Packet::FormatStart,
        "GroupStartData" => Packet::GroupStart,
        "FormatEntryData" => {
            Packet::Entry { out_of_band: o.get("outOfBand").is_some_and(|b| matches!(b, Value::Bool(true))) }
        }
        "GroupEndData" => Packet::GroupEnd,
        "FormatEndData" => Packet::FormatEnd,
        _ => return None,
    };
    Some((kind, text))
}

/// Where Out-Default is in a formatting sequence (`OutCommandInner.FormattingState`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sequence {
    /// No sequence open.
    #[default]
    Reset,
    /// After a FormatStartData.
    Formatting,
    /// After a GroupStartData.
    InsideGroup,
    /// After an out-of-sequence error: 5.1's error is terminating for the pipeline Out-Default ends,
    /// which in a console is the whole command line, so nothing more of the run prints.
    Failed,
}

impl Sequence {
    /// The state after `p`, or the out-of-sequence error 5.1's `ValidateCurrentFormattingState`
    /// throws. A FormatStartData inside a group first closes the open sequence (5.1 "pretends that
    /// the previous formatting directives were properly closed"); out-of-band entries fit anywhere.
    pub fn next(self, p: Packet, v: &Value) -> Result<Sequence, Box<ErrorRecord>> {
        if self == Sequence::Failed {
            return Err(out_of_sequence(p, v));
        }
        let (expected, next) = match p {
            Packet::Entry { out_of_band: true } => return Ok(self),
            Packet::Entry { out_of_band: false } => (Sequence::InsideGroup, Sequence::InsideGroup),
            Packet::FormatStart => {
                let from = if self == Sequence::InsideGroup { Sequence::Reset } else { self };
                return if from == Sequence::Reset { Ok(Sequence::Formatting) } else { Err(out_of_sequence(p, v)) };
            }
            Packet::FormatEnd => (Sequence::Formatting, Sequence::Reset),
            Packet::GroupStart => (Sequence::Formatting, Sequence::InsideGroup),
            Packet::GroupEnd => (Sequence::InsideGroup, Sequence::Formatting),
        };
        if self == expected { Ok(next) } else { Err(out_of_sequence(p, v)) }
    }
}

/// The terminating error of out-lineoutput for a packet out of sequence (FormatAndOut_out_xxx.resx
/// `OutLineOutput_OutOfSequencePacket`; BaseOutputtingCommand.cs names the violating command from
/// a start packet's shape, else `format-*`).
fn out_of_sequence(p: Packet, v: &Value) -> Box<ErrorRecord> {
    let command = match p {
        Packet::FormatStart | Packet::GroupStart => v
            .property("shapeInfo")
            .and_then(|s| match s {
                Value::Object(o) => {
                    let name = o.borrow().type_names.first().map(|t| t.to_string()).unwrap_or_default();
                    [Shape::Table { hide_header: false, columns: Vec::new() }, Shape::List, Shape::Wide { columns: 0 }]
                        .into_iter()
                        .find(|s| name.ends_with(shape_class(s)))
                        .map(|s| s.command())
                }
                _ => None,
            })
            .unwrap_or("format-*"),
        _ => "format-*",
    };
    Box::new(ErrorRecord {
        message: format!(
            "The object of type \"{}\" is not valid or not in the correct sequence. This is likely caused by a user-specified \"{command}\" command which is conflicting with the default formatting.",
            p.type_name()
        ),
        exception_type: "System.InvalidOperationException".into(),
        category: "InvalidData".into(),
        target: ":".into(),
        activity: "out-lineoutput".into(),
        fqid: "ConsoleLineOutputOutOfSequencePacket,Microsoft.PowerShell.Commands.OutLineOutputCommand".into(),
        prefix: Some("out-lineoutput".into()),
        ..ErrorRecord::default()
    })
}

fn shape_class(s: &Shape) -> &'static str {
    match s {
        Shape::Table { .. } => "TableHeaderInfo",
        Shape::List => "ListViewHeaderInfo",
        Shape::Wide { .. } => "WideViewHeaderInfo",
    }
}
