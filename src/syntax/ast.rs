//! The abstract syntax tree. Every node carries the byte span it was parsed from.
//!
//! Names (variables, commands, parameters, members, types) keep the case the user typed;
//! every consumer compares them case-insensitively.

use std::rc::Rc;

use super::span::Span;

/// A whole script file or command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    /// The script's `param(...)` block, if any (a script run with `-File` binds its arguments to it).
    pub param_block: Option<ParamBlock>,
    /// Top-level statements in order.
    pub statements: Vec<Statement>,
    /// The whole text.
    pub span: Span,
}

/// A `{ ... }` script block (also the body of functions).
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptBlock {
    /// `param(...)` at the top of the block.
    pub param_block: Option<ParamBlock>,
    /// `begin { }` block statements, when the block uses named blocks.
    pub begin: Option<Vec<Statement>>,
    /// `process { }` block statements, when the block uses named blocks.
    pub process: Option<Vec<Statement>>,
    /// `end { }` block statements, or the block's plain statements when it has no named blocks.
    pub end: Vec<Statement>,
    /// The source text between the braces (what `$sb.ToString()` returns).
    pub text: String,
    /// The span including the braces.
    pub span: Span,
}

/// `param( ... )`, with an optional `[CmdletBinding()]` before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParamBlock {
    /// Attributes before `param`, e.g. `CmdletBinding`.
    pub attributes: Vec<Attribute>,
    /// The parameters in declaration order.
    pub params: Vec<ParamDef>,
    /// Span of the block.
    pub span: Span,
}

/// One parameter of a `param()` block or of `function f($a, $b)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDef {
    /// Variable name without `$`.
    pub name: String,
    /// `[type]` constraint, e.g. `string`, `int`, `switch`, `string[]`.
    pub type_name: Option<String>,
    /// Other attributes, e.g. `Parameter(Mandatory=$true, Position=0)`, `ValidateSet('a','b')`.
    pub attributes: Vec<Attribute>,
    /// `= default`.
    pub default: Option<Expr>,
    /// Span of the definition.
    pub span: Span,
}

/// An attribute such as `[Parameter(Mandatory = $true)]` or `[ValidateNotNullOrEmpty()]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// Attribute name as written, e.g. `Parameter`.
    pub name: String,
    /// Positional arguments.
    pub positional: Vec<Expr>,
    /// Named arguments; a name without `= value` (e.g. `Mandatory`) has `None`, meaning `$true`.
    pub named: Vec<(String, Option<Expr>)>,
    /// Span of the attribute.
    pub span: Span,
}

/// A statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// What kind of statement.
    pub kind: StatementKind,
    /// Its span.
    pub span: Span,
}

