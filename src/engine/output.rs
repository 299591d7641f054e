//! The engine's Out-Default: objects at the end of a top-level pipeline, and out-of-band lines
//! (Write-Host, warnings, What if), rendered by `format` onto the host's output.

use crate::format;
use crate::value::{ErrorRecord, Value};

use super::Host;

/// One output session.
pub(crate) struct Output {
    inner: format::OutDefault,
}

impl Output {
    pub fn new(width: usize, online: bool, exchange2010: bool) -> Self {
        Output { inner: format::OutDefault::new(width, format::ViewOptions { online, exchange2010 }) }
    }

    pub fn object(&mut self, v: &Value, host: &mut dyn Host) {
        let w = host.out();
        let _ = self.inner.object(v, w);
    }

    pub fn text(&mut self, text: &str, host: &mut dyn Host) {
        let w = host.out();
        let _ = self.inner.text(text, w);
        let _ = w.flush();
    }

    pub fn finish(&mut self, host: &mut dyn Host) {
        let w = host.out();
        let _ = self.inner.finish(w);
        let _ = w.flush();
    }
}

/// The console text of an error record.
pub(crate) fn render_error(rec: &ErrorRecord, width: usize) -> String {
    format::render_error(rec, width)
}
