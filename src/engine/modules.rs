//! Script modules: `Import-Module .\x.psm1`, module folders and `.psd1` manifests, each module's
//! own scopes (`$script:` in a module is the module's; functions it does not export are seen only
//! by its own functions), Export-ModuleMember, Get-Module and Remove-Module of them, and where a
//! function statement puts its function (`function global:f`, `function script:f`, or the scope
//! it runs in). Facts and sources: docs/reference/modules.md.

use std::rc::Rc;

use super::scope::{Frame, ModuleStash};
use super::{Engine, Flow, Function};
use crate::cmdlet::modules::{MODULE_PATH, ModuleExports, ModuleImport, module_not_found};
use crate::cmdlet::{CmdletError, WinPath};
use crate::syntax::{self, ScriptBlock, Span};
use crate::value::convert::{self, wildcard_match};
use crate::value::{ErrorRecord, PsObject, Value};

/// The script modules of the session.
#[derive(Default)]
pub(crate) struct Modules {
    /// Imported modules, in import order.
    pub list: Vec<ScriptModule>,
    /// The module whose scopes are running now (its body while it loads, or one of its functions).
    pub current: Option<Rc<str>>,
    /// What Export-ModuleMember asked for, for each module body running now (innermost last).
    exporting: Vec<Option<ModuleExports>>,
}

/// One imported script module.
pub(crate) struct ScriptModule {
    pub name: Rc<str>,
    /// The file it was loaded from (the manifest for a manifest module).
    pub path: String,
    pub base: String,
    pub version: String,
    /// `Script` or `Manifest`.
    pub kind: &'static str,
    pub description: String,
    /// Its scope between calls (`None` while one of its functions runs).
    pub frame: Option<Frame>,
    /// The functions it put in the session, under the names they got there.
    pub imported_functions: Vec<String>,
    /// The variables it exported.
    pub exported_variables: Vec<String>,
    /// The aliases it exported (they live in its scope's alias table).
    pub exported_aliases: Vec<String>,
    /// `RequiredModules` of its manifest.
    pub required: Vec<String>,
    /// Modules loaded by its manifest's `NestedModules`.
    pub nested: Vec<String>,
}

/// How an import ended: the module's record, and the output its body wrote.
type Loaded = (usize, Vec<Value>);

fn record(message: String, exception: &str, category: &str, target: &str, fqid: &str) -> CmdletError {
    CmdletError::Record(Box::new(ErrorRecord {
        message,
        exception_type: exception.into(),
        category: category.into(),
        target: target.into(),
        fqid: fqid.into(),
        ..Default::default()
    }))
}

/// The name a function gets with `-Prefix`: before the noun (`Get-PrefixNoun`), else in front.
fn prefixed(name: &str, prefix: Option<&str>) -> String {
    match prefix {
        None | Some("") => name.to_string(),
        Some(p) => match name.split_once('-') {
            Some((verb, noun)) => format!("{verb}-{p}{noun}"),
            None => format!("{p}{name}"),
        },
    }
}

fn matches_any(patterns: &[String], name: &str) -> bool {
    patterns.iter().any(|p| wildcard_match(p, name, false))
}

/// The file name without its extension.
fn base_name(path: &WinPath) -> String {
    let n = path.name();
    match n.rsplit_once('.') {
        Some((b, _)) if !b.is_empty() => b.to_string(),
        _ => n.to_string(),
    }
}