/// Statement kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    /// A pipeline (also a bare expression, which is a one-element pipeline).
    Pipeline(Pipeline),
    /// `target op value`, e.g. `$x = Get-Mailbox`, `$n += 1`, `$h['k'] = 1`, `$o.P = 2`.
    Assignment {
        /// Variable, member or index expression.
        target: Expr,
        /// `=`, `+=`, …
        op: AssignOp,
        /// The right-hand side: a pipeline or any statement (e.g. `$x = if (…) {…}`).
        value: Box<Statement>,
    },
    /// `if (c) {…} elseif (c) {…} else {…}`.
    If {
        /// Each condition with its block.
        clauses: Vec<(Pipeline, Vec<Statement>)>,
        /// The `else` block.
        else_block: Option<Vec<Statement>>,
    },
    /// `foreach ($x in <pipeline>) {…}`.
    Foreach {
        /// Optional `:label`.
        label: Option<String>,
        /// Loop variable name without `$`.
        variable: String,
        /// The collection.
        iterable: Pipeline,
        /// Body.
        body: Vec<Statement>,
    },
    /// `for (init; cond; step) {…}`.
    For {
        /// Optional `:label`.
        label: Option<String>,
        /// Initializer.
        init: Option<Box<Statement>>,
        /// Condition.
        condition: Option<Pipeline>,
        /// Step.
        step: Option<Box<Statement>>,
        /// Body.
        body: Vec<Statement>,
    },
    /// `while (c) {…}`.
    While {
        /// Optional `:label`.
        label: Option<String>,
        /// Condition.
        condition: Pipeline,
        /// Body.
        body: Vec<Statement>,
    },
    /// `do {…} while (c)` or `do {…} until (c)`.
    DoLoop {
        /// Optional `:label`.
        label: Option<String>,
        /// Body.
        body: Vec<Statement>,
        /// Condition.
        condition: Pipeline,
        /// True for `until` (loop while the condition is false).
        until: bool,
    },
    /// `switch [-regex|-wildcard|-exact|-casesensitive] (value) { pattern {…} default {…} }`.
    Switch {
        /// Optional `:label`.
        label: Option<String>,
        /// Flags given before the value, lower-cased without `-` (`regex`, `wildcard`, `exact`, `casesensitive`).
        flags: Vec<String>,
        /// The value switched on.
        subject: Pipeline,
        /// Clauses in order; `None` pattern is `default`.
        clauses: Vec<(Option<Expr>, Vec<Statement>)>,
    },
    /// `function Name { … }` or `function Name($a) { … }` (also `filter`).
    Function {
        /// Function name.
        name: String,
        /// The body; inline parameters `($a, $b)` are moved into its `param_block`.
        body: Rc<ScriptBlock>,
    },
    /// `return [pipeline]`.
    Return(Option<Pipeline>),
    /// `break [label]`.
    Break(Option<String>),
    /// `continue [label]`.
    Continue(Option<String>),
    /// `throw [pipeline]`.
    Throw(Option<Pipeline>),
    /// `exit [pipeline]`.
    Exit(Option<Pipeline>),
    /// `trap [type] { … }`: applies to every statement of the list it is written in (about_Trap).
    Trap {
        /// The exception type name without brackets; `None` traps every error.
        type_name: Option<String>,
        /// The handler.
        body: Vec<Statement>,
    },
    /// `try {…} catch [types] {…} finally {…}`.
    Try {
        /// The guarded block.
        body: Vec<Statement>,
        /// Catch clauses in order.
        catches: Vec<CatchClause>,
        /// The `finally` block.
        finally: Option<Vec<Statement>>,
    },
    /// `class Name [: Base] { members }`.
    Class(Rc<ClassDef>),
    /// `[Flags()] enum Name { A; B = 2 }`.
    Enum(Rc<EnumDef>),
    /// A bare `{ … }` block or `begin {}`-less statement block is not a statement in PowerShell;
    /// this variant holds a nested statement list: a workflow's `parallel { }` and `sequence { }`
    /// blocks (which exsh runs in order).
    Block(Vec<Statement>),
    /// `a && b || c` (PowerShell 7): each pipeline after the first runs when `$?` after the previous
    /// one is true (`&&`) or false (`||`).
    Chain {
        /// The first pipeline.
        first: Pipeline,
        /// The operators and the pipelines after them, left to right.
        rest: Vec<(ChainOp, Pipeline)>,
    },
    /// `data [name] [-SupportedCommand a, b] { … }`: a data section.
    Data {
        /// The variable the section's output is assigned to (without `$`), if named.
        variable: Option<String>,
        /// The commands named by `-SupportedCommand`.
        supported_commands: Vec<Expr>,
        /// The section's statements.
        body: Vec<Statement>,
    },
    /// `using namespace X`, `using module X`, `using assembly X` (only at the start of a script).
    Using {
        /// `namespace`, `module` or `assembly`, lower-cased.
        kind: String,
        /// The name as written.
        name: String,
    },
}

/// A pipeline chain operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainOp {
    /// `&&`: run the next pipeline when the previous one succeeded.
    And,
    /// `||`: run the next pipeline when the previous one failed.
    Or,
}

