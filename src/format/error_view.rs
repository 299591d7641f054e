//! Error records as Windows PowerShell 5.1's console prints them (the `ErrorInstance` view of
//! `PowerShellCore.format.ps1xml`, `NormalView`), plus the `At line:L char:C` position block
//! (`PositionUtilities.VerboseMessage`) and parse-error messages.
//!
//! How 5.1 builds the text, which this module reproduces step by step:
//! 1. `<prefix> : ` (the command name) and the message; for other errors than parse errors the
//!    position block follows on its own lines.
//! 2. Each `+ CategoryInfo          : …` / `+ FullyQualifiedErrorId : …` / `+ PSComputerName        : …`
//!    text is cut into chunks of `width - 6` characters (`-split "(.{$width})"`), and every chunk is
//!    appended with four leading spaces, *without* a line break between chunks.
//! 3. A final `"\n "` adds a line holding one space after the record.
//! 4. The whole text is word-wrapped at `width - 1` columns by the console line writer.
//!
//! Step 2 then 4 is why continuation lines of a long FullyQualifiedErrorId start with 3 spaces, then
//! 2: the 4 spaces of the next chunk straddle the physical line end. Lines can end in spaces (the
//! word wrap keeps delimiters); `exact_padding = false` trims them, as transcripts copied from a console
//! show them.
//!
//! Owns only rendering. Building records (messages, categories, ids) belongs to the layers that raise
//! the errors.

use super::text::generate_lines;
use crate::value::{ErrorPosition, ErrorRecord};

/// The longest source line the position block shows before cutting it with `... ` / ` ...`.
const MAX_LINE_LENGTH: usize = 69;

/// The position block: `At line:L char:C` (or `At <file>:L char:C`), `+ <line>`, `+ <spaces>~~~`.
/// Long lines are cut around the error with `... ` and ` ...`; tabs expand to four spaces.
pub fn position_message(p: &ErrorPosition) -> String {
    position_message_in(p, false)
}

/// [`position_message`] as PowerShell 7 (`pwsh7`) or Windows PowerShell 5.1 writes it: 7 cuts long
/// lines with the one-character ellipsis `…` (`\u2026 `, ` \u2026`; PositionUtilities.VerboseMessage),
/// 5.1 with three dots.
pub fn position_message_in(p: &ErrorPosition, pwsh7: bool) -> String {
    let (dots_before, dots_after) = if pwsh7 { ("\u{2026} ", " \u{2026}") } else { ("... ", " ...") };
    let file = p.file.as_deref().filter(|f| !f.is_empty()).unwrap_or("line");
    let source = p.line_text.trim_end();
    let mut detail = String::new();
    if !source.is_empty() {
        let chars: Vec<char> = source.chars().collect();
        let mut before = p.column.saturating_sub(1).min(chars.len());
        let mut err_len = p.length.min(chars.len() - before);
        let mut line: Vec<char> = chars.clone();
        if chars.contains(&'\t') {
            let expand = |s: &[char]| -> Vec<char> {
                s.iter().flat_map(|c| if *c == '\t' { vec![' '; 4] } else { vec![*c] }).collect()
            };
            let b = expand(&chars[..before]);
            let e = expand(&chars[before..before + err_len]);
            let a = expand(&chars[before + err_len..]);
            before = b.len();
            err_len = e.len();
            line = [b, e, a].concat();
        }
        let mut prefix_dots = false;
        let mut suffix_dots = false;
        let line_len = line.len();
        if line_len > MAX_LINE_LENGTH {
            let total_prefix = before;
            let mut prefix = total_prefix.min(12);
            let total_suffix = line_len - err_len - before;
            let mut suffix = total_suffix.min(8);
            let mut candidate = prefix + err_len + suffix;
            if candidate >= MAX_LINE_LENGTH {
                if prefix + err_len >= MAX_LINE_LENGTH {
                    err_len = MAX_LINE_LENGTH - prefix;
                }
                suffix_dots = true;
            } else {
                let prefix_available = total_prefix - prefix;
                if prefix_available > 0 {
                    prefix += prefix_available.min(MAX_LINE_LENGTH - candidate);
                    candidate = prefix + err_len + suffix;
                }
                if candidate < MAX_LINE_LENGTH && total_suffix > 0 {
                    suffix += total_suffix.min(MAX_LINE_LENGTH - candidate);
                }
                suffix_dots = suffix < total_suffix;
            }
            prefix_dots = prefix < total_prefix;
            let start = before.saturating_sub(prefix);
            let end = (start + MAX_LINE_LENGTH).min(line_len);
            line = line[start..end].to_vec();
            before = before.min(prefix);
            err_len = err_len.min(MAX_LINE_LENGTH - before);
        }
        if prefix_dots {
            detail.push_str(dots_before);
        }
        detail.extend(line.iter());
        if suffix_dots {
            detail.push_str(dots_after);
        }
        detail.push('\n');
        detail.push_str("+ ");
        detail.push_str(&" ".repeat(before + if prefix_dots { dots_before.chars().count() } else { 0 }));
        detail.push_str(&"~".repeat(err_len.max(1)));
    }
    format!("At {file}:{} char:{}\n+ {detail}", p.line, p.column)
}

