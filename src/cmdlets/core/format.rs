//! Format-Table, Format-List, Out-String, Out-File, Out-Host: thin wrappers over `crate::format`.
//! Calculated properties are evaluated here (the formatter never runs script blocks).

use super::props::{self, CalcExpr, PropSpec};
use crate::cmdlet::encoding::{self, Encoding};
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::directory::ExchangeVersion;
use crate::format::{self, Align, Column, Formatting, OutDefault, TableOptions, ViewOptions};
use crate::value::{Value, convert};

pub(super) fn formatting(cx: &dyn Context, width: Option<usize>) -> Formatting {
    let v = cx.directory().org.version;
    let mut f = Formatting::new(
        width.unwrap_or_else(|| cx.width()),
        ViewOptions { online: v == ExchangeVersion::Online, exchange2010: v == ExchangeVersion::Exchange2010 },
    );
    if let Some(limit) = cx.variable("FormatEnumerationLimit").and_then(|v| convert::to_int(&v)) {
        f.enumeration_limit = if limit < 0 { None } else { Some(limit as usize) };
    }
    let view = cx.variable("ErrorView").map(|v| convert::to_string(&v));
    f.error_style = format::ErrorStyle::from_variable(view.as_deref(), v == ExchangeVersion::Online);
    f
}

/// `[ValidateRange(min, int.MaxValue)]` failing on a cmdlet's int parameter, as the binder reports it.
pub(super) fn below_range(param: &str, value: i64, min: i64) -> CmdletError {
    CmdletError::core(
        format!(
            "Cannot validate argument on parameter '{param}'. The {value} argument is less than the minimum allowed range of {min}. Supply an argument that is greater than or equal to {min} and then try the command again."
        ),
        "System.Management.Automation.ParameterBindingValidationException",
        "InvalidData",
        "ParameterArgumentValidationError",
    )
}

/// The `Formatting` width for Out-String's and Out-File's `-Width` (`[ValidateRange(2, …)]`): the
/// text is `-Width` columns wide; without it, the host's buffer width less one (5.1's
/// `Host.UI.RawUI.BufferSize.Width - 1`, so that reading the file back in the same console does not
/// wrap; 120 where the host has no buffer), which is the console's own usable width.
fn text_width(cx: &dyn Context, args: &BoundArgs) -> Result<usize, CmdletError> {
    match args.opt::<i64>(WIDTH) {
        Some(w) if w < 2 => Err(below_range(WIDTH, w, 2)),
        // Formatting keeps one column free, as the console does; a text writer uses all `w`. Widths
        // past MAX_TEXT_WIDTH (the `-Width 2147483647` idiom) are held there: unsized columns padded
        // to billions of cells would exhaust memory.
        Some(w) => Ok(usize::try_from(w).unwrap_or(usize::MAX).min(MAX_TEXT_WIDTH) + 1),
        None => Ok(cx.width()),
    }
}

const WIDTH: &str = "Width";

/// The widest text Out-String and Out-File lay out (docs/reference/format.md).
const MAX_TEXT_WIDTH: usize = 65_536;

/// Formatting objects among a format cmdlet's input go on unchanged, as 5.1's
/// `InnerFormatShapeCommand.ProcessObject` writes what "we are already formatted" through (so
/// `Format-Table | Format-Table` prints the first table). The rest is returned for formatting.
pub(super) fn pass_through_packets(cx: &mut dyn Context, items: Vec<Value>) -> Vec<Value> {
    let mut rest = Vec::new();
    for v in items {
        if format::format_objects::packet_of(&v).is_some() {
            cx.output(v);
        } else {
            rest.push(v);
        }
    }
    rest
}

/// `Format-Table` (`ft`, `table`).
pub struct FormatTable;