/// A `class` definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// The class name as written.
    pub name: String,
    /// The base class after `:`, if any (interfaces after it are ignored).
    pub base: Option<String>,
    /// Members in declaration order.
    pub members: Vec<ClassMember>,
    /// Span of the whole definition.
    pub span: Span,
}

/// One member of a class.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassMember {
    /// The member's name (a constructor's is the class name).
    pub name: String,
    /// `static`.
    pub is_static: bool,
    /// `hidden`.
    pub hidden: bool,
    /// Property, method or constructor.
    pub kind: MemberKind,
    /// Span of the member.
    pub span: Span,
}

/// What a class member is.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberKind {
    /// `[type] $Name = default`.
    Property {
        /// The `[type]`, if given.
        type_name: Option<String>,
        /// The initializer.
        default: Option<Expr>,
    },
    /// `[type] Name([type] $p, …) { … }`; a method without a type returns `[void]`.
    Method {
        /// The return type as written (`void` when omitted).
        return_type: Option<String>,
        /// Parameters.
        params: Vec<ParamDef>,
        /// Body.
        body: Rc<ScriptBlock>,
    },
    /// `Name(params) [: base(args)] { … }`.
    Constructor {
        /// Parameters.
        params: Vec<ParamDef>,
        /// `: base(args)` arguments.
        base_args: Option<Vec<Expr>>,
        /// Body.
        body: Rc<ScriptBlock>,
    },
}

/// An `enum` definition.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// The enum name as written.
    pub name: String,
    /// `[Flags()]` before it.
    pub flags: bool,
    /// Members in order, with their `= value` expressions.
    pub members: Vec<(String, Option<Expr>)>,
    /// Span of the whole definition.
    pub span: Span,
}

/// `catch [T1], [T2] { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct CatchClause {
    /// Exception type names without brackets; empty catches everything.
    pub types: Vec<String>,
    /// Body.
    pub body: Vec<Statement>,
}

/// Assignment operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `+=`
    Add,
    /// `-=`
    Sub,
    /// `*=`
    Mul,
    /// `/=`
    Div,
    /// `%=`
    Rem,
    /// `??=` (PowerShell 7): assigns only when the target is `$null`.
    Coalesce,
}

/// `a | b | c`. The first element may be an expression; the rest are commands.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    /// Elements in order.
    pub elements: Vec<PipelineElement>,
    /// Span of the whole pipeline.
    pub span: Span,
}

/// One element of a pipeline.
#[derive(Debug, Clone, PartialEq)]
pub enum PipelineElement {
    /// An expression (only first in a pipeline), e.g. `$list`, `1..10`, `"text"`.
    Expr(Expr),
    /// An expression with redirections, e.g. `"x" > a.txt`, `$log >> $LogFile`.
    Redirected(Expr, Vec<Redirection>),
    /// A command invocation.
    Command(CommandCall),
}

/// How a command is invoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvocationKind {
    /// `name args`
    Plain,
    /// `& name args` (call operator)
    Call,
    /// `. name args` (dot-source)
    Dot,
}

/// A command call such as `Get-Mailbox -Identity karen | …`.
#[derive(Debug, Clone, PartialEq)]
pub struct CommandCall {
    /// The command name: a bare word, or an expression after `&` / `.`.
    pub name: CommandName,
    /// Plain, `&` or `.`.
    pub invocation: InvocationKind,
    /// Arguments in order.
    pub args: Vec<CommandArg>,
    /// Redirections such as `2>&1`, `> file`, `*> $null`.
    pub redirections: Vec<Redirection>,
    /// Span of the command including its arguments.
    pub span: Span,
}

/// A command name.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandName {
    /// A bare word such as `Get-Mailbox`, `?`, `%`, `.\script.ps1`.
    Bare(String, Span),
    /// An expression after `&` or `.`, e.g. `& $sb`, `& "Get-Mailbox"`.
    Expr(Box<Expr>),
}

