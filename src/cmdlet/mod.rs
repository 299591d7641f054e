//! The cmdlet contract: what a cmdlet declares ([`Signature`]), what it receives ([`BoundArgs`]),
//! what it may do ([`Context`]) and how it fails ([`CmdletError`]).
//!
//! Invariants: a cmdlet never parses its own parameters (the engine's binder does, from the
//! signature), never prints (it writes to the context's streams), and never touches the org file
//! (it applies typed changes through the context). Depends on `value`, `directory`, `syntax` only.

pub mod bind;
pub mod encoding;
pub mod files;
pub mod modules;
pub mod path;
pub mod registry;
pub mod session;
pub mod signature;

use std::rc::Rc;

use indexmap::IndexMap;

pub use files::{FileAccess, FileError, ItemInfo};
pub use path::WinPath;
pub use registry::{Entry, Registry};
pub use session::{RemoteSession, Session};
pub use signature::*;

use crate::directory::{Change, Directory};
use crate::syntax::ScriptBlock;
use crate::value::{ErrorRecord, Value};

/// The name of the temporary module that implicit remoting imports the Exchange cmdlets into
/// (`Get-Command`'s Source column, Import-PSSession's module).
pub const EXCHANGE_MODULE: &str = "tmp_exsh1fq2.k3d";
/// The module exsh's own cmdlets are listed under (Get-Command's Source).
pub const EXSH_MODULE: &str = "exsh";

/// Parameters after binding: canonical name to converted value, plus the chosen parameter set.
#[derive(Debug, Clone, Default)]
pub struct BoundArgs {
    values: IndexMap<String, Value>,
    /// The parameter set the binder chose.
    pub set: String,
}

impl BoundArgs {
    /// Records a bound parameter under its canonical name.
    pub fn insert(&mut self, name: &str, v: Value) {
        self.values.insert(name.to_ascii_lowercase(), v);
    }

    /// The value of a bound parameter.
    pub fn get(&self, name: &str) -> Option<&Value> {
        // A command binds a handful of parameters: a scan beats lower-casing `name` into a new
        // string on every lookup.
        self.values.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }

    /// True when the parameter was given (switches given as `:$false` count as given).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// A switch: true when present and not `:$false`.
    pub fn switch(&self, name: &str) -> bool {
        self.get(name).map(crate::value::convert::to_bool).unwrap_or(false)
    }

    /// The value as a string (empty when absent).
    pub fn string(&self, name: &str) -> Option<String> {
        self.get(name).map(crate::value::convert::to_string)
    }

    /// Removes a parameter (used when the binder rebinds pipeline parameters per record).
    pub fn remove(&mut self, name: &str) {
        self.values.shift_remove(&name.to_ascii_lowercase());
    }

    /// Names and values in binding order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.values.iter()
    }

    /// A bound parameter as `T` (nushell's `get_flag::<T>`): `None` when it was not given. A
    /// `$null` given reads as PowerShell converts it (`''` as text, `0` as a number, no elements).
    pub fn opt<T: FromArg>(&self, name: &str) -> Option<T> {
        self.get(name).and_then(T::from_arg)
    }

    /// A parameter the chosen set makes mandatory, as `T` (nushell's `req::<T>`). The binder has
    /// already required it, so the error only shows a signature that does not declare it so.
    pub fn req<T: FromArg>(&self, name: &str) -> Result<T, CmdletError> {
        self.opt(name).ok_or_else(|| {
            CmdletError::core(
                format!("Cannot process command because of one or more missing mandatory parameters: {name}."),
                "System.Management.Automation.ParameterBindingException",
                "InvalidArgument",
                "MissingMandatoryParameter",
            )
        })
    }

    /// A switch parameter: true when present and not `:$false`.
    pub fn flag(&self, name: &str) -> bool {
        self.switch(name)
    }
}

