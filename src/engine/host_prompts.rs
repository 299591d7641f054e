//! The console host's interactive methods scripts call on `$Host.UI`: `PromptForChoice` (the
//! Yes/No menus of helpdesk scripts) and `$Host.UI.RawUI.ReadKey` ("press any key"). Answers come
//! from standard input, one line each, as for Read-Host. Facts are in docs/reference/host.md.

use super::convert_to::CHOICE_DESCRIPTION;
use super::eval::EvalResult;
use super::{Engine, Flow, errors};
use crate::syntax::Span;
use crate::value::{PsObject, Value, convert};

const NON_INTERACTIVE: &str = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

/// .NET Console.ReadKey's message when there is no key to read (console input redirected).
const NO_KEYS: &str = "Cannot read keys when either application does not have a console or when console input has been redirected. Try Console.Read.";

/// `Exception calling "M" with "N" argument(s): "…"` with the inner exception's name as its id.
fn method_error(engine: &Engine, name: &str, argc: usize, message: &str, exception: &str, span: Span) -> Flow {
    let text = format!("Exception calling \"{name}\" with \"{argc}\" argument(s): \"{message}\"");
    errors::runtime(text, exception, "NotSpecified", ":", Some(engine.position(span)))
        .with_exception("System.Management.Automation.MethodInvocationException")
        .flow()
}

/// A choice's hotkey (the upper-cased character after `&`, empty without one) and its label
/// without the `&` (HostUIHelperMethods.BuildHotkeysAndPlainLabels).
fn hotkey_and_label(label: &str) -> (String, String) {
    match label.find('&') {
        Some(pos) => {
            let rest = &label[pos + 1..];
            let hotkey = rest.chars().next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
            (hotkey.trim().to_string(), format!("{}{}", &label[..pos], rest).trim().to_string())
        }
        None => (String::new(), label.to_string()),
    }
}

fn choice_parts(v: &Value) -> (String, String) {
    match v {
        Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == CHOICE_DESCRIPTION) => {
            let o = o.borrow();
            let get = |n: &str| o.get(n).map(|v| convert::to_string(&v)).unwrap_or_default();
            (get("Label"), get("HelpMessage"))
        }
        other => (convert::to_string(other), String::new()),
    }
}

