//! The declarative description of a cmdlet: parameters, sets, positions, pipeline input, valid
//! values, ShouldProcess impact, examples. The binder, Get-Help, Get-Command and tab completion all
//! read it; nothing else describes a cmdlet's parameters.

use crate::directory::{ExchangeVersion, RecipientScope};
use crate::value::EnumType;

/// The value type of a parameter, which drives conversion in the binder and completion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamType {
    /// Any object, passed as is.
    Object,
    /// `[string]`
    String,
    /// `[int]`
    Int,
    /// `[bool]` (needs an explicit value: `-AutoMapping $false`).
    Bool,
    /// `[switch]` (present = true; `-Confirm:$false` form for an explicit value).
    Switch,
    /// `[scriptblock]`
    ScriptBlock,
    /// `[hashtable]`
    Hashtable,
    /// A .NET enum; completion offers its names.
    Enum(&'static EnumType),
    /// A string limited to these values (ValidateSet), compared case-insensitively.
    Set(&'static [&'static str]),
    /// An Exchange identity parameter; the value is kept as given (string or piped object) and
    /// resolved by the cmdlet. Completion offers identities of this kind from the org.
    Identity(IdentityKind),
    /// `MultiValuedProperty` of identities: a list (replace), `@{Add=…; Remove=…}`, or `$null`.
    MultiValued(IdentityKind),
    /// `Unlimited[int]`: a number or `Unlimited`.
    Unlimited,
    /// `[guid]`: the text of a GUID (any of .NET's formats), kept in its `D` form.
    Guid,
}

/// The kinds of Exchange identity parameters (see reference/cmdlets.md §0.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    /// `MailboxIdParameter`
    Mailbox,
    /// `MailboxIdParameter` of *-MailboxPermission, which from Exchange 2016 also names mail
    /// users (reference/cmdlets.md: "On 2016, 2019 and EXO it also works on a mail user").
    MailboxOrMailUser,
    /// `RecipientIdParameter`
    Recipient,
    /// `UserIdParameter`
    User,
    /// `SecurityPrincipalIdParameter` (-User, -Trustee, -Owner)
    SecurityPrincipal,
    /// `ADRawEntryIdParameter` (-Identity of *-ADPermission)
    AdRawEntry,
    /// `MailboxFolderIdParameter` (`alias:\Folder`)
    MailboxFolder,
    /// `MailboxFolderUserIdParameter`
    MailboxFolderUser,
    /// `DatabaseIdParameter`
    Database,
    /// `DistributionGroupIdParameter`
    DistributionGroup,
    /// `MailContactIdParameter` (Get-/Set-MailContact)
    MailContact,
    /// `ContactIdParameter` (Get-Contact)
    Contact,
    /// `MailUserIdParameter` (Get-MailUser)
    MailUser,
    /// `GroupIdParameter` (Get-Group)
    Group,
}

impl IdentityKind {
    /// The .NET parameter type Get-Help and conversion errors name (`MailboxIdParameter`).
    pub fn type_name(self) -> &'static str {
        match self {
            IdentityKind::Mailbox | IdentityKind::MailboxOrMailUser => "MailboxIdParameter",
            IdentityKind::Recipient => "RecipientIdParameter",
            IdentityKind::User => "UserIdParameter",
            IdentityKind::SecurityPrincipal => "SecurityPrincipalIdParameter",
            IdentityKind::AdRawEntry => "ADRawEntryIdParameter",
            IdentityKind::MailboxFolder => "MailboxFolderIdParameter",
            IdentityKind::MailboxFolderUser => "MailboxFolderUserIdParameter",
            IdentityKind::Database => "DatabaseIdParameter",
            IdentityKind::DistributionGroup => "DistributionGroupIdParameter",
            IdentityKind::MailContact => "MailContactIdParameter",
            IdentityKind::Contact => "ContactIdParameter",
            IdentityKind::MailUser => "MailUserIdParameter",
            IdentityKind::Group => "GroupIdParameter",
        }
    }

    /// The recipients an identity of this kind can name in an org of `version`: the one place
    /// that maps declared kinds to resolution scopes. A folder identity names its mailbox this
    /// way; `None` for kinds resolved by other rules (principals, AD entries, folder users,
    /// databases).
    pub fn recipient_scope(self, version: ExchangeVersion) -> Option<RecipientScope> {
        match self {
            IdentityKind::Mailbox | IdentityKind::MailboxFolder => Some(RecipientScope::Mailbox),
            IdentityKind::MailboxOrMailUser => {
                Some(if matches!(version, ExchangeVersion::Exchange2010 | ExchangeVersion::Exchange2013) {
                    RecipientScope::Mailbox
                } else {
                    RecipientScope::MailUserOrMailbox
                })
            }
            IdentityKind::Recipient => Some(RecipientScope::Recipient),
            IdentityKind::User => Some(RecipientScope::User),
            IdentityKind::DistributionGroup | IdentityKind::Group => Some(RecipientScope::Group),
            IdentityKind::MailContact | IdentityKind::Contact => Some(RecipientScope::MailContact),
            IdentityKind::MailUser => Some(RecipientScope::MailUser),
            IdentityKind::SecurityPrincipal
            | IdentityKind::AdRawEntry
            | IdentityKind::MailboxFolderUser
            | IdentityKind::Database => None,
        }
    }
}

