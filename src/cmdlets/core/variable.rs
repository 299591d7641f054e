//! The variable cmdlets: Get-Variable (gv), Set-Variable (set, sv), New-Variable (nv),
//! Remove-Variable (rv) and Clear-Variable (clv), over the engine's scopes
//! ([`crate::cmdlet::VariableStore`]), with `-Scope`, `-Option ReadOnly/Constant/…`, `-Force`,
//! `-PassThru` and PowerShell's errors. See docs/reference/core-cmdlets.md.

use super::scoped_items::{
    OPTION, OPTION_NAMES, SCOPE, has_wildcard, option_bits, option_text, record, scope_error, scope_param,
};
use crate::cmdlet::variable_options::{CONSTANT, READ_ONLY};
use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature, VariableStore,
};
use crate::value::{PsObject, Value, convert};

const NAME: &str = "Name";
const VALUE: &str = "Value";
const FORCE: &str = "Force";
const PASS_THRU: &str = "PassThru";
const DESCRIPTION: &str = "Description";
const VALUE_ONLY: &str = "ValueOnly";
const INCLUDE: &str = "Include";
const EXCLUDE: &str = "Exclude";
const VISIBILITY: &str = "Visibility";

/// The type name of a variable object.
pub const PS_VARIABLE: &str = "System.Management.Automation.PSVariable";

fn not_found(name: &str) -> CmdletError {
    record(
        format!("Cannot find a variable with the name '{name}'."),
        "System.Management.Automation.ItemNotFoundException",
        "ObjectNotFound",
        name,
        "VariableNotFound",
    )
}

pub(crate) fn not_writable(name: &str) -> CmdletError {
    record(
        format!("Cannot overwrite variable {name} because it is read-only or constant."),
        "System.Management.Automation.SessionStateUnauthorizedAccessException",
        "WriteError",
        name,
        "VariableNotWritable",
    )
}

fn no_store() -> CmdletError {
    CmdletError::core(
        "This context has no variables.",
        "System.InvalidOperationException",
        "InvalidOperation",
        "NoVariables",
    )
}

/// A PSVariable object.
pub(crate) fn variable_object(name: &str, value: Value, bits: u32, description: &str) -> Value {
    Value::object(
        PsObject::new(&[PS_VARIABLE, "System.Object"])
            .with("Name", name)
            .with("Description", description)
            .with("Value", value)
            .with("Visibility", "Public")
            .with("Module", Value::Null)
            .with("ModuleName", "")
            .with("Options", option_text(bits))
            .with("Attributes", Value::array(Vec::new())),
    )
}

fn frame(store: &dyn VariableStore, args: &BoundArgs) -> Result<usize, CmdletError> {
    match args.string(SCOPE) {
        Some(s) => store.frame_named(&s).map_err(scope_error),
        None => Ok(store.top()),
    }
}

fn filtered(args: &BoundArgs, n: &str) -> bool {
    let inc = args.opt::<Vec<String>>(INCLUDE).unwrap_or_default();
    let exc = args.opt::<Vec<String>>(EXCLUDE).unwrap_or_default();
    (inc.is_empty() || inc.iter().any(|p| convert::wildcard_match(p, n, false)))
        && !exc.iter().any(|p| convert::wildcard_match(p, n, false))
}

fn name_param(mandatory: bool) -> Param {
    let p = Param::new(NAME, ParamType::String).array().position(0).help("Variable names (wildcards allowed).");
    if mandatory { p.mandatory().from_pipeline_by_name() } else { p }
}

/// `Get-Variable` (gv).
pub struct GetVariable;

