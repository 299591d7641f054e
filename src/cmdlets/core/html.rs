//! ConvertTo-Html: the Windows PowerShell 5.1 XHTML skeleton, one string per line, values
//! HTML-encoded. See docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{Value, convert};

use super::props;

const PROPERTY: &str = "Property";
const TITLE: &str = "Title";
const HEAD: &str = "Head";
const BODY: &str = "Body";
const PRE_CONTENT: &str = "PreContent";
const POST_CONTENT: &str = "PostContent";
const FRAGMENT: &str = "Fragment";
const AS: &str = "As";

/// `ConvertTo-Html`.
pub struct ConvertToHtml;

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Cmdlet for ConvertToHtml {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-Html", "Microsoft.PowerShell.Commands.ConvertToHtmlCommand", Origin::Core)
            .synopsis("Converts objects into HTML that can be displayed in a Web browser.")
            .param(Param::new("InputObject", ParamType::Object).from_pipeline().help("The objects."))
            .param(Param::new(PROPERTY, ParamType::Object).array().position(0).help("The properties (columns)."))
            .param(Param::new(BODY, ParamType::String).array().position(1).help("Text after <body>."))
            .param(
                Param::new(HEAD, ParamType::String)
                    .array()
                    .position(2)
                    .help("The <head> content (replaces the title)."),
            )
            .param(Param::new(TITLE, ParamType::String).position(3).help("The <title> (default HTML TABLE)."))
            .param(Param::new(PRE_CONTENT, ParamType::String).array().help("Text before the table."))
            .param(Param::new(POST_CONTENT, ParamType::String).array().help("Text after the table."))
            .param(Param::new(FRAGMENT, ParamType::Switch).help("Only the table, no page around it."))
            .param(Param::new(AS, ParamType::Set(&["Table", "List"])).help("Table (default) or List."))
            .example("Get-Mailbox | Select-Object Name, Alias | ConvertTo-Html -Title Mailboxes", "An HTML report.")
    }

    fn end(&self, cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        let items = std::mem::take(state);
        let specs = props::property_arg(args)?;
        let mut rows: Vec<Vec<(String, Value)>> = Vec::new();
        for it in &items {
            let pairs = if specs.is_empty() {
                match it {
                    Value::Object(o) => o.borrow().iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
                    // A scalar has no properties to show but its own (a string its Length).
                    other => other.property("Length").map(|l| vec![("Length".to_string(), l)]).unwrap_or_default(),
                }
            } else {
                props::evaluate(cx, &specs, it)?
            };
            rows.push(pairs);
        }
        let mut lines: Vec<String> = Vec::new();
        let fragment = args.flag(FRAGMENT);
        if !fragment {
            lines.push("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">".into());
            lines.push("<html xmlns=\"http://www.w3.org/1999/xhtml\">".into());
            lines.push("<head>".into());
            match args.opt::<Vec<String>>(HEAD) {
                Some(head) => lines.extend(head),
                None => {
                    lines.push(format!("<title>{}</title>", args.string(TITLE).unwrap_or_else(|| "HTML TABLE".into())))
                }
            }
            lines.push("</head><body>".into());
            if let Some(body) = args.opt::<Vec<String>>(BODY) {
                lines.extend(body);
            }
        }
        if let Some(pre) = args.opt::<Vec<String>>(PRE_CONTENT) {
            lines.extend(pre);
        }
        let list = args.string(AS).is_some_and(|a| a.eq_ignore_ascii_case("List"));
        if !rows.is_empty() {
            lines.push("<table>".into());
            if list {
                for (i, r) in rows.iter().enumerate() {
                    if i > 0 {
                        lines.push("</table>".into());
                        lines.push("<table>".into());
                    }
                    for (k, v) in r {
                        lines.push(format!(
                            "<tr><td>{}:</td><td>{}</td></tr>",
                            encode(k),
                            encode(&convert::to_string(v))
                        ));
                    }
                }
            } else {
                let names: Vec<String> = rows[0].iter().map(|(k, _)| k.clone()).collect();
                lines.push(format!("<colgroup>{}</colgroup>", "<col/>".repeat(names.len())));
                lines.push(format!(
                    "<tr>{}</tr>",
                    names.iter().map(|n| format!("<th>{}</th>", encode(n))).collect::<String>()
                ));
                for r in &rows {
                    let cells: String = names
                        .iter()
                        .map(|n| {
                            let v =
                                r.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, v)| convert::to_string(v));
                            format!("<td>{}</td>", encode(&v.unwrap_or_default()))
                        })
                        .collect();
                    lines.push(format!("<tr>{cells}</tr>"));
                }
            }
            lines.push("</table>".into());
        }
        if let Some(post) = args.opt::<Vec<String>>(POST_CONTENT) {
            lines.extend(post);
        }
        if !fragment {
            lines.push("</body></html>".into());
        }
        for l in lines {
            cx.output(Value::str(l));
        }
        Ok(())
    }
}
