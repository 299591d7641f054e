//! Type definitions: `class Name [: Base] { properties, methods, constructors }` and
//! `[Flags()] enum Name { A; B = 2 }`, with PowerShell's parse errors (ParserStrings.resx).

use std::rc::Rc;

use super::super::ast::{
    Attribute, ClassDef, ClassMember, EnumDef, Expr, MemberKind, ScriptBlock, Statement, StatementKind,
};
use super::super::span::Span;
use super::lex::{Keyword, first, is_name_char, skip, skip1};
use super::{PResult, Parser};

impl<'s> Parser<'s> {
    /// A type name after `class`/`enum`/`:` (`Name`, `Ns.Name`).
    fn def_name(&self, i: &'s str) -> Option<(&'s str, &'s str)> {
        let n: usize = i.chars().take_while(|&c| is_name_char(c) || c == '.').map(char::len_utf8).sum();
        if n == 0 || !first(i).is_some_and(|c| c.is_alphabetic() || c == '_') {
            return None;
        }
        Some((skip(i, n), &i[..n]))
    }

    /// `[Attr()] … class|enum` at `i`: the attributes and the keyword, or `None` when the
    /// brackets are not followed by a type definition.
    pub(super) fn attributed_type_definition(&self, i: &'s str) -> Option<PResult<'s, Statement>> {
        let mut attrs = Vec::new();
        let mut r = i;
        while r.starts_with('[') {
            match self.attr_or_type_pub(r) {
                Ok((r2, Ok(a))) => {
                    attrs.push(a);
                    let Ok((r3, ())) = self.ws_nl(r2) else { return None };
                    r = r3;
                }
                _ => return None,
            }
        }
        let (kw, after) = self.statement_keyword(r)?;
        match kw {
            Keyword::Enum => Some(self.enum_statement(i, after, &attrs)),
            Keyword::Class => Some(self.class_statement(i, after)),
            _ => None,
        }
    }

    fn missing_name(&self, kw: &str, after_kw: &'s str) -> PResult<'s, Statement> {
        let (r, ()) = self.ws(after_kw)?;
        self.fail_at(r, format!("Missing name after {kw} keyword."), "MissingNameAfterKeyword", self.at(after_kw))
    }

    fn missing_body(&self, kw: &str, at: &'s str) -> PResult<'s, Statement> {
        self.fail_at(at, format!("Missing '{kw}' body in '{kw}' declaration."), "MissingTypeBody", self.at(at))
    }

    /// `enum Name [: type] { A; B = 2 }`.
    pub(super) fn enum_statement(&self, start: &'s str, r: &'s str, attrs: &[Attribute]) -> PResult<'s, Statement> {
        let (r1, ()) = self.ws(r)?;
        let Some((r2, name)) = self.def_name(r1) else { return self.missing_name("enum", r) };
        let (mut r3, ()) = self.ws_nl(r2)?;
        if let Some(after) = r3.strip_prefix(':') {
            let (a1, ()) = self.ws_nl(after)?;
            let Some((a2, _underlying)) = self.def_name(a1) else {
                return self.fail_at(a1, "Type name expected.", "TypeNameExpected", self.at(a1));
            };
            let (a3, ()) = self.ws_nl(a2)?;
            r3 = a3;
        }
        let Some(body) = r3.strip_prefix('{') else { return self.missing_body("enum", r3) };
        let open = self.span(r3, body);
        let mut members: Vec<(String, Option<Expr>)> = Vec::new();
        let mut cur = body;
        loop {
            let (c1, ()) = self.ws_sep(cur)?;
            if let Some(end) = c1.strip_prefix('}') {
                let flags = attrs.iter().any(|a| {
                    a.name.eq_ignore_ascii_case("flags")
                        || a.name.eq_ignore_ascii_case("System.Flags")
                        || a.name.eq_ignore_ascii_case("FlagsAttribute")
                });
                let def = EnumDef { name: name.to_string(), flags, members, span: self.span(start, end) };
                return Ok((end, Statement { kind: StatementKind::Enum(Rc::new(def)), span: self.span(start, end) }));
            }
            if c1.is_empty() {
                return self.fail_incomplete(
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                    open,
                );
            }
            let Some((c2, member)) = self.def_name(c1).filter(|(_, m)| !m.contains('.')) else {
                return self.unexpected(c1);
            };
            if members.iter().any(|(m, _)| m.eq_ignore_ascii_case(member)) {
                return self.fail(
                    format!("The member '{member}' is already defined."),
                    "MemberAlreadyDefined",
                    self.span(c1, c2),
                );
            }
            let (c3, ()) = self.ws(c2)?;
            let (c4, value) = self.initializer(c2, c3, false, false)?;
            members.push((member.to_string(), value));
            let (c5, ()) = self.ws(c4)?;
            if !matches!(first(c5), None | Some('\n' | ';' | '}')) {
                return self.unexpected(c5);
            }
            cur = c5;
        }
    }

    /// `class Name [: Base[, Interface…]] { members }`.
    pub(super) fn class_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, ()) = self.ws(r)?;
        let Some((r2, name)) = self.def_name(r1) else { return self.missing_name("class", r) };
        let (mut r3, ()) = self.ws_nl(r2)?;
        let mut base = None;
        if let Some(after) = r3.strip_prefix(':') {
            let mut a = after;
            loop {
                let (a1, ()) = self.ws_nl(a)?;
                let Some((a2, b)) = self.def_name(a1) else {
                    return self.fail_at(a1, "Type name expected.", "TypeNameExpected", self.at(a1));
                };
                // The first name is the base class; later ones are interfaces.
                if base.is_none() {
                    base = Some(b.to_string());
                }
                let (a3, ()) = self.ws_nl(a2)?;
                match a3.strip_prefix(',') {
                    Some(a4) => a = a4,
                    None => {
                        r3 = a3;
                        break;
                    }
                }
            }
        }
        let Some(body) = r3.strip_prefix('{') else { return self.missing_body("class", r3) };
        let open = self.span(r3, body);
        let mut members: Vec<ClassMember> = Vec::new();
        let mut cur = body;
        loop {
            let (c1, ()) = self.ws_sep(cur)?;
            if let Some(end) = c1.strip_prefix('}') {
                let def = ClassDef { name: name.to_string(), base, members, span: self.span(start, end) };
                return Ok((end, Statement { kind: StatementKind::Class(Rc::new(def)), span: self.span(start, end) }));
            }
            if c1.is_empty() {
                return self.fail_incomplete(
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                    open,
                );
            }
            let (c2, member) = self.class_member(c1, name)?;
            let dup = members.iter().any(|m| {
                m.name.eq_ignore_ascii_case(&member.name)
                    && matches!(m.kind, MemberKind::Property { .. })
                    && matches!(member.kind, MemberKind::Property { .. })
            });
            if dup {
                return self.fail(
                    format!("The member '{}' is already defined.", member.name),
                    "MemberAlreadyDefined",
                    member.span,
                );
            }
            members.push(member);
            cur = c2;
        }
    }

