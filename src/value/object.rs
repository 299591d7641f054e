//! `PsObject` (ordered, case-insensitive properties plus type names) and `Hashtable`.

use std::rc::Rc;

use indexmap::IndexMap;

use super::Value;
use super::buckets::Buckets;
use super::convert;
use super::nls;

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
    /// verbatim when it reaches Out-Default, Out-String or Out-File; no property shows it. Other
    /// objects that carry their own layout (Get-Help's help objects) print it as their display.
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

/// How an unordered hashtable's keys are hashed into its .NET bucket array, which decides the
/// order it enumerates in (docs/reference/types.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyHash {
    /// `StringComparer.CurrentCultureIgnoreCase` (en-US): `@{}` literals.
    CultureIgnoreCase,
    /// The default comparer (`String.GetHashCode`): `New-Object hashtable`, `[hashtable]::new()`,
    /// `[hashtable]` of another dictionary.
    Default,
}

/// A hashtable: keys compare case-insensitively when they are strings (as PowerShell's `@{}`).
#[derive(Clone, Default, Debug)]
pub struct Hashtable {
    map: IndexMap<String, (Value, Value)>,
    /// `[ordered]` (an OrderedDictionary).
    pub ordered: bool,
    /// For a .NET Hashtable: its bucket layout and comparer, which give the enumeration order.
    /// Without it (dictionaries exsh builds whose order it fixes itself, ordered ones) entries
    /// enumerate in insertion order.
    layout: Option<(Buckets, KeyHash)>,
}

impl Hashtable {
    /// An empty dictionary that enumerates in insertion order.
    pub fn new() -> Self {
        Hashtable::default()
    }

    /// `new Hashtable(capacity, comparer)`: enumerates in .NET bucket order.
    pub fn dotnet(capacity: usize, hash: KeyHash) -> Self {
        Hashtable { map: IndexMap::new(), ordered: false, layout: Some((Buckets::with_capacity(capacity), hash)) }
    }

    /// `[ordered]@{}`.
    pub fn new_ordered() -> Self {
        Hashtable { ordered: true, ..Hashtable::default() }
    }

    /// Makes this an `[ordered]` dictionary (insertion order from here on).
    pub fn make_ordered(&mut self) {
        self.ordered = true;
        self.layout = None;
    }

    /// A .NET Hashtable (`comparer`, `capacity` = the entry count) holding these entries, added in
    /// this one's enumeration order: `new Hashtable(IDictionary)` and `Hashtable.Clone()`.
    pub fn to_dotnet(&self, hash: KeyHash) -> Hashtable {
        let mut n = Hashtable::dotnet(self.len(), hash);
        for (k, v) in self.iter() {
            n.insert(k.clone(), v.clone());
        }
        n
    }

    /// The comparer of a .NET Hashtable (None for insertion-ordered dictionaries).
    pub fn key_hash(&self) -> Option<KeyHash> {
        self.layout.as_ref().map(|(_, h)| *h)
    }

    fn key_of(k: &Value) -> String {
        match k {
            Value::Str(s) => format!("s:{}", s.to_lowercase()),
            Value::Int(i) => format!("i:{i}"),
            // Int64 5 and Int32 5 are different keys (Int32.Equals(Int64) is false).
            Value::Long(i) => format!("l:{i}"),
            other => format!("s:{}", convert::to_string(other).to_lowercase()),
        }
    }

    /// The key's hash code under the comparer (`obj.GetHashCode()` for keys that are not strings).
    fn hash_code(k: &Value, hash: KeyHash) -> i32 {
        let text = |s: &str| match hash {
            KeyHash::CultureIgnoreCase => nls::culture_ignore_case_hash(s),
            KeyHash::Default => nls::ordinal_hash(s),
        };
        match k {
            Value::Str(s) => text(s),
            // Int32.GetHashCode is the value; Int64's folds the halves.
            Value::Int(i) => match i32::try_from(*i) {
                Ok(v) => v,
                Err(_) => (*i as i32) ^ ((*i >> 32) as i32),
            },
            Value::Long(i) => (*i as i32) ^ ((*i >> 32) as i32),
            Value::Bool(b) => i32::from(*b),
            Value::Char(c) => {
                let u = (*c as u32) & 0xffff;
                (u | (u << 16)) as i32
            }
            Value::Double(d) => {
                if *d == 0.0 {
                    0
                } else {
                    let bits = d.to_bits();
                    (bits as i32) ^ ((bits >> 32) as i32)
                }
            }
            other => text(&convert::to_string(other)),
        }
    }

    /// Inserts or replaces.
    pub fn insert(&mut self, k: Value, v: Value) {
        let key = Self::key_of(&k);
        if let Some(slot) = self.map.get_mut(&key) {
            slot.1 = v;
        } else {
            if let Some((buckets, hash)) = &mut self.layout {
                buckets.insert(&key, Self::hash_code(&k, *hash));
            }
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
        let key = Self::key_of(k);
        if let Some((stored, _)) = self.map.shift_remove(&key) {
            if let Some((buckets, hash)) = &mut self.layout {
                buckets.remove(&key, Self::hash_code(&stored, *hash));
            }
        }
    }

    /// Removes every entry (a .NET Hashtable keeps its bucket count).
    pub fn clear(&mut self) {
        self.map.clear();
        if let Some((buckets, _)) = &mut self.layout {
            buckets.clear();
        }
    }

    /// Entries in enumeration order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (&Value, &Value)> + '_> {
        match &self.layout {
            None => Box::new(self.map.values().map(|(k, v)| (k, v))),
            Some((buckets, _)) => Box::new(buckets.order().filter_map(|key| self.map.get(key).map(|(k, v)| (k, v)))),
        }
    }

    /// Keys in enumeration order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    /// Values in enumeration order.
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
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