/// The message of a parse exception: each error as its position block followed by its message,
/// errors separated by a blank line, at most 10 reported (`ParseException.Message`).
pub fn parse_error_message(errors: &[(ErrorPosition, String)]) -> String {
    let mut parts: Vec<String> = errors.iter().take(10).map(|(p, m)| format!("{}\n{m}", position_message(p))).collect();
    if errors.len() > 10 {
        parts.push("Not all parse errors were reported.  Correct the reported errors and try again.".into());
    }
    parts.join("\n\n")
}

/// The record PowerShell reports for a script that does not parse: category `ParserError`, target
/// `(:)`, empty activity, reason `ParentContainsErrorRecordException`, the id of the first error.
pub fn parse_error_record(errors: &[(ErrorPosition, String)], fqid: &str) -> ErrorRecord {
    ErrorRecord {
        message: parse_error_message(errors),
        exception_type: "System.Management.Automation.ParentContainsErrorRecordException".into(),
        category: "ParserError".into(),
        target: ":".into(),
        activity: String::new(),
        fqid: fqid.into(),
        position: None,
        computer: None,
        prefix: None,
        ..ErrorRecord::default()
    }
}

/// Which of `$ErrorView`'s layouts the console prints error records in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErrorView {
    /// The message, the `At line:` block, `+ CategoryInfo` and `+ FullyQualifiedErrorId`.
    #[default]
    Normal,
    /// `ErrorCategoryInfo.GetMessage()` alone: `Category: (Target:Type) [Activity], Reason`.
    Category,
    /// PowerShell 7's default: `Name: message`, with the `Line |` block for script and parse errors.
    Concise,
}

/// How the console shows error records: the `$ErrorView` layout and whose view script renders it
/// (Windows PowerShell 5.1's or PowerShell 7.4's `ErrorInstance` view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ErrorStyle {
    pub view: ErrorView,
    /// PowerShell 7 (the Online profile) rather than Windows PowerShell 5.1.
    pub pwsh7: bool,
}

impl ErrorStyle {
    /// The style `$ErrorView` (its text) selects. Windows PowerShell 5.1's view script only tests
    /// `$ErrorView -eq "CategoryView"`; PowerShell 7's variable is an `ErrorView` enum (its default
    /// ConciseView; DetailedView prints as ConciseView here, exsh has no Get-Error).
    pub fn from_variable(value: Option<&str>, pwsh7: bool) -> ErrorStyle {
        let v = value.unwrap_or("").trim();
        let view = if v.eq_ignore_ascii_case("CategoryView") {
            ErrorView::Category
        } else if !pwsh7 || v.eq_ignore_ascii_case("NormalView") {
            ErrorView::Normal
        } else {
            ErrorView::Concise
        };
        ErrorStyle { view, pwsh7 }
    }
}

/// The unwrapped text of the record, exactly as the 5.1 view script builds it for a console
/// `width` columns wide (see the module docs), before the line writer wraps it.
pub fn error_text(e: &ErrorRecord, width: usize) -> String {
    error_text_in(e, width, ErrorStyle::default())
}

/// A script's own parse error: no command, its position comes first (a command's ParseException,
/// from Invoke-Expression, prints as any command error does).
fn is_script_parse_error(e: &ErrorRecord) -> bool {
    e.category.eq_ignore_ascii_case("ParserError") && e.activity.is_empty()
}

