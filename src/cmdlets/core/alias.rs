//! The alias cmdlets: Get-Alias (gal), Set-Alias (sal), New-Alias (nal) and, in the PowerShell 7
//! profile only, Remove-Alias, over the session's scoped aliases ([`crate::cmdlet::AliasStore`]),
//! with `-Scope`, `-Option`, `-Description`, `-Force`, `-PassThru` and PowerShell's errors.
//! See docs/reference/core-cmdlets.md.

use super::scoped_items::{
    self, OPTION, OPTION_NAMES, SCOPE, has_wildcard, option_text, record, scope_error, scope_param,
};
use crate::cmdlet::variable_options::{ALL_SCOPE, CONSTANT, PRIVATE, READ_ONLY};
use crate::cmdlet::{
    AliasEntry, AliasStore, BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, Origin, Param,
    ParamType, Signature,
};
use crate::value::{PsObject, Value, convert};

const NAME: &str = "Name";
const VALUE: &str = "Value";
const FORCE: &str = "Force";
const PASS_THRU: &str = "PassThru";
const DESCRIPTION: &str = "Description";
const DEFINITION: &str = "Definition";
const EXCLUDE: &str = "Exclude";
/// AliasCommandStrings.SetAliasAction and NewAliasAction.
const SET_ACTION: &str = "Set Alias";
const NEW_ACTION: &str = "New Alias";

/// The type name of an alias object.
pub const ALIAS_INFO: &str = "System.Management.Automation.AliasInfo";

/// Get-Alias's and Remove-Alias's error for a name no alias has (AliasCommandStrings.NoAliasFound).
fn no_alias(what: &str, name: &str) -> CmdletError {
    record(
        format!("This command cannot find a matching alias because an alias with the {what} '{name}' does not exist."),
        "System.Management.Automation.ItemNotFoundException",
        "ObjectNotFound",
        name,
        "ItemNotFoundException",
    )
}

fn unauthorized(message: String, name: &str, fqid: &str) -> CmdletError {
    record(message, "System.Management.Automation.SessionStateUnauthorizedAccessException", "WriteError", name, fqid)
}

/// SessionStateStrings.AliasNotWritable.
pub fn not_writable(name: &str) -> CmdletError {
    unauthorized(
        format!("Alias is not writeable because alias {name} is read-only or constant and cannot be written to."),
        name,
        "AliasNotWritable",
    )
}

/// SessionStateStrings.AliasNotRemovable.
pub fn not_removable(name: &str) -> CmdletError {
    unauthorized(
        format!("Alias was not removed because alias {name} is constant or read-only."),
        name,
        "AliasNotRemovable",
    )
}

fn no_store() -> CmdletError {
    CmdletError::core(
        "This context has no aliases.",
        "System.InvalidOperationException",
        "InvalidOperation",
        "NoAliases",
    )
}

fn option_bits(args: &BoundArgs) -> u32 {
    scoped_items::option_bits(args).unwrap_or(0)
}

/// An AliasInfo object: `Name` is the alias, `DisplayName` the `ls -> Get-ChildItem` the default
/// table shows.
pub fn alias_object(a: &AliasEntry, resolved: &str) -> Value {
    let mut o = PsObject::new(&[ALIAS_INFO, "System.Management.Automation.CommandInfo", "System.Object"])
        .with("HelpUri", "")
        .with("ResolvedCommandName", resolved)
        .with("DisplayName", format!("{} -> {}", a.name, a.definition))
        .with("ReferencedCommand", resolved)
        .with("ResolvedCommand", resolved)
        .with("Definition", a.definition.as_str())
        .with("Options", option_text(a.options))
        .with("Description", a.description.as_str())
        .with("OutputType", Value::array(Vec::new()))
        .with("Name", a.name.as_str())
        .with("CommandType", "Alias")
        .with("Source", "")
        .with("Version", "")
        .with("Visibility", "Public")
        .with("ModuleName", "")
        .with("Module", Value::Null)
        .with("RemotingCapability", "PowerShell");
    o.display = Some(a.name.clone().into());
    Value::object(o)
}

/// The command an alias finally names (aliases of aliases followed).
pub fn resolved_name(store: &dyn AliasStore, a: &AliasEntry) -> String {
    let top = store.alias_top();
    let mut target = a.definition.clone();
    let mut seen = vec![a.name.to_ascii_lowercase()];
    while let Some((_, next)) = store.alias_visible(&target, top) {
        if seen.contains(&target.to_ascii_lowercase()) {
            break;
        }
        seen.push(target.to_ascii_lowercase());
        target = next.definition;
    }
    target
}

fn frame(store: &dyn AliasStore, args: &BoundArgs) -> Result<usize, CmdletError> {
    match args.string(SCOPE) {
        Some(s) => store.alias_frame_named(&s).map_err(scope_error),
        None => Ok(store.alias_top()),
    }
}

/// `Get-Alias` (gal).
pub struct GetAlias;

