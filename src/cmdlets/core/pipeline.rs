//! Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object, Measure-Object.

use std::cmp::Ordering;

use super::props::{self, PropSpec};
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value, convert};

fn input(args: &BoundArgs) -> Value {
    args.opt::<Value>("InputObject").unwrap_or(Value::Null)
}

fn unwind_or(e: CmdletError) -> CmdletError {
    e
}

// ----- Where-Object -----

/// `Where-Object` (`?`, `where`).
pub struct WhereObject;

const WHERE_OPS: &[&str] = &[
    "EQ",
    "NE",
    "GT",
    "GE",
    "LT",
    "LE",
    "Like",
    "NotLike",
    "Match",
    "NotMatch",
    "Contains",
    "NotContains",
    "In",
    "NotIn",
    "CEQ",
    "CNE",
    "CLike",
    "CNotLike",
    "CMatch",
    "CNotMatch",
    "Is",
    "IsNot",
];

impl Cmdlet for WhereObject {
    fn signature(&self) -> Signature {
        let mut s = Signature::new("Where-Object", "Microsoft.PowerShell.Commands.WhereObjectCommand", Origin::Core)
            .synopsis("Selects objects from a collection based on their property values.")
            .sets(&["ScriptBlockSet", "PropertySet"])
            .param(
                Param::new("FilterScript", ParamType::ScriptBlock)
                    .position(0)
                    .mandatory()
                    .sets(&["ScriptBlockSet"])
                    .help("The script block used to filter the objects; $_ is the current object."),
            )
            .param(
                Param::new("Property", ParamType::String)
                    .position(0)
                    .mandatory()
                    .sets(&["PropertySet"])
                    .help("The property to compare (simplified syntax)."),
            )
            .param(
                Param::new("Value", ParamType::Object)
                    .position(1)
                    .sets(&["PropertySet"])
                    .help("The value to compare with."),
            )
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The objects to filter."))
            .example(
                "Get-Mailbox | Where-Object { $_.RecipientTypeDetails -eq 'SharedMailbox' }",
                "Shared mailboxes only.",
            )
            .example("Get-MailboxPermission karen | ? { -not $_.IsInherited }", "Explicit permissions only.");
        for op in WHERE_OPS {
            s = s.param(
                Param::new(op, ParamType::Switch)
                    .sets(&["PropertySet"])
                    .help("Comparison operator (simplified syntax)."),
            );
        }
        s
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let obj = input(args);
        if !args.has("InputObject") {
            return Ok(());
        }
        let keep = if let Some(Value::ScriptBlock(sb)) = args.get("FilterScript") {
            let r = cx.invoke(sb, Some(obj.clone()), Vec::new()).map_err(unwind_or)?;
            convert::to_bool(&props::collapse(r))
        } else {
            let prop = args.string("Property").unwrap_or_default();
            let pv = obj.property(&prop).unwrap_or(Value::Null);
            let Some(op) = WHERE_OPS.iter().find(|o| args.switch(o)) else {
                if convert::to_bool(&pv) {
                    cx.output(obj);
                }
                return Ok(());
            };
            let val = args.opt::<Value>("Value").unwrap_or(Value::Null);
            let case = op.starts_with('C') && op.len() > 2 && !op.eq_ignore_ascii_case("Contains");
            let o = op.to_ascii_lowercase();
            let o = if case { o[1..].to_string() } else { o };
            let sv = convert::to_string(&val);
            match o.as_str() {
                "eq" => convert::equals(&pv, &val, case),
                "ne" => !convert::equals(&pv, &val, case),
                "gt" => convert::compare(&pv, &val, case) == Some(Ordering::Greater),
                "ge" => matches!(convert::compare(&pv, &val, case), Some(Ordering::Greater | Ordering::Equal)),
                "lt" => convert::compare(&pv, &val, case) == Some(Ordering::Less),
                "le" => matches!(convert::compare(&pv, &val, case), Some(Ordering::Less | Ordering::Equal)),
                "like" => convert::wildcard_match(&sv, &convert::to_string(&pv), case),
                "notlike" => !convert::wildcard_match(&sv, &convert::to_string(&pv), case),
                "match" | "notmatch" => {
                    let opts = crate::value::regex::Options { ignore_case: !case, ..Default::default() };
                    let re = crate::value::regex::Regex::new(&sv, opts)
                        .ok()
                        .and_then(|r| r.is_match(&convert::to_string(&pv)).ok())
                        .unwrap_or(false);
                    re == (o == "match")
                }
                "contains" => pv.enumerate().iter().any(|x| convert::equals(x, &val, false)),
                "notcontains" => !pv.enumerate().iter().any(|x| convert::equals(x, &val, false)),
                "in" => val.enumerate().iter().any(|x| convert::equals(x, &pv, false)),
                "notin" => !val.enumerate().iter().any(|x| convert::equals(x, &pv, false)),
                _ => false,
            }
        };
        if keep {
            cx.output(obj);
        }
        Ok(())
    }
}

