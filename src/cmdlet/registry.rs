//! The command table: cmdlets by case-insensitive name, and aliases.

use std::collections::HashMap;
use std::rc::Rc;

use super::{Cmdlet, Signature};

/// A registered cmdlet with its signature computed once.
pub struct Entry {
    /// The declaration.
    pub signature: Signature,
    /// The implementation.
    pub cmdlet: Rc<dyn Cmdlet>,
}

/// All commands exsh knows.
#[derive(Default)]
pub struct Registry {
    entries: Vec<Rc<Entry>>,
    by_name: HashMap<String, usize>,
    aliases: Vec<(&'static str, &'static str)>,
    alias_options: Vec<u32>,
    alias_map: HashMap<String, usize>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// Registers a cmdlet; a later registration of the same name replaces the earlier one.
    pub fn add(&mut self, cmdlet: Box<dyn Cmdlet>) {
        let signature = cmdlet.signature();
        let key = signature.name.to_ascii_lowercase();
        let entry = Rc::new(Entry { signature, cmdlet: Rc::from(cmdlet) });
        if let Some(&i) = self.by_name.get(&key) {
            self.entries[i] = entry;
        } else {
            self.by_name.insert(key, self.entries.len());
            self.entries.push(entry);
        }
    }

    /// Registers an alias (`?` → `Where-Object`). The target must be registered first.
    pub fn alias(&mut self, alias: &'static str, target: &'static str) {
        self.alias_with_options(alias, target, 0);
    }

    /// Registers a built-in alias with its [`super::variable_options`] bits (5.1 makes most
    /// `ReadOnly, AllScope`).
    pub fn alias_with_options(&mut self, alias: &'static str, target: &'static str, options: u32) {
        if let Some(&i) = self.by_name.get(&target.to_ascii_lowercase()) {
            self.alias_map.insert(alias.to_ascii_lowercase(), i);
            self.aliases.push((alias, target));
            self.alias_options.push(options);
        }
    }

    /// Looks a cmdlet up by its own name only (aliases are the session's: the engine resolves
    /// them through its scopes first).
    pub fn get_cmdlet(&self, name: &str) -> Option<Rc<Entry>> {
        self.by_name.get(&name.to_ascii_lowercase()).map(|&i| self.entries[i].clone())
    }

    /// The built-in aliases with their option bits, in registration order.
    pub fn builtin_aliases(&self) -> impl Iterator<Item = (&'static str, &'static str, u32)> + '_ {
        self.aliases.iter().zip(&self.alias_options).map(|(&(a, t), &o)| (a, t, o))
    }

    /// Looks a command up by name or alias.
    pub fn get(&self, name: &str) -> Option<Rc<Entry>> {
        let key = name.to_ascii_lowercase();
        self.by_name.get(&key).or_else(|| self.alias_map.get(&key)).map(|&i| self.entries[i].clone())
    }

    /// Every cmdlet, in registration order.
    pub fn entries(&self) -> impl Iterator<Item = &Rc<Entry>> {
        self.entries.iter()
    }

    /// Every alias with its target.
    pub fn aliases(&self) -> &[(&'static str, &'static str)] {
        &self.aliases
    }
}