/// The unwrapped text of the record in `style`, before the console's line writer wraps it.
pub fn error_text_in(e: &ErrorRecord, width: usize, style: ErrorStyle) -> String {
    match (style.view, style.pwsh7) {
        // PowerShell 7's view script skips the command prefix for CategoryView; 5.1's prints it.
        (ErrorView::Category, true) => category_message(e),
        (ErrorView::Category, false) => format!("{}{}", command_prefix(e), category_message(e)),
        (ErrorView::Concise, true) => concise_text(e, width),
        (_, pwsh7) => normal_text(e, width, pwsh7),
    }
}

/// `Name : `, the command prefix of the Normal and (5.1) Category views; none for a script's parse error.
fn command_prefix(e: &ErrorRecord) -> String {
    match e.prefix.as_deref().filter(|p| !p.is_empty() && !is_script_parse_error(e)) {
        Some(prefix) if prefix.ends_with(": ") => prefix.to_string(),
        Some(prefix) => format!("{prefix} : "),
        None => String::new(),
    }
}

/// `ErrorCategoryInfo.GetMessage()`: `Category: (TargetName:TargetType) [Activity], Reason`, long
/// fields ellipsized.
fn category_message(e: &ErrorRecord) -> String {
    let target = match e.target.split_once(':') {
        Some((name, ty)) => format!("{}:{}", ellipsize(name), ellipsize(ty)),
        None => ellipsize(&e.target),
    };
    format!("{}: ({}) [{}], {}", e.category, target, ellipsize(&e.activity), ellipsize(e.reason()))
}

