//! The interactive shell (rustyline).
