//! Functions and script blocks: `function`/`filter` definitions, script blocks with `param()` and
//! named `begin`/`process`/`end` blocks, param blocks and the attributes and type constraints of
//! their parameters.

use std::rc::Rc;

use super::super::ast::{Attribute, Expr, ParamBlock, ParamDef, ScriptBlock, Statement, StatementKind};
use super::super::span::Span;
use super::lex::{Keyword, first, is_name_char, skip, skip1};
use super::{PResult, Parser};

/// `[Attribute(...)]` or a `[type]` constraint before a parameter.
enum AttrOrType {
    Attr(Attribute),
    Type(String),
}

impl<'s> Parser<'s> {
    /// An optional `= <expression>` after a parameter, a class property or an enum member: the
    /// expression when `at_eq` (the text after the name and blanks) starts with `=`, else nothing,
    /// going on from `otherwise`. A missing value is PowerShell's ExpectedValueExpression. `nl`
    /// lets the value start on the next line; `flag` is [`Parser::expression`]'s.
    pub(super) fn initializer(
        &self,
        otherwise: &'s str,
        at_eq: &'s str,
        nl: bool,
        flag: bool,
    ) -> PResult<'s, Option<Expr>> {
        let Some(after) = at_eq.strip_prefix('=') else { return Ok((otherwise, None)) };
        let (a1, ()) = if nl { self.ws_nl(after)? } else { self.ws(after)? };
        match self.expression(a1, flag) {
            Ok((a2, e)) => Ok((a2, Some(e))),
            Err(nom::Err::Error(_)) => self.fail_at(
                a1,
                "You must provide a value expression following the '=' operator.",
                "ExpectedValueExpression",
                self.at(after),
            ),
            Err(e) => Err(e),
        }
    }

    /// `function`, `filter` or `workflow` (`keyword`) definitions, after the keyword at `r`.
    pub(super) fn function_statement(&self, start: &'s str, r: &'s str, keyword: Keyword) -> PResult<'s, Statement> {
        let filter = keyword == Keyword::Filter;
        let kw = keyword.word();
        let (r1, ()) = self.ws(r)?;
        let n: usize = r1
            .chars()
            .take_while(|&c| !(super::lex::is_space(c) || matches!(c, '\n' | '(' | '{' | '}' | ')' | ';')))
            .map(char::len_utf8)
            .sum();
        if n == 0 {
            return self.fail_at(
                r1,
                format!("Missing name after {kw} keyword."),
                "MissingNameAfterKeyword",
                self.at(r),
            );
        }
        let name = r1.get(..n).unwrap_or("").to_string();
        let (mut r2, ()) = self.ws_nl(skip(r1, n))?;
        let mut inline: Option<ParamBlock> = None;
        if r2.starts_with('(') {
            let (r3, params) = self.param_list(
                r2,
                "Missing ')' in function parameter list.",
                "MissingEndParenthesisInFunctionParameterList",
            )?;
            inline = Some(ParamBlock { attributes: Vec::new(), params, span: self.span(r2, r3) });
            let (r4, ()) = self.ws_nl(r3)?;
            r2 = r4;
        }
        if !r2.starts_with('{') {
            return self.fail_at(
                r2,
                "Missing function body in function declaration.",
                "MissingFunctionBody",
                self.at(r2),
            );
        }
        let (r5, body) = self.script_block(r2)?;
        let mut body = Rc::unwrap_or_clone(body);
        if let Some(pb) = inline {
            if body.param_block.is_some() {
                return self.fail(
                    "The param statement cannot be used if arguments were specified in the function declaration.",
                    "OnlyOneParameterListAllowed",
                    pb.span,
                );
            }
            body.param_block = Some(pb);
        }
        if filter && body.begin.is_none() && body.process.is_none() {
            body.process = Some(std::mem::take(&mut body.end));
        }
        let kind = StatementKind::Function { name, body: Rc::new(body) };
        Ok((r5, Statement { kind, span: self.span(start, r5) }))
    }

    /// `{ [param(...)] [begin/process/end blocks | statements] }`.
    pub(crate) fn script_block(&self, i: &'s str) -> PResult<'s, Rc<ScriptBlock>> {
        let Some(body) = i.strip_prefix('{') else {
            return self.no(i);
        };
        let open = self.span(i, body);
        let (r, ()) = self.ws_sep(body)?;
        let (r, param_block) = match self.param_block(r) {
            Ok((r2, pb)) => (r2, Some(pb)),
            Err(nom::Err::Error(_)) => (r, None),
            Err(e) => return Err(e),
        };
        let (r, (begin, process, end)) = self.block_body(r)?;
        let mut sb = ScriptBlock { param_block, begin, process, end, text: String::new(), span: Span::default() };
        let (r, ()) = self.ws_sep(r)?;
        match r.strip_prefix('}') {
            Some(r2) => {
                sb.text = self.text(Span::new(open.end, self.pos(r))).to_string();
                sb.span = self.span(i, r2);
                Ok((r2, Rc::new(sb)))
            }
            None if r.is_empty() => self.fail_incomplete(
                "Missing closing '}' in statement block or type definition.",
                "MissingEndCurlyBrace",
                open,
            ),
            None => self.unexpected(r),
        }
    }

    /// The body of a script or script block: named blocks, or a plain statement list (the `end` part).
    #[allow(clippy::type_complexity)]
    pub(super) fn block_body(
        &self,
        r: &'s str,
    ) -> PResult<'s, (Option<Vec<Statement>>, Option<Vec<Statement>>, Vec<Statement>)> {
        let (mut r, ()) = self.ws_sep(r)?;
        if self.named_block_start(r).is_none() {
            let (r1, stmts) = self.statement_list(r)?;
            return Ok((r1, (None, None, stmts)));
        }
        let (mut begin, mut process, mut end) = (None, None, None);
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            let Some((kw, after)) = self.named_block_start(r1) else {
                r = r1;
                break;
            };
            let (r2, stmts) =
                self.statement_block(after, ("Missing statement block after 'end'.", "MissingNamedStatementBlock"))?;
            let dup = match kw {
                "begin" => begin.replace(stmts).is_some(),
                "process" => process.replace(stmts).is_some(),
                "end" => end.replace(stmts).is_some(),
                _ => false,
            };
            if dup {
                return self.fail(
                    format!("Script command clause '{kw}' has already been defined."),
                    "DuplicateScriptCommandClause",
                    self.span(r1, after),
                );
            }
            r = r2;
        }
        Ok((r, (begin, process, end.unwrap_or_default())))
    }

    /// `begin`/`process`/`end`/`dynamicparam` followed by `{`.
    fn named_block_start(&self, i: &'s str) -> Option<(&'static str, &'s str)> {
        for kw in [Keyword::Begin, Keyword::Process, Keyword::End, Keyword::DynamicParam] {
            let kw = kw.word();
            if let Some(r) = self.keyword(i, kw) {
                let (r1, ()) = self.ws_nl(r).ok()?;
                if r1.starts_with('{') {
                    return Some((kw, r));
                }
            }
        }
        None
    }

    /// `[attributes] param( … )`; a recoverable error when `i` is not a param block.
    pub(super) fn param_block(&self, i: &'s str) -> PResult<'s, ParamBlock> {
        if !self.looks_like_param_block(i) {
            return self.no(i);
        }
        let mut attributes = Vec::new();
        let mut r = i;
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            if !r1.starts_with('[') {
                r = r1;
                break;
            }
            match self.attr_or_type(r1) {
                Ok((r2, AttrOrType::Attr(a))) => {
                    attributes.push(a);
                    r = r2;
                }
                _ => return self.no(i),
            }
        }
        let Some(r1) = self.keyword(r, Keyword::Param.word()) else {
            return self.no(i);
        };
        let (r2, ()) = self.ws_nl(r1)?;
        if !r2.starts_with('(') {
            return self.no(i);
        }
        let (r3, params) = self.param_list(
            r2,
            "Missing ')' in function parameter list.",
            "MissingEndParenthesisInFunctionParameterList",
        )?;
        let start = attributes.first().map_or(self.pos(r), |a: &Attribute| a.span.start);
        Ok((r3, ParamBlock { attributes, params, span: Span::new(start, self.pos(r3)) }))
    }

    /// Cheap linear check: bracketed groups (skipping quoted text), then the `param` keyword.
    /// Keeps `[Type]::Member()` statements from being parsed twice as failed attributes.
    fn looks_like_param_block(&self, i: &'s str) -> bool {
        let mut r = i;
        loop {
            let Ok((r1, ())) = self.ws_sep(r) else {
                return false;
            };
            if !r1.starts_with('[') {
                return self.keyword(r1, Keyword::Param.word()).is_some();
            }
            let mut depth = 0usize;
            let mut quote: Option<char> = None;
            let mut end = None;
            for (k, c) in r1.char_indices() {
                match quote {
                    Some(q) if c == q || (q == '\'' && super::lex::is_squote(c)) => quote = None,
                    Some(_) => {}
                    None if super::lex::is_squote(c) => quote = Some('\''),
                    None if super::lex::is_dquote(c) => quote = Some('"'),
                    None if c == '[' => depth += 1,
                    None if c == ']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(k + 1);
                            break;
                        }
                    }
                    None => {}
                }
            }
            match end {
                Some(e) => r = skip(r1, e),
                None => return false,
            }
        }
    }

    /// `( [attrs] [type] $name [= default], … )`.
    fn param_list(&self, i: &'s str, missing: &str, id: &'static str) -> PResult<'s, Vec<ParamDef>> {
        let mut params = Vec::new();
        let mut r = skip1(i);
        let mut last_end = self.pos(r);
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some(r2) = r1.strip_prefix(')') {
                return Ok((r2, params));
            }
            if r1.is_empty() {
                return self.fail_incomplete(missing, id, Span::new(last_end, last_end));
            }
            let pstart = r1;
            let mut attributes = Vec::new();
            let mut type_name = None;
            let mut cur = r1;
            loop {
                let (c1, ()) = self.ws_nl(cur)?;
                cur = c1;
                if !cur.starts_with('[') {
                    break;
                }
                let (c2, item) = self.attr_or_type(cur)?;
                match item {
                    AttrOrType::Attr(a) => attributes.push(a),
                    AttrOrType::Type(t) => type_name = Some(t),
                }
                cur = c2;
            }
            let (r2, var) = match self.variable(cur) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => {
                    if cur.is_empty() {
                        return self.fail_incomplete(missing, id, self.at(cur));
                    }
                    return self.fail(
                        "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
                        "InvalidFunctionParameter",
                        self.at(cur),
                    );
                }
                Err(e) => return Err(e),
            };
            let (r3, ()) = self.ws_nl(r2)?;
            let (r4, default) = self.initializer(r2, r3, true, false)?;
            last_end = self.pos(r4);
            params.push(ParamDef { name: var.name, type_name, attributes, default, span: self.span(pstart, r4) });
            let (r5, ()) = self.ws_nl(r4)?;
            if let Some(r6) = r5.strip_prefix(',') {
                r = r6;
                continue;
            }
            if r5.starts_with(')') {
                r = r5;
                continue;
            }
            if r5.is_empty() {
                return self.fail_incomplete(missing, id, Span::new(last_end, last_end));
            }
            return self.fail(missing, id, Span::new(last_end, last_end));
        }
    }

    /// `[Name(args)]` as `Ok(attribute)`, or `[type]` as `Err(type name)` (class members).
    pub(super) fn attr_or_type_pub(&self, i: &'s str) -> PResult<'s, Result<Attribute, String>> {
        let (r, x) = self.attr_or_type(i)?;
        Ok((
            r,
            match x {
                AttrOrType::Attr(a) => Ok(a),
                AttrOrType::Type(t) => Err(t),
            },
        ))
    }

    /// A method's or constructor's `( [type] $p = default, … )`.
    pub(super) fn param_list_pub(&self, i: &'s str, missing: &str, id: &'static str) -> PResult<'s, Vec<ParamDef>> {
        self.param_list(i, missing, id)
    }

    /// `[Name(args)]` (attribute) or `[type]` (type constraint).
    fn attr_or_type(&self, i: &'s str) -> PResult<'s, AttrOrType> {
        let (r, ()) = self.ws(skip1(i))?;
        let n: usize = r.chars().take_while(|&c| is_name_char(c) || c == '.').map(char::len_utf8).sum();
        let after_name = skip(r, n);
        if n > 0 && after_name.starts_with('(') {
            let name = r.get(..n).unwrap_or("").to_string();
            let (r2, (positional, named)) = self.attribute_args(after_name)?;
            let (r3, ()) = self.ws_nl(r2)?;
            let Some(r4) = r3.strip_prefix(']') else {
                return self.fail_at(
                    r3,
                    "Missing ] at end of attribute or type literal.",
                    "EndSquareBracketExpectedAtEndOfAttribute",
                    self.at(r2),
                );
            };
            return Ok((r4, AttrOrType::Attr(Attribute { name, positional, named, span: self.span(i, r4) })));
        }
        let (r2, t) = self.type_name(i)?;
        Ok((r2, AttrOrType::Type(t)))
    }

    /// See `attribute_args_inner`.
    #[allow(clippy::type_complexity)]
    fn attribute_args(&self, i: &'s str) -> PResult<'s, (Vec<Expr>, Vec<(String, Option<Expr>)>)> {
        self.with_nl(true, || self.attribute_args_inner(i))
    }

    /// `( positional, Name = value, Flag )` of an attribute.
    #[allow(clippy::type_complexity)]
    fn attribute_args_inner(&self, i: &'s str) -> PResult<'s, (Vec<Expr>, Vec<(String, Option<Expr>)>)> {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut r = skip1(i);
        let mut last_end = self.pos(r);
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some(r2) = r1.strip_prefix(')') {
                return Ok((r2, (positional, named)));
            }
            if r1.is_empty() {
                return self.fail_incomplete(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    Span::new(last_end, last_end),
                );
            }
            let word_len: usize = if first(r1).is_some_and(|c| c.is_alphabetic() || c == '_') {
                r1.chars().take_while(|&c| is_name_char(c)).map(char::len_utf8).sum()
            } else {
                0
            };
            let r_next;
            if word_len > 0 {
                let name = r1.get(..word_len).unwrap_or("").to_string();
                let (r2, ()) = self.ws_nl(skip(r1, word_len))?;
                if let Some(after) = r2.strip_prefix('=') {
                    let (r3, ()) = self.ws_nl(after)?;
                    let (r4, e) = match self.expression(r3, false) {
                        Ok(ok) => ok,
                        Err(nom::Err::Error(_)) => {
                            return self.fail_at(
                                r3,
                                "Missing statement after '=' in named argument.",
                                "MissingExpressionInNamedArgument",
                                self.at(after),
                            );
                        }
                        Err(e) => return Err(e),
                    };
                    named.push((name, Some(e)));
                    r_next = r4;
                } else {
                    named.push((name, None));
                    r_next = skip(r1, word_len);
                }
            } else {
                let (r2, e) = match self.expression(r1, false) {
                    Ok(ok) => ok,
                    Err(nom::Err::Error(_)) => return self.unexpected(r1),
                    Err(e) => return Err(e),
                };
                positional.push(e);
                r_next = r2;
            }
            last_end = self.pos(r_next);
            let (r5, ()) = self.ws_nl(r_next)?;
            if let Some(r6) = r5.strip_prefix(',') {
                r = r6;
            } else if r5.starts_with(')') || r5.is_empty() {
                r = r5;
            } else {
                return self.fail(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    Span::new(last_end, last_end),
                );
            }
        }
    }
}
