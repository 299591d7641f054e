//! `Format-Wide` (`fw`): one property of each object, several to a line (over `crate::format`).

use super::format::{below_range, formatting, pass_through_packets};
use super::props::{self, PropSpec};
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::format::{self, WideOptions};
use crate::value::Value;

const PROPERTY: &str = "Property";
const AUTO_SIZE: &str = "AutoSize";
const COLUMN: &str = "Column";

/// `Format-Wide` (`fw`).
pub struct FormatWide;

impl Cmdlet for FormatWide {
    fn signature(&self) -> Signature {
        Signature::new("Format-Wide", "Microsoft.PowerShell.Commands.FormatWideCommand", Origin::Core)
            .synopsis("Formats objects as a wide table that displays only one property of each object.")
            .param(
                Param::new(PROPERTY, ParamType::Object)
                    .position(0)
                    .help("The property to show: a name or a calculated property; Name (or Id, Key…) by default."),
            )
            .param(Param::new(AUTO_SIZE, ParamType::Switch).help("As many columns as the widest value allows."))
            .param(Param::new(COLUMN, ParamType::Int).help("Columns per line (1 or more; 2 by default)."))
            .param(Param::new("GroupBy", ParamType::Object).help("Accepted; grouping is not drawn."))
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("Objects to format."))
            .example("Get-Mailbox | Format-Wide -Column 3", "Mailbox names, three to a line.")
            .example("Get-Mailbox | Format-Wide Alias -AutoSize", "Aliases, as many to a line as fit.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let items = pass_through_packets(cx, std::mem::take(state));
        if items.is_empty() {
            return Ok(());
        }
        let column = args.opt::<i64>(COLUMN);
        if let Some(n) = column.filter(|n| *n < 1) {
            return Err(below_range(COLUMN, n, 1));
        }
        let autosize = args.switch(AUTO_SIZE);
        if autosize && column.is_some() {
            // Format-Wide.cs: FormatAndOut_format_xxx.resx CannotSpecifyAutosizeAndColumnsError.
            return Err(CmdletError::core(
                "Cmdlet parameters AutoSize and Column are mutually exclusive.",
                "System.IO.InvalidDataException",
                "InvalidArgument",
                "FormatCannotSpecifyAutosizeAndColumns",
            ));
        }
        let specs = match args.get(PROPERTY) {
            Some(spec) => Some(props::parse_specs(spec).map_err(props::invalid_key)?),
            None => None,
        };
        let fmt = formatting(cx, None);
        let limit = fmt.cells();
        let mut cells: Vec<Result<String, String>> = Vec::new();
        for it in items.iter().flat_map(Value::enumerate) {
            if format::cell::is_scalar(&it) {
                cells.push(Err(format::cell::display_string(&it)));
                continue;
            }
            let spec = match &specs {
                Some(s) => s.first().cloned(),
                None => format::wide_property(&it).map(PropSpec::Name),
            };
            let value = match spec {
                Some(s) => props::evaluate(cx, &[s], &it)?.into_iter().next().map(|(_, v)| v).unwrap_or(Value::Null),
                None => Value::Null,
            };
            cells.push(Ok(format::cell_text(&value, limit)));
        }
        let opts = WideOptions { columns: column.map(|n| n as usize), autosize };
        for packet in format::format_wide_document(&cells, &opts, &fmt).packets() {
            cx.output(packet);
        }
        Ok(())
    }
}
