//! exsh's command line as pwsh parses it (CommandLineParameterParser.cs): case-insensitive flags
//! with unambiguous prefixes, -EncodedCommand, -Command -, -NoExit, -NonInteractive,
//! -WorkingDirectory, -OutputFormat, -ExecutionPolicy, the arguments after -File, and pwsh's
//! errors (exit code 64) for what it does not accept. Facts: docs/reference/command-line.md.

use std::path::Path;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// What one run printed and returned.
struct Run {
    code: i32,
    out: String,
    err: String,
}

/// Runs exsh on a fresh org in `dir` (its working directory) with `args` and `stdin`.
fn exsh(dir: &Path, args: &[&str], stdin: &str) -> Result<Run, Box<dyn std::error::Error>> {
    let mut cmd = assert_cmd::Command::cargo_bin("exsh")?;
    cmd.current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1764070771")
        .env_remove("EXSH_ORG")
        .env("NO_COLOR", "1")
        .arg("--org")
        .arg(dir.join("org.json"))
        .args(args)
        .write_stdin(stdin.to_string());
    let out = cmd.output()?;
    Ok(Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).replace('\r', ""),
        err: String::from_utf8_lossy(&out.stderr).replace('\r', ""),
    })
}

#[test]
fn flags_are_case_insensitive_unambiguous_prefixes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-nop", "-NONI", "-exec", "Bypass", "-nol", "-c", "'hi'"], "")?;
    assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "hi\n", ""));
    let r = exsh(dir.path(), &["-NoProfile", "-ExecutionPolicy", "RemoteSigned", "-Command", "1 + 1"], "")?;
    assert_eq!((r.code, r.out.as_str()), (0, "2\n"));
    let r = exsh(dir.path(), &["--command", "'double dash'"], "")?;
    assert_eq!(r.out, "double dash\n");
    Ok(())
}

#[test]
fn an_ambiguous_prefix_lists_the_flags_it_could_be() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-no", "-c", "1"], "")?;
    assert_eq!(r.code, 64);
    assert_eq!(
        r.err,
        "Invalid argument '-no', did you mean:\n\n  -noexit\n  -nologo\n  -noninteractive\n  -noprofile\n  -noprofileloadtime\n"
    );
    assert_eq!(r.out, "", "no usage after a did-you-mean list");
    Ok(())
}

#[test]
fn an_unknown_flag_is_not_a_script_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-xyz"], "")?;
    assert_eq!(r.code, 64);
    assert_eq!(
        r.err,
        "The argument '-xyz' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"
    );
    assert!(r.out.contains("USAGE:"), "the usage follows: {}", r.out);
    Ok(())
}

#[test]
fn encoded_command_is_base64_of_utf16le() -> TestResult {
    let dir = tempfile::tempdir()?;
    let text = "\"encoded: $(2 + 3)\"";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let b64 = base64_encode(&bytes);
    for flag in ["-EncodedCommand", "-enc", "-e", "-ec"] {
        let r = exsh(dir.path(), &[flag, &b64], "")?;
        assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "encoded: 5\n", ""), "{flag}");
    }
    let r = exsh(dir.path(), &["-EncodedCommand", "not base64!"], "")?;
    assert_eq!(r.code, 64);
    assert_eq!(
        r.err,
        "Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.\n"
    );
    Ok(())
}

/// Standard base64 (the test's own encoder, so the decoder is checked against something else).
fn base64_encode(bytes: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[test]
fn command_reads_stdin_after_a_dash_and_runs_script_blocks() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-Command", "-"], "'from stdin'\n1 + 2\n")?;
    assert_eq!((r.code, r.out.as_str()), (0, "from stdin\n3\n"));
    let r = exsh(dir.path(), &["-Command", "-", "extra"], "")?;
    assert_eq!(r.code, 64);
    assert!(
        r.err.starts_with(
            "'-' was specified with the -Command parameter; no other arguments to -Command are permitted.\n"
        )
    );
    let r = exsh(dir.path(), &["-Command", "& { param($a) \"a=$a\" } 5"], "")?;
    assert_eq!(r.out, "a=5\n");
    let r = exsh(dir.path(), &["-Command"], "")?;
    assert_eq!(r.code, 64);
    assert!(
        r.err.starts_with(
            "Cannot process the command because of a missing parameter. A command must follow -Command.\n"
        )
    );
    Ok(())
}

