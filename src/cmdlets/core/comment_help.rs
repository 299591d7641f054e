//! Comment-based help for user functions and script files, as Windows PowerShell 5.1's Get-Help
//! reads and prints it (HelpCommentsParser: which comment block counts and its keywords;
//! Help.format.ps1xml: the views; ComplexWriter: the frames and word wrapping). Facts and their
//! sources are in docs/reference/comment-help.md.

use std::rc::Rc;

use crate::cmdlet::bind::{CommandKind, ParamList, dotnet_type_name};
use crate::cmdlet::{BoundArgs, CmdletError, CmdletResult, Context, FunctionSource};
use crate::syntax::{
    self, Expr, ExprKind, Literal, ParamBlock, ScriptBlock, Statement, StatementKind, StringPart, TokenKind,
};
use crate::value::{PsObject, Value};

/// The sections of a help comment block (HelpCommentsParser.AnalyzeCommentBlock).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommentHelp {
    /// `.SYNOPSIS`.
    pub synopsis: Option<String>,
    /// `.DESCRIPTION`.
    pub description: Option<String>,
    /// `.NOTES`.
    pub notes: Option<String>,
    /// `.PARAMETER name` sections, names upper-cased; the first of a name wins.
    pub parameters: Vec<(String, String)>,
    /// `.EXAMPLE` sections in order.
    pub examples: Vec<String>,
    /// `.INPUTS` sections.
    pub inputs: Vec<String>,
    /// `.OUTPUTS` sections.
    pub outputs: Vec<String>,
    /// `.LINK` sections, trimmed.
    pub links: Vec<String>,
    /// `.COMPONENT`, `.ROLE`, `.FUNCTIONALITY`, trimmed.
    pub component: Option<String>,
    /// `.ROLE`.
    pub role: Option<String>,
    /// `.FUNCTIONALITY`.
    pub functionality: Option<String>,
    /// `.FORWARDHELPTARGETNAME name`.
    pub forward_target: Option<String>,
    /// `.FORWARDHELPCATEGORY category`.
    pub forward_category: Option<String>,
    /// `.EXTERNALHELP file`.
    pub external_help: Option<String>,
    /// `.REMOTEHELPRUNSPACE variable`.
    pub remote_runspace: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Finding the block

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Comment,
    NewLine,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    line: usize,
    end_line: usize,
}

/// The tokens of `src` as HelpCommentsParser sees them (comments, newlines, anything else), with
/// an end-of-input token last.
fn tokenize(src: &str) -> Vec<Tok> {
    let line_starts: Vec<usize> = std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
    let mut out: Vec<Tok> = syntax::tokens(src)
        .into_iter()
        .map(|t| {
            let text = src.get(t.span.start..t.span.end).unwrap_or("");
            let kind = match t.kind {
                TokenKind::Comment => Kind::Comment,
                TokenKind::Separator if text.starts_with(['\n', '\r']) => Kind::NewLine,
                _ => Kind::Other,
            };
            let last = t.span.end.saturating_sub(1).max(t.span.start);
            Tok { kind, start: t.span.start, end: t.span.end, line: line_of(t.span.start), end_line: line_of(last) }
        })
        .collect();
    let eof_line = line_of(src.len());
    out.push(Tok { kind: Kind::Other, start: src.len(), end: src.len(), line: eof_line, end_line: eof_line });
    out
}

/// GetCommentBlock: the comments from `start` on, each on the line after the previous one's end
/// at most; `start` moves to the token that ended the block.
fn comment_block(toks: &[Tok], start: &mut usize) -> Vec<usize> {
    let mut result = Vec::new();
    let mut next_max = usize::MAX;
    let mut i = *start;
    while i < toks.len() {
        let t = toks[i];
        if t.line > next_max {
            *start = i;
            break;
        }
        match t.kind {
            Kind::Comment => {
                result.push(i);
                next_max = t.end_line + 1;
            }
            Kind::NewLine => {}
            Kind::Other => {
                *start = i;
                break;
            }
        }
        i += 1;
    }
    result
}

/// GetPrecedingCommentBlock: the comments just before token `idx`, the last ending at most
/// `proximity` lines above it, each ending on the line before the next one starts at most.
fn preceding_block(toks: &[Tok], idx: usize, proximity: usize) -> Vec<usize> {
    let mut result = Vec::new();
    let Some(t) = toks.get(idx) else { return result };
    let mut min_end = t.line as isize - proximity as isize;
    for i in (0..idx).rev() {
        let c = toks[i];
        if (c.end_line as isize) < min_end {
            break;
        }
        match c.kind {
            Kind::Comment => {
                result.push(i);
                min_end = c.line as isize - 1;
            }
            Kind::NewLine => {}
            Kind::Other => break,
        }
    }
    result.reverse();
    result
}

/// CollectCommentText: a comment's lines, without `<#`/`#>` or the leading `#`s.
fn comment_lines(text: &str, out: &mut Vec<String>) {
    if let Some(inner) = text.strip_prefix("<#") {
        let inner = inner.strip_suffix("#>").unwrap_or(inner);
        let inner = inner.replace("\r\n", "\n").replace('\r', "\n");
        out.extend(inner.split('\n').map(str::to_string));
    } else {
        out.push(text.trim_start_matches('#').to_string());
    }
}

fn block_lines(src: &str, toks: &[Tok], block: &[usize]) -> Vec<String> {
    let mut lines = Vec::new();
    for &i in block {
        comment_lines(src.get(toks[i].start..toks[i].end).unwrap_or(""), &mut lines);
    }
    lines
}

/// Lines per blank-or-directive test (.NET `\s` is wider than ASCII whitespace).
fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// `^\s*\.(\w+)(\s+(\S.*))?\s*$`: the keyword and its argument.
fn directive(line: &str) -> Option<(String, Option<String>)> {
    let rest = line.trim_start().strip_prefix('.')?;
    let word_len: usize = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').map(char::len_utf8).sum();
    if word_len == 0 {
        return None;
    }
    let (word, after) = rest.split_at(word_len);
    if is_blank(after) {
        return Some((word.to_string(), None));
    }
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((word.to_string(), Some(after.trim_start().to_string())))
}

/// GetSection: the lines after `*i` up to the next directive, leading blank lines skipped and as
/// much indentation removed as the first line has; `*i` is left on the last line read.
fn section(lines: &[String], i: &mut isize) -> String {
    let mut capturing = false;
    let mut lead = 0usize;
    let mut sb = String::new();
    *i += 1;
    while (*i as usize) < lines.len() {
        let line = &lines[*i as usize];
        if !capturing && is_blank(line) {
            *i += 1;
            continue;
        }
        if directive(line).is_some() {
            *i -= 1;
            break;
        }
        let ws = |c: char| c == ' ' || c == '\t' || c == '\u{a0}';
        if !capturing {
            lead = line.chars().take_while(|c| ws(*c)).count();
        }
        capturing = true;
        let mut skipped = 0;
        let body: String = line
            .chars()
            .skip_while(|c| {
                let skip = skipped < lead && ws(*c);
                if skip {
                    skipped += 1;
                }
                skip
            })
            .collect();
        sb.push_str(&body);
        sb.push('\n');
        *i += 1;
    }
    sb
}