impl Cmdlet for FormatTable {
    fn signature(&self) -> Signature {
        Signature::new("Format-Table", "Microsoft.PowerShell.Commands.FormatTableCommand", Origin::Core)
            .synopsis("Formats the output as a table.")
            .param(
                Param::new("Property", ParamType::Object)
                    .array()
                    .position(0)
                    .help("Columns: property names or calculated properties."),
            )
            .param(
                Param::new("AutoSize", ParamType::Switch).aliases(&["Auto"]).help("Sizes columns to their contents."),
            )
            .param(Param::new("Wrap", ParamType::Switch).help("Wraps long cells instead of cutting them."))
            .param(Param::new("HideTableHeaders", ParamType::Switch).help("Omits the header lines."))
            .param(
                Param::new(GROUP_BY, ParamType::Object)
                    .help("A table per run of equal values (a property, script block or calculated property)."),
            )
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to format."))
            .example(
                "Get-MailboxPermission karen | Format-Table -AutoSize User,AccessRights,IsInherited,Deny",
                "Uncut columns.",
            )
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let items = pass_through_packets(cx, std::mem::take(state));
        if items.is_empty() {
            return Ok(());
        }
        grouped_output(cx, args, items, table_document)
    }
}

/// Writes a format cmdlet's objects: one document, or with -GroupBy one per run of equal keys
/// joined into one format sequence with a `   Label: value` header per group.
fn grouped_output(
    cx: &mut dyn Context,
    args: &BoundArgs,
    items: Vec<Value>,
    layout: fn(&mut dyn Context, &BoundArgs, &[Value]) -> Result<format::format_objects::Document, CmdletError>,
) -> CmdletResult {
    let packets = match args.get(GROUP_BY) {
        None => layout(cx, args, &items)?.packets(),
        Some(spec) => {
            let mut docs = Vec::new();
            for (header, run) in group_runs(cx, spec, items)? {
                docs.push((header, layout(cx, args, &run)?));
            }
            format::format_objects::grouped_packets(docs)
        }
    };
    for packet in packets {
        cx.output(packet);
    }
    Ok(())
}

const GROUP_BY: &str = "GroupBy";

/// -GroupBy's groups: the input in runs of equal keys (PowerShell assumes it sorted and starts a
/// new group whenever the key changes), each with its header text `   Label: value`
/// (FormatAndOut_format_xxx GroupStartDataIndentedAutoGeneratedLabel). The label is the property
/// name, a calculated property's Name/Label, or a script block's text.
fn group_runs(cx: &mut dyn Context, spec: &Value, items: Vec<Value>) -> Result<Vec<(String, Vec<Value>)>, CmdletError> {
    let specs = props::parse_specs(spec).map_err(props::invalid_key)?;
    let limit = formatting(cx, None).cells();
    let mut runs: Vec<(String, Vec<Value>)> = Vec::new();
    let mut last_key: Option<String> = None;
    for it in items {
        let (label, v) = props::evaluate(cx, &specs[..specs.len().min(1)], &it)?
            .into_iter()
            .next()
            .unwrap_or_else(|| (String::new(), Value::Null));
        let shown = format::cell_text(&v, limit);
        let same = last_key.as_ref().is_some_and(|k| k.eq_ignore_ascii_case(&shown));
        match runs.last_mut() {
            Some((_, run)) if same => run.push(it),
            _ => {
                runs.push((format!("   {label}: {shown}"), vec![it]));
                last_key = Some(shown);
            }
        }
    }
    Ok(runs)
}

/// Format-Table's document for these objects.
fn table_document(
    cx: &mut dyn Context,
    args: &BoundArgs,
    items: &[Value],
) -> Result<format::format_objects::Document, CmdletError> {
    {
        let fmt = formatting(cx, None);
        let opts = TableOptions {
            autosize: args.switch("AutoSize"),
            wrap: args.switch("Wrap"),
            hide_headers: args.switch("HideTableHeaders"),
        };
        let columns = match args.get("Property") {
            None => None,
            Some(spec) => {
                let specs = props::parse_specs(spec).map_err(props::invalid_key)?;
                Some(build_columns(cx, &specs, items)?)
            }
        };
        let (doc, hidden) = format::format_table_document(items, columns.as_deref(), &opts, &fmt);
        // Windows PowerShell 5.1 warns when -AutoSize had to drop columns, before the table;
        // PowerShell 7 (the Online profile's shell) no longer has the message.
        if opts.autosize && hidden > 0 && !fmt.view.online {
            cx.warning(&format!("{hidden} columns do not fit into the display and were removed."));
        }
        Ok(doc)
    }
}