impl ParamType {
    /// The .NET type name of a single value of this type (`SwitchParameter`, `Int32`,
    /// `MailboxRights`, `MailboxIdParameter`); a `Set` is a `String`.
    pub fn type_name(self) -> &'static str {
        match self {
            ParamType::Object => "Object",
            ParamType::String | ParamType::Set(_) => "String",
            ParamType::Int => "Int32",
            ParamType::Bool => "Boolean",
            ParamType::Switch => "SwitchParameter",
            ParamType::ScriptBlock => "ScriptBlock",
            ParamType::Hashtable => "Hashtable",
            ParamType::Enum(e) => e.name.rsplit('.').next().unwrap_or(e.name),
            ParamType::Identity(k) => k.type_name(),
            ParamType::MultiValued(_) => "MultiValuedProperty",
            ParamType::Unlimited => "Unlimited",
            ParamType::Guid => "Guid",
        }
    }
}

/// How a parameter takes pipeline input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PipelineInput {
    /// `ValueFromPipeline`
    pub by_value: bool,
    /// `ValueFromPipelineByPropertyName`
    pub by_property_name: bool,
}

/// `ConfirmImpact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConfirmImpact {
    /// Never prompts by default.
    None,
    /// Low.
    Low,
    /// Medium (Add-*, Set-*: prompt only with `-Confirm`).
    Medium,
    /// High (Remove-*: prompts by default).
    High,
}

/// One parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// Canonical name (`Identity`).
    pub name: &'static str,
    /// Value type.
    pub ty: ParamType,
    /// Takes an array (`MailboxRights[]`): a single value is wrapped.
    pub array: bool,
    /// Aliases (`cf` for Confirm).
    pub aliases: &'static [&'static str],
    /// 0-based position, if positional.
    pub position: Option<usize>,
    /// Mandatory in the sets it belongs to (see `mandatory_in` for per-set overrides).
    pub mandatory: bool,
    /// Sets where it is mandatory even though `mandatory` is false.
    pub mandatory_in: &'static [&'static str],
    /// The parameter sets it belongs to; empty means all.
    pub sets: &'static [&'static str],
    /// Pipeline input.
    pub pipeline: PipelineInput,
    /// Versions that have it; empty means all.
    pub versions: &'static [ExchangeVersion],
    /// One-line description for Get-Help.
    pub help: &'static str,
    /// Overrides the .NET type name [`Param::display_type`] derives from `ty`, for types exsh does
    /// not model (`Fqdn`, `PSCredential`, `GeneralRecipientIdParameter`); empty when derived.
    pub type_display: &'static str,
    /// `ValueFromRemainingArguments`: takes every positional argument left over (Write-Host, Write-Output).
    pub remaining: bool,
}

impl Param {
    /// A named, optional parameter in every set.
    pub fn new(name: &'static str, ty: ParamType) -> Self {
        Param {
            name,
            ty,
            array: false,
            aliases: &[],
            position: None,
            mandatory: false,
            mandatory_in: &[],
            sets: &[],
            pipeline: PipelineInput::default(),
            versions: &[],
            help: "",
            type_display: "",
            remaining: false,
        }
    }

    /// `ValueFromRemainingArguments`.
    pub fn remaining(mut self) -> Self {
        self.remaining = true;
        self
    }

