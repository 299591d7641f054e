//! The engine's Out-Default: objects at the end of a top-level pipeline, and out-of-band lines
//! (Write-Host, warnings, What if), rendered by `format` onto the host's output.

use std::io::Write as _;

use crate::format;
use crate::value::{ErrorRecord, Value};

use super::Host;

/// One output session. While a transcript is open (`tee` is Some), everything written to the host
/// is also kept for the transcript file.
pub(crate) struct Output {
    inner: format::OutDefault,
    pub tee: Option<Vec<u8>>,
}

/// Writes to the host and, while transcribing, to the tee buffer.
struct Tee<'a> {
    host: &'a mut dyn std::io::Write,
    tee: Option<&'a mut Vec<u8>>,
}

impl std::io::Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.host.write(buf)?;
        if let Some(t) = self.tee.as_mut() {
            t.extend_from_slice(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.host.flush()
    }
}

impl Output {
    pub fn new(width: usize, online: bool, exchange2010: bool) -> Self {
        Output { inner: format::OutDefault::new(width, format::ViewOptions { online, exchange2010 }), tee: None }
    }

    /// How error records written as objects print from now on.
    pub fn set_error_style(&mut self, style: format::ErrorStyle) {
        self.inner.set_error_style(style);
    }

    pub fn object(&mut self, v: &Value, host: &mut dyn Host) {
        let mut w = Tee { host: host.out(), tee: self.tee.as_mut() };
        let _ = self.inner.object(v, &mut w);
    }

    pub fn text(&mut self, text: &str, host: &mut dyn Host) {
        let mut w = Tee { host: host.out(), tee: self.tee.as_mut() };
        let _ = self.inner.text(text, &mut w);
        let _ = w.flush();
    }

    pub fn finish(&mut self, host: &mut dyn Host) {
        let mut w = Tee { host: host.out(), tee: self.tee.as_mut() };
        let _ = self.inner.finish(&mut w);
        let _ = w.flush();
    }
}

/// The console text of an error record in an `$ErrorView` style.
pub(crate) fn render_error(rec: &ErrorRecord, width: usize, style: format::ErrorStyle) -> String {
    format::render_error_in(rec, width, style)
}
