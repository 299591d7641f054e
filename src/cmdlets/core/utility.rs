//! New-TimeSpan, Measure-Command, Get-Unique (gu), Tee-Object (tee) and Get-Culture. See
//! docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::dotnet::{TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND};
use crate::value::{PsObject, Value, convert};

const START: &str = "Start";
const END: &str = "End";
const DAYS: &str = "Days";
const HOURS: &str = "Hours";
const MINUTES: &str = "Minutes";
const SECONDS: &str = "Seconds";
const INPUT_OBJECT: &str = "InputObject";
const AS_STRING: &str = "AsString";
const ON_TYPE: &str = "OnType";
const FILE_PATH: &str = "FilePath";
const APPEND: &str = "Append";
const VARIABLE: &str = "Variable";

/// `New-TimeSpan`.
pub struct NewTimeSpan;

/// A date argument as ticks since the epoch.
fn date_ticks(cx: &dyn Context, args: &BoundArgs, name: &str) -> Result<i64, CmdletError> {
    let v = match args.get(name) {
        None | Some(Value::Null) => return Ok(cx.now() * TICKS_PER_SECOND),
        Some(Value::DateTime(s, n)) => Value::DateTime(*s, *n),
        Some(v) => {
            let text = convert::to_string(v);
            convert::parse_datetime(&text).ok_or_else(|| {
                CmdletError::core(
                    format!(
                        "Cannot bind parameter '{name}'. Cannot convert value \"{text}\" to type \"System.DateTime\". Error: \"String was not recognized as a valid DateTime.\""
                    ),
                    "System.Management.Automation.ParameterBindingException",
                    "InvalidArgument",
                    "CannotConvertArgumentNoMessage",
                )
            })?
        }
    };
    match v {
        Value::DateTime(s, n) => Ok(s * TICKS_PER_SECOND + i64::from(n) / 100),
        _ => Ok(0),
    }
}

impl Cmdlet for NewTimeSpan {
    fn signature(&self) -> Signature {
        Signature::new("New-TimeSpan", "Microsoft.PowerShell.Commands.NewTimeSpanCommand", Origin::Core)
            .synopsis("Creates a TimeSpan object.")
            .sets(&["Date", "Time"])
            .param(
                Param::new(START, ParamType::Object)
                    .position(0)
                    .aliases(&["LastWriteTime"])
                    .sets(&["Date"])
                    .from_pipeline_by_name()
                    .help("The start (default now)."),
            )
            .param(Param::new(END, ParamType::Object).position(1).sets(&["Date"]).help("The end (default now)."))
            .param(Param::new(DAYS, ParamType::Int).sets(&["Time"]).help("Days."))
            .param(Param::new(HOURS, ParamType::Int).sets(&["Time"]).help("Hours."))
            .param(Param::new(MINUTES, ParamType::Int).sets(&["Time"]).help("Minutes."))
            .param(Param::new(SECONDS, ParamType::Int).sets(&["Time"]).help("Seconds."))
            .example("New-TimeSpan -Start (Get-Date).AddDays(-30)", "The last 30 days.")
            .example("New-TimeSpan -Hours 1 -Minutes 30", "An hour and a half.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let ticks = if args.set == "Time" {
            let part = |n: &str, unit: i64| args.opt::<i64>(n).unwrap_or(0).saturating_mul(unit);
            part(DAYS, TICKS_PER_DAY)
                .saturating_add(part(HOURS, TICKS_PER_HOUR))
                .saturating_add(part(MINUTES, TICKS_PER_MINUTE))
                .saturating_add(part(SECONDS, TICKS_PER_SECOND))
        } else {
            date_ticks(cx, args, END)?.saturating_sub(date_ticks(cx, args, START)?)
        };
        cx.output(Value::TimeSpan(ticks));
        Ok(())
    }
}

/// `Get-Unique` (gu): drops each object equal to the one before it (input is expected sorted).
pub struct GetUnique;

