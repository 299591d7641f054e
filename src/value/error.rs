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
        Value::object(rec)
    }
}
