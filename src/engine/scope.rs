//! Variable scopes: global, script, and one per function or `& { }` call.

use std::collections::HashMap;
use std::rc::Rc;

use super::Function;
use crate::cmdlet::AliasEntry;
use crate::cmdlet::variable_options::PRIVATE;
use crate::value::Value;

/// One scope: its variables (lower-case name to the variable) and the functions defined in it
/// (lower-case name to the function), which live and die with the scope, as in PowerShell.
#[derive(Default)]
pub(crate) struct Frame {
    vars: HashMap<String, Var>,
    pub functions: HashMap<String, Function>,
    /// The aliases defined in this scope (lower-case name to the alias).
    pub aliases: HashMap<String, AliasEntry>,
}

impl std::ops::Deref for Frame {
    type Target = HashMap<String, Var>;
    fn deref(&self) -> &Self::Target {
        &self.vars
    }
}

impl std::ops::DerefMut for Frame {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.vars
    }
}

/// True for the `env:NAME` entries `$env:NAME = …` keeps in the global frame.
fn is_env(name: &str) -> bool {
    name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("env:"))
}

/// The scopes a module function call set aside while it runs in its module's own scopes
/// ([`Scopes::enter_module`]).
pub(crate) struct ModuleStash {
    frames: Vec<Frame>,
    script_frames: Vec<usize>,
}

/// A variable: its name as written, its value, and the type it is constrained to
/// (`[int]$x = 5` keeps converting what is assigned later).
#[derive(Clone)]
pub(crate) struct Var {
    pub name: String,
    pub value: Value,
    pub ty: Option<Rc<str>>,
    /// The value is `AutomationNull.Value` (an empty pipeline result was assigned): it reads as
    /// `$null` but enumerates to nothing. Any later write clears it.
    pub automation_null: bool,
}

/// The scope stack. Index 0 is global; `script_base` marks the current script scope.
pub(crate) struct Scopes {
    frames: Vec<Frame>,
    script_frames: Vec<usize>,
    /// Options of variables that have any (`ReadOnly`, `Constant`…): frame index, lower-case
    /// name, [`crate::cmdlet::VariableOptions`] bits. Dropped with their frame.
    options: Vec<(usize, String, u32)>,
}

impl Scopes {
    pub fn new() -> Self {
        Scopes { frames: vec![Frame::default()], script_frames: Vec::new(), options: Vec::new() }
    }

    pub fn push(&mut self) {
        self.frames.push(Frame::default());
    }

    pub fn push_script(&mut self) {
        self.push();
        self.script_frames.push(self.frames.len() - 1);
    }

    pub fn pop_script(&mut self) {
        if let Some(i) = self.script_frames.pop() {
            self.frames.truncate(i.max(1));
            self.drop_options();
        }
    }

    fn drop_options(&mut self) {
        let n = self.frames.len();
        self.options.retain(|(i, _, _)| *i < n);
    }

    /// Makes the innermost frame the script scope (a script file called from a script): `$script:`
    /// refers to it until [`Scopes::unmark_script`].
    pub fn mark_script(&mut self) {
        self.script_frames.push(self.frames.len() - 1);
    }

    /// Ends the script scope [`Scopes::mark_script`] began (the frame itself stays).
    pub fn unmark_script(&mut self) {
        self.script_frames.pop();
    }

    /// Takes the innermost frame off the stack (a streaming function's variables between its steps).
    pub fn pop_frame(&mut self) -> Option<Frame> {
        let f = if self.frames.len() > 1 { self.frames.pop() } else { None };
        self.drop_options();
        f
    }

    /// Puts a frame saved by [`Scopes::pop_frame`] back on top of the stack.
    pub fn push_frame(&mut self, f: Frame) {
        self.frames.push(f);
    }

    pub fn depth(&self) -> usize {
        self.frames.len()
    }

    pub fn truncate(&mut self, depth: usize) {
        self.frames.truncate(depth.max(1));
        self.drop_options();
    }

    fn frame_for(&self, scope: Option<&str>) -> usize {
        match scope {
            Some("global") => 0,
            Some("script") => self.script_frames.last().copied().unwrap_or(0),
            _ => self.frames.len() - 1,
        }
    }

    pub fn get(&self, scope: Option<&str>, name: &str) -> Option<Value> {
        let key = name.to_ascii_lowercase();
        match scope {
            Some("global") | Some("script") => {
                self.frames.get(self.frame_for(scope)).and_then(|f| f.get(&key)).map(|v| v.value.clone())
            }
            _ => self.frames.iter().rev().find_map(|f| f.get(&key)).map(|v| v.value.clone()),
        }
    }

