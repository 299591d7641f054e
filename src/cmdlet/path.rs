//! Windows paths as scripts write them: `C:\temp\report.csv`, `\\server\share\x.csv`, `.\x.csv`,
//! `..\x`, `~\Desktop`, with `\` or `/` as separators. A path is resolved against the current
//! location into a [`WinPath`]: a root (a drive or a UNC share) and plain names, with `.` dropped
//! and `..` popping a name but never climbing above the root (as Windows does for `C:\..`).
//! Where a `WinPath` lives on the real disk is the file edge's business (`repl::host::StdFiles`).

use std::fmt;

/// The user's profile folder (`$HOME`, `~`, `$env:USERPROFILE`).
pub const HOME: &str = "C:\\Users\\Administrator";

/// Characters Windows refuses in a file name (besides the separators and `:`).
const INVALID: &[char] = &['<', '>', '"', '|', '\0'];

/// A path's root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Root {
    /// A drive letter, upper case.
    Drive(char),
    /// `\\server\share`.
    Unc {
        /// The server.
        server: String,
        /// The share.
        share: String,
    },
    /// The real disk's root, for a native absolute path the user gave (`/tmp/report.csv`).
    Native,
}

/// An absolute, normalized Windows path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WinPath {
    /// The drive or share.
    pub root: Root,
    /// The names below the root, in order.
    pub parts: Vec<String>,
}

impl fmt::Display for WinPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.root {
            Root::Drive(d) => write!(f, "{d}:\\")?,
            Root::Unc { server, share } => {
                write!(f, "\\\\{server}\\{share}")?;
                if !self.parts.is_empty() {
                    f.write_str("\\")?;
                }
            }
            Root::Native => return write!(f, "/{}", self.parts.join("/")),
        }
        f.write_str(&self.parts.join("\\"))
    }
}

impl WinPath {
    /// The root of a drive.
    pub fn drive(letter: char) -> WinPath {
        WinPath { root: Root::Drive(letter.to_ascii_uppercase()), parts: Vec::new() }
    }

    /// Parses an absolute path (`C:\a`, `\\server\share\a`); `None` for anything else.
    pub fn absolute(s: &str) -> Option<WinPath> {
        let s = s.replace('/', "\\");
        if let Some(rest) = s.strip_prefix("\\\\") {
            let mut it = rest.split('\\').filter(|p| !p.is_empty());
            let server = it.next()?.to_string();
            let share = it.next()?.to_string();
            let mut p = WinPath { root: Root::Unc { server, share }, parts: Vec::new() };
            p.push_all(&it.collect::<Vec<_>>().join("\\"));
            return Some(p);
        }
        let mut chars = s.chars();
        let d = chars.next().filter(|c| c.is_ascii_alphabetic())?;
        if chars.next() != Some(':') {
            return None;
        }
        let rest = chars.as_str();
        if !(rest.is_empty() || rest.starts_with('\\')) {
            return None;
        }
        let mut p = WinPath::drive(d);
        p.push_all(rest);
        Some(p)
    }

    /// The root alone.
    pub fn root_path(&self) -> WinPath {
        WinPath { root: self.root.clone(), parts: Vec::new() }
    }

    /// Appends a relative path: `.` stays, `..` goes up (not above the root).
    pub fn push_all(&mut self, rel: &str) {
        for part in rel.split(['\\', '/']) {
            match part {
                "" | "." => {}
                ".." => {
                    self.parts.pop();
                }
                // Windows drops trailing dots and spaces from a name.
                p => {
                    let t = p.trim_end_matches(['.', ' ']);
                    if t.is_empty() {
                        continue;
                    }
                    self.parts.push(t.to_string());
                }
            }
        }
    }

    /// This path with `rel` appended.
    pub fn join(&self, rel: &str) -> WinPath {
        let mut p = self.clone();
        p.push_all(rel);
        p
    }

    /// The parent folder; `None` at the root.
    pub fn parent(&self) -> Option<WinPath> {
        if self.parts.is_empty() {
            return None;
        }
        let mut p = self.clone();
        p.parts.pop();
        Some(p)
    }

    /// The last name (empty at the root).
    pub fn name(&self) -> &str {
        self.parts.last().map(|s| s.as_str()).unwrap_or("")
    }

