//! Compare-Object (compare, diff): the reference set against the difference set, with
//! SideIndicator `==`, `=>` (only in the difference set) and `<=` (only in the reference set).
//! Difference objects come first in input order, matched ones as `==` when -IncludeEqual, then
//! the reference objects nothing matched. See docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value, convert};

use super::props::{self, PropSpec};

const REFERENCE_OBJECT: &str = "ReferenceObject";
const DIFFERENCE_OBJECT: &str = "DifferenceObject";
const PROPERTY: &str = "Property";
const SYNC_WINDOW: &str = "SyncWindow";
const INCLUDE_EQUAL: &str = "IncludeEqual";
const EXCLUDE_DIFFERENT: &str = "ExcludeDifferent";
const PASS_THRU: &str = "PassThru";
const CASE_SENSITIVE: &str = "CaseSensitive";
const CULTURE: &str = "Culture";

/// `Compare-Object`.
pub struct CompareObject;

/// One output row: the object, its compared keys and its SideIndicator.
type Row = (Value, Vec<(String, Value)>, &'static str);

/// Two values as Compare-Object matches them: scalars by PowerShell's equality, anything else
/// by its string form (ObjectCommandComparer falls back to `ToString()`).
fn same(a: &Value, b: &Value, case_sensitive: bool) -> bool {
    let scalar = |v: &Value| {
        matches!(
            v,
            Value::Null
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Long(_)
                | Value::Double(_)
                | Value::Str(_)
                | Value::Enum(_)
        )
    };
    if scalar(a) || scalar(b) {
        convert::equals(a, b, case_sensitive)
    } else {
        convert::compare_strings(&convert::to_string(a), &convert::to_string(b), case_sensitive).is_eq()
    }
}

fn keys(cx: &mut dyn Context, specs: &[PropSpec], v: &Value) -> Result<Vec<(String, Value)>, CmdletError> {
    if specs.is_empty() { Ok(vec![("InputObject".into(), v.clone())]) } else { props::evaluate(cx, specs, v) }
}

impl Cmdlet for CompareObject {
    fn signature(&self) -> Signature {
        Signature::new("Compare-Object", "Microsoft.PowerShell.Commands.CompareObjectCommand", Origin::Core)
            .synopsis("Compares two sets of objects.")
            .param(
                Param::new(REFERENCE_OBJECT, ParamType::Object)
                    .array()
                    .position(0)
                    .mandatory()
                    .help("The reference set."),
            )
            .param(
                Param::new(DIFFERENCE_OBJECT, ParamType::Object)
                    .array()
                    .position(1)
                    .mandatory()
                    .from_pipeline()
                    .help("The set compared with it."),
            )
            .param(Param::new(PROPERTY, ParamType::Object).array().help("Properties to compare."))
            .param(Param::new(SYNC_WINDOW, ParamType::Int).help("How far to look for a match (all, in exsh)."))
            .param(Param::new(INCLUDE_EQUAL, ParamType::Switch).help("Also outputs matches (==)."))
            .param(Param::new(EXCLUDE_DIFFERENT, ParamType::Switch).help("Outputs only matches."))
            .param(Param::new(PASS_THRU, ParamType::Switch).help("Outputs the objects themselves."))
            .param(Param::new(CASE_SENSITIVE, ParamType::Switch).help("Compares text case-sensitively."))
            .param(Param::new(CULTURE, ParamType::String).help("Culture for comparisons (accepted)."))
            .example("Compare-Object (Get-Content a.txt) (Get-Content b.txt)", "Lines only in one file.")
            .example("diff $before $after -Property Alias -IncludeEqual", "Both sets by alias.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if let Some(v) = args.get(DIFFERENCE_OBJECT) {
            state.extend(v.enumerate());
        }
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let specs = props::property_arg(args)?;
        let cs = args.flag(CASE_SENSITIVE);
        let include_equal = args.flag(INCLUDE_EQUAL) || args.flag(EXCLUDE_DIFFERENT);
        let different = !args.flag(EXCLUDE_DIFFERENT);
        let reference = args.get(REFERENCE_OBJECT).map(Value::enumerate).unwrap_or_default();
        let mut ref_keys = Vec::new();
        for r in &reference {
            ref_keys.push(Some(keys(cx, &specs, r)?));
        }
        let mut rows: Vec<Row> = Vec::new();
        for d in std::mem::take(state) {
            let k = keys(cx, &specs, &d)?;
            let hit = ref_keys
                .iter()
                .position(|rk| rk.as_ref().is_some_and(|rk| rk.iter().zip(&k).all(|((_, a), (_, b))| same(a, b, cs))));
            match hit {
                Some(i) => {
                    ref_keys[i] = None;
                    if include_equal {
                        rows.push((d, k, "=="));
                    }
                }
                None if different => rows.push((d, k, "=>")),
                None => {}
            }
        }
        if different {
            for (r, rk) in reference.iter().zip(ref_keys) {
                if let Some(rk) = rk {
                    rows.push((r.clone(), rk, "<="));
                }
            }
        }
        for (obj, k, side) in rows {
            if args.flag(PASS_THRU) {
                // The object itself with a SideIndicator note property; a scalar has no
                // property bag in exsh and passes as it is.
                if let Value::Object(o) = &obj {
                    o.borrow_mut().set("SideIndicator", Value::str(side));
                }
                cx.output(obj);
            } else {
                let mut o = PsObject::custom();
                for (n, v) in k {
                    o.set(&n, v);
                }
                o.set("SideIndicator", Value::str(side));
                cx.output(Value::object(o));
            }
        }
        Ok(())
    }
}
