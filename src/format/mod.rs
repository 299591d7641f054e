//! Output formatting: Out-Default, tables, lists, error records. Depends on `value` only.
//! (Temporary minimal version until the formatting branch lands.)

use std::io::{self, Write};

use crate::value::{ErrorRecord, Value, convert};

/// Options that change default views.
#[derive(Debug, Clone, Copy, Default)]
pub struct ViewOptions {
    /// Exchange Online.
    pub online: bool,
    /// Exchange 2010.
    pub exchange2010: bool,
}

/// A streaming Out-Default.
pub struct OutDefault {
    width: usize,
}

impl OutDefault {
    /// A new session.
    pub fn new(width: usize, _opts: ViewOptions) -> Self {
        OutDefault { width }
    }
    /// Formats one object.
    pub fn object(&mut self, v: &Value, out: &mut dyn Write) -> io::Result<()> {
        let _ = self.width;
        writeln!(out, "{}", convert::to_string(v))
    }
    /// Out-of-band text.
    pub fn text(&mut self, text: &str, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{text}")
    }
    /// Ends the session.
    pub fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Renders an error record.
pub fn render_error(rec: &ErrorRecord, _width: usize) -> String {
    format!("{}{}\n", rec.prefix.clone().unwrap_or_default(), rec.message)
}
