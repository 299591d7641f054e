//! Variable scopes: global, script, and one per function or `& { }` call.

use std::collections::HashMap;

use crate::value::Value;

/// One scope's variables: lower-case name to (name as written, value).
pub(crate) type Frame = HashMap<String, (String, Value)>;

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
                self.frames.get(self.frame_for(scope)).and_then(|f| f.get(&key)).map(|(_, v)| v.clone())
            }
            _ => self.frames.iter().rev().find_map(|f| f.get(&key)).map(|(_, v)| v.clone()),
        }
    }

    pub fn set(&mut self, scope: Option<&str>, name: &str, v: Value) {
        let i = self.frame_for(scope);
        if let Some(f) = self.frames.get_mut(i) {
            f.insert(name.to_ascii_lowercase(), (name.to_string(), v));
        }
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

    /// A variable of the innermost frame only.
    pub fn get_local(&self, name: &str) -> Option<Value> {
        self.frames.last().and_then(|f| f.get(&name.to_ascii_lowercase())).map(|(_, v)| v.clone())
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
            for (n, _) in f.values() {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                    out.push(n.clone());
                }
            }
        }
        out.sort_by_key(|a| a.to_ascii_lowercase());
        out
    }
}
