//! Console colours: `[ConsoleColor]` names as ANSI sequences (Write-Host `-ForegroundColor` and
//! `-BackgroundColor`) and the yellow `WARNING:` line.

/// ANSI escape sequence for a `[ConsoleColor]` name as a foreground colour (Write-Host
/// `-ForegroundColor`), or `None` for an unknown name.
pub fn ansi_foreground(color: &str) -> Option<&'static str> {
    let code = match color.to_ascii_lowercase().as_str() {
        "black" => "\x1b[30m",
        "darkblue" => "\x1b[34m",
        "darkgreen" => "\x1b[32m",
        "darkcyan" => "\x1b[36m",
        "darkred" => "\x1b[31m",
        "darkmagenta" => "\x1b[35m",
        "darkyellow" => "\x1b[33m",
        "gray" => "\x1b[37m",
        "darkgray" => "\x1b[90m",
        "blue" => "\x1b[94m",
        "green" => "\x1b[92m",
        "cyan" => "\x1b[96m",
        "red" => "\x1b[91m",
        "magenta" => "\x1b[95m",
        "yellow" => "\x1b[93m",
        "white" => "\x1b[97m",
        _ => return None,
    };
    Some(code)
}

/// ANSI escape sequence for a `[ConsoleColor]` name as a background colour (`-BackgroundColor`).
pub fn ansi_background(color: &str) -> Option<&'static str> {
    let code = match color.to_ascii_lowercase().as_str() {
        "black" => "\x1b[40m",
        "darkblue" => "\x1b[44m",
        "darkgreen" => "\x1b[42m",
        "darkcyan" => "\x1b[46m",
        "darkred" => "\x1b[41m",
        "darkmagenta" => "\x1b[45m",
        "darkyellow" => "\x1b[43m",
        "gray" => "\x1b[47m",
        "darkgray" => "\x1b[100m",
        "blue" => "\x1b[104m",
        "green" => "\x1b[102m",
        "cyan" => "\x1b[106m",
        "red" => "\x1b[101m",
        "magenta" => "\x1b[105m",
        "yellow" => "\x1b[103m",
        "white" => "\x1b[107m",
        _ => return None,
    };
    Some(code)
}

/// Resets colours.
pub const ANSI_RESET: &str = "\x1b[0m";

/// `text` wrapped in colour codes (only for terminals; unknown colour names leave it plain).
pub fn colorize(text: &str, foreground: Option<&str>, background: Option<&str>) -> String {
    let fg = foreground.and_then(ansi_foreground).unwrap_or("");
    let bg = background.and_then(ansi_background).unwrap_or("");
    if fg.is_empty() && bg.is_empty() { text.to_string() } else { format!("{fg}{bg}{text}{ANSI_RESET}") }
}

/// A warning line as the console shows it (`WARNING: <text>`), yellow on terminals.
pub fn warning_line(message: &str, color: bool) -> String {
    let line = format!("WARNING: {message}");
    if color { colorize(&line, Some("Yellow"), None) } else { line }
}
