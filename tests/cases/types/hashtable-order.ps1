# known-difference: Windows PowerShell 5.1 enumerates @{} in .NET Hashtable bucket order (keys hashed by a culture-aware case-insensitive comparer); exsh keeps insertion order (docs/reference/types.md)
# The "Displaying hash tables" example of about_Hash_Tables (5.1).
$hash = @{ Number = 1; Shape = "Square"; Color = "Blue"}
$hash
