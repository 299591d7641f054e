//! `ErrorRecord`: what PowerShell prints for an error and what `$_` holds in a `catch` block.

use super::{PsObject, Value};

/// An error record, with every field the console view prints.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErrorRecord {
    /// The exception message.
    pub message: String,
    /// Full .NET exception type, e.g. `Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException`.
    pub exception_type: String,
    /// The category as printed, e.g. `NotSpecified`, `ObjectNotFound`, `InvalidData`, `InvalidArgument`.
    pub category: String,
    /// What goes inside the parentheses of CategoryInfo: `:` for `(:)`, `Enable-X:String`, `0:Int32`.
    pub target: String,
    /// The activity in brackets, usually the command name (`Get-Mailbox`); empty prints `[]`.
    pub activity: String,
    /// The full FullyQualifiedErrorId.
    pub fqid: String,
    /// Where in the script the error happened, for local errors (`At line:L char:C` block).
    pub position: Option<ErrorPosition>,
    /// `PSComputerName` line (remote Exchange errors).
    pub computer: Option<String>,
    /// `Name : ` prefix before the message (local cmdlet errors print the command name first).
    pub prefix: Option<String>,
    /// The command the record's InvocationInfo names (`MyCommand`) when it is one `Get-Command`
    /// finds (a cmdlet or function, not a script file or script block) and differs from the
    /// activity: the function that called Write-Error, EXO V3's `Write-ErrorMessage`. PowerShell
    /// 7's ConciseView names it first.
    pub command: Option<String>,
    /// The exception came from a `throw` statement (`Exception.WasThrownFromThrowStatement`):
    /// ConciseView prints `Exception:` for it.
    pub thrown: bool,
}

/// The script position an error points at.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErrorPosition {
    /// Script file name, when the error happened in a file (`At C:\path\x.ps1:3 char:1`).
    pub file: Option<String>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The text of that line.
    pub line_text: String,
    /// Number of `~` under the offending text (at least 1).
    pub length: usize,
}

impl ErrorRecord {
    /// The short name of the exception type (`ManagementObjectNotFoundException`).
    pub fn reason(&self) -> &str {
        self.exception_type.rsplit('.').next().unwrap_or(&self.exception_type)
    }

    /// The record as a PowerShell object, for `$_` in `catch`, `$Error` and `-ErrorVariable`.
    pub fn to_value(&self) -> Value {
        let exception = PsObject::new(&[&self.exception_type, "System.Exception", "System.Object"])
            .with("Message", self.message.as_str())
            .with("GetType", self.exception_type.as_str());
        let mut exception = exception;
        exception.display = Some(self.message.as_str().into());
        exception.set_hidden("WasThrownFromThrowStatement", Value::Bool(self.thrown));
        let category_info = {
            let mut o = PsObject::new(&["System.Management.Automation.ErrorCategoryInfo", "System.Object"])
                .with("Category", self.category.as_str())
                .with("Activity", self.activity.as_str())
                .with("Reason", self.reason())
                .with("TargetName", self.target.split(':').next().unwrap_or(""))
                .with("TargetType", self.target.split(':').nth(1).unwrap_or(""));
            o.display =
                Some(format!("{}: ({}) [{}], {}", self.category, self.target, self.activity, self.reason()).into());
            o
        };
        let mut rec = PsObject::new(&["System.Management.Automation.ErrorRecord", "System.Object"])
            .with("Exception", Value::object(exception))
            // The target object of a `Name:String` target is that string (a thrown string, the
            // command name of CommandNotFoundException, Write-Error -TargetObject 'x').
            .with(
                "TargetObject",
                match self.target.rsplit_once(':') {
                    Some((name, "String")) => Value::str(name),
                    _ => Value::Null,
                },
            )
            .with("CategoryInfo", Value::object(category_info))
            .with("FullyQualifiedErrorId", self.fqid.as_str());
        rec.display = Some(self.message.as_str().into());
        // What the console view needs and the object model does not show, kept out of sight so
        // that `$_` or `$Error[0]` written to the output prints as the record did.
        let text = |s: &Option<String>| s.as_deref().map(Value::str).unwrap_or(Value::Null);
        rec.set_hidden(HIDDEN_PREFIX, text(&self.prefix));
        rec.set_hidden(HIDDEN_COMMAND, text(&self.command));
        rec.set_hidden(HIDDEN_COMPUTER, text(&self.computer));
        if let Some(p) = &self.position {
            let file = p.file.as_deref().map(Value::str).unwrap_or(Value::Null);
            let fields = vec![
                file,
                Value::Int(p.line as i64),
                Value::Int(p.column as i64),
                Value::str(p.line_text.as_str()),
                Value::Int(p.length as i64),
            ];
            rec.set_hidden(HIDDEN_POSITION, Value::array(fields));
        }
        Value::object(rec)
    }

    /// The record an ErrorRecord object (`to_value`'s form) stands for, as its view prints it.
    pub fn from_object(o: &PsObject) -> ErrorRecord {
        let text = |v: Option<Value>| v.map(|x| super::convert::to_string(&x)).unwrap_or_default();
        let opt = |name: &str| o.get(name).filter(|v| !v.is_null()).map(|v| super::convert::to_string(&v));
        let exception = o.get("Exception");
        let message = o
            .display
            .as_deref()
            .map(str::to_string)
            .unwrap_or_else(|| text(exception.as_ref().and_then(|e| e.property("Message"))));
        let info = o.get("CategoryInfo");
        let field = |name: &str| text(info.as_ref().and_then(|i| i.property(name)));
        let full_type = text(exception.as_ref().and_then(|e| e.property("GetType")));
        let reason = field("Reason");
        let exception_type = match (full_type.is_empty(), reason.is_empty()) {
            (false, _) => full_type,
            (true, false) => reason,
            (true, true) => "System.Exception".into(),
        };
        let position = match o.get(HIDDEN_POSITION) {
            Some(Value::Array(a)) => {
                let a = a.borrow();
                let int = |i: usize| a.items.get(i).and_then(super::convert::to_int).unwrap_or(0).max(0) as usize;
                Some(ErrorPosition {
                    file: a.items.first().filter(|v| !v.is_null()).map(super::convert::to_string),
                    line: int(1),
                    column: int(2),
                    line_text: a.items.get(3).map(super::convert::to_string).unwrap_or_default(),
                    length: int(4),
                })
            }
            _ => None,
        };
        let thrown = exception
            .as_ref()
            .and_then(|e| e.property("WasThrownFromThrowStatement"))
            .is_some_and(|v| super::convert::to_bool(&v));
        ErrorRecord {
            message,
            exception_type,
            category: field("Category"),
            target: format!("{}:{}", field("TargetName"), field("TargetType")),
            activity: field("Activity"),
            fqid: text(o.get("FullyQualifiedErrorId")),
            position,
            computer: opt(HIDDEN_COMPUTER),
            prefix: opt(HIDDEN_PREFIX),
            command: opt(HIDDEN_COMMAND),
            thrown,
        }
    }
}

/// Hidden properties of an ErrorRecord object that keep what its console view prints.
const HIDDEN_PREFIX: &str = "__ExshViewPrefix";
const HIDDEN_COMMAND: &str = "__ExshViewCommand";
const HIDDEN_COMPUTER: &str = "__ExshViewComputer";
const HIDDEN_POSITION: &str = "__ExshViewPosition";