impl Cmdlet for GetAlias {
    fn signature(&self) -> Signature {
        Signature::new("Get-Alias", "Microsoft.PowerShell.Commands.GetAliasCommand", Origin::Core)
            .synopsis("Gets the aliases for the current session.")
            .param(
                Param::new(NAME, ParamType::String)
                    .array()
                    .position(0)
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .sets(&["Default"])
                    .help("Alias names (wildcards allowed)."),
            )
            .param(Param::new(EXCLUDE, ParamType::String).array().help("Not these names (or definitions)."))
            .param(scope_param())
            .param(
                Param::new(DEFINITION, ParamType::String)
                    .array()
                    .sets(&["Definition"])
                    .help("The aliases of these commands (wildcards allowed)."),
            )
            .sets(&["Default", "Definition"])
            .default_set("Default")
            .example("Get-Alias ls", "What ls stands for.")
            .example("Get-Alias -Definition Get-ChildItem", "The aliases of Get-ChildItem.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let by_definition = args.has(DEFINITION);
        let patterns = if by_definition {
            args.opt::<Vec<String>>(DEFINITION).unwrap_or_default()
        } else {
            args.opt::<Vec<String>>(NAME).unwrap_or_else(|| vec!["*".into()])
        };
        let excludes = args.opt::<Vec<String>>(EXCLUDE).unwrap_or_default();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        {
            let Some(store) = cx.aliases() else { return Err(no_store()) };
            let from = frame(store, args)?;
            let all = store.aliases_from(from, args.has(SCOPE));
            for p in &patterns {
                let hits: Vec<&AliasEntry> = all
                    .iter()
                    .filter(|a| {
                        let key = if by_definition { &a.definition } else { &a.name };
                        convert::wildcard_match(p, key, false)
                            && !excludes.iter().any(|e| convert::wildcard_match(e, key, false))
                    })
                    .collect();
                if hits.is_empty() && !has_wildcard(p) && excludes.is_empty() {
                    errors.push(no_alias(if by_definition { "definition" } else { "name" }, p));
                }
                for a in hits {
                    out.push(alias_object(a, &resolved_name(store, a)));
                }
            }
        }
        for v in out {
            cx.output(v);
        }
        for e in errors {
            cx.error(e)?;
        }
        Ok(())
    }
}

fn write_params(s: Signature) -> Signature {
    s.param(Param::new(NAME, ParamType::String).position(0).mandatory().from_pipeline_by_name().help("The alias."))
        .param(
            Param::new(VALUE, ParamType::String)
                .position(1)
                .mandatory()
                .from_pipeline_by_name()
                .help("The command it stands for."),
        )
        .param(Param::new(DESCRIPTION, ParamType::String).from_pipeline_by_name().help("A description."))
        .param(
            Param::new(OPTION, ParamType::Set(OPTION_NAMES))
                .array()
                .from_pipeline_by_name()
                .help("None, ReadOnly, Constant, Private, AllScope."),
        )
        .param(Param::new(PASS_THRU, ParamType::Switch).help("Outputs the alias."))
        .param(scope_param())
        .param(Param::new(FORCE, ParamType::Switch).help("Overwrites a read-only alias."))
        .should_process(ConfirmImpact::Medium)
}

/// Sets an alias in its frame (SessionStateScope.SetAliasItem): a constant or (without -Force)
/// read-only one is not writable, and an AllScope alias keeps AllScope.
fn write_alias(
    store: &mut dyn AliasStore,
    frame: usize,
    alias: AliasEntry,
    force: bool,
) -> Result<AliasEntry, CmdletError> {
    // An AllScope alias is in every scope: the one visible from the frame is this frame's copy.
    let existing = store
        .alias_in_frame(frame, &alias.name)
        .map(|a| (frame, a))
        .or_else(|| store.alias_visible(&alias.name, frame).filter(|(_, a)| a.options & ALL_SCOPE != 0));
    let mut target = frame;
    let mut alias = alias;
    if let Some((f, old)) = existing {
        if old.options & CONSTANT != 0 || (old.options & READ_ONLY != 0 && !force) {
            return Err(not_writable(&alias.name));
        }
        if old.options & ALL_SCOPE != 0 && alias.options & ALL_SCOPE == 0 {
            return Err(unauthorized(
                format!("The AllScope option cannot be removed from the alias '{}'.", alias.name),
                &alias.name,
                "AliasAllScopeOptionCannotBeRemoved",
            ));
        }
        // The name keeps its first spelling.
        alias.name = old.name;
        target = f;
    }
    store.set_alias(target, alias.clone());
    Ok(alias)
}

fn entry_of(args: &BoundArgs, scope_private: bool) -> AliasEntry {
    let mut options = option_bits(args);
    if scope_private {
        options |= PRIVATE;
    }
    AliasEntry {
        name: args.string(NAME).unwrap_or_default(),
        definition: args.string(VALUE).unwrap_or_default(),
        options,
        description: args.string(DESCRIPTION).unwrap_or_default(),
    }
}

/// Set-Alias and New-Alias after their own checks: ShouldProcess, the write, -PassThru.
fn set_and_report(action: &str, cx: &mut dyn Context, args: &BoundArgs) -> CmdletResult {
    let private = args.string(SCOPE).is_some_and(|s| s.eq_ignore_ascii_case("private"));
    let alias = entry_of(args, private);
    let what = format!(
        "Performing the operation \"{action}\" on target \"Name: {} Value: {}\".",
        alias.name, alias.definition
    );
    if !cx.should_process(&what)? {
        return Ok(());
    }
    let written = {
        let Some(store) = cx.aliases() else { return Err(no_store()) };
        let f = frame(store, args)?;
        write_alias(store, f, alias, args.flag(FORCE)).map(|a| {
            let resolved = resolved_name(store, &a);
            alias_object(&a, &resolved)
        })
    };
    match written {
        Ok(v) if args.flag(PASS_THRU) => cx.output(v),
        Ok(_) => {}
        Err(e) => cx.error(e)?,
    }
    Ok(())
}

/// `Set-Alias` (sal).
pub struct SetAlias;

impl Cmdlet for SetAlias {
    fn signature(&self) -> Signature {
        write_params(Signature::new("Set-Alias", "Microsoft.PowerShell.Commands.SetAliasCommand", Origin::Core))
            .synopsis("Creates or changes an alias for a command.")
            .example("Set-Alias gmp Get-MailboxPermission", "gmp runs Get-MailboxPermission.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        set_and_report(SET_ACTION, cx, args)
    }
}

/// `New-Alias` (nal).
pub struct NewAlias;

impl Cmdlet for NewAlias {
    fn signature(&self) -> Signature {
        write_params(Signature::new("New-Alias", "Microsoft.PowerShell.Commands.NewAliasCommand", Origin::Core))
            .synopsis("Creates a new alias.")
            .example("New-Alias -Name gmb -Value Get-Mailbox -Description 'Mailboxes'", "A new alias.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let name = args.string(NAME).unwrap_or_default();
        if !args.flag(FORCE) {
            let exists = {
                let Some(store) = cx.aliases() else { return Err(no_store()) };
                if args.has(SCOPE) {
                    let f = frame(store, args)?;
                    store.alias_in_frame(f, &name).is_some()
                } else {
                    store.alias_visible(&name, store.alias_top()).is_some()
                }
            };
            if exists {
                return cx.error(record(
                    format!("The alias is not allowed, because an alias with the name '{name}' already exists."),
                    "System.Management.Automation.SessionStateException",
                    "ResourceExists",
                    &name,
                    "AliasAlreadyExists",
                ));
            }
        }
        set_and_report(NEW_ACTION, cx, args)
    }
}

/// Removes the alias `name` visible from `from` (or only in `frame` when given):
/// `Ok(false)` when there is none.
pub fn remove_alias(
    store: &mut dyn AliasStore,
    name: &str,
    frame: Option<usize>,
    force: bool,
) -> Result<bool, CmdletError> {
    let found = match frame {
        Some(f) => store.alias_in_frame(f, name).map(|a| (f, a)),
        None => store.alias_visible(name, store.alias_top()),
    };
    let Some((f, a)) = found else { return Ok(false) };
    if a.options & CONSTANT != 0 || (a.options & READ_ONLY != 0 && !force) {
        return Err(not_removable(&a.name));
    }
    store.remove_alias(f, name);
    Ok(true)
}

/// `Remove-Alias` (PowerShell 6 and later; 5.1 removes aliases with `Remove-Item alias:x`).
pub struct RemoveAlias;

impl Cmdlet for RemoveAlias {
    fn signature(&self) -> Signature {
        Signature::new("Remove-Alias", "Microsoft.PowerShell.Commands.RemoveAliasCommand", Origin::Core)
            .synopsis("Removes an alias from the current session.")
            .versions(crate::cmdlets::exchange::ONLINE)
            .param(
                Param::new(NAME, ParamType::String)
                    .array()
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .help("The aliases to remove."),
            )
            .param(scope_param())
            .param(Param::new(FORCE, ParamType::Switch).help("Removes a read-only alias."))
            .example("Remove-Alias gmp", "gmp no longer runs anything.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let names = args.opt::<Vec<String>>(NAME).unwrap_or_default();
        let mut errors = Vec::new();
        {
            let Some(store) = cx.aliases() else { return Err(no_store()) };
            let f = if args.has(SCOPE) { Some(frame(store, args)?) } else { None };
            for n in &names {
                match remove_alias(store, n, f, args.flag(FORCE)) {
                    Ok(true) => {}
                    Ok(false) => errors.push(no_alias("name", n)),
                    Err(e) => errors.push(e),
                }
            }
        }
        errors.into_iter().try_for_each(|e| cx.error(e))
    }
}