// ----- ForEach-Object -----

/// `ForEach-Object` (`%`, `foreach`).
pub struct ForEachObject;

impl Cmdlet for ForEachObject {
    fn signature(&self) -> Signature {
        Signature::new("ForEach-Object", "Microsoft.PowerShell.Commands.ForEachObjectCommand", Origin::Core)
            .synopsis("Performs an operation against each item in a collection of input objects.")
            .sets(&["ScriptBlockSet", "PropertyAndMethodSet"])
            .param(
                Param::new("Process", ParamType::ScriptBlock)
                    .array()
                    .position(0)
                    .mandatory()
                    .remaining()
                    .sets(&["ScriptBlockSet"])
                    .help("The script block run for each input object; $_ is the current object."),
            )
            .param(Param::new("Begin", ParamType::ScriptBlock).sets(&["ScriptBlockSet"]).help("Runs before the first input object."))
            .param(Param::new("End", ParamType::ScriptBlock).sets(&["ScriptBlockSet"]).help("Runs after the last input object."))
            .param(
                Param::new("MemberName", ParamType::String)
                    .position(0)
                    .mandatory()
                    .sets(&["PropertyAndMethodSet"])
                    .help("The property to get for each object."),
            )
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The input objects."))
            .example("Import-Csv users.csv | ForEach-Object { Add-MailboxPermission $_.Mailbox -User $_.User -AccessRights FullAccess }", "Grant from a CSV file.")
    }

    fn begin(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let blocks = process_blocks(args);
        if let Some(Value::ScriptBlock(b)) = args.get("Begin") {
            for v in cx.invoke(b, None, Vec::new())? {
                cx.output(v);
            }
        } else if blocks.len() >= 2 {
            // `% {begin} {process}` or `% {begin} {process} {end}`.
            if let Value::ScriptBlock(b) = &blocks[0] {
                for v in cx.invoke(b, None, Vec::new())? {
                    cx.output(v);
                }
            }
        }
        Ok(())
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if state.is_empty() {
            state.push(Value::Bool(true));
        }
        let obj = input(args);
        if let Some(name) = args.string("MemberName") {
            if !args.has("InputObject") {
                return Ok(());
            }
            if let Some(v) = obj.property(&name) {
                for x in enumerate_out(v) {
                    cx.output(x);
                }
            }
            return Ok(());
        }
        let blocks = process_blocks(args);
        let process = match blocks.len() {
            0 => return Ok(()),
            1 => blocks[0].clone(),
            _ => blocks[1].clone(),
        };
        let Value::ScriptBlock(sb) = process else {
            // A string in the process position is a member name.
            let name = convert::to_string(&process);
            if let Some(v) = obj.property(&name) {
                for x in enumerate_out(v) {
                    cx.output(x);
                }
            }
            return Ok(());
        };
        let dollar = if args.has("InputObject") { Some(obj) } else { None };
        for v in cx.invoke(&sb, dollar, Vec::new())? {
            cx.output(v);
        }
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let blocks = process_blocks(args);
        let end = match args.get("End") {
            Some(Value::ScriptBlock(b)) => Some(b.clone()),
            _ if blocks.len() >= 3 => match &blocks[2] {
                Value::ScriptBlock(b) => Some(b.clone()),
                _ => None,
            },
            _ => None,
        };
        if let Some(b) = end {
            for v in cx.invoke(&b, None, Vec::new())? {
                cx.output(v);
            }
        }
        Ok(())
    }
}

fn process_blocks(args: &BoundArgs) -> Vec<Value> {
    match args.get("Process") {
        Some(Value::Array(a)) => a.borrow().to_vec(),
        Some(v) if !v.is_null() => vec![v.clone()],
        _ => Vec::new(),
    }
}

fn enumerate_out(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().to_vec(),
        other => vec![other],
    }
}

// ----- Select-Object -----

/// `Select-Object` (`select`).
pub struct SelectObject;

