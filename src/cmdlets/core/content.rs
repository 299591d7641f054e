//! Text files the way admin scripts use them: `Get-Content`, `Set-Content`, `Add-Content` and
//! `Remove-Item` (files only). All file access goes through [`Context::files`]; messages name the
//! path resolved against `$PWD`, as PowerShell's providers do.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{Value, convert};

use super::items::not_found;
use crate::cmdlet::encoding::{self, Encoding};

fn io_error(message: String) -> CmdletError {
    CmdletError::core(message, "System.IO.IOException", "WriteError", "GetContentWriterIOError")
}

/// The paths a `-Path` argument names (one or an array).
fn paths(args: &BoundArgs) -> Vec<String> {
    args.opt::<Vec<String>>("Path").unwrap_or_default()
}

/// Get-Content's paths with wildcards expanded (`.\\Success*.csv`): a file named literally wins,
/// a wildcard matching nothing names nothing (no error, as the FileSystem provider does).
fn expanded_paths(cx: &mut dyn Context, args: &BoundArgs) -> Vec<String> {
    let mut out = Vec::new();
    for path in paths(args) {
        if super::drives::parse(&path).is_some()
            || !crate::cmdlet::path::has_wildcard(&path)
            || cx.files().exists(&path)
        {
            out.push(path);
            continue;
        }
        match cx.files().expand(&path) {
            Ok(found) => out
                .extend(found.iter().filter(|p| cx.files().stat(p).is_some_and(|i| !i.is_dir)).map(|p| p.to_string())),
            Err(_) => out.push(path),
        }
    }
    out
}

/// Splits file text into lines the way Get-Content does: CRLF, LF or CR end a line, and a final
/// line terminator does not start an empty line.
fn split_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(std::mem::take(&mut cur));
            }
            '\n' => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `Get-Content` (`gc`, `cat`, `type`).
pub struct GetContent;

impl Cmdlet for GetContent {
    fn signature(&self) -> Signature {
        Signature::new("Get-Content", "Microsoft.PowerShell.Commands.GetContentCommand", Origin::Core)
            .synopsis("Gets the lines of a text file.")
            .param(
                Param::new("Path", ParamType::String)
                    .array()
                    .position(0)
                    .mandatory()
                    .aliases(&["LiteralPath", "PSPath", "LP"])
                    .from_pipeline_by_name()
                    .help("The file(s) to read."),
            )
            .param(
                Param::new("TotalCount", ParamType::Int)
                    .aliases(&["First", "Head"])
                    .help("Reads only the first N lines."),
            )
            .param(Param::new("Tail", ParamType::Int).aliases(&["Last"]).help("Reads only the last N lines."))
            .param(Param::new("Raw", ParamType::Switch).help("Returns the whole file as one string."))
            .param(Param::new("Encoding", ParamType::String).help("Accepted; the encoding is detected."))
            .param(Param::new("ReadCount", ParamType::Int).help("Accepted; lines are sent one at a time."))
            .example("$users = Get-Content .\\users.txt", "One alias per line.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        for path in expanded_paths(cx, args) {
            if let Some(dp) = super::drives::parse(&path) {
                super::drives::content(cx, &dp)?;
                continue;
            }
            if !cx.files().exists(&path) {
                cx.error(not_found(cx, &path))?;
                continue;
            }
            let text = match cx.files().read_text(&path) {
                Ok(t) => t,
                Err(e) => {
                    cx.error(CmdletError::core(e, "System.IO.IOException", "ReadError", "GetContentReaderIOError"))?;
                    continue;
                }
            };
            if args.switch("Raw") {
                if !text.is_empty() {
                    cx.output(Value::str(text));
                }
                continue;
            }
            let mut lines = split_lines(&text);
            if let Some(n) = args.opt::<i64>("TotalCount") {
                if n >= 0 {
                    lines.truncate(n as usize);
                }
            }
            if let Some(n) = args.opt::<i64>("Tail") {
                let n = n.max(0) as usize;
                if lines.len() > n {
                    lines.drain(..lines.len() - n);
                }
            }
            for l in lines {
                cx.output(Value::str(l));
            }
        }
        Ok(())
    }
}

/// The text Set-Content/Add-Content write for the collected values.
fn content_text(values: &[Value], no_newline: bool) -> String {
    let items = values.iter().flat_map(|v| v.enumerate()).map(|v| convert::to_string(&v));
    if no_newline { items.collect() } else { items.map(|s| s + "\r\n").collect() }
}