    /// One member: `[attrs] [static] [hidden] [type] $Prop [= value]`, a method or a constructor.
    fn class_member(&self, i: &'s str, class: &str) -> PResult<'s, ClassMember> {
        let mut r = i;
        let (mut is_static, mut hidden) = (false, false);
        let mut type_name: Option<String> = None;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            r = r1;
            if r.starts_with('[') {
                let (r2, item) = self.attr_or_type_pub(r)?;
                if let Err(t) = item {
                    if type_name.is_some() {
                        return self.fail(
                            "Only one type may be specified on class members.",
                            "TooManyTypes",
                            self.span(r, r2),
                        );
                    }
                    type_name = Some(t);
                }
                r = r2;
                continue;
            }
            if let Some(r2) = self.keyword(r, "static") {
                is_static = true;
                r = r2;
                continue;
            }
            if let Some(r2) = self.keyword(r, "hidden") {
                hidden = true;
                r = r2;
                continue;
            }
            break;
        }
        if r.starts_with('$') {
            let (r2, var) = self.variable(r)?;
            let (r3, ()) = self.ws(r2)?;
            let (r4, default) = self.initializer(r2, r3, false, true)?;
            let (r5, ()) = self.ws(r4)?;
            if !matches!(first(r5), None | Some('\n' | ';' | '}')) {
                return self.unexpected(r5);
            }
            let m = ClassMember {
                name: var.name,
                is_static,
                hidden,
                kind: MemberKind::Property { type_name, default },
                span: self.span(i, r4),
            };
            return Ok((r4, m));
        }
        let Some((r2, name)) = self.def_name(r).filter(|(_, n)| !n.contains('.')) else {
            return self.fail_at(
                r,
                "Missing a property name or method definition.",
                "IncompleteMemberDefinition",
                self.at(r),
            );
        };
        let (r3, ()) = self.ws(r2)?;
        if !r3.starts_with('(') {
            return self.fail_at(
                r3,
                "Missing '(' in class method parameter list.",
                "MissingMethodParameterList",
                self.at(r3),
            );
        }
        let (r4, params) = self.param_list_pub(
            r3,
            "Missing ')' in function parameter list.",
            "MissingEndParenthesisInFunctionParameterList",
        )?;
        let is_ctor = name.eq_ignore_ascii_case(class);
        if is_ctor && type_name.is_some() {
            return self.fail(
                "A constructor cannot specify a return type.",
                "ConstructorCantHaveReturnType",
                self.span(i, r2),
            );
        }
        if is_ctor && is_static && !params.is_empty() {
            return self.fail(
                "A static constructor cannot have any parameters.",
                "StaticConstructorCantHaveParameters",
                self.span(r3, r4),
            );
        }
        let (mut r5, ()) = self.ws_nl(r4)?;
        let mut base_args = None;
        if is_ctor && let Some(after) = r5.strip_prefix(':') {
            let (a1, ()) = self.ws_nl(after)?;
            let Some(a2) = self.keyword(a1, "base") else {
                return self.fail_at(
                    a1,
                    "Missing 'base' after ':' in a base class constructor call.",
                    "MissingBaseCtorCall",
                    self.at(a1),
                );
            };
            let (a3, ()) = self.ws(a2)?;
            if !a3.starts_with('(') {
                return self.fail_at(
                    a3,
                    "Missing '(' in method call.",
                    "MissingOpenParenthesisInMethodCall",
                    self.at(a3),
                );
            }
            let (a4, args) = self.call_args(a3)?;
            base_args = Some(args);
            let (a5, ()) = self.ws_nl(a4)?;
            r5 = a5;
        }
        if !r5.starts_with('{') {
            return self.fail_at(
                r5,
                "Missing function body in function declaration.",
                "MissingFunctionBody",
                self.at(r5),
            );
        }
        let (r6, body) = self.script_block(r5)?;
        self.check_method_body(&body, is_ctor, type_name.as_deref())?;
        let kind = if is_ctor {
            MemberKind::Constructor { params, base_args, body }
        } else {
            MemberKind::Method { return_type: type_name, params, body }
        };
        Ok((r6, ClassMember { name: name.to_string(), is_static, hidden, kind, span: self.span(i, r6) }))
    }

