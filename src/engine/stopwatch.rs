//! `[System.Diagnostics.Stopwatch]`: the timer scripts wrap around their work
//! (`$sw = [Diagnostics.Stopwatch]::StartNew(); …; $sw.Elapsed.TotalSeconds`). Time comes from the
//! host's monotonic clock (`Host::ticks`), so a pinned clock measures every interval as zero.
//! The running state is kept in hidden properties; the public ones (IsRunning, Elapsed,
//! ElapsedMilliseconds, ElapsedTicks) are brought up to date whenever a script reads the object.

use super::Engine;
use super::eval::EvalResult;
use crate::syntax::Span;
use crate::value::{PsObject, Value};

pub(crate) const STOPWATCH: &str = "System.Diagnostics.Stopwatch";
/// `Stopwatch.Frequency`: exsh's clock counts 100-ns ticks, like a TimeSpan.
pub(crate) const FREQUENCY: i64 = 10_000_000;
const STARTED: &str = "__exsh_started";
const ACCUMULATED: &str = "__exsh_accumulated";

pub(crate) fn is_stopwatch(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == STOPWATCH))
}

/// A stopwatch, running since `started` (host ticks) or stopped at zero.
pub(crate) fn new_stopwatch(started: Option<i64>) -> Value {
    let mut o = PsObject::new(&[STOPWATCH, "System.Object"]);
    o.set("IsRunning", Value::Bool(started.is_some()));
    o.set("Elapsed", Value::TimeSpan(0));
    o.set("ElapsedMilliseconds", Value::Long(0));
    o.set("ElapsedTicks", Value::Long(0));
    o.set_hidden(STARTED, started.map(Value::Long).unwrap_or(Value::Null));
    o.set_hidden(ACCUMULATED, Value::Long(0));
    o.display = Some(STOPWATCH.into());
    Value::object(o)
}

fn long(v: Option<Value>) -> Option<i64> {
    match v {
        Some(Value::Long(n)) | Some(Value::Int(n)) => Some(n),
        _ => None,
    }
}

impl Engine {
    /// Brings a stopwatch's public properties up to date (a no-op for other values).
    pub(crate) fn refresh_stopwatch(&self, v: &Value) {
        let Value::Object(o) = v else { return };
        if !is_stopwatch(v) {
            return;
        }
        let now = self.host.ticks();
        let mut o = o.borrow_mut();
        let started = long(o.get(STARTED));
        let elapsed = long(o.get(ACCUMULATED)).unwrap_or(0) + started.map_or(0, |s| now.saturating_sub(s).max(0));
        o.set("IsRunning", Value::Bool(started.is_some()));
        o.set("Elapsed", Value::TimeSpan(elapsed));
        o.set("ElapsedMilliseconds", Value::Long(elapsed / 10_000));
        o.set("ElapsedTicks", Value::Long(elapsed));
    }

    /// Start, Stop, Reset and Restart; `None` when `target` is no stopwatch or the method is
    /// another one.
    pub(crate) fn stopwatch_method(
        &self,
        target: &Value,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<EvalResult<Value>> {
        let Value::Object(o) = target else { return None };
        if !is_stopwatch(target) {
            return None;
        }
        let n = name.to_ascii_lowercase();
        if !matches!(n.as_str(), "start" | "stop" | "reset" | "restart") {
            return None;
        }
        if !args.is_empty() {
            return Some(Err(super::statics::no_overload(self, name, args.len(), span)));
        }
        let now = self.host.ticks();
        {
            let mut o = o.borrow_mut();
            let started = long(o.get(STARTED));
            let accumulated = long(o.get(ACCUMULATED)).unwrap_or(0);
            let running_total = accumulated + started.map_or(0, |s| now.saturating_sub(s).max(0));
            let (started, accumulated) = match n.as_str() {
                "start" => (started.or(Some(now)), accumulated),
                "stop" => (None, running_total),
                "reset" => (None, 0),
                _ => (Some(now), 0),
            };
            o.set_hidden(STARTED, started.map(Value::Long).unwrap_or(Value::Null));
            o.set_hidden(ACCUMULATED, Value::Long(accumulated));
        }
        self.refresh_stopwatch(target);
        Some(Ok(Value::Null))
    }
}