/// A type a bound argument can be read as ([`BoundArgs::opt`], [`BoundArgs::req`]). The binder
/// has already converted the value to the parameter's declared type; this only picks the Rust
/// shape the cmdlet wants.
pub trait FromArg: Sized {
    /// The value as `Self`, if it has that shape.
    fn from_arg(v: &Value) -> Option<Self>;
}

impl FromArg for Value {
    fn from_arg(v: &Value) -> Option<Self> {
        Some(v.clone())
    }
}

impl FromArg for String {
    fn from_arg(v: &Value) -> Option<Self> {
        Some(crate::value::convert::to_string(v))
    }
}

impl FromArg for i64 {
    fn from_arg(v: &Value) -> Option<Self> {
        crate::value::convert::to_int(v)
    }
}

impl FromArg for bool {
    fn from_arg(v: &Value) -> Option<Self> {
        Some(crate::value::convert::to_bool(v))
    }
}

/// Every element (a single value is a list of one), each as text.
impl FromArg for Vec<String> {
    fn from_arg(v: &Value) -> Option<Self> {
        Some(v.enumerate().iter().map(crate::value::convert::to_string).collect())
    }
}

/// Every element (a single value is a list of one).
impl FromArg for Vec<Value> {
    fn from_arg(v: &Value) -> Option<Self> {
        Some(v.enumerate())
    }
}

/// Exchange exception kinds a cmdlet can raise; the engine builds the full error record
/// (category, FullyQualifiedErrorId, server, request id, time stamp) for the org's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeErrorKind {
    /// `ManagementObjectNotFoundException`
    NotFound,
    /// `ManagementObjectAmbiguousException`
    Ambiguous,
    /// `RecipientTaskException`
    RecipientTask,
    /// `UserAlreadyExistsInPermissionEntryException`
    UserAlreadyExistsInPermissionEntry,
    /// `UserNotFoundInPermissionEntryException`
    UserNotFoundInPermissionEntry,
    /// `InvalidOperationException`
    InvalidOperation,
    /// `ArgumentException`
    Argument,
    /// `TaskArgumentException`
    TaskArgument,
    /// `CannotRemoveSpecialUserException`
    CannotRemoveSpecialUser,
    /// `InvalidExternalUserIdException`
    InvalidExternalUserId,
    /// `InvalidInternalUserIdException` (a folder user found in AD that can't hold permissions)
    InvalidInternalUserId,
    /// `TaskException` (a task's own validation, e.g. `-ResultSize 0`)
    Task,
    /// `ObjectNotFoundException` (a mailbox folder that does not exist)
    FolderNotFound,
    /// `PropertyValueExistsException` (New-Mailbox with a UserPrincipalName already in use)
    PropertyValueExists,
    /// `ProxyAddressExistsException` (an e-mail address already in use)
    ProxyAddressExists,
    /// `ADObjectAlreadyExistsException` (a new object whose DN already exists)
    AdObjectAlreadyExists,
    /// `NameNotAvailableException` (Exchange Online: a new recipient's Name already in use)
    NameNotAvailable,
    /// `MemberAlreadyExistsException` (Add-DistributionGroupMember)
    MemberAlreadyExists,
    /// `MemberNotFoundException` (Remove-DistributionGroupMember)
    MemberNotFound,
    /// `OperationRequiresGroupManagerException` (a security group changed by someone not in ManagedBy)
    OperationRequiresGroupManager,
    /// `ObjectExistedException` (New-MailboxFolder: a folder of that name already exists)
    ObjectExisted,
    /// `DataValidationException` (a setting the object refuses, such as AutoAccept on a user mailbox)
    DataValidation,
}

