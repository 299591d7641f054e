//! `Get-Date`: now on the local clock (the host's time zone), or a given date, with fields replaced
//! (`-Year` … `-Millisecond`), as a `[DateTime]` or formatted (`-Format` .NET formats and the
//! `FileDate*` names, `-UFormat` as Windows PowerShell 5.1's strftime-like table has it).
//! Facts in docs/reference/dotnet-format.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::dotnet_format::{self, FormatError};
use crate::value::{Value, convert, datetime};

/// `Get-Date`.
pub struct GetDate;

const DATE: &str = "Date";
const FORMAT: &str = "Format";
const UFORMAT: &str = "UFormat";
const YEAR: &str = "Year";
const MONTH: &str = "Month";
const DAY: &str = "Day";
const HOUR: &str = "Hour";
const MINUTE: &str = "Minute";
const SECOND: &str = "Second";
const MILLISECOND: &str = "Millisecond";

/// The field parameters in the order Get-Date applies them, with their ValidateRange bounds.
const FIELDS: [(&str, i64, i64); 7] = [
    (YEAR, 1, 9999),
    (MONTH, 1, 12),
    (DAY, 1, 31),
    (HOUR, 0, 23),
    (MINUTE, 0, 59),
    (SECOND, 0, 59),
    (MILLISECOND, 0, 999),
];

fn binding_error(message: String, fqid: &str) -> CmdletError {
    CmdletError::core(message, "System.Management.Automation.ParameterBindingException", "InvalidArgument", fqid)
}

fn validation_error(message: String) -> CmdletError {
    CmdletError::core(
        message,
        "System.Management.Automation.ParameterBindingValidationException",
        "InvalidData",
        "ParameterArgumentValidationError",
    )
}

fn format_failed(e: FormatError) -> CmdletError {
    CmdletError::core(e.message(), "System.FormatException", "NotSpecified", "System.FormatException")
}

impl Cmdlet for GetDate {
    fn signature(&self) -> Signature {
        Signature::new("Get-Date", "Microsoft.PowerShell.Commands.GetDateCommand", Origin::Core)
            .synopsis("Gets the current date and time.")
            .sets(&["net", "UFormat"])
            .default_set("net")
            .param(
                Param::new(DATE, ParamType::Object)
                    .position(0)
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .aliases(&["LastWriteTime"])
                    .type_display("DateTime")
                    .help("A date to use instead of now."),
            )
            .param(Param::new(YEAR, ParamType::Int).help("Replaces the year (1-9999)."))
            .param(Param::new(MONTH, ParamType::Int).help("Replaces the month (1-12)."))
            .param(Param::new(DAY, ParamType::Int).help("Replaces the day (1-31; past the month's end it rolls over)."))
            .param(Param::new(HOUR, ParamType::Int).help("Replaces the hour (0-23)."))
            .param(Param::new(MINUTE, ParamType::Int).help("Replaces the minute (0-59)."))
            .param(Param::new(SECOND, ParamType::Int).help("Replaces the second (0-59)."))
            .param(
                Param::new(MILLISECOND, ParamType::Int)
                    .help("Replaces the millisecond (0-999) and drops the rest of the second's fraction."),
            )
            .param(
                Param::new(FORMAT, ParamType::String)
                    .sets(&["net"])
                    .help(".NET format string (yyyy-MM-dd, o, D…) or FileDate, FileDateUniversal, FileDateTime, FileDateTimeUniversal."),
            )
            .param(Param::new(UFORMAT, ParamType::String).sets(&["UFormat"]).help("Unix format string (%Y-%m-%d)."))
            .example("Get-Date -Format yyyyMMdd", "Today's date for a file name.")
            .example("Get-Date -UFormat '%Y-%m-%d %H:%M'", "The date in strftime style.")
            .example("(Get-Date -Hour 0 -Minute 0 -Second 0).AddDays(-7)", "Midnight a week ago.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (mut secs, mut ns) = match args.get(DATE) {
            Some(Value::DateTime(s, n)) => (*s, *n),
            Some(v) if !v.is_null() => {
                let text = convert::to_string(v);
                match convert::parse_datetime(&text) {
                    Some(Value::DateTime(s, n)) => (s, n),
                    _ => {
                        return Err(binding_error(
                            format!(
                                "Cannot bind parameter 'Date'. Cannot convert value \"{text}\" to type \"System.DateTime\". Error: \"String was not recognized as a valid DateTime.\""
                            ),
                            "CannotConvertArgumentNoMessage",
                        ));
                    }
                }
            }
            _ => {
                let now = cx.now();
                (now + cx.utc_offset(now) as i64, 0)
            }
        };
        for (name, lo, hi) in FIELDS {
            let Some(v) = args.get(name).and_then(convert::to_int) else { continue };
            if v < lo || v > hi {
                let (word, bound, rel) = if v > hi {
                    ("greater than the maximum", hi, "less")
                } else {
                    ("less than the minimum", lo, "greater")
                };
                return Err(validation_error(format!(
                    "Cannot validate argument on parameter '{name}'. The {v} argument is {word} allowed range of {bound}. Supply an argument that is {rel} than or equal to {bound} and then try the command again."
                )));
            }
            let p = dotnet_format::DateParts::of(secs, ns);
            let out_of_range = || {
                CmdletError::core(
                    "The added or subtracted value results in an un-representable DateTime.\r\nParameter name: value",
                    "System.ArgumentOutOfRangeException",
                    "NotSpecified",
                    "System.ArgumentOutOfRangeException",
                )
            };
            let moved = match name {
                YEAR => datetime::add_months(secs, (v - p.year) * 12).map(|s| (s, ns)),
                MONTH => datetime::add_months(secs, v - p.month as i64).map(|s| (s, ns)),
                DAY => datetime::add_seconds(secs, ns, ((v - p.day as i64) * 86400) as f64),
                HOUR => datetime::add_seconds(secs, ns, ((v - p.hour as i64) * 3600) as f64),
                MINUTE => datetime::add_seconds(secs, ns, ((v - p.minute as i64) * 60) as f64),
                SECOND => datetime::add_seconds(secs, ns, (v - p.second as i64) as f64),
                _ => Some((secs, v as u32 * 1_000_000)),
            };
            (secs, ns) = moved.ok_or_else(out_of_range)?;
        }
        let offset = cx.utc_offset(secs - cx.utc_offset(secs) as i64);
        if let Some(uf) = args.string(UFORMAT) {
            let text = uformat(&uf, secs, ns, offset).map_err(format_failed)?;
            cx.output(Value::str(text));
        } else if let Some(f) = args.string(FORMAT) {
            let (secs, f) = match f.to_ascii_lowercase().as_str() {
                "filedate" => (secs, "yyyyMMdd".to_string()),
                "filedateuniversal" => (secs - offset as i64, "yyyyMMddZ".to_string()),
                "filedatetime" => (secs, "yyyyMMddTHHmmssffff".to_string()),
                "filedatetimeuniversal" => (secs - offset as i64, "yyyyMMddTHHmmssffffZ".to_string()),
                _ => (secs, f),
            };
            let text = dotnet_format::format_date(secs, ns, &f, offset).map_err(format_failed)?;
            cx.output(Value::str(text));
        } else {
            cx.output(Value::DateTime(secs, ns));
        }
        Ok(())
    }
}

