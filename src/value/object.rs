//! `PsObject` (ordered, case-insensitive properties plus type names) and `Hashtable`.

use std::rc::Rc;

use indexmap::IndexMap;

use super::Value;
use super::convert;

/// A PowerShell object: Exchange presentation objects, `[PSCustomObject]`s and CSV rows.
#[derive(Clone, Default, Debug)]
pub struct PsObject {
    /// `PSObject.TypeNames`, most derived first. `type_names[0]` picks the default view.
    pub type_names: Vec<Rc<str>>,
    props: Vec<(Rc<str>, Value)>,
    /// What `ToString()` returns, when it is not the PSCustomObject default (e.g. an ADObjectId
    /// prints its canonical name).
    pub display: Option<Rc<str>>,
    /// Properties that exist but are not listed (a script class's `hidden` members): `get` and
    /// `set` reach them, `iter`, `names` and formatting do not.
    hidden: Vec<(Rc<str>, Value)>,
    /// The text a formatting object (what Format-Table, Format-List and Format-Wide emit) prints
    /// verbatim when it reaches Out-Default, Out-String or Out-File; no property shows it.
    pub format_text: Option<Rc<str>>,
}

impl PsObject {
    /// An empty object with the given type names (most derived first).
    pub fn new(type_names: &[&str]) -> Self {
        PsObject {
            type_names: type_names.iter().map(|s| Rc::from(*s)).collect(),
            props: Vec::new(),
            display: None,
            hidden: Vec::new(),
            format_text: None,
        }
    }

    /// An empty `[PSCustomObject]`.
    pub fn custom() -> Self {
        PsObject::new(&["System.Management.Automation.PSCustomObject", "System.Object"])
    }

    /// Adds or replaces a property, keeping the original position when replacing.
    pub fn set(&mut self, name: &str, value: Value) {
        if let Some(slot) = self.hidden.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            slot.1 = value;
            return;
        }
        if let Some(slot) = self.props.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            slot.1 = value;
        } else {
            self.props.push((Rc::from(name), value));
        }
    }

    /// Adds a property before all others (or moves an existing one there).
    pub fn set_first(&mut self, name: &str, value: Value) {
        self.remove(name);
        self.props.insert(0, (Rc::from(name), value));
    }

    /// Builder form of [`PsObject::set`].
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.set(name, value.into());
        self
    }

    /// A property value by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.props.iter().chain(self.hidden.iter()).find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone())
    }

    /// Adds a hidden property (see the `hidden` field).
    pub fn set_hidden(&mut self, name: &str, value: Value) {
        self.remove(name);
        self.hidden.push((Rc::from(name), value));
    }

    /// True when the property exists.
    pub fn has(&self, name: &str) -> bool {
        self.props.iter().chain(self.hidden.iter()).any(|(k, _)| k.eq_ignore_ascii_case(name))
    }

    /// The property's name as declared (its canonical case).
    pub fn canonical_name(&self, name: &str) -> Option<Rc<str>> {
        self.props.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(k, _)| k.clone())
    }

    /// Properties in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.props.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// Property names in order.
    pub fn names(&self) -> Vec<Rc<str>> {
        self.props.iter().map(|(k, _)| k.clone()).collect()
    }

    /// Number of properties.
    pub fn len(&self) -> usize {
        self.props.len()
    }

    /// True when there are no properties.
    pub fn is_empty(&self) -> bool {
        self.props.is_empty()
    }

    /// Removes a property.
    pub fn remove(&mut self, name: &str) {
        self.props.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.hidden.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }
}

/// A hashtable: keys compare case-insensitively when they are strings (as PowerShell's `@{}`).
#[derive(Clone, Default, Debug)]
pub struct Hashtable {
    map: IndexMap<String, (Value, Value)>,
    /// `[ordered]` (an OrderedDictionary). Plain hashtables are printed in insertion order as well,
    /// which is deterministic where .NET's hash order is not.
    pub ordered: bool,
}

impl Hashtable {
    /// An empty hashtable.
    pub fn new() -> Self {
        Hashtable::default()
    }

    fn key_of(k: &Value) -> String {
        match k {
            Value::Str(s) => format!("s:{}", s.to_lowercase()),
            Value::Int(i) => format!("i:{i}"),
            other => format!("s:{}", convert::to_string(other).to_lowercase()),
        }
    }

    /// Inserts or replaces.
    pub fn insert(&mut self, k: Value, v: Value) {
        let key = Self::key_of(&k);
        if let Some(slot) = self.map.get_mut(&key) {
            slot.1 = v;
        } else {
            self.map.insert(key, (k, v));
        }
    }

    /// Looks a key up.
    pub fn get(&self, k: &Value) -> Option<Value> {
        self.map.get(&Self::key_of(k)).map(|(_, v)| v.clone())
    }

    /// True when the key exists.
    pub fn contains_key(&self, k: &Value) -> bool {
        self.map.contains_key(&Self::key_of(k))
    }

    /// Removes a key.
    pub fn remove(&mut self, k: &Value) {
        self.map.shift_remove(&Self::key_of(k));
    }

    /// Entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.values().map(|(k, v)| (k, v))
    }

    /// Keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.map.values().map(|(k, _)| k.clone()).collect()
    }

    /// Values in order.
    pub fn values(&self) -> Vec<Value> {
        self.map.values().map(|(_, v)| v.clone()).collect()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