impl ExchangeErrorKind {
    /// Full .NET exception type name.
    pub fn exception_type(self) -> &'static str {
        match self {
            ExchangeErrorKind::NotFound => "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            ExchangeErrorKind::Ambiguous => "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
            ExchangeErrorKind::RecipientTask => "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
            ExchangeErrorKind::UserAlreadyExistsInPermissionEntry => {
                "Microsoft.Exchange.Management.StoreTasks.UserAlreadyExistsInPermissionEntryException"
            }
            ExchangeErrorKind::UserNotFoundInPermissionEntry => {
                "Microsoft.Exchange.Management.StoreTasks.UserNotFoundInPermissionEntryException"
            }
            ExchangeErrorKind::InvalidOperation => "System.InvalidOperationException",
            ExchangeErrorKind::Argument => "System.ArgumentException",
            ExchangeErrorKind::TaskArgument => "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException",
            ExchangeErrorKind::CannotRemoveSpecialUser => {
                "Microsoft.Exchange.Management.StoreTasks.CannotRemoveSpecialUserException"
            }
            ExchangeErrorKind::InvalidExternalUserId => {
                "Microsoft.Exchange.Management.StoreTasks.InvalidExternalUserIdException"
            }
            ExchangeErrorKind::InvalidInternalUserId => {
                "Microsoft.Exchange.Management.StoreTasks.InvalidInternalUserIdException"
            }
            ExchangeErrorKind::Task => "Microsoft.Exchange.Configuration.Tasks.TaskException",
            ExchangeErrorKind::FolderNotFound => "Microsoft.Exchange.Data.Storage.ObjectNotFoundException",
            ExchangeErrorKind::PropertyValueExists => {
                "Microsoft.Exchange.Configuration.ObjectModel.PropertyValueExistsException"
            }
            ExchangeErrorKind::ProxyAddressExists => {
                "Microsoft.Exchange.Configuration.ObjectModel.ProxyAddressExistsException"
            }
            ExchangeErrorKind::AdObjectAlreadyExists => {
                "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
            }
            ExchangeErrorKind::NameNotAvailable => "Microsoft.Exchange.Management.Tasks.NameNotAvailableException",
            ExchangeErrorKind::MemberAlreadyExists => {
                "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException"
            }
            ExchangeErrorKind::MemberNotFound => "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
            ExchangeErrorKind::OperationRequiresGroupManager => {
                "Microsoft.Exchange.Configuration.Tasks.OperationRequiresGroupManagerException"
            }
            ExchangeErrorKind::ObjectExisted => "Microsoft.Exchange.Data.Storage.ObjectExistedException",
            ExchangeErrorKind::DataValidation => "Microsoft.Exchange.Data.DataValidationException",
        }
    }
}

/// CommandNotFoundException's message (DiscoveryExceptions.resx) for a command `name`: Windows
/// PowerShell 5.1's one sentence pair, or PowerShell 7's (`pwsh7`), which says "a name" and
/// "executable program" and breaks the line before its advice.
pub fn command_not_found_message(name: &str, pwsh7: bool) -> String {
    if pwsh7 {
        format!(
            "The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."
        )
    } else {
        format!(
            "The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
        )
    }
}

/// The resource string ID Exchange Online prefixes to a task error's message (`Ex6F9304|…|…`),
/// from the exception type and the message text (behavior.md §0.1, read from Exchange's string
/// tables); empty for messages without one.
pub fn online_string_id(exception_type: &str, message: &str) -> &'static str {
    let by_text = [
        ("User or group \"", "Ex9BC9DD"),
        ("There are multiple recipients matching the identity", "Ex8155FB"),
        ("You can't grant SendOnBehalfTo to", "ExE27825"),
        ("Setting the Send As permission for the mailbox doesn't work.", "ExB91969"),
        ("The Result size must be greater than 0", "Ex6FEEE0"),
    ];
    // Recipient cmdlets (docs/reference/recipients.md), matched by a fragment of the text.
    let by_fragment =
        [("can't be managed by recipient", "ExDC8D94"), ("All groups must have at least one owner", "Ex774CDD")];
    if let Some((_, id)) = by_text
        .iter()
        .find(|(start, _)| message.starts_with(start))
        .or_else(|| by_fragment.iter().find(|(part, _)| message.contains(part)))
    {
        return id;
    }
    match exception_type.rsplit('.').next().unwrap_or(exception_type) {
        "ManagementObjectNotFoundException" if message.contains("couldn't be found on") => "Ex6F9304",
        "ManagementObjectNotFoundException" if message.starts_with("Couldn't find object") => "Ex94914C",
        "ManagementObjectNotFoundException" => "Ex43C0AC",
        _ => "",
    }
}