/// NormalView. 5.1 cuts each `+ …` line into chunks of `width - 6` characters, each indented four
/// spaces, and ends the record with a line holding one space; PowerShell 7 writes the `+ …` lines
/// as they are and nothing after them (its view script lost the chunking with PowerShell#5193).
fn normal_text(e: &ErrorRecord, width: usize, pwsh7: bool) -> String {
    let mut text = command_prefix(e);
    match (&e.position, is_script_parse_error(e)) {
        (Some(p), true) => {
            text.push_str(&position_message_in(p, pwsh7));
            text.push('\n');
            text.push_str(&e.message);
        }
        (Some(p), false) => {
            text.push_str(&e.message);
            text.push('\n');
            text.push_str(&position_message_in(p, pwsh7));
        }
        (None, _) => text.push_str(&e.message),
    }
    let mut lines = vec![
        format!("+ CategoryInfo          : {}", category_message(e)),
        format!("+ FullyQualifiedErrorId : {}", e.fqid),
    ];
    if let Some(c) = &e.computer {
        lines.push(format!("+ PSComputerName        : {c}"));
    }
    let chunk = width.saturating_sub(6).max(1);
    for line in lines {
        text.push('\n');
        if pwsh7 {
            text.push_str(&line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(chunk) {
            text.push_str("    ");
            text.extend(piece.iter());
        }
    }
    if !pwsh7 {
        text.push_str("\n ");
    }
    text
}

/// The name ConciseView puts before the colon (`$reason` in the view script): `Exception` for a
/// `throw`, else the command (MyCommand, when Get-Command finds it), the activity, the invocation
/// name, the category (NotSpecified, 0, counts as none), the exception's short type name.
fn concise_reason(e: &ErrorRecord) -> String {
    if e.thrown {
        return "Exception".into();
    }
    if let Some(c) = e.command.as_deref().filter(|c| !c.is_empty()) {
        return c.to_string();
    }
    if !e.activity.is_empty() {
        return e.activity.clone();
    }
    let invocation = e.prefix.as_deref().map(|p| p.trim_end().trim_end_matches(':').trim_end()).unwrap_or("");
    if !invocation.is_empty() && !is_script_parse_error(e) {
        return invocation.to_string();
    }
    if !e.category.is_empty() && !e.category.eq_ignore_ascii_case("NotSpecified") {
        return e.category.clone();
    }
    if !e.reason().is_empty() {
        return e.reason().to_string();
    }
    "Error".into()
}

/// The view script's `Get-TruncatedString`: the first `length` characters, cut back to before their
/// last whitespace when there is one (`-split '\s', -2`).
fn truncated(s: &[char], length: usize) -> &[char] {
    if s.len() <= length {
        return s;
    }
    let head = &s[..length];
    match head.iter().rposition(|c| c.is_whitespace()) {
        Some(i) => &head[..i],
        None => head,
    }
}

/// PowerShell 7's ConciseView (`Get-ConciseViewPositionMessage` in PowerShellCore_format_ps1xml.cs):
/// `Reason: message` for errors from the command line and script modules; for errors in script
/// files, on a line after the first of a multi-line command, and parse errors:
///
/// ```text
/// Reason: C:\path\script.ps1:3
/// Line |
///    3 |  Get-Item nope
///      |  ~~~~~~~~~~~~~
///      | Cannot find path …
/// ```
///
/// then an empty line. Messages of script errors (and of parse errors) are joined into one line and
/// cut at the window width, continuation lines prefixed `     | `.
fn concise_text(e: &ErrorRecord, width: usize) -> String {
    let parse_record =
        e.category.eq_ignore_ascii_case("ParserError") && e.reason() == "ParentContainsErrorRecordException";
    let script_name = e.position.as_ref().and_then(|p| p.file.as_deref()).filter(|f| !f.is_empty());
    let in_module = script_name.is_some_and(|f| f.to_ascii_lowercase().ends_with(".psm1"));
    let mut posmsg = String::new();
    let mut prefix = String::new();
    let mut message = String::new();
    if let Some(p) = e.position.as_ref().filter(|p| (parse_record || script_name.is_some() || p.line > 1) && !in_module)
    {
        match script_name {
            Some(f) => posmsg.push_str(&format!("{f}:{}\n", p.line)),
            None => posmsg.push('\n'),
        }
        let number = p.line.to_string();
        let digits = number.len();
        let header_ws = " ".repeat(digits.saturating_sub(4));
        let line_ws = " ".repeat(4usize.saturating_sub(digits));
        posmsg.push_str(&format!("{header_ws}Line |\n"));
        let pm = position_message_in(p, true);
        let parts: Vec<&str> = pm.split('\n').collect();
        let skip_plus = |l: &str| l.chars().skip(1).collect::<String>();
        let mut line = parts.get(1).map(|l| skip_plus(l)).unwrap_or_default();
        let highlight = parts.last().map(|l| skip_plus(l)).unwrap_or_default();
        if !line.ends_with('\n') {
            line.push('\n');
        }
        posmsg.push_str(&format!("{line_ws}{number} | {line}"));
        prefix = format!("{header_ws}     | ");
        if !highlight.is_empty() {
            posmsg.push_str(&format!("{prefix}{highlight}\n"));
        }
        message.push_str(&prefix);
    }
    match e.message.split_once("~\n").filter(|_| e.category.eq_ignore_ascii_case("ParserError")) {
        Some((_, rest)) => {
            let first = rest.split("~\n").next().unwrap_or(rest);
            message.push_str(first.split("\n\n").next().unwrap_or(first));
        }
        None => message.push_str(&e.message),
    }
    if script_name.is_some() || e.category.eq_ignore_ascii_case("ParserError") {
        let joined: Vec<char> = message.replace("\r\n", " ").replace(['\n', '\t'], " ").chars().collect();
        let prefix_chars: Vec<char> = prefix.chars().collect();
        if width > 0 && joined.len() > width {
            let mut out = String::new();
            let first = truncated(&joined, width);
            out.extend(first.iter());
            let mut remaining: String = joined[first.len()..].iter().collect::<String>().trim().to_string();
            out.push('\n');
            while remaining.chars().count() + prefix_chars.len() > width {
                let sub: Vec<char> = prefix_chars.iter().copied().chain(remaining.chars()).collect();
                let cut = truncated(&sub, width);
                if cut.len() > prefix_chars.len() {
                    out.extend(cut.iter());
                    out.push('\n');
                    remaining =
                        remaining.chars().skip(cut.len() - prefix_chars.len()).collect::<String>().trim().to_string();
                } else {
                    break;
                }
            }
            out.push_str(&prefix);
            out.push_str(remaining.trim());
            message = out;
        } else {
            message = joined.into_iter().collect();
        }
        message.push('\n');
    }
    format!("{}: {posmsg}{message}", concise_reason(e))
}

/// The console text of an error record for a console `width` columns wide: its lines, right-trimmed,
/// each ending in a newline (the last line, a single space in the console, is empty).
pub fn render_error(e: &ErrorRecord, width: usize) -> String {
    render_error_in(e, width, ErrorStyle::default())
}

/// [`render_error`] in an `$ErrorView` style.
pub fn render_error_in(e: &ErrorRecord, width: usize, style: ErrorStyle) -> String {
    let mut s = String::new();
    for l in render_error_lines_in(e, width, false, style) {
        s.push_str(&l);
        s.push('\n');
    }
    s
}

/// The console lines of an error record for a console `width` columns wide (the buffer width; the
/// text wraps at `width - 1`). With `exact_padding` false, trailing spaces are trimmed from each line
/// (the record's last line, a single space in the console, becomes empty).
pub fn render_error_lines(e: &ErrorRecord, width: usize, exact_padding: bool) -> Vec<String> {
    render_error_lines_in(e, width, exact_padding, ErrorStyle::default())
}

/// [`render_error_lines`] in an `$ErrorView` style. Both shells write the view's text through the
/// console's line writer (ComplexWriter), which word-wraps it at `width - 1` columns.
pub fn render_error_lines_in(e: &ErrorRecord, width: usize, exact_padding: bool, style: ErrorStyle) -> Vec<String> {
    let columns = width.saturating_sub(1).max(1);
    let lines = generate_lines(&error_text_in(e, width, style), columns, columns);
    if exact_padding { lines } else { lines.into_iter().map(|l| l.trim_end_matches(' ').to_string()).collect() }
}

/// PowerShell's `ErrorCategoryInfo.Ellipsize`: a field longer than 40 characters prints as its first 15
/// characters, `...`, and its last 15 (`ParameterBindin...mationException`).
fn ellipsize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 40 {
        return s.to_string();
    }
    let head: String = chars[..15].iter().collect();
    let tail: String = chars[chars.len() - 15..].iter().collect();
    format!("{head}...{tail}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_category_fields_are_ellipsized() {
        assert_eq!(
            super::ellipsize("ParameterBindingArgumentTransformationException"),
            "ParameterBindin...mationException"
        );
        assert_eq!(
            super::ellipsize("UserNotFoundInPermissionEntryException"),
            "UserNotFoundInPermissionEntryException"
        );
    }

    use super::*;

    fn rec(message: &str, category: &str, target: &str, activity: &str, exc: &str, fqid: &str) -> ErrorRecord {
        ErrorRecord {
            message: message.into(),
            exception_type: exc.into(),
            category: category.into(),
            target: target.into(),
            activity: activity.into(),
            fqid: fqid.into(),
            ..ErrorRecord::default()
        }
    }

    fn joined(e: &ErrorRecord, width: usize) -> String {
        let s = render_error(e, width);
        s.strip_suffix('\n').unwrap_or(&s).to_string()
    }

    /// behavior.md §0.1, Exchange 2016 (QA-1001232): a 120-column console.
    #[test]
    fn exchange_2016_not_found_sample() {
        let mut e = rec(
            "Couldn't find database \"0181915290\". Make sure you have typed it correctly.",
            "NotSpecified",
            ":",
            "Get-Mailbox",
            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            "[Server=SIVERMAIL,RequestId=d8e96c8b-bd5f-4522-88e3-b1c13c069c41,TimeStamp=9/9/2022 3:17:40 PM] \
             [FailureCategory=Cmdlet-ManagementObjectNotFoundException] E3DE7D95,Microsoft.Exchange.Management.\
             RecipientTasks.GetMailbox",
        );
        e.computer = Some("sivermail.siverlaw.local".into());
        let expected = "Couldn't find database \"0181915290\". Make sure you have typed it correctly.
    + CategoryInfo          : NotSpecified: (:) [Get-Mailbox], ManagementObjectNotFoundException
    + FullyQualifiedErrorId : [Server=SIVERMAIL,RequestId=d8e96c8b-bd5f-4522-88e3-b1c13c069c41,TimeStamp=9/9/2022 3:17
   :40 PM] [FailureCategory=Cmdlet-ManagementObjectNotFoundException] E3DE7D95,Microsoft.Exchange.Management.Recipien
  tTasks.GetMailbox
    + PSComputerName        : sivermail.siverlaw.local
";
        assert_eq!(joined(&e, 120), expected);
        // The untrimmed form keeps the console's trailing spaces: one after `3:17`, two after `Recipien`,
        // and the record's final line is a single space.
        let exact = render_error_lines(&e, 120, true);
        assert_eq!(exact[2].len(), 119);
        assert!(exact[2].ends_with("3:17 "));
        assert!(exact[3].ends_with("Recipien  "));
        assert_eq!(exact.last().map(String::as_str), Some(" "));
    }

    /// behavior.md §0.1, Exchange 2013+ (QA-1856136). The sample's server name was anonymized to a
    /// shorter one, which moved the first chunk boundary; with a name of the original length
    /// (`EXCHANGESRV1`, 3 characters longer) every line matches. The continuation lines after the
    /// first are the console's, unchanged.
    #[test]
    fn exchange_2013_not_found_sample() {
        let mut e = rec(
            "The operation couldn't be performed because object '$USER' couldn't be found on 'AD1.DOMAIN.LOCAL'.",
            "NotSpecified",
            ":",
            "Set-RemoteMailbox",
            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            "[Server=EXCHANGESRV1,RequestId=c45a6d57-2c60-43d1-a36d-67bbbccc8bcf,TimeStamp=5/19/2020 10:19:41 PM] \
             [FailureCategory=Cmdlet-ManagementObjectNotFoundException] 1082ECE3,Microsoft.Exchange.Management.\
             RecipientTasks.SetRemoteMailbox",
        );
        e.computer = Some("EXCHANGE1.DOMAIN.LOCAL".into());
        let expected =
            "The operation couldn't be performed because object '$USER' couldn't be found on 'AD1.DOMAIN.LOCAL'.
    + CategoryInfo          : NotSpecified: (:) [Set-RemoteMailbox], ManagementObjectNotFoundException
    + FullyQualifiedErrorId : [Server=EXCHANGESRV1,RequestId=c45a6d57-2c60-43d1-a36d-67bbbccc8bcf,TimeStamp=5/19/2020
   10:19:41 PM] [FailureCategory=Cmdlet-ManagementObjectNotFoundException] 1082ECE3,Microsoft.Exchange.Management.Rec
  ipientTasks.SetRemoteMailbox
    + PSComputerName        : EXCHANGE1.DOMAIN.LOCAL
";
        assert_eq!(joined(&e, 120), expected);
    }

    /// behavior.md §0.4 (QA-1363212): a console between 152 and 160 columns wide; 155 here.
    #[test]
    fn unknown_command_sample() {
        let mut e = rec(
            "The term 'Enable-RemoteMailbox' is not recognized as the name of a cmdlet, function, script file, or \
             operable program. Check the spelling of the name, or if a path was included, verify that the path is \
             correct and try again.",
            "ObjectNotFound",
            "Enable-RemoteMailbox:String",
            "",
            "System.Management.Automation.CommandNotFoundException",
            "CommandNotFoundException",
        );
        e.prefix = Some("Enable-RemoteMailbox".into());
        e.position = Some(ErrorPosition {
            file: None,
            line: 1,
            column: 1,
            line_text: "Enable-RemoteMailbox".into(),
            length: 20,
        });
        let expected = "Enable-RemoteMailbox : The term 'Enable-RemoteMailbox' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the
spelling of the name, or if a path was included, verify that the path is correct and try again.
At line:1 char:1
+ Enable-RemoteMailbox
+ ~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : ObjectNotFound: (Enable-RemoteMailbox:String) [], CommandNotFoundException
    + FullyQualifiedErrorId : CommandNotFoundException
";
        assert_eq!(joined(&e, 155), expected);
    }

    /// behavior.md §0.1, Exchange Online V3 (QA-2108696): nothing wraps on that (wide) console.
    #[test]
    fn exchange_online_v3_sample() {
        let mut e = rec(
            "Ex94914C|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|Couldn't find object \
             \"Erin Harrington \". Please make sure that it was spelled correctly or specify a different object.",
            "NotSpecified",
            ":",
            "Set-DistributionGroup",
            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            "[Server=LO0P265MB6319,RequestId=cdbee040-8423-345d-3ab7-de141358c6dd,TimeStamp=Mon, 21 Oct 2024 \
             23:12:29 GMT],Write-ErrorMessage",
        );
        e.prefix = Some("Write-ErrorMessage".into());
        e.position = Some(ErrorPosition {
            file: Some(
                "C:\\Users\\marlon.womack\\AppData\\Local\\Temp\\tmpEXO_oo1e12vi.htt\\tmpEXO_oo1e12vi.htt.psm1".into(),
            ),
            line: 1205,
            column: 13,
            line_text: "            Write-ErrorMessage $ErrorObject".into(),
            length: 31,
        });
        let expected = "Write-ErrorMessage : Ex94914C|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|Couldn't find object \"Erin Harrington \". Please make sure that it was spelled correctly or specify a different object.
At C:\\Users\\marlon.womack\\AppData\\Local\\Temp\\tmpEXO_oo1e12vi.htt\\tmpEXO_oo1e12vi.htt.psm1:1205 char:13
+             Write-ErrorMessage $ErrorObject
+             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (:) [Set-DistributionGroup], ManagementObjectNotFoundException
    + FullyQualifiedErrorId : [Server=LO0P265MB6319,RequestId=cdbee040-8423-345d-3ab7-de141358c6dd,TimeStamp=Mon, 21 Oct 2024 23:12:29 GMT],Write-ErrorMessage
";
        assert_eq!(joined(&e, 250), expected);
    }

    /// behavior.md §2.7: the category line of a long exception name wraps with 3 spaces.
    #[test]
    fn long_category_wraps() {
        let e = rec(
            "There is no existing permission entry found for user: user1.",
            "NotSpecified",
            ":",
            "Get-PublicFolderClientPermission",
            "Microsoft.Exchange.Management.StoreTasks.UserNotFoundInPermissionEntryException",
            "X",
        );
        let lines = render_error_lines(&e, 120, false);
        assert_eq!(
            lines[1],
            "    + CategoryInfo          : NotSpecified: (:) [Get-PublicFolderClientPermission], UserNotFoundInPermissionEntryExcep"
        );
        assert_eq!(lines[2], "   tion");
    }

    #[test]
    fn parse_error_prints_position_first() {
        let pos = ErrorPosition { file: None, line: 1, column: 5, line_text: "if (".into(), length: 0 };
        let e = parse_error_record(
            &[(pos, "Missing '(' after 'if' in if statement.".into())],
            "MissingOpenParenthesisInIfStatement",
        );
        let expected = "At line:1 char:5
+ if (
+     ~
Missing '(' after 'if' in if statement.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : MissingOpenParenthesisInIfStatement
";
        assert_eq!(joined(&e, 120), expected);
    }

    #[test]
    fn long_source_lines_are_cut_around_the_error() {
        let text = format!("{}Get-Foo -Bar{}", "a".repeat(60), "b".repeat(40));
        let p = ErrorPosition { file: Some("C:\\s.ps1".into()), line: 3, column: 61, line_text: text, length: 7 };
        let m = position_message(&p);
        let lines: Vec<&str> = m.lines().collect();
        assert_eq!(lines[0], "At C:\\s.ps1:3 char:61");
        assert!(lines[1].starts_with("+ ... "));
        assert!(lines[1].ends_with(" ..."));
        let tilde_at = lines[2].find('~').unwrap_or(0);
        assert_eq!(&lines[1][tilde_at..tilde_at + 7], "Get-Foo");
        assert_eq!(lines[2].matches('~').count(), 7);
    }

    fn concise() -> ErrorStyle {
        ErrorStyle { view: ErrorView::Concise, pwsh7: true }
    }

    fn at(file: Option<&str>, line: usize, column: usize, text: &str, length: usize) -> Option<ErrorPosition> {
        Some(ErrorPosition { file: file.map(str::to_string), line, column, line_text: text.into(), length })
    }

    /// issue PowerShell#11610 (7.0 RC, fixed layout): a caught throw written to the output.
    #[test]
    fn concise_throw_in_a_script() {
        let mut e = rec(
            "Oops!",
            "OperationStopped",
            "Oops!:String",
            "",
            "System.Management.Automation.RuntimeException",
            "Oops!",
        );
        e.thrown = true;
        e.position = at(Some("...\\1.ps1"), 5, 5, "    throw 'Oops!'", 13);
        assert_eq!(
            render_error_in(&e, 120, concise()),
            "Exception: ...\\1.ps1:5\nLine |\n   5 |      throw 'Oops!'\n     |      ~~~~~~~~~~~~~\n     | Oops!\n\n"
        );
    }

    /// The reason falls back from the command to the activity, the invocation name, the category
    /// (NotSpecified counts as none) and the exception's type name.
    #[test]
    fn concise_reason_order() {
        let mut e =
            rec("m", "NotSpecified", ":", "Write-Error", "Microsoft.PowerShell.Commands.WriteErrorException", "x");
        assert_eq!(render_error_in(&e, 120, concise()), "Write-Error: m\n");
        e.command = Some("Test-Thing".into());
        assert_eq!(render_error_in(&e, 120, concise()), "Test-Thing: m\n");
        let mut e = rec("m", "InvalidOperation", ":", "", "System.Management.Automation.RuntimeException", "x");
        assert_eq!(render_error_in(&e, 120, concise()), "InvalidOperation: m\n");
        e.category = "NotSpecified".into();
        assert_eq!(render_error_in(&e, 120, concise()), "RuntimeException: m\n");
        e.prefix = Some("& : ".into());
        assert_eq!(render_error_in(&e, 120, concise()), "&: m\n");
    }

    /// A script module's error shows no Line block, but its message is still cut at the window
    /// width (no prefix) and followed by an empty line; the console then wraps the longer first line.
    #[test]
    fn concise_module_error_has_no_line_block() {
        let mut e = rec(&"word ".repeat(30), "NotSpecified", ":", "Get-Mailbox", "X.Y", "z");
        e.command = Some("Write-ErrorMessage".into());
        e.position = at(Some("C:\\tmp\\m.psm1"), 1205, 13, "            Write-ErrorMessage $ErrorObject", 31);
        let lines = render_error_lines_in(&e, 40, false, concise());
        // The view cut the message at 40 (eight words); the console wraps that first line at 39.
        assert_eq!(lines[0], "Write-ErrorMessage: word word word");
        assert_eq!(lines[1], "word word word word word");
        assert_eq!(lines[2], "word word word word word word word word");
        assert_eq!(lines.last().map(String::as_str), Some(""));
        assert!(!lines.iter().any(|l| l.contains("Line |")));
    }

    /// Line numbers of five digits and more widen the gutter; long messages continue under `| `.
    #[test]
    fn concise_gutter_and_message_wrapping() {
        let mut e = rec("alpha beta gamma delta epsilon zeta eta theta", "NotSpecified", ":", "Get-Item", "X", "z");
        e.position = at(Some("s.ps1"), 12345, 1, "Get-Item nope", 8);
        let lines = render_error_lines_in(&e, 30, false, concise());
        assert_eq!(lines[1], " Line |");
        assert_eq!(lines[2], "12345 |  Get-Item nope");
        assert_eq!(lines[3], "      |  ~~~~~~~~");
        // Get-TruncatedString cuts at the last whitespace inside the first 30 characters, even when
        // they end a word.
        assert_eq!(lines[4], "      | alpha beta gamma");
        assert_eq!(lines[5], "      | delta epsilon zeta");
        assert_eq!(lines[6], "      | eta theta");
    }

    /// PowerShell 7 cuts long source lines with `…`; 5.1 with `...`.
    #[test]
    fn pwsh7_position_ellipsis() {
        let text = format!("{}Get-Foo -Bar{}", "a".repeat(60), "b".repeat(40));
        let p = ErrorPosition { file: None, line: 1, column: 61, line_text: text, length: 7 };
        let m = position_message_in(&p, true);
        let lines: Vec<&str> = m.lines().collect();
        assert!(lines[1].starts_with("+ \u{2026} ") && lines[1].ends_with(" \u{2026}"), "{m}");
        let tilde_at = lines[2].chars().position(|c| c == '~').unwrap_or(0);
        let under: String = lines[1].chars().skip(tilde_at).take(7).collect();
        assert_eq!(under, "Get-Foo");
    }

    /// 7's NormalView: no indent, no chunks, no trailing blank line; CategoryView without the prefix
    /// in 7 and with it in 5.1.
    #[test]
    fn pwsh7_normal_and_category_views() {
        let mut e = rec(
            "m",
            "ObjectNotFound",
            "x:String",
            "Get-Item",
            "System.Management.Automation.ItemNotFoundException",
            "PathNotFound,G",
        );
        e.prefix = Some("Get-Item : ".into());
        let normal7 = ErrorStyle { view: ErrorView::Normal, pwsh7: true };
        assert_eq!(
            render_error_in(&e, 120, normal7),
            "Get-Item : m\n+ CategoryInfo          : ObjectNotFound: (x:String) [Get-Item], ItemNotFoundException\n+ FullyQualifiedErrorId : PathNotFound,G\n"
        );
        let cat = |pwsh7| render_error_in(&e, 120, ErrorStyle { view: ErrorView::Category, pwsh7 });
        assert_eq!(cat(true), "ObjectNotFound: (x:String) [Get-Item], ItemNotFoundException\n");
        assert_eq!(cat(false), "Get-Item : ObjectNotFound: (x:String) [Get-Item], ItemNotFoundException\n");
        assert_eq!(ErrorStyle::from_variable(Some("ConciseView"), false).view, ErrorView::Normal);
        assert_eq!(ErrorStyle::from_variable(None, true).view, ErrorView::Concise);
    }
}