#[test]
fn execution_policy_and_output_format_values_are_checked() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-ExecutionPolicy", "Sometimes", "-c", "1"], "")?;
    assert_eq!(r.code, 64);
    assert!(r.err.starts_with("Invalid ExecutionPolicy value 'Sometimes'.\n"));
    let r = exsh(dir.path(), &["-ep"], "")?;
    assert!(r.err.starts_with(
        "Cannot process the execution policy because of a missing policy name. A policy name must follow -ExecutionPolicy.\n"
    ));
    let r = exsh(dir.path(), &["-OutputFormat", "Text", "-c", "'text'"], "")?;
    assert_eq!((r.code, r.out.as_str()), (0, "text\n"));
    let r = exsh(dir.path(), &["-of", "XML", "-c", "1"], "")?;
    assert_eq!(r.code, 64);
    assert!(r.err.contains("-OutputFormat XML"), "{}", r.err);
    let r = exsh(dir.path(), &["-o", "Json", "-c", "1"], "")?;
    assert!(r.err.starts_with(
        "Cannot process the command because of an incorrect parameter value. \"Json\" is not a valid format.\nValid formats are:\nText\nXML\n"
    ));
    Ok(())
}

#[test]
fn file_arguments_bind_to_the_script_parameters() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("s.ps1"),
        "param([string]$Name, [switch]$Force, [switch]$Flag = $true, [int]$N)\n\"Name=$Name Force=$Force Flag=$Flag N=$N\"\n",
    )?;
    let r = exsh(dir.path(), &["-f", "s.ps1", "-Name", "bob", "-Force", "-Flag:$false", "-N:", "7"], "")?;
    assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "Name=bob Force=True Flag=False N=7\n", ""));
    let r = exsh(dir.path(), &["s.ps1", "alice", "-Flag:true"], "")?;
    assert_eq!(r.out, "Name=alice Force=False Flag=True N=0\n");
    std::fs::write(dir.path().join("notes.txt"), "'x'")?;
    let r = exsh(dir.path(), &["-File", "notes.txt"], "")?;
    assert_eq!(r.code, 64);
    assert_eq!(
        r.err,
        "Processing -File 'notes.txt' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name, and then try again.\n"
    );
    let r = exsh(dir.path(), &["-File"], "")?;
    assert!(r.err.starts_with("The command cannot be run because the File parameter requires a file path."));
    Ok(())
}

#[test]
fn non_interactive_prompts_fail_at_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    // Input is there, but -NonInteractive does not read it.
    let r = exsh(dir.path(), &["-NonInteractive", "-c", "$a = Read-Host 'Name'; \"after [$a]\""], "karen\n")?;
    assert_eq!(r.out, "after []\n", "no prompt is written");
    assert!(r.err.starts_with(
        "Read-Host : PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n"
    ));
    let r = exsh(dir.path(), &["-noni", "-c", "function f { param([Parameter(Mandatory)]$X) $X }; f"], "5\n")?;
    assert_eq!(r.out, "", "no prompt header");
    assert!(
        r.err.contains("Cannot process command because of one or more missing mandatory parameters: X."),
        "{}",
        r.err
    );
    Ok(())
}

#[test]
fn working_directory_is_where_the_run_starts() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::create_dir(dir.path().join("sub"))?;
    std::fs::write(dir.path().join("sub").join("data.txt"), "inside sub\n")?;
    let r = exsh(dir.path(), &["-WorkingDirectory", "sub", "-c", "Get-Content data.txt"], "")?;
    assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "inside sub\n", ""));
    let r = exsh(dir.path(), &["-wd"], "")?;
    assert!(r.err.starts_with(
        "Cannot process the command because -WorkingDirectory requires an argument that is a directory path."
    ));
    Ok(())
}

#[test]
fn no_exit_goes_on_in_the_shell_after_the_command() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-NoExit", "-c", "'first'"], "'then the shell'\nexit 4\n")?;
    assert_eq!(r.code, 4);
    assert!(r.out.starts_with("first\n"), "{}", r.out);
    assert!(r.out.contains("then the shell\n"), "{}", r.out);
    let r = exsh(dir.path(), &["-c", "'first'"], "'not read'\n")?;
    assert_eq!(r.out, "first\n");
    Ok(())
}

#[test]
fn help_and_version() -> TestResult {
    let dir = tempfile::tempdir()?;
    for flag in ["-?", "-Help", "-h", "--help", "/?"] {
        let r = exsh(dir.path(), &[flag], "")?;
        assert_eq!(r.code, 0, "{flag}");
        assert!(r.out.contains("-NonInteractive") && r.out.contains("-EncodedCommand"), "{flag}");
    }
    let r = exsh(dir.path(), &["-v"], "")?;
    assert!(r.out.starts_with("exsh "));
    Ok(())
}

