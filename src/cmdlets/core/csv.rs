//! Import-Csv, Export-Csv, ConvertTo-Csv, ConvertFrom-Csv (Windows PowerShell 5.1 rules: every
//! field quoted, a `#TYPE` line unless `-NoTypeInformation`, CRLF line ends).

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value, convert};

fn file_error(path: &str, msg: &str) -> CmdletError {
    let _ = msg;
    CmdletError::core(
        format!("Could not find file '{path}'."),
        "System.IO.FileNotFoundException",
        "OpenError",
        "FileOpenFailure",
    )
}

/// Parses CSV text into PSCustomObjects.
fn parse_csv(text: &str, delimiter: u8, header: Option<Vec<String>>) -> Result<Vec<Value>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A leading #TYPE line is skipped.
    let body: String = match text.lines().next() {
        Some(first) if first.starts_with("#TYPE") || first.starts_with("#") && first.len() > 1 && header.is_none() => {
            text.lines().skip(1).collect::<Vec<_>>().join("\n")
        }
        _ => text.to_string(),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(body.as_bytes());
    let mut records = rdr.records();
    let names: Vec<String> = match header {
        Some(h) => h,
        None => match records.next() {
            Some(Ok(r)) => r.iter().map(|s| s.to_string()).collect(),
            Some(Err(e)) => return Err(e.to_string()),
            None => return Ok(Vec::new()),
        },
    };
    let mut out = Vec::new();
    for r in records {
        let r = r.map_err(|e| e.to_string())?;
        if r.len() == 1 && r.get(0).map(|s| s.is_empty()).unwrap_or(false) {
            continue;
        }
        let mut o = PsObject::custom();
        for (i, n) in names.iter().enumerate() {
            let name = if n.is_empty() { format!("H{}", i + 1) } else { n.clone() };
            o.set(&name, r.get(i).map(Value::str).unwrap_or(Value::Null));
        }
        out.push(Value::object(o));
    }
    Ok(out)
}

fn delimiter(args: &BoundArgs) -> u8 {
    args.string("Delimiter").and_then(|d| d.bytes().next()).unwrap_or(b',')
}

fn header(args: &BoundArgs) -> Option<Vec<String>> {
    args.get("Header").map(|h| h.enumerate().iter().map(convert::to_string).collect())
}

/// `Import-Csv`.
pub struct ImportCsv;

