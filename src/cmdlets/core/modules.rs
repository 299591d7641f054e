//! The module cmdlets over script modules: Import-Module's file and module-folder path (its
//! Exchange names stay in `exchange/connection.rs`), Export-ModuleMember and Remove-Module. The
//! engine owns the modules (`Context::import_module_file`…). Facts: docs/reference/modules.md.

use crate::cmdlet::modules::{ModuleExports, ModuleImport, installed, module_not_found};
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{Value, convert};

/// Export-ModuleMember.
pub struct ExportModuleMember;
/// Remove-Module.
pub struct RemoveModule;

const FUNCTION: &str = "Function";
const VARIABLE: &str = "Variable";
const ALIAS: &str = "Alias";
const CMDLET: &str = "Cmdlet";
const NAME: &str = "Name";
const FORCE: &str = "Force";
const PASS_THRU: &str = "PassThru";
const PREFIX: &str = "Prefix";
const ARGUMENT_LIST: &str = "ArgumentList";
const AS_CUSTOM_OBJECT: &str = "AsCustomObject";
const GLOBAL: &str = "Global";

/// Import-Module of names that are not the Exchange modules: a module file or folder is loaded;
/// a module exsh knows to be installed (or loaded) loads nothing; any other name is 5.1's
/// ModuleNotFound error. Returns the names left for the Exchange path.
pub fn import(cx: &mut dyn Context, args: &BoundArgs, names: &[String]) -> Result<Vec<String>, CmdletError> {
    let mut rest = Vec::new();
    for n in names {
        let req = ModuleImport {
            name: n.clone(),
            force: args.flag(FORCE),
            pass_thru: args.flag(PASS_THRU),
            prefix: args.string(PREFIX),
            functions: args.opt::<Vec<String>>(FUNCTION),
            variables: args.opt::<Vec<String>>(VARIABLE),
            aliases: args.opt::<Vec<String>>(ALIAS),
            arguments: args.get(ARGUMENT_LIST).map(|v| v.enumerate()).unwrap_or_default(),
            as_custom_object: args.flag(AS_CUSTOM_OBJECT),
            global: args.flag(GLOBAL),
        };
        match cx.import_module_file(&req) {
            Some(Ok(())) => {}
            Some(Err(e @ CmdletError::Unwind(_))) => return Err(e),
            Some(Err(e)) => cx.error(e)?,
            None if installed(n) || cx.session().has_module(n) => rest.push(n.clone()),
            None => cx.error(module_not_found(n))?,
        }
    }
    Ok(rest)
}

fn list(args: &BoundArgs, name: &str) -> Option<Vec<String>> {
    args.opt::<Vec<String>>(name)
}

impl Cmdlet for ExportModuleMember {
    fn signature(&self) -> Signature {
        Signature::new("Export-ModuleMember", "Microsoft.PowerShell.Commands.ExportModuleMemberCommand", Origin::Core)
            .synopsis("Specifies the module members that are exported.")
            .param(
                Param::new(FUNCTION, ParamType::String)
                    .array()
                    .position(0)
                    .from_pipeline_by_name()
                    .help("Functions to export (wildcards allowed)."),
            )
            .param(Param::new(CMDLET, ParamType::String).array().help("Cmdlets to export."))
            .param(Param::new(VARIABLE, ParamType::String).array().help("Variables to export (wildcards allowed)."))
            .param(Param::new(ALIAS, ParamType::String).array().help("Aliases to export (wildcards allowed)."))
            .example(
                "Export-ModuleMember -Function Get-Report, Set-Report -Variable ReportPath",
                "Exports two functions and a variable.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let ex = ModuleExports {
            functions: list(args, FUNCTION),
            variables: list(args, VARIABLE),
            aliases: list(args, ALIAS),
            cmdlets: list(args, CMDLET),
        };
        cx.export_module_member(&ex)
    }
}

impl Cmdlet for RemoveModule {
    fn signature(&self) -> Signature {
        Signature::new("Remove-Module", "Microsoft.PowerShell.Commands.RemoveModuleCommand", Origin::Core)
            .synopsis("Removes modules from the current session.")
            .param(
                Param::new(NAME, ParamType::Object)
                    .array()
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .type_display("String[]")
                    .help("The modules to remove (names with wildcards, or module objects)."),
            )
            .param(Param::new(FORCE, ParamType::Switch).help("Removes read-only modules too."))
            .example("Remove-Module Tools", "Removes the Tools module and its commands.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let names: Vec<String> =
            args.get(NAME).map(|v| v.enumerate().iter().map(convert::to_string).collect()).unwrap_or_default();
        let mut removed = false;
        let mut wild = true;
        for n in &names {
            wild &= n.contains(['*', '?', '[']);
            let before = cx.session().modules.len();
            cx.session().modules.retain(|m| !convert::wildcard_match(n, &m.name, false));
            removed |= cx.session().modules.len() != before;
            while cx.remove_script_module(n) {
                removed = true;
                if !n.contains(['*', '?', '[']) {
                    break;
                }
            }
        }
        if !removed && !wild {
            cx.error(CmdletError::core(
                "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.",
                "System.InvalidOperationException",
                "ResourceUnavailable",
                "Modules_NoModulesRemoved",
            ))?;
        }
        Ok(())
    }
}