impl Cmdlet for SelectObject {
    fn signature(&self) -> Signature {
        Signature::new("Select-Object", "Microsoft.PowerShell.Commands.SelectObjectCommand", Origin::Core)
            .synopsis("Selects objects or object properties.")
            .param(
                Param::new("Property", ParamType::Object)
                    .array()
                    .position(0)
                    .help("Properties to select; calculated properties are hashtables with Name and Expression."),
            )
            .param(
                Param::new("ExpandProperty", ParamType::String)
                    .help("A property whose value is output instead of the object."),
            )
            .param(Param::new("ExcludeProperty", ParamType::String).array().help("Properties to leave out."))
            .param(Param::new("First", ParamType::Int).help("Number of objects from the start."))
            .param(Param::new("Last", ParamType::Int).help("Number of objects from the end."))
            .param(Param::new("Skip", ParamType::Int).help("Number of objects to skip."))
            .param(Param::new("Unique", ParamType::Switch).help("Only unique objects."))
            .param(Param::new("Index", ParamType::Int).array().help("Objects by position."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The input objects."))
            .example("Get-Mailbox | Select-Object Name,Alias", "Two properties of each mailbox.")
            .example(
                "Get-Mailbox karen | Select-Object -ExpandProperty GrantSendOnBehalfTo",
                "The delegates as objects.",
            )
    }

    /// With `-First` (and no `-Last`) or `-Index` alone the objects stream: each one taken is
    /// selected and written at once, and once the last one wanted has been taken the commands
    /// before stop (SelectObjectCommand.ProcessRecord throws StopUpstreamCommandsException when
    /// AllRequestedObjectsProcessed, or past the last index), so `1..1e9 | Select-Object -First 3`
    /// ends at once. Otherwise the input is collected for `end`. `state[0]` counts the records
    /// seen when streaming; the rest are the objects `-Unique` writes at the end.
    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        let Some(mode) = SelectStream::of(args) else {
            state.push(item);
            return Ok(());
        };
        if state.is_empty() {
            state.push(Value::Int(0));
        }
        let seen = convert::to_int(&state[0]).unwrap_or(0);
        state[0] = Value::Int(seen + 1);
        let (take, done) = match &mode {
            SelectStream::First { first, skip } => {
                let taken = seen + 1 - skip;
                (taken >= 1 && taken <= *first, *first != 0 && taken >= *first)
            }
            // The indexes are sorted and matched in turn, so a negative one (never reached)
            // holds back the rest: nothing is taken and the input runs to its end.
            SelectStream::Index(idx) if idx.iter().any(|i| *i < 0) => (false, false),
            SelectStream::Index(idx) => (idx.contains(&seen), idx.iter().all(|i| *i <= seen)),
        };
        if take {
            let mut out = Vec::new();
            select_one(cx, args, &item, &mut out)?;
            if args.switch("Unique") {
                state.extend(out);
            } else {
                for v in out {
                    cx.output(v);
                }
            }
        }
        if done {
            cx.stop_upstream();
        }
        Ok(())
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if SelectStream::of(args).is_some() {
            if args.switch("Unique") {
                write_unique(cx, state.iter().skip(1).cloned().collect());
            }
            return Ok(());
        }
        let mut items = std::mem::take(state);
        if let Some(n) = args.opt::<i64>("Skip") {
            items = items.into_iter().skip(n.max(0) as usize).collect();
        }
        if let Some(ix) = args.get("Index") {
            let idx: Vec<usize> =
                ix.enumerate().iter().filter_map(convert::to_int).map(|i| i.max(0) as usize).collect();
            items = items.into_iter().enumerate().filter(|(i, _)| idx.contains(i)).map(|(_, v)| v).collect();
        }
        let first = args.opt::<i64>("First");
        let last = args.opt::<i64>("Last");
        if first.is_some() || last.is_some() {
            let mut picked = Vec::new();
            if let Some(f) = first {
                picked.extend(items.iter().take(f.max(0) as usize).cloned());
            }
            if let Some(l) = last {
                let n = items.len().saturating_sub(l.max(0) as usize);
                picked.extend(items.iter().skip(n).cloned());
            }
            items = picked;
        }
        let mut out: Vec<Value> = Vec::new();
        for item in items {
            select_one(cx, args, &item, &mut out)?;
        }
        if args.switch("Unique") {
            write_unique(cx, out);
        } else {
            for v in out {
                cx.output(v);
            }
        }
        Ok(())
    }
}

/// When Select-Object streams: `-First` without `-Last` or `-Index`, or `-Index` alone.
enum SelectStream {
    First { first: i64, skip: i64 },
    Index(Vec<i64>),
}

impl SelectStream {
    fn of(args: &BoundArgs) -> Option<SelectStream> {
        let (first, last, index) = (args.opt::<i64>("First"), args.get("Last"), args.get("Index"));
        match (first, last, index) {
            (Some(f), None, None) => {
                Some(SelectStream::First { first: f.max(0), skip: args.opt::<i64>("Skip").unwrap_or(0).max(0) })
            }
            (None, None, Some(ix)) if args.get("Skip").is_none() => {
                Some(SelectStream::Index(ix.enumerate().iter().filter_map(convert::to_int).collect()))
            }
            _ => None,
        }
    }
}

/// One object as Select-Object writes it: its selected properties (or itself), or the
/// `-ExpandProperty` values.
fn select_one(cx: &mut dyn Context, args: &BoundArgs, item: &Value, out: &mut Vec<Value>) -> CmdletResult {
    let specs = props::property_arg(args)?;
    let exclude: Vec<String> =
        args.get("ExcludeProperty").map(|v| v.enumerate().iter().map(convert::to_string).collect()).unwrap_or_default();
    let selected = if specs.is_empty() && exclude.is_empty() {
        item.clone()
    } else {
        let specs = if specs.is_empty() { vec![PropSpec::Name("*".into())] } else { specs };
        let pairs = props::evaluate(cx, &specs, item)?;
        let mut o = PsObject::new(&[]);
        let tn = item.type_name();
        o.type_names = vec![
            format!("Selected.{tn}").into(),
            "System.Management.Automation.PSCustomObject".into(),
            "System.Object".into(),
        ];
        for (k, v) in pairs {
            if exclude.iter().any(|e| convert::wildcard_match(e, &k, false)) {
                continue;
            }
            o.set(&k, v);
        }
        Value::object(o)
    };
    if let Some(name) = args.string("ExpandProperty") {
        return match item.property(&name) {
            Some(v) => {
                out.extend(enumerate_out(v));
                Ok(())
            }
            None => Err(CmdletError::core(
                format!("Property \"{name}\" cannot be found."),
                "System.Management.Automation.PSArgumentException",
                "InvalidArgument",
                "ExpandPropertyNotFound",
            )),
        };
    }
    out.push(selected);
    Ok(())
}

/// `-Unique`: the objects with duplicates left out, written at the end.
fn write_unique(cx: &mut dyn Context, out: Vec<Value>) {
    let mut uniq: Vec<Value> = Vec::new();
    for v in out {
        if !uniq.iter().any(|u| same(u, &v)) {
            uniq.push(v);
        }
    }
    for v in uniq {
        cx.output(v);
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).map(|w| convert::equals(v, &w, true)).unwrap_or(false))
        }
        _ => convert::equals(a, b, true),
    }
}