fn content_signature(name: &'static str, class: &'static str, synopsis: &'static str) -> Signature {
    Signature::new(name, class, Origin::Core)
        .synopsis(synopsis)
        .param(
            Param::new("Path", ParamType::String)
                .array()
                .position(0)
                .mandatory()
                .aliases(&["LiteralPath", "PSPath", "LP"])
                .help("The file(s) to write."),
        )
        .param(
            Param::new("Value", ParamType::Object)
                .array()
                .position(1)
                .mandatory()
                .from_pipeline()
                .help("The lines to write."),
        )
        .param(Param::new("NoNewline", ParamType::Switch).help("Writes the values with no line breaks."))
        .param(Param::new("Encoding", ParamType::String).help(
            "5.1: Default (the ANSI code page, Windows-1252: the default), ASCII, UTF8 (with BOM), Unicode, BigEndianUnicode, UTF7, UTF32, BigEndianUTF32, Oem, Byte; Online (PowerShell 7): utf8NoBOM (the default), utf8BOM, ansi and the others.",
        ))
        .param(Param::new("Force", ParamType::Switch).help("Accepted."))
        .param(Param::new("PassThru", ParamType::Switch).help("Accepted."))
}

fn write_content(cx: &mut dyn Context, args: &BoundArgs, state: &[Value], append: bool) -> CmdletResult {
    let pwsh7 = !cx.directory().org.version.is_on_premises();
    let named = args.string("Encoding");
    let byte = named.as_deref().is_some_and(|n| n.eq_ignore_ascii_case("Byte") && !pwsh7);
    let encoding = match named.as_deref() {
        Some(_) if byte => Encoding::Ansi,
        Some(n) => match Encoding::from_name(n, pwsh7) {
            Some(e) if pwsh7 || encoding::CONTENT_SET_51.iter().any(|x| x.eq_ignore_ascii_case(n)) => e,
            _ => return Err(encoding_error(n, pwsh7)),
        },
        None if pwsh7 => Encoding::Utf8,
        None => Encoding::Ansi,
    };
    let write = |keep| super::format::Write { encoding, keep_existing: keep };
    for path in paths(args) {
        let r = if byte {
            let bytes: Vec<u8> =
                state.iter().flat_map(|v| v.enumerate()).filter_map(|v| convert::to_int(&v)).map(|n| n as u8).collect();
            match cx.files().resolve(&path) {
                Ok(p) => cx.files().write_bytes(&p, &bytes, append).map_err(|e| io_error(e.message(&p.to_string()))),
                Err(e) => Err(io_error(e.message(&path))),
            }
        } else {
            let text = content_text(state, args.switch("NoNewline"));
            // Add-Content keeps the encoding an existing file's BOM announces (docs/reference/files.md).
            super::format::write_encoded(cx, &path, &text, write(append && named.is_none()), append, false).map_err(
                |e| match e {
                    CmdletError::Record(r) if r.fqid == "FileOpenFailure" => io_error(r.message),
                    other => other,
                },
            )
        };
        if let Err(e) = r {
            cx.error(e)?;
        }
    }
    Ok(())
}

/// A 5.1 `-Encoding` name that is not a FileSystemCmdletProviderEncoding, or a name 7 does not know.
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
                "Cannot bind parameter 'Encoding'. Cannot convert value \"{name}\" to type \"Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding\". Error: \"Unable to match the identifier name {name} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
                encoding::CONTENT_SET_51.join(", ")
            ),
            "System.Management.Automation.ParameterBindingException",
            "InvalidArgument",
            "CannotConvertArgumentNoMessage",
        )
    }
}

/// `Set-Content` (`sc`): replaces a file's content with the values, one per line.
pub struct SetContent;

impl Cmdlet for SetContent {
    fn signature(&self) -> Signature {
        content_signature(
            "Set-Content",
            "Microsoft.PowerShell.Commands.SetContentCommand",
            "Writes values to a file, replacing its content.",
        )
        .example("Set-Content -Path .\\log.txt -Value 'started'", "A new one-line file.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        collect_values(args, state)
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        write_content(cx, args, state, false)
    }
}

/// Set-Content and Add-Content gather `-Value` (named or piped) and write once at the end.
fn collect_values(args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
    if let Some(v) = args.get("Value") {
        state.push(v.clone());
    }
    Ok(())
}

/// `Add-Content` (`ac`): appends the values to a file, one per line.
pub struct AddContent;

impl Cmdlet for AddContent {
    fn signature(&self) -> Signature {
        content_signature(
            "Add-Content",
            "Microsoft.PowerShell.Commands.AddContentCommand",
            "Appends values to a file, creating it when missing.",
        )
        .example("Add-Content -Path .\\log.txt -Value \"Granted $user\"", "One more log line.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        collect_values(args, state)
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        write_content(cx, args, state, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_any_terminator_without_a_trailing_empty_line() {
        assert_eq!(split_lines("a\r\nb\nc\rd\r\n"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\r\n\r\nb"), vec!["a", "", "b"]);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn content_is_one_line_per_value_unless_no_newline() {
        let vals = vec![Value::str("a"), Value::array(vec![Value::Int(1), Value::str("b")])];
        assert_eq!(content_text(&vals, false), "a\r\n1\r\nb\r\n");
        assert_eq!(content_text(&vals, true), "a1b");
    }
}
