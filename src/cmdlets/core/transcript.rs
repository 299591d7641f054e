//! Start-Transcript and Stop-Transcript: a transcript file in Windows PowerShell's format (the
//! `**********************` prologue with the start time, user, machine, host application, process
//! id and the `$PSVersionTable` lines, then everything the host shows, then the epilogue). The
//! cmdlets open and close it in `Session::transcript`; the engine copies the host's output into it.
//! Facts: docs/reference/files.md.

use crate::cmdlet::encoding::Encoding;
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::value::{Value, convert};

const STARS: &str = "**********************";

/// `yyyyMMddHHmmss` of a time (UTC).
fn stamp(secs: i64) -> String {
    let (y, m, d) = convert::civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!("{y:04}{m:02}{d:02}{:02}{:02}{:02}", t / 3600, t / 60 % 60, t % 60)
}

/// The version lines of the prologue (`$PSVersionTable`).
fn version_lines(pwsh7: bool) -> &'static [&'static str] {
    if pwsh7 {
        &[
            "PSVersion: 7.4.6",
            "PSEdition: Core",
            "GitCommitId: 7.4.6",
            "OS: Microsoft Windows 10.0.17763",
            "Platform: Win32NT",
            "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1, 6.0, 7.0",
            "PSRemotingProtocolVersion: 2.3",
            "SerializationVersion: 1.1.0.1",
            "WSManStackVersion: 3.0",
        ]
    } else {
        &[
            "PSVersion: 5.1.17763.1",
            "PSEdition: Desktop",
            "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1.17763.1",
            "BuildVersion: 10.0.17763.1",
            "CLRVersion: 4.0.30319.42000",
            "WSManStackVersion: 3.0",
            "PSRemotingProtocolVersion: 2.3",
            "SerializationVersion: 1.1.0.1",
        ]
    }
}

/// The process id the prologue shows (fixed: no real process to name).
const PROCESS_ID: u32 = 4242;

fn prologue(now: i64, pwsh7: bool) -> String {
    let title = if pwsh7 { "PowerShell transcript start" } else { "Windows PowerShell transcript start" };
    let host_app = if pwsh7 {
        "C:\\Program Files\\PowerShell\\7\\pwsh.dll"
    } else {
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"
    };
    let mut lines = vec![
        STARS.to_string(),
        title.to_string(),
        format!("Start time: {}", stamp(now)),
        "Username: CONTOSO\\Administrator".into(),
        "RunAs User: CONTOSO\\Administrator".into(),
        "Configuration Name: ".into(),
        "Machine: EX01 (Microsoft Windows NT 10.0.17763.0)".into(),
        format!("Host Application: {host_app}"),
        format!("Process ID: {PROCESS_ID}"),
    ];
    lines.extend(version_lines(pwsh7).iter().map(|s| s.to_string()));
    lines.push(STARS.into());
    lines.iter().map(|l| format!("{l}\r\n")).collect()
}

fn epilogue(now: i64, pwsh7: bool) -> String {
    let title = if pwsh7 { "PowerShell transcript end" } else { "Windows PowerShell transcript end" };
    format!("{STARS}\r\n{title}\r\nEnd time: {}\r\n{STARS}\r\n", stamp(now))
}

/// The default file: `Documents\PowerShell_transcript.<computer>.<random>.<timestamp>.txt`; the
/// eight "random" characters derive from the clock, so runs are repeatable.
fn default_path(now: i64) -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+";
    let mut x = (now as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED;
    let mut r = String::new();
    for _ in 0..8 {
        r.push(CHARS[(x % 62) as usize] as char);
        x /= 62;
    }
    format!("C:\\Users\\Administrator\\Documents\\PowerShell_transcript.EX01.{r}.{}.txt", stamp(now))
}

fn write_error(message: String) -> CmdletError {
    CmdletError::core(message, "System.InvalidOperationException", "InvalidOperation", "CannotStartTranscription")
}

/// `Start-Transcript`.
pub struct StartTranscript;