/// AnalyzeCommentBlock: the sections, or `None` when the block is no help (no keyword, an
/// unknown keyword, or text outside a section).
pub fn analyze(lines: &[String]) -> Option<CommentHelp> {
    let mut h = CommentHelp::default();
    let mut found = false;
    let mut i: isize = 0;
    while (i as usize) < lines.len() {
        let line = &lines[i as usize];
        match directive(line) {
            Some((word, arg)) => {
                found = true;
                let key = word.to_uppercase();
                match arg {
                    Some(arg) => match key.as_str() {
                        "PARAMETER" => {
                            let name = arg.to_uppercase().trim().to_string();
                            let text = section(lines, &mut i);
                            if !h.parameters.iter().any(|(n, _)| *n == name) {
                                h.parameters.push((name, text));
                            }
                        }
                        "FORWARDHELPTARGETNAME" => h.forward_target = Some(arg.trim().to_string()),
                        "FORWARDHELPCATEGORY" => h.forward_category = Some(arg.trim().to_string()),
                        "REMOTEHELPRUNSPACE" => h.remote_runspace = Some(arg.trim().to_string()),
                        "EXTERNALHELP" => h.external_help = Some(arg.trim().to_string()),
                        _ => return None,
                    },
                    None => match key.as_str() {
                        "SYNOPSIS" => h.synopsis = Some(section(lines, &mut i)),
                        "DESCRIPTION" => h.description = Some(section(lines, &mut i)),
                        "NOTES" => h.notes = Some(section(lines, &mut i)),
                        "LINK" => h.links.push(section(lines, &mut i).trim().to_string()),
                        "EXAMPLE" => h.examples.push(section(lines, &mut i)),
                        "INPUTS" => h.inputs.push(section(lines, &mut i)),
                        "OUTPUTS" => h.outputs.push(section(lines, &mut i)),
                        "COMPONENT" => h.component = Some(section(lines, &mut i).trim().to_string()),
                        "ROLE" => h.role = Some(section(lines, &mut i).trim().to_string()),
                        "FUNCTIONALITY" => h.functionality = Some(section(lines, &mut i).trim().to_string()),
                        _ => return None,
                    },
                }
            }
            None if !is_blank(line) => return None,
            None => {}
        }
        i += 1;
    }
    found.then_some(h)
}

