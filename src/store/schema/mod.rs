//! The org file's on-disk schema: the only serde types in exsh, and their conversions to and
//! from [`Directory`].
//!
//! The DTOs mirror the directory model field by field, with readable names: enums and rights are
//! written as their Exchange names (`"UserMailbox"`, `["FullAccess", "ReadPermission"]`), so the
//! file can be read, diffed and hand-edited. Decoding validates everything (enum names, right
//! names, unique Guids and SIDs, references between objects) and reports the first problem with
//! its location in the file (`recipients[1] (Karen Berg).database`); it never panics.
//! This module does no I/O; `store` reads and writes the bytes.
//!
//! Split by direction: [`dto`] holds the serde types, `to_dto` encodes a directory, `from_dto`
//! decodes and validates a file's content, `validate` checks a directory before it is written;
//! this module turns bytes into a directory and back.

mod dto;
mod from_dto;
#[cfg(test)]
mod tests;
mod to_dto;
mod validate;

use std::fmt;

use crate::directory::Directory;

pub use super::names::{SCHEMA_VERSION, flag_names, folder_right_names};
pub use dto::*;
pub use from_dto::{from_dto, from_dto_owned};
pub use to_dto::to_dto;
pub use validate::validate;

/// Why an org file's content cannot be turned into a [`Directory`]: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// Where in the file, as a path of keys and indexes (`recipients[1] (Karen Berg).database`);
    /// empty for the whole file.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

impl std::error::Error for SchemaError {}

fn err(location: &str, message: impl Into<String>) -> SchemaError {
    SchemaError { location: location.to_string(), message: message.into() }
}

// ---------------------------------------------------------------------------------------------
// Bytes.
// ---------------------------------------------------------------------------------------------

/// Why bytes could not be decoded into a directory.
#[derive(Debug)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape (unknown key, wrong type); serde's error carries the
    /// line and column.
    Json(serde_json::Error),
    /// No `schemaVersion` key.
    MissingVersion,
    /// `schemaVersion` is not a non-negative integer (its JSON text).
    BadVersion(String),
    /// A schema version this exsh does not read.
    UnsupportedVersion(u64),
    /// Valid JSON of the right shape, but a name or reference is wrong.
    Schema(SchemaError),
}

/// Decodes an org file's bytes: checks `schemaVersion` first, then the shape, then the content.
pub fn decode(bytes: &[u8]) -> Result<Directory, DecodeError> {
    // One pass when the file is well-formed; the version probe only classifies a failure, so a
    // file from a newer exsh is reported as such rather than as unknown keys.
    let parsed = serde_json::from_slice::<OrgFileDto>(bytes);
    let version = match &parsed {
        Ok(dto) if dto.schema_version == SCHEMA_VERSION => VersionCheck::Supported,
        Ok(dto) => VersionCheck::Unsupported(dto.schema_version),
        Err(_) => probe_version(bytes).map_err(DecodeError::Json)?,
    };
    match version {
        VersionCheck::Supported => {}
        VersionCheck::Missing => return Err(DecodeError::MissingVersion),
        VersionCheck::NotANumber(t) => return Err(DecodeError::BadVersion(t)),
        VersionCheck::Unsupported(v) => return Err(DecodeError::UnsupportedVersion(v)),
    }
    from_dto_owned(parsed.map_err(DecodeError::Json)?).map_err(DecodeError::Schema)
}

/// Files up to this size are read back in full after encoding, as a last check; bigger ones are
/// checked with [`validate`] only, since reading back costs more than the rest of a save.
pub const READ_BACK_LIMIT: usize = 1 << 20;

/// Encodes a directory as the org file's bytes: pretty-printed JSON in a fixed key order, with
/// short lists and permission entries on one line (see [`super::json`]), ending in a newline;
/// mailboxes in the compact form (see [`super::defaults`]). Fails only if the result would not
/// decode (a model value with no valid spelling, a duplicate Guid or SID, a reference to a
/// missing recipient), so a file this function produced can always be read back.
pub fn encode(dir: &Directory) -> Result<Vec<u8>, SchemaError> {
    validate(dir)?;
    let text = super::writer::render(dir);
    if text.len() <= READ_BACK_LIMIT {
        decode(text.as_bytes()).map_err(|e| match e {
            DecodeError::Schema(e) => e,
            other => err("", format!("cannot encode the organization: {other:?}")),
        })?;
    }
    Ok(text.into_bytes())
}
