//! Write-Host, Write-Output, Write-Warning, Write-Error, Write-Verbose, Write-Debug,
//! Write-Information, Write-Progress, Read-Host, Out-Null, Clear-Host.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Color, Context, Origin, Param, ParamType, Signature,
};
use crate::value::{ErrorRecord, Value, convert};

const COLORS: &[&str] = &Color::NAMES;

fn color(args: &BoundArgs, name: &str) -> Option<Color> {
    let s = args.string(name)?;
    COLORS.iter().position(|c| c.eq_ignore_ascii_case(&s)).map(|i| Color::ALL[i])
}

/// `Write-Host`.
pub struct WriteHost;

impl Cmdlet for WriteHost {
    fn signature(&self) -> Signature {
        Signature::new("Write-Host", "Microsoft.PowerShell.Commands.WriteHostCommand", Origin::Core)
            .synopsis("Writes customized output to a host.")
            .param(
                Param::new("Object", ParamType::Object)
                    .position(0)
                    .remaining()
                    .from_pipeline()
                    .help("Objects to display."),
            )
            .param(Param::new("NoNewline", ParamType::Switch).help("No line break after the output."))
            .param(Param::new("Separator", ParamType::Object).help("Separator between objects."))
            .param(Param::new("ForegroundColor", ParamType::Set(COLORS)).help("Text colour."))
            .param(Param::new("BackgroundColor", ParamType::Set(COLORS)).help("Background colour."))
            .example("Write-Host \"Granted\" -ForegroundColor Green", "Green text.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let sep = args.opt::<String>("Separator").unwrap_or_else(|| " ".into());
        let text = match args.get("Object") {
            Some(Value::Array(a)) => a.borrow().iter().map(host_text).collect::<Vec<_>>().join(&sep),
            Some(v) => host_text(v),
            None => String::new(),
        };
        cx.host(&text, color(args, "ForegroundColor"), color(args, "BackgroundColor"), !args.switch("NoNewline"));
        Ok(())
    }
}

fn host_text(v: &Value) -> String {
    match v {
        Value::Array(a) => a.borrow().iter().map(host_text).collect::<Vec<_>>().join(" "),
        other => convert::to_string(other),
    }
}

/// `Write-Output` (`echo`, `write`).
pub struct WriteOutput;

impl Cmdlet for WriteOutput {
    fn signature(&self) -> Signature {
        Signature::new("Write-Output", "Microsoft.PowerShell.Commands.WriteOutputCommand", Origin::Core)
            .synopsis("Writes objects to the pipeline.")
            .param(
                Param::new("InputObject", ParamType::Object)
                    .position(0)
                    .mandatory()
                    .remaining()
                    .from_pipeline()
                    .help("Objects to send down the pipeline."),
            )
            .param(Param::new("NoEnumerate", ParamType::Switch).help("Does not enumerate collections."))
            .example("Write-Output 'done'", "Writes a string.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        match args.get("InputObject") {
            Some(Value::Array(a)) if !args.switch("NoEnumerate") => {
                for v in a.borrow().iter() {
                    cx.output(v.clone());
                }
            }
            Some(v) => cx.output(v.clone()),
            None => {}
        }
        Ok(())
    }
}

/// `Write-Warning`.
pub struct WriteWarning;

impl Cmdlet for WriteWarning {
    fn signature(&self) -> Signature {
        Signature::new("Write-Warning", "Microsoft.PowerShell.Commands.WriteWarningCommand", Origin::Core)
            .synopsis("Writes a warning message.")
            .param(
                Param::new("Message", ParamType::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The warning text."),
            )
            .example("Write-Warning \"Mailbox not found\"", "Prints WARNING: Mailbox not found")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        cx.warning(&args.string("Message").unwrap_or_default());
        Ok(())
    }
}

/// `Write-Verbose`.
pub struct WriteVerbose;

impl Cmdlet for WriteVerbose {
    fn signature(&self) -> Signature {
        Signature::new("Write-Verbose", "Microsoft.PowerShell.Commands.WriteVerboseCommand", Origin::Core)
            .synopsis("Writes text to the verbose message stream.")
            .param(
                Param::new("Message", ParamType::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The verbose text."),
            )
            .example("Write-Verbose 'Processing' -Verbose", "Prints VERBOSE: Processing")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let pref = cx.variable("VerbosePreference").map(|v| convert::to_string(&v)).unwrap_or_default();
        let msg = args.string("Message").unwrap_or_default();
        if pref.eq_ignore_ascii_case("Continue") {
            cx.host(&format!("VERBOSE: {msg}"), Some(Color::Yellow), None, true);
        } else {
            cx.verbose(&msg);
        }
        Ok(())
    }
}

/// `Write-Debug`, `Write-Information` and `Write-Progress`: accepted; print nothing by default, as in PowerShell.
pub struct Quiet(&'static str, &'static str, &'static str);

/// The quiet writers.
pub fn quiet_writers() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(Quiet(
            "Write-Debug",
            "Microsoft.PowerShell.Commands.WriteDebugCommand",
            "Writes a debug message (shown only when $DebugPreference asks).",
        )),
        Box::new(Quiet(
            "Write-Information",
            "Microsoft.PowerShell.Commands.WriteInformationCommand",
            "Writes to the information stream (not shown unless $InformationPreference asks).",
        )),
        Box::new(Quiet(
            "Write-Progress",
            "Microsoft.PowerShell.Commands.WriteProgressCommand",
            "Shows a progress bar (exsh shows none).",
        )),
    ]
}

impl Cmdlet for Quiet {
    fn signature(&self) -> Signature {
        let mut s = Signature::new(self.0, self.1, Origin::Core).synopsis(self.2);
        if self.0 == "Write-Progress" {
            s = s
                .param(Param::new("Activity", ParamType::String).position(0).help("Activity text."))
                .param(Param::new("Status", ParamType::String).position(1).help("Status text."))
                .param(Param::new("Id", ParamType::Int).position(2).help("Progress bar id."))
                .param(Param::new("PercentComplete", ParamType::Int).help("Percent done."))
                .param(Param::new("SecondsRemaining", ParamType::Int).help("Seconds left."))
                .param(Param::new("CurrentOperation", ParamType::String).help("Current operation."))
                .param(Param::new("ParentId", ParamType::Int).help("Parent bar."))
                .param(Param::new("Completed", ParamType::Switch).help("Removes the bar."));
        } else {
            s = s
                .param(Param::new("Message", ParamType::Object).position(0).from_pipeline().help("The message."))
                .param(Param::new("Tags", ParamType::String).array().help("Tags."));
        }
        s.example(self.0, "Accepted and ignored.")
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

/// `Write-Error`.
pub struct WriteError;

impl Cmdlet for WriteError {
    fn signature(&self) -> Signature {
        Signature::new("Write-Error", "Microsoft.PowerShell.Commands.WriteErrorCommand", Origin::Core)
            .synopsis("Writes an object to the error stream.")
            .param(Param::new("Message", ParamType::String).position(0).from_pipeline().help("The error text."))
            .param(Param::new("Category", ParamType::String).help("Error category."))
            .param(Param::new("ErrorId", ParamType::String).help("Error id."))
            .param(Param::new("TargetObject", ParamType::Object).help("The object that was processed."))
            .param(Param::new("Exception", ParamType::Object).help("An exception."))
            .param(Param::new("ErrorRecord", ParamType::Object).help("An error record."))
            .example("Write-Error \"Could not grant\"", "A non-terminating error.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        // -Exception: an exception object keeps its type, and its message unless -Message is
        // given (WriteOrThrowErrorCommand.ProcessRecord: ErrorDetails); the error id defaults to
        // the exception's full type name.
        let exception = args.get("Exception").and_then(|e| match e {
            Value::Object(o) if o.borrow().type_names.iter().any(|t| t.as_ref() == "System.Exception") => {
                let o = o.borrow();
                let ty = o.type_names.first().map(|t| t.to_string()).unwrap_or_default();
                let msg = o.get("Message").map(|m| convert::to_string(&m)).unwrap_or_default();
                Some((ty, msg))
            }
            _ => None,
        });
        let msg = args
            .string("Message")
            .or_else(|| exception.as_ref().map(|(_, m)| m.clone()))
            .or_else(|| args.opt::<String>("Exception"))
            .or_else(|| args.opt::<String>("ErrorRecord"))
            .unwrap_or_default();
        let exception_type =
            exception.map(|(t, _)| t).unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".into());
        let fqid = args.string("ErrorId").unwrap_or_else(|| exception_type.clone());
        // CategoryInfo's target: `name:Type` of -TargetObject.
        let target = match args.get("TargetObject") {
            Some(t) if !t.is_null() => {
                let ty = t.type_name();
                format!("{}:{}", convert::to_string(t), ty.rsplit('.').next().unwrap_or(&ty))
            }
            _ => ":".into(),
        };
        let rec = ErrorRecord {
            message: msg,
            exception_type,
            category: args.string("Category").unwrap_or_else(|| "NotSpecified".into()),
            target,
            activity: "Write-Error".into(),
            fqid,
            ..Default::default()
        };
        cx.error(CmdletError::Record(Box::new(rec)))
    }
}

/// `Read-Host`.
pub struct ReadHost;

const AS_SECURE_STRING: &str = "AsSecureString";
const MASK_INPUT: &str = "MaskInput";

impl Cmdlet for ReadHost {
    fn signature(&self) -> Signature {
        Signature::new("Read-Host", "Microsoft.PowerShell.Commands.ReadHostCommand", Origin::Core)
            .synopsis("Reads a line of input from the console.")
            .param(
                Param::new("Prompt", ParamType::Object)
                    .position(0)
                    .remaining()
                    .help("The prompt text; a colon is appended."),
            )
            .param(
                Param::new(AS_SECURE_STRING, ParamType::Switch)
                    .help("Echoes * for each typed character and returns a SecureString."),
            )
            .param(
                Param::new(MASK_INPUT, ParamType::Switch)
                    .versions(crate::cmdlets::exchange::ONLINE)
                    .help("Echoes * for each typed character and returns the text (PowerShell 7.1 and later)."),
            )
            .example("$user = Read-Host \"Enter the user's alias\"", "Asks for a value.")
            .example("$pw = Read-Host 'Password' -AsSecureString", "Asks for a password without showing it.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let prompt = args.get("Prompt").map(host_text).unwrap_or_default();
        let secure = args.switch(AS_SECURE_STRING);
        let masked = args.switch(MASK_INPUT);
        // ReadHostCommand: both read through ReadLineAsSecureString (a * per character on a
        // console); -MaskInput then hands back the text.
        match cx.read_line(&prompt, secure || masked)? {
            Some(line) => {
                cx.output(if secure { crate::value::secure::secure_string(&line) } else { Value::str(line) });
                Ok(())
            }
            None => Err(CmdletError::core(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                "System.Management.Automation.PSInvalidOperationException",
                "InvalidOperation",
                "InvalidOperation",
            )),
        }
    }
}

/// `Out-Null`.
pub struct OutNull;

impl Cmdlet for OutNull {
    fn signature(&self) -> Signature {
        Signature::new("Out-Null", "Microsoft.PowerShell.Commands.OutNullCommand", Origin::Core)
            .synopsis("Hides the output instead of sending it down the pipeline or displaying it.")
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to discard."))
            .example(
                "Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null",
                "Grants without printing the row.",
            )
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

/// `Clear-Host` (`cls`, `clear`).
pub struct ClearHost;

impl Cmdlet for ClearHost {
    fn signature(&self) -> Signature {
        Signature::new("Clear-Host", "Microsoft.PowerShell.Commands.ClearHostCommand", Origin::Core)
            .synopsis("Clears the display in the host program.")
            .example("Clear-Host", "Clears the screen.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if cx.variable("__exsh_terminal").map(|v| convert::to_bool(&v)).unwrap_or(false) {
            cx.host("\x1b[2J\x1b[H", None, None, false);
        }
        Ok(())
    }
}
