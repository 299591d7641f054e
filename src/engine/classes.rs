//! Script-defined types: `enum` (with `[Flags()]`) and `class` (typed properties with defaults,
//! `hidden` and `static` members, methods with typed returns and `$this`, constructor overloads,
//! `: base(...)`, inheritance and overriding, `ToString()` overrides).
//!
//! Instances are `PsObject`s whose type names are the class, its bases and `System.Object`, so
//! they format like PSCustomObjects under the class name. Facts are in docs/reference/types.md.

use std::cell::RefCell;
use std::rc::Rc;

use super::convert_to::ConvError;
use super::errors;
use super::eval::EvalResult;
use super::types::{Ty, UserTypes};
use super::{Engine, Flow};
use crate::syntax::{self, ClassMember, MemberKind, ParamDef, Span};
use crate::value::{EnumType, EnumValue, PsObject, Value, convert};

/// A defined class.
pub(crate) struct ClassDef {
    /// The name as written in the definition.
    pub name: String,
    /// The base class's name, if it has one.
    pub base: Option<String>,
    /// The definition.
    pub ast: Rc<syntax::ClassDef>,
    /// Static property values.
    pub statics: RefCell<Vec<(String, Option<String>, Value)>>,
    /// The text and file the definition came from (for error positions inside its methods).
    pub source: Rc<str>,
    pub file: Option<Rc<str>>,
}

impl ClassDef {
    fn members(&self) -> impl Iterator<Item = &ClassMember> {
        self.ast.members.iter()
    }

    /// The type of a property declared on this class (not its bases).
    fn own_property(&self, name: &str) -> Option<&ClassMember> {
        self.members().find(|m| m.name.eq_ignore_ascii_case(name) && matches!(m.kind, MemberKind::Property { .. }))
    }
}

/// The default of a typed property or variable that has no initializer: `0`, `$false`, an enum's
/// zero value; reference types are `$null`.
fn type_default(user: &UserTypes, t: Option<&str>) -> Value {
    let Some(t) = t else { return Value::Null };
    match super::types::resolve(user, t) {
        Some(Ty::Builtin(b)) => match b.kind {
            super::types::Kind::Integer(..) => Value::Int(0),
            super::types::Kind::Double | super::types::Kind::Decimal => Value::Double(0.0),
            super::types::Kind::Bool => Value::Bool(false),
            super::types::Kind::Switch => Value::Switch(false),
            super::types::Kind::DateTime => super::convert_to::ticks_to_datetime(0),
            _ => Value::Null,
        },
        Some(Ty::Enum(e)) => Value::Enum(EnumValue { ty: e, bits: 0 }),
        _ => Value::Null,
    }
}

impl Engine {
    /// Defines the enums and classes of a statement list before it runs (PowerShell creates a
    /// script's types when it parses it, so a type can be used above its definition).
    pub(crate) fn predefine_types(&mut self, stmts: &[syntax::Statement]) -> EvalResult<()> {
        for s in stmts {
            if let syntax::StatementKind::Enum(e) = &s.kind {
                self.define_enum(e)?;
            }
        }
        for s in stmts {
            if let syntax::StatementKind::Class(c) = &s.kind {
                self.define_class(c)?;
            }
        }
        Ok(())
    }

