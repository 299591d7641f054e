//! Get-Random: numbers in a range or items picked from the input, from the session's seedable
//! generator ([`Context::next_random`]); the host seeds it once, at the edge, and -SetSeed
//! restarts it. The sequence for a given seed is exsh's own, not .NET's System.Random. See
//! docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{Value, convert};

const MINIMUM: &str = "Minimum";
const MAXIMUM: &str = "Maximum";
const COUNT: &str = "Count";
const INPUT_OBJECT: &str = "InputObject";
const SET_SEED: &str = "SetSeed";

/// `Get-Random`.
pub struct GetRandom;

/// A uniform number below `n` (n > 0).
fn below(cx: &mut dyn Context, n: u64) -> u64 {
    // Rejection sampling keeps it uniform.
    let zone = u64::MAX - u64::MAX % n;
    loop {
        let r = cx.next_random();
        if r < zone {
            return r % n;
        }
    }
}

fn unit(cx: &mut dyn Context) -> f64 {
    (cx.next_random() >> 11) as f64 / (1u64 << 53) as f64
}

fn is_double(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Double(_))) || matches!(v, Some(Value::Str(s)) if s.contains(['.', 'e', 'E']))
}

impl Cmdlet for GetRandom {
    fn signature(&self) -> Signature {
        Signature::new("Get-Random", "Microsoft.PowerShell.Commands.GetRandomCommand", Origin::Core)
            .synopsis("Gets a random number, or selects objects randomly from a collection.")
            .sets(&["RandomNumberParameterSet", "RandomListItemParameterSet"])
            .param(
                Param::new(MAXIMUM, ParamType::Object)
                    .position(0)
                    .sets(&["RandomNumberParameterSet"])
                    .help("Upper bound (exclusive)."),
            )
            .param(
                Param::new(MINIMUM, ParamType::Object)
                    .sets(&["RandomNumberParameterSet"])
                    .help("Lower bound (inclusive, default 0)."),
            )
            .param(
                Param::new(INPUT_OBJECT, ParamType::Object)
                    .array()
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .sets(&["RandomListItemParameterSet"])
                    .help("The collection to pick from."),
            )
            .param(
                Param::new(COUNT, ParamType::Int)
                    .sets(&["RandomListItemParameterSet"])
                    .help("How many objects to pick (default 1)."),
            )
            .param(Param::new(SET_SEED, ParamType::Int).help("Restarts the sequence from this seed."))
            .example("Get-Random -Minimum 1 -Maximum 7", "A die roll.")
            .example("Get-Mailbox | Get-Random -Count 3", "Three mailboxes at random.")
    }

    fn begin(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if let Some(seed) = args.opt::<i64>(SET_SEED) {
            cx.set_random_seed(seed as u64);
        }
        Ok(())
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        // Piped input binds -InputObject even when the binder kept the default (number) set.
        if args.set == "RandomListItemParameterSet" || args.has(INPUT_OBJECT) {
            if let Some(v) = args.get(INPUT_OBJECT) {
                state.extend(v.enumerate());
            }
            return Ok(());
        }
        let (min_v, max_v) = (args.get(MINIMUM), args.get(MAXIMUM));
        if is_double(min_v) || is_double(max_v) {
            let min = min_v.and_then(convert::to_number).and_then(|n| to_f64(&n)).unwrap_or(0.0);
            let max = max_v.and_then(convert::to_number).and_then(|n| to_f64(&n)).unwrap_or(f64::MAX);
            if min >= max {
                return Err(min_max(&convert::double_to_string(min), &convert::double_to_string(max)));
            }
            let r = min + unit(cx) * (max - min);
            cx.output(Value::Double(r));
            return Ok(());
        }
        let min = min_v.and_then(convert::to_int).unwrap_or(0);
        let max = max_v.and_then(convert::to_int).unwrap_or(i64::from(i32::MAX));
        if min >= max {
            return Err(min_max(&min.to_string(), &max.to_string()));
        }
        let r = min + below(cx, (max - min) as u64) as i64;
        cx.output(Value::Int(r));
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if args.set != "RandomListItemParameterSet" && state.is_empty() {
            return Ok(());
        }
        let count = args.opt::<i64>(COUNT).unwrap_or(1).max(0) as usize;
        let mut items = std::mem::take(state);
        // A partial Fisher-Yates shuffle: each pick is uniform among the items left.
        let n = items.len();
        for i in 0..count.min(n) {
            let j = i + below(cx, (n - i) as u64) as usize;
            items.swap(i, j);
            cx.output(items[i].clone());
        }
        Ok(())
    }
}

fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) | Value::Long(i) => Some(*i as f64),
        Value::Double(d) => Some(*d),
        _ => None,
    }
}

fn min_max(min: &str, max: &str) -> CmdletError {
    CmdletError::core(
        format!("The Minimum value ({min}) cannot be greater than or equal to the Maximum value ({max})."),
        "System.ArgumentException",
        "InvalidArgument",
        "MinGreaterThanOrEqualMax",
    )
}
