//! .NET enums as values: names, flags formatting (`FullAccess, ReadPermission`) and parsing with
//! PowerShell's rules (case-insensitive, comma-separated for flags, unique prefixes accepted).

/// A .NET enum type.
#[derive(Debug, PartialEq, Eq)]
pub struct EnumType {
    /// Full .NET type name, e.g. `Microsoft.Exchange.Management.RecipientTasks.MailboxRights`.
    pub name: &'static str,
    /// `[Flags]`.
    pub flags: bool,
    /// Members in declaration order (which is `Enum.GetNames` order: ascending value).
    pub members: &'static [(&'static str, u64)],
}

/// A value of an enum type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumValue {
    /// Its type.
    pub ty: &'static EnumType,
    /// Its numeric value.
    pub bits: u64,
}

/// Why a string did not convert to an enum value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumParseError {
    /// The identifier that matched no member.
    pub identifier: String,
}

impl EnumType {
    /// The value's name as .NET's `Enum.ToString()` prints it.
    ///
    /// Flags: members are taken greedily from the highest value down, then printed in ascending order
    /// (so `0x20001` of MailboxRights prints `FullAccess, ReadPermission`).
    pub fn format(&self, bits: u64) -> String {
        if let Some((n, _)) = self.members.iter().find(|(_, v)| *v == bits) {
            return (*n).to_string();
        }
        if !self.flags {
            return bits.to_string();
        }
        let mut sorted: Vec<&(&str, u64)> = self.members.iter().filter(|(_, v)| *v != 0).collect();
        sorted.sort_by_key(|m| std::cmp::Reverse(m.1));
        let mut rest = bits;
        let mut picked: Vec<&(&str, u64)> = Vec::new();
        for m in sorted {
            if rest & m.1 == m.1 && rest != 0 {
                picked.push(m);
                rest &= !m.1;
            }
        }
        if rest != 0 {
            return bits.to_string();
        }
        picked.sort_by_key(|m| m.1);
        picked.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
    }

    /// Looks one identifier up: an exact (case-insensitive) name, else a unique prefix
    /// (PowerShell's `EnumMinimumDisambiguation`), else a number.
    pub fn lookup(&self, ident: &str) -> Option<u64> {
        let ident = ident.trim();
        if let Some((_, v)) = self.members.iter().find(|(n, _)| n.eq_ignore_ascii_case(ident)) {
            return Some(*v);
        }
        if !ident.is_empty() {
            let lower = ident.to_ascii_lowercase();
            let matches: Vec<_> =
                self.members.iter().filter(|(n, _)| n.to_ascii_lowercase().starts_with(&lower)).collect();
            if matches.len() == 1 {
                return Some(matches[0].1);
            }
        }
        ident.parse::<u64>().ok()
    }

    /// Parses text such as `FullAccess` or (for flags) `FullAccess, ReadPermission`.
    pub fn parse(&'static self, text: &str) -> Result<EnumValue, EnumParseError> {
        let parts: Vec<&str> = if self.flags { text.split(',').collect() } else { vec![text] };
        let mut bits = 0;
        for p in parts {
            match self.lookup(p) {
                Some(v) => bits |= v,
                None => return Err(EnumParseError { identifier: p.trim().to_string() }),
            }
        }
        Ok(EnumValue { ty: self, bits })
    }

    /// Member names joined with `, ` (the list PowerShell prints in a conversion error).
    pub fn names_list(&self) -> String {
        self.members.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
    }
}

impl EnumValue {
    /// `ToString()`.
    pub fn name(&self) -> String {
        self.ty.format(self.bits)
    }

    /// True when every bit of `other` is set.
    pub fn has(&self, other: u64) -> bool {
        self.bits & other == other
    }
}