    /// Positional at `pos` (0-based).
    pub fn position(mut self, pos: usize) -> Self {
        self.position = Some(pos);
        self
    }

    /// Mandatory.
    pub fn mandatory(mut self) -> Self {
        self.mandatory = true;
        self
    }

    /// Mandatory in these sets only.
    pub fn mandatory_in(mut self, sets: &'static [&'static str]) -> Self {
        self.mandatory_in = sets;
        self
    }

    /// Member of these sets only.
    pub fn sets(mut self, sets: &'static [&'static str]) -> Self {
        self.sets = sets;
        self
    }

    /// Takes an array.
    pub fn array(mut self) -> Self {
        self.array = true;
        self
    }

    /// Aliases.
    pub fn aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// `ValueFromPipeline`.
    pub fn from_pipeline(mut self) -> Self {
        self.pipeline.by_value = true;
        self
    }

    /// `ValueFromPipelineByPropertyName`.
    pub fn from_pipeline_by_name(mut self) -> Self {
        self.pipeline.by_property_name = true;
        self
    }

    /// Only in these versions.
    pub fn versions(mut self, versions: &'static [ExchangeVersion]) -> Self {
        self.versions = versions;
        self
    }

    /// Help text.
    pub fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }

    /// Names a .NET type that `ty` cannot express (`Fqdn`, `PSCredential`), for help and errors.
    pub fn type_display(mut self, t: &'static str) -> Self {
        self.type_display = t;
        self
    }

    /// The .NET type name shown in Get-Help syntax and conversion errors: the override if any,
    /// else derived from the type (`SwitchParameter`, `MailboxRights[]`, `MailboxIdParameter`).
    pub fn display_type(&self) -> String {
        if !self.type_display.is_empty() {
            return self.type_display.to_string();
        }
        let base = self.ty.type_name();
        if self.array { format!("{base}[]") } else { base.to_string() }
    }

    /// True when it belongs to `set`.
    pub fn in_set(&self, set: &str) -> bool {
        self.sets.is_empty() || self.sets.iter().any(|s| s.eq_ignore_ascii_case(set))
    }

    /// True when mandatory in `set`.
    pub fn is_mandatory_in(&self, set: &str) -> bool {
        self.in_set(set) && (self.mandatory || self.mandatory_in.iter().any(|s| s.eq_ignore_ascii_case(set)))
    }

    /// True when the version has this parameter.
    pub fn available_in(&self, v: ExchangeVersion) -> bool {
        self.versions.is_empty() || self.versions.contains(&v)
    }
}

/// An example for Get-Help (and the examples test).
#[derive(Debug, Clone)]
pub struct Example {
    /// The command line.
    pub code: &'static str,
    /// What it does.
    pub remarks: &'static str,
}

/// Where a cmdlet comes from, which decides error shapes (remote Exchange vs local PowerShell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An Exchange cmdlet (implicit remoting in EMS: remote error layout, `Deserialized.` objects).
    Exchange,
    /// A PowerShell core cmdlet (local error layout with `At line:` position).
    Core,
    /// One of exsh's own cmdlets (Test-MailboxAccess, Get-MailboxAccess, Get-PermissionAudit):
    /// local like a core cmdlet, listed by Get-Command with Source `exsh`.
    Exsh,
}

/// The complete declaration of a cmdlet.
#[derive(Debug, Clone)]
pub struct Signature {
    /// `Verb-Noun`.
    pub name: &'static str,
    /// Full .NET class name, for FullyQualifiedErrorId (`Microsoft.Exchange.Management.RecipientTasks.GetMailbox`).
    pub class: &'static str,
    /// One-line synopsis.
    pub synopsis: &'static str,
    /// Parameters (common parameters are added by the binder, not declared here).
    pub params: Vec<Param>,
    /// The default parameter set, when there are several.
    pub default_set: &'static str,
    /// Declared sets, in order (empty: one unnamed set).
    pub set_names: &'static [&'static str],
    /// `SupportsShouldProcess` with this impact; `None` when the cmdlet changes nothing.
    pub should_process: Option<ConfirmImpact>,
    /// Versions that have the cmdlet; empty means all.
    pub versions: &'static [ExchangeVersion],
    /// Exchange or core.
    pub origin: Origin,
    /// Examples.
    pub examples: Vec<Example>,
}

