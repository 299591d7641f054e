//! exsh: the Exchange Management Shell, offline.
//!
//! Layers, lowest first (each may use only those before it; `tests/layering.rs` checks this):
//! `syntax` → `value` → `format` → `directory` → `store` / `plan` → `cmdlet` → `engine` → `cmdlets` → `repl`.
//! See ARCHITECTURE.md for the codemap and invariants.

pub mod cmdlet;
pub mod cmdlets;
pub mod directory;
pub mod engine;
pub mod format;
pub mod plan;
pub mod repl;
pub mod store;
pub mod syntax;
pub mod value;
