//! The common parameters (`-ErrorAction`, `-Verbose`, `-WhatIf`, …) that every cmdlet and
//! advanced function takes without declaring them, and what a command was given of them.

use super::BindError;
use crate::value::{EnumType, EnumValue, Value, convert};

/// `ActionPreference`.
pub static ACTION_PREFERENCE: EnumType = EnumType {
    name: "System.Management.Automation.ActionPreference",
    flags: false,
    members: &[("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5)],
};

/// The common parameters a command was given.
#[derive(Debug, Clone, Default)]
pub struct Common {
    /// `-ErrorAction` (an `ActionPreference` value).
    pub error_action: Option<u64>,
    /// `-WarningAction`.
    pub warning_action: Option<u64>,
    /// `-ErrorVariable` (without a leading `+`).
    pub error_variable: Option<String>,
    /// `-ErrorVariable +name`: append to the variable instead of starting it afresh.
    pub append_error_variable: bool,
    /// `-WarningVariable`.
    pub warning_variable: Option<String>,
    /// `-OutVariable`.
    pub out_variable: Option<String>,
    /// `-Verbose`.
    pub verbose: bool,
    /// `-WhatIf` (`None` when not given).
    pub whatif: Option<bool>,
    /// `-Confirm` (`None` when not given).
    pub confirm: Option<bool>,
}

/// A common parameter's declaration.
pub(super) struct CommonDef {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub switch: bool,
}

/// The common parameters of every cmdlet and advanced function.
pub(super) const COMMON: &[CommonDef] = &[
    CommonDef { name: "Verbose", aliases: &["vb"], switch: true },
    CommonDef { name: "Debug", aliases: &["db"], switch: true },
    CommonDef { name: "ErrorAction", aliases: &["ea"], switch: false },
    CommonDef { name: "WarningAction", aliases: &["wa"], switch: false },
    CommonDef { name: "InformationAction", aliases: &["infa"], switch: false },
    CommonDef { name: "ErrorVariable", aliases: &["ev"], switch: false },
    CommonDef { name: "WarningVariable", aliases: &["wv"], switch: false },
    CommonDef { name: "InformationVariable", aliases: &["iv"], switch: false },
    CommonDef { name: "OutVariable", aliases: &["ov"], switch: false },
    CommonDef { name: "OutBuffer", aliases: &["ob"], switch: false },
    CommonDef { name: "PipelineVariable", aliases: &["pv"], switch: false },
];

/// The risk-mitigation parameters of a command that supports ShouldProcess.
pub(super) const SHOULD_PROCESS: &[CommonDef] = &[
    CommonDef { name: "WhatIf", aliases: &["wi"], switch: true },
    CommonDef { name: "Confirm", aliases: &["cf"], switch: true },
];

pub(super) fn common_type(name: &str) -> &'static str {
    match name {
        "ErrorAction" | "WarningAction" | "InformationAction" => "System.Management.Automation.ActionPreference",
        "OutBuffer" => "System.Int32",
        _ => "System.String",
    }
}

/// Records a common parameter's value; returns the value as PowerShell binds it (a switch as a
/// `SwitchParameter`, an action as an `ActionPreference`), for `$PSBoundParameters`.
pub(super) fn set_common(c: &mut Common, name: &str, v: Value, switch: bool) -> Result<Value, BindError> {
    let action = |v: &Value| -> Result<EnumValue, BindError> {
        if let Value::Enum(e) = v {
            return Ok(*e);
        }
        let s = convert::to_string(v);
        ACTION_PREFERENCE.parse(&s).map_err(|_| {
            BindError::new(
                format!(
                    "Cannot bind parameter '{name}'. Cannot convert value \"{s}\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name {s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
                    ACTION_PREFERENCE.names_list()
                ),
                "CannotConvertArgumentNoMessage",
                "InvalidArgument",
                None,
            )
        })
    };
    let var = |v: &Value| convert::to_string(v).trim_start_matches('+').to_string();
    let given = match name {
        "ErrorAction" | "WarningAction" | "InformationAction" => Value::Enum(action(&v)?),
        _ if switch => Value::Switch(convert::to_bool(&v)),
        _ => v.clone(),
    };
    match name {
        "ErrorAction" => c.error_action = Some(action(&v)?.bits),
        "WarningAction" => c.warning_action = Some(action(&v)?.bits),
        "ErrorVariable" => {
            c.error_variable = Some(var(&v));
            c.append_error_variable = convert::to_string(&v).starts_with('+');
        }
        "WarningVariable" => c.warning_variable = Some(var(&v)),
        "OutVariable" => c.out_variable = Some(var(&v)),
        "Verbose" => c.verbose = convert::to_bool(&v),
        "WhatIf" => c.whatif = Some(convert::to_bool(&v)),
        "Confirm" => c.confirm = Some(convert::to_bool(&v)),
        _ => {}
    }
    Ok(given)
}