/// -NonInteractive: Read-Host -AsSecureString fails at once too, without reading the input.
#[test]
fn non_interactive_secure_read_fails_at_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["-NonInteractive", "-c", "$p = Read-Host 'Password' -AsSecureString; \"[$p]\""], "x\n")?;
    assert_eq!(r.out, "[]\n", "no prompt is written");
    assert!(r.err.starts_with(
        "Read-Host : PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n"
    ));
    Ok(())
}

/// PowerShell 7.4's ConciseView for command-line errors (the Online profile): one line for an error
/// on the first line of the command text, the `Line |` block (under an empty header) for an error on a
/// later line; $ErrorView = 'NormalView' brings the 5.1 layout back, as 7.4 writes it.
#[test]
fn online_command_line_errors_are_concise() -> TestResult {
    let dir = tempfile::tempdir()?;
    let r = exsh(dir.path(), &["--exchange", "Online", "-c", "Write-Error 'one line'"], "")?;
    assert_eq!(r.err, "Write-Error: one line\n");
    let r = exsh(dir.path(), &["--exchange", "Online", "-c", "'first'\nGet-Thingamajig"], "")?;
    assert_eq!(
        r.err,
        "Get-Thingamajig:\nLine |\n   2 |  Get-Thingamajig\n     |  ~~~~~~~~~~~~~~~\n     | The term 'Get-Thingamajig' is \
         not recognized as a name of a cmdlet, function, script file, or executable\nprogram.\nCheck the spelling of the \
         name, or if a path was included, verify that the path is correct and try again.\n",
        "the message keeps its line break and the console wraps the long line at 119 columns"
    );
    let r = exsh(dir.path(), &["--exchange", "Online", "-c", "Get-Thingamajig"], "")?;
    assert_eq!(
        r.err,
        "Get-Thingamajig: The term 'Get-Thingamajig' is not recognized as a name of a cmdlet, function, script file, \
         or\nexecutable program.\nCheck the spelling of the name, or if a path was included, verify that the path is \
         correct and try again.\n"
    );
    let r = exsh(dir.path(), &["--exchange", "Online", "-c", "$ErrorView = 'NormalView'; Write-Error 'normal'"], "")?;
    assert!(
        r.err.contains("+ CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n"),
        "{}",
        r.err
    );
    assert!(!r.err.contains("    + CategoryInfo"), "{}", r.err);
    Ok(())
}

/// An argument that is not UTF-8 (Unix hands a program bytes) is read as .NET reads it, each
/// invalid sequence U+FFFD, never a panic: in -Command text, in a script's arguments, and as a flag
/// (docs/reference/unbreakable.md).
#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_read_lossily() -> TestResult {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir()?;
    let run = |args: &[&OsStr]| -> Result<Run, Box<dyn std::error::Error>> {
        let mut cmd = assert_cmd::Command::cargo_bin("exsh")?;
        cmd.current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", "1764070771")
            .env_remove("EXSH_ORG")
            .env("NO_COLOR", "1")
            .arg("--org")
            .arg(dir.path().join("org.json"))
            .args(args);
        let out = cmd.output()?;
        Ok(Run {
            code: out.status.code().unwrap_or(-1),
            out: String::from_utf8_lossy(&out.stdout).replace('\r', ""),
            err: String::from_utf8_lossy(&out.stderr).replace('\r', ""),
        })
    };
    let r = run(&[OsStr::new("-Command"), OsStr::from_bytes(b"\"a\xffb\".Length; \"a\xffb\"")])?;
    assert_eq!((r.code, r.out.as_str()), (0, "3\na\u{FFFD}b\n"), "{}", r.err);
    std::fs::write(dir.path().join("echo.ps1"), "param($Name) $Name.Length; $Name")?;
    let r = run(&[OsStr::new("-File"), OsStr::new("echo.ps1"), OsStr::from_bytes(b"x\xc3")])?;
    assert_eq!((r.code, r.out.as_str()), (0, "2\nx\u{FFFD}\n"), "{}", r.err);
    let r = run(&[OsStr::from_bytes(b"-No\xffProfile"), OsStr::new("-Command"), OsStr::new("1")])?;
    assert_ne!(r.code, 101, "a panic: {}", r.err);
    assert!(!r.err.contains("panicked"), "{}", r.err);
    Ok(())
}
