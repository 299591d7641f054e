//! Small utility cmdlets real admin scripts call: Get-Date, Start-Sleep, New-Object, Add-Member,
//! Test-Path, Join-Path, Split-Path, Get-Credential, ConvertTo-SecureString,
//! and preamble commands that succeed and do nothing (Set-ExecutionPolicy, Set-StrictMode, …).

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{PsObject, Value, convert};

/// `Start-Sleep`: returns at once (a rehearsal has nothing to wait for).
pub struct StartSleep;

impl Cmdlet for StartSleep {
    fn signature(&self) -> Signature {
        Signature::new("Start-Sleep", "Microsoft.PowerShell.Commands.StartSleepCommand", Origin::Core)
            .synopsis("Suspends the script for a time (exsh returns at once).")
            .param(Param::new("Seconds", ParamType::Int).position(0).help("Seconds to wait."))
            .param(Param::new("Milliseconds", ParamType::Int).help("Milliseconds to wait."))
            .example("Start-Sleep -Seconds 5", "Returns immediately in exsh.")
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}

/// `New-Object`.
pub struct NewObject;

impl Cmdlet for NewObject {
    fn signature(&self) -> Signature {
        Signature::new("New-Object", "Microsoft.PowerShell.Commands.NewObjectCommand", Origin::Core)
            .synopsis("Creates an instance of a .NET object (COM objects are refused: they start programs).")
            .sets(&["Net", "Com"])
            .param(
                Param::new("TypeName", ParamType::String)
                    .sets(&["Net"])
                    .position(0)
                    .mandatory()
                    .help("PSObject, PSCustomObject, System.Collections.ArrayList, …"),
            )
            .param(
                Param::new("ArgumentList", ParamType::Object)
                    .sets(&["Net"])
                    .array()
                    .position(1)
                    .aliases(&["Args"])
                    .help("Constructor arguments."),
            )
            .param(
                Param::new("ComObject", ParamType::String)
                    .sets(&["Com"])
                    .position(0)
                    .mandatory()
                    .help("A COM ProgID (WScript.Shell, Excel.Application): refused, exsh creates no COM objects."),
            )
            .param(Param::new("Strict", ParamType::Switch).sets(&["Com"]).help("With -ComObject."))
            .param(Param::new("Property", ParamType::Hashtable).help("Property values to set."))
            .example("New-Object PSObject -Property @{ Mailbox = 'karen'; User = 'michelle' }", "A custom object.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if let Some(progid) = args.string("ComObject") {
            return Err(super::sandbox::refused(
                "COM objects",
                &format!("New-Object -ComObject '{progid}' would start a program or open a window on the machine."),
            ));
        }
        let t = args.string("TypeName").unwrap_or_default();
        let ctor_args: Vec<Value> = args.get("ArgumentList").map(|v| v.enumerate()).unwrap_or_default();
        let plain = matches!(
            t.to_ascii_lowercase().trim_start_matches("system.").trim_start_matches("management.automation."),
            "psobject" | "object" | "pscustomobject"
        );
        if !plain && let Some(r) = cx.new_object(&t, ctor_args.clone()) {
            let v = r?;
            if let (Value::Object(o), Some(Value::Hashtable(h))) = (&v, args.get("Property")) {
                for (k, pv) in h.borrow().iter() {
                    o.borrow_mut().set(&convert::to_string(k), pv.clone());
                }
            }
            cx.output(v);
            return Ok(());
        }
        let tl = t.to_ascii_lowercase();
        let tl = tl.strip_prefix("system.").unwrap_or(&tl);
        if matches!(tl, "management.automation.pscredential" | "pscredential")
            && let Some(c) = crate::value::secure::credential(&ctor_args)
        {
            cx.output(c);
            return Ok(());
        }
        let v = match tl {
            "psobject" | "object" | "management.automation.psobject" | "pscustomobject" => {
                let mut o = PsObject::custom();
                if let Some(Value::Hashtable(h)) = args.get("Property") {
                    for (k, v) in h.borrow().iter() {
                        o.set(&convert::to_string(k), v.clone());
                    }
                }
                Value::object(o)
            }
            t if t.starts_with("collections.arraylist") => Value::array_list(Vec::new()),
            t if t.starts_with("collections.generic.list") => Value::generic_list(Vec::new()),
            "collections.hashtable" => {
                Value::hashtable(crate::value::Hashtable::dotnet(0, crate::value::KeyHash::Default))
            }
            "datetime" => Value::DateTime(cx.now(), 0),
            _ => {
                return Err(CmdletError::core(
                    format!("Cannot find type [{t}]: verify that the assembly containing this type is loaded."),
                    "System.Management.Automation.PSArgumentException",
                    "InvalidType",
                    "TypeNotFound",
                ));
            }
        };
        cx.output(v);
        Ok(())
    }
}

/// `Add-Member`.
pub struct AddMember;

impl Cmdlet for AddMember {
    fn signature(&self) -> Signature {
        Signature::new("Add-Member", "Microsoft.PowerShell.Commands.AddMemberCommand", Origin::Core)
            .synopsis("Adds custom properties to an object.")
            .param(
                Param::new("InputObject", ParamType::Object).mandatory().from_pipeline().help("The object to extend."),
            )
            .param(
                Param::new("MemberType", ParamType::String)
                    .position(0)
                    .aliases(&["Type"])
                    .help("NoteProperty, ScriptProperty, …"),
            )
            .param(Param::new("Name", ParamType::String).position(1).help("Property name."))
            .param(Param::new("Value", ParamType::Object).position(2).help("Property value."))
            .param(Param::new("NotePropertyName", ParamType::String).help("Property name."))
            .param(Param::new("NotePropertyValue", ParamType::Object).help("Property value."))
            .param(Param::new("NotePropertyMembers", ParamType::Hashtable).help("Several properties."))
            .param(Param::new("PassThru", ParamType::Switch).help("Outputs the object."))
            .param(Param::new("Force", ParamType::Switch).help("Replaces an existing property."))
            .example("$o | Add-Member -MemberType NoteProperty -Name Delegates -Value $list", "Adds a property.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let obj = args.opt::<Value>("InputObject").unwrap_or(Value::Null);
        let Value::Object(o) = &obj else {
            return Err(CmdletError::core(
                "Cannot add a member to this object.",
                "System.InvalidOperationException",
                "InvalidOperation",
                "CannotAddMember",
            ));
        };
        let mut pairs: Vec<(String, Value)> = Vec::new();
        if let Some(n) = args.string("Name").or_else(|| args.string("NotePropertyName")) {
            pairs
                .push((n, args.get("Value").or_else(|| args.get("NotePropertyValue")).cloned().unwrap_or(Value::Null)));
        }
        if let Some(Value::Hashtable(h)) = args.get("NotePropertyMembers") {
            for (k, v) in h.borrow().iter() {
                pairs.push((convert::to_string(k), v.clone()));
            }
        }
        for (n, v) in pairs {
            if o.borrow().has(&n) && !args.switch("Force") {
                return Err(CmdletError::core(
                    format!(
                        "Cannot add a member with the name \"{n}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."
                    ),
                    "System.InvalidOperationException",
                    "InvalidOperation",
                    "MemberAlreadyExists",
                ));
            }
            o.borrow_mut().set(&n, v);
        }
        if args.switch("PassThru") {
            cx.output(obj.clone());
        }
        Ok(())
    }
}

/// `Join-Path`.
pub struct JoinPath;

impl Cmdlet for JoinPath {
    fn signature(&self) -> Signature {
        Signature::new("Join-Path", "Microsoft.PowerShell.Commands.JoinPathCommand", Origin::Core)
            .synopsis("Combines a path and a child path.")
            .param(Param::new("Path", ParamType::String).position(0).mandatory().help("The parent path."))
            .param(Param::new("ChildPath", ParamType::String).position(1).mandatory().help("The child path."))
            .example("Join-Path $PSScriptRoot 'report.csv'", "A file beside the script.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let p = args.string("Path").unwrap_or_default();
        let c = args.string("ChildPath").unwrap_or_default();
        let sep = if p.contains('/') && !p.contains('\\') { '/' } else { '\\' };
        let joined = if p.is_empty() {
            c
        } else {
            format!("{}{sep}{}", p.trim_end_matches(['\\', '/']), c.trim_start_matches(['\\', '/']))
        };
        cx.output(Value::str(joined));
        Ok(())
    }
}

/// `Split-Path`.
pub struct SplitPath;

impl Cmdlet for SplitPath {
    fn signature(&self) -> Signature {
        Signature::new("Split-Path", "Microsoft.PowerShell.Commands.SplitPathCommand", Origin::Core)
            .synopsis("Returns the parent or leaf part of a path.")
            .param(Param::new("Path", ParamType::String).position(0).mandatory().from_pipeline().help("The path."))
            .param(Param::new("Leaf", ParamType::Switch).help("The last element."))
            .param(Param::new("Parent", ParamType::Switch).help("The parent (the default)."))
            .example("Split-Path -Parent $PSCommandPath", "The script's folder.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let p = args.string("Path").unwrap_or_default();
        let idx = p.rfind(['\\', '/']);
        let out = if args.switch("Leaf") {
            idx.map(|i| p[i + 1..].to_string()).unwrap_or(p.clone())
        } else {
            idx.map(|i| p[..i].to_string()).unwrap_or_default()
        };
        cx.output(Value::str(out));
        Ok(())
    }
}

/// `Get-Credential`: returns a credential object without asking (connection preambles need one).
pub struct GetCredential;

impl Cmdlet for GetCredential {
    fn signature(&self) -> Signature {
        Signature::new("Get-Credential", "Microsoft.PowerShell.Commands.GetCredentialCommand", Origin::Core)
            .synopsis("Gets a credential object (exsh needs none; it returns one for CONTOSO\\Administrator or the given user).")
            .param(Param::new("Credential", ParamType::Object).position(0).help("A user name."))
            .param(Param::new("Message", ParamType::String).help("Prompt text."))
            .param(Param::new("UserName", ParamType::String).help("A user name."))
            .example("$cred = Get-Credential", "A credential for New-PSSession.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let user = args
            .string("UserName")
            .or_else(|| args.string("Credential"))
            .unwrap_or_else(|| "CONTOSO\\Administrator".into());
        let o = PsObject::new(&["System.Management.Automation.PSCredential", "System.Object"])
            .with("UserName", user.as_str())
            .with("Password", crate::value::secure::secure_string(""));
        cx.output(Value::object(o));
        Ok(())
    }
}

/// `ConvertTo-SecureString`.
pub struct ConvertToSecureString;

const STRING: &str = "String";
const AS_PLAIN_TEXT: &str = "AsPlainText";
const FORCE: &str = "Force";
const SECURE_STRING: &str = "SecureString";

/// The start of a DPAPI blob as ConvertFrom-SecureString writes it in hex (the blob version and the
/// DPAPI provider's GUID). exsh has no user key: the hex after it is the text's UTF-16LE bytes, not
/// an encryption of them (inferred), so its own output converts back and nothing else does.
const DPAPI_HEADER: &str = "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000";

impl Cmdlet for ConvertToSecureString {
    fn signature(&self) -> Signature {
        Signature::new(
            "ConvertTo-SecureString",
            "Microsoft.PowerShell.Commands.ConvertToSecureStringCommand",
            Origin::Core,
        )
        .synopsis("Converts plain text, or the text ConvertFrom-SecureString wrote, to a SecureString.")
        .param(
            Param::new(STRING, ParamType::String)
                .position(0)
                .mandatory()
                .from_pipeline()
                .help("The text (with -AsPlainText) or the hex string ConvertFrom-SecureString wrote."),
        )
        .param(
            Param::new(AS_PLAIN_TEXT, ParamType::Switch)
                .position(1)
                .help("The text is plain text (Windows PowerShell 5.1 also wants -Force)."),
        )
        .param(Param::new(FORCE, ParamType::Switch).position(2).help("Confirms the use of plain text."))
        .example("ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force", "A password value.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let s = args.string(STRING).unwrap_or_default();
        if !args.switch(AS_PLAIN_TEXT) {
            return match from_protected(&s) {
                Some(text) => {
                    cx.output(crate::value::secure::secure_string(&text));
                    Ok(())
                }
                None => cx.error(CmdletError::core(
                    "Key not valid for use in specified state.",
                    "System.Security.Cryptography.CryptographicException",
                    "InvalidArgument",
                    "ImportSecureString_InvalidArgument_CryptographicError",
                )),
            };
        }
        // Windows PowerShell 5.1 refuses plain text without -Force (ImportSecureString_ForceRequired);
        // PowerShell 7 dropped the check.
        if !args.switch(FORCE) && cx.directory().org.version.is_on_premises() {
            return cx.error(CmdletError::core(
                "The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information, type: get-help ConvertTo-SecureString.",
                "System.ArgumentException",
                "InvalidArgument",
                "ImportSecureString_ForceRequired",
            ));
        }
        cx.output(crate::value::secure::secure_string(&s));
        Ok(())
    }
}

/// ConvertFrom-SecureString's text for `text` without a key (see [`DPAPI_HEADER`]).
fn protect(text: &str) -> String {
    let mut out = String::from(DPAPI_HEADER);
    for unit in text.encode_utf16() {
        for b in unit.to_le_bytes() {
            out.push_str(&format!("{b:02x}"));
        }
    }
    out
}

/// The text [`protect`] wrote, or `None`.
fn from_protected(s: &str) -> Option<String> {
    let hex = s.trim().get(DPAPI_HEADER.len()..).filter(|_| s.trim().to_ascii_lowercase().starts_with(DPAPI_HEADER))?;
    if hex.len() % 4 != 0 {
        return None;
    }
    let bytes: Option<Vec<u8>> =
        (0..hex.len()).step_by(2).map(|i| hex.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect();
    let units: Vec<u16> = bytes?.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// `ConvertFrom-SecureString`.
pub struct ConvertFromSecureString;

impl Cmdlet for ConvertFromSecureString {
    fn signature(&self) -> Signature {
        Signature::new(
            "ConvertFrom-SecureString",
            "Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand",
            Origin::Core,
        )
        .synopsis("Converts a SecureString to a protected hex string (or, in PowerShell 7, back to plain text).")
        .param(
            Param::new(SECURE_STRING, ParamType::Object)
                .position(0)
                .mandatory()
                .from_pipeline()
                .type_display("SecureString")
                .help("The secure string."),
        )
        .param(
            Param::new(AS_PLAIN_TEXT, ParamType::Switch)
                .versions(crate::cmdlets::exchange::ONLINE)
                .help("Returns the plain text (PowerShell 7.0 and later)."),
        )
        .example(
            "$plain = @{ AsPlainText = $true; Force = $true }; ConvertFrom-SecureString (ConvertTo-SecureString 'P@ssw0rd' @plain)",
            "A password as text to store for this user.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let v = args.get(SECURE_STRING).cloned().unwrap_or(Value::Null);
        let Some(text) = crate::value::secure::secure_text(&v) else {
            return Err(CmdletError::core(
                format!(
                    "Cannot bind parameter 'SecureString'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Security.SecureString\".",
                    convert::to_string(&v),
                    v.type_name()
                ),
                "System.Management.Automation.ParameterBindingException",
                "InvalidArgument",
                "CannotConvertArgumentNoMessage",
            ));
        };
        // An empty SecureString is PSTraceSource.NewArgumentException("SecureString").
        if text.is_empty() {
            return cx.error(CmdletError::core(
                "Cannot process argument because the value of argument \"SecureString\" is not valid. Change the value of the \"SecureString\" argument and run the operation again.",
                "System.Management.Automation.PSArgumentException",
                "InvalidArgument",
                "Argument",
            ));
        }
        cx.output(Value::str(if args.switch(AS_PLAIN_TEXT) { text } else { protect(&text) }));
        Ok(())
    }
}

/// Commands that scripts call around the real work and that have nothing to do offline.
pub struct NoOp(&'static str, &'static str, &'static str);

/// The no-op commands.
pub fn no_ops() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(NoOp(
            "Set-ExecutionPolicy",
            "Microsoft.PowerShell.Commands.SetExecutionPolicyCommand",
            "Accepted; exsh runs scripts regardless of policy.",
        )),
        Box::new(NoOp("Set-StrictMode", "Microsoft.PowerShell.Commands.SetStrictModeCommand", "Accepted.")),
        Box::new(NoOp(
            "Install-Module",
            "Microsoft.PowerShell.PackageManagement.Cmdlets.InstallModule",
            "Accepted; nothing is downloaded.",
        )),
    ]
}

impl Cmdlet for NoOp {
    fn signature(&self) -> Signature {
        let mut s = Signature::new(self.0, self.1, Origin::Core).synopsis(self.2);
        for (n, t, pos) in [
            ("Name", ParamType::Object, Some(0)),
            ("ExecutionPolicy", ParamType::Object, None),
            ("Scope", ParamType::Object, None),
            ("Path", ParamType::Object, None),
            ("Version", ParamType::Object, None),
            ("Force", ParamType::Switch, None),
            ("Append", ParamType::Switch, None),
            ("AllowClobber", ParamType::Switch, None),
            ("Repository", ParamType::Object, None),
            ("RequiredVersion", ParamType::Object, None),
            ("Off", ParamType::Switch, None),
        ] {
            let mut p = Param::new(n, t).help("Accepted and ignored.");
            if let Some(i) = pos {
                p = p.position(i);
            }
            s = s.param(p);
        }
        s.example(self.0, "Accepted; does nothing offline.")
    }

    fn process(&self, _cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        Ok(())
    }
}