    pub fn set(&mut self, scope: Option<&str>, name: &str, v: Value) {
        let i = self.frame_for(scope);
        if let Some(f) = self.frames.get_mut(i) {
            match f.get_mut(&name.to_ascii_lowercase()) {
                Some(var) => {
                    var.value = v;
                    var.automation_null = false;
                }
                None => {
                    f.insert(
                        name.to_ascii_lowercase(),
                        Var { name: name.to_string(), value: v, ty: None, automation_null: false },
                    );
                }
            }
        }
    }

    /// Marks the variable an assignment in `scope` wrote as holding `AutomationNull.Value`.
    pub fn mark_automation_null(&mut self, scope: Option<&str>, name: &str) {
        let i = self.frame_for(scope);
        if let Some(var) = self.frames.get_mut(i).and_then(|f| f.get_mut(&name.to_ascii_lowercase())) {
            var.automation_null = var.value.is_null();
        }
    }

    /// True when the variable a read in `scope` finds holds `AutomationNull.Value`.
    pub fn is_automation_null(&self, scope: Option<&str>, name: &str) -> bool {
        let key = name.to_ascii_lowercase();
        let var = match scope {
            Some("global") | Some("script") => self.frames.get(self.frame_for(scope)).and_then(|f| f.get(&key)),
            _ => self.frames.iter().rev().find_map(|f| f.get(&key)),
        };
        var.is_some_and(|v| v.automation_null)
    }

    /// The type constraint of the variable an assignment in `scope` would write (the
    /// innermost frame unless qualified): a child scope's assignment makes a new, unconstrained
    /// variable, as in PowerShell.
    pub fn constraint(&self, scope: Option<&str>, name: &str) -> Option<Rc<str>> {
        let i = self.frame_for(scope);
        self.frames.get(i)?.get(&name.to_ascii_lowercase())?.ty.clone()
    }

    /// Constrains a variable of the target frame to a type (`[int]$x = …`); the variable must exist.
    pub fn constrain_in(&mut self, scope: Option<&str>, name: &str, ty: &str) {
        let i = self.frame_for(scope);
        if let Some(var) = self.frames.get_mut(i).and_then(|f| f.get_mut(&name.to_ascii_lowercase())) {
            var.ty = Some(Rc::from(ty));
        }
    }

    /// Constrains a variable of the innermost frame.
    pub fn constrain(&mut self, name: &str, ty: &str) {
        self.constrain_in(None, name, ty);
    }

    pub fn set_local(&mut self, name: &str, v: Value) {
        self.set(None, name, v);
    }

    pub fn remove(&mut self, name: &str) {
        let key = name.to_ascii_lowercase();
        for (i, f) in self.frames.iter_mut().enumerate().rev() {
            if f.remove(&key).is_some() {
                self.options.retain(|(fi, n, _)| !(*fi == i && *n == key));
                return;
            }
        }
    }

    /// The frame a `-Scope` argument names: `Global`, `Script`, `Local`, `Private` or a number
    /// counted outward from the current scope.
    pub fn frame_named(&self, scope: &str) -> Result<usize, String> {
        let top = self.frames.len() - 1;
        match scope.to_ascii_lowercase().as_str() {
            "global" => Ok(0),
            "script" => Ok(self.frame_for(Some("script"))),
            "local" | "private" => Ok(top),
            n => match n.parse::<usize>() {
                Ok(k) if k <= top => Ok(top - k),
                Ok(_) => Err(format!("The scope number '{scope}' exceeds the number of active scopes.")),
                Err(_) => Err(format!(
                    "Cannot process argument because the value of argument \"scopeID\" is not valid. Valid scope ID values are \"Global\", \"Local\", \"Script\", \"Private\", or a number that is greater than or equal to 0 and less than {}.",
                    top + 1
                )),
            },
        }
    }

    /// The innermost frame (from `from` outward) that holds `name`.
    pub fn frame_of(&self, name: &str, from: usize) -> Option<usize> {
        let key = name.to_ascii_lowercase();
        (0..=from.min(self.frames.len() - 1)).rev().find(|i| self.frames[*i].contains_key(&key))
    }

    /// A variable in one frame: its name as written and value.
    pub fn in_frame(&self, frame: usize, name: &str) -> Option<(String, Value)> {
        self.frames
            .get(frame)
            .and_then(|f| f.get(&name.to_ascii_lowercase()))
            .map(|v| (v.name.clone(), v.value.clone()))
    }

    /// Sets a variable in one frame.
    pub fn set_in_frame(&mut self, frame: usize, name: &str, v: Value) {
        if let Some(f) = self.frames.get_mut(frame) {
            let key = name.to_ascii_lowercase();
            match f.get_mut(&key) {
                Some(var) => {
                    var.value = v;
                    var.automation_null = false;
                }
                None => {
                    f.insert(key, Var { name: name.to_string(), value: v, ty: None, automation_null: false });
                }
            }
        }
    }