    /// `( expr, expr )` of a `base(...)` call.
    fn call_args(&self, i: &'s str) -> PResult<'s, Vec<Expr>> {
        self.with_nl(true, || {
            let mut args = Vec::new();
            let mut r = skip1(i);
            loop {
                let (r1, ()) = self.ws_nl(r)?;
                if let Some(r2) = r1.strip_prefix(')') {
                    return Ok((r2, args));
                }
                if r1.is_empty() {
                    return self.fail_incomplete(
                        "Missing ')' in method call.",
                        "MissingEndParenthesisInMethodCall",
                        self.at(r1),
                    );
                }
                let (r2, e) = match self.expression(r1, false) {
                    Ok(ok) => ok,
                    Err(nom::Err::Error(_)) => return self.unexpected(r1),
                    Err(e) => return Err(e),
                };
                args.push(e);
                let (r3, ()) = self.ws_nl(r2)?;
                r = match r3.strip_prefix(',') {
                    Some(r4) => r4,
                    None if r3.starts_with(')') => r3,
                    None => {
                        return self.fail(
                            "Missing ')' in method call.",
                            "MissingEndParenthesisInMethodCall",
                            self.at(r3),
                        );
                    }
                };
            }
        })
    }

    /// The checks PowerShell makes on a method body when it parses it: no `param()` or named
    /// blocks; a `[void]` method returns no value; any other method returns one on its paths.
    fn check_method_body(&self, body: &ScriptBlock, is_ctor: bool, return_type: Option<&str>) -> PResult<'s, ()> {
        if let Some(pb) = &body.param_block {
            return self.fail(
                "A param block is not allowed in a class method.",
                "ParamBlockNotAllowedInMethod",
                pb.span,
            );
        }
        if body.begin.is_some() || body.process.is_some() {
            return self.fail(
                "A named block is not allowed in a class method.",
                "NamedBlockNotAllowedInMethod",
                body.span,
            );
        }
        let is_void = is_ctor || return_type.is_none_or(|t| t.eq_ignore_ascii_case("void"));
        let mut returns = Vec::new();
        collect_returns(&body.end, &mut returns);
        for (has_value, span) in &returns {
            if is_void && *has_value {
                return self.fail("Invalid return statement within void method.", "VoidMethodHasReturn", *span);
            }
            if !is_void && !*has_value {
                return self.fail(
                    "Invalid return statement within non-void method.",
                    "NonVoidMethodMissingReturnValue",
                    *span,
                );
            }
        }
        let ends_in_throw = matches!(body.end.last().map(|s| &s.kind), Some(StatementKind::Throw(_)));
        if !is_void && returns.is_empty() && !ends_in_throw {
            let end = body.span.end.saturating_sub(1);
            return self.fail(
                "Not all code path returns value within method.",
                "MethodHasCodePathNotReturn",
                Span::new(end, end + 1),
            );
        }
        Ok((self.src, ()))
    }
}

/// The `return` statements of a method body (not those of nested script blocks or functions):
/// whether each has a value, and its span.
fn collect_returns(stmts: &[Statement], out: &mut Vec<(bool, Span)>) {
    for s in stmts {
        match &s.kind {
            StatementKind::Return(p) => out.push((p.is_some(), s.span)),
            StatementKind::If { clauses, else_block } => {
                for (_, b) in clauses {
                    collect_returns(b, out);
                }
                if let Some(b) = else_block {
                    collect_returns(b, out);
                }
            }
            StatementKind::Foreach { body, .. }
            | StatementKind::For { body, .. }
            | StatementKind::While { body, .. }
            | StatementKind::DoLoop { body, .. } => collect_returns(body, out),
            StatementKind::Switch { clauses, .. } => {
                for (_, b) in clauses {
                    collect_returns(b, out);
                }
            }
            StatementKind::Try { body, catches, finally } => {
                collect_returns(body, out);
                for c in catches {
                    collect_returns(&c.body, out);
                }
                if let Some(f) = finally {
                    collect_returns(f, out);
                }
            }
            StatementKind::Block(b) => collect_returns(b, out),
            _ => {}
        }
    }
}