/// How a cmdlet fails.
#[derive(Debug)]
pub enum CmdletError {
    /// An Exchange task error with its message; `category` is the printed category
    /// (`NotSpecified` for most, `InvalidData` for principal lookups, `InvalidArgument`…).
    Exchange {
        /// Exception kind.
        kind: ExchangeErrorKind,
        /// The message.
        message: String,
        /// Printed category.
        category: &'static str,
    },
    /// A PowerShell error record built by the cmdlet (core cmdlets), without position; the engine adds it.
    Record(Box<ErrorRecord>),
    /// A terminating error raised by script code run through [`Context::invoke`] (`throw`, `-ErrorAction Stop`),
    /// or flow control (`exit`, `break`) that must unwind through the cmdlet. Cmdlets return it unchanged.
    Unwind(Box<dyn std::any::Any>),
}

impl CmdletError {
    /// An Exchange error with category `NotSpecified`.
    pub fn exchange(kind: ExchangeErrorKind, message: impl Into<String>) -> Self {
        CmdletError::Exchange { kind, message: message.into(), category: "NotSpecified" }
    }

    /// A core PowerShell error.
    pub fn core(message: impl Into<String>, exception_type: &str, category: &str, fqid: &str) -> Self {
        CmdletError::Record(Box::new(ErrorRecord {
            message: message.into(),
            exception_type: exception_type.into(),
            category: category.into(),
            target: ":".into(),
            fqid: fqid.into(),
            ..Default::default()
        }))
    }
}

/// Result of a cmdlet step.
pub type CmdletResult = Result<(), CmdletError>;

/// Colours for Write-Host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// ConsoleColor values.
    Black,
    /// DarkBlue
    DarkBlue,
    /// DarkGreen
    DarkGreen,
    /// DarkCyan
    DarkCyan,
    /// DarkRed
    DarkRed,
    /// DarkMagenta
    DarkMagenta,
    /// DarkYellow
    DarkYellow,
    /// Gray
    Gray,
    /// DarkGray
    DarkGray,
    /// Blue
    Blue,
    /// Green
    Green,
    /// Cyan
    Cyan,
    /// Red
    Red,
    /// Magenta
    Magenta,
    /// Yellow
    Yellow,
    /// White
    White,
}

impl Color {
    /// The `[ConsoleColor]` names, in the order of [`Color::ALL`].
    pub const NAMES: [&'static str; 16] = [
        "Black",
        "DarkBlue",
        "DarkGreen",
        "DarkCyan",
        "DarkRed",
        "DarkMagenta",
        "DarkYellow",
        "Gray",
        "DarkGray",
        "Blue",
        "Green",
        "Cyan",
        "Red",
        "Magenta",
        "Yellow",
        "White",
    ];

    /// Every console colour, in `[ConsoleColor]` order.
    pub const ALL: [Color; 16] = [
        Color::Black,
        Color::DarkBlue,
        Color::DarkGreen,
        Color::DarkCyan,
        Color::DarkRed,
        Color::DarkMagenta,
        Color::DarkYellow,
        Color::Gray,
        Color::DarkGray,
        Color::Blue,
        Color::Green,
        Color::Cyan,
        Color::Red,
        Color::Magenta,
        Color::Yellow,
        Color::White,
    ];
}

