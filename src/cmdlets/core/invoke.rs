//! Invoke-Expression (iex) and Invoke-Command (icm). Invoke-Expression parses its text and runs
//! it in the caller's scope; Invoke-Command runs a script block locally in a child scope.
//! exsh does no remoting: -ComputerName, -Session and -ConnectionUri are refused (an error naming
//! the command, as for the other commands that would leave the sandbox). See
//! docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{Value, convert};

const COMMAND: &str = "Command";
const SCRIPT_BLOCK: &str = "ScriptBlock";
const ARGUMENT_LIST: &str = "ArgumentList";
const INPUT_OBJECT: &str = "InputObject";
const NO_NEW_SCOPE: &str = "NoNewScope";
const COMPUTER_NAME: &str = "ComputerName";
const SESSION: &str = "Session";
const CONNECTION_URI: &str = "ConnectionUri";

/// `Invoke-Expression` (iex).
pub struct InvokeExpression;

impl Cmdlet for InvokeExpression {
    fn signature(&self) -> Signature {
        Signature::new("Invoke-Expression", "Microsoft.PowerShell.Commands.InvokeExpressionCommand", Origin::Core)
            .synopsis("Runs a string as a command, in the current scope.")
            .param(
                Param::new(COMMAND, ParamType::String).position(0).mandatory().from_pipeline().help("The script text."),
            )
            .example("Invoke-Expression \"Get-Mailbox $name\"", "Runs a command built as text.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let text = args.string(COMMAND).unwrap_or_default();
        for v in cx.invoke_text(&text)? {
            cx.output(v);
        }
        Ok(())
    }
}

/// `Invoke-Command` (icm), local only.
pub struct InvokeCommand;

impl Cmdlet for InvokeCommand {
    fn signature(&self) -> Signature {
        Signature::new("Invoke-Command", "Microsoft.PowerShell.Commands.InvokeCommandCommand", Origin::Core)
            .synopsis("Runs a script block (locally: exsh does no remoting).")
            .param(
                Param::new(SCRIPT_BLOCK, ParamType::ScriptBlock)
                    .position(0)
                    .mandatory()
                    .aliases(&["Command"])
                    .help("The commands."),
            )
            .param(
                Param::new(ARGUMENT_LIST, ParamType::Object)
                    .array()
                    .aliases(&["Args"])
                    .help("Values for $args/param()."),
            )
            .param(Param::new(INPUT_OBJECT, ParamType::Object).from_pipeline().help("Input as $input/$_."))
            .param(Param::new(NO_NEW_SCOPE, ParamType::Switch).help("Runs in the current scope."))
            .param(
                Param::new(COMPUTER_NAME, ParamType::String)
                    .array()
                    .aliases(&["Cn"])
                    .help("Remote computers (refused: exsh does no remoting)."),
            )
            .param(Param::new(SESSION, ParamType::Object).array().help("Remote sessions (refused)."))
            .param(Param::new(CONNECTION_URI, ParamType::String).array().help("Remote endpoints (refused)."))
            .param(Param::new("Credential", ParamType::Object).help("Accepted and ignored."))
            .param(Param::new("HideComputerName", ParamType::Switch).help("Accepted and ignored."))
            .param(Param::new("ThrottleLimit", ParamType::Int).help("Accepted and ignored."))
            .example("Invoke-Command -ScriptBlock { param($n) $n * 2 } -ArgumentList 21", "42.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        for p in [COMPUTER_NAME, SESSION, CONNECTION_URI] {
            if let Some(v) = args.get(p) {
                let target = convert::to_string(v);
                return Err(super::sandbox::refused(
                    "Invoke-Command",
                    &format!("-{p} would run the commands remotely on '{target}'; exsh does no remoting."),
                ));
            }
        }
        let Some(Value::ScriptBlock(sb)) = args.get(SCRIPT_BLOCK).cloned() else { return Ok(()) };
        let list = args.get(ARGUMENT_LIST).map(Value::enumerate).unwrap_or_default();
        let input = args.get(INPUT_OBJECT).cloned();
        let out =
            if args.flag(NO_NEW_SCOPE) { cx.invoke(&sb, input, list)? } else { cx.invoke_child(&sb, input, list)? };
        for v in out {
            cx.output(v);
        }
        Ok(())
    }
}