    /// Removes a variable from one frame (and its options).
    pub fn remove_in_frame(&mut self, frame: usize, name: &str) {
        let key = name.to_ascii_lowercase();
        if let Some(f) = self.frames.get_mut(frame) {
            f.remove(&key);
        }
        self.options.retain(|(fi, n, _)| !(*fi == frame && *n == key));
    }

    /// The option bits of a variable in one frame (0 when it has none).
    pub fn options_in_frame(&self, frame: usize, name: &str) -> u32 {
        let key = name.to_ascii_lowercase();
        self.options.iter().find(|(fi, n, _)| *fi == frame && *n == key).map(|(_, _, o)| *o).unwrap_or(0)
    }

    /// Sets the option bits of a variable in one frame.
    pub fn set_options_in_frame(&mut self, frame: usize, name: &str, bits: u32) {
        let key = name.to_ascii_lowercase();
        self.options.retain(|(fi, n, _)| !(*fi == frame && *n == key));
        if bits != 0 {
            self.options.push((frame, key, bits));
        }
    }

    /// True when assigning `name` in the current scope would overwrite a read-only or constant
    /// variable.
    pub fn is_read_only_here(&self, name: &str) -> bool {
        let top = self.frames.len() - 1;
        self.frames[top].contains_key(&name.to_ascii_lowercase()) && self.options_in_frame(top, name) & 3 != 0
    }

    /// Names of the variables visible from a frame, innermost first for duplicates, sorted.
    pub fn names_from(&self, from: usize, only: bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let range = if only { from..=from } else { 0..=from.min(self.frames.len() - 1) };
        for i in range.rev() {
            for Var { name: n, .. } in self.frames[i].values() {
                if !is_env(n) && !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                    out.push(n.clone());
                }
            }
        }
        out.sort_by_key(|a| a.to_ascii_lowercase());
        out
    }

    /// The current frame's index.
    pub fn top(&self) -> usize {
        self.frames.len() - 1
    }

    /// A variable of the innermost frame only.
    pub fn get_local(&self, name: &str) -> Option<Value> {
        self.frames.last().and_then(|f| f.get(&name.to_ascii_lowercase())).map(|v| v.value.clone())
    }

    /// Removes a variable from the innermost frame only.
    pub fn remove_local(&mut self, name: &str) {
        if let Some(f) = self.frames.last_mut() {
            f.remove(&name.to_ascii_lowercase());
        }
    }

    /// The function a name calls: the innermost scope's definition.
    pub fn function(&self, name: &str) -> Option<&Function> {
        let key = name.to_ascii_lowercase();
        self.frames.iter().rev().find_map(|f| f.functions.get(&key))
    }

    /// Defines a function in the scope `scope` names (`global`, `script`, or the current one).
    pub fn define_function(&mut self, scope: Option<&str>, f: Function) {
        let i = self.frame_for(scope);
        if let Some(frame) = self.frames.get_mut(i) {
            frame.functions.insert(f.name.to_ascii_lowercase(), f);
        }
    }

    /// Removes the innermost definition of a function; false when there is none.
    pub fn remove_function(&mut self, name: &str) -> bool {
        let key = name.to_ascii_lowercase();
        self.frames.iter_mut().rev().any(|f| f.functions.remove(&key).is_some())
    }

    /// The names (as written, without `env:`) of the environment variables the session set.
    pub fn env_names(&self) -> Vec<String> {
        self.frames[0]
            .values()
            .filter_map(|v| v.name.get(4..).filter(|_| is_env(&v.name)).map(str::to_string))
            .collect()
    }

    /// Removes a function from the global scope only.
    pub fn remove_global_function(&mut self, name: &str) -> Option<Function> {
        self.frames[0].functions.remove(&name.to_ascii_lowercase())
    }

    /// Every function callable now (the innermost definition of each name).
    pub fn visible_functions(&self) -> Vec<&Function> {
        let mut out: Vec<&Function> = Vec::new();
        for f in self.frames.iter().rev() {
            for func in f.functions.values() {
                if !out.iter().any(|o| o.name.eq_ignore_ascii_case(&func.name)) {
                    out.push(func);
                }
            }
        }
        out
    }

    /// The alias a command name resolves to now: the innermost definition (a private alias only
    /// in its own scope).
    pub fn alias(&self, name: &str) -> Option<&AliasEntry> {
        let key = name.to_ascii_lowercase();
        let top = self.frames.len() - 1;
        self.frames
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, f)| f.aliases.get(&key).filter(|a| i == top || a.options & PRIVATE == 0))
    }

    /// Defines an alias in the scope `scope` names (`global`, `script`, or the current one).
    pub fn define_alias_in(&mut self, scope: Option<&str>, alias: AliasEntry) {
        let i = self.frame_for(scope);
        if let Some(f) = self.frames.get_mut(i) {
            f.aliases.insert(alias.name.to_ascii_lowercase(), alias);
        }
    }

    /// Defines an alias in the global scope (the built-in ones at start-up).
    pub fn define_global_alias(&mut self, alias: AliasEntry) {
        self.frames[0].aliases.insert(alias.name.to_ascii_lowercase(), alias);
    }

    /// Runs in a module's own scopes: the stack becomes the global scope and the module's scope
    /// (its script scope); the caller's scopes wait in the returned stash.
    pub fn enter_module(&mut self, module: Frame) -> ModuleStash {
        let frames = self.frames.split_off(1);
        let script_frames = std::mem::replace(&mut self.script_frames, vec![1]);
        self.frames.push(module);
        ModuleStash { frames, script_frames }
    }

    /// Leaves a module's scopes ([`Scopes::enter_module`]): the caller's come back, the module's
    /// scope is returned to keep.
    pub fn leave_module(&mut self, stash: ModuleStash) -> Frame {
        self.frames.truncate(2);
        let module = if self.frames.len() > 1 { self.frames.pop().unwrap_or_default() } else { Frame::default() };
        self.frames.extend(stash.frames);
        self.script_frames = stash.script_frames;
        self.drop_options();
        module
    }

    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.frames {
            for Var { name: n, .. } in f.values() {
                if !is_env(n) && !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                    out.push(n.clone());
                }
            }
        }
        out.sort_by_key(|a| a.to_ascii_lowercase());
        out
    }
}