fn build_columns(cx: &mut dyn Context, specs: &[PropSpec], items: &[Value]) -> Result<Vec<Column>, CmdletError> {
    // Expand wildcards against the first object.
    let mut expanded: Vec<PropSpec> = Vec::new();
    for s in specs {
        match s {
            PropSpec::Name(n) if n.contains(['*', '?']) => {
                if let Some(first) = items.first() {
                    for name in props::property_names(first) {
                        if convert::wildcard_match(n, &name, false) {
                            expanded.push(PropSpec::Name(name));
                        }
                    }
                }
            }
            other => expanded.push(other.clone()),
        }
    }
    let mut cols: Vec<Column> = Vec::new();
    for s in &expanded {
        let mut col = Column::default();
        if let PropSpec::Calculated { width, align, label, expr } = s {
            col.width = *width;
            col.align = align.as_deref().map(|a| match a.to_ascii_lowercase().as_str() {
                "right" => Align::Right,
                "center" => Align::Center,
                _ => Align::Left,
            });
            col.label = label.clone().unwrap_or_else(|| match expr {
                CalcExpr::Name(n) => n.clone(),
                CalcExpr::Block(b) => b.text.trim().to_string(),
            });
        }
        for it in items {
            let pair = props::evaluate(cx, std::slice::from_ref(s), it)?;
            let (label, v) = pair.into_iter().next().unwrap_or((String::new(), Value::Null));
            if col.label.is_empty() {
                col.label = label;
            }
            col.values.push(v);
        }
        if col.label.is_empty() {
            if let PropSpec::Name(n) = s {
                col.label = n.clone();
            }
        }
        cols.push(col);
    }
    Ok(cols)
}

/// `Format-List` (`fl`, `list`).
pub struct FormatList;

