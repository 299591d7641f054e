//! Persistence of the org file. The only module that touches it. Depends on `directory`.

pub mod json;
pub mod schema;
