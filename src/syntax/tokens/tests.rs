//! Tests of the tolerant token mode: classification, spans on every prefix, keywords as the parser reads them.

use super::super::parse::lex::KEYWORDS;
use super::super::{PipelineElement, StatementKind, parse};
use super::*;
use TokenKind as K;

fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
    tokens(src).into_iter().map(|t| (t.kind, t.span.slice(src))).collect()
}

/// Spans lie on character boundaries, in order, without overlapping, inside the input.
fn check_spans(src: &str) {
    let mut at = 0;
    for t in tokens(src) {
        let Span { start, end } = t.span;
        assert!(at <= start && start < end && end <= src.len(), "{src:?}: {t:?} after {at}");
        assert!(src.is_char_boundary(start) && src.is_char_boundary(end), "{src:?}: {t:?}");
        at = end;
    }
}

#[test]
fn command_parameters_and_arguments() {
    assert_eq!(
        kinds("Get-Mailbox -Identity michelle -ResultSize 10"),
        vec![
            (K::Command, "Get-Mailbox"),
            (K::Parameter, "-Identity"),
            (K::Argument, "michelle"),
            (K::Parameter, "-ResultSize"),
            (K::Number, "10"),
        ]
    );
}

#[test]
fn pipeline_starts_a_new_command() {
    let k = kinds("Get-Mailbox | Where-Object { $_.Name -like 'a*' } | ft Name");
    assert_eq!(k[0], (K::Command, "Get-Mailbox"));
    assert_eq!(k[1], (K::Pipe, "|"));
    assert_eq!(k[2], (K::Command, "Where-Object"));
    assert_eq!(k[3], (K::Open, "{"));
    assert_eq!(k[4], (K::Variable, "$_"));
    assert_eq!(k[5], (K::Punct, "."));
    assert_eq!(k[6], (K::Member, "Name"));
    assert_eq!(k[7], (K::Operator, "-like"));
    assert_eq!(k[8], (K::String, "'a*'"));
    assert_eq!(k[9], (K::Close, "}"));
    assert_eq!(k[11], (K::Command, "ft"));
    assert_eq!(k[12], (K::Argument, "Name"));
}

#[test]
fn keywords_only_at_statement_start() {
    let k = kinds("foreach ($m in $list) { Write-Host $m } ; 1..3 | foreach { $_ }");
    assert_eq!(k[0], (K::Keyword, "foreach"));
    assert_eq!(k[2], (K::Variable, "$m"));
    assert_eq!(k[3], (K::Keyword, "in"));
    assert_eq!(k[7], (K::Command, "Write-Host"));
    let last_foreach = k.iter().filter(|(_, s)| *s == "foreach").map(|(kd, _)| *kd).collect::<Vec<_>>();
    assert_eq!(last_foreach, vec![K::Keyword, K::Command]);
    assert!(k.contains(&(K::Number, "1")));
    assert!(k.contains(&(K::Operator, "..")));
}

#[test]
fn if_else_blocks() {
    let k = kinds("if ($x -eq 1) { Get-User } else { Get-Group }");
    assert_eq!(k[0], (K::Keyword, "if"));
    assert!(k.contains(&(K::Command, "Get-User")));
    assert!(k.contains(&(K::Keyword, "else")));
    assert!(k.contains(&(K::Command, "Get-Group")));
    assert!(k.contains(&(K::Number, "1")));
}

#[test]
fn assignment_then_command() {
    let k = kinds("$m = Get-Mailbox michelle; $n = 5 + $x");
    assert_eq!(k[0], (K::Variable, "$m"));
    assert_eq!(k[1], (K::Operator, "="));
    assert_eq!(k[2], (K::Command, "Get-Mailbox"));
    assert_eq!(k[3], (K::Argument, "michelle"));
    assert!(k.contains(&(K::Number, "5")));
    assert!(k.contains(&(K::Operator, "+")));
}

#[test]
fn a_statement_follows_an_assignment() {
    // The parser reads `if` after `=` as a statement, so it is a keyword here too.
    let k = kinds("$v = if ($a) { 1 } else { 2 }; @{ k = foreach ($i in $x) { $i } }");
    assert_eq!(k[2], (K::Keyword, "if"));
    assert!(k.contains(&(K::Keyword, "foreach")));
}

#[test]
fn strings_with_embedded_variables() {
    let k = kinds("Write-Host \"Hello $name!\" 'it''s'");
    assert_eq!(k[1], (K::String, "\"Hello "));
    assert_eq!(k[2], (K::Variable, "$name"));
    assert_eq!(k[3], (K::String, "!\""));
    assert_eq!(k[4], (K::String, "'it''s'"));
}