impl Cmdlet for ImportCsv {
    fn signature(&self) -> Signature {
        Signature::new("Import-Csv", "Microsoft.PowerShell.Commands.ImportCsvCommand", Origin::Core)
            .synopsis("Creates table-like custom objects from the items in a CSV file.")
            .param(Param::new("Path", ParamType::String).array().position(0).from_pipeline().help("The CSV file to read."))
            .param(Param::new("LiteralPath", ParamType::String).array().aliases(&["PSPath"]).help("The CSV file, taken literally."))
            .param(Param::new("Delimiter", ParamType::String).position(1).help("Field separator (default comma)."))
            .param(Param::new("Header", ParamType::String).array().help("Column names, when the file has no header row."))
            .param(Param::new("Encoding", ParamType::String).help("Accepted; files are read as UTF-8."))
            .param(Param::new("UseCulture", ParamType::Switch).help("Uses the culture's list separator (comma)."))
            .example("Import-Csv .\\grants.csv | ForEach-Object { Add-MailboxPermission $_.Mailbox -User $_.User -AccessRights FullAccess }", "Grants from a file.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let paths = args.get("Path").or_else(|| args.get("LiteralPath")).map(|p| p.enumerate()).unwrap_or_default();
        for p in paths {
            let path = convert::to_string(&p);
            let text = match cx.files().read_text(&path) {
                Ok(t) => t,
                Err(e) => {
                    cx.error(file_error(&path, &e))?;
                    continue;
                }
            };
            match parse_csv(&text, delimiter(args), header(args)) {
                Ok(rows) => {
                    for r in rows {
                        cx.output(r);
                    }
                }
                Err(e) => {
                    cx.error(CmdletError::core(e, "System.IO.InvalidDataException", "InvalidData", "CsvParseError"))?
                }
            }
        }
        Ok(())
    }
}

/// `ConvertFrom-Csv`.
pub struct ConvertFromCsv;

impl Cmdlet for ConvertFromCsv {
    fn signature(&self) -> Signature {
        Signature::new("ConvertFrom-Csv", "Microsoft.PowerShell.Commands.ConvertFromCsvCommand", Origin::Core)
            .synopsis("Converts CSV text into custom objects.")
            .param(
                Param::new("InputObject", ParamType::Object).position(0).mandatory().from_pipeline().help("CSV lines."),
            )
            .param(Param::new("Delimiter", ParamType::String).position(1).help("Field separator."))
            .param(Param::new("Header", ParamType::String).array().help("Column names."))
            .example("'Mailbox,User','karen,michelle' | ConvertFrom-Csv", "Objects from text.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        for v in args.get("InputObject").map(|v| v.enumerate()).unwrap_or_default() {
            state.push(Value::str(convert::to_string(&v)));
        }
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let text = state.iter().map(convert::to_string).collect::<Vec<_>>().join("\n");
        match parse_csv(&text, delimiter(args), header(args)) {
            Ok(rows) => {
                for r in rows {
                    cx.output(r);
                }
                Ok(())
            }
            Err(e) => Err(CmdletError::core(e, "System.IO.InvalidDataException", "InvalidData", "CsvParseError")),
        }
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn csv_value(v: &Value) -> String {
    match v {
        Value::Array(_) | Value::Hashtable(_) => v.type_name(),
        other => convert::to_string(other),
    }
}

/// The CSV lines for objects (without line ends).
fn to_csv_lines(items: &[Value], no_type: bool, delim: char, with_header: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let Some(first) = items.first() else { return lines };
    let names: Vec<String> = match first {
        Value::Object(o) => o.borrow().names().iter().map(|n| n.to_string()).collect(),
        Value::Hashtable(_) => {
            vec!["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"]
                .into_iter()
                .map(String::from)
                .collect()
        }
        Value::Str(_) => vec!["Length".to_string()],
        _ => Vec::new(),
    };
    if !no_type && with_header {
        lines.push(format!("#TYPE {}", first.type_name()));
    }
    let sep = delim.to_string();
    if with_header {
        lines.push(names.iter().map(|n| quote(n)).collect::<Vec<_>>().join(&sep));
    }
    for it in items {
        let row: Vec<String> = names
            .iter()
            .map(|n| match it.property(n) {
                Some(v) if !v.is_null() => quote(&csv_value(&v)),
                _ => String::new(),
            })
            .collect();
        lines.push(row.join(&sep));
    }
    lines
}

/// `Export-Csv`.
pub struct ExportCsv;

impl Cmdlet for ExportCsv {
    fn signature(&self) -> Signature {
        Signature::new("Export-Csv", "Microsoft.PowerShell.Commands.ExportCsvCommand", Origin::Core)
            .synopsis("Converts objects into CSV strings and saves them to a file.")
            .param(Param::new("Path", ParamType::String).position(0).help("The output file."))
            .param(
                Param::new("LiteralPath", ParamType::String)
                    .aliases(&["PSPath"])
                    .help("The output file, taken literally."),
            )
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The objects to export."))
            .param(Param::new("NoTypeInformation", ParamType::Switch).aliases(&["NTI"]).help("Omits the #TYPE line."))
            .param(Param::new("Append", ParamType::Switch).help("Adds to the end of the file."))
            .param(Param::new("Delimiter", ParamType::String).position(1).help("Field separator (default comma)."))
            .param(Param::new("Encoding", ParamType::String).help("Accepted; files are written as UTF-8."))
            .param(Param::new("Force", ParamType::Switch).help("Overwrites read-only files."))
            .param(Param::new("NoClobber", ParamType::Switch).help("Does not overwrite an existing file."))
            .param(Param::new("UseCulture", ParamType::Switch).help("Uses the culture's list separator (comma)."))
            .example("Get-MailboxPermission karen | Export-Csv perms.csv -NoTypeInformation", "A report file.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let path = args.string("Path").or_else(|| args.string("LiteralPath")).unwrap_or_default();
        if path.is_empty() {
            return Err(CmdletError::core(
                "Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.",
                "System.Management.Automation.PSInvalidOperationException",
                "InvalidArgument",
                "CannotSpecifyPathAndLiteralPath",
            ));
        }
        let append = args.switch("Append");
        if args.switch("NoClobber") && !append && cx.files().exists(&path) {
            return Err(CmdletError::core(
                format!("The file '{path}' already exists."),
                "System.IO.IOException",
                "ResourceExists",
                "NoClobber",
            ));
        }
        let delim = args.string("Delimiter").and_then(|d| d.chars().next()).unwrap_or(',');
        let with_header = !(append && cx.files().exists(&path));
        let lines = to_csv_lines(state, args.switch("NoTypeInformation"), delim, with_header);
        let mut text = lines.join("\r\n");
        if !text.is_empty() {
            text.push_str("\r\n");
        }
        cx.files()
            .write_text(&path, &text, append)
            .map_err(|e| CmdletError::core(e, "System.IO.IOException", "OpenError", "FileOpenFailure"))
    }
}

/// `ConvertTo-Csv`.
pub struct ConvertToCsv;

impl Cmdlet for ConvertToCsv {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-Csv", "Microsoft.PowerShell.Commands.ConvertToCsvCommand", Origin::Core)
            .synopsis("Converts objects into a series of CSV strings.")
            .param(
                Param::new("InputObject", ParamType::Object)
                    .position(0)
                    .from_pipeline()
                    .help("The objects to convert."),
            )
            .param(Param::new("NoTypeInformation", ParamType::Switch).aliases(&["NTI"]).help("Omits the #TYPE line."))
            .param(Param::new("Delimiter", ParamType::String).position(1).help("Field separator."))
            .example("Get-Mailbox karen | Select-Object Name,Alias | ConvertTo-Csv -NoTypeInformation", "CSV text.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let delim = args.string("Delimiter").and_then(|d| d.chars().next()).unwrap_or(',');
        for l in to_csv_lines(state, args.switch("NoTypeInformation"), delim, true) {
            cx.output(Value::str(l));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_fields_and_bom() {
        let rows = parse_csv("\u{feff}Mailbox,User\r\nkaren,\"Dubois, Michelle\"\r\n", b',', None).expect("parse");
        assert_eq!(rows.len(), 2 - 1);
        assert_eq!(convert::to_string(&rows[0].property("User").unwrap_or_default()), "Dubois, Michelle");
    }

    #[test]
    fn writes_type_line_and_quotes() {
        let o = Value::object(PsObject::custom().with("Name", "a\"b").with("N", 1i64));
        let lines = to_csv_lines(&[o], false, ',', true);
        assert_eq!(
            lines,
            vec!["#TYPE System.Management.Automation.PSCustomObject", "\"Name\",\"N\"", "\"a\"\"b\",\"1\""]
        );
    }
}