impl Engine {
    /// `$Host.UI.PromptForChoice(caption, message, choices, defaultChoice)`: ConsoleHost's layout
    /// (blank line and caption, message, `[Y] Yes  [N] No  [?] Help (default is "Y"): `), `?` lists
    /// each hotkey with its help message, an answer matches a label first and then a hotkey
    /// (case-insensitive), an empty answer takes the default, anything else asks again.
    pub(crate) fn prompt_for_choice(&mut self, args: &[Value], span: Span) -> EvalResult<Value> {
        const NAME: &str = "PromptForChoice";
        let argc = args.len();
        if argc != 4 {
            let text = format!("Cannot find an overload for \"{NAME}\" and the argument count: \"{argc}\".");
            let mut e =
                errors::runtime(text, "MethodCountCouldNotFindBest", "NotSpecified", ":", Some(self.position(span)));
            e.record.exception_type = "System.Management.Automation.MethodException".into();
            return Err(Flow::Error(Box::new(e)));
        }
        let caption = convert::to_string(&args[0]);
        let message = convert::to_string(&args[1]);
        let choices: Vec<(String, String)> = match &args[2] {
            Value::Null => Vec::new(),
            v => v.enumerate().iter().map(choice_parts).collect(),
        };
        if choices.is_empty() {
            let m = "\"choices\" should have at least one element.\r\nParameter name: choices";
            return Err(method_error(self, NAME, argc, m, "ArgumentException", span));
        }
        let default = convert::to_int(&args[3]).unwrap_or(0);
        if default < -1 || default >= choices.len() as i64 {
            let m = format!(
                "\"defaultChoice\" must be a valid index into \"choice\" or -1 for no default choice.\r\nParameter name: defaultChoice\r\nActual value was {default}."
            );
            return Err(method_error(self, NAME, argc, &m, "ArgumentOutOfRangeException", span));
        }
        let keys: Vec<(String, String)> = choices.iter().map(|(l, _)| hotkey_and_label(l)).collect();
        if keys.iter().any(|(k, _)| k == "?") {
            let m = "Cannot process the hot key because a question mark (\"?\") cannot be used as a hot key.";
            return Err(method_error(self, NAME, argc, m, "ArgumentException", span));
        }
        if !caption.is_empty() {
            self.host_line("");
            self.host_line(&caption);
        }
        if !message.is_empty() {
            self.host_line(&message);
        }
        let mut prompt: String = keys.iter().map(|(k, l)| format!("[{k}] {l}  ")).collect();
        prompt.push_str("[?] Help ");
        if default >= 0 {
            let (k, l) = &keys[default as usize];
            prompt.push_str(&format!("(default is \"{}\"): ", if k.is_empty() { l } else { k }));
        }
        loop {
            let Some(answer) = self.prompt_read(&prompt, false) else {
                return Err(method_error(self, NAME, argc, NON_INTERACTIVE, "PSInvalidOperationException", span));
            };
            let answer = answer.trim();
            if answer.is_empty() {
                if default >= 0 {
                    return Ok(Value::Int(default));
                }
                continue;
            }
            if answer == "?" {
                for ((k, l), (_, help)) in keys.iter().zip(&choices) {
                    self.host_line(&format!("{} - {help}", if k.is_empty() { l } else { k }));
                }
                continue;
            }
            let by_label = keys.iter().position(|(_, l)| l.eq_ignore_ascii_case(answer));
            let picked =
                by_label.or_else(|| keys.iter().position(|(k, _)| !k.is_empty() && k.eq_ignore_ascii_case(answer)));
            if let Some(i) = picked {
                return Ok(Value::Int(i as i64));
            }
        }
    }

    /// `$Host.UI.RawUI.ReadKey([options])`: the next line of standard input is the key pressed (its
    /// first character; an empty line is Enter). The character is echoed unless the options say
    /// `NoEcho`. With no input left there is no key to read: .NET's InvalidOperationException.
    pub(crate) fn read_key(&mut self, args: &[Value], span: Span) -> EvalResult<Value> {
        let options = args.first().map(convert::to_string).unwrap_or_default().to_ascii_lowercase();
        let no_echo = options.split(',').any(|o| o.trim() == "noecho");
        let line = if self.non_interactive {
            None
        } else {
            self.flush_output();
            self.host.read_line(false).ok().flatten()
        };
        let Some(line) = line else {
            return Err(method_error(self, "ReadKey", args.len(), NO_KEYS, "InvalidOperationException", span));
        };
        let c = line.trim_end_matches(['\r', '\n']).chars().next().unwrap_or('\r');
        if !no_echo && c != '\r' {
            let _ = write!(self.host.out(), "{c}");
            let _ = self.host.out().flush();
        }
        // The virtual-key code of a letter or digit is its upper-case ASCII code; Enter is 13.
        let code = if c.is_ascii_alphanumeric() || c == ' ' || c == '\r' { c.to_ascii_uppercase() as i64 } else { 0 };
        let mut o = PsObject::new(&["System.Management.Automation.Host.KeyInfo", "System.ValueType", "System.Object"]);
        o.set("VirtualKeyCode", Value::Int(code));
        o.set("Character", Value::Char(c));
        o.set("ControlKeyState", Value::str(if c.is_ascii_uppercase() { "ShiftPressed" } else { "0" }));
        o.set("KeyDown", Value::Bool(!options.contains("includekeyup") || options.contains("includekeydown")));
        o.display =
            Some(format!("{code},{c},{},True", if c.is_ascii_uppercase() { "ShiftPressed" } else { "0" }).into());
        Ok(Value::object(o))
    }
}