    /// `enum Name { … }`.
    pub(crate) fn define_enum(&mut self, def: &Rc<syntax::EnumDef>) -> EvalResult<()> {
        let key = def.name.to_ascii_lowercase();
        if let Some(existing) = self.types.borrow().enums.get(&key)
            && existing.name == def.name
            && self.enum_defs.iter().any(|d| Rc::ptr_eq(d, def))
        {
            return Ok(());
        }
        let mut members: Vec<(&'static str, u64)> = Vec::new();
        let mut next: i64 = 0;
        for (name, value) in &def.members {
            let v = match value {
                Some(e) => {
                    let v = self.eval_expr(e)?;
                    match v {
                        Value::Enum(x) => x.bits as i64,
                        other => match convert::to_number(&other) {
                            Some(Value::Int(i) | Value::Long(i)) => i,
                            _ => {
                                return Err(Flow::Error(Box::new(errors::runtime(
                                    "Enumerator value must be a constant value.",
                                    "EnumeratorValueMustBeConstant",
                                    "ParserError",
                                    ":",
                                    Some(self.position(e.span)),
                                ))));
                            }
                        },
                    }
                }
                None => next,
            };
            if i32::try_from(v).is_err() {
                let span = value.as_ref().map(|e| e.span).unwrap_or(def.span);
                return Err(Flow::Error(Box::new(errors::runtime(
                    "Enumerator value is either too large or too small for System.Int32.",
                    "EnumeratorValueOutOfBounds",
                    "ParserError",
                    ":",
                    Some(self.position(span)),
                ))));
            }
            members.push((leak(name), v as u64));
            next = v.wrapping_add(1);
        }
        // `Enum.GetNames` lists members by value (unsigned order of the underlying bits).
        members.sort_by_key(|m| m.1 as i64 as i32 as u32);
        let ty: &'static EnumType = Box::leak(Box::new(EnumType {
            name: leak(&def.name),
            flags: def.flags,
            members: Box::leak(members.into_boxed_slice()),
        }));
        self.types.borrow_mut().enums.insert(key, ty);
        self.enum_defs.push(def.clone());
        Ok(())
    }

    /// `class Name { … }`: registers the type and initializes its static properties.
    pub(crate) fn define_class(&mut self, def: &Rc<syntax::ClassDef>) -> EvalResult<()> {
        let key = def.name.to_ascii_lowercase();
        if let Some(c) = self.types.borrow().class(&key)
            && Rc::ptr_eq(&c.ast, def)
        {
            return Ok(());
        }
        let base = match &def.base {
            None => None,
            Some(b) => {
                let resolved = super::types::resolve(&self.types.borrow(), b);
                match resolved {
                    Some(Ty::Class(c)) => Some(c.to_string()),
                    Some(t) => Some(t.full_name()),
                    None => return Err(self.type_not_found(b, def.span)),
                }
            }
        };
        let class = Rc::new(ClassDef {
            name: def.name.clone(),
            base,
            ast: def.clone(),
            statics: RefCell::new(Vec::new()),
            source: self.source.clone(),
            file: self.file.clone(),
        });
        self.types.borrow_mut().classes.insert(key, class.clone());
        for m in &def.members {
            if let (true, MemberKind::Property { type_name, default }) = (m.is_static, &m.kind) {
                let v = match default {
                    Some(e) => {
                        let v = self.eval_expr(e)?;
                        self.convert_member(&v, type_name.as_deref(), e.span)?
                    }
                    None => type_default(&self.types.borrow(), type_name.as_deref()),
                };
                class.statics.borrow_mut().push((m.name.clone(), type_name.clone(), v));
            }
        }
        // A static constructor runs once, when the type is defined.
        for m in &def.members {
            if let (true, MemberKind::Constructor { body, .. }) = (m.is_static, &m.kind) {
                self.run_method_body(&class, None, &[], body, &[], None)?;
            }
        }
        Ok(())
    }

    /// Converts a value to a member's declared type (`None`: untyped).
    fn convert_member(&mut self, v: &Value, t: Option<&str>, span: Span) -> EvalResult<Value> {
        let Some(t) = t else { return Ok(v.clone()) };
        let ty = self.resolve_type(t, span)?;
        self.convert_value(v, &ty, span)
    }

    /// The class chain of `name`, most derived first.
    fn class_chain(&self, name: &str) -> Vec<Rc<ClassDef>> {
        let mut out: Vec<Rc<ClassDef>> = Vec::new();
        let mut cur = self.types.borrow().class(name);
        while let Some(c) = cur {
            if out.iter().any(|o| Rc::ptr_eq(o, &c)) {
                break;
            }
            cur = c.base.as_deref().and_then(|b| self.types.borrow().class(b));
            out.push(c);
        }
        out
    }

    /// The script class an object is an instance of.
    pub(crate) fn class_of(&self, v: &Value) -> Option<Rc<ClassDef>> {
        let Value::Object(o) = v else { return None };
        let first = o.borrow().type_names.first().cloned()?;
        self.types.borrow().class(&first)
    }

    /// `[Class]::new(args)` / `New-Object Class -ArgumentList args`.
    pub(crate) fn new_instance(&mut self, class: &Rc<ClassDef>, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        let chain = self.class_chain(&class.name);
        let mut names: Vec<String> = chain.iter().map(|c| c.name.clone()).collect();
        // A class deriving from a .NET type (not modelled beyond its name) still lists it.
        if let Some(b) = chain.last().and_then(|c| c.base.clone()) {
            names.push(b);
        }
        names.push("System.Object".into());
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let obj = Value::object(PsObject::new(&refs));
        // Properties are listed as .NET reflection lists them: the class's own first, then its
        // base's; their initializers run base class first.
        if let Value::Object(o) = &obj {
            for c in &chain {
                for m in c.members() {
                    if let (false, MemberKind::Property { type_name, .. }) = (m.is_static, &m.kind) {
                        if o.borrow().has(&m.name) {
                            continue;
                        }
                        let d = type_default(&self.types.borrow(), type_name.as_deref());
                        if m.hidden {
                            o.borrow_mut().set_hidden(&m.name, d);
                        } else {
                            o.borrow_mut().set(&m.name, d);
                        }
                    }
                }
            }
        }
        for c in chain.iter().rev() {
            for m in c.members() {
                if let (false, MemberKind::Property { type_name, default }) = (m.is_static, &m.kind) {
                    let v = match default {
                        Some(e) => {
                            let saved = std::mem::replace(&mut self.source, c.source.clone());
                            let v = self.eval_expr(e);
                            self.source = saved;
                            self.convert_member(&v?, type_name.as_deref(), e.span)?
                        }
                        None => type_default(&self.types.borrow(), type_name.as_deref()),
                    };
                    if let Value::Object(o) = &obj {
                        o.borrow_mut().set(&m.name, v);
                    }
                }
            }
        }
        self.run_constructor(class, &obj, args, span)?;
        self.refresh_display(&obj);
        Ok(obj)
    }

    /// Runs the constructor of `class` that fits `args` (after the base class's).
    fn run_constructor(&mut self, class: &Rc<ClassDef>, obj: &Value, args: Vec<Value>, span: Span) -> EvalResult<()> {
        let ctors: Vec<&ClassMember> =
            class.members().filter(|m| !m.is_static && matches!(m.kind, MemberKind::Constructor { .. })).collect();
        let chosen = if ctors.is_empty() {
            if !args.is_empty() {
                return Err(self.no_overload("new", args.len(), span));
            }
            None
        } else {
            match self.pick_overload(&ctors, &args) {
                Some(c) => Some(c),
                None => return Err(self.no_overload("new", args.len(), span)),
            }
        };
        let base = class.base.as_deref().and_then(|b| self.types.borrow().class(b));
        let (params, base_args, body) = match chosen.map(|m| &m.kind) {
            Some(MemberKind::Constructor { params, base_args, body }) => {
                (params.clone(), base_args.clone(), Some(body))
            }
            _ => (Vec::new(), None, None),
        };
        if let Some(b) = &base {
            // `: base(args)` is evaluated with the constructor's parameters in scope.
            let bargs = match &base_args {
                Some(exprs) => {
                    self.scopes.push();
                    self.bind_method_params(&params, &args)?;
                    let mut out = Vec::new();
                    let mut err = None;
                    for e in exprs {
                        match self.eval_expr(e) {
                            Ok(v) => out.push(v),
                            Err(f) => {
                                err = Some(f);
                                break;
                            }
                        }
                    }
                    self.scopes.pop_frame();
                    if let Some(f) = err {
                        return Err(f);
                    }
                    out
                }
                None => Vec::new(),
            };
            let b = b.clone();
            self.run_constructor(&b, obj, bargs, span)?;
        }
        if let Some(body) = body {
            let body = body.clone();
            self.run_method_body(class, Some(obj), &params, &body, &args, None)?;
        }
        Ok(())
    }

    /// The overload whose parameter count matches and whose typed parameters accept the arguments.
    fn pick_overload<'m>(&self, cands: &[&'m ClassMember], args: &[Value]) -> Option<&'m ClassMember> {
        let params_of = |m: &ClassMember| -> Vec<ParamDef> {
            match &m.kind {
                MemberKind::Method { params, .. } | MemberKind::Constructor { params, .. } => params.clone(),
                MemberKind::Property { .. } => Vec::new(),
            }
        };
        let fitting: Vec<&&ClassMember> = cands.iter().filter(|m| params_of(m).len() == args.len()).collect();
        if fitting.len() <= 1 {
            return fitting.first().map(|m| **m);
        }
        let user = self.types.borrow();
        // Prefer an overload whose parameter types the arguments already are, then one they convert to.
        let exact = fitting.iter().find(|m| {
            params_of(m).iter().zip(args).all(|(p, a)| match &p.type_name {
                None => true,
                Some(t) => super::types::resolve(&user, t).is_some_and(|ty| super::types::is_instance(&user, a, &ty)),
            })
        });
        if let Some(m) = exact {
            return Some(**m);
        }
        fitting
            .iter()
            .find(|m| {
                params_of(m).iter().zip(args).all(|(p, a)| match &p.type_name {
                    None => true,
                    Some(t) => super::types::resolve(&user, t)
                        .is_some_and(|ty| super::convert_to::convert(&user, a, &ty).is_ok()),
                })
            })
            .map(|m| **m)
    }

    /// `Cannot find an overload for "name" and the argument count: "n".`
    fn no_overload(&self, name: &str, n: usize, span: Span) -> Flow {
        errors::runtime(
            format!("Cannot find an overload for \"{name}\" and the argument count: \"{n}\"."),
            "MethodCountCouldNotFindBest",
            "NotSpecified",
            ":",
            Some(self.position(span)),
        )
        .with_exception("System.Management.Automation.MethodException")
        .flow()
    }

    /// Sets a method's parameters in the current scope, converted to their types.
    fn bind_method_params(&mut self, params: &[ParamDef], args: &[Value]) -> EvalResult<()> {
        for (i, p) in params.iter().enumerate() {
            let v = match args.get(i) {
                Some(v) => v.clone(),
                None => match &p.default {
                    Some(e) => self.eval_expr(e)?,
                    None => Value::Null,
                },
            };
            let v = match &p.type_name {
                Some(t) => {
                    let ty = self.resolve_type(t, p.span)?;
                    let user = self.types.borrow();
                    super::convert_to::convert(&user, &v, &ty).map_err(|e| {
                        let msg = format!(
                            "Cannot convert argument \"{}\", with value: \"{}\", for \"{}\" to type \"{}\": \"{}\"",
                            p.name,
                            convert::to_string(&v),
                            "method",
                            ty.full_name(),
                            e.message
                        );
                        let mut r = errors::runtime(
                            msg,
                            "MethodArgumentConversionInvalidCastArgument",
                            "NotSpecified",
                            ":",
                            Some(self.position(p.span)),
                        );
                        r.record.exception_type = "System.Management.Automation.MethodException".into();
                        Flow::Error(Box::new(r))
                    })?
                }
                None => v,
            };
            self.scopes.set_local(&p.name, v);
            if let Some(t) = &p.type_name {
                self.scopes.constrain(&p.name, t);
            }
        }
        Ok(())
    }

    /// Runs a method or constructor body with `$this` and the parameters in a new scope. Only
    /// `return`'s value leaves a method (other output is discarded, as in PowerShell classes).
    fn run_method_body(
        &mut self,
        class: &Rc<ClassDef>,
        this: Option<&Value>,
        params: &[ParamDef],
        body: &Rc<syntax::ScriptBlock>,
        args: &[Value],
        return_type: Option<&str>,
    ) -> EvalResult<Value> {
        let saved_source = std::mem::replace(&mut self.source, class.source.clone());
        let saved_file = std::mem::replace(&mut self.file, class.file.clone());
        let depth = self.scopes.depth();
        self.scopes.push();
        let r = (|| -> EvalResult<Value> {
            if let Some(t) = this {
                self.scopes.set_local("this", t.clone());
            }
            self.bind_method_params(params, args)?;
            self.method_returns.push((self.scopes.depth(), None));
            let r = self.capture(|e| e.exec_block(&body.end));
            let ret = self.method_returns.pop().and_then(|(_, v)| v);
            match r {
                Ok(_) | Err(Flow::Return) => {}
                Err(f) => return Err(f),
            }
            let v = ret.unwrap_or(Value::Null);
            match return_type {
                Some(t) if !t.eq_ignore_ascii_case("void") => {
                    let ty = self.resolve_type(t, body.span)?;
                    self.convert_value(&v, &ty, body.span)
                }
                _ => Ok(Value::Null),
            }
        })();
        self.scopes.truncate(depth);
        self.source = saved_source;
        self.file = saved_file;
        r
    }

    /// A `return` inside a class method: records its value for the method instead of emitting
    /// it. False when the current scope is not a method's.
    pub(crate) fn method_return(&mut self, v: Value) -> bool {
        let depth = self.scopes.depth();
        match self.method_returns.last_mut() {
            Some((d, slot)) if *d == depth => {
                *slot = Some(v);
                true
            }
            _ => false,
        }
    }

    /// The method `name` for `args` on `class` or its bases (instance or static).
    fn find_method(
        &self,
        class: &Rc<ClassDef>,
        name: &str,
        args: &[Value],
        is_static: bool,
    ) -> Option<(Rc<ClassDef>, ClassMember)> {
        for c in self.class_chain(&class.name) {
            let cands: Vec<&ClassMember> = c
                .members()
                .filter(|m| {
                    m.is_static == is_static
                        && m.name.eq_ignore_ascii_case(name)
                        && matches!(m.kind, MemberKind::Method { .. })
                })
                .collect();
            if let Some(m) = self.pick_overload(&cands, args) {
                return Some((c.clone(), m.clone()));
            }
        }
        None
    }

    /// True when `class` (or a base) has a method called `name` (any arity).
    fn has_method(&self, class: &Rc<ClassDef>, name: &str, is_static: bool) -> bool {
        self.class_chain(&class.name).iter().any(|c| {
            c.members().any(|m| {
                m.is_static == is_static
                    && m.name.eq_ignore_ascii_case(name)
                    && matches!(m.kind, MemberKind::Method { .. })
            })
        })
    }

    /// `$obj.Method(args)` on a class instance; `None` when the class has no such method (the
    /// caller falls back to the methods every object has).
    pub(crate) fn call_instance_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<EvalResult<(Value, bool)>> {
        let class = self.class_of(obj)?;
        if !self.has_method(&class, name, false) {
            return None;
        }
        let Some((owner, m)) = self.find_method(&class, name, args, false) else {
            return Some(Err(self.no_overload(name, args.len(), span)));
        };
        let MemberKind::Method { return_type, params, body } = &m.kind else { return None };
        let ret = return_type.as_deref().unwrap_or("void");
        let r = self.run_method_body(&owner, Some(obj), params, body, args, Some(ret));
        self.refresh_display(obj);
        Some(r.map(|v| (v, ret.eq_ignore_ascii_case("void"))))
    }

    /// `[Class]::Method(args)`; `None` when `t` is not a class.
    pub(crate) fn call_static_method(
        &mut self,
        t: &str,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Option<EvalResult<(Value, bool)>> {
        let class = self.types.borrow().class(t)?;
        if name.eq_ignore_ascii_case("new") {
            return Some(self.new_instance(&class, args, span).map(|v| (v, false)));
        }
        let Some((owner, m)) = self.find_method(&class, name, &args, true) else {
            if self.has_method(&class, name, true) {
                return Some(Err(self.no_overload(name, args.len(), span)));
            }
            return Some(Err(self.method_not_found(&class.name, name, span)));
        };
        let MemberKind::Method { return_type, params, body } = &m.kind else { return None };
        let ret = return_type.as_deref().unwrap_or("void");
        let r = self.run_method_body(&owner, None, params, body, &args, Some(ret));
        Some(r.map(|v| (v, ret.eq_ignore_ascii_case("void"))))
    }

    fn method_not_found(&self, t: &str, name: &str, span: Span) -> Flow {
        Flow::Error(Box::new(errors::runtime(
            format!("Method invocation failed because [{t}] does not contain a method named '{name}'."),
            "MethodNotFound",
            "InvalidOperation",
            &format!("{name}:String"),
            Some(self.position(span)),
        )))
    }

    /// `[Class]::Prop`; `None` when `t` is not a class. A missing static property is `$null`.
    pub(crate) fn static_property(&self, t: &str, name: &str) -> Option<Value> {
        let class = self.types.borrow().class(t)?;
        for c in self.class_chain(&class.name) {
            if let Some((_, _, v)) = c.statics.borrow().iter().find(|(n, _, _)| n.eq_ignore_ascii_case(name)) {
                return Some(v.clone());
            }
        }
        Some(Value::Null)
    }

    /// `[Class]::Prop = v`; `None` when `t` is not a class.
    pub(crate) fn set_static_property(&mut self, t: &str, name: &str, v: Value, span: Span) -> Option<EvalResult<()>> {
        let class = self.types.borrow().class(t)?;
        for c in self.class_chain(&class.name) {
            let ty =
                c.statics.borrow().iter().find(|(n, _, _)| n.eq_ignore_ascii_case(name)).map(|(_, t, _)| t.clone());
            if let Some(ty) = ty {
                let v = match self.convert_member(&v, ty.as_deref(), span) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(e)),
                };
                if let Some(slot) = c.statics.borrow_mut().iter_mut().find(|(n, _, _)| n.eq_ignore_ascii_case(name)) {
                    slot.2 = v;
                }
                return Some(Ok(()));
            }
        }
        Some(Err(self.property_not_found(name, span)))
    }

    fn property_not_found(&self, name: &str, span: Span) -> Flow {
        Flow::Error(Box::new(errors::runtime(
            format!(
                "The property '{name}' cannot be found on this object. Verify that the property exists and can be set."
            ),
            "PropertyAssignmentException",
            "InvalidOperation",
            ":",
            Some(self.position(span)),
        )))
    }

    /// `$obj.Prop = v` on a class instance: the property must exist and the value converts to
    /// its type. `None` when `obj` is not a class instance.
    pub(crate) fn class_property_value(
        &mut self,
        obj: &Value,
        name: &str,
        v: Value,
        span: Span,
    ) -> Option<EvalResult<Value>> {
        let class = self.class_of(obj)?;
        for c in self.class_chain(&class.name) {
            if let Some(m) = c.own_property(name) {
                if m.is_static {
                    continue;
                }
                let MemberKind::Property { type_name, .. } = &m.kind else { continue };
                let Some(t) = type_name.clone() else { return Some(Ok(v)) };
                let ty = match self.resolve_type(&t, span) {
                    Ok(ty) => ty,
                    Err(e) => return Some(Err(e)),
                };
                let conv = super::convert_to::convert(&self.types.borrow(), &v, &ty);
                return Some(match conv {
                    Ok(c) => Ok(c),
                    Err(ConvError { message, .. }) => {
                        let mut e = errors::runtime(
                            format!("Exception setting \"{}\": \"{message}\"", m.name),
                            "ExceptionWhenSetting",
                            "NotSpecified",
                            ":",
                            Some(self.position(span)),
                        );
                        e.record.exception_type = "System.Management.Automation.SetValueInvocationException".into();
                        Err(Flow::Error(Box::new(e)))
                    }
                });
            }
        }
        Some(Err(self.property_not_found(name, span)))
    }

    /// Keeps a class instance's `ToString()` text (what string expansion and formatting print)
    /// in step with its state when the class overrides `ToString()`.
    pub(crate) fn refresh_display(&mut self, obj: &Value) {
        let Some(class) = self.class_of(obj) else { return };
        let Some((owner, m)) = self.find_method(&class, "ToString", &[], false) else { return };
        if self.display_depth > 4 {
            return;
        }
        let MemberKind::Method { params, body, .. } = &m.kind else { return };
        self.display_depth += 1;
        let r = self.run_method_body(&owner, Some(obj), params, body, &[], Some("string"));
        self.display_depth -= 1;
        if let (Ok(v), Value::Object(o)) = (r, obj) {
            o.borrow_mut().display = Some(convert::to_string(&v).into());
        }
    }

    /// Converts to a resolved type as a cast does, creating class instances from hashtables
    /// (`[Person]@{ Name = 'x' }`) or through a one-argument constructor.
    pub(crate) fn convert_value(&mut self, v: &Value, ty: &Ty, span: Span) -> EvalResult<Value> {
        if let Ty::Class(name) = ty {
            let class = self.types.borrow().class(name);
            if let Some(class) = class
                && !v.is_null()
                && !super::types::is_instance(&self.types.borrow(), v, ty)
            {
                if let Value::Hashtable(h) = v {
                    let obj = self.new_instance(&class, Vec::new(), span)?;
                    let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    for (k, val) in entries {
                        let key = convert::to_string(&k);
                        let val = match self.class_property_value(&obj, &key, val, span) {
                            Some(Ok(val)) => val,
                            Some(Err(_)) | None => {
                                return Err(self.conv_flow(
                                    ConvError {
                                        message: format!(
                                            "Cannot convert value \"{}\" to type \"{}\". Error: \"Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".\"",
                                            convert::to_string(v),
                                            class.name,
                                            convert::to_string(v),
                                            v.type_name(),
                                            class.name
                                        ),
                                        fqid: "InvalidCastConstructorException",
                                    },
                                    span,
                                ));
                            }
                        };
                        if let Value::Object(o) = &obj {
                            o.borrow_mut().set(&key, val);
                        }
                    }
                    self.refresh_display(&obj);
                    return Ok(obj);
                }
                return self.new_instance(&class, vec![v.clone()], span).map_err(|_| {
                    self.conv_flow(
                        ConvError {
                            message: format!(
                                "Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
                                convert::to_string(v),
                                v.type_name(),
                                class.name
                            ),
                            fqid: "ConvertToFinalInvalidCastException",
                        },
                        span,
                    )
                });
            }
        }
        let r = super::convert_to::convert(&self.types.borrow(), v, ty);
        r.map_err(|e| self.conv_flow(e, span))
    }

    /// A failed cast as PowerShell reports it (InvalidArgument, RuntimeException).
    pub(crate) fn conv_flow(&self, e: ConvError, span: Span) -> Flow {
        Flow::Error(Box::new(errors::runtime(e.message, e.fqid, "InvalidArgument", ":", Some(self.position(span)))))
    }

    /// `Unable to find type [X].`
    pub(crate) fn type_not_found(&self, name: &str, span: Span) -> Flow {
        Flow::Error(Box::new(errors::runtime(
            format!("Unable to find type [{name}]."),
            "TypeNotFound",
            "InvalidOperation",
            &format!("{name}:TypeName"),
            Some(self.position(span)),
        )))
    }

    /// Resolves a type name or fails with `Unable to find type`.
    pub(crate) fn resolve_type(&self, name: &str, span: Span) -> EvalResult<Ty> {
        super::types::resolve(&self.types.borrow(), name).ok_or_else(|| self.type_not_found(name, span))
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}
