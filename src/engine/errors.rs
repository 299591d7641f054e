//! Runtime errors and the PowerShell / Exchange error records the engine builds.

use crate::directory::{ExchangeVersion, OrgInfo};
use crate::syntax::{ParseError, Span, span};
use crate::value::{ErrorPosition, ErrorRecord, PsObject, Value};

/// A terminating error in flight.
#[derive(Clone)]
pub(crate) struct RuntimeError {
    /// What is printed.
    pub record: ErrorRecord,
    /// What `throw` threw (for `$_.TargetObject` and rethrow); `Null` for engine errors.
    pub thrown: Value,
    /// True when the error ends the script when uncaught (`throw`, `-ErrorAction Stop`); false for a
    /// statement-terminating runtime error, after which the next statement runs.
    pub fatal: bool,
}

impl RuntimeError {
    /// The same error with another .NET exception type (MethodException, ArgumentNullException…).
    pub(crate) fn with_exception(mut self, exception_type: impl Into<String>) -> RuntimeError {
        self.record.exception_type = exception_type.into();
        self
    }

    /// The error as the evaluator's control flow.
    pub(crate) fn flow(self) -> super::Flow {
        super::Flow::Error(Box::new(self))
    }
}

/// Where in the current text a span is, for `At line:` blocks.
pub(crate) fn position(src: &str, file: Option<&str>, sp: Span) -> ErrorPosition {
    let (line, column) = span::line_col(src, sp.start);
    let text = span::line_text(src, sp.start).to_string();
    let len = sp.slice(src).lines().next().map(|l| l.chars().count()).unwrap_or(0).max(1);
    ErrorPosition { file: file.map(|f| f.to_string()), line, column, line_text: text, length: len }
}

/// A parse error as PowerShell prints it.
pub(crate) fn parse_error_record(e: &ParseError, src: &str, file: Option<&str>) -> ErrorRecord {
    // The caret line underlines the error's extent on its first line (at least one `~`).
    let pos = position(src, file, e.span);
    ErrorRecord {
        message: e.message.clone(),
        exception_type: "System.Management.Automation.ParentContainsErrorRecordException".into(),
        category: "ParserError".into(),
        target: ":".into(),
        activity: String::new(),
        fqid: e.error_id.to_string(),
        position: Some(pos),
        computer: None,
        prefix: None,
        ..ErrorRecord::default()
    }
}

/// A local PowerShell error with position (`Name : message` / At line / CategoryInfo / FQID).
pub(crate) fn local_record(
    message: impl Into<String>,
    exception_type: &str,
    category: &str,
    target: &str,
    activity: &str,
    fqid: &str,
    pos: Option<ErrorPosition>,
    prefix: Option<&str>,
) -> ErrorRecord {
    ErrorRecord {
        message: message.into(),
        exception_type: exception_type.into(),
        category: category.into(),
        target: target.into(),
        activity: activity.into(),
        fqid: fqid.into(),
        position: pos,
        computer: None,
        prefix: prefix.map(|p| format!("{p} : ")),
        ..ErrorRecord::default()
    }
}

/// `The term 'X' is not recognized …`.
///
/// `invocation` is the name the error view prints first: the command itself, or `&` / `.` for the
/// call and dot-source operators (`& : The term …`).
/// `pwsh7`: PowerShell 7's wording (the Online profile).
pub(crate) fn command_not_found_as(
    name: &str,
    invocation: &str,
    pos: Option<ErrorPosition>,
    pwsh7: bool,
) -> ErrorRecord {
    local_record(
        crate::cmdlet::command_not_found_message(name, pwsh7),
        "System.Management.Automation.CommandNotFoundException",
        "ObjectNotFound",
        &format!("{name}:String"),
        "",
        "CommandNotFoundException",
        pos,
        Some(invocation),
    )
}

