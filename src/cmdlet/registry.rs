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
        if let Some(&i) = self.by_name.get(&target.to_ascii_lowercase()) {
            self.alias_map.insert(alias.to_ascii_lowercase(), i);
            self.aliases.push((alias, target));
        }
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