/// `-UFormat`: Windows PowerShell 5.1 turns each `%x` into a .NET format item (or a number) and then
/// formats the whole string with the date, so literal braces are format errors there too.
pub fn uformat(uf: &str, secs: i64, ns: u32, offset: i32) -> Result<String, FormatError> {
    let p = dotnet_format::DateParts::of(secs, ns);
    let body = uf.strip_prefix('+').unwrap_or(uf);
    let mut fmt = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            fmt.push(c);
            continue;
        }
        let Some(k) = chars.next() else { break };
        let piece: String = match k {
            'A' => "{0:dddd}".into(),
            'a' => "{0:ddd}".into(),
            'B' => "{0:MMMM}".into(),
            'b' | 'h' => "{0:MMM}".into(),
            'C' => (p.year / 100).to_string(),
            'c' => format!("{{0:ddd}} {{0:MMM}} {:>2} {{0:HH}}:{{0:mm}}:{{0:ss}} {{0:yyyy}}", p.day),
            'D' | 'x' => "{0:MM/dd/yy}".into(),
            'd' => "{0:dd}".into(),
            'e' => format!("{:>2}", p.day),
            'H' | 'k' => "{0:HH}".into(),
            'I' | 'l' => "{0:hh}".into(),
            'j' => format!("{:03}", p.day_of_year),
            'M' => "{0:mm}".into(),
            'm' => "{0:MM}".into(),
            'n' => "\n".into(),
            'p' => "{0:tt}".into(),
            'R' => "{0:HH:mm}".into(),
            'r' => "{0:hh:mm:ss tt}".into(),
            'S' => "{0:ss}".into(),
            // 5.1 subtracts the epoch from the local clock: TotalSeconds, a double.
            's' => convert::double_to_string(secs as f64 + ns as f64 / 1e9),
            'T' | 'X' => "{0:HH:mm:ss}".into(),
            't' => "\t".into(),
            'u' | 'w' => p.weekday.to_string(),
            'U' | 'W' => (p.day_of_year / 7).to_string(),
            'V' => (p.day_of_year / 7 + 1).to_string(),
            'G' | 'Y' => "{0:yyyy}".into(),
            'g' | 'y' => "{0:yy}".into(),
            'Z' => "{0:zz}".into(),
            other => other.to_string(),
        };
        fmt.push_str(&piece);
    }
    dotnet_format::composite(&fmt, &[Value::DateTime(secs, ns)], |v, f| dotnet_format::format_value(v, f, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uformat_table() {
        // Thursday, December 3, 2026 14:09:25, five hours west of UTC.
        let secs = convert::days_from_civil(2026, 12, 3) * 86400 + 14 * 3600 + 9 * 60 + 25;
        let u = |f: &str| uformat(f, secs, 0, -5 * 3600);
        assert_eq!(u("%Y-%m-%d %H:%M:%S").as_deref(), Ok("2026-12-03 14:09:25"));
        assert_eq!(u("+%A %a %B %b %h").as_deref(), Ok("Thursday Thu December Dec Dec"));
        assert_eq!(u("%j %u %w %U %V %W %C").as_deref(), Ok("337 4 4 48 49 48 20"));
        assert_eq!(u("%c").as_deref(), Ok("Thu Dec  3 14:09:25 2026"));
        assert_eq!(
            u("%D %e %I %p %r %R %T %y %Z").as_deref(),
            Ok("12/03/26  3 02 PM 02:09:25 PM 14:09 14:09:25 26 -05")
        );
        assert_eq!(u("%s").as_deref(), Ok("1796306965"));
        assert_eq!(u("%q%%"), Ok("q%".to_string()));
        assert_eq!(u("{x}"), Err(FormatError::InvalidInput));
    }
}
