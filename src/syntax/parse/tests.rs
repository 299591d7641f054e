//! Parser tests: each construct, the lexical traps, every error id with its message, span and
//! `incomplete` flag, and a no-panic sweep over truncated and mangled scripts.
//!
//! Expressions are compared through a compact S-expression rendering (`sx`) so assertions stay short.

use super::parse_script;
use crate::syntax::ast::*;
use crate::syntax::error::ParseError;
use crate::syntax::span::Span;

fn parse_ok(src: &str) -> Script {
    match parse_script(src, super::ParseOptions::default()) {
        Ok(s) => s,
        Err(e) => panic!("parse of {src:?} failed: {e:?}"),
    }
}

fn parse_err(src: &str) -> ParseError {
    match parse_script(src, super::ParseOptions::default()) {
        Ok(s) => panic!("parse of {src:?} unexpectedly succeeded: {s:#?}"),
        Err(e) => e,
    }
}

/// Renders the statements of `src`, one per line.
fn render(src: &str) -> String {
    parse_ok(src).statements.iter().map(st).collect::<Vec<_>>().join("\n")
}

fn stmts(v: &[Statement]) -> String {
    v.iter().map(st).collect::<Vec<_>>().join("; ")
}

fn st(s: &Statement) -> String {
    match &s.kind {
        StatementKind::Pipeline(p) => pl(p),
        StatementKind::Assignment { target, op, value } => {
            format!("{} {:?} {}", sx(target), op, st(value))
        }
        StatementKind::If { clauses, else_block } => {
            let mut out = String::from("if");
            for (c, b) in clauses {
                out += &format!(" ({}) {{{}}}", pl(c), stmts(b));
            }
            if let Some(e) = else_block {
                out += &format!(" else {{{}}}", stmts(e));
            }
            out
        }
        StatementKind::Foreach { label, variable, iterable, body } => {
            format!("{}foreach ${variable} in ({}) {{{}}}", lbl(label), pl(iterable), stmts(body))
        }
        StatementKind::For { label, init, condition, step, body } => format!(
            "{}for ({}; {}; {}) {{{}}}",
            lbl(label),
            init.as_ref().map(|s| st(s)).unwrap_or_default(),
            condition.as_ref().map(pl).unwrap_or_default(),
            step.as_ref().map(|s| st(s)).unwrap_or_default(),
            stmts(body)
        ),
        StatementKind::While { label, condition, body } => {
            format!("{}while ({}) {{{}}}", lbl(label), pl(condition), stmts(body))
        }
        StatementKind::DoLoop { label, body, condition, until } => format!(
            "{}do {{{}}} {} ({})",
            lbl(label),
            stmts(body),
            if *until { "until" } else { "while" },
            pl(condition)
        ),
        StatementKind::Switch { label, flags, subject, clauses } => {
            let cl: Vec<String> = clauses
                .iter()
                .map(|(p, b)| format!("{} {{{}}}", p.as_ref().map(sx).unwrap_or("default".into()), stmts(b)))
                .collect();
            format!("{}switch {:?} ({}) {{{}}}", lbl(label), flags, pl(subject), cl.join(" "))
        }
        StatementKind::Function { name, body } => format!("function {name} {}", sb(body)),
        StatementKind::Return(p) => format!("return {}", p.as_ref().map(pl).unwrap_or_default()),
        StatementKind::Throw(p) => format!("throw {}", p.as_ref().map(pl).unwrap_or_default()),
        StatementKind::Exit(p) => format!("exit {}", p.as_ref().map(pl).unwrap_or_default()),
        StatementKind::Break(l) => format!("break {}", l.clone().unwrap_or_default()),
        StatementKind::Continue(l) => format!("continue {}", l.clone().unwrap_or_default()),
        StatementKind::Try { body, catches, finally } => {
            let mut out = format!("try {{{}}}", stmts(body));
            for c in catches {
                out += &format!(" catch {:?} {{{}}}", c.types, stmts(&c.body));
            }
            if let Some(f) = finally {
                out += &format!(" finally {{{}}}", stmts(f));
            }
            out
        }
        StatementKind::Trap { type_name, body } => format!("trap {type_name:?} {{{}}}", stmts(body)),
        StatementKind::Block(b) => format!("block {{{}}}", stmts(b)),
        StatementKind::Chain { first, rest } => {
            let mut out = pl(first);
            for (op, p) in rest {
                out += &format!(" {} {}", if *op == ChainOp::And { "&&" } else { "||" }, pl(p));
            }
            out
        }
        StatementKind::Data { variable, supported_commands, body } => format!(
            "data {} [{}] {{{}}}",
            variable.clone().unwrap_or_default(),
            supported_commands.iter().map(sx).collect::<Vec<_>>().join(" "),
            stmts(body)
        ),
        StatementKind::Using { kind, name } => format!("using {kind} {name}"),
        StatementKind::Class(c) => format!("class {} : {:?} ({} members)", c.name, c.base, c.members.len()),
        StatementKind::Enum(e) => format!("enum {} flags={} ({} members)", e.name, e.flags, e.members.len()),
    }
}

fn lbl(l: &Option<String>) -> String {
    l.as_ref().map(|l| format!(":{l} ")).unwrap_or_default()
}

fn sb(b: &ScriptBlock) -> String {
    let mut out = String::from("{");
    if let Some(p) = &b.param_block {
        out += &format!("param({}) ", params(p));
    }
    if let Some(x) = &b.begin {
        out += &format!("begin {{{}}} ", stmts(x));
    }
    if let Some(x) = &b.process {
        out += &format!("process {{{}}} ", stmts(x));
    }
    out += &stmts(&b.end);
    out += "}";
    out
}