/// `[System.Management.Automation.ScopedItemOptions]` bits of a variable.
pub mod variable_options {
    /// `ReadOnly`: changed or removed only with `-Force`.
    pub const READ_ONLY: u32 = 1;
    /// `Constant`: never changed or removed.
    pub const CONSTANT: u32 = 2;
    /// `Private`: visible only in its own scope.
    pub const PRIVATE: u32 = 4;
    /// `AllScope`: copied into child scopes.
    pub const ALL_SCOPE: u32 = 8;
}

/// The session's variables as the *-Variable cmdlets reach them: scopes are frame indexes
/// (0 is global), as a `-Scope` argument names them.
pub trait VariableStore {
    /// The frame a `-Scope` argument names (`Global`, `Script`, `Local`, `Private`, a number);
    /// the message is PowerShell's when it names none.
    fn frame_named(&self, scope: &str) -> Result<usize, String>;
    /// The current scope's frame.
    fn top(&self) -> usize;
    /// The innermost frame, from `from` outward, holding `name`.
    fn frame_of(&self, name: &str, from: usize) -> Option<usize>;
    /// A variable in one frame: its name as written and its value.
    fn in_frame(&self, frame: usize, name: &str) -> Option<(String, Value)>;
    /// Sets a variable in one frame.
    fn set_in_frame(&mut self, frame: usize, name: &str, v: Value);
    /// Removes a variable from one frame.
    fn remove_in_frame(&mut self, frame: usize, name: &str);
    /// A variable's [`variable_options`] bits.
    fn options_in_frame(&self, frame: usize, name: &str) -> u32;
    /// Sets a variable's [`variable_options`] bits.
    fn set_options_in_frame(&mut self, frame: usize, name: &str, bits: u32);
    /// Names visible from a frame (only that frame's when `only`), sorted.
    fn names_from(&self, from: usize, only: bool) -> Vec<String>;
}

/// One alias as the session keeps it (`ls` → `Get-ChildItem`), in the scope frame that defines
/// it. The built-in aliases live in the global frame with 5.1's options.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasEntry {
    /// The name as written.
    pub name: String,
    /// The command it stands for (a cmdlet, function, alias or any other command name).
    pub definition: String,
    /// [`variable_options`] bits (ReadOnly, Constant, Private, AllScope).
    pub options: u32,
    /// `-Description`.
    pub description: String,
}

/// The session's aliases as the *-Alias cmdlets and the `Alias:` drive reach them: scopes are
/// frame indexes as in [`VariableStore`].
pub trait AliasStore {
    /// The frame a `-Scope` argument names, as [`VariableStore::frame_named`].
    fn alias_frame_named(&self, scope: &str) -> Result<usize, String>;
    /// The current scope's frame.
    fn alias_top(&self) -> usize;
    /// The alias `name` in one frame.
    fn alias_in_frame(&self, frame: usize, name: &str) -> Option<AliasEntry>;
    /// The alias a name resolves to from `from` outward, with its frame.
    fn alias_visible(&self, name: &str, from: usize) -> Option<(usize, AliasEntry)>;
    /// Defines (or replaces) an alias in one frame.
    fn set_alias(&mut self, frame: usize, alias: AliasEntry);
    /// Removes an alias from one frame.
    fn remove_alias(&mut self, frame: usize, name: &str);
    /// Every alias visible from a frame (only that frame's when `only`), innermost first for
    /// duplicates, sorted by name.
    fn aliases_from(&self, from: usize, only: bool) -> Vec<AliasEntry>;
}

/// The session's functions and environment variables as the `Function:` and `Env:` drives reach
/// them.
pub trait SessionItems {
    /// Every function callable now: name as defined and body, sorted by name.
    fn functions(&self) -> Vec<(String, Rc<ScriptBlock>)>;
    /// Removes the innermost definition of a function; false when there is none.
    fn remove_function(&mut self, name: &str) -> bool;
    /// Defines a function in the current scope (`New-Item function:f -Value {…}`).
    fn define_function(&mut self, name: &str, body: Rc<ScriptBlock>);
    /// An environment variable (`$env:NAME`).
    fn env_var(&self, name: &str) -> Option<String>;
    /// Sets (`Some`) or removes (`None`) an environment variable for the session.
    fn set_env_var(&mut self, name: &str, value: Option<String>);
    /// The environment variables the session set, sorted by name (the process's own are not
    /// listed: they belong to the machine exsh runs on).
    fn env_vars(&self) -> Vec<(String, String)>;
}

