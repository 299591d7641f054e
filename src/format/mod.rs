//! Output formatting: Out-Default, tables, lists, error records. Depends on `value` only.