#[test]
fn subexpressions_in_strings_are_tokenized() {
    let k = kinds("echo \"n: $($m.Count) of $(Get-Mailbox | measure) ;)\" x");
    assert_eq!(k[1], (K::String, "\"n: "));
    assert_eq!(k[2], (K::Open, "$("));
    assert_eq!(k[3], (K::Variable, "$m"));
    assert_eq!(k[5], (K::Member, "Count"));
    assert_eq!(k[6], (K::Close, ")"));
    assert_eq!(k[7], (K::String, " of "));
    assert_eq!(k[9], (K::Command, "Get-Mailbox"));
    assert_eq!(k[11], (K::Command, "measure"));
    assert_eq!(k[13], (K::String, " ;)\""));
    assert_eq!(k[14], (K::Argument, "x"));
    // A quote inside the subexpression does not end the string.
    let k = kinds("\"a $(\"b\") c\"");
    assert_eq!(k.last(), Some(&(K::String, " c\"")));
}

#[test]
fn unterminated_things_run_to_the_end() {
    assert_eq!(kinds("echo 'abc"), vec![(K::Command, "echo"), (K::String, "'abc")]);
    assert_eq!(kinds("<# open"), vec![(K::Comment, "<# open")]);
    assert_eq!(kinds("echo \"a $(b"), vec![(K::Command, "echo"), (K::String, "\"a $(b")]);
    assert_eq!(kinds("echo @'\nx"), vec![(K::Command, "echo"), (K::String, "@'\nx")]);
    assert_eq!(kinds("${a b"), vec![(K::Variable, "${a b")]);
    let (t, mode) = tokens_with_mode("Get-Mailbox | ForEach-Object {");
    assert_eq!(t.last().map(|t| t.kind), Some(K::Open));
    assert_eq!(mode, LexMode::Start);
    let (t, mode) = tokens_with_mode("$(");
    assert_eq!(t.last().map(|t| t.kind), Some(K::Open));
    assert_eq!(mode, LexMode::Start);
}

#[test]
fn here_strings() {
    let src = "$h = @\"\n  $x \"q\"\n\"@ + 1";
    let k = kinds(src);
    assert_eq!(k[2], (K::String, "@\"\n  $x \"q\"\n\"@"));
    assert_eq!(k[4], (K::Number, "1"));
    // A body the parser rejects still ends at its terminator line.
    let k = kinds("@\"\n$mbx:\\x\n\"@ ; y");
    assert_eq!(k[0], (K::String, "@\"\n$mbx:\\x\n\"@"));
    assert_eq!(k.last(), Some(&(K::Command, "y")));
}

#[test]
fn comments_types_and_hashtables() {
    let k = kinds("[string]$x = @{ Name = 'a'; Size = 10MB } # done");
    assert_eq!(k[0], (K::Type, "[string]"));
    assert_eq!(k[1], (K::Variable, "$x"));
    assert_eq!(k[3], (K::Open, "@{"));
    assert_eq!(k[4], (K::Argument, "Name"));
    assert_eq!(k[5], (K::Operator, "="));
    assert!(k.contains(&(K::Argument, "Size")));
    assert!(k.contains(&(K::Number, "10MB")));
    assert_eq!(k.last(), Some(&(K::Comment, "# done")));
    // A BOM is whitespace, as for the parser.
    assert_eq!(kinds("\u{feff}# c"), vec![(K::Comment, "# c")]);
}

#[test]
fn switch_colon_form_and_redirection() {
    let k = kinds("Remove-Mailbox x -Confirm:$false 2>&1 > out.txt");
    assert_eq!(k[2], (K::Parameter, "-Confirm:"));
    assert_eq!(k[3], (K::Variable, "$false"));
    assert_eq!(k[4], (K::Punct, "2>&1"));
    assert_eq!(k[5], (K::Punct, ">"));
    assert_eq!(k[6], (K::Argument, "out.txt"));
}

#[test]
fn modes_at_the_end() {
    assert_eq!(tokens_with_mode("").1, LexMode::Start);
    assert_eq!(tokens_with_mode("Get-Mailbox ").1, LexMode::Args);
    assert_eq!(tokens_with_mode("$x -eq ").1, LexMode::Expr);
    assert_eq!(tokens_with_mode("Get-Mailbox | ").1, LexMode::Start);
    assert_eq!(tokens_with_mode("Get-Mailbox (").1, LexMode::Start);
    assert_eq!(tokens_with_mode("Get-Mailbox (Get-User x) ").1, LexMode::Args);
}

#[test]
fn numbers_as_the_parser_reads_them() {
    for (src, expected) in [
        ("$a = 42", Some("42")),
        ("$a = 0x1F", Some("0x1F")),
        ("$a = 1.5e3", Some("1.5e3")),
        ("$a = 10GB", Some("10GB")),
        ("$a = 1..3", Some("1")),
        ("echo -3", Some("-3")),
        ("echo 5,6", Some("5")),
        ("echo 1abc", None),
        ("echo 1.2.3", None),
        ("1abc", None),
    ] {
        let found = kinds(src).into_iter().find(|(k, _)| *k == K::Number).map(|(_, s)| s);
        assert_eq!(found, expected, "{src:?}");
    }
}