/// Where the help of a command is looked for.
enum Target<'a> {
    /// A function: the body's `{` … `}` span.
    Function(&'a ScriptBlock),
    /// A whole script file, its first statement.
    Script(Option<&'a Statement>),
}

/// The help block of a function or script and its parameters' comment descriptions
/// (HelpCommentsParser.GetHelpCommentTokens).
fn find_help(src: &str, target: Target<'_>, params: Option<&ParamBlock>) -> Option<(Vec<String>, usize, Vec<String>)> {
    let toks = tokenize(src);
    let is_help = |b: &[usize]| !b.is_empty() && analyze(&block_lines(src, &toks, b)).is_some();
    let found = |b: Vec<usize>, saved: usize| {
        let count = b.len();
        Some((block_lines(src, &toks, &b), count, param_comments(src, &toks, params, saved)))
    };
    let (mut start, last) = match target {
        Target::Function(body) => {
            let open = toks.iter().position(|t| t.start >= body.span.start)?;
            if src.get(body.span.start..body.span.start + 1) != Some("{") {
                return None;
            }
            let keyword = (0..open).rev().find(|&i| {
                let text = src.get(toks[i].start..toks[i].end).unwrap_or("").to_ascii_lowercase();
                toks[i].kind == Kind::Other && matches!(text.as_str(), "function" | "filter" | "workflow")
            })?;
            let before = preceding_block(&toks, keyword, PROXIMITY);
            if is_help(&before) {
                return found(before, keyword);
            }
            let close = toks.iter().rposition(|t| t.end <= body.span.end && t.start >= body.span.start)?;
            (open + 1, close)
        }
        Target::Script(first) => {
            let mut start = 0;
            loop {
                let block = comment_block(&toks, &mut start);
                if block.is_empty() {
                    break;
                }
                if !is_help(&block) {
                    continue;
                }
                // A block within two lines of a first `function` statement is that function's.
                if let Some(Statement { kind: StatementKind::Function { .. }, span }) = first {
                    let fn_line = toks.iter().find(|t| t.start >= span.start).map(|t| t.line).unwrap_or(0);
                    let end_line = block.last().map(|&i| toks[i].end_line).unwrap_or(0);
                    if fn_line.saturating_sub(end_line) > PROXIMITY {
                        return found(block, 0);
                    }
                    break;
                }
                return found(block, 0);
            }
            (toks.len(), toks.len() - 1)
        }
    };
    while start < toks.len() {
        let block = comment_block(&toks, &mut start);
        if block.is_empty() {
            break;
        }
        if is_help(&block) {
            return found(block, 0);
        }
    }
    let end = preceding_block(&toks, last, toks[last].line);
    if is_help(&end) { found(end, 0) } else { None }
}

/// `CommentBlockProximity`: at most one blank line between a block and what it documents.
const PROXIMITY: usize = 2;

/// GetParameterComments: for each parameter, the comments just before it, inside it and just
/// after it, as a section.
fn param_comments(src: &str, toks: &[Tok], params: Option<&ParamBlock>, saved: usize) -> Vec<String> {
    let Some(pb) = params else { return Vec::new() };
    pb.params
        .iter()
        .map(|p| {
            let mut lines = Vec::new();
            let first = (saved..toks.len()).find(|&i| toks[i].start >= p.span.start).unwrap_or(toks.len() - 1);
            lines.extend(block_lines(src, toks, &preceding_block(toks, first, PROXIMITY)));
            let last = (first..toks.len()).take_while(|&i| toks[i].end <= p.span.end).last().unwrap_or(first);
            for t in &toks[first..last] {
                if t.kind == Kind::Comment {
                    comment_lines(src.get(t.start..t.end).unwrap_or(""), &mut lines);
                }
            }
            let mut after = last + 1;
            lines.extend(block_lines(src, toks, &comment_block(toks, &mut after)));
            let mut n = -1;
            section(&lines, &mut n)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The help model (what BuildXmlFromComments and MamlNode make of the sections)

/// One parameter as the help shows it.
#[derive(Debug, Clone)]
struct HelpParam {
    name: String,
    /// .NET short type name (`String`, `Int32[]`, `SwitchParameter`).
    type_name: String,
    switch: bool,
    required: bool,
    /// 1-based position, or `None` (named).
    position: Option<usize>,
    pipeline: &'static str,
    globbing: bool,
    default: String,
    description: Option<String>,
}

/// One example: title, prompt, code, remarks paragraphs.
#[derive(Debug, Clone)]
struct HelpExample {
    title: String,
    intro: String,
    code: String,
    remarks: Vec<String>,
}

/// A command's comment-based help, ready to print.
#[derive(Debug, Clone)]
struct HelpModel {
    name: String,
    category: &'static str,
    synopsis: Option<String>,
    /// Syntax items: the parameters of each set.
    syntax: Vec<Vec<HelpParam>>,
    params: Vec<HelpParam>,
    description: Option<String>,
    notes: Option<String>,
    examples: Vec<HelpExample>,
    inputs: Vec<String>,
    outputs: Vec<String>,
    links: Vec<String>,
    component: Option<String>,
    role: Option<String>,
    functionality: Option<String>,
}

/// A para's text as MamlNode keeps it: trimmed, `None` when empty.
fn para(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The .NET short name of a script parameter's type (`Type.Name`).
fn short_type(type_name: Option<&str>) -> String {
    let full = dotnet_type_name(type_name.unwrap_or("Object"));
    full.rsplit('.').next().unwrap_or(&full).to_string()
}

/// The accelerator-style name Get-Command's syntax uses (`string`, `int`, `switch`).
fn syntax_type(type_name: Option<&str>) -> String {
    let t = type_name.unwrap_or("Object");
    let (base, suffix) = t.strip_suffix("[]").map(|b| (b, "[]")).unwrap_or((t, ""));
    let full = dotnet_type_name(base);
    let name = match full.as_str() {
        "System.String" => "string",
        "System.Int32" => "int",
        "System.Int64" => "long",
        "System.Boolean" => "bool",
        "System.Double" => "double",
        "System.DateTime" => "datetime",
        "System.Collections.Hashtable" => "hashtable",
        "System.Management.Automation.PSObject" => "psobject",
        "System.Management.Automation.PSCredential" => "pscredential",
        "System.Management.Automation.ScriptBlock" => "scriptblock",
        "System.Management.Automation.SwitchParameter" => "switch",
        other => other.rsplit('.').next().unwrap_or(other),
    };
    format!("{name}{suffix}")
}

/// A parameter's default as help shows it: a constant's value, else the expression's text.
fn default_text(src: &str, e: Option<&Expr>) -> String {
    let Some(e) = e else { return String::new() };
    match &e.kind {
        ExprKind::Literal(Literal::Int(i) | Literal::Long(i)) => i.to_string(),
        ExprKind::Literal(Literal::String(s)) => s.to_string(),
        ExprKind::Expandable(parts) if parts.iter().all(|p| matches!(p, StringPart::Literal(_))) => parts
            .iter()
            .map(|p| match p {
                StringPart::Literal(t) => t.as_str(),
                StringPart::Expr(_) => "",
            })
            .collect(),
        ExprKind::Literal(Literal::Double(d)) => crate::value::convert::to_string(&Value::Double(*d)),
        ExprKind::Variable(v) if v.scope.is_none() && v.name.eq_ignore_ascii_case("true") => "True".into(),
        ExprKind::Variable(v) if v.scope.is_none() && v.name.eq_ignore_ascii_case("false") => "False".into(),
        ExprKind::Variable(v) if v.scope.is_none() && v.name.eq_ignore_ascii_case("null") => String::new(),
        _ => src.get(e.span.start..e.span.end).unwrap_or("").to_string(),
    }
}

fn pipeline_text(by_value: bool, by_name: bool) -> &'static str {
    match (by_value, by_name) {
        (true, true) => "true (ByValue, ByPropertyName)",
        (true, false) => "true (ByValue)",
        (false, true) => "true (ByPropertyName)",
        _ => "false",
    }
}

/// `[OutputType()]` type names, which OUTPUTS shows when the comments have no `.OUTPUTS`
/// (BuildXmlFromComments: `_scriptBlock.OutputType`).
fn output_types(pb: Option<&ParamBlock>) -> Vec<String> {
    let Some(pb) = pb else { return Vec::new() };
    pb.attributes
        .iter()
        .filter(|a| a.name.eq_ignore_ascii_case("OutputType"))
        .flat_map(|a| a.positional.iter())
        .flat_map(|e| match &e.kind {
            ExprKind::ArrayLiteral(items) => items.iter().collect::<Vec<_>>(),
            _ => vec![e],
        })
        .filter_map(|e| match &e.kind {
            ExprKind::TypeLiteral(t) => Some(dotnet_type_name(t)),
            ExprKind::Literal(Literal::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// GetExampleSections: the prompt (up to the first `>` of the first line, else `PS C:\>`), the
/// code (the rest of the first line) and the remarks (the other lines).
fn example_sections(content: &str) -> (String, String, String) {
    let first_end = content.find('\n');
    let first = &content[..first_end.unwrap_or(content.len())];
    let rest = first_end.map(|e| &content[e + 1..]).unwrap_or("");
    match first.find('>') {
        Some(gt) => (first[..=gt].trim().to_string(), first[gt + 1..].trim().to_string(), rest.to_string()),
        None => ("PS C:\\>".to_string(), first.trim().to_string(), rest.to_string()),
    }
}

fn build_model(
    name: &str,
    category: &'static str,
    src: &str,
    pb: Option<&ParamBlock>,
    h: &CommentHelp,
    param_descs: &[String],
) -> HelpModel {
    let list = ParamList::of_param_block(pb);
    let defs = pb.map(|p| p.params.as_slice()).unwrap_or(&[]);
    let describe = |i: usize, pname: &str| -> Option<String> {
        let upper = pname.to_uppercase();
        h.parameters
            .iter()
            .find(|(n, _)| *n == upper)
            .map(|(_, t)| t.clone())
            .or_else(|| param_descs.get(i).cloned())
            .and_then(|t| para(&t))
    };
    let make = |i: usize, set: Option<&str>| -> HelpParam {
        let spec = &list.params[i];
        let def = &defs[i];
        let required = match set {
            Some(s) => spec.is_mandatory_in(s),
            None => spec.mandatory || !spec.mandatory_in.is_empty(),
        };
        HelpParam {
            name: spec.name.to_string(),
            type_name: short_type(def.type_name.as_deref()),
            switch: spec.switch,
            required,
            position: spec.position.map(|p| p + 1),
            pipeline: pipeline_text(spec.pipeline.by_value, spec.pipeline.by_property_name),
            globbing: def.attributes.iter().any(|a| a.name.eq_ignore_ascii_case("SupportsWildcards")),
            default: default_text(src, def.default.as_ref()),
            description: describe(i, spec.name),
        }
    };
    let should_process: Vec<HelpParam> = if list.should_process {
        ["WhatIf", "Confirm"]
            .iter()
            .map(|n| HelpParam {
                name: n.to_string(),
                type_name: "SwitchParameter".into(),
                switch: true,
                required: false,
                position: None,
                pipeline: "false",
                globbing: false,
                default: String::new(),
                description: describe(usize::MAX, n),
            })
            .collect()
    } else {
        Vec::new()
    };
    let syntax: Vec<Vec<HelpParam>> = list
        .set_names
        .iter()
        .map(|set| {
            let mut v: Vec<HelpParam> =
                (0..list.params.len()).filter(|&i| list.params[i].in_set(set)).map(|i| make(i, Some(set))).collect();
            v.extend(should_process.iter().cloned());
            v
        })
        .collect();
    let mut params: Vec<HelpParam> = (0..list.params.len()).map(|i| make(i, None)).collect();
    params.extend(should_process);
    let examples = h
        .examples
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (intro, code, remarks) = example_sections(e);
            let mut paras = vec![remarks.trim().to_string()];
            paras.extend(std::iter::repeat_n(String::new(), 4));
            HelpExample {
                title: format!("-------------------------- EXAMPLE {} --------------------------", i + 1),
                intro,
                code,
                remarks: paras,
            }
        })
        .collect();
    HelpModel {
        name: name.to_string(),
        category,
        synopsis: h.synopsis.as_deref().and_then(para),
        syntax,
        params,
        description: h.description.as_deref().and_then(para),
        notes: h.notes.as_deref().and_then(para),
        examples,
        inputs: h.inputs.iter().map(|t| t.trim().to_string()).collect(),
        outputs: if h.outputs.is_empty() {
            output_types(pb)
        } else {
            h.outputs.iter().map(|t| t.trim().to_string()).collect()
        },
        links: h.links.clone(),
        component: h.component.clone(),
        role: h.role.clone(),
        functionality: h.functionality.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// The console layout (ComplexWriter)

/// ComplexWriter: text accumulates in a buffer; each new line writes it, word-wrapped to the
/// width left by the frames, each line padded by their indentation.
struct Writer {
    columns: usize,
    indent: Vec<usize>,
    buf: String,
    lines: Vec<String>,
}

impl Writer {
    fn new(width: usize) -> Self {
        // The console writes one column less than the buffer is wide.
        Writer { columns: width.saturating_sub(1).max(10), indent: Vec::new(), buf: String::new(), lines: Vec::new() }
    }
    fn text(&mut self, s: &str) -> &mut Self {
        self.buf.push_str(s);
        self
    }
    fn push(&mut self, n: usize) -> &mut Self {
        self.indent.push(n);
        self
    }
    fn pop(&mut self) -> &mut Self {
        self.indent.pop();
        self
    }
    fn nl(&mut self) -> &mut Self {
        let left: usize = self.indent.iter().sum();
        let width = self.columns.saturating_sub(left);
        let text = std::mem::take(&mut self.buf);
        if width == 0 {
            return self;
        }
        for l in generate_lines(&text, width) {
            self.lines.push(format!("{}{l}", " ".repeat(left)));
        }
        self
    }
    /// The end of the object: whatever is left is written (an empty buffer as an empty line).
    fn finish(mut self) -> String {
        self.indent.clear();
        self.nl();
        let mut s = String::from("\n");
        for l in &self.lines {
            s.push_str(l);
            s.push('\n');
        }
        s
    }
}

/// StringManipulationHelper.GenerateLinesWithWordWrap (English): each line of `text` that does
/// not fit is cut into words, each keeping the space after it.
fn generate_lines(text: &str, width: usize) -> Vec<String> {
    let text = text.replace('\r', "");
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.chars().count() <= width {
            out.push(line.to_string());
            continue;
        }
        let mut cur = String::new();
        let mut left = width;
        let mut words: Vec<String> = Vec::new();
        let mut w = String::new();
        for c in line.chars() {
            if c == ' ' || c == '\t' {
                w.push(c);
                words.push(std::mem::take(&mut w));
            } else {
                w.push(c);
            }
        }
        words.push(w);
        for word in words {
            let len = word.chars().count();
            if len > width {
                for c in word.chars() {
                    if left == 0 {
                        out.push(std::mem::take(&mut cur));
                        left = width;
                    }
                    cur.push(c);
                    left -= 1;
                }
            } else if len > left {
                out.push(std::mem::take(&mut cur));
                cur.push_str(&word);
                left = width - len;
            } else {
                cur.push_str(&word);
                left -= len;
            }
        }
        out.push(cur);
    }
    out
}

/// The strings of HelpDisplayStrings in Windows PowerShell 5.1.
const BASE_CMDLET_INFORMATION: &str = "    This cmdlet supports the common parameters: Verbose, Debug,\n    ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n    OutBuffer, PipelineVariable, and OutVariable. For more information, see \n    about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). ";

/// MamlParameterControl: one parameter of a syntax line, with the space after it.
fn syntax_param(p: &HelpParam) -> String {
    let mut s = String::new();
    if !p.required {
        s.push('[');
    }
    let name = if p.position.is_some() { format!("[-{}]", p.name) } else { format!("-{}", p.name) };
    s.push_str(&name);
    if !p.switch {
        s.push_str(&format!(" <{}>", p.type_name));
    }
    if !p.required {
        s.push(']');
    }
    s.push(' ');
    s
}

/// MamlParameterValueControl outside the syntax: ` <String>`, a switch ` [<SwitchParameter>]`.
fn param_value(p: &HelpParam) -> String {
    if p.switch { " [<SwitchParameter>]".to_string() } else { format!(" <{}>", p.type_name) }
}

fn details(w: &mut Writer, m: &HelpModel, synopsis_blank_lines: usize) {
    w.text("NAME").nl().push(4).text(&m.name).nl().nl().pop();
    w.text("SYNOPSIS").nl().push(4);
    if let Some(s) = &m.synopsis {
        w.text(s).nl();
    }
    for _ in 0..synopsis_blank_lines {
        w.nl();
    }
    w.pop();
}

fn syntax_section(w: &mut Writer, m: &HelpModel) {
    w.text("SYNTAX").nl().push(4);
    for item in &m.syntax {
        w.text(&m.name).text(" ");
        for p in item {
            w.text(&syntax_param(p));
        }
        w.text("[<CommonParameters>]").nl().nl();
    }
    w.nl().pop();
}

fn description_section(w: &mut Writer, m: &HelpModel) {
    w.text("DESCRIPTION").nl().push(4);
    if let Some(d) = &m.description {
        w.text(d).nl();
    }
    w.nl().pop().nl();
}

fn examples_section(w: &mut Writer, m: &HelpModel) {
    w.push(4);
    for e in &m.examples {
        w.text(&e.title).nl().nl().text(&e.intro).text(&e.code).nl().nl();
        for r in &e.remarks {
            w.text(r).nl();
        }
    }
    w.pop();
}

fn remarks_section(w: &mut Writer, m: &HelpModel) {
    w.text("REMARKS").nl().push(4);
    for (label, switch) in [
        ("To see the examples, type: ", "examples"),
        ("For more information, type: ", "detailed"),
        ("For technical information, type: ", "full"),
    ] {
        w.text(&format!("{label}\"get-help {} -{switch}\".", m.name)).nl();
    }
    w.pop();
    if !m.links.is_empty() {
        w.text(&format!("    For online help, type: \"get-help {} -online\"\n", m.name));
    }
}

fn links_section(w: &mut Writer, m: &HelpModel) {
    w.text("RELATED LINKS").nl().push(4);
    for l in &m.links {
        w.text(l).nl();
    }
    w.pop();
}

/// The parameter block of -Full and -Parameter (MamlFullParameterControl).
fn full_param(w: &mut Writer, p: &HelpParam, separator: &str) {
    w.text("-").text(&p.name).text(separator).text(&param_value(p)).nl().push(4);
    if let Some(d) = &p.description {
        w.text(d).nl();
    }
    w.nl();
    let position = p.position.map(|x| x.to_string()).unwrap_or_else(|| "named".into());
    w.text("Required?                    ").text(if p.required { "true" } else { "false" }).nl();
    w.text("Position?                    ").text(&position).nl();
    w.text("Default value                ").text(&p.default).nl();
    w.text("Accept pipeline input?       ").text(p.pipeline).nl();
    w.text("Accept wildcard characters?  ").text(if p.globbing { "true" } else { "false" }).nl().nl();
    w.pop();
}

fn common_parameters(w: &mut Writer) {
    w.text("<CommonParameters>").nl().push(4).text(BASE_CMDLET_INFORMATION).pop().nl().nl();
}

fn type_section(w: &mut Writer, label: &str, items: &[String]) {
    w.text(label).nl().push(4);
    for t in items {
        w.text(t).nl().push(4).pop().nl();
    }
    w.nl().pop();
}

/// Which view Get-Help asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum View {
    Default,
    Detailed,
    Full,
    Examples,
}

fn render(m: &HelpModel, view: View, width: usize) -> String {
    let mut w = Writer::new(width);
    match view {
        View::Default => {
            details(&mut w, m, 2);
            syntax_section(&mut w, m);
            description_section(&mut w, m);
            links_section(&mut w, m);
            w.nl();
            remarks_section(&mut w, m);
        }
        View::Detailed => {
            details(&mut w, m, 2);
            syntax_section(&mut w, m);
            description_section(&mut w, m);
            w.text("PARAMETERS").nl().push(4);
            for p in &m.params {
                w.text("-").text(&p.name).text(&param_value(p)).nl().push(4);
                if let Some(d) = &p.description {
                    w.text(d).nl();
                }
                w.nl().pop();
            }
            common_parameters(&mut w);
            w.pop();
            examples_section(&mut w, m);
            remarks_section(&mut w, m);
        }
        View::Full => {
            details(&mut w, m, 2);
            syntax_section(&mut w, m);
            description_section(&mut w, m);
            w.text("PARAMETERS").nl().push(4);
            for p in &m.params {
                full_param(&mut w, p, "");
            }
            common_parameters(&mut w);
            w.pop();
            type_section(&mut w, "INPUTS", &m.inputs);
            type_section(&mut w, "OUTPUTS", &m.outputs);
            if let Some(n) = &m.notes {
                w.text("NOTES").nl().push(4).nl().nl().push(4).text(n).nl().pop().nl().pop();
            }
            examples_section(&mut w, m);
            w.push(4).nl().pop();
            links_section(&mut w, m);
        }
        View::Examples => {
            details(&mut w, m, 1);
            examples_section(&mut w, m);
        }
    }
    w.finish()
}

/// The text of -Parameter: each matching parameter's block (MamlCommandHelpInfo#Parameter).
fn render_parameters(params: &[&HelpParam], width: usize) -> String {
    let mut w = Writer::new(width);
    for p in params {
        full_param(&mut w, p, " ");
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Commands without help: the syntax Get-Command shows (ExtendedCmdletHelpInfo)

/// The syntax lines of a function or script without comment help, as 5.1's reduced view prints
/// them: positional parameters by position, then the others, each followed by a space.
fn reduced_syntax(name: &str, pb: Option<&ParamBlock>) -> Vec<String> {
    let list = ParamList::of_param_block(pb);
    let defs = pb.map(|p| p.params.as_slice()).unwrap_or(&[]);
    let common = list.kind != CommandKind::Simple;
    list.set_names
        .iter()
        .map(|set| {
            let mut idx: Vec<usize> = (0..list.params.len()).filter(|&i| list.params[i].in_set(set)).collect();
            idx.sort_by_key(|&i| list.params[i].position.map(|p| (0, p)).unwrap_or((1, 0)));
            let mut line = format!("{name} ");
            for i in idx {
                let spec = &list.params[i];
                let required = spec.is_mandatory_in(set);
                let mut s = String::new();
                if !required {
                    s.push('[');
                }
                if spec.position.is_some() {
                    s.push_str(&format!("[-{}]", spec.name));
                } else {
                    s.push_str(&format!("-{}", spec.name));
                }
                if !spec.switch {
                    s.push_str(&format!(" <{}>", syntax_type(defs[i].type_name.as_deref())));
                }
                if !required {
                    s.push(']');
                }
                line.push_str(&s);
                line.push(' ');
            }
            if list.should_process {
                line.push_str("[-WhatIf] [-Confirm] ");
            }
            line.push(' ');
            if common {
                line.push_str("[<CommonParameters>]");
            }
            line
        })
        .collect()
}

/// What the syntax-only views show of the parameters (DefaultCommandHelpObjectBuilder).
struct Reduced {
    syntax: Vec<String>,
    /// `-Name <type>`, required, position (0-based or `Named`), pipeline input, sets, aliases;
    /// sorted by name.
    params: Vec<(String, bool, String, &'static str, String, String)>,
    inputs: Vec<String>,
    common: bool,
}

fn reduced(name: &str, pb: Option<&ParamBlock>) -> Reduced {
    let list = ParamList::of_param_block(pb);
    let defs = pb.map(|p| p.params.as_slice()).unwrap_or(&[]);
    let mut params: Vec<(String, bool, String, &'static str, String, String)> = list
        .params
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let head = if spec.switch {
                format!("-{}", spec.name)
            } else {
                format!("-{} <{}>", spec.name, syntax_type(defs[i].type_name.as_deref()))
            };
            let sets = if spec.sets.is_empty() { "(All)".to_string() } else { spec.sets.join(", ") };
            let aliases = if spec.aliases.is_empty() { "None".to_string() } else { spec.aliases.join(", ") };
            (
                head,
                spec.mandatory || !spec.mandatory_in.is_empty(),
                spec.position.map(|p| p.to_string()).unwrap_or_else(|| "Named".into()),
                pipeline_text(spec.pipeline.by_value, spec.pipeline.by_property_name),
                sets,
                aliases,
            )
        })
        .collect();
    if list.should_process {
        for n in ["WhatIf", "Confirm"] {
            params.push((format!("-{n}"), false, "Named".into(), "false", "(All)".into(), "None".into()));
        }
    }
    params.sort_by(|a, b| a.0.cmp(&b.0));
    let mut inputs: Vec<String> = Vec::new();
    for (i, spec) in list.params.iter().enumerate() {
        if spec.takes_pipeline() || spec.remaining {
            let t = dotnet_type_name(defs[i].type_name.as_deref().unwrap_or("Object"));
            if !inputs.contains(&t) {
                inputs.push(t);
            }
        }
    }
    if inputs.is_empty() {
        inputs.push("None".into());
    }
    Reduced { syntax: reduced_syntax(name, pb), params, inputs, common: list.kind != CommandKind::Simple }
}

/// FunctionInfo.Syntax, the Synopsis of a command without help: each set's line after a line
/// end, its parameters separated by single spaces.
fn syntax_text(name: &str, lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            let t = l.trim_end().replace("  [<CommonParameters>]", " [<CommonParameters>]");
            if t == name { format!("\n{name} \n") } else { format!("\n{t}\n") }
        })
        .collect()
}

/// The syntax-only views (HelpV3.format.ps1xml ExtendedCmdletHelpInfo, #DetailedView,
/// #FullView, #ExamplesView).
fn render_reduced(name: &str, r: &Reduced, view: View, width: usize) -> String {
    let mut w = Writer::new(width);
    let name_blank = if view == View::Examples { 1 } else { 2 };
    w.text("NAME").nl().push(4).text(name);
    for _ in 0..name_blank {
        w.nl();
    }
    w.pop();
    if view != View::Examples {
        w.text("SYNTAX").nl().push(4);
        for s in &r.syntax {
            w.text(s).nl().nl();
        }
        if view == View::Default {
            w.pop().nl();
        } else {
            w.nl().pop();
        }
    } else {
        w.nl();
    }
    if matches!(view, View::Detailed | View::Full) {
        w.text("PARAMETERS").nl().push(4);
        for (head, required, position, pipeline, sets, aliases) in &r.params {
            w.text(head).nl();
            if view == View::Full {
                w.push(4).nl();
                w.text("Required?                    ").text(if *required { "true" } else { "false" }).nl();
                w.text("Position?                    ").text(position).nl();
                w.text("Accept pipeline input?       ").text(pipeline).nl();
                w.text("Parameter set name           ").text(sets).nl();
                w.text("Aliases                      ").text(aliases).nl();
                w.text("Dynamic?                     ").text("false").nl().nl().pop();
            } else {
                w.nl();
            }
        }
        if r.common {
            common_parameters(&mut w);
        } else if r.params.is_empty() {
            w.text("None").nl().nl();
        }
        if view == View::Full {
            w.nl().pop();
            w.text("INPUTS").nl().push(4);
            w.text(&r.inputs.iter().map(|t| format!("{t}\n")).collect::<String>()).nl().nl().pop();
            w.text("OUTPUTS").nl().push(4).text("System.Object").nl().nl().pop();
        } else {
            w.pop().nl();
        }
    }
    w.text("ALIASES").nl().push(4).text("None\n").nl().pop().nl();
    w.text("REMARKS").nl().push(4).text("None").nl().pop();
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Get-Help's entry point

/// A command Get-Help can describe from its comments: a user function or a script file.
pub struct UserCommand {
    /// The name Get-Help prints (a script's full path).
    pub name: String,
    /// HelpCategory: `Function` or `ExternalScript`.
    pub category: &'static str,
    body: Rc<ScriptBlock>,
    source: Rc<str>,
    first_statement: Option<Statement>,
    script: bool,
}

impl UserCommand {
    /// A user function.
    pub fn function(f: FunctionSource) -> Self {
        UserCommand {
            name: f.name,
            category: "Function",
            body: f.body,
            source: f.source,
            first_statement: None,
            script: false,
        }
    }

    /// The script file a name like `.\x.ps1` names, if it exists and parses.
    pub fn script(cx: &mut dyn Context, written: &str) -> Option<Self> {
        if !written.to_ascii_lowercase().ends_with(".ps1") {
            return None;
        }
        let files = cx.files();
        if !files.exists(written) {
            return None;
        }
        let text = files.read_text(written).ok()?;
        let full = files.full_path(written);
        let script = syntax::parse(&text).ok()?;
        let first_statement = script.statements.first().cloned();
        let body = ScriptBlock {
            param_block: script.param_block,
            begin: None,
            process: None,
            end: script.statements,
            text: text.clone(),
            span: script.span,
        };
        Some(UserCommand {
            name: full,
            category: "ExternalScript",
            body: Rc::new(body),
            source: Rc::from(text.as_str()),
            first_statement,
            script: true,
        })
    }

    /// The synopsis the search table shows: the comment help's, else the syntax lines (a
    /// command without help has its syntax as its Synopsis).
    pub fn synopsis(&self) -> String {
        match self.help() {
            Some((h, _, _)) => h.synopsis.as_deref().and_then(para).unwrap_or_default(),
            None => syntax_text(&self.name, &reduced_syntax(&self.name, self.body.param_block.as_ref())),
        }
    }

    /// The comment help block's sections and the parameters' comment descriptions, if the
    /// command has a help block.
    fn help(&self) -> Option<(CommentHelp, usize, Vec<String>)> {
        let target =
            if self.script { Target::Script(self.first_statement.as_ref()) } else { Target::Function(&self.body) };
        let (lines, tokens, params) = find_help(&self.source, target, self.body.param_block.as_ref())?;
        Some((analyze(&lines)?, tokens, params))
    }
}

/// Writes the help of a user function or script: from its comments, or the syntax-only help.
/// `forward` shows another command's help (`.FORWARDHELPTARGETNAME`); it returns false when that
/// command has none.
pub fn show(
    cx: &mut dyn Context,
    cmd: &UserCommand,
    args: &BoundArgs,
    forward: &mut dyn FnMut(&mut dyn Context, &str) -> Option<CmdletResult>,
) -> CmdletResult {
    let width = cx.width();
    let pb = cmd.body.param_block.as_ref();
    let help = cmd.help().filter(|(h, tokens, _)| !(*tokens == 1 && h.external_help.is_some()));
    let Some((h, _, descs)) = help else {
        if args.switch("Online") {
            return Err(no_uri());
        }
        let r = reduced(&cmd.name, pb);
        if let Some(pattern) = args.opt::<String>("Parameter") {
            // The parameters' blocks as comment help prints them, without descriptions.
            let model = build_model(&cmd.name, cmd.category, &cmd.source, pb, &CommentHelp::default(), &[]);
            return parameter_blocks(cx, &model, &pattern, width);
        }
        let mut o = PsObject::new(&["ExtendedCmdletHelpInfo", "CmdletHelpInfo", "HelpInfo"]);
        o.set("Name", Value::str(&cmd.name));
        o.set("Category", Value::str(cmd.category));
        o.set("Synopsis", Value::str(syntax_text(&cmd.name, &r.syntax)));
        o.set("ModuleName", Value::str(""));
        o.format_text = Some(render_reduced(&cmd.name, &r, requested_view(args), width).into());
        cx.output(Value::object(o));
        return Ok(());
    };
    if let Some(target) = h.forward_target.as_deref().filter(|t| !t.eq_ignore_ascii_case(&cmd.name)) {
        if let Some(r) = forward(cx, target) {
            return r;
        }
    }
    let model = build_model(&cmd.name, cmd.category, &cmd.source, pb, &h, &descs);
    if let Some(pattern) = args.opt::<String>("Parameter") {
        return parameter_blocks(cx, &model, &pattern, width);
    }
    // -Online opens the first link that is an address; exsh starts no browser, so that does
    // nothing. Without one it is NoURIFound.
    if args.switch("Online") {
        return if model.links.iter().any(|l| is_uri(l)) { Ok(()) } else { Err(no_uri()) };
    }
    let view = requested_view(args);
    let suffix = match view {
        View::Default => "",
        View::Detailed => "#DetailedView",
        View::Full => "#FullView",
        View::Examples => "#ExamplesView",
    };
    let main_type = format!("MamlCommandHelpInfo{suffix}");
    let mut type_names: Vec<&str> = Vec::new();
    if !suffix.is_empty() {
        type_names.push(&main_type);
    }
    type_names.extend(["MamlCommandHelpInfo", "HelpInfo"]);
    let mut o = PsObject::new(&type_names);
    help_properties(&mut o, &model);
    o.format_text = Some(render(&model, view, width).into());
    cx.output(Value::object(o));
    Ok(())
}

/// The view the switches ask for.
fn requested_view(args: &BoundArgs) -> View {
    if args.switch("Full") {
        View::Full
    } else if args.switch("Detailed") {
        View::Detailed
    } else if args.switch("Examples") {
        View::Examples
    } else {
        View::Default
    }
}

/// `-Parameter <pattern>`: the matching parameters' blocks, or NoParmsFound.
fn parameter_blocks(cx: &mut dyn Context, model: &HelpModel, pattern: &str, width: usize) -> CmdletResult {
    let matched: Vec<&HelpParam> =
        model.params.iter().filter(|p| crate::value::convert::wildcard_match(pattern, &p.name, false)).collect();
    if matched.is_empty() {
        return Err(no_parameter(pattern));
    }
    let text = render_parameters(&matched, width);
    cx.output(Value::str(text.strip_suffix('\n').unwrap_or(&text)));
    Ok(())
}

/// Uri.IsWellFormedUriString(link, Absolute), as far as help links go: `scheme://rest` or
/// `mailto:` without spaces.
fn is_uri(link: &str) -> bool {
    if link.is_empty() || link.contains(char::is_whitespace) {
        return false;
    }
    let Some((scheme, rest)) = link.split_once(':') else { return false };
    let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok && (rest.starts_with("//") || scheme.eq_ignore_ascii_case("mailto")) && rest.len() > 2
}

/// HelpErrors.NoURIFound (an InvalidOperationException from ProcessRecord).
fn no_uri() -> CmdletError {
    CmdletError::core(
        "The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.",
        "System.InvalidOperationException",
        "InvalidOperation",
        "InvalidOperation",
    )
}

/// NoParmsFound, as for cmdlets.
fn no_parameter(pattern: &str) -> CmdletError {
    CmdletError::core(
        format!("No parameter matches criteria {pattern}."),
        "System.ArgumentException",
        "InvalidArgument",
        "NoParmsFound",
    )
}

fn text_items(text: Option<&str>) -> Value {
    match text {
        Some(t) => {
            let mut o = PsObject::new(&["MamlParaTextItem", "MamlTextItem"]);
            o.set("Text", Value::str(t));
            o.display = Some(t.into());
            Value::array(vec![Value::object(o)])
        }
        None => Value::Null,
    }
}

/// The properties scripts read from a help object (`.Synopsis`, `.description`, `.examples.example`).
fn help_properties(o: &mut PsObject, m: &HelpModel) {
    let mut details = PsObject::new(&["MamlCommandHelpInfo#details"]);
    details.set("name", Value::str(&m.name));
    details.set("description", text_items(m.synopsis.as_deref()));
    o.set("details", Value::object(details));
    o.set("Name", Value::str(&m.name));
    o.set("Category", Value::str(m.category));
    o.set("Synopsis", Value::str(m.synopsis.as_deref().unwrap_or("")));
    o.set("Component", m.component.as_deref().map(Value::str).unwrap_or(Value::Null));
    o.set("Role", m.role.as_deref().map(Value::str).unwrap_or(Value::Null));
    o.set("Functionality", m.functionality.as_deref().map(Value::str).unwrap_or(Value::Null));
    o.set("ModuleName", Value::str(""));
    o.set("description", text_items(m.description.as_deref()));
    let params: Vec<Value> = m
        .params
        .iter()
        .map(|p| {
            let mut po = PsObject::new(&["MamlCommandHelpInfo#parameter"]);
            po.set("name", Value::str(&p.name));
            po.set("description", text_items(p.description.as_deref()));
            po.set("required", Value::str(if p.required { "true" } else { "false" }));
            po.set("position", Value::str(p.position.map(|x| x.to_string()).unwrap_or_else(|| "named".into())));
            po.set("pipelineInput", Value::str(p.pipeline));
            po.set("globbing", Value::str(if p.globbing { "true" } else { "false" }));
            po.set("defaultValue", Value::str(&p.default));
            Value::object(po)
        })
        .collect();
    let mut po = PsObject::new(&["MamlCommandHelpInfo#parameters"]);
    po.set("parameter", Value::array(params));
    o.set("parameters", Value::object(po));
    if !m.examples.is_empty() {
        let list: Vec<Value> = m
            .examples
            .iter()
            .map(|e| {
                let mut eo = PsObject::new(&["MamlCommandHelpInfo#example"]);
                eo.set("title", Value::str(&e.title));
                eo.set("introduction", text_items(Some(&e.intro)));
                eo.set("code", Value::str(&e.code));
                let remarks: Vec<Value> = e
                    .remarks
                    .iter()
                    .map(|r| {
                        let mut ro = PsObject::new(&["MamlParaTextItem", "MamlTextItem"]);
                        ro.set("Text", Value::str(r));
                        ro.display = Some(r.as_str().into());
                        Value::object(ro)
                    })
                    .collect();
                eo.set("remarks", Value::array(remarks));
                Value::object(eo)
            })
            .collect();
        let mut ex = PsObject::new(&["MamlCommandHelpInfo#examples"]);
        ex.set("example", Value::array(list));
        o.set("examples", Value::object(ex));
    }
    if let Some(n) = &m.notes {
        let mut alert = PsObject::new(&["MamlCommandHelpInfo#alert"]);
        alert.set("Text", Value::str(n));
        let mut set = PsObject::new(&["MamlCommandHelpInfo#alertSet"]);
        set.set("alert", Value::array(vec![Value::object(alert)]));
        o.set("alertSet", Value::object(set));
    }
    if !m.links.is_empty() {
        let links: Vec<Value> = m
            .links
            .iter()
            .map(|l| {
                let mut lo = PsObject::new(&["MamlCommandHelpInfo#navigationLink"]);
                let uri = is_uri(l);
                lo.set("linkText", Value::str(if uri { "" } else { l.as_str() }));
                lo.set("uri", Value::str(if uri { l.as_str() } else { "" }));
                Value::object(lo)
            })
            .collect();
        let mut rl = PsObject::new(&["MamlCommandHelpInfo#relatedLinks"]);
        rl.set("navigationLink", Value::array(links));
        o.set("relatedLinks", Value::object(rl));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn keywords_and_sections() {
        let Some(h) = analyze(&lines(
            " .SYNOPSIS\n   Short one.\n\n .PARAMETER Name\n  The name.\n   more\n.EXAMPLE\nPS> f\nout",
        )) else {
            panic!("no help")
        };
        assert_eq!(h.synopsis.as_deref(), Some("Short one.\n\n"));
        assert_eq!(h.parameters, vec![("NAME".to_string(), "The name.\n more\n".to_string())]);
        assert_eq!(h.examples, vec!["PS> f\nout\n".to_string()]);
    }

    #[test]
    fn text_outside_a_section_or_an_unknown_keyword_is_no_help() {
        assert!(analyze(&lines("just a comment\n.SYNOPSIS\nx")).is_none());
        assert!(analyze(&lines(".SYNOPSIS x")).is_none());
        assert!(analyze(&lines(".FOO\nx")).is_none());
        assert!(analyze(&lines("   \n")).is_none());
    }

    #[test]
    fn example_prompt_code_and_remarks() {
        assert_eq!(
            example_sections("PS C:\\> Get-X -A 1\nresult\n"),
            ("PS C:\\>".into(), "Get-X -A 1".into(), "result\n".into())
        );
        assert_eq!(example_sections("Get-X\n"), ("PS C:\\>".into(), "Get-X".into(), String::new()));
    }

    #[test]
    fn word_wrap_keeps_the_space_after_each_word() {
        assert_eq!(generate_lines("aaa bbb ccc", 8), vec!["aaa bbb ".to_string(), "ccc".to_string()]);
        assert_eq!(generate_lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(generate_lines("", 4), vec![String::new()]);
    }

    #[test]
    fn help_before_a_function_needs_at_most_one_blank_line() {
        let src = "<#\n.SYNOPSIS\nS\n#>\n\nfunction f { }\n";
        let Ok(s) = syntax::parse(src) else { panic!("parse") };
        let StatementKind::Function { body, .. } = &s.statements[0].kind else { panic!() };
        assert!(find_help(src, Target::Function(body), None).is_some());
        let far = "<#\n.SYNOPSIS\nS\n#>\n\n\nfunction f { }\n";
        let Ok(s) = syntax::parse(far) else { panic!("parse") };
        let StatementKind::Function { body, .. } = &s.statements[0].kind else { panic!() };
        assert!(find_help(far, Target::Function(body), None).is_none());
    }

    #[test]
    fn every_prefix_of_a_script_is_searched_without_panicking() {
        let src = "<#\n.SYNOPSIS\nS\n.PARAMETER a\nA\n#>\nparam(\n  # the b\n  [string]$b = 'x', [int]$c)\n\n# .SYNOPSIS\n# F\nfunction f { <# .DESCRIPTION\nd #> param([Parameter(Mandatory)]$z) ; 'x' # end\n <#\n.NOTES\nn\n#> }\n";
        for end in 0..=src.len() {
            let Some(prefix) = src.get(..end) else { continue };
            let Ok(script) = syntax::parse(prefix) else { continue };
            let _ = find_help(prefix, Target::Script(script.statements.first()), script.param_block.as_ref());
            for st in &script.statements {
                if let StatementKind::Function { body, .. } = &st.kind {
                    if let Some((lines, _, descs)) =
                        find_help(prefix, Target::Function(body), body.param_block.as_ref())
                    {
                        let h = analyze(&lines).unwrap_or_default();
                        let m = build_model("f", "Function", prefix, body.param_block.as_ref(), &h, &descs);
                        for v in [View::Default, View::Detailed, View::Full, View::Examples] {
                            assert!(render(&m, v, 20).starts_with('\n'));
                        }
                    }
                    let r = reduced("f", body.param_block.as_ref());
                    assert!(render_reduced("f", &r, View::Full, 3).contains("NAME"));
                }
            }
        }
    }

    #[test]
    fn parameter_comments_and_script_help() {
        let src =
            "<#\n.SYNOPSIS\nS\n#>\nparam(\n  # the b\n  [string]$b,\n  [int]\n  # the c\n  $c)\n\n\nfunction g { }\n";
        let Ok(script) = syntax::parse(src) else { panic!("parse") };
        let Some((lines, _, descs)) =
            find_help(src, Target::Script(script.statements.first()), script.param_block.as_ref())
        else {
            panic!("no help")
        };
        assert_eq!(analyze(&lines).and_then(|h| h.synopsis), Some("S\n\n".to_string()));
        assert_eq!(descs, vec!["the b\n".to_string(), "the c\n".to_string()]);
    }
}