/// A statement-terminating runtime exception (`RuntimeException`), e.g. a method call on `$null`.
pub(crate) fn runtime(
    message: impl Into<String>,
    fqid: &str,
    category: &str,
    target: &str,
    pos: Option<ErrorPosition>,
) -> RuntimeError {
    RuntimeError {
        record: local_record(
            message,
            "System.Management.Automation.RuntimeException",
            category,
            target,
            "",
            fqid,
            pos,
            None,
        ),
        thrown: Value::Null,
        fatal: false,
    }
}

/// A short stable hash, printed as Exchange's error code (uppercase hex, no padding).
pub(crate) fn error_code(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:X}", h)
}

/// A deterministic request id (a GUID-shaped string) from a counter and the clock.
pub(crate) fn request_id(counter: u64, now: i64) -> String {
    let mut x = (counter.wrapping_mul(0x9E37_79B9_7F4A_7C15)) ^ (now as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let mut next = || {
        x ^= x >> 31;
        x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 29;
        x
    };
    let a = next();
    let b = next();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        (a & 0xfff) as u16,
        ((b >> 48) as u16 & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// The EMS layout of an Exchange task error for the org's version.
pub(crate) fn exchange_record(
    org: &OrgInfo,
    cmdlet: &str,
    class: &str,
    exception_type: &str,
    category: &str,
    message: &str,
    counter: u64,
    now: i64,
) -> ErrorRecord {
    let reason = exception_type.rsplit('.').next().unwrap_or(exception_type);
    let code = error_code(&format!("{exception_type}|{message}"));
    match org.version {
        ExchangeVersion::Exchange2010 => ErrorRecord {
            message: message.into(),
            exception_type: exception_type.into(),
            category: category.into(),
            target: "0:Int32".into(),
            activity: cmdlet.into(),
            fqid: format!("{code},{class}"),
            position: None,
            computer: None,
            prefix: None,
            ..ErrorRecord::default()
        },
        ExchangeVersion::Online => {
            let id = crate::cmdlet::online_string_id(exception_type, message);
            let ts = rfc1123(now);
            ErrorRecord {
                message: format!("{id}|{exception_type}|{message}"),
                exception_type: exception_type.into(),
                category: category.into(),
                target: ":".into(),
                activity: cmdlet.into(),
                fqid: format!(
                    "[Server={},RequestId={},TimeStamp={}],Write-ErrorMessage",
                    org.server,
                    request_id(counter, now),
                    ts
                ),
                position: Some(ErrorPosition {
                    file: Some("C:\\Users\\admin\\AppData\\Local\\Temp\\tmpEXO_exsh.d1x\\tmpEXO_exsh.d1x.psm1".into()),
                    line: 1205,
                    column: 13,
                    line_text: "            Write-ErrorMessage $ErrorObject".into(),
                    length: 31,
                }),
                computer: None,
                prefix: Some("Write-ErrorMessage : ".into()),
                // The REST module writes the error from its Write-ErrorMessage function (pwsh 7
                // prints `Write-ErrorMessage: Ex…|…|…`).
                command: Some("Write-ErrorMessage".into()),
                thrown: false,
            }
        }
        _ => ErrorRecord {
            message: message.into(),
            exception_type: exception_type.into(),
            category: category.into(),
            target: ":".into(),
            activity: cmdlet.into(),
            fqid: format!(
                "[Server={},RequestId={},TimeStamp={}] [FailureCategory=Cmdlet-{}] {},{}",
                org.server,
                request_id(counter, now),
                crate::value::convert::format_datetime(now, true),
                reason,
                code,
                class
            ),
            position: None,
            computer: Some(format!("{}.{}", org.server.to_ascii_lowercase(), org.domain)),
            prefix: None,
            ..ErrorRecord::default()
        },
    }
}

/// `Mon, 21 Oct 2024 23:12:29 GMT`.
fn rfc1123(now: i64) -> String {
    let days = now.div_euclid(86400);
    let rem = now.rem_euclid(86400);
    let (y, m, d) = crate::value::convert::civil_from_days(days);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
    let mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        [(m as usize).saturating_sub(1).min(11)];
    format!("{wd}, {d:02} {mon} {y} {:02}:{:02}:{:02} GMT", rem / 3600, (rem % 3600) / 60, rem % 60)
}

/// An error record as `$_`, `$Error[n]` and `-ErrorVariable` hold it: [`ErrorRecord::to_value`]
/// and its `InvocationInfo` (ScriptLineNumber, OffsetInLine, Line, ScriptName, PositionMessage,
/// MyCommand, InvocationName), which needs the format layer's position block.
pub(crate) fn record_value(rec: &ErrorRecord) -> Value {
    let v = rec.to_value();
    let command = rec
        .prefix
        .as_deref()
        .map(|p| p.trim_end_matches(' ').trim_end_matches(':').trim_end())
        .filter(|p| !p.is_empty() && !p.contains(' '))
        .map(str::to_string)
        .or_else(|| (!rec.activity.is_empty()).then(|| rec.activity.clone()));
    let my_command = match &command {
        Some(name) => {
            let mut o = PsObject::new(&["System.Management.Automation.CommandInfo", "System.Object"])
                .with("Name", name.as_str())
                .with("CommandType", if name.contains('-') { "Cmdlet" } else { "Function" });
            o.display = Some(name.as_str().into());
            Value::object(o)
        }
        None => Value::Null,
    };
    let mut info = PsObject::new(&["System.Management.Automation.InvocationInfo", "System.Object"])
        .with("MyCommand", my_command)
        .with("InvocationName", command.as_deref().map(Value::str).unwrap_or(Value::str("")));
    match &rec.position {
        Some(p) => {
            info = info
                .with("ScriptLineNumber", Value::Int(p.line as i64))
                .with("OffsetInLine", Value::Int(p.column as i64))
                .with("ScriptName", p.file.as_deref().unwrap_or(""))
                .with("Line", p.line_text.as_str())
                .with("PositionMessage", crate::format::position_message(p).trim_end_matches('\n'));
        }
        None => {
            info = info
                .with("ScriptLineNumber", Value::Int(0))
                .with("OffsetInLine", Value::Int(0))
                .with("ScriptName", "")
                .with("Line", "")
                .with("PositionMessage", "");
        }
    }
    if let Value::Object(o) = &v {
        o.borrow_mut().set("InvocationInfo", Value::object(info));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_guid_shaped_and_stable() {
        let a = request_id(1, 0);
        assert_eq!(a.len(), 36);
        assert_eq!(a, request_id(1, 0));
        assert_ne!(a, request_id(2, 0));
    }

    #[test]
    fn online_prefix_carries_the_resource_string_id() {
        let dir = crate::directory::Directory::sample(ExchangeVersion::Online);
        let rec = |ty: &str, msg: &str| {
            exchange_record(&dir.org, "Add-MailboxPermission", "X.Y", ty, "InvalidData", msg, 1, 0).message
        };
        let ty = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException";
        assert!(
            rec(ty, "User or group \"x\" wasn't found. Please make sure you've typed it correctly.")
                .starts_with("Ex9BC9DD|")
        );
        assert!(
            rec(ty, "The operation couldn't be performed because object 'x' couldn't be found on 'y'.")
                .starts_with("Ex6F9304|")
        );
        assert!(rec("System.InvalidOperationException", "Setting the Send As permission for the mailbox doesn't work. Add the Send As permission using Add-ADPermission cmdlet.").starts_with("ExB91969|"));
        assert!(rec("System.ArgumentException", "Something else.").starts_with("|System.ArgumentException|"));
    }

    #[test]
    fn rfc1123_dates() {
        assert_eq!(rfc1123(1_729_552_349), "Mon, 21 Oct 2024 23:12:29 GMT");
    }
}
