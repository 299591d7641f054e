//! Get-Help and Get-Command, generated from the signatures.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value, convert};

/// `Get-Command` (`gcm`).
pub struct GetCommand;

impl Cmdlet for GetCommand {
    fn signature(&self) -> Signature {
        Signature::new("Get-Command", "Microsoft.PowerShell.Commands.GetCommandCommand", Origin::Core)
            .synopsis("Gets all commands.")
            .param(
                Param::new("Name", ParamType::String)
                    .array()
                    .position(0)
                    .from_pipeline()
                    .help("Command names; wildcards allowed."),
            )
            .param(Param::new("Verb", ParamType::String).array().help("Commands with this verb."))
            .param(Param::new("Noun", ParamType::String).array().help("Commands with this noun."))
            .param(
                Param::new("Module", ParamType::String)
                    .array()
                    .help("Only the commands of these modules (wildcards allowed)."),
            )
            .param(Param::new("CommandType", ParamType::String).help("Alias, Function or Cmdlet."))
            .example("Get-Command *MailboxPermission", "The mailbox permission cmdlets.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let mut all = cx.commands();
        if let Some(modules) = args.opt::<Vec<String>>("Module") {
            all.retain(|(_, _, src)| modules.iter().any(|m| convert::wildcard_match(m, src, false)));
        }
        // Script modules' functions show their module's version.
        let script_versions: Vec<(String, String)> = cx
            .script_modules(false)
            .iter()
            .filter_map(|m| match m {
                Value::Object(o) => {
                    let o = o.borrow();
                    Some((convert::to_string(&o.get("Name")?), convert::to_string(&o.get("Version")?)))
                }
                _ => None,
            })
            .collect();
        let names: Vec<String> = args.opt::<Vec<String>>("Name").unwrap_or_default();
        let verbs: Vec<String> = args.opt::<Vec<String>>("Verb").unwrap_or_default();
        let nouns: Vec<String> = args.opt::<Vec<String>>("Noun").unwrap_or_default();
        let kind = args.string("CommandType");
        let emit = |cx: &mut dyn Context, (name, k, src): &(String, String, String)| {
            let mut o = PsObject::new(&[
                "System.Management.Automation.CmdletInfo",
                "System.Management.Automation.CommandInfo",
                "System.Object",
            ]);
            o.set("CommandType", Value::str(k));
            o.set("Name", Value::str(name));
            o.set("DisplayName", Value::str(name));
            let script_version = script_versions.iter().find(|(n, _)| n.eq_ignore_ascii_case(src));
            o.set(
                "Version",
                Value::str(if src.is_empty() {
                    ""
                } else if let Some((_, v)) = script_version {
                    v.as_str()
                } else if src.starts_with("tmp_") {
                    "1.0"
                } else if src == crate::cmdlet::EXSH_MODULE {
                    env!("CARGO_PKG_VERSION")
                } else {
                    "3.1.0.0"
                }),
            );
            o.set("Source", Value::str(src));
            o.set("ModuleName", Value::str(src));
            o.display = Some(name.clone().into());
            cx.output(Value::object(o));
        };
        if names.is_empty() {
            let mut list: Vec<_> = all
                .into_iter()
                .filter(|(n, k, _)| {
                    let base = n.split(" -> ").next().unwrap_or(n);
                    let (verb, noun) = base.split_once('-').unwrap_or((base, ""));
                    (verbs.is_empty() || verbs.iter().any(|v| convert::wildcard_match(v, verb, false)))
                        && (nouns.is_empty() || nouns.iter().any(|p| convert::wildcard_match(p, noun, false)))
                        && kind.as_ref().map(|t| t.eq_ignore_ascii_case(k)).unwrap_or(true)
                        && (verbs.is_empty() && nouns.is_empty() || k != "Alias")
                })
                .collect();
            list.sort_by_key(|a| a.0.to_ascii_lowercase());
            for c in &list {
                emit(cx, c);
            }
            return Ok(());
        }
        for pat in names {
            let matched: Vec<_> = all
                .iter()
                .filter(|(n, _, _)| convert::wildcard_match(&pat, n.split(" -> ").next().unwrap_or(n), false))
                .cloned()
                .collect();
            if matched.is_empty() && !pat.contains(['*', '?']) {
                let pwsh7 = !cx.directory().org.version.is_on_premises();
                cx.error(CmdletError::core(
                    crate::cmdlet::command_not_found_message(&pat, pwsh7),
                    "System.Management.Automation.CommandNotFoundException",
                    "ObjectNotFound",
                    "CommandNotFoundException",
                ))?;
                continue;
            }
            for c in &matched {
                emit(cx, c);
            }
        }
        Ok(())
    }
}

/// `Get-Help` (`help`).
pub struct GetHelp;

impl Cmdlet for GetHelp {
    fn signature(&self) -> Signature {
        Signature::new("Get-Help", "Microsoft.PowerShell.Commands.GetHelpCommand", Origin::Core)
            .synopsis("Displays information about commands.")
            .param(Param::new("Name", ParamType::String).position(0).help("The command to describe."))
            .param(Param::new("Full", ParamType::Switch).help("The whole help: parameters and examples."))
            .param(Param::new("Detailed", ParamType::Switch).help("Parameters and examples."))
            .param(Param::new("Examples", ParamType::Switch).help("Examples only."))
            .param(Param::new("Parameter", ParamType::String).help("One parameter."))
            .param(Param::new("Online", ParamType::Switch).help("Not available offline."))
            .example("Get-Help Add-MailboxPermission -Full", "All help for a cmdlet.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(name) = args.string("Name") else {
            let text = "\nTOPIC\n    exsh help system\n\nSHORT DESCRIPTION\n    Displays help about exsh cmdlets.\n\nLONG DESCRIPTION\n    Get-Help <cmdlet-name> shows a cmdlet's syntax and description; -Full adds parameters and examples.\n    Get-Command lists every command; Get-Command *Permission* finds the permission cmdlets.\n";
            cx.output(Value::str(text));
            return Ok(());
        };
        // A wildcard pattern searches: one match shows its help, several a table (HelpInfoShort).
        if name.contains(['*', '?', '[']) {
            let mut matches: Vec<(String, String, String)> = cx
                .commands()
                .into_iter()
                .filter(|(n, kind, _)| kind != "Alias" && convert::wildcard_match(&name, n, false))
                .collect();
            matches.sort_by_key(|(n, _, _)| n.to_ascii_lowercase());
            matches.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
            if matches.len() > 1 {
                for (n, kind, module) in matches {
                    let synopsis = match cx.function_source(&n) {
                        Some(f) => super::comment_help::UserCommand::function(f).synopsis(),
                        None => cx.signature_of(&n).map(|s| s.synopsis.to_string()).unwrap_or_default(),
                    };
                    let mut o = PsObject::new(&["HelpInfoShort"]);
                    o.set("Name", Value::str(&n));
                    o.set("Category", Value::str(kind));
                    o.set("ModuleName", Value::str(module));
                    o.set("Synopsis", Value::str(synopsis));
                    cx.output(Value::object(o));
                }
                return Ok(());
            }
            // A search that finds nothing writes nothing: HelpCommand reports its errors only
            // when the name has no wildcard.
            let Some((n, _, _)) = matches.pop() else { return Ok(()) };
            if let Some(f) = cx.function_source(&n) {
                return show_user_help(cx, &super::comment_help::UserCommand::function(f), args);
            }
            return match cx.signature_of(&n) {
                Some(sig) => show_help(cx, &sig, args),
                None => Ok(()),
            };
        }
        if let Some(f) = cx.function_source(&name) {
            return show_user_help(cx, &super::comment_help::UserCommand::function(f), args);
        }
        if let Some(script) = super::comment_help::UserCommand::script(cx, &name) {
            return show_user_help(cx, &script, args);
        }
        let Some(sig) = cx.signature_of(&name) else {
            return Err(CmdletError::core(
                format!(
                    "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116."
                ),
                "Microsoft.PowerShell.Commands.HelpNotFoundException",
                "ResourceUnavailable",
                "HelpNotFound",
            ));
        };
        show_help(cx, &sig, args)
    }
}

/// Writes a user function's or script's help; `.FORWARDHELPTARGETNAME` shows a cmdlet's or
/// another function's help instead.
fn show_user_help(cx: &mut dyn Context, cmd: &super::comment_help::UserCommand, args: &BoundArgs) -> CmdletResult {
    let mut forward = |cx: &mut dyn Context, target: &str| -> Option<CmdletResult> {
        if let Some(f) = cx.function_source(target) {
            let other = super::comment_help::UserCommand::function(f);
            // One level only: a forward to a function that forwards again shows that function.
            return Some(super::comment_help::show(cx, &other, args, &mut |_, _| None));
        }
        cx.signature_of(target).map(|sig| show_help(cx, &sig, args))
    };
    super::comment_help::show(cx, cmd, args, &mut forward)
}

/// Writes a command's help, or with `-Parameter` only the matching parameters' blocks
/// (PowerShell's MamlCommandHelpInfo#Parameter view); no match is PowerShell's NoParmsFound error.
fn show_help(cx: &mut dyn Context, sig: &Signature, args: &BoundArgs) -> CmdletResult {
    if let Some(pattern) = args.opt::<String>("Parameter") {
        let blocks: Vec<String> = sig
            .params
            .iter()
            .filter(|p| convert::wildcard_match(&pattern, p.name, false))
            .map(|p| param_help(p, ""))
            .collect();
        if blocks.is_empty() {
            return Err(CmdletError::core(
                format!("No parameter matches criteria {pattern}."),
                "System.ArgumentException",
                "InvalidArgument",
                "NoParmsFound",
            ));
        }
        // The string's own line end gives the block's closing blank line.
        let text = format!("\n{}", blocks.concat());
        cx.output(Value::str(text.strip_suffix('\n').unwrap_or(&text)));
        return Ok(());
    }
    cx.output(Value::str(render_help(sig, args)));
    Ok(())
}

fn syntax_type(p: &Param) -> String {
    match p.ty {
        ParamType::Switch => String::new(),
        ParamType::Set(v) if p.type_display.is_empty() => {
            let set = format!("{{{}}}", v.join(" | "));
            if p.array { format!("{set}[]") } else { set }
        }
        _ => p.display_type(),
    }
}

/// One syntax line per parameter set: `Name [-Identity] <T> -User <T> [-Deny] [-WhatIf] [-Confirm] [<CommonParameters>]`.
pub fn syntax_lines(sig: &Signature) -> Vec<String> {
    let sets: Vec<&str> = if sig.set_names.is_empty() { vec!["__AllParameterSets"] } else { sig.set_names.to_vec() };
    sets.into_iter()
        .map(|set| {
            let mut line = sig.name.to_string();
            let mut params: Vec<&Param> = sig.params.iter().filter(|p| p.in_set(set)).collect();
            params.sort_by_key(|p| p.position.unwrap_or(usize::MAX));
            for p in params {
                let t = syntax_type(p);
                let name = if p.position.is_some() { format!("[-{}]", p.name) } else { format!("-{}", p.name) };
                let core = if t.is_empty() { name } else { format!("{name} <{t}>") };
                let part = if p.is_mandatory_in(set) { core } else { format!("[{core}]") };
                line.push(' ');
                line.push_str(&part);
            }
            if sig.should_process.is_some() {
                line.push_str(" [-WhatIf] [-Confirm]");
            }
            line.push_str(" [<CommonParameters>]");
            line
        })
        .collect()
}

/// Splits text into lines of at most `width` characters at spaces.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The cmdlet reference in Markdown (docs/cmdlets.md), generated from the signatures.
pub fn markdown_reference(sigs: &[Signature]) -> String {
    let mut sigs: Vec<&Signature> = sigs.iter().collect();
    sigs.sort_by_key(|s| s.name);
    let mut out = String::from(
        "# Cmdlet reference\n\nGenerated from the cmdlet signatures by `cargo test --test docs`; do not edit by hand.\n\n",
    );
    for s in &sigs {
        out.push_str(&format!("- [{}](#{})\n", s.name, s.name.to_ascii_lowercase()));
    }
    for s in sigs {
        out.push_str(&format!("\n## {}\n\n{}\n\n", s.name, s.synopsis));
        if !s.versions.is_empty() {
            let v: Vec<&str> = s.versions.iter().map(|v| v.profile_name()).collect();
            out.push_str(&format!("Available in: {}.\n\n", v.join(", ")));
        }
        out.push_str("```\n");
        for l in syntax_lines(s) {
            out.push_str(&l);
            out.push('\n');
        }
        out.push_str("```\n\n");
        if !s.params.is_empty() {
            out.push_str(
                "| Parameter | Type | Required | Position | Pipeline | Description |\n|---|---|---|---|---|---|\n",
            );
            for p in &s.params {
                let req = if p.mandatory {
                    "yes".to_string()
                } else if !p.mandatory_in.is_empty() {
                    format!("in {}", p.mandatory_in.join(", "))
                } else {
                    "no".to_string()
                };
                let pipe = match (p.pipeline.by_value, p.pipeline.by_property_name) {
                    (true, true) => "by value, by name",
                    (true, false) => "by value",
                    (false, true) => "by name",
                    _ => "",
                };
                let mut desc = p.help.replace('|', "\\|");
                if let ParamType::Enum(e) = p.ty {
                    desc.push_str(&format!(" Values: {}.", e.names_list()));
                }
                if let ParamType::Set(v) = p.ty {
                    desc.push_str(&format!(" Values: {}.", v.join(", ")));
                }
                let t = syntax_type(p).replace('|', "\\|");
                out.push_str(&format!(
                    "| -{} | {} | {} | {} | {} | {} |\n",
                    p.name,
                    if t.is_empty() { "switch".to_string() } else { t },
                    req,
                    p.position.map(|x| (x + 1).to_string()).unwrap_or_else(|| "named".into()),
                    pipe,
                    desc
                ));
            }
            out.push('\n');
        }
        if let Some(i) = s.should_process {
            out.push_str(&format!("Supports -WhatIf and -Confirm (ConfirmImpact {i:?}).\n\n"));
        }
        for e in &s.examples {
            out.push_str(&format!("```powershell\n{}\n```\n{}\n\n", e.code, e.remarks));
        }
    }
    out
}

/// The help text for a signature.
pub fn render_help(sig: &Signature, args: &BoundArgs) -> String {
    let mut out = String::new();
    out.push_str(&format!("\nNAME\n    {}\n\nSYNOPSIS\n    {}\n\n", sig.name, sig.synopsis));
    if !args.switch("Examples") {
        out.push_str("\nSYNTAX\n");
        for line in syntax_lines(sig) {
            for part in wrap_words(&line, 115) {
                out.push_str("    ");
                out.push_str(&part);
                out.push('\n');
            }
            out.push('\n');
        }
    }
    let full = args.switch("Full") || args.switch("Detailed");
    if full {
        out.push_str("\nPARAMETERS\n");
        for p in &sig.params {
            out.push_str(&param_help(p, "    "));
        }
        out.push_str("    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n        OutBuffer, PipelineVariable, and OutVariable.\n\n");
    }
    if full || args.switch("Examples") {
        for (i, e) in sig.examples.iter().enumerate() {
            out.push_str(&format!(
                "    -------------------------- EXAMPLE {} --------------------------\n\n    PS C:\\>{}\n\n    {}\n\n",
                i + 1,
                e.code,
                e.remarks
            ));
        }
    }
    if !full && !args.switch("Examples") {
        out.push_str(&format!(
            "\nREMARKS\n    To see the examples, type: \"get-help {0} -examples\".\n    For more information, type: \"get-help {0} -detailed\".\n    For technical information, type: \"get-help {0} -full\".\n",
            sig.name
        ));
    }
    out
}

/// One parameter's block, as PowerShell's MamlFullParameterControl lays it out, under `indent`
/// (4 spaces inside -Full's PARAMETERS section, none for `-Parameter`).
fn param_help(p: &Param, indent: &str) -> String {
    let t = syntax_type(p);
    let head = if t.is_empty() { format!("{indent}-{}", p.name) } else { format!("{indent}-{} <{}>", p.name, t) };
    let mut s = format!("{head}\n{indent}    {}\n\n", p.help);
    if let ParamType::Enum(e) = p.ty {
        s.push_str(&format!("{indent}    Valid values: {}\n\n", e.names_list()));
    }
    let pipeline = match (p.pipeline.by_value, p.pipeline.by_property_name) {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
    let rows = [
        // Mandatory in any of its sets (the help lists one `required` per parameter).
        ("Required?", (p.mandatory || !p.mandatory_in.is_empty()).to_string()),
        ("Position?", p.position.map(|x| (x + 1).to_string()).unwrap_or_else(|| "named".into())),
        ("Default value", "None".to_string()),
        ("Accept pipeline input?", pipeline.to_string()),
        ("Accept wildcard characters?", "false".to_string()),
    ];
    for (label, value) in rows {
        s.push_str(&format!("{indent}    {label:<29}{value}\n"));
    }
    s.push('\n');
    s
}