/// One command argument.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandArg {
    /// `-Name` or `-Name:value`. Whether the next positional argument is this parameter's value is
    /// decided by the binder (a switch takes none), so `-Name value` is `Parameter` then `Positional`.
    Parameter {
        /// Name without the dash, as typed (may be a prefix).
        name: String,
        /// The value given with a colon (`-Confirm:$false`).
        value: Option<Expr>,
        /// Span of `-Name[:value]`.
        span: Span,
    },
    /// A positional value (bare word, string, variable, expression, …).
    Positional(Expr),
    /// `@name` splatting a hashtable or array variable.
    Splat(String, Span),
}

/// A redirection.
#[derive(Debug, Clone, PartialEq)]
pub struct Redirection {
    /// Stream redirected: `1` output, `2` error, `3` warning, … `0` for `*`.
    pub from: u8,
    /// Target.
    pub to: RedirectTarget,
    /// True for `>>`.
    pub append: bool,
    /// Span of the redirection.
    pub span: Span,
}

/// Where a redirection goes.
#[derive(Debug, Clone, PartialEq)]
pub enum RedirectTarget {
    /// `2>&1`: merge into stream N.
    Stream(u8),
    /// `> path` (`$null` discards).
    File(Expr),
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Its span.
    pub span: Span,
}

/// A string fragment of an expandable string.
#[derive(Debug, Clone, PartialEq)]
pub enum StringPart {
    /// Literal text (escapes already processed).
    Literal(String),
    /// `$var`, `${var}`, `$(…)` or `$var` followed by nothing: evaluated and converted to text.
    Expr(Expr),
}

/// Literal constants.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// Integer, including `0x1F`, and with multipliers applied (`2MB`).
    Int(i64),
    /// An `Int64` literal: the `l` suffix (`5L`, `0x10L`).
    Long(i64),
    /// Floating point.
    Double(f64),
    /// Verbatim string (single-quoted, here-string, or a bare word in command mode).
    String(String),
}

/// Expression kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A constant.
    Literal(Literal),
    /// A bare word in argument position (`karen`, `karen:\Calendar`, `FullAccess`). Evaluates to a string;
    /// kept apart from quoted strings because PowerShell treats some bare words specially (e.g. numbers).
    BareWord(String),
    /// A double-quoted string or here-string, or an argument made of adjacent parts (`$mbx":\Calendar"`).
    Expandable(Vec<StringPart>),
    /// `$name`, `$script:name`, `${name}`, `$_`, `$true`, `$null`, `$env:USERNAME`.
    Variable(VarRef),
    /// `a, b, c` (the comma operator).
    ArrayLiteral(Vec<Expr>),
    /// `@( … )`
    ArraySubexpr(Vec<Statement>),
    /// `$( … )`
    Subexpr(Vec<Statement>),
    /// `( pipeline )` or `( $x = 1 )`
    Paren(Box<Statement>),
    /// `@{ k = v; … }`; `[ordered]@{}` is a `Cast` around it.
    Hashtable(Vec<(Expr, Statement)>),
    /// `{ … }`
    ScriptBlock(Rc<ScriptBlock>),
    /// `a op b`
    Binary {
        /// Operator.
        op: BinaryOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `op a` or `a++`.
    Unary {
        /// Operator.
        op: UnaryOp,
        /// Operand.
        operand: Box<Expr>,
    },
    /// `a.Name`, `a.$name`, `[Type]::Name`.
    Member {
        /// The object (or a `TypeLiteral` when static).
        target: Box<Expr>,
        /// Member name.
        name: MemberName,
        /// True for `::`.
        is_static: bool,
    },
    /// `a.Method(args)`, `[Type]::Method(args)`.
    MethodCall {
        /// The object (or a `TypeLiteral` when static).
        target: Box<Expr>,
        /// Method name.
        name: MemberName,
        /// Arguments.
        args: Vec<Expr>,
        /// True for `::`.
        is_static: bool,
    },
    /// `a[i]`
    Index {
        /// The collection.
        target: Box<Expr>,
        /// The index (may be an array for slices).
        index: Box<Expr>,
    },
    /// `[type] expr`, e.g. `[int]$x`, `[PSCustomObject]@{…}`, `[ordered]@{}`.
    Cast {
        /// Type name as written inside the brackets.
        type_name: String,
        /// The converted expression.
        expr: Box<Expr>,
    },
    /// `[type]` on its own, e.g. the target of `[math]::Round(…)` or the right side of `-is`.
    TypeLiteral(String),
    /// `cond ? a : b` (PowerShell 7).
    Ternary {
        /// The condition.
        condition: Box<Expr>,
        /// The value when the condition is true.
        if_true: Box<Expr>,
        /// The value when it is false.
        if_false: Box<Expr>,
    },
    /// `a?.B`, `a?.M()`, `a?[i]` (PowerShell 7): the inner `Member`, `MethodCall` or `Index` whose
    /// target is `$null` gives `$null` instead of being evaluated.
    NullConditional(Box<Expr>),
}

