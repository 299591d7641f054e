# [hashtable] of an ordered dictionary is new Hashtable(IDictionary): the default comparer
# (String.GetHashCode). about_Hash_Tables, "Creating ordered dictionaries".
[hashtable]$hash = [ordered]@{ Number = 1; Shape = "Square"; Color = "Blue"}
$hash