/// What a running cmdlet may do. Implemented by the engine.
pub trait Context {
    /// Writes an object to the output stream.
    fn output(&mut self, v: Value);
    /// Asks the pipeline to stop the commands before this one once this process step's objects
    /// have gone on (Select-Object -First: PowerShell's StopUpstreamCommandsException): their
    /// remaining input, process and end steps do not run; this command's end step runs at once,
    /// and the commands after it go on to their end steps.
    fn stop_upstream(&mut self) {}
    /// Writes a warning (`WARNING: …`), subject to `-WarningAction`.
    fn warning(&mut self, text: &str);
    /// Writes a verbose line, shown with `-Verbose`.
    fn verbose(&mut self, text: &str);
    /// Writes a non-terminating error for the current record (subject to `-ErrorAction`).
    fn error(&mut self, e: CmdletError) -> CmdletResult;
    /// Writes text to the host (Write-Host), bypassing the pipeline.
    fn host(&mut self, text: &str, foreground: Option<Color>, background: Option<Color>, newline: bool);
    /// Reads a line from the user (Read-Host, prompts). `Ok(None)` at end of input.
    fn read_line(&mut self, prompt: &str, secure: bool) -> Result<Option<String>, CmdletError>;
    /// The organization.
    fn directory(&self) -> &Directory;
    /// Applies one change to the organization (recorded for saving and planning).
    fn apply(&mut self, change: Change) -> CmdletResult;
    /// ShouldProcess: prints `What if: <action>` under -WhatIf, asks under -Confirm or when the
    /// cmdlet's impact requires it. Returns true when the action should go ahead.
    fn should_process(&mut self, action: &str) -> Result<bool, CmdletError>;
    /// Runs a script block with `$_` set (when given) and `$args`; returns what it wrote to output.
    fn invoke(
        &mut self,
        block: &Rc<ScriptBlock>,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, CmdletError>;
    /// `New-Object TypeName -ArgumentList …` for the types the engine models (script classes,
    /// `System.Version`, `System.Uri`, …): `None` when the name is not such a type.
    fn new_object(&mut self, _type_name: &str, _args: Vec<Value>) -> Option<Result<Value, CmdletError>> {
        None
    }
    /// Files named by the script.
    fn files(&mut self) -> &mut dyn FileAccess;
    /// Output width in columns (120 when not a terminal).
    fn width(&self) -> usize;
    /// Current time, seconds since the Unix epoch (UTC).
    fn now(&self) -> i64;
    /// A monotonic clock in 100-ns ticks (only differences mean anything).
    fn ticks(&self) -> i64 {
        self.now().saturating_mul(10_000_000)
    }
    /// The local time zone's offset from UTC in seconds at a UTC instant (0 when unknown).
    fn utc_offset(&self, _utc_secs: i64) -> i32 {
        0
    }
    /// Reads a variable (for cmdlets such as Get-Variable and `$FormatEnumerationLimit`).
    fn variable(&self, name: &str) -> Option<Value>;
    /// Names of all commands, for Get-Command (name, kind, source).
    fn commands(&self) -> Vec<(String, String, String)>;
    /// The signature of a command by name or alias, for Get-Help, with only the parameters the
    /// org's Exchange version has.
    fn signature_of(&self, name: &str) -> Option<Signature>;
    /// A user function's definition, for Get-Help's comment-based help: its body and the text it
    /// was defined in (`None` when no function has that name).
    fn function_source(&self, _name: &str) -> Option<FunctionSource> {
        None
    }
    /// The session's connection state (modules, snap-ins, the Exchange connection).
    fn session(&mut self) -> &mut Session;
    /// Parses and runs script text in the caller's scope (Invoke-Expression); error positions
    /// inside it refer to the text. A parse error comes back as a ParseException record whose
    /// message starts with the position in the text, as 5.1 prints it.
    fn invoke_text(&mut self, _text: &str) -> Result<Vec<Value>, CmdletError> {
        Err(CmdletError::core(
            "Script text cannot run here.",
            "System.InvalidOperationException",
            "InvalidOperation",
            "NoEngine",
        ))
    }
    /// Runs a script block in a new child scope with `$_` (when given) and `$args`
    /// (Invoke-Command, `&`): its variables do not outlive it.
    fn invoke_child(
        &mut self,
        block: &Rc<ScriptBlock>,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, CmdletError> {
        self.invoke(block, dollar_under, args)
    }
    /// The next number of the session's seedable random sequence (Get-Random).
    fn next_random(&mut self) -> u64 {
        0x9E37_79B9_7F4A_7C15
    }
    /// Restarts the random sequence from a seed (Get-Random -SetSeed).
    fn set_random_seed(&mut self, _seed: u64) {}
    /// The session's variables (`None` where a context has no scopes, as in unit tests).
    fn variables(&mut self) -> Option<&mut dyn VariableStore> {
        None
    }
    /// The session's aliases (`None` where a context has no scopes).
    fn aliases(&mut self) -> Option<&mut dyn AliasStore> {
        None
    }
    /// The session's functions and environment variables (`None` where a context has none).
    fn session_items(&mut self) -> Option<&mut dyn SessionItems> {
        None
    }
    /// Imports a script module from a module file, a module folder or the module path; writes
    /// its verbose lines and (`-PassThru`) its PSModuleInfo. `None` when the name is not a path
    /// and no module folder has it (the caller decides what the name means).
    fn import_module_file(&mut self, _request: &modules::ModuleImport) -> Option<CmdletResult> {
        None
    }
    /// Export-ModuleMember: the running module's exports.
    fn export_module_member(&mut self, _exports: &modules::ModuleExports) -> CmdletResult {
        Err(CmdletError::core(
            "The Export-ModuleMember cmdlet can only be called from inside a module.",
            "System.InvalidOperationException",
            "PermissionDenied",
            "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
        ))
    }
    /// The script modules imported, as PSModuleInfo objects (or those the module folders hold,
    /// `available`).
    fn script_modules(&mut self, _available: bool) -> Vec<Value> {
        Vec::new()
    }
    /// Remove-Module of one imported script module: its commands leave the session. False when
    /// no imported script module has the name.
    fn remove_script_module(&mut self, _name: &str) -> bool {
        false
    }
}

/// A cmdlet: a signature and three steps. State between steps lives in `state`, which the engine
/// creates per invocation (`begin` receives it empty).
pub trait Cmdlet {
    /// The declaration.
    fn signature(&self) -> Signature;
    /// Called once before input, with the non-pipeline parameters bound.
    fn begin(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
    /// Called once per input record (or once with no input when the cmdlet starts a pipeline),
    /// with pipeline parameters bound for that record.
    ///
    /// The default collects `-InputObject` into `state`, for cmdlets that work on all their input
    /// at once in `end` (Sort-Object, Export-Csv, Format-Table, …).
    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, state: &mut Vec<Value>) -> CmdletResult {
        if let Some(v) = args.get("InputObject") {
            state.push(v.clone());
        }
        Ok(())
    }
    /// Called once after the last record.
    fn end(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

/// A user function as Get-Help reads it: the name as defined, the body, and the whole text the
/// definition was parsed from (the help comment is found in that text by the body's span).
#[derive(Debug, Clone)]
pub struct FunctionSource {
    /// The name as defined.
    pub name: String,
    /// The body (its `param()` block gives the syntax and parameters).
    pub body: Rc<ScriptBlock>,
    /// The text the body's span refers to.
    pub source: Rc<str>,
}
