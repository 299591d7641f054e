//! `Select-String` (`sls`): lines of piped text or of files that match one of several patterns
//! (.NET regular expressions, or plain text with `-SimpleMatch`), as MatchInfo objects that print
//! as `line` (piped input) or `path:number:line` (files), with `-Context` lines marked `>`.
//! Facts in docs/reference/regex.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::format::MATCH_INFO_TYPE;
use crate::value::regex::{Options, Regex};
use crate::value::{PsObject, Value, convert};

/// `Select-String`.
pub struct SelectString;

const PATTERN: &str = "Pattern";
const INPUT_OBJECT: &str = "InputObject";
const PATH: &str = "Path";
const SIMPLE_MATCH: &str = "SimpleMatch";
const CASE_SENSITIVE: &str = "CaseSensitive";
const NOT_MATCH: &str = "NotMatch";
const ALL_MATCHES: &str = "AllMatches";
const CONTEXT: &str = "Context";
const QUIET: &str = "Quiet";
const LIST: &str = "List";

/// Where the lines came from: `None` for piped input (`InputStream`), else (display path, full path).
type Source = Option<(String, String)>;

fn full_path(cx: &dyn Context, p: &str) -> String {
    if p.contains(':') || p.starts_with('\\') || p.starts_with('/') {
        return p.to_string();
    }
    let base = cx.variable("PWD").map(|v| convert::to_string(&v)).unwrap_or_default();
    let rel = p.strip_prefix(".\\").or_else(|| p.strip_prefix("./")).unwrap_or(p);
    if base.is_empty() { rel.to_string() } else { format!("{}\\{rel}", base.trim_end_matches('\\')) }
}

fn file_name(path: &str) -> String {
    path.rsplit(['\\', '/']).next().unwrap_or(path).to_string()
}

/// The patterns, compiled once.
enum Matcher {
    Regex(Vec<Regex>),
    Simple(Vec<String>, bool),
}

struct Found {
    pattern: String,
    matches: Vec<Value>,
}

impl Matcher {
    fn find(&self, line: &str, all: bool) -> Result<Option<Found>, CmdletError> {
        match self {
            Matcher::Regex(res) => {
                for re in res {
                    let ms = if all {
                        re.all(line).map_err(timeout)?
                    } else {
                        re.first(line).map_err(timeout)?.into_iter().collect()
                    };
                    if !ms.is_empty() {
                        let matches = ms.iter().map(match_object).collect::<Vec<_>>();
                        return Ok(Some(Found { pattern: re.pattern.clone(), matches }));
                    }
                }
                Ok(None)
            }
            Matcher::Simple(pats, case) => {
                for p in pats {
                    let hit =
                        if *case { line.contains(p.as_str()) } else { line.to_lowercase().contains(&p.to_lowercase()) };
                    if hit {
                        return Ok(Some(Found { pattern: p.clone(), matches: Vec::new() }));
                    }
                }
                Ok(None)
            }
        }
    }
}

fn match_object(m: &crate::value::regex::Match) -> Value {
    let mut o = PsObject::new(&["System.Text.RegularExpressions.Match", "System.Object"]);
    let groups: Vec<Value> = m
        .groups
        .iter()
        .map(|g| {
            let (i, l, v) = g.capture.clone().unwrap_or((0, 0, String::new()));
            let mut go = PsObject::new(&["System.Text.RegularExpressions.Group", "System.Object"]);
            go.set("Success", Value::Bool(g.capture.is_some()));
            go.set("Name", Value::str(&g.name));
            go.set("Index", Value::Int(i as i64));
            go.set("Length", Value::Int(l as i64));
            go.set("Value", Value::str(&v));
            go.display = Some(v.as_str().into());
            Value::object(go)
        })
        .collect();
    let (index, length) = m.index_length();
    o.set("Groups", Value::array(groups));
    o.set("Success", Value::Bool(true));
    o.set("Name", Value::str("0"));
    o.set("Index", Value::Int(index as i64));
    o.set("Length", Value::Int(length as i64));
    o.set("Value", Value::str(m.value()));
    o.display = Some(m.value().into());
    Value::object(o)
}

