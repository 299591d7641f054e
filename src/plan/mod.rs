//! The plan: what a run would change in the org (`exsh --plan`) or what differs between two org
//! files (`exsh --diff`), as text for people and as versioned JSON for CI (docs/plan.md).
//!
//! The differences come from `directory::diff` (the state before against the state a normal run
//! would save) and the access consequences from `directory::access_diff` (the one access model,
//! asked before and after); this layer only renders them. It depends on `directory` alone and
//! does no I/O: `main.rs` prints the text and writes the JSON file.

pub mod json;
pub mod text;

use crate::directory::Directory;
use crate::directory::access_diff::{AccessChange, access_changes};
use crate::directory::diff::{Difference, counts, diff};

/// The version of the plan JSON (`formatVersion`); bump it when a field changes meaning or goes.
pub const FORMAT_VERSION: u32 = 1;

/// Where a plan comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `exsh --plan`: a run that saved nothing.
    Run,
    /// `exsh --diff A B`: two org files, by the names given.
    Files(String, String),
}

/// Every net change and its access consequences.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Where it comes from.
    pub source: Source,
    /// The net changes, grouped by object.
    pub changes: Vec<Difference>,
    /// Who gains or loses what.
    pub access: Vec<AccessChange>,
}

impl Plan {
    /// The plan from `before` to `after`.
    pub fn between(source: Source, before: &Directory, after: &Directory) -> Plan {
        let changes = diff(before, after);
        let access = if changes.is_empty() { Vec::new() } else { access_changes(before, after) };
        Plan { source, changes, access }
    }

    /// Adds, changes and removes (implied changes not counted).
    pub fn counts(&self) -> (usize, usize, usize) {
        counts(&self.changes)
    }

    /// True when the plan changes anything.
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }
}
