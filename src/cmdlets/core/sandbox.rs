//! Cmdlets that would leave the sandbox: Start-Process, Invoke-WebRequest, Invoke-RestMethod,
//! Send-MailMessage and Add-Type with source code. Each binds its real parameters, then writes a
//! non-terminating error naming itself and saying exsh does not run it, so the script goes on as
//! after any non-terminating error. `Add-Type -AssemblyName` is accepted as a no-op (loading a
//! framework assembly changes nothing a script can see in exsh). Native programs are refused by
//! the engine (`engine::native`). See docs/reference/core-cmdlets.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::Value;

const FILE_PATH: &str = "FilePath";
const URI: &str = "Uri";
const SMTP_SERVER: &str = "SmtpServer";
const ASSEMBLY_NAME: &str = "AssemblyName";
const TYPE_DEFINITION: &str = "TypeDefinition";
const MEMBER_DEFINITION: &str = "MemberDefinition";
const PATH: &str = "Path";

/// The error a refused cmdlet writes.
pub fn refused(what: &str, reason: &str) -> CmdletError {
    CmdletError::core(
        format!("exsh does not run {what}: {reason}"),
        "System.NotSupportedException",
        "NotImplemented",
        "CommandNotRunByExsh",
    )
}

fn params(s: Signature, list: &[(&'static str, ParamType)]) -> Signature {
    list.iter().fold(s, |s, (n, t)| s.param(Param::new(n, *t).help("Bound, then the command is refused.")))
}

/// `Start-Process` (start, saps).
pub struct StartProcess;

impl Cmdlet for StartProcess {
    fn signature(&self) -> Signature {
        let s = Signature::new("Start-Process", "Microsoft.PowerShell.Commands.StartProcessCommand", Origin::Core)
            .synopsis("Starts a process (exsh refuses: nothing may start a program).")
            .param(Param::new(FILE_PATH, ParamType::String).position(0).mandatory().help("The program."))
            .param(Param::new("ArgumentList", ParamType::String).array().position(1).help("Its arguments."));
        params(
            s,
            &[
                ("Credential", ParamType::Object),
                ("WorkingDirectory", ParamType::String),
                ("LoadUserProfile", ParamType::Switch),
                ("NoNewWindow", ParamType::Switch),
                ("PassThru", ParamType::Switch),
                ("RedirectStandardError", ParamType::String),
                ("RedirectStandardInput", ParamType::String),
                ("RedirectStandardOutput", ParamType::String),
                ("Verb", ParamType::String),
                ("WindowStyle", ParamType::Set(&["Normal", "Hidden", "Minimized", "Maximized"])),
                ("Wait", ParamType::Switch),
                ("UseNewEnvironment", ParamType::Switch),
            ],
        )
        .example("Start-Process notepad.exe", "Refused: exsh starts no programs.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let p = args.string(FILE_PATH).unwrap_or_default();
        Err(refused("Start-Process", &format!("it would start the program '{p}' outside the sandbox.")))
    }
}

const WEB_PARAMS: &[(&str, ParamType)] = &[
    (
        "Method",
        ParamType::Set(&["Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch"]),
    ),
    ("Body", ParamType::Object),
    ("Headers", ParamType::Hashtable),
    ("ContentType", ParamType::String),
    ("OutFile", ParamType::String),
    ("InFile", ParamType::String),
    ("UseBasicParsing", ParamType::Switch),
    ("Credential", ParamType::Object),
    ("UseDefaultCredentials", ParamType::Switch),
    ("TimeoutSec", ParamType::Int),
    ("Proxy", ParamType::String),
    ("UserAgent", ParamType::String),
    ("WebSession", ParamType::Object),
    ("SessionVariable", ParamType::String),
    ("DisableKeepAlive", ParamType::Switch),
    ("MaximumRedirection", ParamType::Int),
    ("PassThru", ParamType::Switch),
];

/// `Invoke-WebRequest` (iwr, curl, wget) and `Invoke-RestMethod` (irm).
pub struct WebCmdlet(&'static str, &'static str);

/// Both web cmdlets.
pub fn web() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(WebCmdlet("Invoke-WebRequest", "Microsoft.PowerShell.Commands.InvokeWebRequestCommand")),
        Box::new(WebCmdlet("Invoke-RestMethod", "Microsoft.PowerShell.Commands.InvokeRestMethodCommand")),
    ]
}

impl Cmdlet for WebCmdlet {
    fn signature(&self) -> Signature {
        let s = Signature::new(self.0, self.1, Origin::Core)
            .synopsis("Sends an HTTP request (exsh refuses: nothing may open a socket).")
            .param(Param::new(URI, ParamType::String).position(0).mandatory().help("The address."));
        let example = if self.0 == "Invoke-WebRequest" {
            "Invoke-WebRequest https://example.com -UseBasicParsing"
        } else {
            "Invoke-RestMethod https://example.com/api"
        };
        params(s, WEB_PARAMS).example(example, "Refused: exsh opens no connections.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let uri = args.string(URI).unwrap_or_default();
        Err(refused(self.0, &format!("it would open a network connection to '{uri}'.")))
    }
}

/// `Send-MailMessage`.
pub struct SendMailMessage;

impl Cmdlet for SendMailMessage {
    fn signature(&self) -> Signature {
        let s = Signature::new("Send-MailMessage", "Microsoft.PowerShell.Commands.SendMailMessage", Origin::Core)
            .synopsis("Sends an e-mail message (exsh refuses: nothing may open a socket).")
            .param(Param::new("To", ParamType::String).array().position(0).mandatory().help("Recipients."))
            .param(Param::new("Subject", ParamType::String).position(1).help("Subject."))
            .param(Param::new("Body", ParamType::String).position(2).help("Body."))
            .param(Param::new(SMTP_SERVER, ParamType::String).position(3).help("The SMTP server."));
        params(
            s,
            &[
                ("From", ParamType::String),
                ("Cc", ParamType::String),
                ("Bcc", ParamType::String),
                ("Attachments", ParamType::String),
                ("BodyAsHtml", ParamType::Switch),
                ("Credential", ParamType::Object),
                ("DeliveryNotificationOption", ParamType::String),
                ("Encoding", ParamType::String),
                ("Port", ParamType::Int),
                ("Priority", ParamType::Set(&["Normal", "Low", "High"])),
                ("UseSsl", ParamType::Switch),
            ],
        )
        .example("Send-MailMessage -To admin@contoso.com -Subject Report -SmtpServer smtp", "Refused.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let server = args.string(SMTP_SERVER).map(|s| format!(" '{s}'")).unwrap_or_default();
        Err(refused("Send-MailMessage", &format!("it would send mail through the SMTP server{server}.")))
    }
}

/// `Add-Type`: `-AssemblyName` is a no-op; source code, member definitions and files are refused.
pub struct AddType;

impl Cmdlet for AddType {
    fn signature(&self) -> Signature {
        Signature::new("Add-Type", "Microsoft.PowerShell.Commands.AddTypeCommand", Origin::Core)
            .synopsis("Adds a .NET type (exsh accepts -AssemblyName as a no-op and refuses to compile code).")
            .sets(&["FromSource", "FromMember", "FromPath", "FromAssemblyName"])
            .param(
                Param::new(TYPE_DEFINITION, ParamType::String)
                    .position(0)
                    .mandatory()
                    .sets(&["FromSource"])
                    .help("C# source (refused)."),
            )
            .param(
                Param::new("Name", ParamType::String).position(0).mandatory().sets(&["FromMember"]).help("Type name."),
            )
            .param(
                Param::new(MEMBER_DEFINITION, ParamType::String)
                    .array()
                    .position(1)
                    .mandatory()
                    .sets(&["FromMember"])
                    .help("Member source (refused)."),
            )
            .param(
                Param::new(PATH, ParamType::String)
                    .array()
                    .position(0)
                    .mandatory()
                    .sets(&["FromPath"])
                    .help("Source or assembly files (refused)."),
            )
            .param(
                Param::new(ASSEMBLY_NAME, ParamType::String)
                    .array()
                    .mandatory()
                    .aliases(&["AN"])
                    .sets(&["FromAssemblyName"])
                    .help("Framework assemblies (accepted; nothing to load)."),
            )
            .param(Param::new("Namespace", ParamType::String).sets(&["FromMember"]).help("Namespace."))
            .param(Param::new("UsingNamespace", ParamType::String).array().sets(&["FromMember"]).help("Usings."))
            .param(Param::new("Language", ParamType::String).sets(&["FromSource", "FromMember"]).help("Language."))
            .param(Param::new("ReferencedAssemblies", ParamType::String).array().help("References."))
            .param(Param::new("OutputAssembly", ParamType::String).help("Output file."))
            .param(Param::new("OutputType", ParamType::String).help("Output kind."))
            .param(Param::new("PassThru", ParamType::Switch).help("Outputs the types."))
            .param(Param::new("IgnoreWarnings", ParamType::Switch).help("Ignores compiler warnings."))
            .example("Add-Type -AssemblyName System.Web", "Accepted; does nothing.")
    }

    fn process(&self, _cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if args.has(ASSEMBLY_NAME) {
            return Ok(());
        }
        let what = if args.has(PATH) {
            "it would load or compile the given files."
        } else {
            "it would compile and load C# code."
        };
        Err(refused("Add-Type", what))
    }
}