impl crate::cmdlet::AliasStore for Scopes {
    fn alias_frame_named(&self, scope: &str) -> Result<usize, String> {
        Scopes::frame_named(self, scope)
    }
    fn alias_top(&self) -> usize {
        Scopes::top(self)
    }
    fn alias_in_frame(&self, frame: usize, name: &str) -> Option<AliasEntry> {
        self.frames.get(frame)?.aliases.get(&name.to_ascii_lowercase()).cloned()
    }
    fn alias_visible(&self, name: &str, from: usize) -> Option<(usize, AliasEntry)> {
        let key = name.to_ascii_lowercase();
        (0..=from.min(self.frames.len() - 1)).rev().find_map(|i| {
            self.frames[i].aliases.get(&key).filter(|a| i == from || a.options & PRIVATE == 0).map(|a| (i, a.clone()))
        })
    }
    fn set_alias(&mut self, frame: usize, alias: AliasEntry) {
        if let Some(f) = self.frames.get_mut(frame) {
            f.aliases.insert(alias.name.to_ascii_lowercase(), alias);
        }
    }
    fn remove_alias(&mut self, frame: usize, name: &str) {
        if let Some(f) = self.frames.get_mut(frame) {
            f.aliases.remove(&name.to_ascii_lowercase());
        }
    }
    fn aliases_from(&self, from: usize, only: bool) -> Vec<AliasEntry> {
        let from = from.min(self.frames.len() - 1);
        let range = if only { from..=from } else { 0..=from };
        let mut out: Vec<AliasEntry> = Vec::new();
        for i in range.rev() {
            for a in self.frames[i].aliases.values() {
                if (i == from || a.options & PRIVATE == 0) && !out.iter().any(|o| o.name.eq_ignore_ascii_case(&a.name))
                {
                    out.push(a.clone());
                }
            }
        }
        out.sort_by_key(|a| a.name.to_ascii_lowercase());
        out
    }
}

impl crate::cmdlet::VariableStore for Scopes {
    fn frame_named(&self, scope: &str) -> Result<usize, String> {
        Scopes::frame_named(self, scope)
    }
    fn top(&self) -> usize {
        Scopes::top(self)
    }
    fn frame_of(&self, name: &str, from: usize) -> Option<usize> {
        Scopes::frame_of(self, name, from)
    }
    fn in_frame(&self, frame: usize, name: &str) -> Option<(String, Value)> {
        Scopes::in_frame(self, frame, name)
    }
    fn set_in_frame(&mut self, frame: usize, name: &str, v: Value) {
        Scopes::set_in_frame(self, frame, name, v)
    }
    fn remove_in_frame(&mut self, frame: usize, name: &str) {
        Scopes::remove_in_frame(self, frame, name)
    }
    fn options_in_frame(&self, frame: usize, name: &str) -> u32 {
        Scopes::options_in_frame(self, frame, name)
    }
    fn set_options_in_frame(&mut self, frame: usize, name: &str, bits: u32) {
        Scopes::set_options_in_frame(self, frame, name, bits)
    }
    fn names_from(&self, from: usize, only: bool) -> Vec<String> {
        Scopes::names_from(self, from, only)
    }
}