fn params(p: &ParamBlock) -> String {
    p.params
        .iter()
        .map(|d| {
            let attrs: Vec<String> = d.attributes.iter().map(attr).collect();
            format!(
                "{}{}${}{}",
                attrs.join(""),
                d.type_name.as_ref().map(|t| format!("[{t}]")).unwrap_or_default(),
                d.name,
                d.default.as_ref().map(|e| format!("={}", sx(e))).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn attr(a: &Attribute) -> String {
    let mut args: Vec<String> = a.positional.iter().map(sx).collect();
    for (n, v) in &a.named {
        args.push(match v {
            Some(v) => format!("{n}={}", sx(v)),
            None => n.clone(),
        });
    }
    format!("[{}({})]", a.name, args.join(","))
}

fn pl(p: &Pipeline) -> String {
    p.elements
        .iter()
        .map(|e| match e {
            PipelineElement::Expr(e) => sx(e),
            PipelineElement::Redirected(e, reds) => format!("{}{}", sx(e), redirs(reds)),
            PipelineElement::Command(c) => cmd(c),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn cmd(c: &CommandCall) -> String {
    let mut out = match c.invocation {
        InvocationKind::Plain => String::new(),
        InvocationKind::Call => "& ".into(),
        InvocationKind::Dot => ". ".into(),
    };
    out += &match &c.name {
        CommandName::Bare(n, _) => n.clone(),
        CommandName::Expr(e) => sx(e),
    };
    for a in &c.args {
        out += " ";
        out += &match a {
            CommandArg::Parameter { name, value: None, .. } => format!("-{name}"),
            CommandArg::Parameter { name, value: Some(v), .. } => format!("-{name}:{}", sx(v)),
            CommandArg::Positional(e) => sx(e),
            CommandArg::Splat(n, _) => format!("@{n}"),
        };
    }
    out += &redirs(&c.redirections);
    out
}

fn redirs(reds: &[crate::syntax::ast::Redirection]) -> String {
    let mut out = String::new();
    for r in reds {
        out += &format!(
            " {}{}{}",
            r.from,
            if r.append { ">>" } else { ">" },
            match &r.to {
                RedirectTarget::Stream(n) => format!("&{n}"),
                RedirectTarget::File(e) => sx(e),
            }
        );
    }
    out
}

fn sx(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Literal(Literal::Int(v)) => v.to_string(),
        ExprKind::Literal(Literal::Long(v)) => format!("{v}L"),
        ExprKind::Literal(Literal::Double(v)) => format!("{v}f"),
        ExprKind::Literal(Literal::String(s)) => format!("'{s}'"),
        ExprKind::BareWord(s) => format!("bw:{s}"),
        ExprKind::Expandable(parts) => {
            let mut out = String::from("\"");
            for p in parts {
                match p {
                    StringPart::Literal(s) => out += s,
                    StringPart::Expr(e) => out += &format!("{{{}}}", sx(e)),
                }
            }
            out + "\""
        }
        ExprKind::Variable(v) => format!(
            "{}{}{}",
            if v.splat { "@" } else { "$" },
            v.scope.as_ref().map(|s| format!("{s}:")).unwrap_or_default(),
            v.name
        ),
        ExprKind::ArrayLiteral(items) => {
            format!("(, {})", items.iter().map(sx).collect::<Vec<_>>().join(" "))
        }
        ExprKind::ArraySubexpr(s) => format!("@({})", stmts(s)),
        ExprKind::Subexpr(s) => format!("$({})", stmts(s)),
        ExprKind::Paren(s) => format!("({})", st(s)),
        ExprKind::Hashtable(items) => {
            format!("@{{{}}}", items.iter().map(|(k, v)| format!("{}={}", sx(k), st(v))).collect::<Vec<_>>().join("; "))
        }
        ExprKind::ScriptBlock(b) => sb(b),
        ExprKind::Binary { op, lhs, rhs } => format!("({} {} {})", binop(*op), sx(lhs), sx(rhs)),
        ExprKind::Unary { op, operand } => format!("({:?} {})", op, sx(operand)),
        ExprKind::Member { target, name, is_static } => {
            format!("({} {} {})", if *is_static { "::" } else { "." }, sx(target), member(name))
        }
        ExprKind::MethodCall { target, name, args, is_static } => format!(
            "(call{} {} {}{})",
            if *is_static { "::" } else { "" },
            sx(target),
            member(name),
            args.iter().map(|a| format!(" {}", sx(a))).collect::<String>()
        ),
        ExprKind::Index { target, index } => format!("(idx {} {})", sx(target), sx(index)),
        ExprKind::Cast { type_name, expr } => format!("([{type_name}] {})", sx(expr)),
        ExprKind::TypeLiteral(t) => format!("[{t}]"),
        ExprKind::Ternary { condition, if_true, if_false } => {
            format!("(? {} {} {})", sx(condition), sx(if_true), sx(if_false))
        }
        ExprKind::NullConditional(e) => format!("(?{})", sx(e)),
    }
}

fn member(m: &MemberName) -> String {
    match m {
        MemberName::Literal(s) => s.clone(),
        MemberName::Dynamic(e) => sx(e),
    }
}

fn binop(op: BinaryOp) -> String {
    match op {
        BinaryOp::Compare { op, case_sensitive } => {
            format!("{}{}", if case_sensitive { "c" } else { "" }, format!("{op:?}").to_lowercase())
        }
        BinaryOp::Add => "+".into(),
        BinaryOp::Sub => "-".into(),
        BinaryOp::Mul => "*".into(),
        BinaryOp::Div => "/".into(),
        BinaryOp::Rem => "%".into(),
        BinaryOp::Range => "..".into(),
        other => format!("{other:?}").to_lowercase(),
    }
}

// ---------------------------------------------------------------- commands and pipelines

#[test]
fn simple_command_and_pipeline() {
    assert_eq!(render("Get-Mailbox"), "Get-Mailbox");
    assert_eq!(
        render("Get-Mailbox -ResultSize Unlimited | Where-Object { $_.Name -like 'a*' } | Select-Object Name"),
        "Get-Mailbox -ResultSize bw:Unlimited | Where-Object {(like (. $_ Name) 'a*')} | Select-Object bw:Name"
    );
}

#[test]
fn command_arguments() {
    assert_eq!(
        render(
            r#"Add-MailboxPermission -Identity karen -User CONTOSO\michelle -AccessRights FullAccess -Confirm:$false"#
        ),
        r"Add-MailboxPermission -Identity bw:karen -User bw:CONTOSO\michelle -AccessRights bw:FullAccess -Confirm:$false"
    );
    assert_eq!(
        render(r"Get-MailboxFolderPermission karen:\Calendar user@contoso.com *.csv a=b c/d"),
        r"Get-MailboxFolderPermission bw:karen:\Calendar bw:user@contoso.com bw:*.csv bw:a=b bw:c/d"
    );
    assert_eq!(render("Set-X -User a,b,\"c\""), "Set-X -User (, bw:a bw:b \"c\")");
    assert_eq!(render("Set-X -Count 5 2MB -3 1.5"), "Set-X -Count 5 2097152 -3 1.5f");
    assert_eq!(render("Set-X 10.0.0.1 1st"), "Set-X bw:10.0.0.1 bw:1st");
    assert_eq!(render("Set-X -Identity:karen"), "Set-X -Identity:bw:karen");
    assert_eq!(render("Set-X @params -Force"), "Set-X @params -Force");
    assert_eq!(
        render("Get-X $x.Name $x[0] $_.Identity $x.Get(1) (Get-Date).AddDays(-7)"),
        "Get-X (. $x Name) (idx $x 0) (. $_ Identity) (call $x Get 1) (call (Get-Date) AddDays -7)"
    );
    assert_eq!(render("Get-X $(1) @(2) @{a=1} {3}"), "Get-X $(1) @(2) @{'a'=1} {3}");
}

#[test]
fn adjacent_argument_parts_concatenate() {
    assert_eq!(render(r#"Get-X $mbx":\Calendar""#), r#"Get-X "{$mbx}:\Calendar""#);
    assert_eq!(render(r#"Get-X "$a"b"#), r#"Get-X "{$a}b""#);
    assert_eq!(render(r#"Get-X abc"def"'g'"#), r#"Get-X "abcdefg""#);
    assert_eq!(render(r#"Get-X $a.Alias":\Calendar""#), r#"Get-X "{(. $a Alias)}:\Calendar""#);
}

#[test]
fn command_name_forms() {
    assert_eq!(render("? { $_ }"), "? {$_}");
    assert_eq!(render("%{ $_ }"), "% {$_}");
    assert_eq!(render(r".\x.ps1 -a"), r".\x.ps1 -a");
    assert_eq!(render(r#"& "Get-Mailbox" -x"#), r#"& "Get-Mailbox" -x"#);
    assert_eq!(render("& $sb 1"), "& $sb 1");
    assert_eq!(render(r". .\lib.ps1"), r". .\lib.ps1");
    // A quote glued to a command name joins the name (one generic token), as in PowerShell.
    assert_eq!(render(r#"Write-Host"""#), "Write-Host");
    assert_eq!(render(r#"Write-Host"x" y"#), "Write-Hostx bw:y");
    assert_eq!(render("Get-X | foreach { $_ }"), "Get-X | foreach {$_}");
}

#[test]
fn pipeline_continues_after_trailing_pipe() {
    assert_eq!(render("Get-X |\n  Select-Object Name\nGet-Y"), "Get-X | Select-Object bw:Name\nGet-Y");
    assert_eq!(render("$list | Sort-Object"), "$list | Sort-Object");
}

#[test]
fn redirections() {
    assert_eq!(render("Get-X 2>&1"), "Get-X 2>&1");
    assert_eq!(render("Get-X > out.txt"), "Get-X 1>bw:out.txt");
    assert_eq!(render("Get-X >> out.txt 2> err.txt"), "Get-X 1>>bw:out.txt 2>bw:err.txt");
    assert_eq!(render("Get-X *> $null"), "Get-X 0>$null");
    assert_eq!(render("Get-X 3> w.txt 4>&1 6>>$null"), "Get-X 3>bw:w.txt 4>&1 6>>$null");
}

#[test]
fn expression_redirections() {
    assert_eq!(render("\"x\" > a.txt"), "\"x\" 1>bw:a.txt");
    assert_eq!(render("$log >> $LogFile"), "$log 1>>$LogFile");
    assert_eq!(render("\"y\" *> all.txt"), "\"y\" 0>bw:all.txt");
    assert_eq!(render("2 * 3"), "(* 2 3)");
    assert_eq!(render("$x 2>&1 | Get-Y"), "$x 2>&1 | Get-Y");
    assert_eq!(render("1 -gt 0"), "(gt 1 0)");
}

#[test]
fn unicode_dashes_and_quotes() {
    assert_eq!(render("Get-X –Identity karen —User ―x"), "Get-X -Identity bw:karen -User -x");
    assert_eq!(render("Get-X ‘a’ “b” „c”"), "Get-X 'a' \"b\" \"c\"");
    assert_eq!(render("$a –eq 1"), "(eq $a 1)");
}

#[test]
fn backtick_continuation_and_comments() {
    assert_eq!(render("Get-X -a 1 `\n  -b 2 # trailing\n<# block\ncomment #> Get-Y"), "Get-X -a 1 -b 2\nGet-Y");
    // tokenizer.cs: "` " is whitespace, so a blank after the backtick ends the continuation…
    assert_eq!(parse_err("Get-X `  \n -b").message, "Unexpected token '-b' in expression or statement.");
    // …and a backtick before a blank inside a line is just whitespace.
    assert_eq!(render("Get-X -a `  1"), "Get-X -a 1");
    assert_eq!(render("$x.M(\"a\",`  0)"), render("$x.M(\"a\", 0)"));
    assert_eq!(render("#requires -Version 3\nGet-X"), "Get-X");
    assert_eq!(render("$a -and `\n $b"), "(and $a $b)");
}

#[test]
fn bom_crlf_semicolons() {
    assert_eq!(render("\u{feff}Get-X\r\nGet-Y; Get-Z\r\n"), "Get-X\nGet-Y\nGet-Z");
    let s = parse_ok("\u{feff}$x = 1");
    assert_eq!(s.statements[0].span.start, 3);
}

// ---------------------------------------------------------------- expressions

#[test]
fn precedence_levels() {
    assert_eq!(render("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(render("1 - 2 - 3"), "(- (- 1 2) 3)");
    assert_eq!(render("$a -eq 1 -and $b -ne 2 -or $c"), "(or (and (eq $a 1) (ne $b 2)) $c)");
    assert_eq!(render("'{0}' -f 1 + 2"), "(+ (format '{0}' 1) 2)");
    assert_eq!(render("1..3 + 4"), "(+ (.. 1 3) 4)");
    assert_eq!(render("1,2 + 3"), "(+ (, 1 2) 3)");
    assert_eq!(render("-not $a -eq $b"), "(eq (Not $a) $b)");
    assert_eq!(render("!$a"), "(Not $a)");
    assert_eq!(render("-1..3"), "(.. -1 3)");
    assert_eq!(render("- $x"), "(Negate $x)");
    assert_eq!(render("1 -band 3 -eq 3"), "(band 1 (eq 3 3))");
    assert_eq!(render("-split 'a b'"), "(Split 'a b')");
    assert_eq!(render("-join $a"), "(Join $a)");
    assert_eq!(render(",1"), "(Comma 1)");
    assert_eq!(render("$a -ceq 'X' -ilike 'y' -cnotcontains 1"), "(cnotcontains (like (ceq $a 'X') 'y') 1)");
    assert_eq!(render("$x -is [string] -and $y -as [int]"), "(and (is $x [string]) (as $y [int]))");
    assert_eq!(render("$a -replace 'a','b'"), "(replace $a (, 'a' 'b'))");
    assert_eq!(render("$a -in 1,2 -xor $b"), "(xor (in $a (, 1 2)) $b)");
    assert_eq!(render("$a -notmatch 'x' -or $b -contains 'y'"), "(or (notmatch $a 'x') (contains $b 'y'))");
    assert_eq!(render("$a -split ',' -join ';'"), "(join (split $a ',') ';')");
    assert_eq!(render("$a -shl 2"), "(shl $a 2)");
}

#[test]
fn newline_after_operator_and_comma() {
    assert_eq!(render("$a -and\n  $b"), "(and $a $b)");
    assert_eq!(render("$x = 1,\n 2"), "$x Assign (, 1 2)");
    assert_eq!(render("(\n Get-X\n)"), "(Get-X)");
}

#[test]
fn postfix_members_and_methods() {
    assert_eq!(render("$x.Name.Length"), "(. (. $x Name) Length)");
    assert_eq!(render("[math]::Round(1.5)"), "(call:: [math] Round 1.5f)");
    assert_eq!(render("[DateTime]::Now"), "(:: [DateTime] Now)");
    assert_eq!(render("$x.Split(',', 2)[0]"), "(idx (call $x Split ',' 2) 0)");
    assert_eq!(render("$h['k'].$p"), "(. (idx $h 'k') $p)");
    assert_eq!(render("$a[1..3]"), "(idx $a (.. 1 3))");
    assert_eq!(render("$a[0,1]"), "(idx $a (, 0 1))");
    assert_eq!(render("$i++"), "(PostIncrement $i)");
    assert_eq!(render("$i--"), "(PostDecrement $i)");
    assert_eq!(render("++$i"), "(PreIncrement $i)");
    assert_eq!(render("$a-1"), "(- $a 1)");
    assert_eq!(render("$x.'odd name'"), "(. $x odd name)");
    assert_eq!(render("$s.Method(\n 1,\n 2\n)"), "(call $s Method 1 2)");
}

#[test]
fn casts_and_type_literals() {
    assert_eq!(render("[int]$x"), "([int] $x)");
    assert_eq!(render("[int] '5' + 1"), "(+ ([int] '5') 1)");
    assert_eq!(render("[string][int]$x"), "([string] ([int] $x))");
    assert_eq!(render("[string[]]$x"), "([string[]] $x)");
    assert_eq!(
        render("[System.Collections.Generic.List[string]]::new()"),
        "(call:: [System.Collections.Generic.List[string]] new)"
    );
    assert_eq!(render("[PSCustomObject]@{ a = 1 }"), "([PSCustomObject] @{'a'=1})");
    assert_eq!(render("[ordered]@{}"), "([ordered] @{})");
    assert_eq!(render("[int]-1"), "([int] -1)");
    assert_eq!(render("[void]"), "[void]");
}

#[test]
fn numbers() {
    assert_eq!(render("0x1F"), "31");
    assert_eq!(render("1.5"), "1.5f");
    assert_eq!(render("1e3"), "1000f");
    assert_eq!(render("2GB"), "2147483648");
    assert_eq!(render("1.5KB"), "1536f");
    assert_eq!(render("10l"), "10L");
    assert_eq!(render("0x10L"), "16L");
    assert_eq!(render("5d"), "5f");
    assert_eq!(render("99999999999999999999"), "100000000000000000000f");
    assert_eq!(render(".5"), "0.5f");
}

#[test]
fn strings_and_escapes() {
    assert_eq!(render("'it''s'"), "'it's'");
    assert_eq!(render(r#""a`tb`n`"q`$x``""#), "\"a\tb\n\"q$x`\"");
    assert_eq!(render(r#""say ""hi""""#), "\"say \"hi\"\"");
    assert_eq!(render(r#""$var.Prop""#), "\"{$var}.Prop\"");
    assert_eq!(render(r#""${var}x $env:USERNAME $script:y""#), "\"{$var}x {$env:USERNAME} {$script:y}\"");
    assert_eq!(render(r#""$($x.Alias):\Calendar""#), "\"{$((. $x Alias))}:\\Calendar\"");
    // `"$x:\Calendar"` is PowerShell's drive-qualified variable error (use `${x}` or `$($x)`).
    let e = parse_err(r#""$x:\Calendar""#);
    assert_eq!(e.error_id, "InvalidVariableReferenceWithDrive");
    assert_eq!(e.span, Span::new(1, 4));
    assert_eq!(render(r#""$_`:\Calendar""#), "\"{$_}:\\Calendar\"");
    assert_eq!(render(r#""cost: $ 5""#), "\"cost: $ 5\"");
    assert_eq!(render(r#""$(Get-Date -Format "yyyy")""#), "\"{$(Get-Date -Format \"yyyy\")}\"");
    assert_eq!(render(r#""$a[0]""#), "\"{$a}[0]\"");
    assert_eq!(render(r#""""#), "\"\"");
}

#[test]
fn here_strings() {
    assert_eq!(render("@'\nline $x\n 'quoted'\n'@"), "'line $x\n 'quoted''");
    assert_eq!(render("@\"\nHi $name\n\"x\"\n\"@"), "\"Hi {$name}\n\"x\"\"");
    assert_eq!(render("@\"\r\na\r\nb\r\n\"@\r\n"), "\"a\nb\"");
    assert_eq!(render("@'\n'@"), "''");
    assert_eq!(render("$s = @\"\nx\"@ not end\n\"@\nGet-X"), "$s Assign \"x\"@ not end\"\nGet-X");
}

#[test]
fn variables() {
    assert_eq!(render("$_; $?; $$; $^; $true; $null; $args"), "$_\n$?\n$$\n$^\n$true\n$null\n$args");
    assert_eq!(render("${name with spaces}"), "$name with spaces");
    assert_eq!(render("$Script:Count; $GLOBAL:x; ${env:Path}"), "$script:Count\n$global:x\n$env:Path");
}

#[test]
fn hashtables() {
    assert_eq!(
        render("@{ a = 1; 'b' = 2\n c = Get-Date\n N='x'; E={ $_.Name } }"),
        "@{'a'=1; 'b'=2; 'c'=Get-Date; 'N'='x'; 'E'={(. $_ Name)}}"
    );
    assert_eq!(render("@{\n}"), "@{}");
    assert_eq!(render("@{1 = 'one'}"), "@{1='one'}");
}

#[test]
fn script_block_text_and_span() {
    let s = parse_ok("$sb = { Get-X -a 1 }");
    let StatementKind::Assignment { value, .. } = &s.statements[0].kind else { panic!() };
    let StatementKind::Pipeline(p) = &value.kind else { panic!() };
    let PipelineElement::Expr(Expr { kind: ExprKind::ScriptBlock(b), span }) = &p.elements[0] else { panic!() };
    assert_eq!(b.text, " Get-X -a 1 ");
    assert_eq!(b.span, Span::new(6, 20));
    assert_eq!(*span, Span::new(6, 20));
}

// ---------------------------------------------------------------- statements

#[test]
fn assignments() {
    assert_eq!(render("$x = Get-Mailbox karen"), "$x Assign Get-Mailbox bw:karen");
    assert_eq!(
        render("$n += 1; $n -= 1; $n *= 2; $n /= 2; $n %= 3"),
        "$n Add 1\n$n Sub 1\n$n Mul 2\n$n Div 2\n$n Rem 3"
    );
    assert_eq!(render("$o.P = 2"), "(. $o P) Assign 2");
    assert_eq!(render("$h['k'] = 1"), "(idx $h 'k') Assign 1");
    assert_eq!(render("[string]$x = 'd'"), "([string] $x) Assign 'd'");
    assert_eq!(render("$x = if ($a) { 1 } else { 2 }"), "$x Assign if ($a) {1} else {2}");
    assert_eq!(render("$a, $b = 1, 2"), "(, $a $b) Assign (, 1 2)");
    assert_eq!(render("$x =\n 5"), "$x Assign 5");
}

#[test]
fn if_elseif_else() {
    assert_eq!(
        render("if ($a -eq 1) { 'one' } elseif ($a -eq 2) { 'two' }\nelse { 'many' }"),
        "if ((eq $a 1)) {'one'} ((eq $a 2)) {'two'} else {'many'}"
    );
    assert_eq!(render("IF(1){2}ELSE{3}"), "if (1) {2} else {3}");
    assert_eq!(render("if ($x = Get-X) { 1 }"), "if (($x Assign Get-X)) {1}");
    assert_eq!(render("if (1) {\n}\nGet-Y"), "if (1) {}\nGet-Y");
}

#[test]
fn foreach_statement_and_command() {
    assert_eq!(render("foreach ($m in Get-Mailbox) { $m.Name }"), "foreach $m in (Get-Mailbox) {(. $m Name)}");
    assert_eq!(render("ForEach($i in 1..3){$i}"), "foreach $i in ((.. 1 3)) {$i}");
    assert_eq!(render("foreach { $_ }"), "foreach {$_}");
    assert_eq!(render(":outer foreach ($a in $b) { break outer }"), ":outer foreach $a in ($b) {break outer}");
}

#[test]
fn loops() {
    assert_eq!(render("for ($i = 0; $i -lt 5; $i++) { $i }"), "for ($i Assign 0; (lt $i 5); (PostIncrement $i)) {$i}");
    assert_eq!(render("for (;;) { break }"), "for (; ; ) {break }");
    assert_eq!(render("while ($true) { continue }"), "while ($true) {continue }");
    assert_eq!(render("do { $i++ } while ($i -lt 3)"), "do {(PostIncrement $i)} while ((lt $i 3))");
    assert_eq!(render("do { $i++ }\nuntil ($i -ge 3)"), "do {(PostIncrement $i)} until ((ge $i 3))");
}

#[test]
fn switch_statement() {
    assert_eq!(
        render(
            "switch -Regex -CaseSensitive ($x) {\n '^a' { 'A' }\n abc { 'bare' }\n 5 { 'five' }\n default { 'other' }\n}"
        ),
        "switch [\"regex\", \"casesensitive\"] ($x) {'^a' {'A'} bw:abc {'bare'} 5 {'five'} default {'other'}}"
    );
    assert_eq!(
        render("switch -wildcard ($x) { 'a*' {1}; {$_ -gt 1} {2} }"),
        "switch [\"wildcard\"] ($x) {'a*' {1} {(gt $_ 1)} {2}}"
    );
}

#[test]
fn functions_and_params() {
    assert_eq!(render("function f($a, $b = 2) { $a + $b }"), "function f {param($a, $b=2) (+ $a $b)}");
    assert_eq!(
        render(
            "function Set-Perm {\n [CmdletBinding()]\n param(\n  [Parameter(Mandatory=$true, Position=0)]\n  [string]$Identity,\n  [ValidateSet('a','b')] [string[]]$Rights = 'd',\n  [switch]$Force\n )\n process { $Identity }\n}"
        ),
        "function Set-Perm {param([Parameter(Mandatory=$true,Position=0)][string]$Identity, [ValidateSet('a','b')][string[]]$Rights='d', [switch]$Force) process {$Identity} }"
    );
    let s = parse_ok(
        "function g { [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory)]$x) begin {1} process {2} end {3} }",
    );
    let StatementKind::Function { body, .. } = &s.statements[0].kind else { panic!() };
    let pb = body.param_block.as_ref().expect("param block");
    assert_eq!(pb.attributes[0].name, "CmdletBinding");
    assert_eq!(pb.attributes[0].named, vec![("SupportsShouldProcess".to_string(), None)]);
    assert_eq!(body.begin.as_ref().map(Vec::len), Some(1));
    assert_eq!(body.process.as_ref().map(Vec::len), Some(1));
    assert_eq!(body.end.len(), 1);
    assert_eq!(
        render("filter Only-A { if ($_ -like 'a*') { $_ } }"),
        "function Only-A {process {if ((like $_ 'a*')) {$_}} }"
    );
}

#[test]
fn script_param_block() {
    let s = parse_ok("#requires -Version 3\n[CmdletBinding()]\nparam([string]$Path = '.\\x.csv')\nGet-X $Path");
    let pb = s.param_block.expect("script param block");
    assert_eq!(pb.attributes.len(), 1);
    assert_eq!(pb.params[0].name, "Path");
    assert_eq!(pb.params[0].type_name.as_deref(), Some("string"));
    assert_eq!(s.statements.len(), 1);
    // A leading type expression is not a param block.
    assert_eq!(render("[Console]::WriteLine('x')"), "(call:: [Console] WriteLine 'x')");
}

#[test]
fn flow_control() {
    assert_eq!(render("return"), "return ");
    assert_eq!(render("return $x"), "return $x");
    assert_eq!(render("throw \"bad $x\""), "throw \"bad {$x}\"");
    assert_eq!(render("exit 1"), "exit 1");
    assert_eq!(render("break; continue lbl"), "break \ncontinue lbl");
}

#[test]
fn try_catch_finally() {
    assert_eq!(
        render(
            "try { Get-X -ErrorAction Stop } catch [System.IO.IOException], [System.Exception] { $_ } catch { 2 } finally { 3 }"
        ),
        "try {Get-X -ErrorAction bw:Stop} catch [\"System.IO.IOException\", \"System.Exception\"] {$_} catch [] {2} finally {3}"
    );
    assert_eq!(render("try { 1 }\nfinally { 2 }"), "try {1} finally {2}");
}

#[test]
fn spans_on_nodes() {
    let src = "Get-X -Name  a | Sort";
    let s = parse_ok(src);
    let StatementKind::Pipeline(p) = &s.statements[0].kind else { panic!() };
    assert_eq!(p.span, Span::new(0, src.len()));
    let PipelineElement::Command(c) = &p.elements[0] else { panic!() };
    assert_eq!(c.span.slice(src), "Get-X -Name  a");
    let CommandArg::Parameter { span, .. } = &c.args[0] else { panic!() };
    assert_eq!(span.slice(src), "-Name");
    let CommandArg::Positional(e) = &c.args[1] else { panic!() };
    assert_eq!(e.span.slice(src), "a");
    let src2 = "$x = $a.B(1) + 2";
    let s2 = parse_ok(src2);
    let StatementKind::Assignment { value, .. } = &s2.statements[0].kind else { panic!() };
    assert_eq!(value.span.slice(src2), "$a.B(1) + 2");
}

// ---------------------------------------------------------------- errors

fn check_err(src: &str, id: &str, msg: &str, span: (usize, usize), incomplete: bool) {
    let e = parse_err(src);
    assert_eq!((e.error_id, e.message.as_str()), (id, msg), "for {src:?}");
    assert_eq!((e.span.start, e.span.end), span, "span for {src:?}");
    assert_eq!(e.incomplete, incomplete, "incomplete for {src:?}");
}

#[test]
fn errors_missing_closers_are_incomplete() {
    let curly = "Missing closing '}' in statement block or type definition.";
    check_err("if ($a) {\n Get-X", "MissingEndCurlyBrace", curly, (8, 9), true);
    check_err("function f {", "MissingEndCurlyBrace", curly, (11, 12), true);
    check_err("$h = @{ a = 1", "MissingEndCurlyBrace", curly, (6, 7), true);
    check_err("(1 + 2", "MissingEndParenthesisInExpression", "Missing closing ')' in expression.", (6, 6), true);
    check_err("$(1", "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.", (3, 3), true);
    check_err("'abc", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '.", (0, 4), true);
    check_err(
        "Write-Host \"abc",
        "TerminatorExpectedAtEndOfString",
        "The string is missing the terminator: \".",
        (11, 15),
        true,
    );
    check_err(
        "@\"\nabc",
        "TerminatorExpectedAtEndOfString",
        "The string is missing the terminator: \"@.",
        (0, 6),
        true,
    );
    check_err("Get-X |", "EmptyPipeElement", "An empty pipe element is not allowed.", (7, 7), true);
    check_err(
        "$a -eq",
        "ExpectedValueExpression",
        "You must provide a value expression following the '-eq' operator.",
        (6, 6),
        true,
    );
    check_err(
        "$a -and ",
        "ExpectedValueExpression",
        "You must provide a value expression following the '-and' operator.",
        (7, 7),
        true,
    );
    check_err("Get-X `", "MissingExpressionAfterToken", "Missing expression after '`'.", (7, 7), true);
    check_err(
        "<# open",
        "MissingTerminatorMultiLineComment",
        "The terminator '#>' is missing from the multiline comment.",
        (0, 7),
        true,
    );
    check_err("$a[1", "MissingEndSquareBracket", "Missing ']' after array index expression.", (4, 4), true);
    check_err("$x.Foo(1,", "MissingEndParenthesisInMethodCall", "Missing ')' in method call.", (8, 8), true);
    check_err("if", "MissingOpenParenthesisInIfStatement", "Missing '(' after 'if' in if statement.", (2, 2), true);
    check_err(
        "$x =",
        "ExpectedValueExpression",
        "You must provide a value expression following the '=' operator.",
        (4, 4),
        true,
    );
    check_err(
        "try { 1 }",
        "MissingCatchOrFinally",
        "The Try statement is missing its Catch or Finally block.",
        (9, 9),
        true,
    );
}

#[test]
fn errors_complete() {
    check_err("Get-X | | Get-Y", "EmptyPipeElement", "An empty pipe element is not allowed.", (7, 7), false);
    check_err("$a $b", "UnexpectedToken", "Unexpected token '$b' in expression or statement.", (3, 5), false);
    check_err("1 2", "UnexpectedToken", "Unexpected token '2' in expression or statement.", (2, 3), false);
    check_err("Get-X }", "UnexpectedToken", "Unexpected token '}' in expression or statement.", (6, 7), false);
    check_err(
        "$a -eq )",
        "ExpectedValueExpression",
        "You must provide a value expression following the '-eq' operator.",
        (6, 6),
        false,
    );
    check_err(
        "if $a { }",
        "MissingOpenParenthesisInIfStatement",
        "Missing '(' after 'if' in if statement.",
        (2, 2),
        false,
    );
    check_err(
        "if () { }",
        "IfStatementMissingCondition",
        "Missing condition in if statement after 'if ('.",
        (4, 4),
        false,
    );
    check_err(
        "if ($a { }",
        "MissingEndParenthesisAfterStatement",
        "Missing closing ')' after expression in 'if' statement.",
        (6, 6),
        false,
    );
    check_err(
        "if ($a) Get-X",
        "MissingStatementBlock",
        "Missing statement block after if ( condition ).",
        (7, 7),
        false,
    );
    check_err(
        "if ($a) {} else Get-X",
        "MissingStatementBlockAfterElse",
        "Missing statement block after 'else' keyword.",
        (15, 15),
        false,
    );
    check_err(
        "while $x {}",
        "MissingOpenParenthesisAfterKeyword",
        "Missing opening '(' after keyword 'while'.",
        (5, 5),
        false,
    );
    check_err("while ($x) Get-X", "MissingLoopStatement", "Missing statement body in while loop.", (10, 10), false);
    check_err(
        "do { } Get-X",
        "MissingWhileOrUntilInDoWhile",
        "Missing while or until keyword in do loop.",
        (6, 6),
        false,
    );
    check_err(
        "foreach ($x of $y) {}",
        "MissingInInForeach",
        "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        (11, 11),
        false,
    );
    check_err(
        "1 | 2",
        "ExpressionsMustBeFirstInPipeline",
        "Expressions are only allowed as the first element of a pipeline.",
        (4, 5),
        false,
    );
    check_err(
        "5 = 3",
        "InvalidLeftHandSide",
        "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
        (0, 1),
        false,
    );
    check_err(
        "@{ a 1 }",
        "MissingEqualsInHashLiteral",
        "Missing '=' operator after key in hash literal.",
        (4, 4),
        false,
    );
    check_err("()", "ExpectedExpression", "An expression was expected after '('.", (1, 1), false);
    check_err(
        "Get-X < in.txt",
        "RedirectionNotSupported",
        "The '<' operator is reserved for future use.",
        (6, 7),
        false,
    );
    check_err(
        "Get-X > ;",
        "MissingFileSpecification",
        "Missing file specification after redirection operator.",
        (7, 7),
        false,
    );
    check_err(
        "switch -bogus ($x) {}",
        "InvalidSwitchFlag",
        "The parameter -bogus is not valid for the switch statement.",
        (7, 13),
        false,
    );
    check_err(
        "function f($a) { param($b) }",
        "OnlyOneParameterListAllowed",
        "The param statement cannot be used if arguments were specified in the function declaration.",
        (10, 14),
        false,
    );
    check_err("function { }", "MissingNameAfterKeyword", "Missing name after function keyword.", (8, 8), false);
    check_err("$a[]", "MissingArrayIndexExpression", "Array index expression is missing or not valid.", (3, 3), false);
    check_err("!", "MissingExpressionAfterOperator", "Missing expression after unary operator '!'.", (1, 1), true);
}

#[test]
fn incomplete_flag_only_when_more_input_helps() {
    for src in [
        "if ($a) {",
        "Get-X |",
        "\"abc",
        "$a -and",
        "foreach ($x in $y) {",
        "Get-X `",
        "@'\nabc",
        "$x = @(",
        "function f {\n param(",
        "$a,",
    ] {
        let e = parse_err(src);
        assert!(e.incomplete, "{src:?} should be incomplete: {e:?}");
    }
    for src in ["Get-X }", ")", "1 2", "$a -eq )", "if ($a) Get-X"] {
        let e = parse_err(src);
        assert!(!e.incomplete, "{src:?} should be complete: {e:?}");
    }
}

// ---------------------------------------------------------------- robustness and speed

const ADMIN_SCRIPT: &str = r#"#Requires -Version 3
<#
.SYNOPSIS
  Grants calendar permissions.
#>
[CmdletBinding(SupportsShouldProcess=$true)]
param(
    [Parameter(Mandatory=$true, Position=0)] [string]$Csv,
    [ValidateSet('Reviewer','Editor')] [string]$Rights = 'Reviewer',
    [switch]$Force
)
$ErrorActionPreference = 'Stop'
$users = Import-Csv -Path $Csv | Where-Object { $_.Alias -ne '' }
$count = 0
foreach ($u in $users) {
    $mbx = Get-Mailbox -Identity $u.Alias -ErrorAction SilentlyContinue
    if ($null -eq $mbx) { Write-Warning "No mailbox for $($u.Alias)"; continue }
    try {
        Add-MailboxFolderPermission -Identity $mbx":\Calendar" –User "$($u.Delegate)" `
            -AccessRights $Rights -Confirm:$false 2>&1 | Out-Null
        $count++
    } catch [System.Exception] {
        Write-Host ("Failed: {0}" -f $_.Exception.Message) -ForegroundColor Red
    } finally { $done = $true }
}
$report = @{ Count = $count; When = Get-Date; Names = @($users | % { $_.Alias }) }
[PSCustomObject]$report | Format-List
switch -Wildcard ($Rights) { 'Rev*' { 'read' } default { 'write' } }
$list = New-Object System.Collections.Generic.List[string]
for ($i = 0; $i -lt 3; $i++) { $list.Add("item $i") }
$text = @"
Done: $count users
"@
do { $count-- } until ($count -le 0)
function Get-Total([int]$a, $b = 2) { return $a + $b }
Write-Host "Total: $(Get-Total 1 2)" -ForegroundColor ‘Green’
$h = [ordered]@{ a = 1 }; $h['b'] = [math]::Round(2.5)
if (-not $Force -and $users.Count -gt 10) { exit 1 }
"#;

#[test]
fn admin_script_parses() {
    let s = parse_ok(ADMIN_SCRIPT);
    assert!(s.param_block.is_some());
    assert_eq!(s.statements.len(), 16);
}

#[test]
fn every_prefix_of_admin_script_returns() {
    let mut idx: Vec<usize> = ADMIN_SCRIPT.char_indices().map(|(i, _)| i).collect();
    idx.push(ADMIN_SCRIPT.len());
    for end in idx {
        let _ = parse_script(&ADMIN_SCRIPT[..end], super::ParseOptions::default());
        let _ = parse_script(&ADMIN_SCRIPT[end..], super::ParseOptions::default());
    }
}

#[test]
fn random_snippets_never_panic() {
    // Deterministic xorshift so failures reproduce.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let atoms = [
        "$",
        "$x",
        "${",
        "}",
        "{",
        "(",
        ")",
        "@(",
        "@{",
        "$(",
        "[",
        "]",
        "'",
        "\"",
        "@\"\n",
        "\n\"@",
        "@'\n",
        "`",
        "|",
        ";",
        "\n",
        ",",
        ".",
        "::",
        "-",
        "–",
        "-eq",
        "-not",
        "!",
        "+",
        "++",
        "=",
        "+=",
        "..",
        "1",
        "0x",
        "2MB",
        "if",
        "else",
        "foreach",
        "function",
        "param",
        "[int]",
        "[Parameter(",
        "switch",
        "try",
        "catch",
        "<#",
        "#>",
        "#",
        "2>&1",
        ">",
        "Get-X",
        " ",
        "\r\n",
        "a:\\b",
        "‘",
        "“",
        "*",
        "%",
        "?",
        "&",
        "default",
        "do",
        "while",
        "until",
        "::new(",
        "\u{feff}",
    ];
    for _ in 0..3000 {
        let n = (next() % 12) as usize + 1;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(atoms[(next() % atoms.len() as u64) as usize]);
        }
        let _ = parse_script(&s, super::ParseOptions::default());
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "(".repeat(5000) + &")".repeat(5000);
    let e = parse_err(&deep);
    assert_eq!(e.error_id, "ScriptTooComplicated");
    let deep2 = "{".repeat(3000);
    assert!(parse_script(&deep2, super::ParseOptions::default()).is_err());
    let ok = "(".repeat(20) + "1" + &")".repeat(20);
    assert!(parse_script(&ok, super::ParseOptions::default()).is_ok());
}

#[test]
fn thousand_line_script_parses() {
    // How long it takes is measured by scripts/bench.sh, not here.
    let body: String = ADMIN_SCRIPT.lines().skip(11).collect::<Vec<_>>().join("\n");
    let mut big = String::new();
    while big.lines().count() < 1000 {
        big.push_str(&body);
        big.push('\n');
    }
    let s = parse_ok(&big);
    assert!(!s.statements.is_empty());
}

// ---------------------------------------------------------------- second round: idioms and newline rules

#[test]
fn newlines_inside_parens_and_indexes() {
    assert_eq!(render("($a\n -and $b)"), "((and $a $b))");
    assert_eq!(render("if ($a -eq 1\n    -or $b) { 1 }"), "if ((or (eq $a 1) $b)) {1}");
    assert_eq!(render("$x[\n 0\n]"), "(idx $x 0)");
    assert_eq!(render("(Get-X\n | Sort)"), "(Get-X | Sort)");
    // A newline still ends a statement inside a script block within parentheses.
    assert_eq!(render("({ 1\n -2 })"), "({1; -2})");
    assert_eq!(render("$a\n-1"), "$a\n-1");
}

#[test]
fn common_admin_idioms() {
    assert_eq!(
        render("Get-Mailbox | Select-Object Name, @{N='Size';E={$_.TotalItemSize}}"),
        "Get-Mailbox | Select-Object (, bw:Name @{'N'='Size'; 'E'={(. $_ TotalItemSize)}})"
    );
    assert_eq!(render("[void]$list.Add(1)"), "([void] (call $list Add 1))");
    assert_eq!(render("$null = Get-X"), "$null Assign Get-X");
    assert_eq!(render("if (!(Get-X)) { }"), "if ((Not (Get-X))) {}");
    assert_eq!(render("Import-Csv $PSScriptRoot\\users.csv"), "Import-Csv \"{$PSScriptRoot}\\users.csv\"");
    assert_eq!(render(". $PSScriptRoot\\lib.ps1"), ". \"{$PSScriptRoot}\\lib.ps1\"");
    assert_eq!(render("'abc'.ToUpper()"), "(call 'abc' ToUpper)");
    assert_eq!(render("[string]::IsNullOrEmpty($x)"), "(call:: [string] IsNullOrEmpty $x)");
    assert_eq!(render("$script:count++"), "(PostIncrement $script:count)");
    assert_eq!(render("1..10 | % { $_ * 2 }"), "(.. 1 10) | % {(* $_ 2)}");
    assert_eq!(render("Get-X -Days -7 -Value ($a + 1)"), "Get-X -Days -7 -Value ((+ $a 1))");
    assert_eq!(render("git --version"), "git bw:--version");
    assert_eq!(render("$a = $b.Count-1"), "$a Assign (- (. $b Count) 1)");
    assert_eq!(render("$a=-1"), "$a Assign -1");
    assert_eq!(render("$a-=1"), "$a Sub 1");
    assert_eq!(render("-not($x)"), "(Not ($x))");
    assert_eq!(render("$a[-1]"), "(idx $a -1)");
    assert_eq!(render("\"{0:N2}\" -f $size"), "(format \"{0:N2}\" $size)");
    assert_eq!(
        render("Write-Host ('x' + $y) -ForegroundColor Green"),
        "Write-Host ((+ 'x' $y)) -ForegroundColor bw:Green"
    );
    assert_eq!(render("Get-X -Filter \"Name -like 'a*'\""), "Get-X -Filter \"Name -like 'a*'\"");
    assert_eq!(render("@(\n 'a'\n 'b'\n).Count"), "(. @('a'; 'b') Count)");
    assert_eq!(render("$Host.UI.RawUI.WindowTitle = 'x'"), "(. (. (. $Host UI) RawUI) WindowTitle) Assign 'x'");
    assert_eq!(render("Get-X | Where Prop -eq x"), "Get-X | Where bw:Prop -eq bw:x");
}

#[test]
fn top_level_named_blocks_flatten() {
    assert_eq!(render("begin { 1 }\nprocess { 2 }\nend { 3 }"), "1\n2\n3");
    assert_eq!(render("Get-Process"), "Get-Process");
}

#[test]
fn param_block_lookahead_skips_quoted_brackets() {
    let s = parse_ok("[CmdletBinding()]\nparam([ValidatePattern('^[a-z]+]$')][string]$x)\n$x");
    let pb = s.param_block.expect("param block");
    assert_eq!(pb.params[0].attributes[0].name, "ValidatePattern");
    assert_eq!(render("[Console]::Out; [int]$x = 5"), "(:: [Console] Out)\n([int] $x) Assign 5");
}

#[test]
fn nested_attribute_script_blocks_are_not_exponential() {
    let mut src = String::new();
    for _ in 0..25 {
        src.push_str("[a({");
    }
    // Unclosed, so an error; an exponential parser would not get here (scripts/bench.sh times it).
    let _ = parse_err(&src);
}

#[test]
fn lexical_edge_cases() {
    assert_eq!(render(r#""cost $""#), "\"cost $\"");
    assert_eq!(parse_err(r#""a $env: b""#).error_id, "InvalidVariableReferenceWithDrive");
    assert_eq!(render("$x = 'a' +\n 'b'"), "$x Assign (+ 'a' 'b')");
    assert_eq!(render("Write-Host @\"\nhi $x\n\"@ -NoNewline"), "Write-Host \"hi {$x}\" -NoNewline");
    assert_eq!(render("if ($x) { # c\n 1 } # after\nelse { 2 }"), "if ($x) {1} else {2}");
    assert_eq!(render("Get-X -Name \"a\" # comment"), "Get-X -Name \"a\"");
    assert_eq!(render("$a.Add('k', 1)"), "(call $a Add 'k' 1)");
    assert_eq!(render("Write-Host `\"quoted`\""), "Write-Host bw:\"quoted\"");
    assert_eq!(render("Write-Host a`nb"), "Write-Host bw:a\nb");
}

// ---------------------------------------------------------------- language versions and the rest of the grammar

fn parse7(src: &str) -> Result<Script, ParseError> {
    parse_script(src, super::ParseOptions::new(super::LanguageVersion::Pwsh7))
}

fn render7(src: &str) -> String {
    match parse7(src) {
        Ok(s) => s.statements.iter().map(st).collect::<Vec<_>>().join("\n"),
        Err(e) => panic!("pwsh 7 parse of {src:?} failed: {e:?}"),
    }
}

#[test]
fn pipeline_chains_in_pwsh7() {
    assert_eq!(render7("a && b || c"), "a && b || c");
    assert_eq!(render7("a &&\n  b"), "a && b");
    assert_eq!(render7("$x = a && b"), "$x Assign a && b");
    assert_eq!(render7("a | b && 1"), "a | b && 1");
    let e = parse7("a &&").expect_err("parse error");
    assert_eq!((e.error_id, e.incomplete), ("EmptyPipelineChainElement", true));
    assert_eq!(e.message, "A pipeline chain operator must be followed by a pipeline.");
}

#[test]
fn pipeline_chains_are_errors_in_51() {
    check_err(
        "a && b",
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
        (2, 4),
        false,
    );
    check_err(
        "a || b",
        "InvalidEndOfLine",
        "The token '||' is not a valid statement separator in this version.",
        (2, 4),
        false,
    );
    check_err(
        "$x = 1 && 2",
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
        (7, 9),
        false,
    );
}

#[test]
fn pwsh7_operators() {
    assert_eq!(render7("$a ? 1 : 2"), "(? $a 1 2)");
    assert_eq!(render7("$a ? $b ? 1 : 2 : 3"), "(? $a (? $b 1 2) 3)");
    assert_eq!(render7("$a ?\n 1 :\n 2"), "(? $a 1 2)");
    assert_eq!(render7("$a ?? 'd'"), "(coalesce $a 'd')");
    assert_eq!(render7("$a ?? $b ?? 1"), "(coalesce (coalesce $a $b) 1)");
    assert_eq!(render7("1 + $a ?? 2 -eq 2"), "(eq (coalesce (+ 1 $a) 2) 2)");
    assert_eq!(render7("$a ??= 5"), "$a Coalesce 5");
    assert_eq!(render7("${a}?.B"), "(?(. $a B))");
    assert_eq!(render7("${a}?.M(1)"), "(?(call $a M 1))");
    assert_eq!(render7("${a}?[0]"), "(?(idx $a 0))");
    assert_eq!(render7("$a?.B"), "(. $a? B)");
    let e = parse7("$a ? 1").expect_err("parse error");
    assert_eq!(
        (e.error_id, e.message.as_str()),
        ("MissingColonInTernaryExpression", "Missing ':' in the ternary expression.")
    );
    assert_eq!(parse7("$a ?").expect_err("parse error").error_id, "ExpectedValueExpression");
}

#[test]
fn pwsh7_operators_are_errors_in_51() {
    check_err("$a ? 1 : 2", "UnexpectedToken", "Unexpected token '?' in expression or statement.", (3, 4), false);
    check_err("$a ?? 1", "UnexpectedToken", "Unexpected token '??' in expression or statement.", (3, 5), false);
    check_err("$a ??= 1", "UnexpectedToken", "Unexpected token '??=' in expression or statement.", (3, 6), false);
    check_err("${a}?.B", "UnexpectedToken", "Unexpected token '?.B' in expression or statement.", (4, 7), false);
}

#[test]
fn question_mark_in_variable_names() {
    assert_eq!(render("$a?"), "$a?");
    assert_eq!(render("\"is it $name?\""), "\"is it {$name?}\"");
    assert_eq!(render("$?"), "$?");
}

#[test]
fn unicode_escape_is_pwsh7_only() {
    assert_eq!(render("\"`u{41}\""), "\"u{41}\"");
    assert_eq!(render7("\"`u{41}\""), "\"A\"");
}

#[test]
fn data_sections() {
    assert_eq!(render("data { 'a' }"), "data  [] {'a'}");
    assert_eq!(render("data T -SupportedCommand Format-Xml, 'x' { 1 }"), "data T ['Format-Xml' 'x'] {1}");
    assert_eq!(render("$t = data { 1 }"), "$t Assign data  [] {1}");
    check_err(
        "data -Foo x { 1 }",
        "InvalidParameterForDataSectionStatement",
        "The \"Foo\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.",
        (5, 9),
        false,
    );
    let e = parse_err("data T");
    assert_eq!((e.error_id, e.incomplete), ("MissingStatementBlockForDataSection", true));
    assert_eq!(render("data-x y"), "data-x bw:y");
}

#[test]
fn using_statements() {
    assert_eq!(
        render("using namespace System.Text\nusing module .\\m.psm1\n1"),
        "using namespace System.Text\nusing module .\\m.psm1\n1"
    );
    check_err(
        "1\nusing namespace X",
        "UsingMustBeAtStartOfScript",
        "A 'using' statement must appear before any other statements in a script.",
        (2, 19),
        false,
    );
    check_err(
        "using foo X",
        "UsingStatementNotSupported",
        "This syntax of the 'using' statement is not supported.",
        (0, 9),
        false,
    );
}

#[test]
fn workflows() {
    let src = "workflow W { parallel { 1; 2 } sequence { 3 } foreach -parallel ($x in 1) { $x } }";
    assert_eq!(render(src), "function W {block {1; 2}; block {3}; foreach $x in (1) {$x}}");
    let e = parse7(src).expect_err("parse error");
    assert_eq!(
        (e.error_id, e.message.as_str()),
        ("WorkflowNotSupportedInPowerShellCore", "Workflow is not supported in PowerShell 6+.")
    );
    assert_eq!(render("parallel"), "parallel");
    check_err(
        "foreach -foo ($x in 1) {}",
        "InvalidForeachFlag",
        "The parameter foo is not valid for the foreach statement.",
        (8, 12),
        false,
    );
}

#[test]
fn switch_file_and_stop_parsing() {
    assert_eq!(
        render("switch -regex -file C:\\a.log { 'x' { 1 } }"),
        "switch [\"regex\", \"file\"] (bw:C:\\a.log) {'x' {1}}"
    );
    let e = parse_err("switch -file");
    assert_eq!(e.error_id, "MissingFilenameOption");
    assert_eq!(render("icacls x --% /grant Everyone:(F) $y\n2"), "icacls bw:x '/grant Everyone:(F) $y'\n2");
    assert_eq!(render("cmd --% a ; b | sort"), "cmd 'a ; b ' | sort");
}

#[test]
fn glued_command_names() {
    assert_eq!(render("ie\"\"x'' 'p'"), "iex 'p'");
    assert_eq!(render("Write-H''ost hi"), "Write-Host bw:hi");
}

#[test]
fn trap_statements_with_and_without_a_type() {
    assert_eq!(render("trap { continue }"), "trap None {continue }");
    assert_eq!(
        render("trap [System.DivideByZeroException]\n{ 'x'; break }"),
        "trap Some(\"System.DivideByZeroException\") {'x'; break }"
    );
    let e = parse_err("trap");
    assert_eq!(e.error_id, "MissingTrapStatement");
    assert_eq!(e.message, "The 'trap' statement was incomplete. A trap statement requires a body.");
    assert!(e.incomplete);
    let e = parse_err("trap [int] 1");
    assert_eq!(e.error_id, "MissingTrapStatement");
    assert!(!e.incomplete);
}

#[test]
fn class_and_enum_definitions() {
    assert_eq!(render("enum Color { Red; Green = 5\n Blue }"), "enum Color flags=false (3 members)");
    assert_eq!(render("[Flags()] enum P { A = 1; B = 2 }"), "enum P flags=true (2 members)");
    let src = "class B : A, IFoo {\n [int] $X = 1\n hidden static [string] $Y\n B([int] $x) : base($x) { $this.X = $x }\n [string] M() { return 'm' }\n [void] V() { }\n}";
    assert_eq!(render(src), "class B : Some(\"A\") (5 members)");
    // A `[type]` expression statement is still an expression, not a definition.
    assert!(!render("[int]'5'").contains("class"));
}

#[test]
fn class_parse_errors() {
    assert_eq!(parse_err("class {\n}").error_id, "MissingNameAfterKeyword");
    assert_eq!(parse_err("enum\n").error_id, "MissingNameAfterKeyword");
    assert_eq!(parse_err("class Foo\n'x'").error_id, "MissingTypeBody");
    assert_eq!(parse_err("class Foo { [int] $A; [int] $A }").error_id, "MemberAlreadyDefined");
    assert_eq!(parse_err("class Foo { [void] M() { return 1 } }").error_id, "VoidMethodHasReturn");
    assert_eq!(parse_err("class Foo { [int] M() { return } }").error_id, "NonVoidMethodMissingReturnValue");
    assert_eq!(parse_err("class Foo { [int] M() { $x = 1 } }").error_id, "MethodHasCodePathNotReturn");
    assert_eq!(parse_err("class Foo { [int] Foo() { } }").error_id, "ConstructorCantHaveReturnType");
    assert_eq!(parse_err("class Foo { [int] }").error_id, "IncompleteMemberDefinition");
    assert!(parse_err("class Foo { [int] $A").incomplete);
    // Throwing on every path needs no return.
    parse_ok("class Foo { [int] M() { throw 'no' } }");
}

#[test]
fn pwsh7_numeric_suffixes() {
    assert_eq!(render7("1u + 2uy + 3y + 4s + 5us + 6ul + 7n + 0x10u"), "(+ (+ (+ (+ (+ (+ (+ 1 2) 3) 4) 5) 6) 7) 16)");
    assert_eq!(render("1L + 2d"), "(+ 1L 2f)");
    // Windows PowerShell 5.1 reads `1u` as a command name.
    assert_eq!(render("1u"), "1u");
}

#[test]
fn deep_pwsh7_operators_are_errors_not_crashes() {
    for src in [
        "$a ? ".repeat(400) + "1" + &" : 2".repeat(400),
        "${a}?.b".to_string() + &"?.c".repeat(2000),
        "$a ?? ".repeat(2000) + "1",
        "a && ".repeat(2000) + "b",
        "data { ".repeat(300) + &"}".repeat(300),
    ] {
        let _ = parse7(&src);
        let _ = parse_script(&src, super::ParseOptions::default());
    }
    assert!(parse7(&("$a ? ".repeat(400) + "1" + &" : 2".repeat(400))).is_err());
    assert!(parse7(&("a && ".repeat(2000) + "b")).is_ok());
}

#[test]
fn a_script_block_right_after_a_member_name_is_a_method_call() {
    let with_parens = render("$x.Where({ $_ })");
    assert!(with_parens.starts_with("(call $x Where "), "{with_parens}");
    assert_eq!(render("$x.Where{ $_ }"), with_parens);
    assert!(render("(1,2).ForEach{ $_ * 2 }").starts_with("(call "));
    // A space before the brace ends the member access, as in PowerShell.
    assert!(parse_err("$x.Where { $_ }").message.starts_with("Unexpected token"));
}