    /// True when the path is at or below `base` (names compared ignoring case).
    pub fn starts_with(&self, base: &WinPath) -> bool {
        self.same_root(base)
            && base.parts.len() <= self.parts.len()
            && base.parts.iter().zip(&self.parts).all(|(a, b)| a.eq_ignore_ascii_case(b))
    }

    fn same_root(&self, other: &WinPath) -> bool {
        match (&self.root, &other.root) {
            (Root::Drive(a), Root::Drive(b)) => a == b,
            (Root::Unc { server: s1, share: h1 }, Root::Unc { server: s2, share: h2 }) => {
                s1.eq_ignore_ascii_case(s2) && h1.eq_ignore_ascii_case(h2)
            }
            (Root::Native, Root::Native) => true,
            _ => false,
        }
    }

    /// The same path, compared ignoring case (Windows file names are case-insensitive).
    pub fn same(&self, other: &WinPath) -> bool {
        self.parts.len() == other.parts.len() && self.starts_with(other)
    }

    /// A key for maps: the path in lower case.
    pub fn key(&self) -> String {
        self.to_string().to_lowercase()
    }

    /// The names below `base` when the path is under it.
    pub fn strip_prefix(&self, base: &WinPath) -> Option<&[String]> {
        if self.starts_with(base) { Some(&self.parts[base.parts.len()..]) } else { None }
    }
}

/// Why a path cannot name a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// A name has a character Windows refuses (`Illegal characters in path.`).
    IllegalCharacters,
    /// A `:` that is not a drive's (`The given path's format is not supported.`).
    FormatNotSupported,
}

impl PathError {
    /// .NET's message.
    pub fn message(&self) -> &'static str {
        match self {
            PathError::IllegalCharacters => "Illegal characters in path.",
            PathError::FormatNotSupported => "The given path's format is not supported.",
        }
    }
}

/// Strips a provider qualifier (`FileSystem::`, `Microsoft.PowerShell.Core\FileSystem::`).
fn strip_provider(input: &str) -> &str {
    for prefix in ["Microsoft.PowerShell.Core\\FileSystem::", "FileSystem::"] {
        if input.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)) {
            return &input[prefix.len()..];
        }
    }
    input
}

/// Resolves a path as a script wrote it against the current location.
pub fn resolve(location: &WinPath, input: &str) -> Result<WinPath, PathError> {
    let input = strip_provider(input.trim());
    let s = input.replace('/', "\\");
    if s.contains(INVALID) {
        return Err(PathError::IllegalCharacters);
    }
    let p = if s.starts_with("\\\\") {
        WinPath::absolute(&s).ok_or(PathError::FormatNotSupported)?
    } else if s.len() >= 2 && s.as_bytes()[1] == b':' && s.as_bytes()[0].is_ascii_alphabetic() {
        let d = (s.as_bytes()[0] as char).to_ascii_uppercase();
        let rest = &s[2..];
        if rest.starts_with('\\') {
            WinPath::drive(d).join(rest)
        } else if location.root == Root::Drive(d) {
            // `C:x` is relative to drive C's current folder.
            location.join(rest)
        } else {
            WinPath::drive(d).join(rest)
        }
    } else if let Some(rest) = s.strip_prefix('~').filter(|r| r.is_empty() || r.starts_with('\\')) {
        WinPath::absolute(HOME).map(|h| h.join(rest)).ok_or(PathError::FormatNotSupported)?
    } else if s.starts_with('\\') {
        location.root_path().join(&s)
    } else {
        location.join(&s)
    };
    if p.parts.iter().any(|n| n.contains(':')) {
        return Err(PathError::FormatNotSupported);
    }
    Ok(p)
}

/// True when a name has a wildcard (`*`, `?`, `[`).
pub fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// PowerShell's wildcard match (`*`, `?`, `[abc]`, `[a-z]`), ignoring case.
pub fn wildcard_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    matches(&p, &n)
}

/// One element of a wildcard pattern.
enum Tok {
    Star,
    One(Box<dyn Fn(char) -> bool>),
}