impl Cmdlet for StartTranscript {
    fn signature(&self) -> Signature {
        Signature::new("Start-Transcript", "Microsoft.PowerShell.Commands.StartTranscriptCommand", Origin::Core)
            .synopsis("Records the session's output in a text file.")
            .param(Param::new("Path", ParamType::String).position(0).sets(&["ByPath"]).help("The transcript file."))
            .param(
                Param::new("LiteralPath", ParamType::String)
                    .aliases(&["PSPath", "LP"])
                    .sets(&["ByLiteralPath"])
                    .help("The transcript file, taken literally."),
            )
            .param(
                Param::new("OutputDirectory", ParamType::String)
                    .sets(&["ByOutputDirectory"])
                    .help("A folder for a file with the default name."),
            )
            .param(Param::new("Append", ParamType::Switch).help("Adds to the end of an existing file."))
            .param(Param::new("Force", ParamType::Switch).help("Also replaces a read-only file."))
            .param(
                Param::new("NoClobber", ParamType::Switch)
                    .aliases(&["NoOverwrite"])
                    .help("Does not replace an existing file."),
            )
            .param(Param::new("IncludeInvocationHeader", ParamType::Switch).help("Accepted."))
            .sets(&["ByPath", "ByLiteralPath", "ByOutputDirectory"])
            .example(
                "Start-Transcript -Path C:\\temp\\run.txt",
                "Everything shown from now on also goes to C:\\temp\\run.txt.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let now = cx.now();
        let pwsh7 = !cx.directory().org.version.is_on_premises();
        let text = match (args.string("LiteralPath").or_else(|| args.string("Path")), args.string("OutputDirectory")) {
            (Some(p), _) => p,
            (None, Some(dir)) => {
                let name = default_path(now);
                let leaf = name.rsplit('\\').next().unwrap_or_default().to_string();
                format!("{}\\{leaf}", dir.trim_end_matches(['\\', '/']))
            }
            (None, None) => default_path(now),
        };
        let p = cx.files().resolve(&text).map_err(|e| write_error(e.message(&text)))?;
        let full = p.to_string();
        let exists = cx.files().stat(&p);
        if exists.is_some() && args.switch("NoClobber") && !args.switch("Append") {
            return Err(write_error(format!(
                "Transcription cannot be started due to the error: The file '{full}' already exists."
            )));
        }
        let append = args.switch("Append") && exists.as_ref().is_some_and(|i| i.len > 0);
        if let Some(parent) = p.parent() {
            if !cx.files().stat(&parent).is_some_and(|i| i.is_dir) {
                // Start-Transcript creates the folder it writes into.
                let _ = cx.files().create_dir(&parent);
            }
        }
        let enc = if pwsh7 { Encoding::Utf8 } else { Encoding::Utf8Bom };
        let header = prologue(now, pwsh7);
        let bytes = if append { enc.encode(&header) } else { enc.file_bytes(&header) };
        cx.files().write_bytes(&p, &bytes, append).map_err(|e| {
            write_error(format!("Transcription cannot be started due to the error: {}", e.message(&full)))
        })?;
        cx.session().transcript = Some(p);
        cx.output(Value::str(format!("Transcript started, output file is {full}")));
        Ok(())
    }
}

/// `Stop-Transcript`.
pub struct StopTranscript;

impl Cmdlet for StopTranscript {
    fn signature(&self) -> Signature {
        Signature::new("Stop-Transcript", "Microsoft.PowerShell.Commands.StopTranscriptCommand", Origin::Core)
            .synopsis("Stops the transcript Start-Transcript started.")
            .example("Stop-Transcript", "Closes the transcript file.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(p) = cx.session().transcript.take() else {
            return Err(CmdletError::core(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "System.Management.Automation.PSInvalidOperationException",
                "InvalidOperation",
                "InvalidOperation",
            ));
        };
        let pwsh7 = !cx.directory().org.version.is_on_premises();
        let now = cx.now();
        let _ = cx.files().write_bytes(&p, epilogue(now, pwsh7).as_bytes(), true);
        cx.output(Value::str(format!("Transcript stopped, output file is {p}")));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_and_default_names() {
        assert_eq!(stamp(1_764_070_771), "20251125113931");
        let p = default_path(1_764_070_771);
        assert!(p.starts_with("C:\\Users\\Administrator\\Documents\\PowerShell_transcript.EX01."), "{p}");
        assert!(p.ends_with(".20251125113931.txt"), "{p}");
        assert_eq!(p.split('.').nth(2).map(str::len), Some(8));
    }

    #[test]
    fn prologue_layout() {
        let text = prologue(1_764_070_771, false);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], STARS);
        assert_eq!(lines[1], "Windows PowerShell transcript start");
        assert_eq!(lines[2], "Start time: 20251125113931");
        assert_eq!(lines[8], "Process ID: 4242");
        assert!(epilogue(0, true).starts_with("**********************\r\nPowerShell transcript end\r\n"));
    }
}