// ----- Sort-Object -----

/// `Sort-Object` (`sort`).
pub struct SortObject;

impl Cmdlet for SortObject {
    fn signature(&self) -> Signature {
        Signature::new("Sort-Object", "Microsoft.PowerShell.Commands.SortObjectCommand", Origin::Core)
            .synopsis("Sorts objects by property values.")
            .param(
                Param::new("Property", ParamType::Object)
                    .array()
                    .position(0)
                    .help("Properties or script blocks to sort by."),
            )
            .param(Param::new("Descending", ParamType::Switch).help("Sorts in descending order."))
            .param(Param::new("Unique", ParamType::Switch).help("Removes duplicates."))
            .param(Param::new("CaseSensitive", ParamType::Switch).help("Case-sensitive sort."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The input objects."))
            .param(Param::new("Top", ParamType::Int).help("Only the first N after sorting (PowerShell 7, Online)."))
            .param(Param::new("Bottom", ParamType::Int).help("Only the last N after sorting (PowerShell 7, Online)."))
            .example("Get-Mailbox | Sort-Object Name", "Mailboxes by name.")
            .example("$rows | Sort-Object @{Expression = 'Size'; Descending = $true}, Name", "Per-key order.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let online = !cx.directory().org.version.is_on_premises();
        for p in ["Top", "Bottom"] {
            if args.has(p) && !online {
                return Err(CmdletError::core(
                    format!("A parameter cannot be found that matches parameter name '{p}'."),
                    "System.Management.Automation.ParameterBindingException",
                    "InvalidArgument",
                    "NamedParameterNotFound",
                ));
            }
        }
        let items = std::mem::take(state);
        // A hashtable key may carry its own direction (`Ascending`/`Descending`), which the
        // calculated-property parser does not know: take it out first.
        let mut dirs: Vec<Option<bool>> = Vec::new();
        let specs = match args.get("Property") {
            Some(v) => {
                let mut cleaned = Vec::new();
                for item in v.enumerate() {
                    let mut dir = None;
                    if let Value::Hashtable(h) = &item {
                        let mut rest = crate::value::Hashtable::new();
                        for (k, val) in h.borrow().iter() {
                            let key = convert::to_string(k).to_ascii_lowercase();
                            if !key.is_empty() && "descending".starts_with(&key) {
                                dir = Some(convert::to_bool(val));
                            } else if !key.is_empty() && "ascending".starts_with(&key) {
                                dir = Some(!convert::to_bool(val));
                            } else {
                                rest.insert(k.clone(), val.clone());
                            }
                        }
                        cleaned.push(Value::hashtable(rest));
                    } else {
                        cleaned.push(item);
                    }
                    dirs.push(dir);
                }
                props::parse_specs(&Value::array(cleaned)).map_err(props::invalid_key)?
            }
            None => Vec::new(),
        };
        let case = args.switch("CaseSensitive");
        let mut keyed: Vec<(Vec<Value>, Value)> = Vec::with_capacity(items.len());
        for it in items {
            let keys = if specs.is_empty() {
                vec![it.clone()]
            } else {
                props::evaluate(cx, &specs, &it)?.into_iter().map(|(_, v)| v).collect()
            };
            keyed.push((keys, it));
        }
        let desc = args.switch("Descending");
        keyed.sort_by(|a, b| {
            for (i, (x, y)) in a.0.iter().zip(b.0.iter()).enumerate() {
                let o = convert::compare(x, y, case).unwrap_or(Ordering::Equal);
                if o != Ordering::Equal {
                    let d = dirs.get(i).copied().flatten().unwrap_or(desc);
                    return if d { o.reverse() } else { o };
                }
            }
            Ordering::Equal
        });
        if args.switch("Unique") {
            keyed.dedup_by(|a, b| a.0.iter().zip(b.0.iter()).all(|(x, y)| convert::equals(x, y, case)));
        }
        if let Some(n) = args.opt::<i64>("Top") {
            keyed.truncate(n.max(0) as usize);
        }
        if let Some(n) = args.opt::<i64>("Bottom") {
            let skip = keyed.len().saturating_sub(n.max(0) as usize);
            keyed.drain(..skip);
        }
        for (_, v) in keyed {
            cx.output(v);
        }
        Ok(())
    }
}

// ----- Group-Object -----

/// `Group-Object` (`group`).
pub struct GroupObject;

impl Cmdlet for GroupObject {
    fn signature(&self) -> Signature {
        Signature::new("Group-Object", "Microsoft.PowerShell.Commands.GroupObjectCommand", Origin::Core)
            .synopsis("Groups objects that contain the same value for specified properties.")
            .param(Param::new("Property", ParamType::Object).array().position(0).help("Properties to group by."))
            .param(Param::new("NoElement", ParamType::Switch).help("Omits the members of each group."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The input objects."))
            .example("Get-Mailbox | Group-Object RecipientTypeDetails", "Mailboxes by type.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let items = std::mem::take(state);
        let specs = props::property_arg(args)?;
        let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
        for it in items {
            let key = if specs.is_empty() {
                convert::to_string(&it)
            } else {
                props::evaluate(cx, &specs, &it)?
                    .iter()
                    .map(|(_, v)| convert::to_string(v))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            match groups.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(&key)) {
                Some((_, g)) => g.push(it),
                None => groups.push((key, vec![it])),
            }
        }
        for (k, g) in groups {
            let mut o = PsObject::new(&["Microsoft.PowerShell.Commands.GroupInfo", "System.Object"]);
            o.set("Count", Value::Int(g.len() as i64));
            o.set("Name", Value::str(&k));
            if !args.switch("NoElement") {
                o.set("Group", Value::array(g));
            }
            cx.output(Value::object(o));
        }
        Ok(())
    }
}

// ----- Measure-Object -----

/// `Measure-Object` (`measure`).
pub struct MeasureObject;

impl Cmdlet for MeasureObject {
    fn signature(&self) -> Signature {
        Signature::new("Measure-Object", "Microsoft.PowerShell.Commands.MeasureObjectCommand", Origin::Core)
            .synopsis("Calculates the numeric properties of objects, and counts them.")
            .param(Param::new("Property", ParamType::String).array().position(0).help("Properties to measure."))
            .param(Param::new("Sum", ParamType::Switch).help("Sum of the values."))
            .param(Param::new("Average", ParamType::Switch).help("Average of the values."))
            .param(Param::new("Maximum", ParamType::Switch).help("Largest value."))
            .param(Param::new("Minimum", ParamType::Switch).help("Smallest value."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The input objects."))
            .param(Param::new("Line", ParamType::Switch).help("Counts lines of text."))
            .param(Param::new("Word", ParamType::Switch).help("Counts words of text."))
            .param(Param::new("Character", ParamType::Switch).help("Counts characters of text."))
            .param(Param::new("IgnoreWhiteSpace", ParamType::Switch).help("Leaves white space out of -Character."))
            .example("Get-Mailbox | Measure-Object", "Counts mailboxes.")
            .example("Get-Content report.txt | Measure-Object -Line -Word -Character", "Text statistics.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let items = std::mem::take(state);
        let prop =
            args.get("Property").map(|v| convert::to_string(&v.enumerate().first().cloned().unwrap_or(Value::Null)));
        if args.switch("Line") || args.switch("Word") || args.switch("Character") {
            // TextMeasureInfo: each object as text (its -Property when given); a line per
            // newline-terminated piece, words split on white space.
            let (mut lines, mut words, mut chars) = (0i64, 0i64, 0i64);
            for i in &items {
                let v = match &prop {
                    Some(p) => i.property(p).unwrap_or(Value::Null),
                    None => i.clone(),
                };
                let text = convert::to_string(&v);
                if !text.is_empty() {
                    lines += text.matches('\n').count() as i64 + i64::from(!text.ends_with('\n'));
                }
                words += text.split_whitespace().count() as i64;
                chars += if args.switch("IgnoreWhiteSpace") {
                    text.chars().filter(|c| !c.is_whitespace()).count() as i64
                } else {
                    text.chars().count() as i64
                };
            }
            let mut o = PsObject::new(&[
                "Microsoft.PowerShell.Commands.TextMeasureInfo",
                "Microsoft.PowerShell.Commands.MeasureInfo",
                "System.Object",
            ]);
            let pick = |on: bool, n: i64| if on { Value::Int(n) } else { Value::Null };
            o.set("Lines", pick(args.switch("Line"), lines));
            o.set("Words", pick(args.switch("Word"), words));
            o.set("Characters", pick(args.switch("Character"), chars));
            o.set("Property", prop.map(Value::str).unwrap_or(Value::Null));
            cx.output(Value::object(o));
            return Ok(());
        }
        let vals: Vec<f64> = items
            .iter()
            .filter_map(|i| match &prop {
                Some(p) => i.property(p),
                None => Some(i.clone()),
            })
            .filter_map(|v| convert::to_number(&v))
            .map(|n| match n {
                Value::Int(i) | Value::Long(i) => i as f64,
                Value::Double(d) => d,
                _ => 0.0,
            })
            .collect();
        let num = |x: f64| if x == x.trunc() && x.abs() < 1e15 { Value::Int(x as i64) } else { Value::Double(x) };
        let mut o = PsObject::new(&[
            "Microsoft.PowerShell.Commands.GenericMeasureInfo",
            "Microsoft.PowerShell.Commands.MeasureInfo",
            "System.Object",
        ]);
        o.set("Count", Value::Int(items.len() as i64));
        o.set(
            "Average",
            if args.switch("Average") && !vals.is_empty() {
                Value::Double(vals.iter().sum::<f64>() / vals.len() as f64)
            } else {
                Value::Null
            },
        );
        o.set("Sum", if args.switch("Sum") { num(vals.iter().sum()) } else { Value::Null });
        o.set(
            "Maximum",
            if args.switch("Maximum") {
                vals.iter()
                    .cloned()
                    .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.max(b))))
                    .map(num)
                    .unwrap_or(Value::Null)
            } else {
                Value::Null
            },
        );
        o.set(
            "Minimum",
            if args.switch("Minimum") {
                vals.iter()
                    .cloned()
                    .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.min(b))))
                    .map(num)
                    .unwrap_or(Value::Null)
            } else {
                Value::Null
            },
        );
        o.set("Property", prop.map(Value::str).unwrap_or(Value::Null));
        cx.output(Value::object(o));
        Ok(())
    }
}