fn tokens(p: &[char]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '*' => out.push(Tok::Star),
            '?' => out.push(Tok::One(Box::new(|_| true))),
            '[' => match p[i..].iter().position(|&c| c == ']') {
                Some(close) => {
                    let set: Vec<char> = p[i + 1..i + close].to_vec();
                    out.push(Tok::One(Box::new(move |c| {
                        let mut j = 0;
                        while j < set.len() {
                            if j + 2 < set.len() && set[j + 1] == '-' {
                                if set[j] <= c && c <= set[j + 2] {
                                    return true;
                                }
                                j += 3;
                            } else {
                                if set[j] == c {
                                    return true;
                                }
                                j += 1;
                            }
                        }
                        false
                    })));
                    i += close;
                }
                None => out.push(Tok::One(Box::new(|c| c == '['))),
            },
            lit => out.push(Tok::One(Box::new(move |c| c == lit))),
        }
        i += 1;
    }
    out
}

/// Matching with one backtrack point per `*` (linear in practice, never exponential).
fn matches(p: &[char], n: &[char]) -> bool {
    let toks = tokens(p);
    let (mut t, mut i) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while i < n.len() {
        match toks.get(t) {
            Some(Tok::Star) => {
                star = Some((t, i));
                t += 1;
            }
            Some(Tok::One(f)) if f(n[i]) => {
                t += 1;
                i += 1;
            }
            _ => match star {
                Some((st, si)) => {
                    t = st + 1;
                    i = si + 1;
                    star = Some((st, si + 1));
                }
                None => return false,
            },
        }
    }
    toks[t..].iter().all(|k| matches!(k, Tok::Star))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc() -> WinPath {
        WinPath::absolute("C:\\Windows\\system32").expect("a path")
    }

    fn r(s: &str) -> String {
        resolve(&loc(), s).map(|p| p.to_string()).unwrap_or_else(|e| e.message().to_string())
    }

    #[test]
    fn relative_paths_join_the_location() {
        assert_eq!(r("x.csv"), "C:\\Windows\\system32\\x.csv");
        assert_eq!(r(".\\x.csv"), "C:\\Windows\\system32\\x.csv");
        assert_eq!(r("./a/b.txt"), "C:\\Windows\\system32\\a\\b.txt");
        assert_eq!(r(".."), "C:\\Windows");
        assert_eq!(r("."), "C:\\Windows\\system32");
    }

    #[test]
    fn dot_dot_never_climbs_above_the_root() {
        assert_eq!(r("..\\..\\..\\..\\etc\\passwd"), "C:\\etc\\passwd");
        assert_eq!(r("C:\\..\\.."), "C:\\");
        assert_eq!(r("\\\\srv\\share\\..\\..\\x"), "\\\\srv\\share\\x");
    }

    #[test]
    fn rooted_drive_unc_and_home() {
        assert_eq!(r("C:\\temp\\report.csv"), "C:\\temp\\report.csv");
        assert_eq!(r("d:/x"), "D:\\x");
        assert_eq!(r("\\temp"), "C:\\temp");
        assert_eq!(r("\\\\server\\share\\x.csv"), "\\\\server\\share\\x.csv");
        assert_eq!(r("~\\Desktop"), "C:\\Users\\Administrator\\Desktop");
        assert_eq!(r("C:x"), "C:\\Windows\\system32\\x");
        assert_eq!(r("D:x"), "D:\\x");
        assert_eq!(r("FileSystem::C:\\a"), "C:\\a");
        assert_eq!(r("D:"), "D:\\");
    }

    #[test]
    fn bad_paths_are_refused() {
        assert_eq!(r("a|b"), "Illegal characters in path.");
        assert_eq!(r("x\\a:b"), "The given path's format is not supported.");
        assert_eq!(r("\\\\server"), "The given path's format is not supported.");
    }

    #[test]
    fn prefixes_ignore_case() {
        let a = WinPath::absolute("c:\\WINDOWS\\System32\\x").expect("a path");
        assert!(a.starts_with(&loc()));
        assert_eq!(a.strip_prefix(&loc()).expect("a path"), ["x".to_string()]);
        assert!(!WinPath::absolute("D:\\Windows").expect("a path").starts_with(&WinPath::drive('c')));
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*.CSV", "users.csv"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("a?c", "ac"));
        assert!(wildcard_match("[a-c]x*", "bxyz"));
        assert!(!wildcard_match("[a-c]x", "dx"));
        assert!(has_wildcard("*.txt") && !has_wildcard("a.txt"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a*b*c", "axxbyyc"));
        assert!(!wildcard_match("a*b*c", "axxbyy"));
        // Many stars against a long name finish at once.
        let long = "a".repeat(200);
        assert!(!wildcard_match(&"*a".repeat(30).replace("*a*a", "*a*b"), &long));
    }
}