impl Cmdlet for GetUnique {
    fn signature(&self) -> Signature {
        Signature::new("Get-Unique", "Microsoft.PowerShell.Commands.GetUniqueCommand", Origin::Core)
            .synopsis("Returns unique items from a sorted list.")
            .param(Param::new(INPUT_OBJECT, ParamType::Object).from_pipeline().help("The objects."))
            .param(Param::new(AS_STRING, ParamType::Switch).help("Compares the objects as text."))
            .param(Param::new(ON_TYPE, ParamType::Switch).help("Compares only the types."))
            .example("Get-Content names.txt | Sort-Object | Get-Unique", "Each name once.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let Some(v) = args.get(INPUT_OBJECT).cloned() else { return Ok(()) };
        let same = match state.last() {
            None => false,
            Some(prev) if args.flag(ON_TYPE) => prev.type_name() == v.type_name(),
            // Text compares case-sensitively, as String.Compare ordinal does in Get-Unique.
            Some(prev) if args.flag(AS_STRING) || matches!(v, Value::Str(_)) || !scalar(&v) => {
                convert::to_string(prev) == convert::to_string(&v)
            }
            Some(prev) => convert::equals(prev, &v, true),
        };
        if !same {
            cx.output(v.clone());
        }
        state.clear();
        state.push(v);
        Ok(())
    }
}

fn scalar(v: &Value) -> bool {
    matches!(v, Value::Null | Value::Bool(_) | Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Enum(_))
}

/// `Tee-Object` (tee): passes its input on and also saves it to a file or a variable.
pub struct TeeObject;

impl Cmdlet for TeeObject {
    fn signature(&self) -> Signature {
        Signature::new("Tee-Object", "Microsoft.PowerShell.Commands.TeeObjectCommand", Origin::Core)
            .synopsis("Saves command output in a file or variable and also sends it down the pipeline.")
            .sets(&["File", "Variable"])
            .param(Param::new(INPUT_OBJECT, ParamType::Object).from_pipeline().help("The objects."))
            .param(
                Param::new(FILE_PATH, ParamType::String)
                    .position(0)
                    .mandatory()
                    .aliases(&["Path"])
                    .sets(&["File"])
                    .help("The file (the objects as Out-File writes them)."),
            )
            .param(Param::new(APPEND, ParamType::Switch).sets(&["File"]).help("Appends to the file."))
            .param(Param::new(VARIABLE, ParamType::String).mandatory().sets(&["Variable"]).help("The variable name."))
            .example("Get-Mailbox | Tee-Object -Variable all | Select-Object Name", "Keeps the mailboxes in $all.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if let Some(v) = args.get(INPUT_OBJECT) {
            state.push(v.clone());
            cx.output(v.clone());
        }
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if let Some(name) = args.string(VARIABLE) {
            let value = match state.len() {
                1 => state[0].clone(),
                _ => Value::array(std::mem::take(state)),
            };
            let Some(store) = cx.variables() else { return Ok(()) };
            let top = store.top();
            store.set_in_frame(top, &name, value);
            return Ok(());
        }
        let path = args.string(FILE_PATH).unwrap_or_default();
        let text = super::format::render(cx, state, Some(80)).replace('\n', "\r\n");
        cx.files()
            .write_text(&path, &text, args.flag(APPEND))
            .map_err(|e| CmdletError::core(e, "System.IO.IOException", "OpenError", "FileOpenFailure"))
    }
}

/// The type name of a culture.
pub const CULTURE_INFO: &str = "System.Globalization.CultureInfo";

/// `Get-Culture`: en-US, the culture exsh formats with.
pub struct GetCulture;

impl Cmdlet for GetCulture {
    fn signature(&self) -> Signature {
        Signature::new("Get-Culture", "Microsoft.PowerShell.Commands.GetCultureCommand", Origin::Core)
            .synopsis("Gets the current culture (en-US in exsh).")
            .example("(Get-Culture).Name", "en-US.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let mut o = PsObject::new(&[CULTURE_INFO, "System.Object"])
            .with("Parent", "en")
            .with("LCID", Value::Int(1033))
            .with("KeyboardLayoutId", Value::Int(1033))
            .with("Name", "en-US")
            .with("IetfLanguageTag", "en-US")
            .with("DisplayName", "English (United States)")
            .with("NativeName", "English (United States)")
            .with("EnglishName", "English (United States)")
            .with("TwoLetterISOLanguageName", "en")
            .with("ThreeLetterISOLanguageName", "eng")
            .with("ThreeLetterWindowsLanguageName", "ENU")
            .with("IsNeutralCulture", false)
            .with("UseUserOverride", true)
            .with("IsReadOnly", false);
        o.display = Some("en-US".into());
        cx.output(Value::object(o));
        Ok(())
    }
}

const TITLE: &str = "Title";
const PASS_THRU: &str = "PassThru";
const WAIT: &str = "Wait";
const OUTPUT_MODE: &str = "OutputMode";

/// `Out-GridView` (ogv): exsh has no window, so it says so in a warning and prints the objects as
/// a table; -PassThru and -OutputMode Multiple pass every object on (nobody can select rows),
/// -OutputMode Single the first.
pub struct OutGridView;

impl Cmdlet for OutGridView {
    fn signature(&self) -> Signature {
        Signature::new("Out-GridView", "Microsoft.PowerShell.Commands.OutGridViewCommand", Origin::Core)
            .synopsis("Shows output in a grid window (exsh has no GUI: a warning, then a table).")
            .param(Param::new(INPUT_OBJECT, ParamType::Object).from_pipeline().help("The objects."))
            .param(Param::new(TITLE, ParamType::String).help("The window title (printed in the warning)."))
            .param(Param::new(PASS_THRU, ParamType::Switch).help("Passes every object on."))
            .param(Param::new(WAIT, ParamType::Switch).help("Accepted; nothing to wait for."))
            .param(
                Param::new(OUTPUT_MODE, ParamType::Set(&["None", "Single", "Multiple"]))
                    .help("Single passes the first object on, Multiple all of them."),
            )
            .example(
                "Get-Mailbox | Out-GridView -PassThru | Set-Mailbox -HiddenFromAddressListsEnabled $true",
                "All rows pass on.",
            )
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let title = args.string(TITLE).map(|t| format!(" '{t}'")).unwrap_or_default();
        cx.warning(&format!(
            "Out-GridView: exsh has no graphical display, so the grid window{title} is shown as a table."
        ));
        let mode = args.string(OUTPUT_MODE).unwrap_or_default().to_ascii_lowercase();
        let items = std::mem::take(state);
        if args.flag(PASS_THRU) || mode == "multiple" {
            items.into_iter().for_each(|v| cx.output(v));
        } else if mode == "single" {
            if let Some(v) = items.into_iter().next() {
                cx.output(v);
            }
        } else if !items.is_empty() {
            let text = super::format::render(cx, &items, None);
            cx.output(Value::str(text.trim_end_matches('\n')));
        }
        Ok(())
    }
}

/// `Measure-Command`: runs the block in the caller's scope once per input object (`$_`), throws
/// its output away, and writes the total time as one TimeSpan at the end (TimeExpressionCommand.cs).
pub struct MeasureCommand;

const EXPRESSION: &str = "Expression";

impl Cmdlet for MeasureCommand {
    fn signature(&self) -> Signature {
        Signature::new("Measure-Command", "Microsoft.PowerShell.Commands.MeasureCommandCommand", Origin::Core)
            .synopsis("Measures the time it takes to run script blocks and cmdlets.")
            .param(
                Param::new(EXPRESSION, ParamType::ScriptBlock)
                    .position(0)
                    .mandatory()
                    .help("The script block to time (its output is discarded)."),
            )
            .param(
                Param::new(INPUT_OBJECT, ParamType::Object).from_pipeline().help("Objects passed to the block as $_."),
            )
            .example("Measure-Command { Get-Mailbox -ResultSize Unlimited }", "How long the command takes.")
            .example("(Measure-Command { Get-Mailbox }).TotalMilliseconds", "The time in milliseconds.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let Some(Value::ScriptBlock(sb)) = args.get(EXPRESSION).cloned() else { return Ok(()) };
        let start = cx.ticks();
        cx.invoke(&sb, args.get(INPUT_OBJECT).cloned(), Vec::new())?;
        let spent = cx.ticks().saturating_sub(start).max(0);
        let total = match state.first() {
            Some(Value::TimeSpan(t)) => t.saturating_add(spent),
            _ => spent,
        };
        state.clear();
        state.push(Value::TimeSpan(total));
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, _args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        cx.output(state.pop().unwrap_or(Value::TimeSpan(0)));
        Ok(())
    }
}