impl Cmdlet for FormatList {
    fn signature(&self) -> Signature {
        Signature::new("Format-List", "Microsoft.PowerShell.Commands.FormatListCommand", Origin::Core)
            .synopsis("Formats the output as a list of properties, each on a new line.")
            .param(Param::new("Property", ParamType::Object).array().position(0).help("Properties to show; * for all."))
            .param(
                Param::new(GROUP_BY, ParamType::Object)
                    .help("A list per run of equal values (a property, script block or calculated property)."),
            )
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to format."))
            .example("Get-Mailbox karen | Format-List Name,GrantSendOnBehalfTo", "Two properties as a list.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let items = pass_through_packets(cx, std::mem::take(state));
        if items.is_empty() {
            return Ok(());
        }
        grouped_output(cx, args, items, list_document)
    }
}

/// Format-List's document for these objects.
fn list_document(
    cx: &mut dyn Context,
    args: &BoundArgs,
    items: &[Value],
) -> Result<format::format_objects::Document, CmdletError> {
    {
        let fmt = formatting(cx, None);
        let doc = match args.get("Property") {
            None => format::format_list_values(items, None, &fmt),
            Some(spec) => {
                let specs = props::parse_specs(spec).map_err(props::invalid_key)?;
                if specs.iter().all(|s| matches!(s, PropSpec::Name(_))) {
                    let names: Vec<String> = specs
                        .iter()
                        .filter_map(|s| if let PropSpec::Name(n) = s { Some(n.clone()) } else { None })
                        .collect();
                    format::format_list_values(items, Some(&names), &fmt)
                } else {
                    let mut entries = Vec::new();
                    for it in items {
                        let pairs = props::evaluate(cx, &specs, it)?;
                        let limit = fmt.cells();
                        entries.push(Ok(pairs.into_iter().map(|(k, v)| (k, format::cell_text(&v, limit))).collect()));
                    }
                    format::format_list_document(&entries, &fmt)
                }
            }
        };
        Ok(doc)
    }
}

/// The text Out-Default would print for these objects, at this width.
pub fn render(cx: &dyn Context, items: &[Value], width: Option<usize>) -> String {
    let mut out: Vec<u8> = Vec::new();
    let mut od = OutDefault::with(formatting(cx, width));
    for v in items {
        let _ = od.object(v, &mut out);
    }
    let _ = od.finish(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `Out-String`.
pub struct OutString;

impl Cmdlet for OutString {
    fn signature(&self) -> Signature {
        Signature::new("Out-String", "Microsoft.PowerShell.Commands.OutStringCommand", Origin::Core)
            .synopsis("Sends objects to the host as a series of strings.")
            .param(
                Param::new(WIDTH, ParamType::Int)
                    .help("Line width (2 or more); the host's buffer width less one by default."),
            )
            .param(Param::new("Stream", ParamType::Switch).help("One string per line."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to render."))
            .example("$text = Get-MailboxPermission karen | Out-String", "The table as text.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let width = text_width(cx, args)?;
        let text = render(cx, state, Some(width));
        if args.switch("Stream") {
            for l in text.lines() {
                cx.output(Value::str(l));
            }
        } else {
            cx.output(Value::str(text.replace('\n', "\r\n")));
        }
        Ok(())
    }
}

/// `Out-File`.
pub struct OutFile;

impl Cmdlet for OutFile {
    fn signature(&self) -> Signature {
        Signature::new("Out-File", "Microsoft.PowerShell.Commands.OutFileCommand", Origin::Core)
            .synopsis("Sends output to a file.")
            .param(
                Param::new("FilePath", ParamType::String).position(0).mandatory().aliases(&["Path"]).help("The file."),
            )
            .param(Param::new("Append", ParamType::Switch).help("Adds to the end of the file."))
            .param(
                Param::new("Encoding", ParamType::String)
                    .position(1)
                    .help("Unicode (5.1's default), UTF8 (with BOM in 5.1), ASCII, Default (Windows-1252), OEM, UTF7, UTF32, BigEndianUnicode; PowerShell 7 (Online): utf8NoBOM (the default), utf8BOM, ansi."),
            )
            .param(Param::new(WIDTH, ParamType::Int).help("Line width (2 or more); the host's buffer width less one by default."))
            .param(Param::new("NoNewline", ParamType::Switch).help("No line breaks between or after the objects' text."))
            .param(Param::new("Force", ParamType::Switch).help("Overwrites read-only files."))
            .param(Param::new("NoClobber", ParamType::Switch).aliases(&["NoOverwrite"]).help("Does not overwrite an existing file."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to write."))
            .example("Get-MailboxPermission karen | Out-File report.txt", "The table in a file.")
            .example("$lines | Out-File C:\\temp\\log.txt -Append -Encoding ASCII", "Appends plain text.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let path = args.string("FilePath").unwrap_or_default();
        let pwsh7 = !cx.directory().org.version.is_on_premises();
        let encoding = match args.string("Encoding") {
            Some(name) => match Encoding::from_name(&name, pwsh7) {
                Some(e) => Some(e),
                None => return Err(encoding_error(&name, pwsh7)),
            },
            None => None,
        };
        let text = if args.switch("NoNewline") {
            state.iter().flat_map(|v| v.enumerate()).map(|v| convert::to_string(&v)).collect::<String>()
        } else {
            let width = text_width(cx, args)?;
            render(cx, state, Some(width)).replace('\n', "\r\n")
        };
        let default = if pwsh7 { Encoding::Utf8 } else { Encoding::Unicode };
        let write = Write { encoding: encoding.unwrap_or(default), keep_existing: encoding.is_none() && pwsh7 };
        write_encoded(cx, &path, &text, write, args.switch("Append"), args.switch("NoClobber"))
    }
}

/// The error for an `-Encoding` name the version does not know: 5.1's ValidateSet, 7's
/// ArgumentToEncodingTransformation.
fn encoding_error(name: &str, pwsh7: bool) -> CmdletError {
    if pwsh7 {
        CmdletError::core(
            format!(
                "Cannot process argument transformation on parameter 'Encoding'. '{name}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')"
            ),
            "System.Management.Automation.ParameterBindingArgumentTransformationException",
            "InvalidData",
            "ParameterArgumentTransformationError",
        )
    } else {
        CmdletError::core(
            format!(
                "Cannot validate argument on parameter 'Encoding'. The argument \"{name}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                encoding::OUT_FILE_SET_51.join(",")
            ),
            "System.Management.Automation.ParameterBindingValidationException",
            "InvalidData",
            "ParameterArgumentValidationError",
        )
    }
}

/// How text is written: its encoding, and whether appending keeps an existing file's BOM encoding.
pub(crate) struct Write {
    pub encoding: Encoding,
    pub keep_existing: bool,
}

/// Writes text as Out-File and the content cmdlets do: a new file gets the encoding's BOM;
/// appending to a file that has content adds no BOM (and with `keep_existing`, uses the encoding
/// the file's BOM announces).
pub(crate) fn write_encoded(
    cx: &mut dyn Context,
    path: &str,
    text: &str,
    write: Write,
    append: bool,
    no_clobber: bool,
) -> CmdletResult {
    let p = cx.files().resolve(path).map_err(|e| open_error(e.message(path), "System.NotSupportedException"))?;
    let full = p.to_string();
    let existing = cx.files().stat(&p);
    if let Some(i) = &existing {
        if i.is_dir {
            return Err(open_error(
                format!("Access to the path '{full}' is denied."),
                "System.UnauthorizedAccessException",
            ));
        }
        if no_clobber && !append {
            return Err(CmdletError::core(
                format!("The file '{full}' already exists."),
                "System.IO.IOException",
                "ResourceExists",
                "NoClobber",
            ));
        }
    }
    let existing_bytes =
        if append && existing.as_ref().is_some_and(|i| i.len > 0) { cx.files().read_bytes(&p).ok() } else { None };
    let enc = match &existing_bytes {
        Some(b) if write.keep_existing => Encoding::detect(b).unwrap_or(write.encoding),
        _ => write.encoding,
    };
    let bytes = if existing_bytes.is_some() { enc.encode(text) } else { enc.file_bytes(text) };
    cx.files().write_bytes(&p, &bytes, existing_bytes.is_some()).map_err(|e| {
        let ty = match e {
            crate::cmdlet::FileError::PartNotFound | crate::cmdlet::FileError::NotFound => {
                "System.IO.DirectoryNotFoundException"
            }
            crate::cmdlet::FileError::Denied => "System.UnauthorizedAccessException",
            _ => "System.IO.IOException",
        };
        let e = if e == crate::cmdlet::FileError::NotFound { crate::cmdlet::FileError::PartNotFound } else { e };
        open_error(e.message(&full), ty)
    })
}

fn open_error(message: String, ty: &str) -> CmdletError {
    CmdletError::core(message, ty, "OpenError", "FileOpenFailure")
}

/// `Out-Host` (`oh`): passes objects to the host display.
pub struct OutHost;

impl Cmdlet for OutHost {
    fn signature(&self) -> Signature {
        Signature::new("Out-Host", "Microsoft.PowerShell.Commands.OutHostCommand", Origin::Core)
            .synopsis("Sends output to the command line.")
            .param(Param::new("Paging", ParamType::Switch).help("Accepted; no paging."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to display."))
            .example("Get-Mailbox | Out-Host", "Displays mailboxes.")
    }

    fn end(&self, cx: &mut dyn Context, _args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let text = render(cx, state, None);
        cx.host(&text, None, None, false);
        Ok(())
    }
}