impl Cmdlet for GetVariable {
    fn signature(&self) -> Signature {
        Signature::new("Get-Variable", "Microsoft.PowerShell.Commands.GetVariableCommand", Origin::Core)
            .synopsis("Gets the variables in the current console.")
            .param(name_param(false))
            .param(Param::new(VALUE_ONLY, ParamType::Switch).help("Only the values."))
            .param(Param::new(INCLUDE, ParamType::String).array().help("Only these names."))
            .param(Param::new(EXCLUDE, ParamType::String).array().help("Not these names."))
            .param(scope_param())
            .example("Get-Variable FormatEnumerationLimit -ValueOnly", "16 in EMS.")
            .example("Get-Variable m*", "Variables whose names start with m.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let patterns = args.opt::<Vec<String>>(NAME).unwrap_or_else(|| vec!["*".into()]);
        let Some(store) = cx.variables() else { return Err(no_store()) };
        let from = frame(store, args)?;
        let only = args.has(SCOPE);
        let names = store.names_from(from, only);
        let mut found: Vec<Value> = Vec::new();
        let mut errors = Vec::new();
        for p in &patterns {
            let hits: Vec<&String> =
                names.iter().filter(|n| convert::wildcard_match(p, n, false) && filtered(args, n)).collect();
            if hits.is_empty() && !has_wildcard(p) {
                errors.push(not_found(p));
            }
            for n in hits {
                let f = if only { Some(from) } else { store.frame_of(n, from) };
                let Some(f) = f else { continue };
                let Some((written, v)) = store.in_frame(f, n) else { continue };
                if args.flag(VALUE_ONLY) {
                    found.push(v);
                } else {
                    found.push(variable_object(&written, v, store.options_in_frame(f, n), ""));
                }
            }
        }
        for v in found {
            cx.output(v);
        }
        for e in errors {
            cx.error(e)?;
        }
        Ok(())
    }
}

/// Checks and sets one variable; `new` refuses an existing one unless `-Force`.
fn write_variable(
    store: &mut dyn VariableStore,
    args: &BoundArgs,
    name: &str,
    value: Option<Value>,
    new: bool,
) -> Result<Value, CmdletError> {
    let f = frame(store, args)?;
    let exists = store.in_frame(f, name);
    let bits = store.options_in_frame(f, name);
    let force = args.flag(FORCE);
    if exists.is_some() && new && !force {
        return Err(record(
            format!("A variable with name '{name}' already exists."),
            "System.Management.Automation.SessionStateException",
            "ResourceExists",
            name,
            "VariableAlreadyExists",
        ));
    }
    let changes_value = value.is_some() || new;
    if exists.is_some() && (bits & CONSTANT != 0 || (bits & READ_ONLY != 0 && !force)) && changes_value {
        return Err(not_writable(name));
    }
    let new_bits = option_bits(args);
    if let Some(nb) = new_bits {
        if nb & CONSTANT != 0 && exists.is_some() && !new {
            return Err(record(
                format!(
                    "Existing variable {name} cannot be made constant. Variables can be made constant only at creation time."
                ),
                "System.Management.Automation.SessionStateUnauthorizedAccessException",
                "WriteError",
                name,
                "VariableCannotBeMadeConstant",
            ));
        }
        if bits & CONSTANT != 0 {
            return Err(not_writable(name));
        }
    }
    let written = exists.as_ref().map(|(n, _)| n.clone()).unwrap_or_else(|| name.to_string());
    let v = match value {
        Some(v) => v,
        None => exists.map(|(_, v)| v).unwrap_or(Value::Null),
    };
    store.set_in_frame(f, &written, v.clone());
    let final_bits = new_bits.unwrap_or(bits);
    store.set_options_in_frame(f, &written, final_bits);
    Ok(variable_object(&written, v, final_bits, &args.string(DESCRIPTION).unwrap_or_default()))
}

fn common_write_params(s: Signature) -> Signature {
    s.param(Param::new(VALUE, ParamType::Object).position(1).from_pipeline().help("The value."))
        .param(
            Param::new(OPTION, ParamType::Set(OPTION_NAMES))
                .array()
                .help("None, ReadOnly, Constant, Private, AllScope."),
        )
        .param(scope_param())
        .param(Param::new(FORCE, ParamType::Switch).help("Overwrites a read-only variable."))
        .param(Param::new(PASS_THRU, ParamType::Switch).help("Outputs the variable."))
        .param(Param::new(DESCRIPTION, ParamType::String).help("A description."))
        .param(Param::new(VISIBILITY, ParamType::Set(&["Public", "Private"])).help("Public or Private."))
}

/// `Set-Variable` (set, sv).
pub struct SetVariable;

impl Cmdlet for SetVariable {
    fn signature(&self) -> Signature {
        let s = Signature::new("Set-Variable", "Microsoft.PowerShell.Commands.SetVariableCommand", Origin::Core)
            .synopsis("Sets the value of a variable, creating it if needed.")
            .param(name_param(true));
        common_write_params(s)
            .param(Param::new(INCLUDE, ParamType::String).array().help("Only these names."))
            .param(Param::new(EXCLUDE, ParamType::String).array().help("Not these names."))
            .example("Set-Variable -Name Limit -Value 16 -Option ReadOnly", "A read-only variable.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let names = args.opt::<Vec<String>>(NAME).unwrap_or_default();
        let value = args.get(VALUE).cloned();
        let mut out = Vec::new();
        let mut errs = Vec::new();
        {
            let Some(store) = cx.variables() else { return Err(no_store()) };
            for n in names.iter().filter(|n| filtered(args, n)) {
                match write_variable(store, args, n, value.clone(), false) {
                    Ok(v) => out.push(v),
                    Err(e) => errs.push(e),
                }
            }
        }
        for e in errs {
            cx.error(e)?;
        }
        if args.flag(PASS_THRU) {
            out.into_iter().for_each(|v| cx.output(v));
        }
        Ok(())
    }
}

/// `New-Variable` (nv).
pub struct NewVariable;

impl Cmdlet for NewVariable {
    fn signature(&self) -> Signature {
        let s = Signature::new("New-Variable", "Microsoft.PowerShell.Commands.NewVariableCommand", Origin::Core)
            .synopsis("Creates a new variable.")
            .param(
                Param::new(NAME, ParamType::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline_by_name()
                    .help("The variable's name."),
            );
        common_write_params(s).example("New-Variable -Name Tenant -Value contoso -Option Constant", "A constant.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let name = args.string(NAME).unwrap_or_default();
        let value = Some(args.get(VALUE).cloned().unwrap_or(Value::Null));
        let Some(store) = cx.variables() else { return Err(no_store()) };
        let v = write_variable(store, args, &name, value, true)?;
        if args.flag(PASS_THRU) {
            cx.output(v);
        }
        Ok(())
    }
}

/// `Remove-Variable` (rv).
pub struct RemoveVariable;

impl Cmdlet for RemoveVariable {
    fn signature(&self) -> Signature {
        Signature::new("Remove-Variable", "Microsoft.PowerShell.Commands.RemoveVariableCommand", Origin::Core)
            .synopsis("Deletes a variable and its value.")
            .param(name_param(true))
            .param(Param::new(INCLUDE, ParamType::String).array().help("Only these names."))
            .param(Param::new(EXCLUDE, ParamType::String).array().help("Not these names."))
            .param(Param::new(FORCE, ParamType::Switch).help("Removes a read-only variable."))
            .param(scope_param())
            .example("Remove-Variable results", "Deletes $results.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let errs = each_named_variable(cx, args, not_removable, |store, f, n, _| store.remove_in_frame(f, n))?;
        errs.into_iter().try_for_each(|e| cx.error(e))
    }
}

pub(crate) fn not_removable(n: &str) -> CmdletError {
    record(
        format!(
            "Cannot remove variable {n} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option."
        ),
        "System.Management.Automation.SessionStateUnauthorizedAccessException",
        "WriteError",
        n,
        "VariableNotRemovable",
    )
}

/// Remove-Variable's and Clear-Variable's walk: the variables `-Name` names (wildcards,
/// `-Include`/`-Exclude`, `-Scope`), each found in its frame; `act` runs on those that may change
/// (a constant never, a read-only one with `-Force`). The errors (a plain name not found, a locked
/// variable as `locked` words it) come back to be written once the store is released.
fn each_named_variable<F>(
    cx: &mut dyn Context,
    args: &BoundArgs,
    locked: fn(&str) -> CmdletError,
    mut act: F,
) -> Result<Vec<CmdletError>, CmdletError>
where
    F: FnMut(&mut dyn VariableStore, usize, &str, u32),
{
    let names = args.opt::<Vec<String>>(NAME).unwrap_or_default();
    let mut errs = Vec::new();
    let Some(store) = cx.variables() else { return Err(no_store()) };
    let from = frame(store, args)?;
    let only = args.has(SCOPE);
    let visible = store.names_from(from, only);
    for p in &names {
        let hits: Vec<&String> =
            visible.iter().filter(|n| convert::wildcard_match(p, n, false) && filtered(args, n)).collect();
        if hits.is_empty() && !has_wildcard(p) {
            errs.push(not_found(p));
        }
        for n in hits {
            let f = if only { Some(from) } else { store.frame_of(n, from) };
            let Some(f) = f else { continue };
            let bits = store.options_in_frame(f, n);
            if bits & CONSTANT != 0 || (bits & READ_ONLY != 0 && !args.flag(FORCE)) {
                errs.push(locked(n));
                continue;
            }
            act(store, f, n, bits);
        }
    }
    Ok(errs)
}

/// `Clear-Variable` (clv).
pub struct ClearVariable;

impl Cmdlet for ClearVariable {
    fn signature(&self) -> Signature {
        Signature::new("Clear-Variable", "Microsoft.PowerShell.Commands.ClearVariableCommand", Origin::Core)
            .synopsis("Deletes the value of a variable.")
            .param(name_param(true))
            .param(Param::new(INCLUDE, ParamType::String).array().help("Only these names."))
            .param(Param::new(EXCLUDE, ParamType::String).array().help("Not these names."))
            .param(Param::new(FORCE, ParamType::Switch).help("Clears a read-only variable."))
            .param(Param::new(PASS_THRU, ParamType::Switch).help("Outputs the variable."))
            .param(scope_param())
            .example("Clear-Variable results", "$results becomes $null.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let mut out = Vec::new();
        let errs = each_named_variable(cx, args, not_writable, |store, f, n, bits| {
            store.set_in_frame(f, n, Value::Null);
            out.push(variable_object(n, Value::Null, bits, ""));
        })?;
        errs.into_iter().try_for_each(|e| cx.error(e))?;
        if args.flag(PASS_THRU) {
            out.into_iter().for_each(|v| cx.output(v));
        }
        Ok(())
    }
}