fn ext_of(path: &WinPath) -> String {
    path.name().rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

impl Engine {
    /// A `function` statement: `global:`/`script:` name the scope, else the current one.
    pub(crate) fn define_function(&mut self, written: &str, body: &Rc<ScriptBlock>) {
        let (scope, name) = match written.split_once(':') {
            Some((s, n)) if ["global", "script", "local", "private"].iter().any(|k| s.eq_ignore_ascii_case(k)) => {
                (Some(s.to_ascii_lowercase()), n)
            }
            _ => (None, written),
        };
        let scope = scope.filter(|s| s == "global" || s == "script");
        let f = self.local_function(name, body.clone());
        self.scopes.define_function(scope.as_deref(), f);
    }

    /// Before a call of a module's function from outside the module: the module's scopes
    /// replace the caller's (given back by [`Engine::leave_module_of`]).
    pub(crate) fn enter_module_of(&mut self, func: &Function) -> Option<(ModuleStash, Option<Rc<str>>, usize)> {
        let m = func.module.as_ref()?;
        if func.dot || self.modules.current.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(m)) {
            return None;
        }
        let i = self.modules.list.iter().position(|x| x.name.eq_ignore_ascii_case(m))?;
        let frame = self.modules.list[i].frame.take()?;
        let mut frame = frame;
        // Exported variables are shared with the session: the module sees their values now.
        for v in self.modules.list[i].exported_variables.clone() {
            if let Some(val) = self.scopes.get(Some("global"), &v) {
                frame.insert(
                    v.to_ascii_lowercase(),
                    super::scope::Var { name: v.clone(), value: val, ty: None, automation_null: false },
                );
            }
        }
        let stash = self.scopes.enter_module(frame);
        let saved = self.modules.current.replace(self.modules.list[i].name.clone());
        Some((stash, saved, i))
    }

    /// Undoes [`Engine::enter_module_of`]: the module keeps its scope, the caller gets theirs back.
    pub(crate) fn leave_module_of(&mut self, entered: Option<(ModuleStash, Option<Rc<str>>, usize)>) {
        let Some((stash, saved, i)) = entered else { return };
        let frame = self.scopes.leave_module(stash);
        self.modules.current = saved;
        if let Some(m) = self.modules.list.get_mut(i) {
            for v in &m.exported_variables {
                if let Some(var) = frame.get(&v.to_ascii_lowercase()) {
                    self.scopes.set(Some("global"), v, var.value.clone());
                }
            }
            m.frame = Some(frame);
        }
    }

    /// The module file an Import-Module name names: a file, a module folder (`Name\Name.psd1` or
    /// `.psm1`), the path with a module extension added, or a folder of the module path.
    fn find_module_file(&mut self, name: &str) -> Option<WinPath> {
        let files = self.host.files();
        let candidates = |p: &WinPath| -> Vec<WinPath> {
            let leaf = p.name().to_string();
            let mut c = vec![p.clone()];
            for ext in ["psd1", "psm1"] {
                c.push(p.join(&format!("{leaf}.{ext}")));
            }
            for ext in ["psd1", "psm1"] {
                let mut q = p.clone();
                if let Some(last) = q.parts.last_mut() {
                    *last = format!("{last}.{ext}");
                }
                c.push(q);
            }
            c
        };
        let roots: Vec<WinPath> = if crate::cmdlet::modules::names_a_path(name) {
            files.resolve(name).ok().into_iter().collect()
        } else {
            MODULE_PATH.iter().filter_map(|m| WinPath::absolute(m)).map(|m| m.join(name)).collect()
        };
        for root in roots {
            for c in candidates(&root) {
                if let Some(info) = files.stat(&c)
                    && !info.is_dir
                    && matches!(ext_of(&c).as_str(), "psm1" | "psd1" | "ps1")
                {
                    return Some(info.path);
                }
            }
        }
        None
    }

    /// Import-Module of a module file; `None` when the name is no path and no module folder has it.
    pub(crate) fn import_module_file(
        &mut self,
        req: &ModuleImport,
        verbose: &mut Vec<String>,
    ) -> Option<Result<Vec<Value>, CmdletError>> {
        let path = match self.find_module_file(&req.name) {
            Some(p) => p,
            None if crate::cmdlet::modules::names_a_path(&req.name) => return Some(Err(module_not_found(&req.name))),
            None => return None,
        };
        let into_global = req.global || self.modules.current.is_none();
        let existing = self.modules.list.iter().position(|m| m.path.eq_ignore_ascii_case(&path.to_string()));
        let (i, mut out) = match existing {
            Some(i) if !req.force => (i, Vec::new()),
            _ => {
                if let Some(i) = existing {
                    let name = self.modules.list[i].name.to_string();
                    self.remove_script_module(&name);
                }
                match self.load_module(&path, &req.arguments, verbose) {
                    Ok(l) => l,
                    Err(e) => return Some(Err(e)),
                }
            }
        };
        self.import_members(i, req, into_global, verbose);
        if req.pass_thru {
            out.push(self.module_info(i));
        }
        Some(Ok(out))
    }

    /// Loads a module file into a new module record (its body runs in its own scope).
    fn load_module(
        &mut self,
        path: &WinPath,
        arguments: &[Value],
        verbose: &mut Vec<String>,
    ) -> Result<Loaded, CmdletError> {
        if self.modules.exporting.len() >= 10 {
            return Err(record(
                format!(
                    "Cannot load the module '{}' because the module nesting limit has been exceeded. Modules can only be nested to 10 levels. Evaluate and change the order in which you are loading modules to prevent exceeding the nesting limit, and then try running your script again.",
                    path.name()
                ),
                "System.InvalidOperationException",
                "InvalidOperation",
                &format!("{}:String", path.name()),
                "Modules_ModuleTooDeeplyNested",
            ));
        }
        let full = path.to_string();
        verbose.push(format!("Loading module from path '{full}'."));
        let text = self
            .host
            .files()
            .read_text(&full)
            .map_err(|m| record(m, "System.IO.IOException", "ReadError", &format!("{full}:String"), "ReadError"))?;
        let base = path.parent().map(|p| p.to_string()).unwrap_or_default();
        let name: Rc<str> = Rc::from(base_name(path));
        if ext_of(path) == "psd1" {
            return self.load_manifest(path, &text, name, base, arguments, verbose);
        }
        let script = syntax::parse(&text).map_err(|e| {
            let rec = super::errors::parse_error_record(&e, &text, Some(&full));
            CmdletError::Unwind(Box::new(Flow::Error(Box::new(super::errors::RuntimeError {
                record: rec,
                thrown: Value::Null,
                fatal: false,
            }))))
        })?;
        let i = self.modules.list.len();
        self.modules.list.push(ScriptModule {
            name: name.clone(),
            path: full.clone(),
            base: base.clone(),
            version: "0.0".into(),
            kind: "Script",
            description: String::new(),
            frame: None,
            imported_functions: Vec::new(),
            exported_variables: Vec::new(),
            exported_aliases: Vec::new(),
            required: Vec::new(),
            nested: Vec::new(),
        });
        let stash = self.scopes.enter_module(Frame::default());
        let saved_module = self.modules.current.replace(name.clone());
        let saved_source = std::mem::replace(&mut self.source, Rc::from(text.as_str()));
        let saved_file = self.file.replace(Rc::from(full.as_str()));
        self.modules.exporting.push(None);
        self.scopes.set_local("PSScriptRoot", Value::str(&base));
        self.scopes.set_local("PSCommandPath", Value::str(&full));
        let body = script.statements;
        let pb = script.param_block;
        let r = self.capture(|e| {
            if let Some(pb) = &pb {
                let args: Vec<crate::cmdlet::bind::Arg> = arguments
                    .iter()
                    .map(|v| crate::cmdlet::bind::Arg::Positional { value: v.clone(), span: Span::default() })
                    .collect();
                e.bind_function_params(Some(pb), &args, false, &name, Span::default())?;
            } else {
                e.scopes.set_local("args", Value::array(arguments.to_vec()));
            }
            match e.exec_block(&body) {
                Err(Flow::Return) | Err(Flow::Exit(_)) => Ok(()),
                other => other,
            }
        });
        let exports = self.modules.exporting.pop().flatten();
        self.source = saved_source;
        self.file = saved_file;
        self.modules.current = saved_module;
        let frame = self.scopes.leave_module(stash);
        let out = match r {
            Ok(v) => v,
            Err(f) => {
                self.modules.list.truncate(i);
                return Err(CmdletError::Unwind(Box::new(f)));
            }
        };
        // Without Export-ModuleMember a script module exports every function and no variable.
        let mut functions: Vec<&Function> = frame.functions.values().collect();
        functions.sort_by_key(|f| f.body.span.start);
        let fnames: Vec<String> = functions
            .iter()
            .filter(|f| match &exports {
                Some(ModuleExports { functions: Some(p), .. }) => matches_any(p, &f.name),
                Some(_) => false,
                None => true,
            })
            .map(|f| f.name.to_string())
            .collect();
        let mut vars: Vec<String> = match &exports {
            Some(ModuleExports { variables: Some(p), .. }) => {
                frame.values().filter(|v| matches_any(p, &v.name)).map(|v| v.name.clone()).collect()
            }
            _ => Vec::new(),
        };
        vars.retain(|v| !["PSScriptRoot", "PSCommandPath", "args"].iter().any(|n| n.eq_ignore_ascii_case(v)));
        vars.sort_by_key(|v| v.to_ascii_lowercase());
        // Without Export-ModuleMember its aliases are exported too (Export-ModuleMember's doc).
        let mut aliases: Vec<String> = frame
            .aliases
            .values()
            .filter(|a| match &exports {
                Some(ModuleExports { aliases: Some(p), .. }) => matches_any(p, &a.name),
                Some(_) => false,
                None => true,
            })
            .map(|a| a.name.clone())
            .collect();
        aliases.sort_by_key(|a| a.to_ascii_lowercase());
        let m = &mut self.modules.list[i];
        m.imported_functions = fnames;
        m.exported_variables = vars;
        m.exported_aliases = aliases;
        m.frame = Some(frame);
        Ok((i, out))
    }

    /// A `.psd1` manifest: its root module (or none), nested modules, and export lists.
    fn load_manifest(
        &mut self,
        path: &WinPath,
        text: &str,
        name: Rc<str>,
        base: String,
        arguments: &[Value],
        verbose: &mut Vec<String>,
    ) -> Result<Loaded, CmdletError> {
        let full = path.to_string();
        let invalid = |why: &str| {
            record(
                format!(
                    "The module manifest '{full}' could not be processed because it is not a valid PowerShell module manifest file. Remove the elements that are not permitted: {why}"
                ),
                "System.Management.Automation.PSInvalidOperationException",
                "InvalidOperation",
                &format!("{full}:String"),
                "Modules_InvalidManifest",
            )
        };
        let script = syntax::parse(text).map_err(|e| invalid(&e.message))?;
        let data = match script.statements.as_slice() {
            [one] => match &one.kind {
                syntax::StatementKind::Pipeline(p) => {
                    self.eval_pipeline_value(p).map_err(|_| invalid("The manifest is not a hashtable."))?
                }
                _ => Value::Null,
            },
            _ => Value::Null,
        };
        let Value::Hashtable(h) = data else {
            return Err(record(
                format!(
                    "Processing the module manifest file '{full}' did not result in a valid manifest object. Update the file to contain a valid PowerShell module manifest. A valid manifest can be created using the New-ModuleManifest cmdlet."
                ),
                "System.Management.Automation.PSInvalidOperationException",
                "InvalidOperation",
                &format!("{full}:String"),
                "Modules_InvalidManifest",
            ));
        };
        let get = |k: &str| h.borrow().get(&Value::str(k));
        let list = |k: &str| -> Option<Vec<String>> {
            get(k).map(|v| v.enumerate().iter().map(convert::to_string).filter(|s| !s.is_empty()).collect())
        };
        let Some(version) = get("ModuleVersion").map(|v| convert::to_string(&v)) else {
            return Err(record(
                format!(
                    "The member 'ModuleVersion' is not present in the module manifest. This member must exist and be assigned a version number of the form 'n.n.n.n'. Add the missing member to the file '{full}'."
                ),
                "System.MissingMemberException",
                "ResourceUnavailable",
                &format!("{full}:String"),
                "Modules_InvalidManifest",
            ));
        };
        let required: Vec<String> = get("RequiredModules")
            .map(|v| {
                v.enumerate()
                    .iter()
                    .map(|m| match m {
                        Value::Hashtable(t) => t
                            .borrow()
                            .get(&Value::str("ModuleName"))
                            .map(|n| convert::to_string(&n))
                            .unwrap_or_default(),
                        other => convert::to_string(other),
                    })
                    .collect()
            })
            .unwrap_or_default();
        for r in &required {
            let loaded = self.session.has_module(r)
                || crate::cmdlet::modules::installed(r)
                || self.modules.list.iter().any(|m| m.name.eq_ignore_ascii_case(r));
            if loaded {
                continue;
            }
            let req = ModuleImport { name: r.clone(), ..Default::default() };
            match self.import_module_file(&req, verbose) {
                Some(Ok(_)) => {}
                _ => {
                    return Err(record(
                        format!(
                            "The required module '{r}' was not loaded because no valid module file was found in any module directory."
                        ),
                        "System.MissingMemberException",
                        "ResourceUnavailable",
                        ":",
                        "Modules_RequiredModuleNotFound",
                    ));
                }
            }
        }
        let root = get("RootModule").or_else(|| get("ModuleToProcess")).map(|v| convert::to_string(&v));
        let root = root.filter(|r| !r.is_empty());
        let nested = list("NestedModules").unwrap_or_default();
        let folder = path.parent().unwrap_or_else(|| path.clone());
        let resolve_member = |e: &mut Engine, member: &str, field: &str| -> Result<WinPath, CmdletError> {
            let p = folder.join(member);
            for c in [p.clone(), p.join(&format!("{}.psm1", p.name())), {
                let mut q = p.clone();
                if let Some(l) = q.parts.last_mut() {
                    *l = format!("{l}.psm1");
                }
                q
            }] {
                if e.host.files().stat(&c).is_some_and(|i| !i.is_dir) {
                    return Ok(c);
                }
            }
            Err(record(
                format!(
                    "The module to process '{member}', listed in field '{field}' of module manifest '{full}' was not processed because no valid module was found in any module directory."
                ),
                "System.Management.Automation.PSInvalidOperationException",
                "ResourceUnavailable",
                &format!("{}:String", base_name(path)),
                "Modules_ModuleFileNotFound",
            ))
        };
        // The root module's record becomes the manifest's: its name, path and version.
        let (i, mut out, kind) = match &root {
            Some(r) => {
                let rp = resolve_member(self, r, "ModuleToProcess/RootModule")?;
                let (i, out) = self.load_module(&rp, arguments, verbose)?;
                (i, out, "Script")
            }
            None => {
                let i = self.modules.list.len();
                self.modules.list.push(ScriptModule {
                    name: name.clone(),
                    path: full.clone(),
                    base: base.clone(),
                    version: String::new(),
                    kind: "Manifest",
                    description: String::new(),
                    frame: Some(Frame::default()),
                    imported_functions: Vec::new(),
                    exported_variables: Vec::new(),
                    exported_aliases: Vec::new(),
                    required: Vec::new(),
                    nested: Vec::new(),
                });
                (i, Vec::new(), "Manifest")
            }
        };
        // Nested modules are imported into the root module's scope; their exports become its.
        let mut nested_names = Vec::new();
        for n in &nested {
            let np = resolve_member(self, n, "NestedModules")?;
            let (j, o) = self.load_module(&np, &[], verbose)?;
            out.extend(o);
            let fnames = self.modules.list[j].imported_functions.clone();
            let funcs: Vec<Function> = {
                let fr = self.modules.list[j].frame.as_ref();
                fnames
                    .iter()
                    .filter_map(|f| fr.and_then(|fr| fr.functions.get(&f.to_ascii_lowercase())).cloned())
                    .collect()
            };
            nested_names.push(self.modules.list[j].name.to_string());
            if let Some(fr) = self.modules.list[i].frame.as_mut() {
                for f in funcs {
                    fr.functions.insert(f.name.to_ascii_lowercase(), f);
                }
            }
            let m = &mut self.modules.list[i];
            for f in fnames {
                if !m.imported_functions.iter().any(|x| x.eq_ignore_ascii_case(&f)) {
                    m.imported_functions.push(f);
                }
            }
        }
        let m = &mut self.modules.list[i];
        m.name = name;
        m.path = full;
        m.base = base;
        m.version = version;
        m.kind = kind;
        m.description = get("Description").map(|v| convert::to_string(&v)).unwrap_or_default();
        m.required = required;
        m.nested = nested_names;
        if let Some(p) = list("FunctionsToExport") {
            m.imported_functions.retain(|f| matches_any(&p, f));
        }
        if let Some(p) = list("VariablesToExport") {
            m.exported_variables.retain(|v| matches_any(&p, v));
        }
        if let Some(p) = list("AliasesToExport") {
            m.exported_aliases.retain(|a| matches_any(&p, a));
        }
        Ok((i, out))
    }

    /// Puts a loaded module's exported members into the session (or the importing module's
    /// scope), filtered by `-Function`/`-Variable` and renamed by `-Prefix`.
    fn import_members(&mut self, i: usize, req: &ModuleImport, into_global: bool, verbose: &mut Vec<String>) {
        let scope = if into_global { "global" } else { "script" };
        let m = &self.modules.list[i];
        let funcs: Vec<Function> = m
            .imported_functions
            .iter()
            .filter(|f| req.functions.as_ref().is_none_or(|p| matches_any(p, f)))
            .filter_map(|f| m.frame.as_ref().and_then(|fr| fr.functions.get(&f.to_ascii_lowercase())).cloned())
            .collect();
        let vars: Vec<String> = m
            .exported_variables
            .iter()
            .filter(|v| req.variables.as_ref().is_none_or(|p| matches_any(p, v)))
            .cloned()
            .collect();
        let values: Vec<(String, Value)> = vars
            .iter()
            .filter_map(|v| {
                m.frame.as_ref().and_then(|fr| fr.get(&v.to_ascii_lowercase())).map(|x| (v.clone(), x.value.clone()))
            })
            .collect();
        let aliases: Vec<crate::cmdlet::AliasEntry> = m
            .exported_aliases
            .iter()
            .filter(|a| req.aliases.as_ref().is_none_or(|p| matches_any(p, a)))
            .filter_map(|a| m.frame.as_ref().and_then(|fr| fr.aliases.get(&a.to_ascii_lowercase())).cloned())
            .collect();
        let mut names = Vec::new();
        for mut f in funcs {
            let n = prefixed(&f.name, req.prefix.as_deref());
            verbose.push(format!("Importing function '{n}'."));
            f.name = Rc::from(n.as_str());
            names.push(n);
            self.scopes.define_function(Some(scope), f);
        }
        for (n, v) in values {
            verbose.push(format!("Importing variable '{n}'."));
            self.scopes.set(Some(scope), &n, v);
        }
        for a in aliases {
            verbose.push(format!("Importing alias '{}'.", a.name));
            self.scopes.define_alias_in(Some(scope), a);
        }
        let m = &mut self.modules.list[i];
        if req.prefix.is_some() || req.functions.is_some() {
            m.imported_functions = names;
        }
    }

    /// `using module X`: the module is imported before the script's statements run; a relative
    /// path is relative to the script's folder. A module that cannot be found is the parser's
    /// `ModuleNotFoundDuringParse` error, so nothing of the script runs.
    pub(crate) fn using_module(&mut self, name: &str, span: Span) -> super::eval::EvalResult<()> {
        let path = match &self.file {
            Some(f) if name.starts_with('.') => {
                format!("{}\\{}", super::scripts::script_folder(f), name)
            }
            _ => name.to_string(),
        };
        let req = ModuleImport { name: path, ..Default::default() };
        let mut verbose = Vec::new();
        let found = match self.import_module_file(&req, &mut verbose) {
            Some(Ok(_)) => true,
            Some(Err(CmdletError::Unwind(f))) => match f.downcast::<Flow>() {
                Ok(f) => return Err(*f),
                Err(_) => false,
            },
            Some(Err(_)) => false,
            None => crate::cmdlet::modules::installed(name) || self.session.has_module(name),
        };
        if found {
            return Ok(());
        }
        let e =
            syntax::ParseError::new(format!("Could not find the module '{name}'."), "ModuleNotFoundDuringParse", span);
        let record = super::errors::parse_error_record(&e, &self.source, self.file.as_deref());
        Err(Flow::Error(Box::new(super::errors::RuntimeError { record, thrown: Value::Null, fatal: true })))
    }

    /// Export-ModuleMember from the module body running now.
    pub(crate) fn export_module_member(&mut self, ex: &ModuleExports) -> bool {
        let Some(slot) = self.modules.exporting.last_mut() else { return false };
        if self.modules.current.is_none() {
            return false;
        }
        let merged = slot.get_or_insert_with(ModuleExports::default);
        let add = |into: &mut Option<Vec<String>>, from: &Option<Vec<String>>| {
            if let Some(f) = from {
                into.get_or_insert_with(Vec::new).extend(f.iter().cloned());
            }
        };
        add(&mut merged.functions, &ex.functions);
        add(&mut merged.variables, &ex.variables);
        add(&mut merged.aliases, &ex.aliases);
        add(&mut merged.cmdlets, &ex.cmdlets);
        true
    }

    /// Remove-Module: the module's functions and variables leave the session.
    pub(crate) fn remove_script_module(&mut self, name: &str) -> bool {
        let Some(i) = self.modules.list.iter().position(|m| wildcard_match(name, &m.name, false)) else {
            return false;
        };
        let m = self.modules.list.remove(i);
        for f in &m.imported_functions {
            if self.scopes.function(f).is_some_and(|x| x.module.as_deref() == Some(&*m.name)) {
                self.scopes.remove_global_function(f);
            }
        }
        for v in &m.exported_variables {
            self.scopes.remove_in_frame(0, v);
        }
        for a in &m.exported_aliases {
            crate::cmdlet::AliasStore::remove_alias(&mut self.scopes, 0, a);
        }
        for n in &m.nested {
            if let Some(j) = self.modules.list.iter().position(|x| x.name.eq_ignore_ascii_case(n)) {
                self.modules.list.remove(j);
            }
        }
        true
    }

    /// A module's PSModuleInfo.
    pub(crate) fn module_info(&self, i: usize) -> Value {
        let m = &self.modules.list[i];
        let mut o = PsObject::new(&["System.Management.Automation.PSModuleInfo", "System.Object"]);
        let mut commands = m.imported_functions.clone();
        commands.sort_by_key(|c| c.to_ascii_lowercase());
        let commands: Vec<Value> = commands.iter().map(Value::str).collect();
        o.set("ModuleType", Value::str(m.kind));
        let version = crate::value::dotnet::Version::parse(&m.version);
        o.set("Version", version.map(Value::Version).unwrap_or_else(|| Value::str(&m.version)));
        o.set("Name", Value::str(m.name.as_ref()));
        o.set("ExportedCommands", Value::array(commands.clone()));
        o.set("ExportedFunctions", Value::array(commands));
        o.set("ExportedVariables", Value::array(m.exported_variables.iter().map(Value::str).collect()));
        o.set("ExportedAliases", Value::array(m.exported_aliases.iter().map(Value::str).collect()));
        o.set("Path", Value::str(&m.path));
        o.set("ModuleBase", Value::str(&m.base));
        o.set("Description", Value::str(&m.description));
        o.set("RequiredModules", Value::array(m.required.iter().map(Value::str).collect()));
        o.set("NestedModules", Value::array(m.nested.iter().map(Value::str).collect()));
        o.display = Some(m.name.clone());
        Value::object(o)
    }

    /// The PSModuleInfo of the module a function belongs to.
    pub(crate) fn module_of_function(&self, func: &Function) -> Value {
        let Some(name) = &func.module else { return Value::Null };
        match self.modules.list.iter().position(|m| m.name.eq_ignore_ascii_case(name)) {
            Some(i) => self.module_info(i),
            None => Value::Null,
        }
    }

    /// Imported script modules (or, `available`, the modules the module folders hold).
    pub(crate) fn script_module_infos(&mut self, available: bool) -> Vec<Value> {
        if !available {
            return (0..self.modules.list.len()).map(|i| self.module_info(i)).collect();
        }
        let mut out = Vec::new();
        for root in MODULE_PATH {
            let Some(r) = WinPath::absolute(root) else { continue };
            let Ok(items) = self.host.files().list(&r) else { continue };
            for item in items.into_iter().filter(|i| i.is_dir) {
                let name = item.path.name().to_string();
                if self.find_module_file(&item.path.to_string()).is_none() {
                    continue;
                }
                let mut o = PsObject::new(&["System.Management.Automation.PSModuleInfo", "System.Object"]);
                o.set("ModuleType", Value::str("Script"));
                o.set(
                    "Version",
                    crate::value::dotnet::Version::parse("0.0").map(Value::Version).unwrap_or(Value::Null),
                );
                o.set("Name", Value::str(&name));
                o.set("ExportedCommands", Value::array(Vec::new()));
                o.set("ModuleBase", Value::str(item.path.to_string()));
                o.display = Some(Rc::from(name.as_str()));
                out.push(Value::object(o));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(name: &str) -> Function {
        let body = crate::syntax::parse("'x'").map(|s| ScriptBlock {
            param_block: None,
            begin: None,
            process: None,
            end: s.statements,
            text: "'x'".into(),
            span: s.span,
        });
        Function {
            name: Rc::from(name),
            body: Rc::new(body.expect("parses")),
            source: Rc::from(""),
            file: None,
            dot: false,
            script: false,
            invoked_as: None,
            module: None,
        }
    }

    #[test]
    fn functions_live_in_their_scope_and_modules_hide_the_callers() {
        let mut s = super::super::scope::Scopes::new();
        s.define_function(Some("global"), func("Get-Global"));
        s.push();
        s.define_function(None, func("Local-Fn"));
        s.set_local("callerVar", Value::Int(1));
        assert!(s.function("local-fn").is_some());
        let stash = s.enter_module(Frame::default());
        assert!(s.function("Local-Fn").is_none(), "a module does not see the caller's functions");
        assert!(s.get(None, "callerVar").is_none(), "nor its variables");
        assert!(s.function("Get-Global").is_some());
        s.define_function(Some("script"), func("Private-Helper"));
        let module = s.leave_module(stash);
        assert!(module.functions.contains_key("private-helper"));
        assert!(s.function("Private-Helper").is_none());
        assert_eq!(s.function("local-fn").map(|f| f.name.to_string()), Some("Local-Fn".into()));
        s.truncate(1);
        assert!(s.function("Local-Fn").is_none(), "gone with its scope");
    }

    #[test]
    fn prefixes_go_before_the_noun() {
        assert_eq!(prefixed("Get-Thing", Some("My")), "Get-MyThing");
        assert_eq!(prefixed("helper", Some("My")), "Myhelper");
        assert_eq!(prefixed("Get-Thing", None), "Get-Thing");
    }
}