fn timeout(e: crate::value::regex::RegexError) -> CmdletError {
    CmdletError::core(
        e.message(),
        "System.Text.RegularExpressions.RegexMatchTimeoutException",
        "OperationStopped",
        "RegexMatchTimeoutException",
    )
}

/// One line as MatchInfo prints it: `[> |  ][path:number:]text`.
fn format_line(prefix: &str, source: &Source, number: usize, text: &str) -> String {
    match source {
        Some((display, _)) => format!("{prefix}{display}:{number}:{text}"),
        None => format!("{prefix}{text}"),
    }
}

struct Options2 {
    all: bool,
    not_match: bool,
    pre: usize,
    post: usize,
    ignore_case: bool,
}

fn match_info(
    source: &Source,
    lines: &[String],
    k: usize,
    found: Option<Found>,
    o: &Options2,
    patterns: &[String],
) -> Value {
    let line = &lines[k];
    let mut mi = PsObject::new(&[MATCH_INFO_TYPE, "System.Object"]);
    let (name, path) = match source {
        Some((_, full)) => (file_name(full), full.clone()),
        None => ("InputStream".to_string(), "InputStream".to_string()),
    };
    let (pattern, matches) = match found {
        Some(f) => (f.pattern, f.matches),
        None => (patterns.first().cloned().unwrap_or_default(), Vec::new()),
    };
    mi.set("IgnoreCase", Value::Bool(o.ignore_case));
    mi.set("LineNumber", Value::Int(k as i64 + 1));
    mi.set("Line", Value::str(line));
    mi.set("Filename", Value::str(name));
    mi.set("Path", Value::str(path));
    mi.set("Pattern", Value::str(pattern));
    let mut text = format_line(if o.pre + o.post > 0 { "> " } else { "" }, source, k + 1, line);
    if o.pre + o.post > 0 {
        let start = k.saturating_sub(o.pre);
        let end = (k + 1 + o.post).min(lines.len());
        let pre: Vec<Value> = lines[start..k].iter().map(Value::str).collect();
        let post: Vec<Value> = lines[k + 1..end].iter().map(Value::str).collect();
        let mut before: Vec<String> = (start..k).map(|j| format_line("  ", source, j + 1, &lines[j])).collect();
        let after: Vec<String> = (k + 1..end).map(|j| format_line("  ", source, j + 1, &lines[j])).collect();
        before.push(text);
        before.extend(after);
        text = before.join("\n");
        let mut ctx = PsObject::new(&["Microsoft.PowerShell.Commands.MatchInfoContext", "System.Object"]);
        ctx.set("PreContext", Value::array(pre.clone()));
        ctx.set("PostContext", Value::array(post.clone()));
        ctx.set("DisplayPreContext", Value::array(pre));
        ctx.set("DisplayPostContext", Value::array(post));
        mi.set("Context", Value::object(ctx));
    } else {
        mi.set("Context", Value::Null);
    }
    mi.set("Matches", Value::array(matches));
    mi.display = Some(text.as_str().into());
    Value::object(mi)
}

