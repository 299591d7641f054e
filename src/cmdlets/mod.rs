//! Cmdlet implementations, registered in one alphabetical list.

pub mod exchange;
#[cfg(test)]
pub mod testing;
