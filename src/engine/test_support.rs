//! Helpers for the engine's unit tests: a fresh engine (no cmdlets, the sample org, an in-memory
//! host) and a script's output objects.

use super::{BufferHost, Engine};
use crate::cmdlet::Registry;
use crate::directory::{Directory, ExchangeVersion};
use crate::value::{Value, convert};

/// A fresh engine over the 2019 sample org, with no cmdlets registered.
pub(crate) fn engine() -> Engine {
    Engine::new(Box::new(BufferHost::default()), Registry::new(), Directory::sample(ExchangeVersion::Exchange2019))
}

/// What `src` writes to the pipeline, or the message of the error that stopped it.
pub(crate) fn run(src: &str) -> Result<Vec<Value>, String> {
    let mut en = engine();
    let script = crate::syntax::parse(src).map_err(|e| e.message.clone())?;
    en.source = std::rc::Rc::from(src);
    en.capture(|e| e.exec_block(&script.statements)).map_err(|f| match f {
        super::Flow::Error(e) => e.record.message.clone(),
        _ => "flow".to_string(),
    })
}

/// The output objects of `src` as strings (`ToString()`), or the error's message.
pub(crate) fn strings(src: &str) -> Result<Vec<String>, String> {
    run(src).map(|v| v.iter().map(convert::to_string).collect())
}