impl Cmdlet for SelectString {
    fn signature(&self) -> Signature {
        Signature::new("Select-String", "Microsoft.PowerShell.Commands.SelectStringCommand", Origin::Core)
            .synopsis("Finds text in strings and files.")
            .sets(&["File", "Object"])
            .default_set("File")
            .param(
                Param::new(PATTERN, ParamType::String)
                    .array()
                    .position(0)
                    .mandatory()
                    .help("Regular expressions (or, with -SimpleMatch, text) to find; a line matches if any does."),
            )
            .param(
                Param::new(PATH, ParamType::String)
                    .array()
                    .position(1)
                    .sets(&["File"])
                    .mandatory_in(&["File"])
                    .from_pipeline_by_name()
                    .aliases(&["LiteralPath", "PSPath"])
                    .help("Files to search."),
            )
            .param(
                Param::new(INPUT_OBJECT, ParamType::Object)
                    .sets(&["Object"])
                    .mandatory_in(&["Object"])
                    .from_pipeline()
                    .help("Text to search (each object's string form is one line)."),
            )
            .param(
                Param::new(SIMPLE_MATCH, ParamType::Switch).help("Patterns are plain text, not regular expressions."),
            )
            .param(Param::new(CASE_SENSITIVE, ParamType::Switch).help("Matches case-sensitively."))
            .param(Param::new(NOT_MATCH, ParamType::Switch).help("Returns the lines that match none of the patterns."))
            .param(Param::new(ALL_MATCHES, ParamType::Switch).help("Finds every match in a line, not only the first."))
            .param(
                Param::new(CONTEXT, ParamType::Int)
                    .array()
                    .help("Lines before and after each match (one number for both, or two)."),
            )
            .param(Param::new(QUIET, ParamType::Switch).help("Returns True or False instead of MatchInfo objects."))
            .param(Param::new(LIST, ParamType::Switch).help("Returns only the first match in each input file."))
            .example(
                "Get-Content .\\log.txt | Select-String -Pattern 'error' -Context 1",
                "Errors with a line around each.",
            )
            .example("Select-String -Path .\\users.txt -Pattern '^karen' -CaseSensitive", "Lines of a file.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let patterns: Vec<String> = args.opt::<Vec<String>>(PATTERN).unwrap_or_default();
        let case = args.switch(CASE_SENSITIVE);
        let matcher = if args.switch(SIMPLE_MATCH) {
            Matcher::Simple(patterns.clone(), case)
        } else {
            let mut res = Vec::new();
            for p in &patterns {
                match Regex::new(p, Options { ignore_case: !case, ..Default::default() }) {
                    Ok(r) => res.push(r),
                    Err(e) => {
                        return Err(CmdletError::core(
                            format!("The string {p} is not a valid regular expression: {}", e.message()),
                            "System.ArgumentException",
                            "InvalidArgument",
                            "InvalidRegex",
                        ));
                    }
                }
            }
            Matcher::Regex(res)
        };
        let ctx: Vec<i64> =
            args.get(CONTEXT).map(|v| v.enumerate().iter().filter_map(convert::to_int).collect()).unwrap_or_default();
        let opts = Options2 {
            all: args.switch(ALL_MATCHES),
            not_match: args.switch(NOT_MATCH),
            pre: ctx.first().copied().unwrap_or(0).max(0) as usize,
            post: ctx.get(1).or(ctx.first()).copied().unwrap_or(0).max(0) as usize,
            ignore_case: !case,
        };
        let quiet = args.switch(QUIET);
        let list = args.switch(LIST);
        // The inputs: piped objects (one stream), then each file.
        let mut inputs: Vec<(Source, Vec<String>)> = Vec::new();
        if !state.is_empty() {
            inputs.push((None, state.iter().map(convert::to_string).collect()));
        }
        for p in args.opt::<Vec<String>>(PATH).unwrap_or_default() {
            let full = full_path(cx, &p);
            if !cx.files().exists(&p) {
                cx.error(super::items::path_not_found(&full))?;
                continue;
            }
            let text = match cx.files().read_text(&p) {
                Ok(t) => t,
                Err(e) => {
                    cx.error(CmdletError::core(e, "System.IO.IOException", "ReadError", "ProcessingFile"))?;
                    continue;
                }
            };
            let display = p.strip_prefix(".\\").or_else(|| p.strip_prefix("./")).unwrap_or(&p).to_string();
            let lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l).to_string()).collect::<Vec<_>>();
            let lines = match lines.last() {
                Some(l) if l.is_empty() => lines[..lines.len() - 1].to_vec(),
                _ => lines,
            };
            inputs.push((Some((display, full)), lines));
        }
        let mut any = false;
        for (source, lines) in &inputs {
            for k in 0..lines.len() {
                let found = matcher.find(&lines[k], opts.all)?;
                let hit = found.is_some() != opts.not_match;
                if !hit {
                    continue;
                }
                any = true;
                if quiet {
                    break;
                }
                cx.output(match_info(source, lines, k, found, &opts, &patterns));
                if list {
                    break;
                }
            }
            if quiet && any {
                break;
            }
        }
        if quiet {
            cx.output(Value::Bool(any));
        }
        Ok(())
    }
}