#[test]
fn operators_are_the_parsers_operator_words() {
    let k = kinds("$a -ceq $b -and -not $c -bxor 1 -isplit 'x' -frob 2");
    for op in ["-ceq", "-and", "-not", "-bxor", "-isplit"] {
        assert!(k.contains(&(K::Operator, op)), "{op}");
    }
    assert!(k.contains(&(K::Parameter, "-frob")));
}

/// Every prefix of real-ish scripts tokenizes, with well-formed spans.
#[test]
fn every_prefix_tokenizes() {
    let scripts = [
        "param([string]$Identity = 'michelle', [switch]$WhatIf)\n\
         $m = Get-Mailbox -Identity $Identity -ErrorAction Stop\n\
         foreach ($p in Get-MailboxPermission $m | Where-Object { $_.User -notlike 'NT AUTHORITY\\*' }) {\n\
         \x20   Write-Host \"$($p.User) has $($p.AccessRights -join ', ') on ${m}\" -ForegroundColor Green\n\
         }\n",
        "function Grant-Access {\n  [CmdletBinding(SupportsShouldProcess)]\n  param($User, [int]$Days = 7)\n\
         \x20 begin { $n = 0 }\n  process { try { Add-MailboxPermission x -User $User -AccessRights FullAccess `\n\
         \x20   -Confirm:$false 2>&1 > out.txt } catch [System.Exception] { throw } finally { $n++ } }\n\
         \x20 end { return $n }\n}\n<# block\ncomment #> Grant-Access -User 'a b'; exit 1\n",
        "$h = @{ Name = 'x'; Size = 10MB; List = @(1, 2.5, 0x1F) }\n$t = @\"\nHello $($h.Name)\n\"@\n\
         switch -Wildcard ($h.Name) { 'x*' { break } default { continue } }\n\
         do { $i += 1 } until ($i -ge 3 -or -not $ok)\n[math]::Round(1.5) | % { $_ } && echo ok || echo no\n\
         $s = 'it''s ‘curly’' + “q” – 1; :outer while ($true) { break outer }",
    ];
    for script in scripts {
        for (i, _) in script.char_indices().chain([(script.len(), ' ')]) {
            check_spans(&script[..i]);
        }
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    for src in [
        "",
        "$",
        "@",
        "@'",
        "@\"",
        "\"$(",
        "\"$(\"$(",
        "${",
        "${}",
        "`",
        "`\n",
        "<#",
        "#",
        "[",
        "[[",
        "]]])",
        "-",
        "--",
        "-.",
        ".",
        "..",
        "::",
        "$x::",
        "$x.",
        "0x",
        "0xZZ",
        "1e",
        "1kb2",
        "é ü",
        "\u{2013}eq",
        "& &&",
        "|||",
        ";;",
        "@{=",
        "@(",
        "function",
        "function (",
        "break :",
        "$a =",
        "if if if",
        "\"$x:\"",
        "\"`",
        "'",
        "''",
        "'''",
        "$(\"",
        "{{{{",
        "}}}}",
        "((((",
        "))))",
    ] {
        check_spans(src);
    }
    let deep = "\"$(".repeat(200);
    check_spans(&deep);
    let deep = "(".repeat(500) + &")".repeat(500);
    check_spans(&deep);
}

/// The first token is a keyword exactly when the parser reads the statement as a keyword
/// statement (or rejects the keyword there), not as a command of that name.
#[test]
fn keywords_match_the_parser() {
    // Keywords the parser reads as command names (named blocks outside a block body, and the
    // reserved words exsh does not implement), which PSReadLine still colours as keywords.
    // `parallel` and `sequence` are statements only before a `{`.
    let command_keywords = ["begin", "process", "end", "dynamicparam", "class", "enum", "trap", "parallel", "sequence"];
    let mut snippets: Vec<String> = Vec::new();
    for (word, _) in KEYWORDS {
        for w in [word.to_string(), word.to_ascii_uppercase()] {
            snippets.push(format!("{w} ($x) {{ 1 }}"));
            snippets.push(w.clone());
            for tail in ["-x", ".x", ":x", "\\x", "1", "_x"] {
                snippets.push(format!("{w}{tail} y"));
            }
        }
    }
    snippets.extend(
        ["foreach { $_ }", "foreach-object { $_ }", "iffy", "Get-If", "if(1){}", "if'x'", "do{1}while(0)", "return 1"]
            .map(String::from),
    );
    let mut wrong = Vec::new();
    for src in &snippets {
        let first = tokens(src).first().copied();
        let token_says = first.is_some_and(|t| t.kind == K::Keyword);
        let word = first.map(|t| t.span.slice(src).to_ascii_lowercase()).unwrap_or_default();
        let parser_says = match parse(src) {
            Err(_) => true,
            Ok(script) => match script.statements.first().map(|s| &s.kind) {
                Some(StatementKind::Pipeline(p)) => !matches!(p.elements.first(), Some(PipelineElement::Command(_))),
                Some(_) => true,
                None => false,
            },
        };
        let parser_says = parser_says || (token_says && command_keywords.contains(&word.as_str()));
        if token_says != parser_says {
            wrong.push(format!("{src:?}: tokenizer {token_says}, parser {parser_says}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
