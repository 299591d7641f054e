//! Variable scopes: global, script, and one per function or `& { }` call.

use std::collections::HashMap;
use std::rc::Rc;

use crate::value::Value;

/// One scope's variables: lower-case name to the variable.
pub(crate) type Frame = HashMap<String, Var>;

/// A variable: its name as written, its value, and the type it is constrained to
/// (`[int]$x = 5` keeps converting what is assigned later).
#[derive(Clone)]
pub(crate) struct Var {
    pub name: String,
    pub value: Value,
    pub ty: Option<Rc<str>>,
}

/// The scope stack. Index 0 is global; `script_base` marks the current script scope.
pub(crate) struct Scopes {
    frames: Vec<Frame>,
    script_frames: Vec<usize>,
}

impl Scopes {
    pub fn new() -> Self {
        Scopes { frames: vec![HashMap::new()], script_frames: Vec::new() }
    }

    pub fn push(&mut self) {
        self.frames.push(HashMap::new());
    }

    pub fn push_script(&mut self) {
        self.push();
        self.script_frames.push(self.frames.len() - 1);
    }

    pub fn pop_script(&mut self) {
        if let Some(i) = self.script_frames.pop() {
            self.frames.truncate(i.max(1));
        }
    }

    /// Takes the innermost frame off the stack (a streaming function's variables between its steps).
    pub fn pop_frame(&mut self) -> Option<Frame> {
        if self.frames.len() > 1 { self.frames.pop() } else { None }
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
                Some(var) => var.value = v,
                None => {
                    f.insert(name.to_ascii_lowercase(), Var { name: name.to_string(), value: v, ty: None });
                }
            }
        }
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
        for f in self.frames.iter_mut().rev() {
            if f.remove(&key).is_some() {
                return;
            }
        }
    }

    /// Removes a variable from the innermost frame only.
    pub fn remove_local(&mut self, name: &str) {
        if let Some(f) = self.frames.last_mut() {
            f.remove(&name.to_ascii_lowercase());
        }
    }

    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.frames {
            for Var { name: n, .. } in f.values() {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                    out.push(n.clone());
                }
            }
        }
        out.sort_by_key(|a| a.to_ascii_lowercase());
        out
    }
}