/// A member name: literal or computed.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberName {
    /// `.Name`
    Literal(String),
    /// `.$prop` or `.(expr)`
    Dynamic(Box<Expr>),
}

/// A `$` variable reference.
#[derive(Debug, Clone, PartialEq)]
pub struct VarRef {
    /// Scope or drive qualifier in lower case (`global`, `script`, `local`, `private`, `env`), if given.
    pub scope: Option<String>,
    /// Name without `$` or the qualifier.
    pub name: String,
    /// True for `@name` in argument position (splatting is a `CommandArg::Splat`; this is for `@var` elsewhere).
    pub splat: bool,
}

/// Binary operators. Comparison operators carry their case-sensitivity (`-ceq`, `-ieq`, `-eq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `..`
    Range,
    /// `-f`
    Format,
    /// `-and`
    And,
    /// `-or`
    Or,
    /// `-xor`
    Xor,
    /// `-band`
    BAnd,
    /// `-bor`
    BOr,
    /// `-bxor`
    BXor,
    /// `-shl`
    Shl,
    /// `-shr`
    Shr,
    /// `-is`
    Is,
    /// `-isnot`
    IsNot,
    /// `-as`
    As,
    /// `??` (PowerShell 7): the left operand unless it is `$null`, else the right one.
    Coalesce,
    /// A comparison; `case_sensitive` is true for the `-c…` forms.
    Compare {
        /// Which comparison.
        op: CompareOp,
        /// `-ceq` etc.
        case_sensitive: bool,
    },
}

/// Comparison-family operators (each has `-i` and `-c` variants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    /// `-eq`
    Eq,
    /// `-ne`
    Ne,
    /// `-gt`
    Gt,
    /// `-ge`
    Ge,
    /// `-lt`
    Lt,
    /// `-le`
    Le,
    /// `-like`
    Like,
    /// `-notlike`
    NotLike,
    /// `-match`
    Match,
    /// `-notmatch`
    NotMatch,
    /// `-contains`
    Contains,
    /// `-notcontains`
    NotContains,
    /// `-in`
    In,
    /// `-notin`
    NotIn,
    /// `-replace`
    Replace,
    /// `-split` (binary)
    Split,
    /// `-join` (binary)
    Join,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-not` and `!`
    Not,
    /// `-` (negation)
    Negate,
    /// `+`
    Plus,
    /// `-bnot`
    BNot,
    /// unary `,` (wrap in a one-element array)
    Comma,
    /// unary `-split`
    Split,
    /// unary `-join`
    Join,
    /// `++$x`
    PreIncrement,
    /// `--$x`
    PreDecrement,
    /// `$x++`
    PostIncrement,
    /// `$x--`
    PostDecrement,
}