impl Signature {
    /// A cmdlet with no parameters yet.
    pub fn new(name: &'static str, class: &'static str, origin: Origin) -> Self {
        Signature {
            name,
            class,
            synopsis: "",
            params: Vec::new(),
            default_set: "__AllParameterSets",
            set_names: &[],
            should_process: None,
            versions: &[],
            origin,
            examples: Vec::new(),
        }
    }

    /// Synopsis.
    pub fn synopsis(mut self, s: &'static str) -> Self {
        self.synopsis = s;
        self
    }

    /// Adds a parameter.
    pub fn param(mut self, p: Param) -> Self {
        self.params.push(p);
        self
    }

    /// Declares parameter sets; the first is the default.
    pub fn sets(mut self, sets: &'static [&'static str]) -> Self {
        self.set_names = sets;
        if let Some(first) = sets.first() {
            self.default_set = first;
        }
        self
    }

    /// Overrides the default set.
    pub fn default_set(mut self, set: &'static str) -> Self {
        self.default_set = set;
        self
    }

    /// `SupportsShouldProcess` with this impact.
    pub fn should_process(mut self, impact: ConfirmImpact) -> Self {
        self.should_process = Some(impact);
        self
    }

    /// Only in these versions.
    pub fn versions(mut self, versions: &'static [ExchangeVersion]) -> Self {
        self.versions = versions;
        self
    }

    /// Adds an example.
    pub fn example(mut self, code: &'static str, remarks: &'static str) -> Self {
        self.examples.push(Example { code, remarks });
        self
    }

    /// Looks a declared parameter up by exact name or alias (case-insensitive).
    pub fn find(&self, name: &str) -> Option<&Param> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name) || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
    }

    /// True when the version has this cmdlet.
    pub fn available_in(&self, v: ExchangeVersion) -> bool {
        self.versions.is_empty() || self.versions.contains(&v)
    }

    /// The signature as version `v` has it: only the parameters that version declares (what
    /// Get-Help shows there).
    pub fn in_version(mut self, v: ExchangeVersion) -> Self {
        self.params.retain(|p| p.available_in(v));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static RIGHTS: EnumType = EnumType { name: "X.MailboxRights", flags: true, members: &[("FullAccess", 1)] };

    #[test]
    fn display_type_follows_from_the_parameter_type() {
        let t = |p: Param| p.display_type();
        assert_eq!(t(Param::new("Confirm", ParamType::Switch)), "SwitchParameter");
        assert_eq!(t(Param::new("Count", ParamType::Int)), "Int32");
        assert_eq!(t(Param::new("AccessRights", ParamType::Enum(&RIGHTS)).array()), "MailboxRights[]");
        assert_eq!(t(Param::new("Identity", ParamType::Identity(IdentityKind::AdRawEntry))), "ADRawEntryIdParameter");
        assert_eq!(t(Param::new("ManagedBy", ParamType::MultiValued(IdentityKind::Recipient))), "MultiValuedProperty");
        assert_eq!(t(Param::new("ResultSize", ParamType::Unlimited)), "Unlimited");
        assert_eq!(t(Param::new("Encoding", ParamType::Set(&["UTF8"]))), "String");
        assert_eq!(t(Param::new("DomainController", ParamType::String).type_display("Fqdn")), "Fqdn");
    }

    #[test]
    fn identity_kinds_map_to_resolution_scopes() {
        let scope = |k: IdentityKind, v| k.recipient_scope(v);
        assert_eq!(scope(IdentityKind::Mailbox, ExchangeVersion::Online), Some(RecipientScope::Mailbox));
        assert_eq!(
            scope(IdentityKind::MailboxOrMailUser, ExchangeVersion::Exchange2013),
            Some(RecipientScope::Mailbox)
        );
        assert_eq!(
            scope(IdentityKind::MailboxOrMailUser, ExchangeVersion::Exchange2016),
            Some(RecipientScope::MailUserOrMailbox)
        );
        assert_eq!(scope(IdentityKind::DistributionGroup, ExchangeVersion::Online), Some(RecipientScope::Group));
        assert_eq!(scope(IdentityKind::SecurityPrincipal, ExchangeVersion::Online), None);
        assert_eq!(scope(IdentityKind::Contact, ExchangeVersion::Exchange2010), Some(RecipientScope::MailContact));
        assert_eq!(scope(IdentityKind::MailUser, ExchangeVersion::Online), Some(RecipientScope::MailUser));
    }
}
